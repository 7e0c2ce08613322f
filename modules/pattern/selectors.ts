/**
 * Typed selectors for Stax events: `SecurityEvents.from(source)` and
 * `AccountManagementEvents.from(source)` build `EventPattern`s for one category (by type, group,
 * status and organisation, plus named presets), and `StaxEvents.from(source)` gives both and the
 * patterns that cross categories, such as the events the catalogue does not list yet.
 *
 * Every pattern pins `source` to the partner event source given to `from`. Category selectors pin
 * `detail-type` to their category: to the listed types, or to the `<category>: ` prefix when no
 * type is listed (those select types Stax adds to the category later, too).
 */
import { STAX_DETAIL_TYPES, type SecurityEventName, type AccountManagementEventName } from "../events";
import { StaxEventCategorySelectors, checkStaxPartnerEventSource, type StaxEventFilter } from "./category-selectors";
import { within } from "../private/messages";
import { Match } from "./match";
import {
  AccountManagementEventPresets,
  SecurityEventPresets,
  type AccountManagementEventPresetName,
  type SecurityEventPresetName,
} from "./presets";
import type { EventPattern } from "./types";

export {
  StaxEventCategorySelectors,
  checkStaxPartnerEventSource,
  isStaxPartnerEventSource,
  type StaxEventFilter,
} from "./category-selectors";
export * from "./presets";

/** What to select among Stax Security events. Every key given narrows the selection further. */
export type SecurityEventFilter = StaxEventFilter<SecurityEventName>;

/** What to select among Stax AccountManagement events. Every key given narrows the selection further. */
export type AccountManagementEventFilter = StaxEventFilter<AccountManagementEventName>;

/** Entry point of the Security event selectors. */
export class SecurityEvents {
  /**
   * Selectors for the Security events of one Stax partner event source.
   * @param source the partner event source name, `aws.partner/stax.io/<12-digit account id>/<name>`.
   *   A value containing `${` (an unresolved cdktf token or Terraform expression) is not checked.
   * @throws Error naming the value and the expected form when `source` is not a Stax partner source.
   */
  public static from(source: string): SecurityEventSelectors {
    return within("SecurityEvents.from", () => new SecurityEventSelectors(source));
  }

  private constructor() {}
}

/** Builds event patterns for the Security events of one Stax partner event source. */
export class SecurityEventSelectors extends StaxEventCategorySelectors<"Security", SecurityEventPresetName> {
  /** Prefer {@link SecurityEvents.from}. @throws Error when `source` is not a Stax partner source. */
  constructor(source: string) {
    super(source, "Security", SecurityEventPresets);
  }

  /**
   * Failed logins: `UserAuthenticationEvent` and `APITokenAuthenticationEvent` with status `FAILED`.
   * @param extra further narrowing, e.g. `{ organizationIds: [...] }`.
   */
  public failedLogins(extra: Omit<SecurityEventFilter, "types" | "status"> = {}): EventPattern {
    return this.preset("failedLogins", extra);
  }

  /**
   * API-token lifecycle: `ApiTokenCreateEvent`, `ApiTokenUpdateEvent`, `ApiTokenDeleteEvent`.
   * @param extra further narrowing, e.g. `{ status: "SUCCESS" }`.
   */
  public apiTokenLifecycle(extra: Omit<SecurityEventFilter, "types"> = {}): EventPattern {
    return this.preset("apiTokenLifecycle", extra);
  }

  /**
   * Identity changes, every `stax.identity` event: `UserCreateEvent`, `UserUpdateEvent`,
   * `UserDeleteEvent`, `UserEmailVerificationEvent`, `UserPasswordResetEvent`, `GroupCreateEvent`,
   * `GroupUpdateEvent`, `GroupDeleteEvent`, `GroupAddMemberEvent`, `GroupRemoveMemberEvent`.
   * @param extra further narrowing.
   */
  public identityChanges(extra: Omit<SecurityEventFilter, "types"> = {}): EventPattern {
    return this.preset("identityChanges", extra);
  }

  /**
   * Policy changes: `PolicyCreateEvent`, `PolicyUpdateEvent`, `PolicyDeleteEvent`,
   * `PolicyAttachToOrganizationEvent`, `PolicyDetachFromOrganizationEvent`.
   * @param extra further narrowing.
   */
  public policyChanges(extra: Omit<SecurityEventFilter, "types"> = {}): EventPattern {
    return this.preset("policyChanges", extra);
  }

  /**
   * All 20 Security event types of the catalogue, listed by name (a type Stax adds later is not
   * selected until the catalogue lists it; `select()` with no types selects by prefix instead).
   * @param extra further narrowing.
   */
  public allSecurityEvents(extra: Omit<SecurityEventFilter, "types"> = {}): EventPattern {
    return this.preset("allSecurityEvents", extra);
  }
}

/** Entry point of the AccountManagement event selectors. */
export class AccountManagementEvents {
  /**
   * Selectors for the AccountManagement events of one Stax partner event source.
   * @param source the partner event source name, `aws.partner/stax.io/<12-digit account id>/<name>`.
   * @throws Error naming the value and the expected form when `source` is not a Stax partner source.
   */
  public static from(source: string): AccountManagementEventSelectors {
    return within("AccountManagementEvents.from", () => new AccountManagementEventSelectors(source));
  }

  private constructor() {}
}

/** Builds event patterns for the AccountManagement events of one Stax partner event source. */
export class AccountManagementEventSelectors extends StaxEventCategorySelectors<
  "AccountManagement",
  AccountManagementEventPresetName
> {
  /** Prefer {@link AccountManagementEvents.from}. @throws Error when `source` is not a Stax partner source. */
  constructor(source: string) {
    super(source, "AccountManagement", AccountManagementEventPresets);
  }

  /**
   * Failed account operations: `AccountCreateEvent` and `AccountUpdateEvent` with status `FAILED`.
   * @param extra further narrowing, e.g. `{ organizationIds: [...] }`.
   */
  public failedAccountOperations(extra: Omit<AccountManagementEventFilter, "types" | "status"> = {}): EventPattern {
    return this.preset("failedAccountOperations", extra);
  }

  /**
   * Both AccountManagement event types of the catalogue, listed by name (`select()` with no types
   * selects by the `AccountManagement: ` prefix, future types included).
   * @param extra further narrowing, e.g. `{ status: "SUCCESS" }`.
   */
  public allAccountManagementEvents(extra: Omit<AccountManagementEventFilter, "types"> = {}): EventPattern {
    return this.preset("allAccountManagementEvents", extra);
  }
}

/** Entry point of the selectors for every category of Stax events. */
export class StaxEvents {
  /**
   * Selectors for the events of one Stax partner event source, of every category.
   * @param source the partner event source name, `aws.partner/stax.io/<12-digit account id>/<name>`.
   * @throws Error naming the value and the expected form when `source` is not a Stax partner source.
   */
  public static from(source: string): StaxEventSelectors {
    return within("StaxEvents.from", () => new StaxEventSelectors(source));
  }

  private constructor() {}
}

/** Builds event patterns across the categories of one Stax partner event source. */
export class StaxEventSelectors {
  /** The partner event source every pattern is pinned to. */
  public readonly source: string;
  /** The Security selectors of the source. */
  public readonly security: SecurityEventSelectors;
  /** The AccountManagement selectors of the source. */
  public readonly accountManagement: AccountManagementEventSelectors;

  /** Prefer {@link StaxEvents.from}. @throws Error when `source` is not a Stax partner source. */
  constructor(source: string) {
    this.source = checkStaxPartnerEventSource(source);
    this.security = new SecurityEventSelectors(source);
    this.accountManagement = new AccountManagementEventSelectors(source);
  }

  /** Every event from the source, catalogued or not. */
  public all(): EventPattern {
    return { source: [this.source] };
  }

  /**
   * The events from the source whose `detail-type` the catalogue does not list: `anything-but`
   * every catalogued detail-type. Route them to a queue or to Slack to learn when Stax publishes
   * a new event type (or a category the library does not know yet).
   */
  public uncatalogued(): EventPattern {
    return { source: [this.source], "detail-type": [Match.anythingBut(...STAX_DETAIL_TYPES)] };
  }
}

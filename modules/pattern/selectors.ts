/**
 * Typed selectors for Stax Security events: `SecurityEvents.from(source)` returns methods that
 * build `EventPattern`s by type, group, status and organisation, plus named presets.
 *
 * Every pattern pins `source` to the partner event source given to `from`, and pins `detail-type`
 * to Security events: to the listed types, or to the `Security: ` prefix when no type is listed,
 * so no selector ever matches another Stax event category or an AWS service event.
 */
import {
  SECURITY_DETAIL_TYPE_PREFIX,
  SECURITY_EVENT_NAMES,
  SECURITY_EVENT_STATUSES,
  STAX_EVENT_SOURCE_GROUPS,
  assertStaxEventSourceGroup,
  detailType,
  securityEventType,
  type SecurityEventName,
  type SecurityEventStatus,
  type StaxEventSourceGroup,
} from "../events";
import { Match } from "./match";
import { SecurityEventPresets, type SecurityEventPresetName } from "./presets";
import type { EventPattern } from "./types";

export { SecurityEventPresets, type SecurityEventPreset, type SecurityEventPresetName } from "./presets";

/** What to select among Stax Security events. Every key given narrows the selection further. */
export interface SecurityEventFilter {
  /** Event types to select. @default - every Security event type */
  readonly types?: readonly SecurityEventName[];
  /** `detail.staxEventSource` groups to select. @default - every group */
  readonly groups?: readonly StaxEventSourceGroup[];
  /**
   * Outcome to select (`detail.status`). Authentication events may omit `status`; such events
   * never match a status filter.
   * @default - any outcome, and events without a status
   */
  readonly status?: SecurityEventStatus;
  /** Stax organisation ids to select (`detail.meta.organization.id`). @default - every organisation */
  readonly organizationIds?: readonly string[];
}

const FILTER_KEYS: readonly (keyof SecurityEventFilter)[] = ["types", "groups", "status", "organizationIds"];
const STAX_SOURCE = /^aws\.partner\/stax\.io\/\d{12}\/[.\-_A-Za-z0-9]{1,200}$/;

/**
 * Whether `source` has the form of a Stax partner event source,
 * `aws.partner/stax.io/<12-digit account id>/<name>`.
 */
export function isStaxPartnerEventSource(source: string): boolean {
  return STAX_SOURCE.test(source);
}

/** Entry point of the Security event selectors. */
export class SecurityEvents {
  /**
   * Selectors for the Security events of one Stax partner event source.
   * @param source the partner event source name, `aws.partner/stax.io/<12-digit account id>/<name>`.
   *   A value containing `${` (an unresolved cdktf token or Terraform expression) is not checked.
   * @throws Error naming the value and the expected form when `source` is not a Stax partner source.
   */
  public static from(source: string): SecurityEventSelectors {
    return new SecurityEventSelectors(source);
  }

  private constructor() {}
}

/** Builds event patterns for the Security events of one Stax partner event source. */
export class SecurityEventSelectors {
  /** The partner event source every pattern is pinned to. */
  public readonly source: string;

  /** Prefer {@link SecurityEvents.from}. @throws Error when `source` is not a Stax partner source. */
  constructor(source: string) {
    if (typeof source !== "string" || (!source.includes("${") && !isStaxPartnerEventSource(source))) {
      throw new Error(
        `Stax partner event source '${String(source)}' is not valid; expected ` +
          "'aws.partner/stax.io/<12-digit account id>/<name>', e.g. 'aws.partner/stax.io/123456789012/default'.",
      );
    }
    this.source = source;
  }

  /**
   * The general selector: every key of `filter` narrows the selection; an empty filter selects
   * every Security event.
   * @throws Error on an unknown type, group or status, an empty list, or types outside `groups`.
   */
  public select(filter: SecurityEventFilter = {}): EventPattern {
    return renderFilter(this.source, filter);
  }

  /** One event type, e.g. `ofType("UserCreateEvent", { status: "FAILED" })`. */
  public ofType(name: SecurityEventName, extra: Omit<SecurityEventFilter, "types"> = {}): EventPattern {
    return this.select(withKey("ofType", extra, "types", [name]));
  }

  /** Several event types (sorted into catalogue order). */
  public ofTypes(names: readonly SecurityEventName[], extra: Omit<SecurityEventFilter, "types"> = {}): EventPattern {
    return this.select(withKey("ofTypes", extra, "types", names));
  }

  /** The events of one or more `staxEventSource` groups, e.g. `inGroup("stax.api")`. */
  public inGroup(
    groups: StaxEventSourceGroup | readonly StaxEventSourceGroup[],
    extra: Omit<SecurityEventFilter, "groups"> = {},
  ): EventPattern {
    return this.select(withKey("inGroup", extra, "groups", asList(groups)));
  }

  /** The Security events with one outcome, e.g. `withStatus("FAILED")`. */
  public withStatus(status: SecurityEventStatus, extra: Omit<SecurityEventFilter, "status"> = {}): EventPattern {
    return this.select(withKey("withStatus", extra, "status", status));
  }

  /** The Security events of one or more Stax organisations (`detail.meta.organization.id`). */
  public forOrganization(
    ids: string | readonly string[],
    extra: Omit<SecurityEventFilter, "organizationIds"> = {},
  ): EventPattern {
    return this.select(withKey("forOrganization", extra, "organizationIds", asList(ids)));
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

  /** Any preset of {@link SecurityEventPresets} by name, further narrowed by `extra`. */
  public preset(name: SecurityEventPresetName, extra: Omit<SecurityEventFilter, "types"> = {}): EventPattern {
    const preset = SecurityEventPresets[name];
    if (preset === undefined) {
      const valid = Object.keys(SecurityEventPresets).join(", ");
      throw new Error(`unknown Security event preset '${String(name)}'. Valid presets: ${valid}.`);
    }
    const narrowed = withKey(name, extra, "types", preset.types);
    return this.select(preset.status === undefined ? narrowed : withKey(name, narrowed, "status", preset.status));
  }
}

function asList<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? value : [value as T];
}

/** `extra` with `key` set; a JavaScript caller who also put `key` in `extra` is told where it goes. */
function withKey<K extends keyof SecurityEventFilter>(
  method: string,
  extra: Omit<SecurityEventFilter, K>,
  key: K,
  value: SecurityEventFilter[K],
): SecurityEventFilter {
  if (extra !== null && typeof extra === "object" && key in extra) {
    throw new Error(`${method}: '${key}' is set by ${method} itself; remove it from the extra filter.`);
  }
  return { ...extra, [key]: value };
}

function renderFilter(source: string, filter: SecurityEventFilter): EventPattern {
  checkFilterKeys(filter);
  const types = filter.types === undefined ? undefined : sortedTypes(filter.types);
  const groups = filter.groups === undefined ? undefined : sortedGroups(filter.groups);
  if (types !== undefined && groups !== undefined) checkTypesInGroups(types, groups);
  const organizationIds = filter.organizationIds === undefined ? undefined : checkedIds(filter.organizationIds);
  if (filter.status !== undefined) checkStatus(filter.status);

  const detail: Record<string, EventPattern[string]> = {};
  if (filter.status !== undefined) detail.status = [filter.status];
  if (groups !== undefined) detail.staxEventSource = groups;
  if (organizationIds !== undefined) detail.meta = { organization: { id: organizationIds } };

  return {
    source: [source],
    "detail-type": types === undefined ? [Match.prefix(SECURITY_DETAIL_TYPE_PREFIX)] : types.map(detailType),
    ...(Object.keys(detail).length > 0 ? { detail } : {}),
  };
}

function checkFilterKeys(filter: SecurityEventFilter): void {
  if (filter === null || typeof filter !== "object" || Array.isArray(filter)) {
    throw new Error(`the Security event filter must be an object with keys ${FILTER_KEYS.join(", ")}.`);
  }
  for (const key of Object.keys(filter)) {
    if (!(FILTER_KEYS as readonly string[]).includes(key)) {
      throw new Error(`unknown Security event filter key '${key}'. Valid keys: ${FILTER_KEYS.join(", ")}.`);
    }
  }
}

function nonEmptyList<T>(key: string, value: readonly T[], what: string): readonly T[] {
  if (!Array.isArray(value)) throw new Error(`${key} must be a list of ${what}, got ${JSON.stringify(value)}.`);
  if (value.length === 0) {
    throw new Error(
      `${key} is an empty list, which would match nothing; pass at least one of ${what}, or leave ${key} out to select all.`,
    );
  }
  return value;
}

function sortedTypes(types: readonly SecurityEventName[]): SecurityEventName[] {
  nonEmptyList("types", types, "the Security event types").forEach((name) => securityEventType(name));
  return SECURITY_EVENT_NAMES.filter((name) => types.includes(name));
}

function sortedGroups(groups: readonly StaxEventSourceGroup[]): StaxEventSourceGroup[] {
  nonEmptyList("groups", groups, `the groups ${STAX_EVENT_SOURCE_GROUPS.join(", ")}`).forEach((group) =>
    assertStaxEventSourceGroup(group),
  );
  return STAX_EVENT_SOURCE_GROUPS.filter((group) => groups.includes(group));
}

function checkTypesInGroups(types: readonly SecurityEventName[], groups: readonly StaxEventSourceGroup[]): void {
  const outside = types.filter((name) => !groups.includes(securityEventType(name).staxEventSource));
  if (outside.length > 0) {
    const listed = outside.map((name) => `${name} (${securityEventType(name).staxEventSource})`).join(", ");
    throw new Error(
      `types ${listed} are outside groups ${groups.join(", ")}, so the pattern would never match them. ` +
        "Remove them from types, or add their groups.",
    );
  }
}

function checkStatus(status: string): void {
  if (!(SECURITY_EVENT_STATUSES as readonly string[]).includes(status)) {
    throw new Error(
      `status '${status}' is not valid; use ${SECURITY_EVENT_STATUSES.map((s) => `'${s}'`).join(" or ")}.`,
    );
  }
}

function checkedIds(ids: readonly string[]): string[] {
  nonEmptyList("organizationIds", ids, "the Stax organisation ids");
  for (const id of ids) {
    if (typeof id !== "string" || id.trim() === "") {
      throw new Error(
        `organization id ${JSON.stringify(id)} is not valid; pass the Stax organisation id (a UUID) as it appears in detail.meta.organization.id.`,
      );
    }
  }
  return [...new Set(ids)];
}

/**
 * Named selections of catalogued Stax events, one table per category. The selector methods of the
 * same names (`SecurityEvents.from(source).failedLogins()`, `bus.accountEvents.failedAccountOperations()`,
 * ...) build their patterns from these tables, so tests and docs read the same lists the code uses.
 */
import {
  ACCOUNT_MANAGEMENT_EVENT_NAMES,
  SECURITY_EVENT_NAMES,
  type AccountManagementEventName,
  type SecurityEventName,
  type StaxEventStatus,
} from "../events";

/** What a preset selects: a list of event types of one category and, optionally, one outcome. */
export interface StaxEventPreset<N extends string = string> {
  /** One line saying what the preset is for. */
  readonly description: string;
  /** The event types it selects, in catalogue order. */
  readonly types: readonly N[];
  /** The outcome it selects. @default - either outcome */
  readonly status?: StaxEventStatus;
}

/** What a Security preset selects. */
export type SecurityEventPreset = StaxEventPreset<SecurityEventName>;

/** The names of the Security event presets. */
export type SecurityEventPresetName =
  | "failedLogins"
  | "apiTokenLifecycle"
  | "identityChanges"
  | "policyChanges"
  | "allSecurityEvents";

/**
 * The Security event presets, by name; each is also a selector of `bus.securityEvents`.
 *
 * @example
 * ```ts
 * SecurityEventPresets.failedLogins.types; // ["UserAuthenticationEvent", "APITokenAuthenticationEvent"]
 * bus.securityEvents.failedLogins(); // its pattern, for a StaxEventRule
 * ```
 */
export const SecurityEventPresets: { readonly [P in SecurityEventPresetName]: SecurityEventPreset } = {
  failedLogins: {
    description: "Failed authentications of Stax users and of Stax API tokens.",
    types: ["UserAuthenticationEvent", "APITokenAuthenticationEvent"],
    status: "FAILED",
  },
  apiTokenLifecycle: {
    description: "Stax API tokens created, modified or deleted.",
    types: ["ApiTokenCreateEvent", "ApiTokenUpdateEvent", "ApiTokenDeleteEvent"],
  },
  identityChanges: {
    description:
      "Every stax.identity event: users and groups created, updated or deleted, group membership " +
      "changes, and the password-reset and email-verification emails that hand out credentials.",
    types: [
      "UserCreateEvent",
      "UserUpdateEvent",
      "UserDeleteEvent",
      "UserEmailVerificationEvent",
      "UserPasswordResetEvent",
      "GroupCreateEvent",
      "GroupUpdateEvent",
      "GroupDeleteEvent",
      "GroupAddMemberEvent",
      "GroupRemoveMemberEvent",
    ],
  },
  policyChanges: {
    description: "Stax policies created, modified or deleted, and attached to or detached from an organisation.",
    types: [
      "PolicyCreateEvent",
      "PolicyUpdateEvent",
      "PolicyDeleteEvent",
      "PolicyAttachToOrganizationEvent",
      "PolicyDetachFromOrganizationEvent",
    ],
  },
  allSecurityEvents: {
    description: "All 20 Security event types of the catalogue.",
    types: SECURITY_EVENT_NAMES,
  },
};

/** What an AccountManagement preset selects. */
export type AccountManagementEventPreset = StaxEventPreset<AccountManagementEventName>;

/** The names of the AccountManagement event presets. */
export type AccountManagementEventPresetName = "failedAccountOperations" | "allAccountManagementEvents";

/**
 * The AccountManagement event presets, by name; each is also a selector of `bus.accountEvents`.
 *
 * @example
 * ```ts
 * AccountManagementEventPresets.failedAccountOperations.status; // "FAILED"
 * bus.accountEvents.failedAccountOperations(); // its pattern, for a StaxEventRule
 * ```
 */
export const AccountManagementEventPresets: {
  readonly [P in AccountManagementEventPresetName]: AccountManagementEventPreset;
} = {
  failedAccountOperations: {
    description: "AWS accounts Stax failed to create or to modify.",
    types: ["AccountCreateEvent", "AccountUpdateEvent"],
    status: "FAILED",
  },
  allAccountManagementEvents: {
    description: "Both AccountManagement event types of the catalogue: accounts created or modified through Stax.",
    types: ACCOUNT_MANAGEMENT_EVENT_NAMES,
  },
};

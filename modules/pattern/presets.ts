/**
 * Named selections of Stax Security events. The selector methods of the same names
 * (`SecurityEvents.from(source).failedLogins()`, ...) build their patterns from this table, so
 * tests and docs read the same list the code uses.
 */
import { SECURITY_EVENT_NAMES, type SecurityEventName, type SecurityEventStatus } from "../events";

/** What a preset selects: a list of event types and, optionally, one outcome. */
export interface SecurityEventPreset {
  /** One line saying what the preset is for. */
  readonly description: string;
  /** The event types it selects, in catalogue order. */
  readonly types: readonly SecurityEventName[];
  /** The outcome it selects. @default - either outcome */
  readonly status?: SecurityEventStatus;
}

/** The names of the Security event presets. */
export type SecurityEventPresetName =
  | "failedLogins"
  | "apiTokenLifecycle"
  | "identityChanges"
  | "policyChanges"
  | "allSecurityEvents";

/** The Security event presets, by name. */
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

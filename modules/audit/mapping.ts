/**
 * How each Stax event type becomes an audit record: the per-type constants of the record (`crud`,
 * `action`, `source`, and the `description` used when the event carries no `message`). Plain data,
 * no cdktf import, so tests and Lambda code can read it.
 */

/** What an action did to its object: the `crud` field of an audit record. */
export type AuditCrud = "create" | "read" | "update" | "delete";

/** Whether the action succeeded: the `result` field of an audit record (`FAILED` is always `fail`). */
export type AuditResult = "pass" | "fail";

/** Through what the action came: the `source` field of an audit record. */
export type AuditSource = "Web" | "API";

/** The `crud` values, in order. */
export const AUDIT_CRUD_VALUES: readonly AuditCrud[] = ["create", "read", "update", "delete"];
/** The `result` values, in order. */
export const AUDIT_RESULT_VALUES: readonly AuditResult[] = ["pass", "fail"];
/** The `source` values, in order. */
export const AUDIT_SOURCE_VALUES: readonly AuditSource[] = ["Web", "API"];

/** One normalised audit record, as the audit log writes it (one JSON object per line). */
export interface AuditRecord {
  /** The Stax event id (`detail.staxEventID`). */
  readonly id: string;
  /** Email of the acting Stax user; null when the event has no user, "" when the user has no email. */
  readonly user_email: string | null;
  /** Id of the acting Stax user (`detail.meta.user.id`); null when the event has no user. */
  readonly user_id: string | null;
  /** The Stax organisation (`detail.meta.organization.id`). */
  readonly organization_id: string;
  /** What the action did. */
  readonly crud: AuditCrud;
  /** Whether it succeeded. */
  readonly result: AuditResult;
  /** The action, a lower-case kebab-case verb phrase, e.g. `user-login`. */
  readonly action: string;
  /** Through what it came. */
  readonly source: AuditSource;
  /** The Stax `message`, or a sentence describing the event type when there is none. */
  readonly description: string;
  /** When Stax says the event happened (`detail.staxEventTime`, ISO 8601). */
  readonly event_time: string;
  /** The event's other useful fields: detail-type, status, error code, the ids it is about, `meta`. */
  readonly context: { readonly [key: string]: unknown };
}

/** The per-type constants of an audit record. */
export interface AuditActionSpec {
  /** The `action` of the record. */
  readonly action: string;
  /** The `crud` of the record. */
  readonly crud: AuditCrud;
  /** The `source` of the record. */
  readonly source: AuditSource;
  /** The `description` of the record when the event has no `message`. */
  readonly summary: string;
}

const spec = (action: string, crud: AuditCrud, summary: string, source: AuditSource = "Web"): AuditActionSpec => ({
  action,
  crud,
  source,
  summary,
});

/**
 * The per-type constants of every Stax event type the audit log records, by `detail-type`.
 *
 * Stax events do not say whether an action came from the console or the API: `source` is `API`
 * for API-token authentications and `Web` (the Stax platform) for every other type.
 */
export const AUDIT_ACTIONS: { readonly [detailType: string]: AuditActionSpec } = {
  "Security: UserAuthenticationEvent": spec("user-login", "read", "A Stax user authenticated."),
  "Security: APITokenAuthenticationEvent": spec("api-token-login", "read", "A Stax API token authenticated.", "API"),
  "Security: UserCreateEvent": spec("user-create", "create", "A Stax user was created."),
  "Security: UserUpdateEvent": spec("user-update", "update", "A Stax user was updated."),
  "Security: UserDeleteEvent": spec("user-delete", "delete", "A Stax user was deleted."),
  "Security: UserEmailVerificationEvent": spec(
    "user-email-verification-send",
    "create",
    "An email address verification email was sent to a Stax user.",
  ),
  "Security: UserPasswordResetEvent": spec(
    "user-password-reset",
    "update",
    "A password reset email was sent to a Stax user.",
  ),
  "Security: GroupCreateEvent": spec("group-create", "create", "A Stax group was created."),
  "Security: GroupUpdateEvent": spec("group-update", "update", "A Stax group was updated."),
  "Security: GroupDeleteEvent": spec("group-delete", "delete", "A Stax group was deleted."),
  "Security: GroupAddMemberEvent": spec("group-member-add", "update", "A Stax user was added to a group."),
  "Security: GroupRemoveMemberEvent": spec("group-member-remove", "update", "A Stax user was removed from a group."),
  "Security: PolicyCreateEvent": spec("policy-create", "create", "A Stax policy was created."),
  "Security: PolicyUpdateEvent": spec("policy-update", "update", "A Stax policy was modified."),
  "Security: PolicyDeleteEvent": spec("policy-delete", "delete", "A Stax policy was deleted."),
  "Security: PolicyAttachToOrganizationEvent": spec(
    "policy-attach-to-organization",
    "update",
    "A Stax policy was attached to an organisation.",
  ),
  "Security: PolicyDetachFromOrganizationEvent": spec(
    "policy-detach-from-organization",
    "update",
    "A Stax policy was detached from an organisation.",
  ),
  "Security: ApiTokenCreateEvent": spec("api-token-create", "create", "A Stax API token was created."),
  "Security: ApiTokenUpdateEvent": spec("api-token-update", "update", "A Stax API token was modified."),
  "Security: ApiTokenDeleteEvent": spec("api-token-delete", "delete", "A Stax API token was deleted."),
  "AccountManagement: AccountCreateEvent": spec("account-create", "create", "An AWS account was created through Stax."),
  "AccountManagement: AccountUpdateEvent": spec(
    "account-update",
    "update",
    "An AWS account was modified through Stax.",
  ),
};

/**
 * Types of whole Security events as EventBridge delivers them, for Lambda (and other) consumers.
 * They are structurally compatible with `EventBridgeEvent` from `@types/aws-lambda`, without
 * depending on it: `StaxSecurityEvent<"UserAuthenticationEvent">` and
 * `EventBridgeEvent<"Security: UserAuthenticationEvent", UserAuthenticationEventDetail>` are
 * assignable to each other.
 */
import type { SecurityDetailType, SecurityEventName } from "./catalogue";
import type {
  ApiTokenCreateEventDetail,
  ApiTokenDeleteEventDetail,
  ApiTokenUpdateEventDetail,
} from "./security/api-tokens";
import type { APITokenAuthenticationEventDetail, UserAuthenticationEventDetail } from "./security/auth";
import type {
  GroupAddMemberEventDetail,
  GroupCreateEventDetail,
  GroupDeleteEventDetail,
  GroupRemoveMemberEventDetail,
  GroupUpdateEventDetail,
} from "./security/groups";
import type {
  PolicyAttachToOrganizationEventDetail,
  PolicyCreateEventDetail,
  PolicyDeleteEventDetail,
  PolicyDetachFromOrganizationEventDetail,
  PolicyUpdateEventDetail,
} from "./security/policies";
import type {
  UserCreateEventDetail,
  UserDeleteEventDetail,
  UserEmailVerificationEventDetail,
  UserPasswordResetEventDetail,
  UserUpdateEventDetail,
} from "./security/users";

/** The `detail` type of each Security event, by event name. */
export interface SecurityEventDetailMap {
  /** `Security: UserAuthenticationEvent` */
  readonly UserAuthenticationEvent: UserAuthenticationEventDetail;
  /** `Security: APITokenAuthenticationEvent` */
  readonly APITokenAuthenticationEvent: APITokenAuthenticationEventDetail;
  /** `Security: UserCreateEvent` */
  readonly UserCreateEvent: UserCreateEventDetail;
  /** `Security: UserUpdateEvent` */
  readonly UserUpdateEvent: UserUpdateEventDetail;
  /** `Security: UserDeleteEvent` */
  readonly UserDeleteEvent: UserDeleteEventDetail;
  /** `Security: UserEmailVerificationEvent` */
  readonly UserEmailVerificationEvent: UserEmailVerificationEventDetail;
  /** `Security: UserPasswordResetEvent` */
  readonly UserPasswordResetEvent: UserPasswordResetEventDetail;
  /** `Security: GroupCreateEvent` */
  readonly GroupCreateEvent: GroupCreateEventDetail;
  /** `Security: GroupUpdateEvent` */
  readonly GroupUpdateEvent: GroupUpdateEventDetail;
  /** `Security: GroupDeleteEvent` */
  readonly GroupDeleteEvent: GroupDeleteEventDetail;
  /** `Security: GroupAddMemberEvent` */
  readonly GroupAddMemberEvent: GroupAddMemberEventDetail;
  /** `Security: GroupRemoveMemberEvent` */
  readonly GroupRemoveMemberEvent: GroupRemoveMemberEventDetail;
  /** `Security: PolicyCreateEvent` */
  readonly PolicyCreateEvent: PolicyCreateEventDetail;
  /** `Security: PolicyUpdateEvent` */
  readonly PolicyUpdateEvent: PolicyUpdateEventDetail;
  /** `Security: PolicyDeleteEvent` */
  readonly PolicyDeleteEvent: PolicyDeleteEventDetail;
  /** `Security: PolicyAttachToOrganizationEvent` */
  readonly PolicyAttachToOrganizationEvent: PolicyAttachToOrganizationEventDetail;
  /** `Security: PolicyDetachFromOrganizationEvent` */
  readonly PolicyDetachFromOrganizationEvent: PolicyDetachFromOrganizationEventDetail;
  /** `Security: ApiTokenCreateEvent` */
  readonly ApiTokenCreateEvent: ApiTokenCreateEventDetail;
  /** `Security: ApiTokenUpdateEvent` */
  readonly ApiTokenUpdateEvent: ApiTokenUpdateEventDetail;
  /** `Security: ApiTokenDeleteEvent` */
  readonly ApiTokenDeleteEvent: ApiTokenDeleteEventDetail;
}

/**
 * The `detail` of any Security event: a union discriminated by `staxEventName`.
 *
 * ```ts
 * if (detail.staxEventName === "UserAuthenticationEvent") detail.authMethod; // narrowed
 * ```
 */
export type SecurityEventDetail = SecurityEventDetailMap[SecurityEventName];

/**
 * An event as EventBridge delivers it: the same fields as `EventBridgeEvent` of
 * `@types/aws-lambda`, so values pass freely between the two types.
 */
export interface StaxEventBridgeEvent<TDetailType extends string, TDetail> {
  /** Event id, unique per event. */
  readonly id: string;
  /** EventBridge envelope version, `"0"`. */
  readonly version: string;
  /** The AWS account the event was delivered to (the partner event bus's account). */
  readonly account: string;
  /** When EventBridge received the event (ISO 8601). */
  readonly time: string;
  /** The AWS region of the event bus. */
  readonly region: string;
  /** ARNs the event concerns (mutable array, as in `@types/aws-lambda`). */
  readonly resources: string[];
  /** The partner event source, `aws.partner/stax.io/<account-id>/<name>`. */
  readonly source: string;
  /** The detail-type, `Security: <Name>` for Security events. */
  readonly "detail-type": TDetailType;
  /** The Stax event itself. */
  readonly detail: TDetail;
  /** Name of the archive replay that re-sent the event. @default - absent (not a replay) */
  readonly "replay-name"?: string;
}

/**
 * A Security event envelope. `StaxSecurityEvent<"UserCreateEvent">` is one event type;
 * `StaxSecurityEvent` (no argument) is the union of all 20, discriminated by `detail-type`.
 */
export type StaxSecurityEvent<N extends SecurityEventName = SecurityEventName> = N extends SecurityEventName
  ? StaxEventBridgeEvent<SecurityDetailType<N>, SecurityEventDetailMap[N]>
  : never;

/**
 * Types of whole Stax events as EventBridge delivers them, for Lambda (and other) consumers.
 * They are structurally compatible with `EventBridgeEvent` from `@types/aws-lambda`, without
 * depending on it: `StaxSecurityEvent<"UserAuthenticationEvent">` and
 * `EventBridgeEvent<"Security: UserAuthenticationEvent", UserAuthenticationEventDetail>` are
 * assignable to each other.
 *
 * `StaxEvent` is the union of every catalogued event type; `AnyStaxEvent` adds `UnknownStaxEvent`
 * for the types Stax publishes that the catalogue does not list yet (see `isCataloguedStaxEvent`).
 */
import type { AccountManagementEventDetailMap } from "./account-management/accounts";
import type { AccountManagementEventName, SecurityDetailType, SecurityEventName, StaxDetailType } from "./catalogue";
import type { StaxEventDetailBase } from "./detail";
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

/** The `detail` of any AccountManagement event: a union discriminated by `staxEventName`. */
export type AccountManagementEventDetail = AccountManagementEventDetailMap[AccountManagementEventName];

/**
 * The detail maps of every catalogued category, by category. Adding a category to the catalogue
 * adds its map here; every type below derives from this one.
 */
export interface StaxEventDetailMaps {
  /** The Security events, by name. */
  readonly Security: SecurityEventDetailMap;
  /** The AccountManagement events, by name. */
  readonly AccountManagement: AccountManagementEventDetailMap;
}

/** The `detail` type of the catalogued event with detail-type `D`. */
export type StaxEventDetailOf<D extends StaxDetailType> = D extends `${infer C}: ${infer N}`
  ? C extends keyof StaxEventDetailMaps
    ? N extends keyof StaxEventDetailMaps[C]
      ? StaxEventDetailMaps[C][N]
      : never
    : never
  : never;

/**
 * The `detail` of any catalogued Stax event, of every category: a union discriminated by
 * `staxEventName` (unique across the catalogue) or by `staxEventType` then `staxEventName`.
 */
export type StaxEventDetail = StaxEventDetailOf<StaxDetailType>;

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
  /** The detail-type, `<staxEventType>: <staxEventName>`, e.g. `Security: UserCreateEvent`. */
  readonly "detail-type": TDetailType;
  /** The Stax event itself. */
  readonly detail: TDetail;
  /** Name of the archive replay that re-sent the event. @default - absent (not a replay) */
  readonly "replay-name"?: string;
}

/**
 * A catalogued Stax event envelope. `StaxEvent<"AccountManagement: AccountCreateEvent">` is one
 * event type; `StaxEvent` (no argument) is the union of every catalogued type, discriminated by
 * `detail-type`.
 */
export type StaxEvent<D extends StaxDetailType = StaxDetailType> = D extends StaxDetailType
  ? StaxEventBridgeEvent<D, StaxEventDetailOf<D>>
  : never;

/**
 * A Security event envelope. `StaxSecurityEvent<"UserCreateEvent">` is one event type;
 * `StaxSecurityEvent` (no argument) is the union of all 20, discriminated by `detail-type`.
 */
export type StaxSecurityEvent<N extends SecurityEventName = SecurityEventName> = StaxEvent<SecurityDetailType<N>>;

/**
 * An AccountManagement event envelope. `StaxAccountManagementEvent<"AccountCreateEvent">` is one
 * event type; `StaxAccountManagementEvent` (no argument) is the union of both.
 */
export type StaxAccountManagementEvent<N extends AccountManagementEventName = AccountManagementEventName> =
  StaxEvent<`AccountManagement: ${N}`>;

/**
 * The `detail` of a Stax event whose type the catalogue does not list (yet): the common fields
 * every Stax event has, and any others, typed `unknown` until you check them.
 */
export interface UnknownStaxEventDetail extends StaxEventDetailBase<string, string, string> {
  /** Any other field Stax sends. */
  readonly [field: string]: unknown;
}

/** A Stax event whose `detail-type` the catalogue does not list (yet). */
export type UnknownStaxEvent = StaxEventBridgeEvent<string, UnknownStaxEventDetail>;

/**
 * Any event from a Stax partner event source: a catalogued one, or one of a type Stax added later.
 * Split the two with `isCataloguedStaxEvent(event)`, which narrows without a cast:
 *
 * ```ts
 * if (isCataloguedStaxEvent(event)) { event.detail.staxEventName; } // StaxEvent, narrows further
 * else { event["detail-type"]; event.detail.meta.organization.id; }  // UnknownStaxEvent
 * ```
 */
export type AnyStaxEvent = StaxEvent | UnknownStaxEvent;

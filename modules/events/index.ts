/**
 * The Stax event catalogue as data and types: one structure for every category (the 20 Security
 * event types and the AccountManagement events), the common `meta` properties, the `detail` type
 * of each event (discriminated unions usable from Lambda code, plus `UnknownStaxEvent` for types
 * the catalogue does not list yet) and a JSON Schema per type.
 * Plain TypeScript: no cdktf or provider import anywhere in this folder.
 * @module
 */
export * from "./spec";
export * from "./common";
export * from "./detail";
export * from "./catalogue";
export * from "./envelope";
export * from "./schema";
export { AUTH_EVENT_TYPES } from "./security/auth";
export type { UserAuthenticationEventDetail, APITokenAuthenticationEventDetail } from "./security/auth";
export { USER_EVENT_TYPES } from "./security/users";
export type {
  UserCreateEventDetail,
  UserUpdateEventDetail,
  UserDeleteEventDetail,
  UserEmailVerificationEventDetail,
  UserPasswordResetEventDetail,
} from "./security/users";
export { GROUP_EVENT_TYPES } from "./security/groups";
export type {
  GroupCreateEventDetail,
  GroupUpdateEventDetail,
  GroupDeleteEventDetail,
  GroupAddMemberEventDetail,
  GroupRemoveMemberEventDetail,
  GroupMembershipFields,
} from "./security/groups";
export { POLICY_EVENT_TYPES } from "./security/policies";
export type {
  PolicyCreateEventDetail,
  PolicyUpdateEventDetail,
  PolicyDeleteEventDetail,
  PolicyAttachToOrganizationEventDetail,
  PolicyDetachFromOrganizationEventDetail,
} from "./security/policies";
export { API_TOKEN_EVENT_TYPES } from "./security/api-tokens";
export type {
  ApiTokenCreateEventDetail,
  ApiTokenUpdateEventDetail,
  ApiTokenDeleteEventDetail,
  ApiTokenChangeFields,
} from "./security/api-tokens";
export type {
  AccountCreateEventDetail,
  AccountUpdateEventDetail,
  AccountChangeFields,
  AccountManagementEventDetailMap,
} from "./account-management/accounts";

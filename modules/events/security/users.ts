/** Security events emitted by `stax.identity` about Stax users. */
import type { SecurityEventDetailBase } from "../detail";
import type { SecurityEventStatus, SecurityEventTypeSpec } from "../spec";

const BAD_REQUEST_NOTE =
  "The seed puts the enum 'BadRequest' on firstName, evidently misplaced (an error code); firstName is free text.";

/** Catalogue data of the `stax.identity` user event types, in seed order. */
export const USER_EVENT_TYPES = [
  {
    staxEventType: "Security",
    name: "UserCreateEvent",
    detailType: "Security: UserCreateEvent",
    staxEventSource: "stax.identity",
    description: "An event where a new Stax user has been created.",
    note: "Does not apply to federated users, which are synchronised between the IdP and the Stax Identity Service.",
    properties: [
      {
        name: "role",
        type: "string",
        required: false,
        enum: ["customer_root", "customer_admin", "customer_user", "customer_readonly", "customer_costadmin"],
      },
      { name: "userID", type: "string", required: false },
      { name: "email", type: "string", format: "email", required: true },
      { name: "status", type: "string", required: true, enum: ["SUCCESS", "FAILED"] },
      {
        name: "errorCode",
        type: "string",
        required: false,
        enum: ["LocalUserInviteDisabled", "ResourceAlreadyExists"],
      },
      { name: "firstName", type: "string", required: true },
      { name: "lastName", type: "string", required: true },
      { name: "message", type: "string", required: true },
      { name: "userStatus", type: "string", required: true, enum: ["INVITED"] },
    ],
  },
  {
    staxEventType: "Security",
    name: "UserUpdateEvent",
    detailType: "Security: UserUpdateEvent",
    staxEventSource: "stax.identity",
    description: "An event where a Stax user has been updated.",
    properties: [
      {
        name: "role",
        type: "string",
        required: false,
        enum: ["customer_root", "customer_admin", "customer_user", "customer_readonly"],
      },
      { name: "userID", type: "string", required: true },
      { name: "email", type: "string", format: "email", required: false },
      { name: "status", type: "string", required: true, enum: ["SUCCESS", "FAILED"] },
      {
        name: "errorCode",
        type: "string",
        required: false,
        enum: ["UserNotFound", "UserDisabled", "ResourceAlreadyExists"],
      },
      { name: "firstName", type: "string", required: false },
      { name: "lastName", type: "string", required: false },
      { name: "message", type: "string", required: true },
      {
        name: "userStatus",
        type: "string",
        required: true,
        enum: ["ACTIVE", "DISABLED"],
        note: "The seed writes the enum as 'ACTIVE,DISABLED'.",
      },
    ],
  },
  {
    staxEventType: "Security",
    name: "UserDeleteEvent",
    detailType: "Security: UserDeleteEvent",
    staxEventSource: "stax.identity",
    description: "An event where a Stax user has been deleted.",
    properties: [
      { name: "userID", type: "string", required: true },
      { name: "email", type: "string", format: "email", required: false },
      { name: "status", type: "string", required: true, enum: ["SUCCESS", "FAILED"] },
      { name: "errorCode", type: "string", required: false, enum: ["UserNotFound"] },
      { name: "firstName", type: "string", required: false },
      { name: "lastName", type: "string", required: false },
      { name: "message", type: "string", required: true },
      { name: "userStatus", type: "string", required: true, enum: ["DELETED"] },
    ],
  },
  {
    staxEventType: "Security",
    name: "UserEmailVerificationEvent",
    detailType: "Security: UserEmailVerificationEvent",
    staxEventSource: "stax.identity",
    description: "An event where an email address verification email has been sent to a Stax user.",
    properties: [
      { name: "userID", type: "string", required: true },
      { name: "email", type: "string", format: "email", required: false },
      { name: "status", type: "string", required: true, enum: ["SUCCESS", "FAILED"] },
      { name: "firstName", type: "string", required: false, note: BAD_REQUEST_NOTE },
      { name: "lastName", type: "string", required: false },
      { name: "message", type: "string", required: true },
    ],
  },
  {
    staxEventType: "Security",
    name: "UserPasswordResetEvent",
    detailType: "Security: UserPasswordResetEvent",
    staxEventSource: "stax.identity",
    description: "An event where a password reset email has been sent to a Stax user.",
    properties: [
      { name: "userID", type: "string", required: true },
      { name: "email", type: "string", format: "email", required: false },
      { name: "status", type: "string", required: true, enum: ["SUCCESS", "FAILED"] },
      { name: "firstName", type: "string", required: false, note: BAD_REQUEST_NOTE },
      { name: "lastName", type: "string", required: false },
      { name: "message", type: "string", required: true },
    ],
  },
] as const satisfies readonly SecurityEventTypeSpec[];

/** `detail` of `Security: UserCreateEvent`: a new (non-federated) Stax user was created. */
export interface UserCreateEventDetail extends SecurityEventDetailBase<"UserCreateEvent", "stax.identity"> {
  /** Stax role given to the user. @default - absent */
  readonly role?: "customer_root" | "customer_admin" | "customer_user" | "customer_readonly" | "customer_costadmin";
  /** Id of the new user. @default - absent (e.g. when creation failed) */
  readonly userID?: string;
  /** User's email address. */
  readonly email: string;
  /** Outcome of the action. */
  readonly status: SecurityEventStatus;
  /** Why the action failed. @default - absent */
  readonly errorCode?: "LocalUserInviteDisabled" | "ResourceAlreadyExists";
  /** User's first name. */
  readonly firstName: string;
  /** User's last name. */
  readonly lastName: string;
  /** Human-readable message. */
  readonly message: string;
  /** State of the user afterwards. */
  readonly userStatus: "INVITED";
}

/** `detail` of `Security: UserUpdateEvent`: a Stax user was updated. */
export interface UserUpdateEventDetail extends SecurityEventDetailBase<"UserUpdateEvent", "stax.identity"> {
  /** Stax role of the user. @default - absent */
  readonly role?: "customer_root" | "customer_admin" | "customer_user" | "customer_readonly";
  /** Id of the user. */
  readonly userID: string;
  /** User's email address. @default - absent */
  readonly email?: string;
  /** Outcome of the action. */
  readonly status: SecurityEventStatus;
  /** Why the action failed. @default - absent */
  readonly errorCode?: "UserNotFound" | "UserDisabled" | "ResourceAlreadyExists";
  /** User's first name. @default - absent */
  readonly firstName?: string;
  /** User's last name. @default - absent */
  readonly lastName?: string;
  /** Human-readable message. */
  readonly message: string;
  /** State of the user afterwards. */
  readonly userStatus: "ACTIVE" | "DISABLED";
}

/** `detail` of `Security: UserDeleteEvent`: a Stax user was deleted. */
export interface UserDeleteEventDetail extends SecurityEventDetailBase<"UserDeleteEvent", "stax.identity"> {
  /** Id of the user. */
  readonly userID: string;
  /** User's email address. @default - absent */
  readonly email?: string;
  /** Outcome of the action. */
  readonly status: SecurityEventStatus;
  /** Why the action failed. @default - absent */
  readonly errorCode?: "UserNotFound";
  /** User's first name. @default - absent */
  readonly firstName?: string;
  /** User's last name. @default - absent */
  readonly lastName?: string;
  /** Human-readable message. */
  readonly message: string;
  /** State of the user afterwards. */
  readonly userStatus: "DELETED";
}

/** `detail` of `Security: UserEmailVerificationEvent`: a verification email was sent to a user. */
export interface UserEmailVerificationEventDetail
  extends SecurityEventDetailBase<"UserEmailVerificationEvent", "stax.identity"> {
  /** Id of the user. */
  readonly userID: string;
  /** User's email address. @default - absent */
  readonly email?: string;
  /** Outcome of the action. */
  readonly status: SecurityEventStatus;
  /** User's first name. @default - absent */
  readonly firstName?: string;
  /** User's last name. @default - absent */
  readonly lastName?: string;
  /** Human-readable message. */
  readonly message: string;
}

/** `detail` of `Security: UserPasswordResetEvent`: a password reset email was sent to a user. */
export interface UserPasswordResetEventDetail
  extends SecurityEventDetailBase<"UserPasswordResetEvent", "stax.identity"> {
  /** Id of the user. */
  readonly userID: string;
  /** User's email address. @default - absent */
  readonly email?: string;
  /** Outcome of the action. */
  readonly status: SecurityEventStatus;
  /** User's first name. @default - absent */
  readonly firstName?: string;
  /** User's last name. @default - absent */
  readonly lastName?: string;
  /** Human-readable message. */
  readonly message: string;
}

/** Security events emitted by `stax.identity` about Stax groups and their members. */
import type { SecurityEventDetailBase } from "../detail";
import type { SecurityEventStatus, SecurityEventTypeSpec } from "../spec";

/** Catalogue data of the `stax.identity` group event types, in seed order. */
export const GROUP_EVENT_TYPES = [
  {
    staxEventType: "Security",
    name: "GroupCreateEvent",
    detailType: "Security: GroupCreateEvent",
    staxEventSource: "stax.identity",
    description: "An event where a new Stax group has been created.",
    properties: [
      { name: "groupID", type: "string", required: false },
      { name: "groupName", type: "string", required: true },
      { name: "status", type: "string", required: true, enum: ["SUCCESS", "FAILED"] },
      { name: "errorCode", type: "string", required: false, enum: ["ResourceAlreadyExists"] },
      { name: "message", type: "string", required: true },
    ],
  },
  {
    staxEventType: "Security",
    name: "GroupUpdateEvent",
    detailType: "Security: GroupUpdateEvent",
    staxEventSource: "stax.identity",
    description: "An event where a Stax group has been updated.",
    properties: [
      { name: "groupID", type: "string", required: true },
      { name: "groupName", type: "string", required: false },
      { name: "status", type: "string", required: true, enum: ["SUCCESS", "FAILED"] },
      { name: "errorCode", type: "string", required: false, enum: ["GroupNotFound", "ResourceAlreadyExists"] },
      { name: "message", type: "string", required: true },
    ],
  },
  {
    staxEventType: "Security",
    name: "GroupDeleteEvent",
    detailType: "Security: GroupDeleteEvent",
    staxEventSource: "stax.identity",
    description: "An event where a Stax group has been deleted.",
    properties: [
      { name: "groupID", type: "string", required: true },
      { name: "groupName", type: "string", required: false },
      { name: "status", type: "string", required: true, enum: ["SUCCESS", "FAILED"] },
      { name: "errorCode", type: "string", required: false, enum: ["GroupNotFound"] },
      { name: "message", type: "string", required: true },
    ],
  },
  {
    staxEventType: "Security",
    name: "GroupAddMemberEvent",
    detailType: "Security: GroupAddMemberEvent",
    staxEventSource: "stax.identity",
    description: "An event where a Stax user has been added to a Stax group.",
    properties: [
      { name: "groupID", type: "string", required: true },
      { name: "groupName", type: "string", required: false },
      { name: "userID", type: "string", required: true },
      { name: "email", type: "string", format: "email", required: false },
      { name: "firstName", type: "string", required: false },
      { name: "lastName", type: "string", required: false },
      { name: "status", type: "string", required: true, enum: ["SUCCESS", "FAILED"] },
      { name: "errorCode", type: "string", required: false, enum: ["NotFound"] },
      { name: "message", type: "string", required: true },
    ],
  },
  {
    staxEventType: "Security",
    name: "GroupRemoveMemberEvent",
    detailType: "Security: GroupRemoveMemberEvent",
    staxEventSource: "stax.identity",
    description: "An event where a Stax user has been removed from a Stax group.",
    properties: [
      { name: "groupID", type: "string", required: true },
      { name: "groupName", type: "string", required: false },
      { name: "userID", type: "string", required: true },
      { name: "email", type: "string", format: "email", required: false },
      { name: "firstName", type: "string", required: false },
      { name: "lastName", type: "string", required: false },
      { name: "status", type: "string", required: true, enum: ["SUCCESS", "FAILED"] },
      { name: "errorCode", type: "string", required: false, enum: ["NotFound"] },
      { name: "message", type: "string", required: true },
    ],
  },
] as const satisfies readonly SecurityEventTypeSpec[];

/** `detail` of `Security: GroupCreateEvent`: a new Stax group was created. */
export interface GroupCreateEventDetail extends SecurityEventDetailBase<"GroupCreateEvent", "stax.identity"> {
  /** Id of the new group. @default - absent (e.g. when creation failed) */
  readonly groupID?: string;
  /** Name of the group. */
  readonly groupName: string;
  /** Outcome of the action. */
  readonly status: SecurityEventStatus;
  /** Why the action failed. @default - absent */
  readonly errorCode?: "ResourceAlreadyExists";
  /** Human-readable message. */
  readonly message: string;
}

/** `detail` of `Security: GroupUpdateEvent`: a Stax group was updated. */
export interface GroupUpdateEventDetail extends SecurityEventDetailBase<"GroupUpdateEvent", "stax.identity"> {
  /** Id of the group. */
  readonly groupID: string;
  /** Name of the group. @default - absent */
  readonly groupName?: string;
  /** Outcome of the action. */
  readonly status: SecurityEventStatus;
  /** Why the action failed. @default - absent */
  readonly errorCode?: "GroupNotFound" | "ResourceAlreadyExists";
  /** Human-readable message. */
  readonly message: string;
}

/** `detail` of `Security: GroupDeleteEvent`: a Stax group was deleted. */
export interface GroupDeleteEventDetail extends SecurityEventDetailBase<"GroupDeleteEvent", "stax.identity"> {
  /** Id of the group. */
  readonly groupID: string;
  /** Name of the group. @default - absent */
  readonly groupName?: string;
  /** Outcome of the action. */
  readonly status: SecurityEventStatus;
  /** Why the action failed. @default - absent */
  readonly errorCode?: "GroupNotFound";
  /** Human-readable message. */
  readonly message: string;
}

/** The detail fields shared by the two group-membership events. */
export interface GroupMembershipFields {
  /** Id of the group. */
  readonly groupID: string;
  /** Name of the group. @default - absent */
  readonly groupName?: string;
  /** Id of the member. */
  readonly userID: string;
  /** Member's email address. @default - absent */
  readonly email?: string;
  /** Member's first name. @default - absent */
  readonly firstName?: string;
  /** Member's last name. @default - absent */
  readonly lastName?: string;
  /** Outcome of the action. */
  readonly status: SecurityEventStatus;
  /** Why the action failed. @default - absent */
  readonly errorCode?: "NotFound";
  /** Human-readable message. */
  readonly message: string;
}

/** `detail` of `Security: GroupAddMemberEvent`: a Stax user was added to a group. */
export interface GroupAddMemberEventDetail
  extends SecurityEventDetailBase<"GroupAddMemberEvent", "stax.identity">,
    GroupMembershipFields {}

/** `detail` of `Security: GroupRemoveMemberEvent`: a Stax user was removed from a group. */
export interface GroupRemoveMemberEventDetail
  extends SecurityEventDetailBase<"GroupRemoveMemberEvent", "stax.identity">,
    GroupMembershipFields {}

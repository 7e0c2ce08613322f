/** Security events emitted by `stax.account` about Stax policies. */
import type { SecurityEventDetailBase } from "../detail";
import type { SecurityEventStatus, SecurityEventTypeSpec } from "../spec";

const ANY_TYPE_NOTE = "The seed gives the type 'any'; the values are strings.";

/** Catalogue data of the `stax.account` policy event types, in seed order. */
export const POLICY_EVENT_TYPES = [
  {
    staxEventType: "Security",
    name: "PolicyCreateEvent",
    detailType: "Security: PolicyCreateEvent",
    staxEventSource: "stax.account",
    description: "An event where a Stax policy has been created",
    properties: [
      { name: "policyId", type: "string", required: false },
      { name: "policyName", type: "string", required: true },
      { name: "status", type: "string", required: true, enum: ["SUCCESS", "FAILED"] },
      { name: "errorCode", type: "string", required: false, enum: ["PolicyNameConflict"] },
      { name: "message", type: "string", required: false },
    ],
  },
  {
    staxEventType: "Security",
    name: "PolicyUpdateEvent",
    detailType: "Security: PolicyUpdateEvent",
    staxEventSource: "stax.account",
    description: "An event where a Stax policy has been modified.",
    properties: [
      { name: "policyId", type: "string", required: true },
      { name: "policyName", type: "string", required: false },
      { name: "status", type: "string", required: true, enum: ["SUCCESS", "FAILED"] },
      {
        name: "errorCode",
        type: "string",
        required: false,
        enum: ["PolicyNotFound", "PolicyNameConflict"],
        note: ANY_TYPE_NOTE,
      },
      { name: "message", type: "string", required: false, note: ANY_TYPE_NOTE },
    ],
  },
  {
    staxEventType: "Security",
    name: "PolicyDeleteEvent",
    detailType: "Security: PolicyDeleteEvent",
    staxEventSource: "stax.account",
    description: "An event where a Stax policy has been deleted",
    properties: [
      { name: "policyId", type: "string", required: true },
      { name: "policyName", type: "string", required: false },
      { name: "status", type: "string", required: true, enum: ["SUCCESS", "FAILED"] },
      {
        name: "errorCode",
        type: "string",
        required: false,
        enum: ["PolicyNotFound", "PolicyInUse"],
        note: ANY_TYPE_NOTE,
      },
      { name: "message", type: "string", required: false },
    ],
  },
  {
    staxEventType: "Security",
    name: "PolicyAttachToOrganizationEvent",
    detailType: "Security: PolicyAttachToOrganizationEvent",
    staxEventSource: "stax.account",
    description: "An event where a Stax policy has been attached to a Stax organization",
    properties: [
      { name: "policyId", type: "string", required: true },
      { name: "organizationId", type: "string", required: true },
      { name: "policyName", type: "string", required: false },
      { name: "status", type: "string", required: true, enum: ["SUCCESS", "FAILED"] },
      {
        name: "errorCode",
        type: "string",
        required: false,
        enum: [
          "PolicyReserved",
          "PolicyNotAttachable",
          "PolicyNotFound",
          "PolicyAlreadyAttached",
          "MaximumPoliciesReached",
        ],
        note: ANY_TYPE_NOTE,
      },
      { name: "message", type: "string", required: false },
    ],
  },
  {
    staxEventType: "Security",
    name: "PolicyDetachFromOrganizationEvent",
    detailType: "Security: PolicyDetachFromOrganizationEvent",
    staxEventSource: "stax.account",
    description: "An event where a Stax policy has been detached from a Stax organization",
    properties: [
      { name: "policyId", type: "string", required: true },
      { name: "organizationId", type: "string", required: true },
      { name: "policyName", type: "string", required: false },
      { name: "status", type: "string", required: true, enum: ["SUCCESS", "FAILED"] },
      {
        name: "errorCode",
        type: "string",
        required: false,
        enum: ["PolicyNotFound", "PolicyReserved"],
        note: ANY_TYPE_NOTE,
      },
      { name: "message", type: "string", required: false },
    ],
  },
] as const satisfies readonly SecurityEventTypeSpec[];

/** `detail` of `Security: PolicyCreateEvent`: a Stax policy was created. */
export interface PolicyCreateEventDetail extends SecurityEventDetailBase<"PolicyCreateEvent", "stax.account"> {
  /** Id of the new policy. @default - absent (e.g. when creation failed) */
  readonly policyId?: string;
  /** Name of the policy. */
  readonly policyName: string;
  /** Outcome of the action. */
  readonly status: SecurityEventStatus;
  /** Why the action failed. @default - absent */
  readonly errorCode?: "PolicyNameConflict";
  /** Human-readable message. @default - absent */
  readonly message?: string;
}

/** `detail` of `Security: PolicyUpdateEvent`: a Stax policy was modified. */
export interface PolicyUpdateEventDetail extends SecurityEventDetailBase<"PolicyUpdateEvent", "stax.account"> {
  /** Id of the policy. */
  readonly policyId: string;
  /** Name of the policy. @default - absent */
  readonly policyName?: string;
  /** Outcome of the action. */
  readonly status: SecurityEventStatus;
  /** Why the action failed. @default - absent */
  readonly errorCode?: "PolicyNotFound" | "PolicyNameConflict";
  /** Human-readable message. @default - absent */
  readonly message?: string;
}

/** `detail` of `Security: PolicyDeleteEvent`: a Stax policy was deleted. */
export interface PolicyDeleteEventDetail extends SecurityEventDetailBase<"PolicyDeleteEvent", "stax.account"> {
  /** Id of the policy. */
  readonly policyId: string;
  /** Name of the policy. @default - absent */
  readonly policyName?: string;
  /** Outcome of the action. */
  readonly status: SecurityEventStatus;
  /** Why the action failed. @default - absent */
  readonly errorCode?: "PolicyNotFound" | "PolicyInUse";
  /** Human-readable message. @default - absent */
  readonly message?: string;
}

/** `detail` of `Security: PolicyAttachToOrganizationEvent`: a policy was attached to an organisation. */
export interface PolicyAttachToOrganizationEventDetail
  extends SecurityEventDetailBase<"PolicyAttachToOrganizationEvent", "stax.account"> {
  /** Id of the policy. */
  readonly policyId: string;
  /** Id of the organisation the policy was attached to. */
  readonly organizationId: string;
  /** Name of the policy. @default - absent */
  readonly policyName?: string;
  /** Outcome of the action. */
  readonly status: SecurityEventStatus;
  /** Why the action failed. @default - absent */
  readonly errorCode?:
    | "PolicyReserved"
    | "PolicyNotAttachable"
    | "PolicyNotFound"
    | "PolicyAlreadyAttached"
    | "MaximumPoliciesReached";
  /** Human-readable message. @default - absent */
  readonly message?: string;
}

/** `detail` of `Security: PolicyDetachFromOrganizationEvent`: a policy was detached from an organisation. */
export interface PolicyDetachFromOrganizationEventDetail
  extends SecurityEventDetailBase<"PolicyDetachFromOrganizationEvent", "stax.account"> {
  /** Id of the policy. */
  readonly policyId: string;
  /** Id of the organisation the policy was detached from. */
  readonly organizationId: string;
  /** Name of the policy. @default - absent */
  readonly policyName?: string;
  /** Outcome of the action. */
  readonly status: SecurityEventStatus;
  /** Why the action failed. @default - absent */
  readonly errorCode?: "PolicyNotFound" | "PolicyReserved";
  /** Human-readable message. @default - absent */
  readonly message?: string;
}

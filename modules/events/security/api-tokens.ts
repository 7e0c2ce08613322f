/** Security events emitted by `stax.api` about Stax API tokens. */
import type { SecurityEventDetailBase } from "../detail";
import type { SecurityEventStatus, SecurityEventTypeSpec } from "../spec";

const ANY_TYPE_NOTE = "The seed gives the type 'any'; the values are strings.";

/** Catalogue data of the `stax.api` event types, in seed order. */
export const API_TOKEN_EVENT_TYPES = [
  {
    staxEventType: "Security",
    name: "ApiTokenCreateEvent",
    detailType: "Security: ApiTokenCreateEvent",
    staxEventSource: "stax.api",
    description: "An event where a Stax API token has been created",
    properties: [
      { name: "apiTokenId", type: "string", required: false },
      { name: "apiTokenName", type: "string", required: true },
      { name: "apiTokenRole", type: "string", required: true },
      { name: "description", type: "string", required: false },
      { name: "ssmKeyId", type: "string", required: false },
      { name: "status", type: "string", required: true, enum: ["SUCCESS", "FAILED"] },
      {
        name: "errorCode",
        type: "string",
        required: false,
        enum: ["ApiTokenNameConflict", "SsmStoreFailed"],
        note: ANY_TYPE_NOTE,
      },
      { name: "message", type: "string", required: false },
    ],
  },
  {
    staxEventType: "Security",
    name: "ApiTokenUpdateEvent",
    detailType: "Security: ApiTokenUpdateEvent",
    staxEventSource: "stax.api",
    description: "An event where a Stax API token has been modified.",
    properties: [
      { name: "apiTokenId", type: "string", required: true },
      { name: "apiTokenName", type: "string", required: false },
      { name: "apiTokenRole", type: "string", required: false },
      { name: "description", type: "string", required: false },
      { name: "status", type: "string", required: true, enum: ["SUCCESS", "FAILED"] },
      { name: "errorCode", type: "string", required: false, enum: ["ApiTokenNotFound"], note: ANY_TYPE_NOTE },
      { name: "message", type: "string", required: false },
    ],
  },
  {
    staxEventType: "Security",
    name: "ApiTokenDeleteEvent",
    detailType: "Security: ApiTokenDeleteEvent",
    staxEventSource: "stax.api",
    description: "An event where a Stax API token has been deleted.",
    properties: [
      { name: "apiTokenId", type: "string", required: true },
      { name: "apiTokenName", type: "string", required: false },
      { name: "apiTokenRole", type: "string", required: false },
      { name: "description", type: "string", required: false },
      { name: "status", type: "string", required: true, enum: ["SUCCESS", "FAILED"] },
      { name: "errorCode", type: "string", required: false, enum: ["ApiTokenNotFound"], note: ANY_TYPE_NOTE },
      { name: "message", type: "string", required: false },
    ],
  },
] as const satisfies readonly SecurityEventTypeSpec[];

/** `detail` of `Security: ApiTokenCreateEvent`: a Stax API token was created. */
export interface ApiTokenCreateEventDetail extends SecurityEventDetailBase<"ApiTokenCreateEvent", "stax.api"> {
  /** Id of the new token. @default - absent (e.g. when creation failed) */
  readonly apiTokenId?: string;
  /** Name of the token. */
  readonly apiTokenName: string;
  /** Stax role of the token. */
  readonly apiTokenRole: string;
  /** Description of the token. @default - absent */
  readonly description?: string;
  /** Id of the SSM parameter holding the token secret. @default - absent */
  readonly ssmKeyId?: string;
  /** Outcome of the action. */
  readonly status: SecurityEventStatus;
  /** Why the action failed. @default - absent */
  readonly errorCode?: "ApiTokenNameConflict" | "SsmStoreFailed";
  /** Human-readable message. @default - absent */
  readonly message?: string;
}

/** The detail fields shared by the API-token update and delete events. */
export interface ApiTokenChangeFields {
  /** Id of the token. */
  readonly apiTokenId: string;
  /** Name of the token. @default - absent */
  readonly apiTokenName?: string;
  /** Stax role of the token. @default - absent */
  readonly apiTokenRole?: string;
  /** Description of the token. @default - absent */
  readonly description?: string;
  /** Outcome of the action. */
  readonly status: SecurityEventStatus;
  /** Why the action failed. @default - absent */
  readonly errorCode?: "ApiTokenNotFound";
  /** Human-readable message. @default - absent */
  readonly message?: string;
}

/** `detail` of `Security: ApiTokenUpdateEvent`: a Stax API token was modified. */
export interface ApiTokenUpdateEventDetail
  extends SecurityEventDetailBase<"ApiTokenUpdateEvent", "stax.api">,
    ApiTokenChangeFields {}

/** `detail` of `Security: ApiTokenDeleteEvent`: a Stax API token was deleted. */
export interface ApiTokenDeleteEventDetail
  extends SecurityEventDetailBase<"ApiTokenDeleteEvent", "stax.api">,
    ApiTokenChangeFields {}

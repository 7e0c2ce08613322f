/** Security events emitted by `stax.auth`: authentication of users and API tokens. */
import type { SecurityEventDetailBase } from "../detail";
import type { SecurityEventStatus, SecurityEventTypeSpec } from "../spec";

/** Catalogue data of the `stax.auth` event types, in seed order. */
export const AUTH_EVENT_TYPES = [
  {
    staxEventType: "Security",
    name: "UserAuthenticationEvent",
    detailType: "Security: UserAuthenticationEvent",
    staxEventSource: "stax.auth",
    description: "An event where a Stax user has authenticated to Stax.",
    properties: [
      { name: "userID", type: "string", required: true },
      { name: "username", type: "string", required: true },
      { name: "email", type: "string", required: true },
      { name: "role", type: "string", required: true },
      { name: "status", type: "string", required: false, enum: ["SUCCESS", "FAILED"] },
      { name: "firstName", type: "string", required: false },
      { name: "lastName", type: "string", required: false },
      { name: "message", type: "string", required: false },
      { name: "authMethod", type: "string", required: true, enum: ["Login", "RefreshToken"] },
      {
        name: "loginType",
        type: "string",
        required: false,
        enum: ["Stax", "Federated"],
        note: "Populated when authMethod is 'Login'.",
      },
    ],
  },
  {
    staxEventType: "Security",
    name: "APITokenAuthenticationEvent",
    detailType: "Security: APITokenAuthenticationEvent",
    staxEventSource: "stax.auth",
    description: "An event where a Stax API token has authenticated to Stax.",
    properties: [
      { name: "userID", type: "string", required: true },
      { name: "role", type: "string", required: true },
      {
        name: "status",
        type: "string",
        required: false,
        enum: ["SUCCESS", "FAILED"],
        note: "The seed lists no enum here; SUCCESS/FAILED as for every other Security event.",
      },
      { name: "name", type: "string", required: true },
      { name: "message", type: "string", required: false },
      {
        name: "authMethod",
        type: "string",
        required: true,
        note: "The seed lists no enum here; its sample shows 'Login'.",
      },
    ],
  },
] as const satisfies readonly SecurityEventTypeSpec[];

/** `detail` of `Security: UserAuthenticationEvent`: a Stax user authenticated (or failed to). */
export interface UserAuthenticationEventDetail extends SecurityEventDetailBase<"UserAuthenticationEvent", "stax.auth"> {
  /** Id of the user. */
  readonly userID: string;
  /** User name. */
  readonly username: string;
  /** User's email address. */
  readonly email: string;
  /** User's Stax role. */
  readonly role: string;
  /** Outcome of the authentication. @default - absent */
  readonly status?: SecurityEventStatus;
  /** User's first name. @default - absent */
  readonly firstName?: string;
  /** User's last name. @default - absent */
  readonly lastName?: string;
  /** Human-readable message. @default - absent */
  readonly message?: string;
  /** How the user authenticated. */
  readonly authMethod: "Login" | "RefreshToken";
  /** Kind of login; populated when `authMethod` is `Login`. @default - absent */
  readonly loginType?: "Stax" | "Federated";
}

/** `detail` of `Security: APITokenAuthenticationEvent`: a Stax API token authenticated (or failed to). */
export interface APITokenAuthenticationEventDetail
  extends SecurityEventDetailBase<"APITokenAuthenticationEvent", "stax.auth"> {
  /** Id of the API token's user. */
  readonly userID: string;
  /** The token's Stax role. */
  readonly role: string;
  /** Outcome of the authentication. @default - absent */
  readonly status?: SecurityEventStatus;
  /** Name of the API token. */
  readonly name: string;
  /** Human-readable message. @default - absent */
  readonly message?: string;
  /** How the token authenticated (the seed's sample shows `Login`). */
  readonly authMethod: string;
}

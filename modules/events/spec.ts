/**
 * The shapes of the Stax event catalogue's data: what one event type and one detail property
 * look like. The data itself lives in `./security/*.ts`; `./catalogue.ts` assembles it.
 */

/** The `staxEventSource` values of Security events, in catalogue order. */
export const STAX_EVENT_SOURCE_GROUPS = ["stax.auth", "stax.identity", "stax.account", "stax.api"] as const;

/**
 * The Stax service that emitted a Security event, as carried in `detail.staxEventSource`:
 * `stax.auth` (authentication), `stax.identity` (users and groups), `stax.account` (policies),
 * `stax.api` (API tokens).
 */
export type StaxEventSourceGroup = (typeof STAX_EVENT_SOURCE_GROUPS)[number];

/** The outcome values of `detail.status`, shared by every Security event type. */
export const SECURITY_EVENT_STATUSES = ["SUCCESS", "FAILED"] as const;

/** The outcome of the action a Security event reports. */
export type SecurityEventStatus = (typeof SECURITY_EVENT_STATUSES)[number];

/** `detail.staxEventType` of every Security event. */
export const SECURITY_EVENT_TYPE = "Security";

/** The prefix of the EventBridge `detail-type` of every Security event (`Security: <Name>`). */
export const SECURITY_DETAIL_TYPE_PREFIX = "Security: ";

/** One property of an event's `detail` object that is specific to its event type. */
export interface DetailPropertySpec {
  /** Property name inside `detail`, e.g. `userID`. */
  readonly name: string;
  /** JSON type. Every Security detail property is a string (the seed's `any` is normalised to string). */
  readonly type: "string";
  /** String format, when the seed gives one (`string(email)` becomes `email`). @default - none */
  readonly format?: "email";
  /** Whether the property is always present. */
  readonly required: boolean;
  /** The values the property may take. @default - any string */
  readonly enum?: readonly string[];
  /** A remark from the seed, or about how the seed was read. @default - none */
  readonly note?: string;
}

/** One Stax Security event type: how it is named, where it comes from, and what its `detail` holds. */
export interface SecurityEventTypeSpec {
  /** Event name, the value of `detail.staxEventName`, e.g. `UserAuthenticationEvent`. */
  readonly name: string;
  /** The EventBridge `detail-type`, always `Security: <name>`. */
  readonly detailType: string;
  /** The value of `detail.staxEventSource`. */
  readonly staxEventSource: StaxEventSourceGroup;
  /** One-line description, from the schema seed. */
  readonly description: string;
  /** The detail properties unique to this type (the common fields and `meta` are not repeated). */
  readonly properties: readonly DetailPropertySpec[];
  /** A remark from the seed about the whole event type. @default - none */
  readonly note?: string;
}

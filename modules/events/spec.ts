/**
 * The shapes of the Stax event catalogue's data: what one category, one event type and one detail
 * property look like. The data itself lives in `./security/*.ts` and `./account-management/*.ts`;
 * `./catalogue.ts` assembles it into one structure for every category.
 */

/** The `staxEventSource` values of the catalogued events, in catalogue order. */
export const STAX_EVENT_SOURCE_GROUPS = ["stax.auth", "stax.identity", "stax.account", "stax.api"] as const;

/**
 * The Stax service that emitted an event, as carried in `detail.staxEventSource`:
 * `stax.auth` (authentication), `stax.identity` (users and groups), `stax.account` (policies and
 * AWS accounts), `stax.api` (API tokens).
 */
export type StaxEventSourceGroup = (typeof STAX_EVENT_SOURCE_GROUPS)[number];

/** The outcome values of `detail.status`, shared by every catalogued event type that has a status. */
export const STAX_EVENT_STATUSES = ["SUCCESS", "FAILED"] as const;

/** The outcome of the action a Stax event reports (`detail.status`). */
export type StaxEventStatus = (typeof STAX_EVENT_STATUSES)[number];

/** The outcome values of `detail.status`, shared by every Security event type. */
export const SECURITY_EVENT_STATUSES = STAX_EVENT_STATUSES;

/** The outcome of the action a Security event reports. */
export type SecurityEventStatus = StaxEventStatus;

/** `detail.staxEventType` of every Security event. */
export const SECURITY_EVENT_TYPE = "Security";

/** The prefix of the EventBridge `detail-type` of every Security event (`Security: <Name>`). */
export const SECURITY_DETAIL_TYPE_PREFIX = "Security: ";

/** One property of an event's `detail` object that is specific to its event type. */
export interface DetailPropertySpec {
  /** Property name inside `detail`, e.g. `userID`. */
  readonly name: string;
  /** JSON type. Every catalogued detail property is a string (the seed's `any` is normalised to string). */
  readonly type: "string";
  /** String format, when Stax gives one (`string(email)` becomes `email`). @default - none */
  readonly format?: "email";
  /** Whether the property is always present. */
  readonly required: boolean;
  /** The values the property may take. @default - any string */
  readonly enum?: readonly string[];
  /** A remark from Stax's documentation, or about how it was read. @default - none */
  readonly note?: string;
}

/** One Stax event type: how it is named, where it comes from, and what its `detail` holds. */
export interface StaxEventTypeSpec {
  /** The category, the value of `detail.staxEventType`, e.g. `Security`. */
  readonly staxEventType: string;
  /** Event name, the value of `detail.staxEventName`, e.g. `UserAuthenticationEvent`. */
  readonly name: string;
  /** The EventBridge `detail-type`, always `<staxEventType>: <name>`. */
  readonly detailType: string;
  /** The value of `detail.staxEventSource`. */
  readonly staxEventSource: StaxEventSourceGroup;
  /** One-line description, from Stax's documentation. */
  readonly description: string;
  /** The detail properties unique to this type (the common fields and `meta` are not repeated). */
  readonly properties: readonly DetailPropertySpec[];
  /** A remark about the whole event type. @default - none */
  readonly note?: string;
}

/** One Stax Security event type (`staxEventType` `Security`). */
export interface SecurityEventTypeSpec extends StaxEventTypeSpec {
  /** Always `Security`. */
  readonly staxEventType: "Security";
}

/**
 * One category of Stax events (a `staxEventType`, the `detail-type` prefix) with its event types.
 * Adding a category to the catalogue is adding one of these (data) and its detail types (types).
 */
export interface StaxEventCategorySpec {
  /** The category, the value of `detail.staxEventType` and the `detail-type` prefix, e.g. `AccountManagement`. */
  readonly name: string;
  /** One line saying what the category covers. */
  readonly description: string;
  /** The event types of the category, in the order of Stax's schema page. */
  readonly types: readonly StaxEventTypeSpec[];
}

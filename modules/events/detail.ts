/**
 * The parts of a Stax event's `detail` that every event type shares: the `meta` block that Stax
 * adds when it enriches the event, and the `stax*` common fields. Optional exactly where Stax's
 * common schema says so (see `STAX_EVENT_META` in `./common.ts`): consumers must cope with events
 * without a user, without `username`, and without the customer and organisation names.
 */
import type { StaxEventSourceGroup } from "./spec";

/** The Stax customer (tenancy) the event belongs to. */
export interface StaxMetaCustomer {
  /** Stax customer id. */
  readonly id: string;
  /** Customer name. @default - absent */
  readonly name?: string;
}

/** The Stax organisation the event belongs to. */
export interface StaxMetaOrganization {
  /** Stax organisation id (a UUID). */
  readonly id: string;
  /** Organisation name. @default - absent */
  readonly name?: string;
  /** Organisation alias. @default - absent */
  readonly alias?: string;
}

/** The Stax user whose action produced the event. */
export interface StaxMetaUser {
  /** Stax user id. */
  readonly id: string;
  /**
   * User name.
   * @deprecated Stax marks `username` deprecated and will remove it: use {@link StaxMetaUser.email}.
   * @default - absent
   */
  readonly username?: string;
  /** The user's email address. @default - absent */
  readonly email?: string;
}

/** The AWS account where the event was triggered. */
export interface StaxMetaAws {
  /** 12-digit AWS account id. */
  readonly accountId: string;
  /** Account name in Stax. @default - absent */
  readonly accountName?: string;
  /** AWS region. @default - absent */
  readonly region?: string;
}

/** The enrichment block Stax adds to every event's `detail`. */
export interface StaxEventMeta {
  /** The customer. */
  readonly customer: StaxMetaCustomer;
  /** The organisation. */
  readonly organization: StaxMetaOrganization;
  /** The user who caused the event. @default - absent: no user caused the event (e.g. AccountManagement events) */
  readonly user?: StaxMetaUser;
  /** The AWS account where the event was triggered. @default - absent */
  readonly aws?: StaxMetaAws;
}

/**
 * The fields of `detail` common to every Stax event: `T` is the category (`staxEventType`), `N`
 * the event name and `G` the `staxEventSource`.
 */
export interface StaxEventDetailBase<T extends string, N extends string, G extends string = StaxEventSourceGroup> {
  /** Stax enrichment: customer, organisation and, when present, user and AWS account. */
  readonly meta: StaxEventMeta;
  /** Version of the Stax event format, e.g. `"1"`. */
  readonly staxEventVersion: string;
  /** Unique id Stax gives the event. */
  readonly staxEventID: string;
  /** When Stax recorded the event (ISO 8601), set by the publisher, not the transport time. */
  readonly staxEventTime: string;
  /** The Stax service that emitted the event. */
  readonly staxEventSource: G;
  /** The category, e.g. `Security`; with `staxEventName`, it identifies the event type. */
  readonly staxEventType: T;
  /** The event name; the discriminant of the detail unions. */
  readonly staxEventName: N;
}

/** The fields of `detail` common to every Security event; `N` is the event name, `G` its source. */
export type SecurityEventDetailBase<N extends string, G extends StaxEventSourceGroup> = StaxEventDetailBase<
  "Security",
  N,
  G
>;

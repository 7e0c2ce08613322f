/**
 * The parts of a Security event's `detail` that every event type shares: the `meta` block that
 * Stax adds when it enriches the event, and the `stax*` common fields.
 */
import type { StaxEventSourceGroup } from "./spec";

/** The Stax customer (tenancy) the event belongs to. */
export interface StaxMetaCustomer {
  /** Customer id. */
  readonly id: string;
  /** Customer name. */
  readonly name: string;
}

/** The Stax organisation the event belongs to. */
export interface StaxMetaOrganization {
  /** Organisation id (a UUID). */
  readonly id: string;
  /** Organisation name. */
  readonly name: string;
  /** Organisation alias. */
  readonly alias: string;
}

/** The Stax user (or API token) whose action produced the event. */
export interface StaxMetaUser {
  /** User id. */
  readonly id: string;
  /** User name. */
  readonly username: string;
}

/** The AWS account the event relates to. */
export interface StaxMetaAws {
  /** 12-digit AWS account id. */
  readonly accountId: string;
  /** Account name in Stax. */
  readonly accountName: string;
  /** AWS region. */
  readonly region: string;
}

/** The enrichment block Stax adds to every event's `detail`. */
export interface StaxEventMeta {
  /** The customer. */
  readonly customer: StaxMetaCustomer;
  /** The organisation. */
  readonly organization: StaxMetaOrganization;
  /** The acting user. */
  readonly user: StaxMetaUser;
  /**
   * The AWS account the event relates to. The seed's samples of the Policy* and ApiToken* events
   * leave it out, so it is optional.
   * @default - absent
   */
  readonly aws?: StaxMetaAws;
}

/** The fields of `detail` common to every Security event; `N` is the event name, `G` its source. */
export interface SecurityEventDetailBase<N extends string, G extends StaxEventSourceGroup> {
  /** Stax enrichment: customer, organisation, user and (sometimes) AWS account. */
  readonly meta: StaxEventMeta;
  /** Version of the Stax event format, e.g. `"1"`. */
  readonly staxEventVersion: string;
  /** Unique id Stax gives the event. */
  readonly staxEventID: string;
  /** When Stax recorded the event (ISO 8601). */
  readonly staxEventTime: string;
  /** The Stax service that emitted the event. */
  readonly staxEventSource: G;
  /** Always `Security` for this catalogue. */
  readonly staxEventType: "Security";
  /** The event name; the discriminant of the `SecurityEventDetail` union. */
  readonly staxEventName: N;
}

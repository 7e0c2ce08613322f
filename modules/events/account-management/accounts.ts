/** AccountManagement events emitted by `stax.account`: AWS accounts created or modified through Stax. */
import type { StaxEventDetailBase } from "../detail";
import type { StaxEventStatus, StaxEventTypeSpec } from "../spec";

const SAME_FIELDS_NOTE =
  "Stax documents these properties for AccountUpdateEvent; its AccountCreateEvent sample has the same fields.";

/** The detail properties of both AccountManagement event types, as Stax documents them. */
const ACCOUNT_PROPERTIES = [
  { name: "accountId", type: "string", required: true, note: "The Stax account id." },
  { name: "awsAccountId", type: "string", required: false },
  { name: "accountName", type: "string", required: false },
  { name: "accountType", type: "string", required: false },
  { name: "status", type: "string", required: true, enum: ["SUCCESS", "FAILED"] },
  { name: "errorCode", type: "string", required: false },
  { name: "message", type: "string", required: false },
] as const;

/** Catalogue data of the AccountManagement event types, in the order of Stax's schema page. */
export const ACCOUNT_MANAGEMENT_EVENT_TYPES = [
  {
    staxEventType: "AccountManagement",
    name: "AccountCreateEvent",
    detailType: "AccountManagement: AccountCreateEvent",
    staxEventSource: "stax.account",
    description: "An AWS account was created through Stax.",
    properties: ACCOUNT_PROPERTIES,
    note: SAME_FIELDS_NOTE,
  },
  {
    staxEventType: "AccountManagement",
    name: "AccountUpdateEvent",
    detailType: "AccountManagement: AccountUpdateEvent",
    staxEventSource: "stax.account",
    description: "An AWS account was modified through Stax.",
    properties: ACCOUNT_PROPERTIES,
  },
] as const satisfies readonly StaxEventTypeSpec[];

/** The detail fields of both AccountManagement event types. */
export interface AccountChangeFields {
  /** The Stax account id. */
  readonly accountId: string;
  /** 12-digit AWS account id. @default - absent (e.g. when creation failed) */
  readonly awsAccountId?: string;
  /** Account name. @default - absent */
  readonly accountName?: string;
  /** Stax account type. @default - absent */
  readonly accountType?: string;
  /** Outcome of the operation. */
  readonly status: StaxEventStatus;
  /** Why the operation failed. @default - absent */
  readonly errorCode?: string;
  /** Human-readable message. @default - absent */
  readonly message?: string;
}

/** `detail` of `AccountManagement: AccountCreateEvent`: an AWS account was created through Stax (or failed to be). */
export interface AccountCreateEventDetail
  extends StaxEventDetailBase<"AccountManagement", "AccountCreateEvent", "stax.account">,
    AccountChangeFields {}

/** `detail` of `AccountManagement: AccountUpdateEvent`: an AWS account was modified through Stax (or failed to be). */
export interface AccountUpdateEventDetail
  extends StaxEventDetailBase<"AccountManagement", "AccountUpdateEvent", "stax.account">,
    AccountChangeFields {}

/** The `detail` type of each AccountManagement event, by event name. */
export interface AccountManagementEventDetailMap {
  /** `AccountManagement: AccountCreateEvent` */
  readonly AccountCreateEvent: AccountCreateEventDetail;
  /** `AccountManagement: AccountUpdateEvent` */
  readonly AccountUpdateEvent: AccountUpdateEventDetail;
}

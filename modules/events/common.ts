/**
 * The common properties of every Stax event's `detail`, as data: the `meta` block as Stax's
 * "Stax-Generated Events Schema" documents it. The JSON Schemas are generated from this table, and
 * a type test checks that the `StaxEventMeta` interfaces of `./detail.ts` say the same.
 */

/** One string member of a `meta` object, e.g. `meta.user.email`. */
export interface MetaMemberSpec {
  /** Member name, e.g. `email`. */
  readonly name: string;
  /** Whether Stax always sends it when its object is present. */
  readonly required: boolean;
  /** What it holds. */
  readonly description: string;
  /** Why it should not be used, when Stax marks it deprecated. @default - not deprecated */
  readonly deprecated?: string;
}

/** One object of `detail.meta`, e.g. `meta.user`. */
export interface MetaObjectSpec {
  /** Object name, e.g. `user`. */
  readonly name: string;
  /** Whether every event carries it. */
  readonly required: boolean;
  /** What it describes. */
  readonly description: string;
  /** Its members (all strings). */
  readonly members: readonly MetaMemberSpec[];
}

/** The objects of `detail.meta` and their members, as Stax documents them for every event. */
export const STAX_EVENT_META = [
  {
    name: "customer",
    required: true,
    description: "The Stax customer (tenancy) the event belongs to.",
    members: [
      { name: "id", required: true, description: "Stax customer id." },
      { name: "name", required: false, description: "Customer name." },
    ],
  },
  {
    name: "organization",
    required: true,
    description: "The Stax organisation the event belongs to.",
    members: [
      { name: "id", required: true, description: "Stax organisation id." },
      { name: "name", required: false, description: "Organisation name." },
      { name: "alias", required: false, description: "Organisation alias." },
    ],
  },
  {
    name: "user",
    required: false,
    description: "The Stax user who caused the event; absent on events no user caused.",
    members: [
      { name: "id", required: true, description: "Stax user id." },
      {
        name: "username",
        required: false,
        description: "User name.",
        deprecated: "Stax marks username deprecated and will remove it; use email.",
      },
      { name: "email", required: false, description: "The user's email address." },
    ],
  },
  {
    name: "aws",
    required: false,
    description: "The AWS account where the event was triggered.",
    members: [
      { name: "accountId", required: true, description: "12-digit AWS account id." },
      { name: "accountName", required: false, description: "Account name in Stax." },
      { name: "region", required: false, description: "AWS region." },
    ],
  },
] as const satisfies readonly MetaObjectSpec[];

/**
 * The Stax event catalogue: ONE structure, `STAX_EVENT_CATEGORIES`, holds every category Stax
 * documents that the library knows (Security, AccountManagement) with its event types. Every
 * lookup, schema, selector and type derives from it, so adding a category is data (a category
 * entry) plus types (its detail interfaces), not a new code path.
 */
import { ACCOUNT_MANAGEMENT_EVENT_TYPES } from "./account-management/accounts";
import type { StaxEvent } from "./envelope";
import { API_TOKEN_EVENT_TYPES } from "./security/api-tokens";
import { AUTH_EVENT_TYPES } from "./security/auth";
import { GROUP_EVENT_TYPES } from "./security/groups";
import { POLICY_EVENT_TYPES } from "./security/policies";
import { USER_EVENT_TYPES } from "./security/users";
import {
  STAX_EVENT_SOURCE_GROUPS,
  type SecurityEventTypeSpec,
  type StaxEventCategorySpec,
  type StaxEventSourceGroup,
  type StaxEventTypeSpec,
} from "./spec";

/** Every Security event type, in the order of the Stax Security events schema. */
export const SECURITY_EVENT_TYPES = [
  ...AUTH_EVENT_TYPES,
  ...USER_EVENT_TYPES,
  ...GROUP_EVENT_TYPES,
  ...POLICY_EVENT_TYPES,
  ...API_TOKEN_EVENT_TYPES,
] as const satisfies readonly SecurityEventTypeSpec[];

export { ACCOUNT_MANAGEMENT_EVENT_TYPES };

/** The catalogue: every category the library knows, with its event types, in a fixed order. */
export const STAX_EVENT_CATEGORIES = [
  {
    name: "Security",
    description: "Authentication, users, groups, policies and API tokens (the Security Events Schema).",
    types: SECURITY_EVENT_TYPES,
  },
  {
    name: "AccountManagement",
    description: "AWS accounts created or modified through Stax (the Account Management Events Schema).",
    types: ACCOUNT_MANAGEMENT_EVENT_TYPES,
  },
] as const satisfies readonly StaxEventCategorySpec[];

/** The catalogue entry of any catalogued event type, with its literal types (a union). */
export type CataloguedTypeSpec = (typeof STAX_EVENT_CATEGORIES)[number]["types"][number];

/** A catalogued category: the value of `detail.staxEventType` and the `detail-type` prefix. */
export type StaxEventCategory = (typeof STAX_EVENT_CATEGORIES)[number]["name"];

/** The `detail-type` of a catalogued event type, e.g. `AccountManagement: AccountCreateEvent`. */
export type StaxDetailType = CataloguedTypeSpec["detailType"];

/** The catalogue entry of the event type with detail-type `D`, with its literal types. */
export type StaxEventTypeOf<D extends StaxDetailType> = Extract<CataloguedTypeSpec, { readonly detailType: D }>;

/** The event names (`detail.staxEventName`) of the category `C`. */
export type StaxEventNameOf<C extends StaxEventCategory> = Extract<CataloguedTypeSpec, { staxEventType: C }>["name"];

/** The name of a Stax Security event type (`detail.staxEventName`), e.g. `UserAuthenticationEvent`. */
export type SecurityEventName = StaxEventNameOf<"Security">;

/** The name of an AccountManagement event type, `AccountCreateEvent` or `AccountUpdateEvent`. */
export type AccountManagementEventName = StaxEventNameOf<"AccountManagement">;

/** The EventBridge `detail-type` of the Security event `N`: `Security: <N>`. */
export type SecurityDetailType<N extends SecurityEventName = SecurityEventName> = `Security: ${N}`;

/** The EventBridge `detail-type` of the AccountManagement event `N`: `AccountManagement: <N>`. */
export type AccountManagementDetailType<N extends AccountManagementEventName = AccountManagementEventName> =
  `AccountManagement: ${N}`;

/** The catalogue entry of the Security event `N`, with its literal types. */
export type SecurityEventTypeOf<N extends SecurityEventName> = StaxEventTypeOf<SecurityDetailType<N>>;

/** Every catalogued event type of every category, in catalogue order. */
export const STAX_EVENT_TYPES: readonly CataloguedTypeSpec[] = STAX_EVENT_CATEGORIES.flatMap(
  (c): readonly CataloguedTypeSpec[] => c.types,
);

/** The `detail-type` of every catalogued event type, in catalogue order. */
export const STAX_DETAIL_TYPES: readonly StaxDetailType[] = STAX_EVENT_TYPES.map((t) => t.detailType);

/** The names of the catalogued categories, in catalogue order. */
export const STAX_EVENT_CATEGORY_NAMES: readonly StaxEventCategory[] = STAX_EVENT_CATEGORIES.map((c) => c.name);

/** The names of all Security event types, in catalogue order. */
export const SECURITY_EVENT_NAMES: readonly SecurityEventName[] = SECURITY_EVENT_TYPES.map((t) => t.name);

/** The names of all AccountManagement event types, in catalogue order. */
export const ACCOUNT_MANAGEMENT_EVENT_NAMES: readonly AccountManagementEventName[] = ACCOUNT_MANAGEMENT_EVENT_TYPES.map(
  (t) => t.name,
);

const BY_DETAIL_TYPE: ReadonlyMap<string, StaxEventTypeSpec> = new Map(STAX_EVENT_TYPES.map((t) => [t.detailType, t]));
const CATEGORIES: ReadonlyMap<string, StaxEventCategorySpec> = new Map(STAX_EVENT_CATEGORIES.map((c) => [c.name, c]));

/** Whether `value` is the `detail-type` of a catalogued event type (a type guard). */
export function isStaxDetailType(value: unknown): value is StaxDetailType {
  return typeof value === "string" && BY_DETAIL_TYPE.has(value);
}

/**
 * Whether an event's `detail-type` is in the catalogue (a type guard): narrows an `AnyStaxEvent`
 * (or any EventBridge event) to the catalogued union `StaxEvent`, and the other branch to
 * `UnknownStaxEvent`, without a cast.
 */
export function isCataloguedStaxEvent(event: { readonly "detail-type": string }): event is StaxEvent {
  return isStaxDetailType(event["detail-type"]);
}

/**
 * The catalogue entry of a `detail-type`, e.g. `staxEventType("AccountManagement: AccountCreateEvent")`.
 * @throws Error naming the value and listing the catalogued detail-types when it is unknown.
 */
export function staxEventType<D extends StaxDetailType>(detailType: D): StaxEventTypeOf<D>;
export function staxEventType(detailType: string): StaxEventTypeSpec;
export function staxEventType(detailType: string): StaxEventTypeSpec {
  return catalogueEntry("staxEventType", detailType);
}

/**
 * `staxEventType` for a helper of your own: the catalogue entry of `detailType`, with `where` (the
 * helper and argument) first in the error of an unknown or non-text detail-type.
 * @example catalogueEntry("myRule detailType", "Security: UserCreateEvent").name // "UserCreateEvent"
 */
export function catalogueEntry(where: string, detailType: unknown): StaxEventTypeSpec {
  if (typeof detailType !== "string") {
    throw new Error(
      `${where}: the detail-type is ${detailType === null ? "null" : Array.isArray(detailType) ? "a list" : `a ${typeof detailType}`}; pass one detail-type as text, e.g. '${STAX_DETAIL_TYPES[0]}'.`,
    );
  }
  const spec = BY_DETAIL_TYPE.get(detailType);
  if (spec === undefined) {
    const named = STAX_EVENT_TYPES.find((t) => t.name === detailType);
    const hint = named ? ` Pass the detail-type '${named.detailType}', not the event name.` : "";
    throw new Error(
      `${where}: unknown Stax detail-type '${detailType}'.${hint} Catalogued detail-types: ${STAX_DETAIL_TYPES.join(", ")}.`,
    );
  }
  return spec;
}

/**
 * The catalogue entry of a category.
 * @throws Error naming the value and listing the catalogued categories when it is unknown.
 */
export function staxEventCategory(category: string): StaxEventCategorySpec {
  const spec = CATEGORIES.get(category);
  if (spec === undefined) {
    throw new Error(
      `unknown Stax event category '${category}'. Catalogued categories: ${STAX_EVENT_CATEGORY_NAMES.join(", ")}.`,
    );
  }
  return spec;
}

/**
 * The catalogue entry of the event type `name` of `category`, e.g. `("Security", "UserCreateEvent")`.
 * @throws Error naming the value and listing the category's types when `name` is unknown.
 */
export function categoryEventType<C extends StaxEventCategory>(
  category: C,
  name: StaxEventNameOf<C>,
): StaxEventTypeSpec;
export function categoryEventType(category: string, name: string): StaxEventTypeSpec;
export function categoryEventType(category: string, name: string): StaxEventTypeSpec {
  const { types } = staxEventCategory(category);
  const spec = types.find((t) => t.name === name);
  if (spec === undefined) {
    const valid = `Valid types: ${types.map((t) => t.name).join(", ")}.`;
    const prefix = `${category}: `;
    const bare = name.startsWith(prefix) ? name.slice(prefix.length) : "";
    const hint = types.some((t) => t.name === bare) ? ` Pass the event name '${bare}', not the detail-type.` : "";
    throw new Error(`unknown Stax ${category} event type '${name}'.${hint} ${valid}`);
  }
  return spec;
}

/** Whether `name` is the name of a Security event type (a type guard). */
export function isSecurityEventName(name: unknown): name is SecurityEventName {
  return typeof name === "string" && (SECURITY_EVENT_NAMES as readonly string[]).includes(name);
}

/**
 * The catalogue entry of a Security event type.
 * @throws Error naming the bad value and listing the valid names when `name` is unknown.
 */
export function securityEventType<N extends SecurityEventName>(name: N): SecurityEventTypeOf<N>;
export function securityEventType(name: string): SecurityEventTypeSpec;
export function securityEventType(name: string): SecurityEventTypeSpec {
  return categoryEventType("Security", name) as SecurityEventTypeSpec;
}

/** The EventBridge `detail-type` of a Security event type, e.g. `Security: UserAuthenticationEvent`. */
export function detailType<N extends SecurityEventName>(name: N): SecurityDetailType<N> {
  return securityEventType(name).detailType as SecurityDetailType<N>;
}

/** The names of the Security event types a `staxEventSource` group emits, in catalogue order. */
export function securityEventNamesInGroup(group: StaxEventSourceGroup): readonly SecurityEventName[] {
  assertStaxEventSourceGroup(group);
  return SECURITY_EVENT_TYPES.filter((t) => t.staxEventSource === group).map((t) => t.name);
}

/** Whether `group` is one of the `staxEventSource` values of catalogued events (a type guard). */
export function isStaxEventSourceGroup(group: unknown): group is StaxEventSourceGroup {
  return typeof group === "string" && (STAX_EVENT_SOURCE_GROUPS as readonly string[]).includes(group);
}

/**
 * Throws unless `group` is a `staxEventSource` value of catalogued events.
 * @throws Error naming the bad value and listing the valid groups.
 */
export function assertStaxEventSourceGroup(group: string): asserts group is StaxEventSourceGroup {
  if (!isStaxEventSourceGroup(group)) {
    throw new Error(
      `unknown Stax event source group '${group}'. Valid groups: ${STAX_EVENT_SOURCE_GROUPS.join(", ")}.`,
    );
  }
}

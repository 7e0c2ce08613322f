/**
 * The Stax Security event catalogue: the 20 event types of the Security events schema, in the
 * order the schema lists them, with lookups by name and by `staxEventSource` group.
 */
import { API_TOKEN_EVENT_TYPES } from "./security/api-tokens";
import { AUTH_EVENT_TYPES } from "./security/auth";
import { GROUP_EVENT_TYPES } from "./security/groups";
import { POLICY_EVENT_TYPES } from "./security/policies";
import { USER_EVENT_TYPES } from "./security/users";
import {
  SECURITY_DETAIL_TYPE_PREFIX,
  STAX_EVENT_SOURCE_GROUPS,
  type SecurityEventTypeSpec,
  type StaxEventSourceGroup,
} from "./spec";

/** Every Security event type, in the order of the Stax Security events schema. */
export const SECURITY_EVENT_TYPES = [
  ...AUTH_EVENT_TYPES,
  ...USER_EVENT_TYPES,
  ...GROUP_EVENT_TYPES,
  ...POLICY_EVENT_TYPES,
  ...API_TOKEN_EVENT_TYPES,
] as const satisfies readonly SecurityEventTypeSpec[];

/** The name of a Stax Security event type (`detail.staxEventName`), e.g. `UserAuthenticationEvent`. */
export type SecurityEventName = (typeof SECURITY_EVENT_TYPES)[number]["name"];

/** The EventBridge `detail-type` of the Security event `N`: `Security: <N>`. */
export type SecurityDetailType<N extends SecurityEventName = SecurityEventName> = `Security: ${N}`;

/** The catalogue entry of the Security event `N`, with its literal types. */
export type SecurityEventTypeOf<N extends SecurityEventName> = Extract<
  (typeof SECURITY_EVENT_TYPES)[number],
  { readonly name: N }
>;

/** The names of all Security event types, in catalogue order. */
export const SECURITY_EVENT_NAMES: readonly SecurityEventName[] = SECURITY_EVENT_TYPES.map((t) => t.name);

const BY_NAME: ReadonlyMap<string, SecurityEventTypeSpec> = new Map(SECURITY_EVENT_TYPES.map((t) => [t.name, t]));

/** Whether `name` is the name of a Security event type (a type guard). */
export function isSecurityEventName(name: unknown): name is SecurityEventName {
  return typeof name === "string" && BY_NAME.has(name);
}

/**
 * The catalogue entry of a Security event type.
 * @throws Error naming the bad value and listing the valid names when `name` is unknown.
 */
export function securityEventType<N extends SecurityEventName>(name: N): SecurityEventTypeOf<N>;
export function securityEventType(name: string): SecurityEventTypeSpec;
export function securityEventType(name: string): SecurityEventTypeSpec {
  const spec = BY_NAME.get(name);
  if (spec === undefined) {
    throw new Error(unknownNameMessage(name));
  }
  return spec;
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

/** Whether `group` is one of the `staxEventSource` values of Security events (a type guard). */
export function isStaxEventSourceGroup(group: unknown): group is StaxEventSourceGroup {
  return typeof group === "string" && (STAX_EVENT_SOURCE_GROUPS as readonly string[]).includes(group);
}

/**
 * Throws unless `group` is a `staxEventSource` value of Security events.
 * @throws Error naming the bad value and listing the valid groups.
 */
export function assertStaxEventSourceGroup(group: string): asserts group is StaxEventSourceGroup {
  if (!isStaxEventSourceGroup(group)) {
    throw new Error(
      `unknown Stax event source group '${group}'. Valid groups: ${STAX_EVENT_SOURCE_GROUPS.join(", ")}.`,
    );
  }
}

function unknownNameMessage(name: string): string {
  const valid = `Valid types: ${SECURITY_EVENT_NAMES.join(", ")}.`;
  const bare = name.startsWith(SECURITY_DETAIL_TYPE_PREFIX) ? name.slice(SECURITY_DETAIL_TYPE_PREFIX.length) : "";
  const hint = BY_NAME.has(bare) ? ` Pass the event name '${bare}', not the detail-type.` : "";
  return `unknown Stax Security event type '${name}'.${hint} ${valid}`;
}

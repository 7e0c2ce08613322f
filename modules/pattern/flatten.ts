/**
 * Flattens an event the way event-ruler does before matching: every leaf value (string, number,
 * boolean, null) becomes a field named by its dot-joined path; arrays are "crushed out" (their
 * elements become values of the parent path, nested arrays too); objects and empty arrays are not
 * values. Each field remembers which element of which array it sits in (its array membership), so
 * the matcher can refuse to combine fields from different elements of the same array.
 */
import type { Scalar } from "./compile";

/**
 * Array membership: pairs `[arrayId, index, arrayId, index, ...]` sorted by array id. Only objects
 * and arrays inside an array record a membership; plain values in an array do not.
 */
export type Membership = readonly number[];

/** One leaf value of the event. */
export interface EventField {
  readonly value: Scalar;
  readonly membership: Membership;
}

/** Event fields by flattened path. */
export interface FlatEvent {
  readonly fields: ReadonlyMap<string, readonly EventField[]>;
  /** True when some field sits inside an object or array that is an array element. */
  readonly hasMembership: boolean;
}

const NONE: Membership = [];

/**
 * Flattens `event`, skipping keys that no pattern path can use (`steps` are the path segments of
 * the pattern; a key containing "." is kept when each of its segments is a step).
 */
export function flattenEvent(event: Record<string, unknown>, steps: ReadonlySet<string>): FlatEvent {
  const fields = new Map<string, EventField[]>();
  let arrayCount = 0;
  let hasMembership = false;

  const add = (path: string, value: unknown, membership: Membership): void => {
    let list = fields.get(path);
    if (list === undefined) fields.set(path, (list = []));
    list.push({ value: toScalar(value), membership });
    if (membership.length > 0) hasMembership = true;
  };
  const visitObject = (obj: Record<string, unknown>, prefix: string | null, membership: Membership): void => {
    for (const key of Object.keys(obj)) {
      const value = obj[key];
      if (value === undefined || typeof value === "function" || typeof value === "symbol") continue;
      if (!steps.has(key) && !(key.includes(".") && key.split(".").every((s) => steps.has(s)))) continue;
      visit(value, prefix === null ? key : `${prefix}.${key}`, membership);
    }
  };
  const visit = (value: unknown, path: string, membership: Membership): void => {
    if (Array.isArray(value)) {
      const id = arrayCount++;
      value.forEach((element: unknown, index) => {
        if (element !== null && typeof element === "object") visit(element, path, [...membership, id, index]);
        else add(path, element, membership);
      });
    } else if (value !== null && typeof value === "object") {
      visitObject(value as Record<string, unknown>, path, membership);
    } else {
      add(path, value, membership);
    }
  };

  visitObject(event, null, NONE);
  return { fields, hasMembership };
}

/**
 * The value as the engine sees it: NaN and non-JSON values become null (as JSON.stringify writes
 * them); ±Infinity (what JSON.parse makes of an overflowing number such as 1e400) stays a number
 * that no numeric test matches, as event-ruler cannot compare it.
 */
function toScalar(value: unknown): Scalar {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isNaN(value) ? null : value === 0 ? 0 : value;
    case "bigint":
      return Number(value);
    default:
      return null;
  }
}

/**
 * Combines two memberships; `undefined` when they disagree on the element of some array (the two
 * fields come from different elements of the same array and must not be combined).
 */
export function mergeMembership(a: Membership, b: Membership): Membership | undefined {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      if (a[i + 1] !== b[j + 1]) return undefined;
      out.push(a[i], a[i + 1]);
      i += 2;
      j += 2;
    } else if (a[i] < b[j]) {
      out.push(a[i], a[i + 1]);
      i += 2;
    } else {
      out.push(b[j], b[j + 1]);
      j += 2;
    }
  }
  for (; i < a.length; i += 2) out.push(a[i], a[i + 1]);
  for (; j < b.length; j += 2) out.push(b[j], b[j + 1]);
  return out;
}

/**
 * Turns a validated pattern into what the matcher runs: a list of sub-rules (one per combination of
 * `$or` alternatives), each a list of flattened field paths (`detail.state`) with a value test.
 * Paths are joined with ".", so `{"a": {"b": ...}}` and `{"a.b": ...}` name the same field, as in
 * event-ruler. Keys are sorted as event-ruler's state machine sorts them.
 */
import { PatternError } from "./errors";
import { inIpRange, ipHex, isIpRange, parseCidr } from "./ip";
import { ignoreCaseRegExp, wildcardRegExp } from "./text";
import type { OrMode } from "./validate";

/** A leaf value of a flattened event. */
export type Scalar = string | number | boolean | null;

/** The test of one field path within a sub-rule. */
export interface KeyTest {
  /** Flattened path, e.g. `detail.state`. */
  readonly path: string;
  /** True when the leaf list holds `{"exists": false}`: the field may be missing. */
  readonly absent: boolean;
  /** Whether one event value satisfies the leaf list; `undefined` when the list is only `{"exists": false}`. */
  readonly test: ((value: Scalar) => boolean) | undefined;
}

/** One conjunction of field tests; the pattern matches when any sub-rule does. */
export interface SubRule {
  /** Field tests sorted by path. */
  readonly keys: readonly KeyTest[];
}

/** A compiled pattern. */
export interface CompiledRules {
  /** The alternatives produced by expanding `$or`. */
  readonly subRules: readonly SubRule[];
  /** Every key segment the pattern names; event fields outside it can be skipped. */
  readonly steps: ReadonlySet<string>;
}

type Leaf = readonly unknown[];

/** Most alternatives a pattern's `$or`s may expand to before it is refused (the count multiplies). */
const MAX_ALTERNATIVES = 10_000;

/** One alternative of a pattern before compilation: leaf lists by flattened path. */
export type Draft = ReadonlyMap<string, Leaf>;
const OR = "$or";

/**
 * Expands the `$or` alternatives of a pattern that `checkPatternStructure` accepted into one draft
 * per combination, the way event-ruler forks its rule maps (a later key overrides an earlier one).
 */
export function expandPattern(pattern: Record<string, unknown>, mode: OrMode): Draft[] {
  return expand(pattern, null, [], mode);
}

/** Compiles the drafts of a pattern into field tests. */
export function compileRules(drafts: readonly Draft[]): CompiledRules {
  const leafTests = new Map<Leaf, { absent: boolean; test: KeyTest["test"] }>();
  const steps = new Set<string>();
  const subRules = drafts.map((draft) => {
    const keys = [...draft.keys()].sort().map((path) => {
      for (const step of path.split(".")) steps.add(step);
      const leaf = draft.get(path) as Leaf;
      let compiled = leafTests.get(leaf);
      if (compiled === undefined) leafTests.set(leaf, (compiled = compileLeaf(leaf)));
      return { path, ...compiled };
    });
    return { keys };
  });
  return { subRules, steps };
}

function expand(
  obj: Record<string, unknown>,
  prefix: string | null,
  drafts: Map<string, Leaf>[],
  mode: OrMode,
): Map<string, Leaf>[] {
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    if (value === undefined) continue;
    if (key === OR && mode === "or") {
      const before = drafts;
      drafts = [];
      for (const branch of value as Record<string, unknown>[]) {
        const start = before.length === 0 ? [new Map<string, Leaf>()] : before.map((d) => new Map(d));
        drafts.push(...expand(branch, prefix, start, mode));
        if (drafts.length > MAX_ALTERNATIVES) {
          throw new PatternError(
            "pattern",
            `expands to more than ${MAX_ALTERNATIVES} alternatives (every combination of its $or branches)`,
            "split it into several rules, or merge $or branches that test the same field into one value list",
          );
        }
      }
      continue;
    }
    const path = prefix === null ? key : `${prefix}.${key}`;
    if (Array.isArray(value)) {
      if (drafts.length === 0) drafts = [new Map<string, Leaf>()];
      for (const draft of drafts) draft.set(path, value);
    } else {
      drafts = expand(value as Record<string, unknown>, path, drafts, mode);
    }
  }
  return drafts;
}

type Test<T> = (value: T) => boolean;

/**
 * Compiles one leaf list (the matchers of one field): `absent` when it holds `{"exists": false}`,
 * `test` tells whether one event value satisfies it (`undefined` when it only tests absence).
 */
export function compileLeaf(leaf: Leaf): { absent: boolean; test: KeyTest["test"] } {
  const strings = new Set<string>();
  const numbers = new Set<number>();
  const literals = new Set<boolean | null>();
  const stringTests: Test<string>[] = [];
  const numberTests: Test<number>[] = [];
  const anyTests: Test<Scalar>[] = [];
  let any = false;
  let absent = false;
  let hasValueTest = false;

  for (const element of leaf) {
    if (element === null || typeof element === "boolean") literals.add(element);
    else if (typeof element === "number") numbers.add(element);
    else if (typeof element === "string") {
      const hex = ipHex(element); // an IP literal matches any spelling of the same address
      if (hex === undefined) strings.add(element);
      else stringTests.push((s) => ipHex(s) === hex);
    } else {
      const [op, arg] = Object.entries(element as Record<string, unknown>)[0];
      if (op === "exists") {
        if (arg === true) any = true;
        else absent = true;
        hasValueTest ||= arg === true;
        continue;
      }
      if (op === "exactly") strings.add(arg as string);
      else if (op === "numeric") numberTests.push(numericTest(arg as readonly (string | number)[]));
      else if (op === "anything-but") anyTests.push(anythingButTest(arg));
      else stringTests.push(stringTest(op, arg));
    }
    hasValueTest = true;
  }
  if (!hasValueTest) return { absent, test: undefined };

  const test = (value: Scalar): boolean => {
    if (any) return true;
    if (typeof value === "string") {
      if (strings.has(value)) return true;
      for (const t of stringTests) if (t(value)) return true;
    } else if (typeof value === "number") {
      if (numbers.has(value)) return true;
      if (Number.isFinite(value)) for (const t of numberTests) if (t(value)) return true;
    } else if (literals.has(value)) return true;
    for (const t of anyTests) if (t(value)) return true;
    return false;
  };
  return { absent, test };
}

function affixTest(op: "prefix" | "suffix", text: string): Test<string> {
  return op === "prefix" ? (s) => s.startsWith(text) : (s) => s.endsWith(text);
}

function stringTest(op: string, arg: unknown): Test<string> {
  switch (op) {
    case "prefix":
    case "suffix":
      if (typeof arg === "string") return affixTest(op, arg);
      return regExpTest(ignoreCaseRegExp((arg as Record<string, string>)["equals-ignore-case"], op));
    case "equals-ignore-case":
      return regExpTest(ignoreCaseRegExp(arg as string, "equals"));
    case "wildcard":
      return regExpTest(wildcardRegExp(arg as string));
    default: {
      const range = parseCidr(arg as string);
      if (!isIpRange(range)) throw new Error(`invalid cidr reached the compiler: ${String(arg)}`);
      return (s) => {
        const hex = ipHex(s);
        return hex !== undefined && inIpRange(hex, range);
      };
    }
  }
}

function regExpTest(re: RegExp): Test<string> {
  return (s) => re.test(s);
}

function numericTest(spec: readonly (string | number)[]): Test<number> {
  const compare = (op: string, bound: number): Test<number> => {
    switch (op) {
      case "=":
        return (n) => n === bound;
      case ">":
        return (n) => n > bound;
      case ">=":
        return (n) => n >= bound;
      case "<":
        return (n) => n < bound;
      default:
        return (n) => n <= bound;
    }
  };
  const first = compare(spec[0] as string, spec[1] as number);
  if (spec.length === 2) return first;
  const second = compare(spec[2] as string, spec[3] as number);
  return (n) => first(n) && second(n);
}

/** `anything-but` matches every value (of any type) that the wrapped test does not match. */
function anythingButTest(arg: unknown): Test<Scalar> {
  if (typeof arg === "string" || typeof arg === "number" || Array.isArray(arg)) {
    const excluded = new Set<unknown>(Array.isArray(arg) ? arg : [arg]);
    return (v) => !excluded.has(v);
  }
  const [form, inner] = Object.entries(arg as Record<string, unknown>)[0];
  const texts = (Array.isArray(inner) ? inner : [inner]) as string[];
  let tests: Test<string>[];
  if (form === "prefix" || form === "suffix") tests = texts.map((t) => affixTest(form, t));
  else if (form === "wildcard") tests = texts.map((t) => regExpTest(wildcardRegExp(t)));
  else tests = texts.map((t) => regExpTest(ignoreCaseRegExp(t, "equals")));
  return (v) => typeof v !== "string" || !tests.some((t) => t(v));
}

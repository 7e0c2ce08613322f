/**
 * The one validator for event patterns. The `Match` helpers, the offline matcher and the rule
 * construct all call it, so a pattern is accepted or rejected the same way everywhere, with the
 * same rules as EventBridge's engine (aws/event-ruler).
 */
import { describe, issue, PatternError, patternErrorAt, type PathSegment } from "./errors";
import { expandPattern, type Draft } from "./compile";
import { checkFieldMatcher } from "./operators";
import { renderPattern } from "./render";
import type { EventPattern } from "./types";

/** EventBridge's default limit on the length of an event pattern, in characters. */
export const DEFAULT_MAX_PATTERN_LENGTH = 2048;

/** Options for `validatePattern`. */
export interface ValidatePatternOptions {
  /**
   * Longest rendered pattern accepted, in characters; raise it only for an account with a raised
   * EventBridge quota, or pass `Infinity` to skip the size check.
   * @default 2048
   */
  readonly maxLength?: number;
  /**
   * The option that raises `maxLength` where the pattern came from (e.g. `maxPatternLength`), offered
   * in the fix of a pattern over the limit.
   * @default - the fix offers only splitting the pattern
   */
  readonly maxLengthOption?: string;
}

/**
 * How `$or` keys are read. `"or"`: as alternatives (the normal case). `"literal"`: as ordinary field
 * names, which is how event-ruler reads a pattern whose `$or` keys cannot be alternatives (e.g.
 * `{"$or": {"a": ["x"]}}`) but which is otherwise valid.
 */
export type OrMode = "or" | "literal";

const OR = "$or";

/** Field names event-ruler reserves inside `$or` alternatives. */
const RESERVED_IN_OR = new Set([
  "exactly",
  "equals-ignore-case",
  "prefix",
  "suffix",
  "anything-but",
  "exists",
  "wildcard",
  "numeric",
  "cidr",
  "=",
  "<",
  "<=",
  ">",
  ">=",
  "regex",
  "not-wildcard",
  "not-equals-ignore-case",
  "date-after",
  "date-on-or-after",
  "date-before",
  "date-on-or-before",
  "in-date-range",
  "ip-address-in-range",
  "ip-address-not-in-range",
]);

/**
 * Checks a whole pattern against EventBridge's rules and its size limit.
 *
 * @param pattern the pattern, as an object or a JSON string
 * @throws PatternError naming what is wrong, where (e.g. `detail.status[1]`) and how to fix it
 */
export function validatePattern(pattern: EventPattern | string, options: ValidatePatternOptions = {}): void {
  const value = readPattern(pattern);
  analysePattern(value);
  checkPatternSize(value as EventPattern, options.maxLength ?? DEFAULT_MAX_PATTERN_LENGTH, options.maxLengthOption);
}

/** Length in characters of the rendered (compact, canonical) pattern, as EventBridge measures it. */
export function patternSize(pattern: EventPattern | string): number {
  return renderPattern(pattern).length;
}

/**
 * Throws a PatternError when the rendered pattern is longer than `maxLength` characters; the fix
 * offers raising `maxLengthOption` when the caller has such an option.
 */
export function checkPatternSize(
  pattern: EventPattern | string,
  maxLength: number = DEFAULT_MAX_PATTERN_LENGTH,
  maxLengthOption?: string,
): void {
  const size = patternSize(pattern);
  if (size > maxLength) {
    throw new PatternError(
      "pattern",
      `is ${size} characters when rendered; the limit is ${maxLength}`,
      "split it into several rules (e.g. one per $or alternative or per detail-type)" +
        (maxLengthOption ? `, or raise ${maxLengthOption} if your account has a raised EventBridge quota` : ""),
    );
  }
}

/** Parses a JSON pattern string, or returns an object pattern as is. */
export function readPattern(pattern: EventPattern | string): unknown {
  if (typeof pattern !== "string") return pattern;
  try {
    return JSON.parse(pattern) as unknown;
  } catch (e) {
    throw new PatternError(
      "pattern",
      `is not valid JSON (${(e as Error).message})`,
      'pass an object, or a JSON string such as \'{"source": ["aws.ec2"]}\'',
    );
  }
}

/** Most fields one alternative of a pattern may test (event-ruler's limit per rule). */
const MAX_FIELDS = 256;

/**
 * Checks everything but the size of a pattern and returns its alternatives (one per combination
 * of `$or` branches), ready to compile.
 * @throws PatternError when event-ruler would reject the pattern
 */
export function analysePattern(pattern: unknown): Draft[] {
  const drafts = expandPattern(pattern as Record<string, unknown>, checkPatternStructure(pattern));
  const largest = Math.max(...drafts.map((d) => d.size));
  if (largest > MAX_FIELDS) {
    throw new PatternError(
      "pattern",
      `tests ${largest} fields in one alternative; EventBridge allows ${MAX_FIELDS}`,
      "split it into several rules",
    );
  }
  return drafts;
}

/**
 * Checks the shape of a pattern (everything but its size) and tells how its `$or` keys are read.
 * @throws PatternError when event-ruler would reject the pattern
 */
export function checkPatternStructure(pattern: unknown): OrMode {
  try {
    walkRoot(pattern, "or");
    return "or";
  } catch (strict) {
    // event-ruler retries a rejected pattern with `$or` read as a field name; keep the first error
    if (!(strict instanceof PatternError) || !hasOrKey(pattern)) throw strict;
    try {
      walkRoot(pattern, "literal");
      return "literal";
    } catch {
      throw strict;
    }
  }
}

/** Checks the `$or` alternatives given to `Match.or`, reporting problems at `Match.or`. */
export function checkOrAlternatives(alternatives: readonly unknown[]): void {
  try {
    walkObject({ [OR]: alternatives }, [], "or", false);
  } catch (e) {
    if (!(e instanceof PatternError)) throw e;
    const inside = /^\$or\[(\d+)\]\.?(.*)$/.exec(e.path);
    const where = inside ? ` (alternative ${Number(inside[1]) + 1}${inside[2] ? `, at ${inside[2]}` : ""})` : "";
    throw new PatternError(`Match.or${where}`, e.problem, e.fix);
  }
}

function walkRoot(pattern: unknown, mode: OrMode): void {
  if (!isPlainObject(pattern)) {
    throw new PatternError(
      "pattern",
      `must be a JSON object, got ${describe(pattern)}`,
      `wrap the fields in an object, e.g. {"source": ["aws.ec2"]}`,
    );
  }
  walkObject(pattern, [], mode, false);
}

function walkObject(obj: Record<string, unknown>, at: PathSegment[], mode: OrMode, inOr: boolean): void {
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  if (keys.length === 0) {
    throw patternErrorAt(
      at,
      issue([], "is an empty object, which EventBridge rejects", "add at least one field, or remove it"),
    );
  }
  for (const key of keys) {
    const value = obj[key];
    const here = [...at, key];
    if (key === OR && mode === "or") {
      walkOr(value, here, mode);
      continue;
    }
    if (inOr && RESERVED_IN_OR.has(key)) {
      throw patternErrorAt(
        here,
        issue(
          [],
          `${JSON.stringify(key)} is reserved and cannot be a field name inside $or`,
          `put operators in a field's list, e.g. {"source": [{"${key}": ...}]}`,
        ),
      );
    }
    if (Array.isArray(value)) walkLeaf(value, here);
    else if (isPlainObject(value)) walkObject(value, here, mode, inOr);
    else {
      const example = JSON.stringify([value]);
      throw patternErrorAt(
        here,
        issue(
          [],
          `must be a list of values or a nested object, got ${describe(value)}`,
          `wrap the value in a list: ${example}`,
        ),
      );
    }
  }
}

function walkOr(value: unknown, at: PathSegment[], mode: OrMode): void {
  if (!Array.isArray(value)) {
    throw patternErrorAt(
      at,
      issue(
        [],
        `must be a list of alternative patterns, got ${describe(value)}`,
        `write it like "$or": [{"a": ["1"]}, {"b": ["2"]}]`,
      ),
    );
  }
  value.forEach((branch, i) => {
    if (!isPlainObject(branch)) {
      throw patternErrorAt(
        [...at, i],
        issue(
          [],
          `each $or alternative must be an object, got ${describe(branch)}`,
          `write it like "$or": [{"a": ["1"]}, {"b": ["2"]}]`,
        ),
      );
    }
  });
  if (value.length < 2) {
    throw patternErrorAt(
      at,
      issue(
        [],
        `needs at least 2 alternatives, got ${value.length}`,
        "add another alternative, or drop $or and use the single pattern directly",
      ),
    );
  }
  value.forEach((branch, i) => walkObject(branch as Record<string, unknown>, [...at, i], mode, true));
}

function walkLeaf(list: readonly unknown[], at: PathSegment[]): void {
  if (list.length === 0) {
    throw patternErrorAt(
      at,
      issue(
        [],
        "is an empty list, which EventBridge rejects",
        `list at least one value, or use [{"exists": false}] to match a missing field`,
      ),
    );
  }
  list.forEach((element, i) => {
    const found = checkFieldMatcher(element);
    if (found !== undefined) throw patternErrorAt([...at, i], found);
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function hasOrKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasOrKey);
  if (!isPlainObject(value)) return false;
  return Object.keys(value).some((k) => k === OR || hasOrKey(value[k]));
}

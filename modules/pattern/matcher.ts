/**
 * An offline event matcher with EventBridge's semantics (those of aws/event-ruler, its engine).
 *
 * A pattern matches when, for one of its `$or` alternatives, every field test is satisfied by some
 * value of the event, with all chosen values coming from the same element of any array they share
 * (array consistency). Fields are tried in sorted path order, as event-ruler's state machine does;
 * a `{"exists": false}` test passes when no value of that path is consistent with the values
 * chosen so far.
 */
import { compileRules, type CompiledRules, type KeyTest } from "./compile";
import { flattenEvent, mergeMembership, type FlatEvent, type Membership } from "./flatten";
import { analysePattern, readPattern } from "./validate";
import type { EventPattern } from "./types";

/** A pattern validated and compiled once, to match many events. */
export interface CompiledPattern {
  /** Whether `event` (an object, or a JSON string) matches the pattern. */
  matches(event: unknown): boolean;
  /** Why `event` does not match, one line per reason; empty when it matches. */
  explain(event: unknown): string[];
}

/**
 * Validates and compiles a pattern for repeated matching. The size limit is not checked (the
 * engine has none; `validatePattern` checks it).
 *
 * @param pattern the pattern, as an object or a JSON string
 * @throws PatternError when EventBridge would reject the pattern
 */
export function compilePattern(pattern: EventPattern | string): CompiledPattern {
  const rules = compileRules(analysePattern(readPattern(pattern)));
  return {
    matches: (event) => matchRules(rules, flattenEvent(readEvent(event), rules.steps)),
    explain: (event) => explainRules(rules, flattenEvent(readEvent(event), rules.steps)),
  };
}

/**
 * Whether `event` matches `pattern`, as EventBridge would decide.
 *
 * @param pattern the pattern, as an object or a JSON string
 * @param event the event, as an object (or a JSON string)
 * @throws PatternError when EventBridge would reject the pattern
 */
export function matches(pattern: EventPattern | string, event: unknown): boolean {
  return compilePattern(pattern).matches(event);
}

function readEvent(event: unknown): Record<string, unknown> {
  let value: unknown = event;
  if (typeof event === "string") {
    try {
      value = JSON.parse(event);
    } catch (e) {
      throw new TypeError(
        `matches: the event is text that is not JSON (${(e as Error).message}); pass the event object or its JSON text.`,
      );
    }
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new TypeError(
      `matches: the event must be a JSON object, got ${Array.isArray(value) ? "a list" : String(value)}`,
    );
  }
  return value as Record<string, unknown>;
}

function matchRules(rules: CompiledRules, event: FlatEvent): boolean {
  for (const subRule of rules.subRules) {
    const failed = event.hasMembership ? new Set<string>() : undefined;
    if (matchFrom(subRule.keys, 0, event, [], failed)) return true;
  }
  return false;
}

/** Depth-first search for values satisfying keys[i..] consistently with `membership`. */
function matchFrom(
  keys: readonly KeyTest[],
  i: number,
  event: FlatEvent,
  membership: Membership,
  failed: Set<string> | undefined,
): boolean {
  if (i === keys.length) return true;
  const memo = failed && membership.length > 0 ? `${i}|${membership.join(",")}` : undefined;
  if (memo !== undefined && failed!.has(memo)) return false;

  const key = keys[i];
  const candidates = event.fields.get(key.path);
  if (key.absent && !hasConsistent(candidates, membership) && matchFrom(keys, i + 1, event, membership, failed)) {
    return true;
  }
  if (candidates !== undefined && key.test !== undefined) {
    for (const field of candidates) {
      const merged = mergeMembership(membership, field.membership);
      if (merged === undefined || !key.test(field.value)) continue;
      if (matchFrom(keys, i + 1, event, merged, failed)) return true;
    }
  }
  if (memo !== undefined) failed!.add(memo);
  return false;
}

function hasConsistent(candidates: readonly { membership: Membership }[] | undefined, membership: Membership): boolean {
  return candidates !== undefined && candidates.some((f) => mergeMembership(membership, f.membership) !== undefined);
}

function explainRules(rules: CompiledRules, event: FlatEvent): string[] {
  if (matchRules(rules, event)) return [];
  const many = rules.subRules.length > 1;
  const lines: string[] = [];
  rules.subRules.forEach((subRule, n) => {
    const reasons = subRule.keys.flatMap((key) => explainKey(key, event));
    const label = many ? `$or alternative ${n + 1}: ` : "";
    if (reasons.length === 0) {
      lines.push(
        `${label}every field matches on its own, but not within one array element ` +
          "(EventBridge never combines values from different elements of an array)",
      );
    } else {
      lines.push(...reasons.map((r) => label + r));
    }
  });
  return lines;
}

function explainKey(key: KeyTest, event: FlatEvent): string[] {
  const values = (event.fields.get(key.path) ?? []).map((f) => f.value);
  if (values.length === 0) return key.absent ? [] : [`${key.path}: missing from the event`];
  if (key.test !== undefined && values.some(key.test)) return [];
  const shown =
    values
      .slice(0, 5)
      .map((v) => JSON.stringify(v))
      .join(", ") + (values.length > 5 ? ", ..." : "");
  return key.absent && key.test === undefined
    ? [`${key.path}: must be missing, but the event has ${shown}`]
    : [`${key.path}: no value matches (the event has ${shown})`];
}

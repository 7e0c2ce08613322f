/**
 * Checks that find patterns which can never match, whatever EventBridge delivers: a top-level key
 * that is not a field of the EventBridge envelope (`detailType`, `Source`…), or a `source` that no
 * event on the bus can have. Plain TypeScript, no cdktf import.
 */
import { hasToken, PatternError } from "./errors";
import { matches } from "./matcher";
import type { EventPattern } from "./types";

/** The top-level fields of every EventBridge event (the envelope). */
export const EVENTBRIDGE_ENVELOPE_FIELDS: readonly string[] = [
  "version",
  "id",
  "detail-type",
  "source",
  "account",
  "time",
  "region",
  "resources",
  "detail",
  "replay-name",
];

const OR = "$or";

/** The alternatives of a pattern at the top level: the pattern itself, or one per `$or` branch. */
export function topLevelAlternatives(pattern: EventPattern): readonly Record<string, unknown>[] {
  const { [OR]: branches, ...rest } = pattern as Record<string, unknown>;
  if (!Array.isArray(branches)) return [pattern as Record<string, unknown>];
  return branches.map((branch) => ({ ...rest, ...(branch as Record<string, unknown>) }));
}

function normalised(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, "");
}

/**
 * Throws when a top-level key of the pattern is not an envelope field: events never have such a
 * field, so the pattern never matches (event data is under `detail`).
 * @param where the helper or construct shown first in the message
 */
export function checkEnvelopeKeys(where: string, pattern: EventPattern): void {
  for (const alternative of topLevelAlternatives(pattern)) {
    for (const key of Object.keys(alternative)) {
      if (EVENTBRIDGE_ENVELOPE_FIELDS.includes(key) || alternative[key] === undefined) continue;
      const near = EVENTBRIDGE_ENVELOPE_FIELDS.find((field) => normalised(field) === normalised(key));
      const fix = near
        ? `write '${near}' instead`
        : `put fields of the event's data under 'detail' (e.g. {"detail": {"${key}": [...]}})`;
      throw new PatternError(
        where,
        `the top-level key '${key}' is not a field of EventBridge events (${EVENTBRIDGE_ENVELOPE_FIELDS.join(", ")}), so the pattern never matches`,
        fix,
      );
    }
  }
}

/**
 * Whether some alternative of the pattern accepts events whose `source` is `source`: `true` when
 * an alternative does not test `source`, or tests it with a token (not known until apply).
 */
export function acceptsSource(pattern: EventPattern, source: string): boolean {
  return topLevelAlternatives(pattern).some((alternative) => {
    const test = alternative.source;
    if (test === undefined || hasToken(test)) return true;
    return matches({ source: test } as unknown as EventPattern, { source });
  });
}

/** The literal `source` values the pattern names (exact strings of its `source` lists). */
export function namedSources(pattern: EventPattern): readonly string[] {
  const names = new Set<string>();
  for (const alternative of topLevelAlternatives(pattern)) {
    const test = alternative.source;
    if (Array.isArray(test)) for (const value of test) if (typeof value === "string") names.add(value);
  }
  return [...names];
}

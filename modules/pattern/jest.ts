/**
 * A jest matcher for event patterns: `expect(pattern).toMatchEvent(event)`, also on anything with an
 * `eventPattern` (such as the rule construct) and with `.not`.
 *
 * Set it up once in a jest setup file (`setupFilesAfterEnv`):
 * ```ts
 * import { setupStaxEventsJest } from "stax-events-cdktf";
 * setupStaxEventsJest();
 * ```
 * This module does not import jest; it uses the global `expect` that jest provides.
 */
import { compilePattern } from "./matcher";
import { renderPattern } from "./render";
import type { EventPattern } from "./types";

/** Anything carrying an event pattern, such as the rule construct. */
export interface HasEventPattern {
  /** The pattern, as an object or a JSON string. */
  readonly eventPattern: EventPattern | string;
}

/** What a jest matcher returns. */
export interface EventMatcherResult {
  /** Whether the pattern matches the event. */
  readonly pass: boolean;
  /** The failure message jest shows. */
  readonly message: () => string;
}

function patternOf(received: unknown): EventPattern | string {
  if (received !== null && typeof received === "object" && !Array.isArray(received) && "eventPattern" in received) {
    const inner = (received as { eventPattern: unknown }).eventPattern;
    if (typeof inner === "string" || (inner !== null && typeof inner === "object" && !Array.isArray(inner))) {
      return inner as EventPattern | string;
    }
  }
  if (typeof received === "string" || (received !== null && typeof received === "object" && !Array.isArray(received))) {
    return received as EventPattern | string;
  }
  throw new TypeError(
    `toMatchEvent: expected an event pattern (object or JSON string) or an object with an eventPattern, got ${
      Array.isArray(received) ? "a list" : String(received)
    }`,
  );
}

/**
 * `expect(pattern).toMatchEvent(event)`: passes when `event` matches the pattern as EventBridge
 * would decide. An invalid pattern fails the test with its `PatternError`, with or without `.not`.
 */
function toMatchEvent(received: unknown, event: unknown): EventMatcherResult {
  const pattern = patternOf(received);
  const compiled = compilePattern(pattern);
  const pass = compiled.matches(event);
  const shown = `Pattern: ${renderPattern(pattern)}\nEvent:   ${JSON.stringify(event)}`;
  return {
    pass,
    message: () =>
      pass
        ? `expected the pattern not to match the event, but it does\n\n${shown}`
        : `expected the pattern to match the event, but it does not:\n${compiled
            .explain(event)
            .map((line) => `  - ${line}`)
            .join("\n")}\n\n${shown}`,
  };
}

/** The matchers to pass to `expect.extend`. */
export const staxEventsMatchers = { toMatchEvent };

/**
 * Registers `toMatchEvent` with jest (`expect.extend(staxEventsMatchers)`). Call it from a jest
 * setup file.
 * @throws Error when there is no global `expect` (not running under jest)
 */
export function setupStaxEventsJest(): void {
  const expectGlobal = (globalThis as { expect?: { extend(matchers: object): void } }).expect;
  if (expectGlobal === undefined) {
    throw new Error("setupStaxEventsJest: no global `expect`; call it from a jest setup file (setupFilesAfterEnv)");
  }
  expectGlobal.extend(staxEventsMatchers);
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** Passes when the event matches the pattern (or the `eventPattern` of the received object). */
      toMatchEvent(event: unknown): R;
    }
  }
}

/**
 * Jest matchers: `expect(pattern).toMatchEvent(event)` for event patterns (also on anything with an
 * `eventPattern`, such as the rule construct, and with `.not`), and
 * `expect(input).toTransformTo(event, expected)` for a target's input.
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
import { renderInput, type BindsTargetInput, type RenderInputOptions, type TargetInput } from "./input";

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

/**
 * `expect(input).toTransformTo(event, expected, options?)`: renders what EventBridge delivers for
 * `event` with the target input `input` (a `RuleTargetInput`, or the `input` / `inputPath` /
 * `inputTransformer` fields) and compares it with `expected`: as text when `expected` is a string,
 * otherwise as parsed JSON (asymmetric matchers such as `expect.any(String)` work).
 */
function toTransformTo(
  this: { equals(a: unknown, b: unknown): boolean } | void,
  received: unknown,
  event: unknown,
  expected: unknown,
  options?: RenderInputOptions,
): EventMatcherResult {
  if (received === null || typeof received !== "object") {
    throw new TypeError(
      `toTransformTo: expected a target input (a RuleTargetInput, or an object with input, inputPath or inputTransformer), got ${String(received)}`,
    );
  }
  const rendered = renderInput(received as TargetInput | BindsTargetInput, event, options);
  const equals = this && typeof this.equals === "function" ? this.equals.bind(this) : deepEqual;
  let pass: boolean;
  let problem = "";
  if (typeof expected === "string") {
    pass = rendered === expected;
  } else {
    try {
      pass = equals(JSON.parse(rendered), expected);
    } catch (error) {
      pass = false;
      problem = `\nThe rendered input is not valid JSON: ${(error as Error).message}`;
    }
  }
  const shown = `Expected: ${typeof expected === "string" ? expected : JSON.stringify(expected)}\nRendered: ${rendered}${problem}`;
  return {
    pass,
    message: () =>
      pass
        ? `expected the input not to render as given for the event, but it does\n\n${shown}`
        : `expected the input to render as given for the event, but it does not\n\n${shown}`,
  };
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The matchers to pass to `expect.extend`. */
export const staxEventsMatchers = { toMatchEvent, toTransformTo };

/**
 * Registers `toMatchEvent` and `toTransformTo` with jest (`expect.extend(staxEventsMatchers)`). Call it from a jest
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
      /**
       * Passes when the target input renders, for `event`, as `expected` (text when a string,
       * otherwise compared as parsed JSON).
       */
      toTransformTo(event: unknown, expected: unknown, options?: RenderInputOptions): R;
    }
  }
}

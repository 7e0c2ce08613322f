/**
 * Conformance: the offline matcher agrees with EventBridge's engine (aws/event-ruler) on every
 * verdict of the shared vectors, and the validator rejects every pattern the engine rejects.
 * The vectors were produced by the engine itself; none is special-cased here.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { PatternError, compilePattern, matches, validatePattern, type EventPattern } from "../../modules/pattern";

interface VectorCase {
  readonly name: string;
  readonly pattern: EventPattern;
  readonly events: readonly { readonly event: Record<string, unknown>; readonly matches: boolean }[];
}

interface Vectors {
  readonly engine: string;
  readonly cases: readonly VectorCase[];
  readonly invalid: readonly { readonly name: string; readonly pattern: unknown }[];
}

const vectors = JSON.parse(
  readFileSync(path.join(__dirname, "..", "fixtures", "eventbridge-vectors.json"), "utf8"),
) as Vectors;

describe(`event verdicts of ${vectors.engine}`, () => {
  it("has vectors to check", () => {
    expect(vectors.cases.length).toBeGreaterThan(100);
    expect(vectors.invalid.length).toBeGreaterThan(30);
  });

  test.each(vectors.cases.map((c) => [c.name, c] as const))("%s", (_name, vector) => {
    const compiled = compilePattern(vector.pattern);

    const disagreements = vector.events
      .map((e, index) => ({ index, event: e.event, expected: e.matches, actual: compiled.matches(e.event) }))
      .filter((r) => r.actual !== r.expected);

    expect(disagreements).toEqual([]);
  });

  it("gives the same verdicts through matches() with the pattern as a JSON string", () => {
    const disagreements = vectors.cases.flatMap((c) =>
      c.events
        .filter((e) => matches(JSON.stringify(c.pattern), e.event) !== e.matches)
        .map((e) => `${c.name}: ${JSON.stringify(e.event)}`),
    );

    expect(disagreements).toEqual([]);
  });
});

describe(`patterns rejected by ${vectors.engine}`, () => {
  test.each(vectors.invalid.map((c) => [c.name, c.pattern] as const))("%s", (_name, pattern) => {
    expect(() => validatePattern(pattern as EventPattern)).toThrow(PatternError);
    expect(() => compilePattern(pattern as EventPattern)).toThrow(PatternError);
    expect(() => matches(pattern as EventPattern, { source: "x" })).toThrow(PatternError);
  });
});

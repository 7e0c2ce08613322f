/**
 * The jest matcher `toMatchEvent`, registered the way a user registers it.
 */
import { PatternError, setupStaxEventsJest, staxEventsMatchers, type EventPattern } from "../../modules/pattern";

setupStaxEventsJest();

const pattern: EventPattern = { source: ["aws.ec2"], detail: { state: ["running"] } };
const running = { source: "aws.ec2", detail: { state: "running" } };
const stopped = { source: "aws.ec2", detail: { state: "stopped" } };

describe("toMatchEvent", () => {
  it("passes when the event matches the pattern", () => {
    expect(pattern).toMatchEvent(running);
  });

  it("supports .not", () => {
    expect(pattern).not.toMatchEvent(stopped);
  });

  it("reads the eventPattern of a rule-like object", () => {
    const rule = { name: "r", eventPattern: pattern };
    expect(rule).toMatchEvent(running);
    expect(rule).not.toMatchEvent(stopped);
  });

  it("takes a pattern given as JSON", () => {
    expect(JSON.stringify(pattern)).toMatchEvent(running);
    expect({ eventPattern: JSON.stringify(pattern) }).not.toMatchEvent(stopped);
  });

  it("explains a failed match: the reasons, the pattern and the event", () => {
    expect(() => expect(pattern).toMatchEvent(stopped)).toThrow(
      [
        "expected the pattern to match the event, but it does not:",
        '  - detail.state: no value matches (the event has "stopped")',
        "",
        'Pattern: {"source":["aws.ec2"],"detail":{"state":["running"]}}',
        'Event:   {"source":"aws.ec2","detail":{"state":"stopped"}}',
      ].join("\n"),
    );
  });

  it("says so when a match was not expected", () => {
    expect(() => expect(pattern).not.toMatchEvent(running)).toThrow(
      "expected the pattern not to match the event, but it does",
    );
  });

  it("fails with the PatternError of an invalid pattern, with or without .not", () => {
    const invalid = { source: [] } as EventPattern;
    expect(() => expect(invalid).toMatchEvent(running)).toThrow(PatternError);
    expect(() => expect(invalid).not.toMatchEvent(running)).toThrow(
      `source: is an empty list, which EventBridge rejects; list at least one value, or use [{"exists": false}] to match a missing field`,
    );
  });

  it("refuses something that is neither a pattern nor carries one", () => {
    expect(() => expect(42).toMatchEvent(running)).toThrow(
      "toMatchEvent: expected an event pattern (object or JSON string) or an object with an eventPattern, got 42",
    );
  });
});

describe("staxEventsMatchers and setupStaxEventsJest", () => {
  it("exposes the matcher for expect.extend", () => {
    const result = staxEventsMatchers.toMatchEvent(pattern, running);
    expect(result.pass).toBe(true);
    expect(result.message()).toContain("expected the pattern not to match the event");
  });

  it("refuses to run without jest's global expect", () => {
    const globals = globalThis as { expect?: unknown };
    const saved = globals.expect;
    let thrown: unknown;
    delete globals.expect;
    try {
      setupStaxEventsJest();
    } catch (e) {
      thrown = e;
    } finally {
      globals.expect = saved;
    }
    expect(thrown).toEqual(
      new Error("setupStaxEventsJest: no global `expect`; call it from a jest setup file (setupFilesAfterEnv)"),
    );
  });
});

/**
 * The matcher's semantics beyond the shared vectors: the general rules of event-ruler that the
 * vectors sample, stated one by one.
 */
import { PatternError, compilePattern, matches, type EventPattern } from "../../modules/pattern";

describe("array consistency", () => {
  const pattern: EventPattern = { r: { type: ["A"], id: ["1"] } };

  it("matches fields from the same array element", () => {
    expect(
      matches(pattern, {
        r: [
          { type: "B", id: "1" },
          { type: "A", id: "1" },
        ],
      }),
    ).toBe(true);
  });

  it("never combines fields from different elements of one array", () => {
    expect(
      matches(pattern, {
        r: [
          { type: "A", id: "2" },
          { type: "B", id: "1" },
        ],
      }),
    ).toBe(false);
  });

  it("applies to arrays nested in arrays", () => {
    const nested: EventPattern = { a: { b: { c: ["1"], d: ["2"] } } };
    expect(matches(nested, { a: [{ b: [{ c: "1" }, { d: "2" }] }] })).toBe(false);
    expect(matches(nested, { a: [{ b: [{ c: "1" }] }, { b: [{ c: "1", d: "2" }] }] })).toBe(true);
  });

  it("lets fields of different arrays combine freely", () => {
    expect(matches({ a: { x: ["1"] }, b: { y: ["2"] } }, { a: [{ x: "0" }, { x: "1" }], b: [{ y: "2" }] })).toBe(true);
  });

  it("does not tie plain values of an array to an element", () => {
    expect(matches({ tags: ["a"], n: ["b"] }, { tags: ["x", "a"], n: ["b", "y"] })).toBe(true);
  });

  it("checks {exists: false} against the elements already chosen, in sorted field order (as event-ruler does)", () => {
    const event = { r: [{ type: "A" }, { type: "B", id: "1", zid: "1" }] };
    // "r.zid" sorts after "r.type": only a zid in the element chosen for type counts
    expect(matches({ r: { type: ["A"], zid: [{ exists: false }] } }, event)).toBe(true);
    // "r.id" sorts before "r.type": any id in the array counts
    expect(matches({ r: { type: ["A"], id: [{ exists: false }] } }, event)).toBe(false);
  });

  it("stays fast when many elements almost match", () => {
    const keys = Array.from({ length: 12 }, (_, i) => `k${String(i).padStart(2, "0")}`);
    const pattern = { r: { ...Object.fromEntries(keys.map((k) => [k, [{ exists: true }]])), zz: ["never"] } };
    const element = Object.fromEntries(keys.map((k) => [k, 1]));
    const event = { r: Array.from({ length: 40 }, () => ({ ...element })) };
    const started = Date.now();
    expect(matches(pattern, event)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("field paths", () => {
  it("joins keys with dots, so dotted keys and nested objects name the same field", () => {
    expect(matches({ "a.b": ["x"] }, { a: { b: "x" } })).toBe(true);
    expect(matches({ a: { b: ["x"] } }, { "a.b": "x" })).toBe(true);
  });

  it("does not confuse an empty key with the root", () => {
    expect(matches({ "": { a: ["x"] } }, { a: "x" })).toBe(false);
    expect(matches({ "": { a: ["x"] } }, { "": { a: "x" } })).toBe(true);
  });

  it("treats only leaf values as present: objects and empty lists are absent", () => {
    const present: EventPattern = { a: [{ exists: true }] };
    expect([{ a: {} }, { a: [] }, { a: [{}] }, { a: null }, { a: [[0]] }].map((e) => matches(present, e))).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});

describe("values", () => {
  it("compares numbers as numbers, whatever their spelling", () => {
    expect(matches('{"n": [3e2]}', '{"n": 300.0}')).toBe(true);
    expect(matches({ n: [0] }, { n: -0 })).toBe(true);
    expect(matches({ n: [1e21] }, { n: 1000000000000000000000 })).toBe(true);
    expect(matches({ n: [{ numeric: [">", 5e9] }] }, { n: 6e9 })).toBe(true);
  });

  it("reads NaN in an event as null, as JSON.stringify writes it", () => {
    expect(matches({ n: [null] }, { n: NaN })).toBe(true);
  });

  it("never compares a number too large for a double (1e400), as event-ruler cannot", () => {
    expect(matches({ n: [{ numeric: [">", 0] }] }, '{"n": 1e400}')).toBe(false);
    expect(matches({ n: [{ "anything-but": [5] }] }, '{"n": 1e400}')).toBe(true);
    expect(matches({ n: [{ exists: true }] }, '{"n": 1e400}')).toBe(true);
    expect(matches({ n: [null] }, '{"n": 1e400}')).toBe(false);
  });

  it("matches an IP address literal in any spelling of the same address", () => {
    expect(matches({ ip: ["10.0.0.1"] }, { ip: "::ffff:a00:1" })).toBe(true);
    expect(matches({ ip: ["2001:db8::1"] }, { ip: "2001:0DB8:0:0:0:0:0:1" })).toBe(true);
    expect(matches({ ip: ["10.0.0.1"] }, { ip: "010.000.000.001" })).toBe(true);
    expect(matches({ ip: ["10.0.0.1"] }, { ip: "10.0.0.1 " })).toBe(false);
  });

  it("ignores host bits in a CIDR block's address", () => {
    const pattern: EventPattern = { ip: [{ cidr: "10.0.0.5/24" }] };
    expect(
      ["10.0.0.0", "10.0.0.5", "10.0.0.255", "10.0.1.0", "9.255.255.255"].map((ip) => matches(pattern, { ip })),
    ).toEqual([true, true, true, false, false]);
    expect(matches({ ip: [{ cidr: "2001:db8:ffff::1/33" }] }, { ip: "2001:db8:8000::" })).toBe(true);
    expect(matches({ ip: [{ cidr: "2001:db8:ffff::1/33" }] }, { ip: "2001:db8:7fff::" })).toBe(false);
  });

  it("matches each character ignoring case only with its own lower- or upper-case form", () => {
    expect(matches({ s: [{ "equals-ignore-case": "straße" }] }, { s: "STRASSE" })).toBe(true);
    expect(matches({ s: [{ "equals-ignore-case": "STRASSE" }] }, { s: "straße" })).toBe(false);
  });

  it("never matches characters beyond U+FFFF ignoring case, as in event-ruler", () => {
    expect(matches({ s: [{ "equals-ignore-case": "go 🚀" }] }, { s: "GO 🚀" })).toBe(false);
    expect(matches({ s: [{ prefix: { "equals-ignore-case": "🚀" } }] }, { s: "🚀 launch" })).toBe(false);
    expect(matches({ s: ["go 🚀"] }, { s: "go 🚀" })).toBe(true);
    expect(matches({ s: [{ wildcard: "*🚀" }] }, { s: "go 🚀" })).toBe(true);
  });

  it("matches wildcards with escapes", () => {
    expect(matches({ f: [{ wildcard: "a\\*b*" }] }, { f: "a*bcd" })).toBe(true);
    expect(matches({ f: [{ wildcard: "a\\*b*" }] }, { f: "axbcd" })).toBe(false);
    expect(matches({ f: [{ wildcard: "a.c" }] }, { f: "abc" })).toBe(false);
  });
});

describe("$or", () => {
  it("reads $or holding an object as a plain field name, as event-ruler does", () => {
    expect(matches({ $or: { a: ["x"] } }, { $or: { a: "x" } })).toBe(true);
    expect(matches({ $or: { a: ["x"] } }, { a: "x" })).toBe(false);
  });

  it("lets an alternative override a field given before the $or (event-ruler's rule maps)", () => {
    const pattern: EventPattern = { a: ["1"], $or: [{ a: ["2"] }, { b: ["3"] }] };
    expect(matches(pattern, { a: "2" })).toBe(true);
    expect(matches(pattern, { a: "1", b: "3" })).toBe(true);
    expect(matches(pattern, { a: "1" })).toBe(false);
  });
});

describe("inputs", () => {
  it("takes the event as a JSON string", () => {
    expect(matches({ source: ["x"] }, '{"source": "x"}')).toBe(true);
  });

  it("refuses an event that is not an object", () => {
    expect(() => matches({ source: ["x"] }, ["x"])).toThrow("matches: the event must be a JSON object, got a list");
    expect(() => matches({ source: ["x"] }, null)).toThrow("matches: the event must be a JSON object, got null");
  });

  it("throws the validator's PatternError for an invalid pattern", () => {
    expect(() => matches({ source: [] }, {})).toThrow(PatternError);
  });

  it("does not apply the size limit (the engine has none)", () => {
    expect(matches({ source: ["x".repeat(5000)] }, { source: "x".repeat(5000) })).toBe(true);
  });

  it("compiles once for many events", () => {
    const compiled = compilePattern({ detail: { status: [{ "anything-but": "SUCCESS" }] } });
    expect(["FAILED", "SUCCESS", 5].map((status) => compiled.matches({ detail: { status } }))).toEqual([
      true,
      false,
      true,
    ]);
  });
});

describe("explain", () => {
  const compiled = compilePattern({ source: ["aws.ec2"], detail: { state: ["running"], gone: [{ exists: false }] } });

  it("is empty for a matching event", () => {
    expect(compiled.explain({ source: "aws.ec2", detail: { state: "running" } })).toEqual([]);
  });

  it("names missing fields, values that do not match and fields that must be missing", () => {
    expect(compiled.explain({ detail: { state: ["stopped", "pending"], gone: 1 } })).toEqual([
      "detail.gone: must be missing, but the event has 1",
      'detail.state: no value matches (the event has "stopped", "pending")',
      "source: missing from the event",
    ]);
  });

  it("points at array consistency when every field matches on its own", () => {
    const arrays = compilePattern({ r: { a: ["1"], b: ["2"] } });
    expect(arrays.explain({ r: [{ a: "1" }, { b: "2" }] })).toEqual([
      "every field matches on its own, but not within one array element (EventBridge never combines values from different elements of an array)",
    ]);
  });

  it("labels the $or alternatives", () => {
    const or = compilePattern({ $or: [{ a: ["1"] }, { b: ["2"] }] });
    expect(or.explain({ a: "2" })).toEqual([
      '$or alternative 1: a: no value matches (the event has "2")',
      "$or alternative 2: b: missing from the event",
    ]);
  });
});

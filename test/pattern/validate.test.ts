/**
 * The validator: what it accepts, and the message of every rejection (where, what, how to fix).
 */
import {
  PatternError,
  checkPatternSize,
  patternSize,
  renderPattern,
  validatePattern,
  type EventPattern,
} from "../../modules/pattern";

/** The message of the PatternError that `validatePattern` throws for `pattern`. */
function rejection(pattern: unknown): string {
  try {
    validatePattern(pattern as EventPattern);
  } catch (e) {
    expect(e).toBeInstanceOf(PatternError);
    return (e as PatternError).message;
  }
  throw new Error(`expected ${JSON.stringify(pattern)} to be rejected`);
}

describe("validatePattern accepts", () => {
  it.each<[string, unknown]>([
    ["exact values of every JSON type", { a: ["x", 5, 3.5, -1, true, false, null] }],
    [
      "nested objects and every operator",
      {
        source: [
          { prefix: "" },
          { suffix: "x" },
          { prefix: { "equals-ignore-case": "A" } },
          { suffix: { "equals-ignore-case": "b" } },
        ],
        detail: {
          a: [
            { "equals-ignore-case": "x" },
            { wildcard: "a*b\\*c\\\\" },
            { exists: true },
            { exists: false },
            { exactly: "x" },
          ],
          b: [{ cidr: "10.0.0.0/8" }, { cidr: "2001:db8::/32" }, { numeric: ["=", 5] }, { numeric: [">", 0, "<=", 5] }],
          c: [{ "anything-but": "x" }, { "anything-but": [1, 2] }, { "anything-but": { prefix: ["a", "b"] } }],
          d: [
            { "anything-but": { suffix: "x" } },
            { "anything-but": { wildcard: "*.tmp" } },
            { "anything-but": { "equals-ignore-case": ["A"] } },
          ],
        },
      },
    ],
    ["$or at the top and nested", { $or: [{ a: ["1"] }, { b: ["2"] }], detail: { $or: [{ c: [1] }, { d: [2] }] } }],
    ["a JSON string", '{"source": ["aws.ec2"]}'],
    ["$or used as a plain field name (event-ruler's legacy reading)", { $or: { a: ["x"] } }],
    ["$or as a plain field holding values", { $or: [{ prefix: "a" }, { suffix: "b" }] }],
  ])("%s", (_label, pattern) => {
    expect(() => validatePattern(pattern as EventPattern)).not.toThrow();
  });
});

describe("validatePattern rejects the pattern as a whole", () => {
  it.each<[string, unknown, string]>([
    [
      "a list",
      [],
      `pattern: must be a JSON object, got an empty list; wrap the fields in an object, e.g. {"source": ["aws.ec2"]}`,
    ],
    [
      "null",
      null,
      `pattern: must be a JSON object, got null; wrap the fields in an object, e.g. {"source": ["aws.ec2"]}`,
    ],
    [
      "a JSON string holding a string",
      '"x"',
      `pattern: must be a JSON object, got the string "x"; wrap the fields in an object, e.g. {"source": ["aws.ec2"]}`,
    ],
    [
      "an empty object",
      {},
      "pattern: is an empty object, which EventBridge rejects; add at least one field, or remove it",
    ],
  ])("%s", (_label, pattern, message) => {
    expect(rejection(pattern)).toBe(message);
  });

  it("rejects a string that is not JSON, quoting the parser", () => {
    expect(rejection("{source")).toMatch(
      /^pattern: is not valid JSON \(.+\); pass an object, or a JSON string such as '\{"source": \["aws.ec2"\]\}'$/,
    );
  });

  it("rejects $or combinations that multiply beyond 10000 alternatives, without expanding them all", () => {
    const pattern = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`f${i}`, { $or: [{ a: [1] }, { b: [2] }] }]),
    );
    expect(rejection(pattern)).toBe(
      "pattern: expands to more than 10000 alternatives (every combination of its $or branches); " +
        "split it into several rules, or merge $or branches that test the same field into one value list",
    );
  });

  it("rejects more than 256 fields in one alternative", () => {
    const pattern = Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`f${i}`, [1]]));
    expect(rejection(pattern)).toBe(
      "pattern: tests 257 fields in one alternative; EventBridge allows 256; split it into several rules",
    );
  });
});

describe("validatePattern rejects structure, naming the path", () => {
  it.each<[string, unknown, string]>([
    [
      "a nested empty object",
      { detail: {} },
      "detail: is an empty object, which EventBridge rejects; add at least one field, or remove it",
    ],
    [
      "a bare string",
      { source: "aws.ec2" },
      `source: must be a list of values or a nested object, got the string "aws.ec2"; wrap the value in a list: ["aws.ec2"]`,
    ],
    [
      "a bare null",
      { detail: { owner: null } },
      "detail.owner: must be a list of values or a nested object, got null; wrap the value in a list: [null]",
    ],
    [
      "an empty list",
      { source: [] },
      `source: is an empty list, which EventBridge rejects; list at least one value, or use [{"exists": false}] to match a missing field`,
    ],
    [
      "$or holding an object while another $or is an alternative list",
      { $or: { a: ["x"] }, b: { $or: [{ c: ["1"] }, { d: ["2"] }] } },
      `$or: must be a list of alternative patterns, got an object; write it like "$or": [{"a": ["1"]}, {"b": ["2"]}]`,
    ],
    [
      "$or holding a string",
      { $or: "x" },
      `$or: must be a list of alternative patterns, got the string "x"; write it like "$or": [{"a": ["1"]}, {"b": ["2"]}]`,
    ],
    [
      "an $or alternative that is not an object",
      { $or: [{ a: ["1"] }, ["b"]], c: {} },
      `$or[1]: each $or alternative must be an object, got a list; write it like "$or": [{"a": ["1"]}, {"b": ["2"]}]`,
    ],
    [
      "a single $or alternative",
      { $or: [{ a: ["1"] }] },
      "$or: needs at least 2 alternatives, got 1; add another alternative, or drop $or and use the single pattern directly",
    ],
    [
      "an empty $or alternative",
      { $or: [{ a: ["1"] }, {}] },
      "$or[1]: is an empty object, which EventBridge rejects; add at least one field, or remove it",
    ],
    [
      "a reserved word as a field inside $or",
      { detail: { $or: [{ x: { numeric: ["a"] } }, { b: ["1"] }] } },
      `detail.$or[0].x.numeric: "numeric" is reserved and cannot be a field name inside $or; put operators in a field's list, e.g. {"source": [{"numeric": ...}]}`,
    ],
    [
      "a key that needs quoting",
      { detail: { "app.kubernetes.io/name": [{ prefix: 1 }] } },
      `detail["app.kubernetes.io/name"][0].prefix: "prefix" must be a string or {"equals-ignore-case": "..."}, got the number 1; pass text, e.g. {"prefix": "1"}`,
    ],
  ])("%s", (_label, pattern, message) => {
    expect(rejection(pattern)).toBe(message);
  });

  it("exposes the path, the problem and the fix on the error", () => {
    try {
      validatePattern({ detail: { status: ["OK", { prefix: 5 } as never] } });
      throw new Error("not rejected");
    } catch (e) {
      expect(e).toMatchObject({
        name: "PatternError",
        path: "detail.status[1].prefix",
        problem: `"prefix" must be a string or {"equals-ignore-case": "..."}, got the number 5`,
        fix: `pass text, e.g. {"prefix": "5"}`,
      });
    }
  });
});

describe("pattern size", () => {
  const big: EventPattern = { source: ["x".repeat(3000)] };

  it("measures the rendered, compact pattern", () => {
    const pattern: EventPattern = { detail: { b: ["2"], a: ["1"] } };
    expect(patternSize(pattern)).toBe(renderPattern(pattern).length);
    expect(patternSize(pattern)).toBe('{"detail":{"a":["1"],"b":["2"]}}'.length);
  });

  it("rejects a pattern over 2048 characters, naming the size, the limit and the fix", () => {
    expect(rejection(big)).toBe(
      "pattern: is 3015 characters when rendered; the limit is 2048; split it into several rules " +
        "(e.g. one per $or alternative or per detail-type)",
    );
  });

  it("offers raising the limit only through an option the caller has", () => {
    expect(() => validatePattern(big, { maxLengthOption: "maxPatternLength" })).toThrow(
      "(e.g. one per $or alternative or per detail-type), or raise maxPatternLength if your account has a raised EventBridge quota",
    );
  });

  it("accepts exactly 2048 characters", () => {
    const pattern: EventPattern = { source: ["x".repeat(2048 - '{"source":[""]}'.length)] };
    expect(patternSize(pattern)).toBe(2048);
    expect(() => validatePattern(pattern)).not.toThrow();
  });

  it("takes a raised limit, or none", () => {
    expect(() => validatePattern(big, { maxLength: 4096 })).not.toThrow();
    expect(() => validatePattern(big, { maxLength: Infinity })).not.toThrow();
    expect(() => validatePattern({ source: ["abc"] }, { maxLength: 10 })).toThrow(
      "pattern: is 18 characters when rendered; the limit is 10;",
    );
  });

  it("checks the size alone with checkPatternSize", () => {
    expect(() => checkPatternSize(big)).toThrow(PatternError);
    expect(() => checkPatternSize(big, 5000)).not.toThrow();
  });
});

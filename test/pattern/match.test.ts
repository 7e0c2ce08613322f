/**
 * The Match helpers: what each builds, that the result is a valid pattern element with the
 * intended meaning, and the message of every rejection.
 */
import {
  Match,
  PatternError,
  matches,
  validatePattern,
  type EventPattern,
  type FieldMatcher,
} from "../../modules/pattern";

/** Whether `{ v: [matcher] }` matches `{ v: value }`. */
function accepts(matcher: FieldMatcher | readonly FieldMatcher[], value: unknown): boolean {
  const leaf = Array.isArray(matcher) ? matcher : [matcher];
  return matches({ v: leaf }, { v: value });
}

describe("Match builds EventBridge's content filters", () => {
  it.each<[string, unknown, unknown]>([
    ["exactly", Match.exactly("a", 5, true, null), ["a", 5, true, null]],
    ["prefix", Match.prefix("Security: "), { prefix: "Security: " }],
    ["suffix", Match.suffix("/default"), { suffix: "/default" }],
    ["prefixIgnoreCase", Match.prefixIgnoreCase("sec"), { prefix: { "equals-ignore-case": "sec" } }],
    ["suffixIgnoreCase", Match.suffixIgnoreCase(".PNG"), { suffix: { "equals-ignore-case": ".PNG" } }],
    ["equalsIgnoreCase", Match.equalsIgnoreCase("failed"), { "equals-ignore-case": "failed" }],
    ["wildcard", Match.wildcard("arn:*:bus/*"), { wildcard: "arn:*:bus/*" }],
    ["cidr", Match.cidr("10.0.0.0/8"), { cidr: "10.0.0.0/8" }],
    ["exists()", Match.exists(), { exists: true }],
    ["exists(false)", Match.exists(false), { exists: false }],
    ["anythingBut one string", Match.anythingBut("SUCCESS"), { "anything-but": "SUCCESS" }],
    ["anythingBut numbers", Match.anythingBut(100, 200), { "anything-but": [100, 200] }],
    ["anythingBut prefix", Match.anythingBut({ prefix: "us-" }), { "anything-but": { prefix: "us-" } }],
    [
      "anythingBut suffixes",
      Match.anythingBut({ suffix: [".png", ".jpg"] }),
      { "anything-but": { suffix: [".png", ".jpg"] } },
    ],
    ["anythingBut wildcard", Match.anythingBut({ wildcard: "*/lib/*" }), { "anything-but": { wildcard: "*/lib/*" } }],
    [
      "anythingBut ignoring case",
      Match.anythingBut({ equalsIgnoreCase: "stopped" }),
      { "anything-but": { "equals-ignore-case": "stopped" } },
    ],
    ["numeric one comparison", Match.numeric(">", 0), { numeric: [">", 0] }],
    ["numeric range", Match.numeric(">", 0, "<=", 5), { numeric: [">", 0, "<=", 5] }],
    ["equal", Match.equal(300), { numeric: ["=", 300] }],
    ["greaterThan", Match.greaterThan(5), { numeric: [">", 5] }],
    ["greaterThanOrEqual", Match.greaterThanOrEqual(7), { numeric: [">=", 7] }],
    ["lessThan", Match.lessThan(5), { numeric: ["<", 5] }],
    ["lessThanOrEqual", Match.lessThanOrEqual(5), { numeric: ["<=", 5] }],
    ["between", Match.between(4, 7), { numeric: [">=", 4, "<=", 7] }],
    ["anyOf", Match.anyOf("a", [Match.prefix("b"), 1]), ["a", { prefix: "b" }, 1]],
    ["or", Match.or({ a: ["1"] }, { b: ["2"] }), { $or: [{ a: ["1"] }, { b: ["2"] }] }],
  ])("%s", (_helper, built, expected) => {
    expect(built).toEqual(expected);
  });

  it("builds patterns the validator accepts", () => {
    const pattern: EventPattern = {
      source: Match.exactly("aws.partner/stax.io/123456789012/default"),
      "detail-type": [Match.prefix("Security: ")],
      detail: {
        status: [Match.anythingBut("SUCCESS")],
        severity: [Match.between(4, 7)],
        ipAddress: [Match.cidr("203.0.113.0/24")],
      },
      ...Match.or({ account: ["1"] }, { region: [Match.prefixIgnoreCase("AP-")] }),
    };
    expect(() => validatePattern(pattern)).not.toThrow();
  });
});

describe("Match helpers mean what they say", () => {
  it("compares exact numbers numerically and keeps strings apart from numbers", () => {
    expect(accepts(Match.exactly(300), 300.0)).toBe(true);
    expect(accepts(Match.exactly(300), "300")).toBe(false);
  });

  it("ignores case with the IgnoreCase helpers", () => {
    expect(accepts(Match.prefixIgnoreCase("sec"), "SECURITY: X")).toBe(true);
    expect(accepts(Match.suffixIgnoreCase(".PNG"), "cat.png")).toBe(true);
    expect(accepts(Match.equalsIgnoreCase("failed"), "FAILED")).toBe(true);
    expect(accepts(Match.prefix("sec"), "SECURITY")).toBe(false);
  });

  it("includes both bounds in between", () => {
    expect([3.9, 4, 7, 7.1].map((n) => accepts(Match.between(4, 7), n))).toEqual([false, true, true, false]);
  });

  it("excludes values, and only values of the excluded type, with anythingBut", () => {
    expect(accepts(Match.anythingBut("SUCCESS"), "FAILED")).toBe(true);
    expect(accepts(Match.anythingBut("SUCCESS"), "SUCCESS")).toBe(false);
    expect(accepts(Match.anythingBut({ equalsIgnoreCase: "success" }), "SUCCESS")).toBe(false);
    expect(accepts(Match.anythingBut(5), "5")).toBe(true);
  });

  it("treats a missing field with exists(false)", () => {
    expect(matches({ v: [Match.exists(false)] }, { w: 1 })).toBe(true);
    expect(matches({ v: [Match.exists(false)] }, { v: 1 })).toBe(false);
  });

  it("returns a fresh list from exactly and anyOf", () => {
    const values: FieldMatcher[] = ["a"];
    expect(Match.anyOf(values)).not.toBe(values);
  });
});

describe("Match helpers reject bad values at once", () => {
  const message = (build: () => unknown): string => {
    try {
      build();
    } catch (e) {
      expect(e).toBeInstanceOf(PatternError);
      return (e as PatternError).message;
    }
    throw new Error("not rejected");
  };
  const anyValue = (v: unknown) => v as never;

  it.each<[string, () => unknown, string]>([
    [
      "exactly()",
      () => Match.exactly(),
      `Match.exactly: needs at least one value; pass the values to match, e.g. Match.exactly("aws.ec2")`,
    ],
    ["exactly(NaN)", () => Match.exactly(NaN), "Match.exactly: NaN is not a JSON number; use a finite number"],
    [
      "exactly(an object)",
      () => Match.exactly("a", anyValue({ a: 1 })),
      "Match.exactly: value 2 is an object; it takes exact values (text, numbers, true, false, null); pass the value itself, or use the other Match helpers (e.g. Match.prefix) for a matcher",
    ],
    [
      "exactly(a list)",
      () => Match.exactly(anyValue(["a", "b"])),
      "Match.exactly: value 1 is a list; it takes exact values (text, numbers, true, false, null); spread the list: Match.exactly(...values)",
    ],
    [
      "prefix(5)",
      () => Match.prefix(anyValue(5)),
      `Match.prefix: the text is the number 5; quote it: Match.prefix("5")`,
    ],
    [
      "suffix(null)",
      () => Match.suffix(anyValue(null)),
      `Match.suffix: "suffix" must be a string or {"equals-ignore-case": "..."}, got null; use {"suffix": ""} to match any string, or {"exists": true} to match any value`,
    ],
    [
      "prefixIgnoreCase(5)",
      () => Match.prefixIgnoreCase(anyValue(5)),
      `Match.prefixIgnoreCase: the text is the number 5; quote it: Match.prefixIgnoreCase("5")`,
    ],
    [
      "wildcard(true)",
      () => Match.wildcard(anyValue(true)),
      `Match.wildcard: the text is true; quote it: Match.wildcard("true")`,
    ],
    [
      "suffixIgnoreCase([])",
      () => Match.suffixIgnoreCase(anyValue([])),
      `Match.suffixIgnoreCase: "equals-ignore-case" must be a string, got an empty list; give each value its own element, e.g. [{"equals-ignore-case": "a"}, {"equals-ignore-case": "b"}]`,
    ],
    [
      "equalsIgnoreCase([a])",
      () => Match.equalsIgnoreCase(anyValue(["a"])),
      `Match.equalsIgnoreCase: "equals-ignore-case" must be a string, got a list; give each value its own element, e.g. [{"equals-ignore-case": "a"}, {"equals-ignore-case": "b"}]`,
    ],
    [
      "wildcard(a**)",
      () => Match.wildcard("a**"),
      `Match.wildcard: "a**" has consecutive "*" at position 1; use a single "*"`,
    ],
    [
      "cidr(/32)",
      () => Match.cidr("10.0.0.1/32"),
      `Match.cidr: IPv4 prefix length must be between 0 and 31, got 32; to match a single address, list it as a plain value: ["10.0.0.1"]`,
    ],
    [
      "cidr(not an IP)",
      () => Match.cidr("2001:db8::g/32"),
      `Match.cidr: "2001:db8::g" is not an IPv4 or IPv6 address; use a literal address such as "10.0.0.0/8" or "2001:db8::/32" (no host names or zone ids)`,
    ],
    [
      "exists(yes)",
      () => Match.exists(anyValue("yes")),
      `Match.exists: "exists" must be true or false, got the string "yes"; use {"exists": true} or {"exists": false}`,
    ],
    [
      "anythingBut()",
      () => Match.anythingBut(),
      `Match.anythingBut: needs at least one value to exclude; pass the values, e.g. Match.anythingBut("stopped"), or use Match.exists(false) to match a missing field`,
    ],
    [
      "anythingBut(null)",
      () => Match.anythingBut(anyValue(null)),
      `Match.anythingBut: "anything-but" takes strings or numbers, got null; exclude text or numbers (e.g. {"anything-but": ["a", "b"]}); to require the field, use {"exists": true}`,
    ],
    [
      "anythingBut(a, 1)",
      () => Match.anythingBut(...anyValue(["a", 1])),
      `Match.anythingBut: "anything-but" mixes strings and numbers; use one anything-but for strings and another for numbers`,
    ],
    [
      "anythingBut({prefix: ''})",
      () => Match.anythingBut({ prefix: "" }),
      `Match.anythingBut: "anything-but" prefix cannot be empty; give a non-empty prefix; every string starts and ends with ""`,
    ],
    [
      "anythingBut({equalsIgnoreCase: []})",
      () => Match.anythingBut({ equalsIgnoreCase: [] }),
      `Match.anythingBut: "anything-but" equals-ignore-case has an empty list; list at least one value, e.g. {"anything-but": {"equals-ignore-case": ["x"]}}`,
    ],
    [
      "numeric(!=)",
      () => Match.numeric(anyValue("!="), 5),
      `Match.numeric: "!=" is not a numeric operator; exclude numbers with {"anything-but": [5]}`,
    ],
    [
      "numeric(inverted)",
      () => Match.numeric(">", 10, "<", 5),
      `Match.numeric: the range [">", 10, "<", 5] is empty: the lower bound 10 is not below the upper bound 5; swap the bounds`,
    ],
    [
      "greaterThan(Infinity)",
      () => Match.greaterThan(Infinity),
      "Match.greaterThan: Infinity is not a JSON number; use a finite number",
    ],
    [
      "between(5, 5)",
      () => Match.between(5, 5),
      "Match.between: the lower bound 5 must be below the upper bound 5; use Match.equal(5) to match a single number",
    ],
    [
      "between(6, 5)",
      () => Match.between(6, 5),
      "Match.between: the lower bound 6 must be below the upper bound 5; swap the bounds",
    ],
    [
      "anyOf()",
      () => Match.anyOf(),
      `Match.anyOf: needs at least one matcher; pass matchers, e.g. Match.anyOf("a", Match.prefix("b"))`,
    ],
    [
      "anyOf({})",
      () => Match.anyOf({}),
      `Match.anyOf: is an empty object; use a content filter such as {"prefix": "x"} (see the Match helpers)`,
    ],
    [
      "or(one)",
      () => Match.or({ a: ["1"] }),
      "Match.or: needs at least 2 alternatives, got 1; add another alternative, or drop $or and use the single pattern directly",
    ],
    [
      "or(a, {})",
      () => Match.or({ a: ["1"] }, {}),
      "Match.or (alternative 2): is an empty object, which EventBridge rejects; add at least one field, or remove it",
    ],
    [
      "or(a, bad leaf)",
      () => Match.or({ a: ["1"] }, { source: [anyValue({ prefix: 5 })] }),
      `Match.or (alternative 2, at source[0].prefix): "prefix" must be a string or {"equals-ignore-case": "..."}, got the number 5; pass text, e.g. {"prefix": "5"}`,
    ],
    [
      "or(a, reserved field)",
      () => Match.or({ a: ["1"] }, { prefix: ["x"] }),
      `Match.or (alternative 2, at prefix): "prefix" is reserved and cannot be a field name inside $or; put operators in a field's list, e.g. {"source": [{"prefix": ...}]}`,
    ],
  ])("%s", (_call, build, expected) => {
    expect(message(build)).toBe(expected);
  });
});

/**
 * The check of each leaf-list element: every rejection message, located at `a[0]` in `{ a: [element] }`.
 */
import { PatternError, validatePattern, type EventPattern } from "../../modules/pattern";

function rejection(element: unknown): string {
  try {
    validatePattern({ a: [element] } as unknown as EventPattern);
  } catch (e) {
    expect(e).toBeInstanceOf(PatternError);
    return (e as PatternError).message;
  }
  throw new Error(`expected ${JSON.stringify(element)} to be rejected`);
}

const NUMERIC = `{"numeric": [">", 0, "<=", 5]}`;
const OPERATORS = "prefix, suffix, equals-ignore-case, anything-but, numeric, exists, cidr, wildcard";

describe.each<[string, [string, unknown, string][]]>([
  [
    "values",
    [
      ["a list", ["x"], `a[0]: is a list inside a list; put all values in one flat list, e.g. ["a", "b"]`],
      [
        "undefined",
        undefined,
        "a[0]: undefined is not a JSON value; use a string, a number, true, false, null or a Match helper",
      ],
      [
        "a function",
        () => 1,
        "a[0]: a function is not a JSON value; use a string, a number, true, false, null or a Match helper",
      ],
      ["NaN", NaN, "a[0]: NaN is not a JSON number; use a finite number"],
      [
        "an empty object",
        {},
        `a[0]: is an empty object; use a content filter such as {"prefix": "x"} (see the Match helpers)`,
      ],
      [
        "two operators",
        { prefix: "a", suffix: "b" },
        `a[0]: has 2 operators (prefix, suffix) in one object; give each operator its own list element, e.g. [{"prefix": "a"}, {"suffix": "b"}]`,
      ],
      [
        "an unknown operator with a hint",
        { contains: "x" },
        `a[0].contains: unknown operator "contains"; to match a substring, use {"wildcard": "*text*"}; otherwise use one of ${OPERATORS}`,
      ],
      ["an unknown operator", { foo: "x" }, `a[0].foo: unknown operator "foo"; use one of ${OPERATORS}`],
    ],
  ],
  [
    "prefix, suffix and equals-ignore-case",
    [
      [
        "a number prefix",
        { prefix: 5 },
        `a[0].prefix: "prefix" must be a string or {"equals-ignore-case": "..."}, got the number 5; pass text, e.g. {"prefix": "5"}`,
      ],
      [
        "a null prefix",
        { prefix: null },
        `a[0].prefix: "prefix" must be a string or {"equals-ignore-case": "..."}, got null; use {"prefix": ""} to match any string, or {"exists": true} to match any value`,
      ],
      [
        "a list of prefixes",
        { prefix: ["a"] },
        `a[0].prefix: "prefix" must be a string or {"equals-ignore-case": "..."}, got a list; give each value its own element, e.g. [{"prefix": "a"}, {"prefix": "b"}]`,
      ],
      [
        "another operator in prefix",
        { prefix: { wildcard: "x" } },
        `a[0].prefix: "prefix" accepts only {"equals-ignore-case": "..."} as an object, got "wildcard"; use {"prefix": {"equals-ignore-case": "text"}} or a plain string`,
      ],
      [
        "an empty prefix object",
        { prefix: {} },
        `a[0].prefix: "prefix" accepts only {"equals-ignore-case": "..."} as an object, got an empty object; use {"prefix": {"equals-ignore-case": "text"}} or a plain string`,
      ],
      [
        "two keys in suffix",
        { suffix: { "equals-ignore-case": "x", b: 1 } },
        `a[0].suffix: "suffix" accepts only {"equals-ignore-case": "..."} as an object, got "equals-ignore-case", "b"; use {"suffix": {"equals-ignore-case": "text"}} or a plain string`,
      ],
      [
        "a number in suffix equals-ignore-case",
        { suffix: { "equals-ignore-case": 5 } },
        `a[0].suffix.equals-ignore-case: "equals-ignore-case" must be a string, got the number 5; pass text, e.g. {"equals-ignore-case": "5"}`,
      ],
      [
        "a list in equals-ignore-case",
        { "equals-ignore-case": ["a"] },
        `a[0].equals-ignore-case: "equals-ignore-case" must be a string, got a list; give each value its own element, e.g. [{"equals-ignore-case": "a"}, {"equals-ignore-case": "b"}]`,
      ],
      [
        "a number in exactly",
        { exactly: 5 },
        `a[0].exactly: "exactly" must be a string, got the number 5; pass text, e.g. {"exactly": "5"}`,
      ],
    ],
  ],
  [
    "wildcard and exists",
    [
      [
        "a number wildcard",
        { wildcard: 5 },
        `a[0].wildcard: "wildcard" must be a string, got the number 5; pass text, e.g. {"wildcard": "5"}`,
      ],
      [
        "consecutive stars",
        { wildcard: "a**" },
        `a[0].wildcard: "a**" has consecutive "*" at position 1; use a single "*"`,
      ],
      [
        "a bad escape",
        { wildcard: "a\\b" },
        `a[0].wildcard: "a\\\\b" has an invalid escape at position 1; a backslash may only escape "*" or another backslash; write two backslashes (\\\\) for a literal backslash`,
      ],
      [
        "a trailing backslash",
        { wildcard: "ab\\" },
        `a[0].wildcard: "ab\\\\" has an invalid escape at position 2; a backslash may only escape "*" or another backslash; write two backslashes (\\\\) for a literal backslash`,
      ],
      [
        "a string exists",
        { exists: "true" },
        `a[0].exists: "exists" must be true or false, got the string "true"; use {"exists": true} or {"exists": false}`,
      ],
    ],
  ],
  [
    "cidr",
    [
      [
        "a number",
        { cidr: 10 },
        `a[0].cidr: "cidr" must be a string, got the number 10; write the block as text, e.g. {"cidr": "10.0.0.0/24"}`,
      ],
      [
        "an address without a prefix length",
        { cidr: "10.0.0.7" },
        `a[0].cidr: "10.0.0.7" is not a CIDR block (an address, one "/" and a prefix length); to match this one address, list it as a plain value: ["10.0.0.7"]`,
      ],
      [
        "text",
        { cidr: "hello" },
        `a[0].cidr: "hello" is not a CIDR block (an address, one "/" and a prefix length); write it like "10.0.0.0/24" or "2001:db8::/32"`,
      ],
      [
        "a non-integer prefix length",
        { cidr: "10.0.0.0/abc" },
        `a[0].cidr: prefix length "abc" is not an integer; write it like "10.0.0.0/24"`,
      ],
      [
        "a negative prefix length",
        { cidr: "10.0.0.0/-1" },
        "a[0].cidr: IPv4 prefix length must be between 0 and 31, got -1; use a prefix length between 0 and 31",
      ],
      [
        "a host name",
        { cidr: "host.example/8" },
        `a[0].cidr: "host.example" is not an IPv4 or IPv6 address; use a literal address such as "10.0.0.0/8" or "2001:db8::/32" (no host names or zone ids)`,
      ],
      [
        "an octet over 255",
        { cidr: "10.0.0.256/8" },
        `a[0].cidr: "10.0.0.256" is not an IPv4 or IPv6 address; use a literal address such as "10.0.0.0/8" or "2001:db8::/32" (no host names or zone ids)`,
      ],
      [
        "IPv4 /32",
        { cidr: "10.0.0.1/32" },
        `a[0].cidr: IPv4 prefix length must be between 0 and 31, got 32; to match a single address, list it as a plain value: ["10.0.0.1"]`,
      ],
      [
        "IPv4 /40",
        { cidr: "10.0.0.1/40" },
        "a[0].cidr: IPv4 prefix length must be between 0 and 31, got 40; use a prefix length between 0 and 31",
      ],
      [
        "IPv6 /128",
        { cidr: "::1/128" },
        `a[0].cidr: IPv6 prefix length must be between 0 and 127, got 128; to match a single address, list it as a plain value: ["::1"]`,
      ],
    ],
  ],
  [
    "numeric",
    [
      [
        "a number",
        { numeric: 5 },
        `a[0].numeric: "numeric" must be a non-empty list of comparisons, got the number 5; write it like ${NUMERIC}`,
      ],
      [
        "an empty list",
        { numeric: [] },
        `a[0].numeric: "numeric" must be a non-empty list of comparisons, got an empty list; write it like ${NUMERIC}`,
      ],
      [
        "a number first",
        { numeric: [5] },
        `a[0].numeric[0]: expected a comparison operator (=, >, >=, <, <=), got the number 5; write it like ${NUMERIC}`,
      ],
      [
        "!=",
        { numeric: ["!=", 5] },
        `a[0].numeric[0]: "!=" is not a numeric operator; exclude numbers with {"anything-but": [5]}`,
      ],
      [
        "a missing operand",
        { numeric: [">"] },
        `a[0].numeric[1]: expected a number after ">", got undefined; follow each operator with a number, as in ${NUMERIC}`,
      ],
      [
        "a quoted number",
        { numeric: [">", "5"] },
        `a[0].numeric[1]: expected a number after ">", got the string "5"; write the number without quotes: 5`,
      ],
      [
        "a word",
        { numeric: [">", "five"] },
        `a[0].numeric[1]: expected a number after ">", got the string "five"; follow each operator with a number, as in ${NUMERIC}`,
      ],
      ["Infinity", { numeric: [">", Infinity] }, "a[0].numeric[1]: Infinity is not a JSON number; use a finite number"],
      [
        "= with more",
        { numeric: ["=", 5, "<", 6] },
        `a[0].numeric[2]: nothing may follow ["=", 5]; "=" stands alone; use a range such as [">=", 1, "<=", 5] instead`,
      ],
      [
        "an upper bound first",
        { numeric: ["<", 5, ">", 1] },
        `a[0].numeric[2]: nothing may follow ["<", 5]; put the lower bound first, as in ${NUMERIC}`,
      ],
      [
        "two lower bounds",
        { numeric: [">", 1, ">", 5] },
        `a[0].numeric[2]: the second comparison must be an upper bound ("<" or "<="), got the string ">"; write it like ${NUMERIC}`,
      ],
      [
        "a quoted upper bound",
        { numeric: [">", 1, "<", "5"] },
        `a[0].numeric[3]: expected a number after "<", got the string "5"; write the number without quotes: 5`,
      ],
      [
        "three comparisons",
        { numeric: [">", 1, "<", 5, "<", 6] },
        `a[0].numeric[4]: a numeric range has at most two comparisons; write it like ${NUMERIC}`,
      ],
      [
        "an empty closed range",
        { numeric: [">=", 5, "<=", 5] },
        `a[0].numeric: the range [">=", 5, "<=", 5] is empty: the lower bound 5 is not below the upper bound 5; match the single number with ["=", 5]`,
      ],
      [
        "inverted bounds",
        { numeric: [">", 10, "<", 5] },
        `a[0].numeric: the range [">", 10, "<", 5] is empty: the lower bound 10 is not below the upper bound 5; swap the bounds`,
      ],
    ],
  ],
  [
    "anything-but",
    [
      [
        "null",
        { "anything-but": null },
        `a[0].anything-but: "anything-but" takes strings or numbers, got null; exclude text or numbers (e.g. {"anything-but": ["a", "b"]}); to require the field, use {"exists": true}`,
      ],
      [
        "a boolean",
        { "anything-but": false },
        `a[0].anything-but: "anything-but" takes strings or numbers, got false; exclude text or numbers (e.g. {"anything-but": ["a", "b"]}); to require the field, use {"exists": true}`,
      ],
      ["NaN", { "anything-but": NaN }, "a[0].anything-but: NaN is not a JSON number; use a finite number"],
      [
        "an empty list",
        { "anything-but": [] },
        `a[0].anything-but: "anything-but" has an empty list; list at least one value to exclude, e.g. {"anything-but": ["stopped"]}`,
      ],
      [
        "null in the list",
        { "anything-but": ["x", null] },
        `a[0].anything-but[1]: "anything-but" lists may hold only strings or only numbers, got null; remove null; EventBridge cannot exclude null`,
      ],
      [
        "an operator in the list",
        { "anything-but": [{ prefix: "x" }] },
        `a[0].anything-but[0]: "anything-but" lists may hold only strings or only numbers, got an object; list plain strings or numbers`,
      ],
      [
        "Infinity in the list",
        { "anything-but": [1, Infinity] },
        "a[0].anything-but[1]: Infinity is not a JSON number; use a finite number",
      ],
      [
        "mixed types",
        { "anything-but": [1, "x"] },
        `a[0].anything-but: "anything-but" mixes strings and numbers; use one anything-but for strings and another for numbers`,
      ],
      [
        "an empty object",
        { "anything-but": {} },
        `a[0].anything-but: "anything-but" takes an object with exactly one of prefix, suffix, equals-ignore-case, wildcard, got an empty object; write it like {"anything-but": {"prefix": "us-"}}`,
      ],
      [
        "two forms",
        { "anything-but": { prefix: "a", suffix: "b" } },
        `a[0].anything-but: "anything-but" takes an object with exactly one of prefix, suffix, equals-ignore-case, wildcard, got "prefix", "suffix"; write it like {"anything-but": {"prefix": "us-"}}`,
      ],
      [
        "numeric",
        { "anything-but": { numeric: [">", 1] } },
        `a[0].anything-but.numeric: "anything-but" cannot be combined with "numeric"; list the ranges to keep instead, e.g. [{"numeric": ["<", 5]}, {"numeric": [">", 10]}]`,
      ],
      [
        "exists",
        { "anything-but": { exists: true } },
        `a[0].anything-but.exists: "anything-but" cannot be combined with "exists"; use {"exists": false} directly`,
      ],
      [
        "cidr",
        { "anything-but": { cidr: "10.0.0.0/8" } },
        `a[0].anything-but.cidr: "anything-but" cannot be combined with "cidr"; use one of prefix, suffix, equals-ignore-case, wildcard`,
      ],
      [
        "an empty suffix list",
        { "anything-but": { suffix: [] } },
        `a[0].anything-but.suffix: "anything-but" suffix has an empty list; list at least one value, e.g. {"anything-but": {"suffix": ["x"]}}`,
      ],
      [
        "a number prefix",
        { "anything-but": { prefix: 5 } },
        `a[0].anything-but.prefix: "anything-but" prefix values must be strings, got the number 5; pass text, e.g. {"anything-but": {"prefix": "x"}}`,
      ],
      [
        "a number among wildcards",
        { "anything-but": { wildcard: ["a*", 5] } },
        `a[0].anything-but.wildcard[1]: "anything-but" wildcard values must be strings, got the number 5; pass text, e.g. {"anything-but": {"wildcard": "x"}}`,
      ],
      [
        "an empty prefix",
        { "anything-but": { prefix: "" } },
        `a[0].anything-but.prefix: "anything-but" prefix cannot be empty; give a non-empty prefix; every string starts and ends with ""`,
      ],
      [
        "an empty suffix in a list",
        { "anything-but": { suffix: [".png", ""] } },
        `a[0].anything-but.suffix[1]: "anything-but" suffix cannot be empty; give a non-empty suffix; every string starts and ends with ""`,
      ],
      [
        "a bad wildcard",
        { "anything-but": { wildcard: "a**" } },
        `a[0].anything-but.wildcard: "a**" has consecutive "*" at position 1; use a single "*"`,
      ],
      [
        "a bad wildcard in a list",
        { "anything-but": { wildcard: ["ok*", "a\\"] } },
        `a[0].anything-but.wildcard[1]: "a\\\\" has an invalid escape at position 1; a backslash may only escape "*" or another backslash; write two backslashes (\\\\) for a literal backslash`,
      ],
    ],
  ],
])("%s", (_group, rows) => {
  it.each(rows)("rejects %s", (_label, element, message) => {
    expect(rejection(element)).toBe(message);
  });
});

describe("wildcard escapes", () => {
  it.each(["a\\*b", "*\\**", "C:\\\\Users\\\\*", "\\\\", "*"])("accepts %j", (wildcard) => {
    expect(() => validatePattern({ a: [{ wildcard }] })).not.toThrow();
  });
});

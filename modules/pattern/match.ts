/**
 * `Match`: small factories for the elements of a pattern's leaf lists. Each validates its argument
 * at once, with the same check `validatePattern` applies, and throws a `PatternError` reading
 * `Match.<helper>: <what is wrong>; <fix>`.
 *
 * @example
 * const pattern: EventPattern = {
 *   source: [Match.suffix("/default")],
 *   "detail-type": [Match.prefix("Security: ")],
 *   detail: { status: [Match.anythingBut("SUCCESS")], severity: [Match.greaterThanOrEqual(7)] },
 * };
 */
import { describe, PatternError } from "./errors";
import { checkFieldMatcher } from "./operators";
import type { ContentFilter, EventPattern, FieldMatcher } from "./types";
import { checkOrAlternatives } from "./validate";

/** A value matched exactly: strings and numbers are distinct (`"5"` never matches `5`). */
export type ExactValue = string | number | boolean | null;

/** A numeric comparison operator. */
export type NumericOperator = "=" | ">" | ">=" | "<" | "<=";

/** Text, or several texts, for the object forms of `Match.anythingBut`. */
export type OneOrMany = string | readonly string[];

/** The object forms of `Match.anythingBut`: exclude by prefix, suffix, wildcard or ignoring case. */
export type AnythingButForm =
  | { readonly prefix: OneOrMany }
  | { readonly suffix: OneOrMany }
  | { readonly wildcard: OneOrMany }
  | { readonly equalsIgnoreCase: OneOrMany };

function build<T extends FieldMatcher>(helper: string, element: T): T {
  const found = checkFieldMatcher(element);
  if (found !== undefined) throw new PatternError(`Match.${helper}`, found.problem, found.fix);
  return element;
}

function filter(helper: string, operator: string, value: unknown): ContentFilter {
  return build(helper, { [operator]: value });
}

/** A helper that takes text: a number or boolean is told to quote it, in the helper's own form. */
function textFilter(helper: string, operator: string, text: unknown, wrap = (t: unknown): unknown => t): ContentFilter {
  if (typeof text === "number" || typeof text === "boolean")
    throw new PatternError(`Match.${helper}`, `the text is ${describe(text)}`, `quote it: Match.${helper}("${text}")`);
  return filter(helper, operator, wrap(text));
}

/** Factories for event-pattern matchers. */
export class Match {
  /** Exact values, as a leaf list: `source: Match.exactly("aws.ec2", "aws.s3")`. Numbers compare numerically (300 = 300.0). */
  public static exactly(...values: ExactValue[]): FieldMatcher[] {
    if (values.length === 0) {
      throw new PatternError(
        "Match.exactly",
        "needs at least one value",
        `pass the values to match, e.g. Match.exactly("aws.ec2")`,
      );
    }
    values.forEach((v, i) => {
      if (v !== null && typeof v === "object") {
        throw new PatternError(
          "Match.exactly",
          `value ${i + 1} is ${describe(v)}; it takes exact values (text, numbers, true, false, null)`,
          Array.isArray(v)
            ? "spread the list: Match.exactly(...values)"
            : "pass the value itself, or use the other Match helpers (e.g. Match.prefix) for a matcher",
        );
      }
    });
    return values.map((v) => build("exactly", v));
  }

  /** Strings starting with `text` (case-sensitive); `""` matches every string. */
  public static prefix(text: string): ContentFilter {
    return textFilter("prefix", "prefix", text);
  }

  /** Strings ending with `text` (case-sensitive). */
  public static suffix(text: string): ContentFilter {
    return textFilter("suffix", "suffix", text);
  }

  /** Strings starting with `text`, ignoring case: `{"prefix": {"equals-ignore-case": text}}`. */
  public static prefixIgnoreCase(text: string): ContentFilter {
    return textFilter("prefixIgnoreCase", "prefix", text, (t) => ({ "equals-ignore-case": t }));
  }

  /** Strings ending with `text`, ignoring case: `{"suffix": {"equals-ignore-case": text}}`. */
  public static suffixIgnoreCase(text: string): ContentFilter {
    return textFilter("suffixIgnoreCase", "suffix", text, (t) => ({ "equals-ignore-case": t }));
  }

  /** Strings equal to `text` ignoring case. */
  public static equalsIgnoreCase(text: string): ContentFilter {
    return textFilter("equalsIgnoreCase", "equals-ignore-case", text);
  }

  /** Strings matching a wildcard pattern: `*` matches any run of characters; `\*` and `\\` are a literal `*` and `\`. */
  public static wildcard(pattern: string): ContentFilter {
    return textFilter("wildcard", "wildcard", pattern);
  }

  /** String IP addresses inside a CIDR block, IPv4 (`"10.0.0.0/8"`) or IPv6 (`"2001:db8::/32"`). */
  public static cidr(block: string): ContentFilter {
    return textFilter("cidr", "cidr", block);
  }

  /**
   * Presence (`true`) or absence (`false`) of a field. Only leaf values count: a field holding an
   * object or an empty list is absent.
   */
  public static exists(present = true): ContentFilter {
    return filter("exists", "exists", present);
  }

  /**
   * Any value except the given strings (or numbers), or, with an object, any value except strings
   * with a prefix, suffix, wildcard match or equal ignoring case. Values of another type (numbers
   * against strings, null, booleans) always match; a missing field never does.
   *
   * @example Match.anythingBut("SUCCESS"); Match.anythingBut(100, 200); Match.anythingBut({ prefix: "us-" })
   */
  public static anythingBut(...values: string[] | number[] | [AnythingButForm]): ContentFilter {
    if (values.length === 0) {
      throw new PatternError(
        "Match.anythingBut",
        "needs at least one value to exclude",
        `pass the values, e.g. Match.anythingBut("stopped"), or use Match.exists(false) to match a missing field`,
      );
    }
    const [first] = values;
    if (values.length === 1 && first !== null && typeof first === "object") {
      const form = { ...(first as Record<string, unknown>) };
      if ("equalsIgnoreCase" in form) {
        form["equals-ignore-case"] = form.equalsIgnoreCase;
        delete form.equalsIgnoreCase;
      }
      return filter("anythingBut", "anything-but", form);
    }
    return filter("anythingBut", "anything-but", values.length === 1 ? first : [...values]);
  }

  /**
   * Numbers satisfying one comparison, or a range given as a lower then an upper comparison.
   * @example Match.numeric(">", 0); Match.numeric(">=", 0, "<", 100)
   */
  public static numeric(operator: NumericOperator, value: number): ContentFilter;
  public static numeric(
    lowerOperator: ">" | ">=",
    lower: number,
    upperOperator: "<" | "<=",
    upper: number,
  ): ContentFilter;
  public static numeric(...comparison: (NumericOperator | number)[]): ContentFilter {
    return filter("numeric", "numeric", comparison);
  }

  /** Numbers equal to `value` (300, 300.0 and 3e2 are equal). */
  public static equal(value: number): ContentFilter {
    return filter("equal", "numeric", ["=", value]);
  }

  /** Numbers greater than `value`. */
  public static greaterThan(value: number): ContentFilter {
    return filter("greaterThan", "numeric", [">", value]);
  }

  /** Numbers greater than or equal to `value`. */
  public static greaterThanOrEqual(value: number): ContentFilter {
    return filter("greaterThanOrEqual", "numeric", [">=", value]);
  }

  /** Numbers less than `value`. */
  public static lessThan(value: number): ContentFilter {
    return filter("lessThan", "numeric", ["<", value]);
  }

  /** Numbers less than or equal to `value`. */
  public static lessThanOrEqual(value: number): ContentFilter {
    return filter("lessThanOrEqual", "numeric", ["<=", value]);
  }

  /** Numbers from `lower` to `upper`, both included; `lower` must be below `upper`. */
  public static between(lower: number, upper: number): ContentFilter {
    if (lower >= upper) {
      throw new PatternError(
        "Match.between",
        `the lower bound ${lower} must be below the upper bound ${upper}`,
        lower === upper ? `use Match.equal(${lower}) to match a single number` : "swap the bounds",
      );
    }
    return filter("between", "numeric", [">=", lower, "<=", upper]);
  }

  /** Several matchers as one leaf list (a value matches when any of them does). */
  public static anyOf(...matchers: (FieldMatcher | readonly FieldMatcher[])[]): FieldMatcher[] {
    const flat = matchers.flatMap((m) =>
      Array.isArray(m) ? [...(m as readonly FieldMatcher[])] : [m as FieldMatcher],
    );
    if (flat.length === 0) {
      throw new PatternError(
        "Match.anyOf",
        "needs at least one matcher",
        `pass matchers, e.g. Match.anyOf("a", Match.prefix("b"))`,
      );
    }
    return flat.map((m) => build("anyOf", m));
  }

  /**
   * Alternatives: the event must match at least one of the sub-patterns. Spread the result into a
   * pattern: `{ source: ["x"], ...Match.or({ a: ["1"] }, { b: ["2"] }) }` (one `$or` per object level).
   */
  public static or(...alternatives: EventPattern[]): EventPattern {
    checkOrAlternatives(alternatives);
    return { $or: [...alternatives] };
  }

  private constructor() {}
}

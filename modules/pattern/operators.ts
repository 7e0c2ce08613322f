/**
 * The check of one element of a leaf list (an exact value or a content filter) against EventBridge's
 * rules. Both `validatePattern` and the `Match` helpers use it, so a value is judged the same way
 * wherever it comes from.
 */
import { describe, issue, type Issue } from "./errors";
import { isIpRange, parseCidr } from "./ip";
import { wildcardIssue } from "./text";

/** The content-filter operators EventBridge accepts. */
export const OPERATORS = [
  "prefix",
  "suffix",
  "equals-ignore-case",
  "anything-but",
  "numeric",
  "exists",
  "cidr",
  "wildcard",
  "exactly",
] as const;

const OPERATOR_LIST = OPERATORS.filter((op) => op !== "exactly").join(", ");

const SUGGESTIONS: Readonly<Record<string, string>> = {
  contains: `to match a substring, use {"wildcard": "*text*"}`,
  regex: `EventBridge has no regular expressions; use "wildcard", "prefix" or "suffix"`,
  not: `use {"anything-but": ...} to exclude values`,
  anything_but: `the operator is spelled "anything-but"`,
  anythingBut: `the operator is spelled "anything-but"`,
  equalsIgnoreCase: `the operator is spelled "equals-ignore-case"`,
  exact: `list the value itself, e.g. ["x"]`,
};

/** Why `element` is not a valid element of a leaf list; `undefined` when it is valid. */
export function checkFieldMatcher(element: unknown): Issue | undefined {
  if (element === null || typeof element === "string" || typeof element === "boolean") return undefined;
  if (typeof element === "number") return checkNumber(element, []);
  if (Array.isArray(element)) {
    return issue([], "is a list inside a list", 'put all values in one flat list, e.g. ["a", "b"]');
  }
  if (typeof element !== "object") {
    return issue(
      [],
      `${describe(element)} is not a JSON value`,
      "use a string, a number, true, false, null or a Match helper",
    );
  }
  const keys = Object.keys(element);
  if (keys.length === 0) {
    return issue([], "is an empty object", `use a content filter such as {"prefix": "x"} (see the Match helpers)`);
  }
  if (keys.length > 1) {
    return issue(
      [],
      `has ${keys.length} operators (${keys.join(", ")}) in one object`,
      'give each operator its own list element, e.g. [{"prefix": "a"}, {"suffix": "b"}]',
    );
  }
  const op = keys[0];
  const value = (element as Record<string, unknown>)[op];
  const found = checkOperator(op, value);
  return found === undefined ? undefined : issue([op, ...found.at], found.problem, found.fix);
}

function checkOperator(op: string, value: unknown): Issue | undefined {
  switch (op) {
    case "prefix":
    case "suffix":
      return checkAffix(op, value);
    case "equals-ignore-case":
    case "exactly":
      return checkString(op, value);
    case "wildcard":
      return checkString(op, value) ?? wildcardIssue(value as string);
    case "exists":
      return typeof value === "boolean"
        ? undefined
        : issue(
            [],
            `"exists" must be true or false, got ${describe(value)}`,
            `use {"exists": true} or {"exists": false}`,
          );
    case "cidr": {
      const bad = checkString(op, value);
      if (bad !== undefined) return bad;
      const range = parseCidr(value as string);
      return isIpRange(range) ? undefined : range;
    }
    case "numeric":
      return checkNumeric(value);
    case "anything-but":
      return checkAnythingBut(value);
    default: {
      const hint = SUGGESTIONS[op];
      return issue(
        [],
        `unknown operator ${JSON.stringify(op)}`,
        `${hint ? `${hint}; otherwise ` : ""}use one of ${OPERATOR_LIST}`,
      );
    }
  }
}

function checkString(op: string, value: unknown): Issue | undefined {
  if (typeof value === "string") return undefined;
  const fix = Array.isArray(value)
    ? `give each value its own element, e.g. [{"${op}": "a"}, {"${op}": "b"}]`
    : op === "cidr"
      ? `write the block as text, e.g. {"cidr": "10.0.0.0/24"}`
      : `pass text, e.g. {"${op}": ${JSON.stringify(String(value ?? "x"))}}`;
  return issue([], `"${op}" must be a string, got ${describe(value)}`, fix);
}

function checkNumber(value: number, at: (string | number)[]): Issue | undefined {
  return Number.isFinite(value) ? undefined : issue(at, `${value} is not a JSON number`, "use a finite number");
}

function checkAffix(op: "prefix" | "suffix", value: unknown): Issue | undefined {
  if (typeof value === "string") return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const fix =
      value === null
        ? `use {"${op}": ""} to match any string, or {"exists": true} to match any value`
        : Array.isArray(value)
          ? `give each value its own element, e.g. [{"${op}": "a"}, {"${op}": "b"}]`
          : `pass text, e.g. {"${op}": ${JSON.stringify(String(value))}}`;
    return issue([], `"${op}" must be a string or {"equals-ignore-case": "..."}, got ${describe(value)}`, fix);
  }
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== "equals-ignore-case") {
    const got = keys.length === 0 ? "an empty object" : keys.map((k) => JSON.stringify(k)).join(", ");
    return issue(
      [],
      `"${op}" accepts only {"equals-ignore-case": "..."} as an object, got ${got}`,
      `use {"${op}": {"equals-ignore-case": "text"}} or a plain string`,
    );
  }
  const inner = checkString("equals-ignore-case", (value as Record<string, unknown>)["equals-ignore-case"]);
  return inner === undefined ? undefined : issue(["equals-ignore-case"], inner.problem, inner.fix);
}

const COMPARISONS = ["=", ">", ">=", "<", "<="];

function checkNumeric(value: unknown): Issue | undefined {
  const example = `{"numeric": [">", 0, "<=", 5]}`;
  if (!Array.isArray(value) || value.length === 0) {
    return issue(
      [],
      `"numeric" must be a non-empty list of comparisons, got ${describe(value)}`,
      `write it like ${example}`,
    );
  }
  const operator = (i: number): Issue | undefined => {
    const op: unknown = value[i];
    if (typeof op === "string" && COMPARISONS.includes(op)) return undefined;
    if (op === "!=") return issue([i], `"!=" is not a numeric operator`, `exclude numbers with {"anything-but": [5]}`);
    return issue(
      [i],
      `expected a comparison operator (=, >, >=, <, <=), got ${describe(op)}`,
      `write it like ${example}`,
    );
  };
  const operand = (i: number): Issue | undefined => {
    const n: unknown = value[i];
    if (typeof n === "number") return checkNumber(n, [i]);
    const fix =
      typeof n === "string" && n.trim() !== "" && !Number.isNaN(Number(n))
        ? `write the number without quotes: ${n}`
        : `follow each operator with a number, as in ${example}`;
    return issue([i], `expected a number after ${JSON.stringify(value[i - 1])}, got ${describe(n)}`, fix);
  };
  const first = operator(0) ?? operand(1);
  if (first !== undefined) return first;
  const op = value[0] as string;
  if (value.length === 2) return undefined;
  if (op === "=" || op === "<" || op === "<=") {
    return issue(
      [2],
      `nothing may follow ["${op}", ${value[1]}]`,
      op === "="
        ? '"=" stands alone; use a range such as [">=", 1, "<=", 5] instead'
        : `put the lower bound first, as in ${example}`,
    );
  }
  if (value[2] !== "<" && value[2] !== "<=") {
    return issue(
      [2],
      `the second comparison must be an upper bound ("<" or "<="), got ${describe(value[2])}`,
      `write it like ${example}`,
    );
  }
  const second = operand(3);
  if (second !== undefined) return second;
  if (value.length > 4) return issue([4], "a numeric range has at most two comparisons", `write it like ${example}`);
  const [low, high] = [value[1] as number, value[3] as number];
  if (low >= high) {
    return issue(
      [],
      `the range [${value.map((v) => JSON.stringify(v)).join(", ")}] is empty: the lower bound ${low} is not below the upper bound ${high}`,
      low === high ? `match the single number with ["=", ${low}]` : "swap the bounds",
    );
  }
  return undefined;
}

const ANYTHING_BUT_FORMS = ["prefix", "suffix", "equals-ignore-case", "wildcard"];

function checkAnythingBut(value: unknown): Issue | undefined {
  if (typeof value === "string") return undefined;
  if (typeof value === "number") return checkNumber(value, []);
  if (Array.isArray(value)) return checkAnythingButList(value);
  if (value === null || typeof value !== "object") {
    return issue(
      [],
      `"anything-but" takes strings or numbers, got ${describe(value)}`,
      `exclude text or numbers (e.g. {"anything-but": ["a", "b"]}); to require the field, use {"exists": true}`,
    );
  }
  const keys = Object.keys(value);
  if (keys.length !== 1) {
    return issue(
      [],
      `"anything-but" takes an object with exactly one of ${ANYTHING_BUT_FORMS.join(", ")}, got ${
        keys.length === 0 ? "an empty object" : keys.map((k) => JSON.stringify(k)).join(", ")
      }`,
      `write it like {"anything-but": {"prefix": "us-"}}`,
    );
  }
  const form = keys[0];
  const inner = (value as Record<string, unknown>)[form];
  if (!ANYTHING_BUT_FORMS.includes(form)) {
    const fix =
      form === "numeric"
        ? `list the ranges to keep instead, e.g. [{"numeric": ["<", 5]}, {"numeric": [">", 10]}]`
        : form === "exists"
          ? `use {"exists": false} directly`
          : `use one of ${ANYTHING_BUT_FORMS.join(", ")}`;
    return issue([form], `"anything-but" cannot be combined with ${JSON.stringify(form)}`, fix);
  }
  const found = checkAnythingButForm(form, inner);
  return found === undefined ? undefined : issue([form, ...found.at], found.problem, found.fix);
}

function checkAnythingButList(list: readonly unknown[]): Issue | undefined {
  if (list.length === 0) {
    return issue(
      [],
      `"anything-but" has an empty list`,
      `list at least one value to exclude, e.g. {"anything-but": ["stopped"]}`,
    );
  }
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (typeof v === "number") {
      const bad = checkNumber(v, [i]);
      if (bad !== undefined) return bad;
    } else if (typeof v !== "string") {
      return issue(
        [i],
        `"anything-but" lists may hold only strings or only numbers, got ${describe(v)}`,
        v === null ? "remove null; EventBridge cannot exclude null" : "list plain strings or numbers",
      );
    }
  }
  const types = new Set(list.map((v) => typeof v));
  return types.size > 1
    ? issue([], `"anything-but" mixes strings and numbers`, "use one anything-but for strings and another for numbers")
    : undefined;
}

function checkAnythingButForm(form: string, inner: unknown): Issue | undefined {
  const values = Array.isArray(inner) ? inner : [inner];
  if (values.length === 0) {
    return issue(
      [],
      `"anything-but" ${form} has an empty list`,
      `list at least one value, e.g. {"anything-but": {"${form}": ["x"]}}`,
    );
  }
  for (let i = 0; i < values.length; i++) {
    const at = Array.isArray(inner) ? [i] : [];
    const v = values[i];
    if (typeof v !== "string") {
      return issue(
        at,
        `"anything-but" ${form} values must be strings, got ${describe(v)}`,
        `pass text, e.g. {"anything-but": {"${form}": "x"}}`,
      );
    }
    if ((form === "prefix" || form === "suffix") && v === "") {
      return issue(
        at,
        `"anything-but" ${form} cannot be empty`,
        `give a non-empty ${form}; every string starts and ends with ""`,
      );
    }
    if (form === "wildcard") {
      const bad = wildcardIssue(v);
      if (bad !== undefined) return issue(at, bad.problem, bad.fix);
    }
  }
  return undefined;
}

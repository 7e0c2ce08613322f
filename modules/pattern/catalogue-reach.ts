/**
 * Catalogue checks of patterns and input paths meant for Stax events: a `detail-type` outside the
 * catalogue (a near miss of a catalogued one, or a type Stax may publish later), a `detail` field
 * that no selected event type has, a value outside a field's documented values, a matcher of the
 * wrong JSON type, and an input path to a field the rule's events do not have. Each one would
 * make a rule or an input silently never match. Plain TypeScript, no cdktf import: the rule turns
 * findings into errors or warnings.
 */
import {
  isStaxDetailType,
  STAX_DETAIL_TYPES,
  STAX_EVENT_CATEGORY_NAMES,
  STAX_EVENT_TYPES,
  type StaxDetailType,
} from "../events/catalogue";
import type { JsonSchema } from "../events/schema";
import { allowedValues, detailSchema, fieldNames, lookupField, namedTypes, type FieldLookup } from "./catalogue-fields";
import { compileLeaf, type Scalar } from "./compile";
import { closestMatch, describe, formatPath, hasToken, type PathSegment } from "./errors";
import { EVENTBRIDGE_ENVELOPE_FIELDS } from "./reach";
import type { EventPattern } from "./types";
import { analysePattern, readPattern } from "./validate";

/**
 * How sure a finding is: `mistake` (a near miss or a wrong JSON type: never what was meant),
 * `uncatalogued` (not in the catalogue, perhaps not yet), `future` (a well-formed detail-type of a
 * known category that is not near any catalogued one: most likely a deliberate future type).
 */
export type CatalogueFindingKind = "mistake" | "uncatalogued" | "future";

/** One catalogue problem, located in the pattern (e.g. `detail.staus`) or the input path. */
export interface CatalogueFinding {
  /** Where: the place in the pattern as written (`detail-type[0]`, `$or[1].detail.staus`), or an input path. */
  readonly where: string;
  /** What is wrong. */
  readonly problem: string;
  /** How to fix it. */
  readonly fix: string;
  /** How sure the finding is. */
  readonly kind: CatalogueFindingKind;
}

/** What the catalogue checks found in a pattern. */
export interface CatalogueAnalysis {
  /** Problems, each once. */
  readonly findings: readonly CatalogueFinding[];
  /** The detail-types the pattern selects, when every alternative names only catalogued ones. @default - not known */
  readonly detailTypes?: readonly StaxDetailType[];
}

type Add = (finding: CatalogueFinding) => void;

/**
 * Checks a valid pattern against the catalogue. Tokens are never checked: a detail-type list with
 * a token selects types unknown until apply, so its fields are not checked either.
 */
export function checkPatternCatalogue(pattern: EventPattern): CatalogueAnalysis {
  const found = new Map<string, CatalogueFinding>();
  const add: Add = (f) => void found.set(`${f.where}|${f.problem}`, f);
  const selected = new Set<StaxDetailType>();
  let allKnown = true;
  const value = readPattern(pattern);
  const locations = leafLocations(value, []);
  const at = (leaf: readonly unknown[], path: string): readonly PathSegment[] => locations.get(leaf) ?? [path];
  for (const draft of analysePattern(value)) {
    const leaf = draft.get("detail-type");
    const known = leaf === undefined ? undefined : checkDetailTypes(leaf, at(leaf, "detail-type"), add);
    if (known === undefined) allKnown = false;
    else for (const type of known) selected.add(type);
    // Not all catalogued literals: a field none of the catalogued types it admits has is still
    // suspect, but its values are not checked (a future type may have other ones).
    const types = known ?? admittedTypes(leaf);
    for (const [path, fieldLeaf] of draft) {
      if (types.length > 0 && (path === "detail" || path.startsWith("detail.")))
        checkField(path.split(".").slice(1), fieldLeaf, at(fieldLeaf, path), types, known !== undefined, add);
    }
  }
  return { findings: [...found.values()], detailTypes: allKnown && selected.size > 0 ? [...selected] : undefined };
}

/**
 * Checks an input path (`$.detail.email`) of a target whose rule selects `detailTypes`: a field
 * none of them has renders empty. The envelope and `$.detail` itself are always there.
 */
export function checkInputPathCatalogue(
  path: string,
  detailTypes: readonly StaxDetailType[],
): CatalogueFinding | undefined {
  const segments = (path.match(/\.[A-Za-z0-9_-]+|\[\d+\]/g) ?? []).map(
    (step): PathSegment => (step.startsWith("[") ? Number(step.slice(1, -1)) : step.slice(1)),
  );
  const [top, ...rest] = segments;
  if (typeof top !== "string") return undefined;
  if (top !== "detail") {
    if (EVENTBRIDGE_ENVELOPE_FIELDS.includes(top)) return undefined;
    const near = closestMatch(top, EVENTBRIDGE_ENVELOPE_FIELDS);
    return {
      where: path,
      problem: `'${top}' is not a field of EventBridge events (${EVENTBRIDGE_ENVELOPE_FIELDS.join(", ")}), so it renders empty`,
      fix: near ? `did you mean '$.${near}'?` : "select an envelope field, or a field under $.detail",
      kind: "mistake",
    };
  }
  const lookups = detailTypes.map((type) => lookupField(detailSchema(type), rest, false));
  if (lookups.some((l) => l.found)) return undefined;
  return missingField(path, rest, lookups, detailTypes, "the input path renders empty");
}

/** Where each leaf list sits in the pattern as written (through `$or` branches), by identity. */
function leafLocations(
  value: unknown,
  at: readonly PathSegment[],
  out = new Map<unknown, readonly PathSegment[]>(),
): Map<unknown, readonly PathSegment[]> {
  if (value === null || typeof value !== "object") return out;
  for (const [key, child] of Object.entries(value)) {
    if (key === "$or" && Array.isArray(child))
      child.forEach((branch, i) => leafLocations(branch, [...at, key, i], out));
    else if (Array.isArray(child)) out.set(child, [...at, key]);
    else leafLocations(child, [...at, key], out);
  }
  return out;
}

/** The exact string an element matches (`"x"` or `{"exactly": "x"}`), if it is one. */
function exactString(element: unknown): string | undefined {
  if (typeof element === "string") return element;
  const exactly = (element as Record<string, unknown> | null)?.exactly;
  return typeof exactly === "string" ? exactly : undefined;
}

function operator(element: unknown): string | undefined {
  return element !== null && typeof element === "object" ? Object.keys(element)[0] : undefined;
}

/** Tests of an element (`undefined` when it admits anything present, or only tests absence). */
function elementTest(element: unknown): ((value: Scalar) => boolean) | undefined {
  const op = operator(element);
  if (op === "anything-but" || op === "exists") return undefined;
  return compileLeaf([element]).test;
}

/**
 * The catalogued types a `detail-type` list that is not all catalogued literals admits (every type
 * when the pattern does not test `detail-type`); none when it has a token or an `anything-but`,
 * which reaches for types the catalogue does not know.
 */
function admittedTypes(leaf: readonly unknown[] | undefined): readonly StaxDetailType[] {
  if (leaf === undefined) return STAX_DETAIL_TYPES;
  if (hasToken(leaf) || leaf.some((element) => operator(element) === "anything-but")) return [];
  const { test } = compileLeaf(leaf);
  return test === undefined ? [] : STAX_DETAIL_TYPES.filter((type) => test(type));
}

/** Checks a `detail-type` list; returns the types it selects when they are all catalogued literals. */
function checkDetailTypes(
  leaf: readonly unknown[],
  location: readonly PathSegment[],
  add: Add,
): StaxDetailType[] | undefined {
  const known: StaxDetailType[] = [];
  let onlyCatalogued = true;
  leaf.forEach((element, index) => {
    const where = formatPath([...location, index]);
    const value = exactString(element);
    if (value !== undefined && isStaxDetailType(value)) {
      known.push(value);
      return;
    }
    onlyCatalogued = false;
    if (hasToken(element)) return;
    if (value !== undefined) {
      add(uncataloguedDetailType(where, value));
      return;
    }
    const test = elementTest(element);
    if (test !== undefined && !STAX_DETAIL_TYPES.some((type) => test(type))) {
      const stringy = ["prefix", "suffix", "equals-ignore-case", "wildcard"].includes(operator(element) ?? "");
      add({
        where,
        problem: `${JSON.stringify(element)} admits none of the catalogued Stax detail-types, so it never matches a catalogued event`,
        fix: `match '<category>: <event name>' (categories: ${STAX_EVENT_CATEGORY_NAMES.join(", ")}), e.g. {"prefix": "Security: "}, or use the bus's selectors (bus.staxEvents)`,
        kind: stringy ? "uncatalogued" : "mistake",
      });
    }
  });
  return onlyCatalogued ? known : undefined;
}

const DETAIL_TYPE_FORM = /^([A-Za-z]+): ([A-Za-z][A-Za-z0-9]*)$/;

function uncataloguedDetailType(where: string, value: string): CatalogueFinding {
  const problem = `'${value}' is not a catalogued Stax detail-type, so the rule never matches it`;
  const byName = STAX_EVENT_TYPES.find((t) => closestMatch(value, [t.name]) === t.name);
  const near = closestMatch(value, STAX_DETAIL_TYPES) ?? byName?.detailType;
  if (near !== undefined) {
    return {
      where,
      problem,
      fix: `did you mean '${near}'? Detail-types are '<category>: <event name>' and case-sensitive`,
      kind: "mistake",
    };
  }
  const form = DETAIL_TYPE_FORM.exec(value);
  const category = form ? closestMatch(form[1], STAX_EVENT_CATEGORY_NAMES) : undefined;
  if (form && category === form[1]) {
    return {
      where,
      problem: `'${value}' is not in the Stax catalogue of ${category} events; the rule matches it only once Stax publishes it`,
      fix: "if you select a type Stax publishes after this catalogue, set allowUncatalogued: true to silence this warning; otherwise pick a catalogued type (STAX_DETAIL_TYPES)",
      kind: "future",
    };
  }
  if (form && category !== undefined) {
    return { where, problem, fix: `did you mean '${category}: ${form[2]}'?`, kind: "mistake" };
  }
  if (form) {
    // Stax documents more categories than the catalogue holds (Service Configuration, whose
    // detail-types are not published in a form the catalogue can list): a well-formed type of
    // another category may be real, so it is a warning, not an error.
    return {
      where,
      problem: `'${value}' is of a category the catalogue does not describe (it knows ${STAX_EVENT_CATEGORY_NAMES.join(", ")}); the rule matches it only if Stax sends exactly this detail-type`,
      fix: "check the name against Stax's documentation, then set allowUncatalogued: true to silence this warning",
      kind: "future",
    };
  }
  return {
    where,
    problem: `${problem} (Stax detail-types are '<category>: <event name>', categories ${STAX_EVENT_CATEGORY_NAMES.join(", ")})`,
    fix: "pick a catalogued type (STAX_DETAIL_TYPES), or build the pattern with the bus's selectors (bus.staxEvents)",
    kind: "uncatalogued",
  };
}

/**
 * Checks one `detail` field of a pattern against the types the alternative selects; `strict` when
 * they are exactly those (all catalogued literals): then its shape and values are checked too.
 */
function checkField(
  segments: readonly string[],
  leaf: readonly unknown[],
  location: readonly PathSegment[],
  types: readonly StaxDetailType[],
  strict: boolean,
  add: Add,
) {
  const { absent, test } = compileLeaf(leaf);
  if (absent || test === undefined || hasToken(leaf)) return; // `exists: false` matches an absent field
  const path = formatPath(["detail", ...segments]);
  const lookups = types.map((type) => lookupField(detailSchema(type), segments, true));
  const schemas = lookups.flatMap((l) => (l.found ? [l.schema] : []));
  if (schemas.length === 0) {
    const missing = missingField(formatPath(location), segments, lookups, types, "the rule never matches");
    add(strict ? missing : { ...missing, kind: "uncatalogued" });
    return;
  }
  if (!strict) return;
  const strings = schemas.filter((s) => s.type === "string");
  if (strings.length === 0) {
    if (schemas.every((s) => s.type === "object")) {
      const fields = [...new Set(schemas.flatMap(fieldNames))];
      add({
        where: formatPath(location),
        problem: `is an object in events of ${namedTypes(types)}; EventBridge matches values, never an object, so the rule never matches`,
        fix: `match one of its fields (${fields.join(", ")}), e.g. ${path}.${fields[0]}`,
        kind: "mistake",
      });
    }
    return;
  }
  const free = strings.some((s) => allowedValues(s) === undefined);
  const allowed = [...new Set(strings.flatMap((s) => allowedValues(s) ?? []))];
  leaf.forEach((element, index) => {
    const finding = checkValue(element, free, allowed, `${path} in events of ${namedTypes(types)}`);
    if (finding) add({ ...finding, where: formatPath([...location, index]) });
  });
}

function checkValue(
  element: unknown,
  free: boolean,
  allowed: readonly string[],
  field: string,
): Omit<CatalogueFinding, "where"> | undefined {
  if (hasToken(element)) return undefined;
  if (typeof element === "number" || typeof element === "boolean") {
    const text = String(element);
    return {
      problem: `${describe(element)} never matches: Stax sends ${field} as a string`,
      fix: free || allowed.includes(text) ? `quote it: '${text}'` : `match one of its values (${allowed.join(", ")})`,
      kind: "mistake",
    };
  }
  if (element === null) {
    return {
      problem: `null never matches: Stax sends ${field} as a string, and leaves out a field it has no value for`,
      fix: 'match events without the field with {"exists": false}',
      kind: "mistake",
    };
  }
  if (operator(element) === "numeric") {
    return {
      problem: `a numeric matcher never matches: Stax sends ${field} as a string`,
      fix: "match the text (an exact value, prefix, suffix or wildcard)",
      kind: "mistake",
    };
  }
  const test = elementTest(element);
  if (free || test === undefined || allowed.some((value) => test(value))) return undefined;
  const value = exactString(element);
  const near = value === undefined ? undefined : closestMatch(value, allowed);
  return {
    problem: `${value === undefined ? JSON.stringify(element) : `'${value}'`} admits none of the values Stax documents for ${field} (${allowed.join(", ")}), so it never matches`,
    fix: near ? `did you mean '${near}'? Values are case-sensitive` : "match one of those values",
    kind: near ? "mistake" : "uncatalogued",
  };
}

/** The finding for a field none of `types` has, naming the valid keys where the path left the tree. */
function missingField(
  where: string,
  segments: readonly PathSegment[],
  lookups: readonly FieldLookup[],
  types: readonly StaxDetailType[],
  consequence: string,
): CatalogueFinding {
  const misses = lookups.flatMap((l) => (l.found ? [] : [l]));
  const depth = Math.max(...misses.map((l) => l.depth));
  const parents: JsonSchema[] = misses.filter((l) => l.depth === depth).map((l) => l.parent);
  const parentPath = formatPath(["detail", ...segments.slice(0, depth)]);
  const missing = segments[depth];
  const keys = [...new Set(parents.flatMap(fieldNames))];
  if (keys.length === 0 || typeof missing === "number") {
    const kind = parents[0]?.type ?? "value";
    return {
      where,
      problem: `${parentPath} is ${kind === "array" || kind === "object" ? "an" : "a"} ${kind} in events of ${namedTypes(types)}, with no ${typeof missing === "number" ? `element [${missing}]` : `field '${missing}'`}, so ${consequence}`,
      fix: `select ${parentPath} itself`,
      kind: "mistake",
    };
  }
  const near = closestMatch(String(missing), keys);
  return {
    where,
    problem: `no event of detail-type ${namedTypes(types)} has the field '${formatPath(["detail", ...segments.slice(0, depth + 1)])}' (fields of ${parentPath}: ${keys.join(", ")}), so ${consequence}`,
    fix: near ? `did you mean '${parentPath}.${near}'?` : `use one of the fields of ${parentPath}`,
    kind: "uncatalogued",
  };
}

/**
 * Message rules shared by the plain-TypeScript helpers (selectors, presets, `ServiceEventPatterns`)
 * and, through `validation.ts`, by the constructs: the wrong JSON type, a misspelt key or enum
 * value with a "did you mean", and the "where" prefix. No cdktf import: the pattern module uses it.
 */

/** How a message names a value's JSON type: `a number`, `a list`, `null`, `an object`. */
export function jsonKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  const t = typeof value;
  return t === "object" ? "an object" : t === "undefined" ? "undefined" : `a ${t}`;
}

/** Edit distance (insertions, deletions, substitutions) between two strings. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/**
 * The candidate a misspelt value most likely meant: the same ignoring case, `-`/`_`, or within a
 * few edits (one per three characters). Undefined when nothing is close.
 */
export function nearest(value: string, candidates: readonly string[]): string | undefined {
  const squash = (s: string): string => s.toLowerCase().replace(/[-_\s]/g, "");
  const same =
    candidates.find((c) => squash(c) === squash(value)) ??
    (value.length >= 4 ? candidates.find((c) => squash(c).startsWith(squash(value))) : undefined);
  if (same !== undefined) return same;
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(value.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(squash(value), squash(candidate));
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** The end of a "not valid" sentence: `"; did you mean 'x'?"` for a misspelt value, or `"."`. */
export function didYouMean(value: string, candidates: readonly string[]): string {
  const near = nearest(value, candidates);
  return near === undefined ? "." : `; did you mean '${near}'?`;
}

/** Throws `"<where>: <message>"`; `where` is the helper and argument, e.g. `securityEvents.failedLogins`. */
export function raiseAt(where: string, message: string): never {
  throw new Error(`${where}: ${message}`);
}

/**
 * Checks an options object a JavaScript caller passes: an object, with only `allowed` keys (a
 * misspelt key gets "did you mean"). Undefined passes.
 */
export function checkKeys(where: string, what: string, value: unknown, allowed: readonly string[]): void {
  if (value === undefined) return;
  const valid = `Valid keys: ${allowed.join(", ")}.`;
  if (value === null || typeof value !== "object" || Array.isArray(value))
    raiseAt(where, `${what} is ${jsonKind(value)}; pass an object. ${valid}`);
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) raiseAt(where, `${what} key '${key}' is not valid${didYouMean(key, allowed)} ${valid}`);
  }
}

/**
 * Checks a string that must be one of `allowed` (a typo or the wrong case gets "did you mean"; a
 * number says "is a number; quote it"). Values containing `${` (unresolved tokens) pass.
 */
export function checkEnum(where: string, what: string, value: unknown, allowed: readonly string[]): void {
  if (typeof value === "string" && (allowed.includes(value) || value.includes("${"))) return;
  const list = allowed.map((a) => `'${a}'`).join(", ");
  if (typeof value !== "string") {
    const quote = typeof value === "number" || typeof value === "boolean" ? `; quote it: '${value}'` : "";
    raiseAt(where, `${what} is ${jsonKind(value)}${quote}. Use one of ${list}.`);
  }
  raiseAt(where, `${what} '${value}' is not valid${didYouMean(value, allowed)} Use one of ${list}.`);
}

/**
 * Checks a list argument: a list (a single value says to wrap it in a list) and not empty (with
 * the advice `empty`). Returns the list.
 */
export function checkList<T>(where: string, what: string, value: unknown, empty: string): readonly T[] {
  if (!Array.isArray(value)) {
    const wrap = typeof value === "string" ? `; wrap it in a list: ['${value}']` : "; pass a list";
    raiseAt(where, `${what} is ${jsonKind(value)}${wrap}.`);
  }
  if (value.length === 0) raiseAt(where, `${what} is an empty list, which would match nothing; ${empty}.`);
  return value as readonly T[];
}

/** The first value listed twice, if any. */
export function listedTwice<T>(values: readonly T[]): T | undefined {
  return values.find((v, i) => values.indexOf(v) !== i);
}

/** Refuses a list with a value in it twice: `"<what> lists 'x' twice; list each once."`. */
export function checkUnique(where: string, what: string, values: readonly unknown[]): void {
  const twice = listedTwice(values);
  if (twice !== undefined) raiseAt(where, `${what} lists '${String(twice)}' twice; list each once.`);
}

/**
 * Runs `fn`; an error it throws gets `"<where>: "` in front (unless it already starts with it),
 * so errors of shared checks name the helper the user called.
 */
export function within<T>(where: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && !e.message.startsWith(`${where}`)) e.message = `${where}: ${e.message}`;
    throw e;
  }
}

/**
 * The error every pattern check throws, and the helpers that format where in a pattern a problem is.
 */

import { editDistance } from "../private/messages";

/** One step of a location inside a pattern: an object key or a list index. */
export type PathSegment = string | number;

/**
 * A pattern that EventBridge would reject (or a `Match` helper given a bad value).
 *
 * The message reads `<where>: <what is wrong>; <how to fix it>`, where `<where>` is the location in
 * the pattern (`detail.status[1]`, `pattern` for the whole pattern) or the helper (`Match.prefix`).
 */
export class PatternError extends Error {
  /** Location of the problem in the pattern, e.g. `detail.status[1]`; empty for the whole pattern or a helper. */
  public readonly path: string;
  /** What is wrong, without the location or the fix. */
  public readonly problem: string;
  /** How to fix it. */
  public readonly fix: string;

  /**
   * @param where the location shown first in the message (a pattern path or a helper name)
   * @param problem what is wrong
   * @param fix how to fix it
   * @param path the pattern path, when `where` is one
   */
  public constructor(where: string, problem: string, fix: string, path = "") {
    super(`${where}: ${problem}; ${fix}`);
    this.name = "PatternError";
    this.path = path;
    this.problem = problem;
    this.fix = fix;
  }
}

/** A problem found by a check, located relative to the value that was checked. */
export interface Issue {
  /** Segments from the checked value down to the offending part (empty: the value itself). */
  readonly at: readonly PathSegment[];
  /** What is wrong. */
  readonly problem: string;
  /** How to fix it. */
  readonly fix: string;
}

/** Builds an `Issue`. */
export function issue(at: readonly PathSegment[], problem: string, fix: string): Issue {
  return { at, problem, fix };
}

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** Formats path segments the way a reader would write them: `detail.status[1]`, `detail["a.b"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** The error for an `Issue` found at `base` inside a pattern. */
export function patternErrorAt(base: readonly PathSegment[], found: Issue): PatternError {
  const path = formatPath([...base, ...found.at]);
  return new PatternError(path === "" ? "pattern" : path, found.problem, found.fix, path);
}

/**
 * Whether a number is a CDK for Terraform (or CDK Terrain) number token: a value known only at
 * apply, encoded as a double whose top 16 bits carry a marker (0xfdff, or 0xfbff for a list).
 * Read from the bits, so this module needs neither cdktf nor cdktn.
 */
export function isNumberToken(value: number): boolean {
  const bits = new Uint32Array(new Float64Array([value]).buffer);
  const marker = bits[1] >>> 16;
  return marker === 0xfdff || marker === 0xfbff;
}

/** Whether a pattern value carries an unresolved token (`${…}`, or a number token), which only Terraform can read. */
export function hasToken(value: unknown): boolean {
  if (typeof value === "string") return value.includes("${");
  if (typeof value === "number") return isNumberToken(value);
  if (Array.isArray(value)) return value.some(hasToken);
  if (value !== null && typeof value === "object") return Object.values(value).some(hasToken);
  return false;
}

/** Describes a value for an error message: `the number 5`, `null`, `a list`, `an object`. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  switch (typeof value) {
    case "string":
      return `the string ${JSON.stringify(value)}`;
    case "number":
      return isNumberToken(value) ? "a number known only at apply (a token)" : `the number ${value}`;
    case "boolean":
      return `${value}`;
    case "undefined":
      return "undefined";
    case "object":
      return "an object";
    default:
      return `a ${typeof value}`;
  }
}

/**
 * The candidate a user most likely meant by `value`, for a "did you mean" hint: one equal but for
 * case, spaces, '-' or '_', else the closest one within two edits (ignoring case); `undefined`
 * when none is that close.
 */
export function closestMatch(value: string, candidates: readonly string[]): string | undefined {
  const loose = (s: string): string => s.toLowerCase().replace(/[\s_-]/g, "");
  const same = candidates.find((c) => loose(c) === loose(value));
  if (same !== undefined) return same;
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance && d < Math.max(candidate.length, value.length) / 2) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/**
 * Canonical JSON for event patterns: the same pattern always renders to the same string, whatever
 * order its keys were written in, so a re-ordered pattern never shows up as a Terraform diff.
 */
import type { EventPattern } from "./types";

/** Options for `renderPattern`. */
export interface RenderOptions {
  /** Spaces of indentation; 0 renders compact JSON, the form EventBridge stores and measures. @default 0 */
  readonly indent?: number;
}

/** Envelope fields, in the order a reader expects them; other top-level fields follow, then `detail`. */
const ENVELOPE_ORDER = ["source", "detail-type", "account", "region", "resources", "time", "id", "version"];
const OR = "$or";

/**
 * Renders a pattern as canonical JSON.
 *
 * Top-level envelope fields come first (`source`, `detail-type`, `account`, `region`, `resources`,
 * `time`, `id`, `version`), then any other top-level field sorted by name, then `detail`; nested
 * objects have their keys sorted; `$or` always comes last; list elements keep their order.
 * The pattern is not validated here: call `validatePattern` for that.
 *
 * @param pattern the pattern, as an object or a JSON string
 */
export function renderPattern(pattern: EventPattern | string, options: RenderOptions = {}): string {
  const value: unknown = typeof pattern === "string" ? JSON.parse(pattern) : pattern;
  return JSON.stringify(canonical(value, true), null, options.indent ?? 0);
}

function canonical(value: unknown, topLevel: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, false));
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of orderKeys(Object.keys(record), topLevel)) {
    if (record[key] !== undefined) out[key] = canonical(record[key], false);
  }
  return out;
}

function orderKeys(keys: string[], topLevel: boolean): string[] {
  const rest = keys.filter((k) => k !== OR && !(topLevel && (ENVELOPE_ORDER.includes(k) || k === "detail"))).sort();
  const head = topLevel ? ENVELOPE_ORDER.filter((k) => keys.includes(k)) : [];
  const tail = [...(topLevel && keys.includes("detail") ? ["detail"] : []), ...(keys.includes(OR) ? [OR] : [])];
  return [...head, ...rest, ...tail];
}

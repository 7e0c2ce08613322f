/**
 * The shape of an EventBridge event pattern.
 *
 * A pattern is a JSON object whose leaves are arrays of matchers: plain values (string, number,
 * boolean, null) match exactly, objects are content filters (`{ prefix: "x" }`, `{ numeric: [">", 0] }`, ...).
 * The special key `$or` holds an array of alternative sub-patterns.
 *
 * See https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 */

/** A content filter such as `{ prefix: "Security: " }`; build them with the `Match` helpers. */
export interface ContentFilter {
  readonly [operator: string]: unknown;
}

/** One element of a leaf array: an exact value or a content filter. */
export type FieldMatcher = string | number | boolean | null | ContentFilter;

/** An event pattern: field names map to matcher arrays or nested patterns; `$or` lists alternatives. */
export interface EventPattern {
  readonly [field: string]: readonly FieldMatcher[] | EventPattern | readonly EventPattern[];
}

/**
 * Event patterns for EventBridge: the `EventPattern` type, `Match` helpers, one validator, a
 * canonical renderer, an offline matcher with EventBridge's semantics and a jest matcher.
 * Plain TypeScript with no cdktf import, usable from Lambda code.
 */
export type { ContentFilter, EventPattern, FieldMatcher } from "./types";
export { PatternError } from "./errors";
export { Match, type AnythingButForm, type ExactValue, type NumericOperator, type OneOrMany } from "./match";
export {
  checkPatternSize,
  DEFAULT_MAX_PATTERN_LENGTH,
  patternSize,
  validatePattern,
  type ValidatePatternOptions,
} from "./validate";
export { renderPattern, type RenderOptions } from "./render";
export { compilePattern, matches, type CompiledPattern } from "./matcher";
export { setupStaxEventsJest, staxEventsMatchers, type EventMatcherResult, type HasEventPattern } from "./jest";
export * from "./selectors";

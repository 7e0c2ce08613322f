/**
 * Event patterns for EventBridge: the `EventPattern` type, `Match` helpers, one validator, a
 * canonical renderer, an offline matcher with EventBridge's semantics, an offline renderer of a
 * target's input (`renderInput`) and jest matchers.
 * Plain TypeScript with no cdktf import, usable from Lambda code.
 * @module
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
export {
  evaluatePath,
  PREDEFINED_INPUT_VARIABLES,
  renderInput,
  type BindsTargetInput,
  type RenderInputOptions,
  type TargetInput,
} from "./input";
export { setupStaxEventsJest, staxEventsMatchers, type EventMatcherResult, type HasEventPattern } from "./jest";
export * from "./selectors";

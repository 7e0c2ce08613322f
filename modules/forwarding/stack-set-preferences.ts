/** Rollout preferences of a StackSet operation, checked against CloudFormation's rules. */
import { Construct } from "constructs";
import { checkRange, fail } from "../private/errors";
import { checkOneOf, checkOptionKeys } from "../private/validation";

/**
 * How CloudFormation rolls a StackSet operation out. Give a concurrency as a count or a
 * percentage, and a failure tolerance the same way; the tolerance may not exceed the concurrency.
 */
export interface StackSetOperationPreferences {
  /** Accounts per region deployed at once. @default - maxConcurrentPercentage is used */
  readonly maxConcurrentCount?: number;
  /** Percentage of the accounts per region deployed at once (1-100). @default 25, unless maxConcurrentCount is given */
  readonly maxConcurrentPercentage?: number;
  /** Accounts per region that may fail before the region stops. @default - failureTolerancePercentage is used */
  readonly failureToleranceCount?: number;
  /** Percentage of the accounts per region that may fail before the region stops (0-100). @default 10, unless failureToleranceCount is given */
  readonly failureTolerancePercentage?: number;
  /** Deploy regions one after the other (the role's region first) or all at once. @default "SEQUENTIAL" */
  readonly regionConcurrency?: "SEQUENTIAL" | "PARALLEL";
  /** When deploying stacks: whether failures lower the concurrency (STRICT) or not (SOFT). @default "STRICT_FAILURE_TOLERANCE" */
  readonly concurrencyMode?: "STRICT_FAILURE_TOLERANCE" | "SOFT_FAILURE_TOLERANCE";
}

/**
 * Checks rollout preferences (keys, enums, ranges, tolerance within concurrency) and returns them
 * with CloudFormation's defaults filled in.
 */
export function stackSetPreferences(
  scope: Construct,
  p: StackSetOperationPreferences,
): {
  counts: {
    maxConcurrentCount?: number;
    maxConcurrentPercentage?: number;
    failureToleranceCount?: number;
    failureTolerancePercentage?: number;
  };
  regionConcurrencyType: string;
  concurrencyMode: string;
} {
  checkOptionKeys(scope, "operationPreferences", p, {
    maxConcurrentCount: true,
    maxConcurrentPercentage: true,
    failureToleranceCount: true,
    failureTolerancePercentage: true,
    regionConcurrency: true,
    concurrencyMode: true,
  });
  checkOneOf(scope, "operationPreferences.regionConcurrency", p.regionConcurrency, ["SEQUENTIAL", "PARALLEL"]);
  checkOneOf(scope, "operationPreferences.concurrencyMode", p.concurrencyMode, [
    "STRICT_FAILURE_TOLERANCE",
    "SOFT_FAILURE_TOLERANCE",
  ]);
  for (const [count, percentage] of [
    ["maxConcurrentCount", "maxConcurrentPercentage"],
    ["failureToleranceCount", "failureTolerancePercentage"],
  ] as const) {
    if (p[count] !== undefined && p[percentage] !== undefined) {
      fail(
        scope,
        `operationPreferences sets both ${count} and ${percentage}; CloudFormation takes one of them. Remove one.`,
      );
    }
  }
  const maxConcurrentCount = p.maxConcurrentCount;
  const maxConcurrentPercentage = maxConcurrentCount === undefined ? (p.maxConcurrentPercentage ?? 25) : undefined;
  const failureToleranceCount = p.failureToleranceCount;
  const failureTolerancePercentage =
    failureToleranceCount === undefined ? (p.failureTolerancePercentage ?? 10) : undefined;
  checkRange(scope, "operationPreferences.maxConcurrentCount", maxConcurrentCount, 1, 100000);
  checkRange(scope, "operationPreferences.maxConcurrentPercentage", maxConcurrentPercentage, 1, 100);
  checkRange(scope, "operationPreferences.failureToleranceCount", failureToleranceCount, 0, 100000);
  checkRange(scope, "operationPreferences.failureTolerancePercentage", failureTolerancePercentage, 0, 100);
  const above = (tolerance: number | undefined, concurrency: number | undefined): boolean =>
    tolerance !== undefined && concurrency !== undefined && tolerance > concurrency;
  if (above(failureToleranceCount, maxConcurrentCount)) {
    fail(
      scope,
      `operationPreferences.failureToleranceCount ${failureToleranceCount} is above maxConcurrentCount ${maxConcurrentCount}; more accounts cannot fail than are deployed at once. Lower failureToleranceCount to at most ${maxConcurrentCount}, or raise maxConcurrentCount.`,
    );
  }
  if (above(failureTolerancePercentage, maxConcurrentPercentage)) {
    fail(
      scope,
      `operationPreferences.failureTolerancePercentage ${failureTolerancePercentage} is above maxConcurrentPercentage ${maxConcurrentPercentage}; more accounts cannot fail than are deployed at once. Lower failureTolerancePercentage to at most ${maxConcurrentPercentage}, or raise maxConcurrentPercentage.`,
    );
  }
  return {
    counts: { maxConcurrentCount, maxConcurrentPercentage, failureToleranceCount, failureTolerancePercentage },
    regionConcurrencyType: p.regionConcurrency ?? "SEQUENTIAL",
    concurrencyMode: p.concurrencyMode ?? "STRICT_FAILURE_TOLERANCE",
  };
}

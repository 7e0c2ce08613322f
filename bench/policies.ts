/**
 * Policy sizes and synthesis time when many rules on one bus deliver to one queue and one Lambda
 * function: 20, 100 and 300 rules (300 is EventBridge's default quota of rules per bus). For each
 * count it reports the synthesis time (median of several runs of build + `Testing.synth` with
 * validations, after a warm-up), the largest policy as estimated at synthesis (every ARN known
 * only at apply at its longest), its limit, and whether the policies fell back to one
 * `rule/<bus>/*` pattern per bus. Run with `npx ts-node bench/policies.ts` (or `npm run bench`).
 * Reports figures; never fails on timing.
 */
import { App, TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { IConstruct } from "constructs";
import { StaxEventBus } from "../modules/bus";
import { SECURITY_EVENT_TYPES } from "../modules/events";
import { StaxEventRule } from "../modules/rule";
import {
  FunctionPermissions,
  LAMBDA_POLICY_LIMIT_BYTES,
  LambdaTarget,
  QueuePolicy,
  SecureQueue,
  SQS_POLICY_LIMIT_BYTES,
  SqsTarget,
} from "../modules/targets";

/** Account of the benchmark's bus. */
export const MANY_RULES_ACCOUNT = "123456789012";

/** A stack with `count` rules on one Stax bus, each delivering to one queue and one Lambda function. */
export function buildManyRules(
  app: App,
  count: number,
): { stack: TerraformStack; queue: SecureQueue; fn: LambdaFunction; rules: StaxEventRule[] } {
  const stack = new TerraformStack(app, "stax-many-rules");
  new AwsProvider(stack, "aws", { region: "ap-southeast-2" });
  const bus = new StaxEventBus(stack, "Bus", { accountId: MANY_RULES_ACCOUNT, sourceName: "security-events" });
  const queue = new SecureQueue(stack, "Queue");
  const fn = new LambdaFunction(stack, "Consumer", {
    functionName: "stax-many-rules-consumer",
    role: `arn:aws:iam::${MANY_RULES_ACCOUNT}:role/stax-many-rules-consumer`,
    runtime: "nodejs20.x",
    handler: "index.handler",
    s3Bucket: "stax-artifacts",
    s3Key: "consumer.zip",
  });
  const targets = [new SqsTarget(queue), new LambdaTarget(fn)];
  const rules = Array.from(
    { length: count },
    (_, i) =>
      new StaxEventRule(stack, `Rule${i}`, {
        bus,
        eventPattern: bus.securityEvents.ofType(SECURITY_EVENT_TYPES[i % SECURITY_EVENT_TYPES.length].name),
        targets,
      }),
  );
  return { stack, queue, fn, rules };
}

/** A policy of the stack: what it is, its estimated size, its limit and whether it fell back to bus patterns. */
export interface PolicySize {
  /** Path of the construct that writes the policy. */
  readonly path: string;
  /** Estimated size in bytes. */
  readonly bytes: number;
  /** The service's limit in bytes. */
  readonly limit: number;
  /** Whether one pattern per bus replaced one ARN per rule. */
  readonly busWildcard: boolean;
}

/** Every queue policy and function policy in the tree of `scope`, with sizes. */
export function policySizes(scope: IConstruct): PolicySize[] {
  return scope.node.findAll().flatMap((c): PolicySize[] => {
    if (c instanceof QueuePolicy && c.managed) {
      return [
        {
          path: c.node.path,
          bytes: c.estimatedSize(),
          limit: SQS_POLICY_LIMIT_BYTES,
          busWildcard: c.usesBusWildcard(),
        },
      ];
    }
    if (c instanceof FunctionPermissions && c.managed) {
      const bytes = c.estimatedSize();
      return [{ path: c.node.path, bytes, limit: LAMBDA_POLICY_LIMIT_BYTES, busWildcard: c.usesBusWildcard() }];
    }
    return [];
  });
}

/** Options of `run`. */
export interface PoliciesBenchOptions {
  /** Timed runs per rule count; the median is reported. @default 3 */
  readonly runs?: number;
  /** Print the figures. @default true */
  readonly print?: boolean;
}

/** The figures for one rule count. */
export interface PoliciesBenchRow {
  /** Rules on the bus, each delivering to the queue and the function. */
  readonly rules: number;
  /** Median milliseconds to build and synthesize the stack. */
  readonly synthMillis: number;
  /** The largest policy relative to its limit. */
  readonly largest: PolicySize;
  /** The queue's policy. */
  readonly queue: PolicySize;
  /** The function's policy. */
  readonly function: PolicySize;
}

function synthOnce(count: number): { millis: number; sizes: PolicySize[] } {
  const start = process.hrtime.bigint();
  const app = Testing.app();
  const { stack } = buildManyRules(app, count);
  Testing.synth(stack, true);
  const millis = Number(process.hrtime.bigint() - start) / 1e6;
  return { millis, sizes: policySizes(stack) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Measures and (by default) prints the figures. */
export function run(options: PoliciesBenchOptions = {}): PoliciesBenchRow[] {
  const runs = options.runs ?? 3;
  synthOnce(1); // warm-up
  const rows = [20, 100, 300].map((count): PoliciesBenchRow => {
    const samples = Array.from({ length: runs }, () => synthOnce(count));
    const sizes = samples[0].sizes;
    const find = (pattern: RegExp): PolicySize => sizes.find((s) => pattern.test(s.path))!;
    return {
      rules: count,
      synthMillis: median(samples.map((s) => s.millis)),
      largest: [...sizes].sort((a, b) => b.bytes / b.limit - a.bytes / a.limit)[0],
      queue: find(/StaxQueuePolicies\/Queue$/),
      function: find(/StaxFunctionPermissions\//),
    };
  });
  if (options.print !== false) print(runs, rows);
  return rows;
}

function print(runs: number, rows: readonly PoliciesBenchRow[]): void {
  const cell = (p: PolicySize) => `${p.bytes} / ${p.limit}${p.busWildcard ? " (bus pattern)" : ""}`.padStart(28);
  const lines = [
    `policies: one bus, N rules each delivering to one queue and one Lambda function (median of ${runs} runs, after a warm-up)`,
    "    rules  synth ms                   queue policy B             function policy B  largest (of its limit)",
    ...rows.map(
      (r) =>
        `  ${String(r.rules).padStart(7)}  ${r.synthMillis.toFixed(0).padStart(8)}  ${cell(r.queue)}  ${cell(r.function)}  ${r.largest.path.split("/").slice(-2).join("/")} ${((100 * r.largest.bytes) / r.largest.limit).toFixed(0)}%`,
    ),
  ];
  console.log(lines.join("\n"));
}

if (require.main === module) run();

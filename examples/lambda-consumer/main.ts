/**
 * Example: a Lambda function that receives every Stax Security event.
 *
 * - the Stax partner event bus (created for a new partner event source);
 * - a rule selecting all 20 Security event types, targeting the function through `LambdaTarget`
 *   (a permission scoped to the rule, retries and the shared dead-letter queue);
 * - the function (Node.js 22, arm64) with its own log group (kept as long as the library keeps
 *   logs, 365 days) and an execution role allowed only to write to that log group and to its
 *   failure queue.
 *
 * The handler, `handler/index.ts`, is compiled at synthesis by the `tsc` command line of the app's
 * own TypeScript (no bundler, no native binary, no network) and zipped by a `TerraformAsset`.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { App, AssetType, TerraformAsset, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DEFAULT_LOG_RETENTION_DAYS, LambdaTarget, SecureQueue, StaxEventBus, StaxEventRule } from "stax-events-cdktf";

/** What to change: your Stax logging account, the partner event source name, the region. */
export const CONFIG = {
  accountId: "123456789012",
  sourceName: "security-events",
  region: "ap-southeast-2",
  /**
   * Name of the function (and of its role and log group); undefined names it after the stack, so
   * two copies of this stack in one account and region (different stack names) never collide.
   */
  functionName: undefined as string | undefined,
};

/**
 * Compiles `handler/index.ts` to `index.js` in `outDir` with the `tsc` command line (transpile
 * only: `--noCheck`, `--noResolve`; type-check the handler with your usual `tsc`), and returns
 * `outDir`. The handler imports types only, so the one file is the whole Lambda package.
 */
export function buildHandler(
  sourceDir = path.join(__dirname, "handler"),
  outDir = path.join(__dirname, "dist", "handler"),
): string {
  const tsc = require.resolve("typescript/bin/tsc");
  const args = ["--module", "commonjs", "--target", "ES2022", "--isolatedModules", "--noCheck", "--noResolve"];
  execFileSync(
    process.execPath,
    [tsc, ...args, "--rootDir", sourceDir, "--outDir", outDir, path.join(sourceDir, "index.ts")],
    {
      stdio: "inherit",
    },
  );
  const compiled = path.join(outDir, "index.js");
  if (/\brequire\(/.test(fs.readFileSync(compiled, "utf8"))) {
    throw new Error("the handler must import types only: the Lambda package has no node_modules");
  }
  return outDir;
}

/** The stack of the example. */
export class LambdaConsumerStack extends TerraformStack {
  /** The function. */
  public readonly fn: LambdaFunction;

  constructor(scope: Construct, id: string, config = CONFIG) {
    super(scope, id);
    const functionName = config.functionName ?? id;
    new AwsProvider(this, "aws", { region: config.region });
    const bus = new StaxEventBus(this, "StaxBus", { accountId: config.accountId, sourceName: config.sourceName });

    const logs = new CloudwatchLogGroup(this, "FunctionLogs", {
      name: `/aws/lambda/${functionName}`,
      retentionInDays: DEFAULT_LOG_RETENTION_DAYS,
    });
    const failures = new SecureQueue(this, "FunctionFailures", { deadLetterQueue: false });
    const role = new IamRole(this, "FunctionRole", {
      name: `${functionName}-role`,
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "lambda.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "aws:SourceAccount": config.accountId } },
          },
        ],
      }),
    });
    const policy = new IamRolePolicy(this, "FunctionPolicy", {
      role: role.id,
      name: "least-privilege",
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [`${logs.arn}:*`] },
          { Effect: "Allow", Action: ["sqs:SendMessage"], Resource: [failures.queueArn] },
        ],
      }),
    });

    const code = new TerraformAsset(this, "HandlerCode", { path: buildHandler(), type: AssetType.ARCHIVE });
    this.fn = new LambdaFunction(this, "Function", {
      functionName,
      role: role.arn,
      runtime: "nodejs22.x",
      architectures: ["arm64"],
      handler: "index.handler",
      filename: code.path,
      memorySize: 128,
      timeout: 10,
      loggingConfig: { logFormat: "Text", logGroup: logs.name },
      deadLetterConfig: { targetArn: failures.queueArn },
      dependsOn: [policy, logs],
    });

    new StaxEventRule(this, "AllSecurityEvents", {
      bus,
      description: "Every Stax Security event, to the consumer function",
      eventPattern: bus.securityEvents.allSecurityEvents(),
      targets: [new LambdaTarget(this.fn)],
    });
  }
}

/** Builds the example's stacks into `app`. */
export function buildApp(app: App): TerraformStack[] {
  return [new LambdaConsumerStack(app, "stax-lambda-consumer")];
}

if (require.main === module) {
  const app = new App();
  buildApp(app);
  app.synth();
}

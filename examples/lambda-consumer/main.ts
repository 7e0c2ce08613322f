/**
 * Example: a Lambda function that receives every Stax Security event.
 *
 * - the Stax partner event bus (created for a new partner event source);
 * - a rule selecting all 20 Security event types, targeting the function through `LambdaTarget`
 *   (a permission scoped to the rule, retries and the shared dead-letter queue);
 * - the function (Node.js 20, arm64) with its own log group (30 days) and an execution role
 *   allowed only to write to that log group and to its failure queue.
 */
import { App, AssetType, TerraformAsset, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { LambdaTarget, SecureQueue, StaxEventBus, StaxEventRule } from "stax-events-cdktf";
import { buildHandler } from "./build-handler";

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
      retentionInDays: 30,
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
      runtime: "nodejs20.x",
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

/**
 * Targets recognise resources by their Terraform type, not their class: a resource made with
 * another copy of the provider classes (another version of the provider package, as in a user's
 * app that resolves its own copy) is targeted like one of ours, and anything else is refused
 * with the fix.
 */
import * as path from "path";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { SecurityEventCollector } from "../../modules/forwarding";
import {
  FirehoseTarget,
  LambdaTarget,
  LogGroupTarget,
  SnsTarget,
  SqsTarget,
  StepFunctionsTarget,
} from "../../modules/targets";
import { IRuleTarget } from "../../modules/rule";
import { FLAVOUR } from "../support/provider-forms";
import { parsed, resourcesOf, synthObject } from "../support/synth";
import { synthTargets, targetSetup } from "../support/targets";

/** A provider package other than the one the library was loaded with in this jest project. */
const OTHER_COPY: Record<string, string> = {
  "cdktf-aws5": "@cdktf/provider-aws-v21",
  "cdktf-aws6": path.join(__dirname, "..", "..", "node_modules", "@cdktf", "provider-aws"),
  cdktn: path.join(__dirname, "..", "..", "node_modules", "@cdktf", "provider-aws-v21"),
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const other = (lib: string): any => require(`${OTHER_COPY[FLAVOUR]}/lib/${lib}`);

describe("resources made with another copy of the provider classes", () => {
  it("are not instances of the library's classes", () => {
    expect(other("sqs-queue").SqsQueue).not.toBe(SqsQueue);
  });

  it.each<[string, (stack: any) => { resource: any; target: IRuleTarget }]>([
    ["SqsTarget", (stack) => targetFor(new (other("sqs-queue").SqsQueue)(stack, "Mine"), SqsTarget)],
    ["SnsTarget", (stack) => targetFor(new (other("sns-topic").SnsTopic)(stack, "Mine"), SnsTarget)],
    [
      "LambdaTarget",
      (stack) =>
        targetFor(
          new (other("lambda-function").LambdaFunction)(stack, "Mine", { functionName: "mine", role: "arn:r" }),
          LambdaTarget,
        ),
    ],
    [
      "LogGroupTarget",
      (stack) => targetFor(new (other("cloudwatch-log-group").CloudwatchLogGroup)(stack, "Mine"), LogGroupTarget),
    ],
    [
      "StepFunctionsTarget",
      (stack) =>
        targetFor(
          new (other("sfn-state-machine").SfnStateMachine)(stack, "Mine", {
            name: "mine",
            definition: "{}",
            roleArn: "arn:r",
          }),
          StepFunctionsTarget,
        ),
    ],
    [
      "FirehoseTarget",
      (stack) =>
        targetFor(
          new (other("kinesis-firehose-delivery-stream").KinesisFirehoseDeliveryStream)(stack, "Mine", {
            name: "mine",
            destination: "extended_s3",
          }),
          FirehoseTarget,
        ),
    ],
  ])("%s targets the resource by its ARN", (_name, make) => {
    const { stack, rule } = targetSetup();
    const { resource, target } = make(stack);
    rule("Rule", target);
    const { targets } = synthTargets(stack);
    expect(targets.map((t) => t.arn)).toEqual([
      `\${${resource.terraformResourceType}.${resource.friendlyUniqueId}.arn}`,
    ]);
  });

  it("gives the queue of another copy its single policy", () => {
    const { stack, rule } = targetSetup();
    const queue = new (other("sqs-queue").SqsQueue)(stack, "Mine");
    rule("Rule", new SqsTarget(queue));
    const [policy] = Object.values(resourcesOf(synthObject(stack), "aws_sqs_queue_policy")) as any[];
    expect(policy.queue_url).toBe(`\${aws_sqs_queue.${queue.friendlyUniqueId}.url}`);
    expect(parsed(policy.policy).Statement.map((s: any) => s.Sid)).toContain("AllowEventBridgeRules");
  });

  it("checks the region of an AWS provider of another copy", () => {
    const { stack } = targetSetup();
    const provider = new (other("provider").AwsProvider)(stack, "eu", { region: "eu-west-1", alias: "eu" });
    expect(
      () =>
        new SecurityEventCollector(stack, "Collector", {
          accountId: "111122223333",
          region: "ap-southeast-2",
          provider,
        }),
    ).toThrow(
      "test/Collector: region is 'ap-southeast-2' but the provider 'test/eu' is configured for 'eu-west-1', so the resources would be created in 'eu-west-1' while their ARNs say 'ap-southeast-2'. Pass the provider of 'ap-southeast-2', or set region to 'eu-west-1'.",
    );
  });
});

describe("what a target cannot deliver to", () => {
  it("refuses a resource of another Terraform type, naming it and the fix", () => {
    const { stack } = targetSetup();
    const topic = new SnsTopic(stack, "Topic");
    expect(() => new SqsTarget(topic as unknown as SqsQueue)).toThrow(
      "SqsTarget: 'test/Topic' is an aws_sns_topic resource, not an aws_sqs_queue. Pass a SqsQueue (aws_sqs_queue) or Queue.fromArn(...).",
    );
  });

  it("refuses an object that is neither a resource nor a reference", () => {
    expect(() => new SnsTarget({ arn: "arn:aws:sns:ap-southeast-2:123456789012:t" } as never)).toThrow(
      "SnsTarget: got an object with keys [arn], which is neither an aws_sns_topic resource nor a reference with topicArn. Pass a SnsTopic (aws_sns_topic) or Topic.fromArn(...).",
    );
    expect(() => new LambdaTarget(undefined as never)).toThrow(
      "LambdaTarget: got undefined, which is neither an aws_lambda_function resource nor a reference with functionArn.",
    );
  });
});

function targetFor<R>(resource: R, Target: new (r: R) => IRuleTarget): { resource: R; target: IRuleTarget } {
  return { resource, target: new Target(resource) };
}

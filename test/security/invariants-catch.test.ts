/**
 * The invariant checks fail when they should: a stack that breaks each invariant (written with raw
 * provider resources) gets exactly the expected problems, and nothing else.
 */
import { INVARIANTS, MIN_RETENTION_DAYS } from "./invariants";
import { terraformModel } from "./model";
import { exceptionsByAddress } from "./stacks";
import { BAD_STACK_EXCEPTIONS, badStack } from "./fixtures/bad-stack";
import { synthObject } from "../support/synth";

const stack = badStack();
const model = terraformModel(synthObject(stack));
const exceptions = exceptionsByAddress(stack, BAD_STACK_EXCEPTIONS);
const problems = (name: string): string[] => {
  const invariant = INVARIANTS.find((i) => i.name.startsWith(name));
  if (!invariant) throw new Error(`no invariant '${name}'`);
  return invariant.check(model, exceptions);
};
const TEMPLATE = "aws_cloudformation_stack_set.StackSet.template_body";

describe("the security invariants, on a stack that breaks them all", () => {
  it("report a policy they cannot read (an HCL jsonencode expression) instead of passing it", () => {
    expect(problems("writes every policy")).toEqual([
      expect.stringMatching(/^aws_iam_role_policy\.Encoded\.policy: not JSON .*: unreadable policy$/),
    ]);
  });

  it("find wildcard actions, in JSON and in a policy document data source, and a wildcard Deny without TLS", () => {
    expect(problems("allows no wildcard action")).toEqual([
      "aws_iam_role_policy.FromDocument.policy: wildcard action 'sqs:*'",
      "aws_iam_role_policy.Wildcards.policy: wildcard action 's3:*'",
      "aws_iam_role_policy.Wildcards.policy: wildcard Deny 's3:*'",
      "aws_kms_key.Key.policy: wildcard action 'kms:*'",
    ]);
  });

  it("find '*' resources, except for actions that support nothing else", () => {
    expect(problems("names the resource")).toEqual([
      "aws_iam_role_policy.FromDocument.policy: '*' resource for sqs:*",
      "aws_iam_role_policy.Wildcards.policy: '*' resource for s3:GetObject",
    ]);
  });

  it("find AWS-managed policies attached to roles", () => {
    expect(problems("attaches no AWS-managed policy")).toEqual([
      "aws_iam_role_policy_attachment.Admin: arn:aws:iam::aws:policy/AdministratorAccess: AWS-managed policy (not least privilege)",
    ]);
  });

  it("find unencrypted queues, topics and buckets, in Terraform and in StackSet templates", () => {
    expect(problems("encrypts every queue")).toEqual([
      "aws_sqs_queue.PlainQueue: queue not encrypted at rest",
      "aws_sns_topic.PlainTopic: topic not encrypted at rest",
      "aws_s3_bucket.PlainBucket: bucket not encrypted at rest",
      `${TEMPLATE}#Queue: queue not encrypted at rest`,
    ]);
  });

  it("find buckets open to the public, with ACLs or without lifecycle rules", () => {
    expect(problems("blocks public access to every bucket")).toEqual([
      "aws_s3_bucket.PlainBucket: not all four Block Public Access settings on",
      "aws_s3_bucket.PlainBucket: ACLs not disabled (object ownership BucketOwnerEnforced)",
      "aws_s3_bucket.PlainBucket: no lifecycle rules (old versions and unfinished uploads kept forever)",
    ]);
  });

  it("find queues and buckets without a policy, and queue policies that allow requests without TLS", () => {
    expect(problems("protects every queue and bucket")).toEqual([
      "aws_sqs_queue.PlainQueue: queue without a policy",
      "aws_s3_bucket.PlainBucket: bucket without a policy",
      `${TEMPLATE}#Queue: queue without a policy`,
      "aws_sqs_queue_policy.OpenQueuePolicy.policy: no Deny of requests without TLS (aws:SecureTransport false)",
    ]);
  });

  it("find unscoped service principals (policies and Lambda permissions) and an unconditioned public principal", () => {
    expect(problems("scopes every statement")).toEqual([
      "aws_sqs_queue_policy.OpenQueuePolicy.policy: service principal events.amazonaws.com without aws:SourceArn or aws:SourceAccount",
      "aws_cloudwatch_event_bus_policy.PublicBus.policy: public principal without a condition",
      "aws_lambda_permission.AnyRule: service principal events.amazonaws.com without aws:SourceArn or aws:SourceAccount",
    ]);
  });

  it("find trust policies without scope, and EventBridge trusted without both account and ARN", () => {
    expect(problems("scopes every trust policy")).toEqual([
      "aws_iam_role.EventsRole.assume_role_policy: EventBridge trusted without both aws:SourceAccount and aws:SourceArn",
      "aws_iam_role.LambdaRole.assume_role_policy: lambda.amazonaws.com trusted without aws:SourceAccount or aws:SourceArn",
      `${TEMPLATE}#Role.AssumeRolePolicyDocument: EventBridge trusted without both aws:SourceAccount and aws:SourceArn`,
    ]);
  });

  it("find targets without retries or an unexplained missing DLQ, honour a stated reason, and flag a stale one", () => {
    expect(problems("gives every target")).toEqual([
      "aws_cloudwatch_event_target.Bare: no retry policy",
      `${TEMPLATE}#Rule.Targets.T: no retry policy`,
      "aws_cloudwatch_event_target.Bare: no dead-letter queue, and the stack does not say why",
      `${TEMPLATE}#Rule.Targets.T: no dead-letter queue, and the stack does not say why`,
      "bad/Gone: listed as a target without a dead-letter queue, but no such target",
    ]);
    expect(exceptions["aws_cloudwatch_event_target.Excused"]).toBe(BAD_STACK_EXCEPTIONS["bad/Excused"]);
  });

  it("find log groups kept forever or less than a year (a year is accepted)", () => {
    expect(problems("keeps every log group for a set period of at least a year")).toEqual([
      `aws_cloudwatch_log_group.Forever: retention never expires; set ${MIN_RETENTION_DAYS} days or more`,
      `aws_cloudwatch_log_group.Month: retention 30; set ${MIN_RETENTION_DAYS} days or more`,
      `${TEMPLATE}#Logs: retention never expires; set ${MIN_RETENTION_DAYS} days or more`,
    ]);
  });
});

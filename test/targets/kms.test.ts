import { TerraformVariable } from "cdktf";
import {
  eventBridgeBusKeyPolicyStatements,
  Queue,
  SecureQueue,
  SnsTarget,
  SqsTarget,
  Topic,
} from "../../modules/targets";
import { ACCOUNT, targetSetup } from "../support/targets";
import { testStack } from "../support/synth";

const QUEUE_ARN = `arn:aws:sqs:ap-southeast-2:${ACCOUNT}:events`;
const TOPIC_ARN = `arn:aws:sns:ap-southeast-2:${ACCOUNT}:alerts`;
const SQS_FIX =
  "Use a customer-managed key whose key policy includes eventBridgeKeyPolicyStatement(), or no key (SSE-SQS, the SecureQueue default).";

describe("AWS managed keys, which EventBridge cannot use", () => {
  it("are refused on a SecureQueue, by alias or alias ARN", () => {
    const { stack } = testStack();
    expect(() => new SecureQueue(stack, "ByAlias", { kmsKeyArn: "alias/aws/sqs" })).toThrow(
      `test/ByAlias: kmsKeyArn 'alias/aws/sqs' is an AWS managed key; EventBridge cannot use it, because its key policy cannot be changed to let events.amazonaws.com use it. ${SQS_FIX}`,
    );
    expect(
      () => new SecureQueue(stack, "ByArn", { kmsKeyArn: `arn:aws:kms:ap-southeast-2:${ACCOUNT}:alias/aws/sqs` }),
    ).toThrow(`test/ByArn: kmsKeyArn 'arn:aws:kms:ap-southeast-2:${ACCOUNT}:alias/aws/sqs' is an AWS managed key`);
  });

  it("are refused on a queue target and on a topic target", () => {
    const { rule } = targetSetup();
    expect(() => rule("ToQueue", new SqsTarget(Queue.fromArn(QUEUE_ARN, { kmsKeyArn: "alias/aws/sqs" })))).toThrow(
      `test/ToQueue: Target0: the queue's KMS key 'alias/aws/sqs' is an AWS managed key; EventBridge cannot use it, because its key policy cannot be changed to let events.amazonaws.com use it. ${SQS_FIX}`,
    );
    expect(() => rule("ToTopic", new SnsTarget(Topic.fromArn(TOPIC_ARN, { kmsKeyId: "alias/aws/sns" })))).toThrow(
      "test/ToTopic: Target0: the topic's KMS key 'alias/aws/sns' is an AWS managed key; EventBridge cannot use it, because its key policy cannot be changed to let events.amazonaws.com use it. Use a customer-managed key whose key policy includes eventBridgeKeyPolicyStatement().",
    );
  });

  it("are refused on a target's dead-letter queue", () => {
    const { stack, rule } = targetSetup();
    const deadLetterQueue = Queue.fromArn(`arn:aws:sqs:ap-southeast-2:${ACCOUNT}:dlq`, { kmsKeyArn: "alias/aws/sqs" });
    expect(() => rule("WithDlq", new SqsTarget(new SecureQueue(stack, "Q"), { deadLetterQueue }))).toThrow(
      "test/WithDlq: the dead-letter queue's KMS key 'alias/aws/sqs' is an AWS managed key;",
    );
  });

  it("leave customer-managed keys and tokens alone", () => {
    const { stack, rule } = targetSetup();
    const key = new TerraformVariable(stack, "key", { type: "string" }).stringValue;
    expect(() => new SecureQueue(stack, "Token", { kmsKeyArn: key })).not.toThrow();
    expect(() => new SecureQueue(stack, "Cmk", { kmsKeyArn: "alias/stax-events" })).not.toThrow();
    expect(() =>
      rule(
        "ToTopic",
        new SnsTarget(
          Topic.fromArn(TOPIC_ARN, {
            kmsKeyId: `arn:aws:kms:ap-southeast-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
          }),
        ),
      ),
    ).not.toThrow();
  });
});

describe("eventBridgeBusKeyPolicyStatements", () => {
  it("lets EventBridge encrypt and decrypt for this bus only, and describe the key, in this account", () => {
    const bus = `arn:aws:events:ap-southeast-2:${ACCOUNT}:event-bus/aws.partner/stax.io/${ACCOUNT}/security-events`;
    expect(eventBridgeBusKeyPolicyStatements(bus, ACCOUNT)).toEqual([
      {
        Sid: "AllowEventBridgeToEncryptTheBus",
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: ["kms:Decrypt", "kms:GenerateDataKey"],
        Resource: "*",
        Condition: {
          StringEquals: {
            "aws:SourceAccount": ACCOUNT,
            "aws:SourceArn": bus,
            "kms:EncryptionContext:aws:events:event-bus:arn": bus,
          },
        },
      },
      {
        Sid: "AllowEventBridgeToDescribeTheKey",
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: "kms:DescribeKey",
        Resource: "*",
        Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
      },
    ]);
  });
});

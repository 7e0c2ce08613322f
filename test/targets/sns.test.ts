import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTarget, Topic } from "../../modules/targets";
import { parsed, refOf, resourcesOf } from "../support/synth";
import { expectDefaultRetryAndDlq, synthTargets, targetSetup } from "../support/targets";

const TOPIC_ARN = "arn:aws:sns:ap-southeast-2:123456789012:security-alerts";

function topicPolicies(synth: Record<string, any>): any[] {
  return Object.values(resourcesOf(synth, "aws_sns_topic_policy"));
}

describe("SnsTarget", () => {
  it("scopes sns:Publish to the rule ARNs in one policy per topic, however many rules target it", () => {
    const { stack, rule } = targetSetup();
    const topic = new SnsTopic(stack, "Topic", { name: "alerts" });
    const target = new SnsTarget(topic);
    rule("A", target);
    rule("B", target);
    const { synth, targets } = synthTargets(stack);

    const policies = topicPolicies(synth);
    expect(policies).toHaveLength(1);
    expect(policies[0].arn).toBe(refOf(topic, "arn"));
    const document = parsed(policies[0].policy);
    expect(document.Statement).toEqual([
      {
        Sid: "AllowEventBridgeRules",
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: "sns:Publish",
        Resource: refOf(topic, "arn"),
        Condition: {
          ArnEquals: {
            "aws:SourceArn": [
              expect.stringMatching(/aws_cloudwatch_event_rule\.A_.*\.arn/),
              expect.stringMatching(/aws_cloudwatch_event_rule\.B_.*\.arn/),
            ],
          },
        },
      },
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "sns:Publish",
        Resource: refOf(topic, "arn"),
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ]);
    for (const t of targets) {
      expect(t.arn).toBe(refOf(topic, "arn"));
      expect(t.role_arn).toBeUndefined();
      expectDefaultRetryAndDlq(t);
    }
  });

  it("grants on a topic known only by ARN with managePolicy, one policy per topic", () => {
    const { stack, rule } = targetSetup();
    const managed = (arn: string) => Topic.fromArn(arn, { managePolicy: true });
    rule("A", new SnsTarget(managed(TOPIC_ARN)));
    rule("B", new SnsTarget(managed(TOPIC_ARN)), new SnsTarget(managed(`${TOPIC_ARN}-2`)));
    const policies = topicPolicies(synthTargets(stack).synth);
    expect(policies.map((p) => p.arn).sort()).toEqual([TOPIC_ARN, `${TOPIC_ARN}-2`]);
    const shared = policies.find((p) => p.arn === TOPIC_ARN);
    expect(parsed(shared.policy).Statement[0].Condition.ArnEquals["aws:SourceArn"]).toHaveLength(2);
  });

  it("remembers the KMS key of an encrypted topic, whose key policy needs eventBridgeKeyPolicyStatement", () => {
    const { stack } = targetSetup();
    const key = "arn:aws:kms:ap-southeast-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    expect(Topic.fromArn(TOPIC_ARN, { kmsKeyId: key }).kmsKeyId).toBe(key);
    expect(Topic.fromResource(new SnsTopic(stack, "T", { name: "t", kmsMasterKeyId: key })).kmsKeyId).toBe(key);
  });

  describe("rejects bad input", () => {
    it("a topic ARN that is not an SNS topic ARN", () => {
      expect(() => Topic.fromArn("arn:aws:sqs:ap-southeast-2:123456789012:security-alerts")).toThrow(
        "Topic.fromArn: 'arn:aws:sqs:ap-southeast-2:123456789012:security-alerts' is not an SNS topic ARN; expected 'arn:aws:sns:<region>:<12-digit account>:<topic name>'.",
      );
      expect(() => Topic.fromArn("arn:aws:sns:ap-southeast-2:123456789012:a/b")).toThrow("is not an SNS topic ARN");
    });

    it("a retry policy out of range", () => {
      const { rule } = targetSetup();
      expect(() =>
        rule("A", new SnsTarget(Topic.fromArn(TOPIC_ARN), { retryPolicy: { maximumRetryAttempts: 200 } })),
      ).toThrow("test/A: retryPolicy.maximumRetryAttempts is 200; it must be a whole number from 0 to 185.");
    });
  });
});

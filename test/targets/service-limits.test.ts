import { Testing } from "cdktf";
import { buildManyRules, MANY_RULES_ACCOUNT, policySizes } from "../../bench/policies";
import { StaxEventRule } from "../../modules/rule";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { EventsLogGroup, LogGroupTarget, LogResourcePolicy, SnsTarget, SqsTarget } from "../../modules/targets";
import { parsed, resourcesOf, synthObject, warningsOf } from "../support/synth";
import { describeWithTerraform, plannedOfType, planStack } from "../support/terraform";
import { ServiceRole } from "../../modules/private/role";

const BUS_RULES = `arn:aws:events:ap-southeast-2:${MANY_RULES_ACCOUNT}:rule/aws.partner/stax.io/${MANY_RULES_ACCOUNT}/security-events/*`;

function many(count: number) {
  const built = buildManyRules(Testing.app(), count);
  return { ...built, synth: synthObject(built.stack) };
}

function queueAllow(synth: Record<string, any>, queueRef: RegExp): any {
  const policy = Object.values(resourcesOf(synth, "aws_sqs_queue_policy")).find((p: any) => queueRef.test(p.queue_url));
  return parsed(policy.policy).Statement[0];
}

describe("service limits are computed at synth, with a fallback", () => {
  it("keeps one ARN per rule while the policies fit (20 rules)", () => {
    const { stack, synth } = many(20);
    expect(queueAllow(synth, /aws_sqs_queue\.Queue_[0-9A-F]+\.url/).Condition.ArnEquals["aws:SourceArn"]).toHaveLength(
      20,
    );
    expect(Object.values(resourcesOf(synth, "aws_lambda_permission"))).toHaveLength(20);
    expect(policySizes(stack).every((p) => !p.busWildcard && p.bytes <= p.limit)).toBe(true);
    expect(warningsOf(stack).filter((w) => w.includes("ArnLike") || w.includes("rule/<bus>/*"))).toEqual([]);
  });

  for (const count of [100, 300]) {
    it(`switches to one rule/<bus>/* pattern per bus when one ARN per rule would not fit (${count} rules)`, () => {
      const { stack, synth } = many(count);

      expect(queueAllow(synth, /aws_sqs_queue\.Queue_[0-9A-F]+\.url/)).toMatchObject({
        Sid: "AllowEventBridgeRules",
        Action: "sqs:SendMessage",
        Condition: { ArnLike: { "aws:SourceArn": BUS_RULES } },
      });
      expect(queueAllow(synth, /StaxTargetDeadLetterQueue/).Condition).toEqual({
        ArnLike: { "aws:SourceArn": BUS_RULES },
      });
      const permissions = Object.values(resourcesOf(synth, "aws_lambda_permission"));
      expect(permissions).toEqual([
        expect.objectContaining({
          action: "lambda:InvokeFunction",
          principal: "events.amazonaws.com",
          source_arn: BUS_RULES,
          source_account: MANY_RULES_ACCOUNT,
        }),
      ]);
      for (const p of policySizes(stack)) expect(p.bytes).toBeLessThanOrEqual(p.limit);
      const warnings = warningsOf(stack).join("\n");
      expect(warnings).toMatch(
        /one ARN per rule would make the policy of queue .*Queue about \d+ bytes \(limit 8192\)/,
      );
      expect(warnings).toMatch(
        /one permission per rule would make the policy of function .* about \d+ bytes \(limit 20480\)/,
      );
    });
  }

  it("falls back for an SNS topic past 30 KB and for the CloudWatch Logs resource policy past 5,120 characters", () => {
    const { stack, rules } = buildManyRules(Testing.app(), 300);
    const topic = new SnsTopic(stack, "Topic", { name: "alerts" });
    const logs = new EventsLogGroup(stack, "Logs");
    for (const rule of rules.slice(0, 3)) rule.addTarget(new LogGroupTarget(logs));
    for (const rule of rules) rule.addTarget(new SnsTarget(topic));
    for (const rule of rules.slice(3, 60)) rule.addTarget(new LogGroupTarget(logs));
    const synth = synthObject(stack);

    const [topicPolicy] = Object.values(resourcesOf(synth, "aws_sns_topic_policy"));
    expect(parsed(topicPolicy.policy).Statement[0].Condition).toEqual({ ArnLike: { "aws:SourceArn": BUS_RULES } });
    const [logPolicy] = Object.values(resourcesOf(synth, "aws_cloudwatch_log_resource_policy"));
    expect(parsed(logPolicy.policy_document).Statement[0].Condition).toEqual({
      ArnLike: { "aws:SourceArn": BUS_RULES },
    });
    const log = stack.node.findAll().find((c): c is LogResourcePolicy => c instanceof LogResourcePolicy)!;
    expect(log.usesBusWildcard()).toBe(true);
    expect(log.estimatedSize()).toBeLessThanOrEqual(5120);
  });

  it("gives each bus its own pattern", () => {
    const { stack, queue } = buildManyRules(Testing.app(), 100);
    const other = {
      eventBusName: "default",
      eventBusArn: `arn:aws:events:ap-southeast-2:${MANY_RULES_ACCOUNT}:event-bus/default`,
      accountId: MANY_RULES_ACCOUNT,
    };
    new StaxEventRule(stack, "OnDefault", {
      bus: other,
      eventPattern: { source: ["aws.guardduty"] },
      targets: [new SqsTarget(queue)],
    });
    const allow = queueAllow(synthObject(stack), /aws_sqs_queue\.Queue_[0-9A-F]+\.url/);
    expect(allow.Condition.ArnLike["aws:SourceArn"]).toEqual([
      BUS_RULES,
      `arn:aws:events:ap-southeast-2:${MANY_RULES_ACCOUNT}:rule/*`,
    ]);
  });

  it("fails at synth when a role's inline policy would exceed IAM's 10,240 characters", () => {
    const { stack } = buildManyRules(Testing.app(), 1);
    const resources = Array.from(
      { length: 60 },
      (_, i) => `arn:aws:events:ap-southeast-2:${MANY_RULES_ACCOUNT}:event-bus/${"b".repeat(150)}-${i}`,
    );
    new ServiceRole(stack, "Big", {
      sourceAccount: MANY_RULES_ACCOUNT,
      sourceArns: [`arn:aws:events:ap-southeast-2:${MANY_RULES_ACCOUNT}:rule/forward`],
      actions: ["events:PutEvents"],
      resources,
    });
    expect(() => Testing.synth(stack, true)).toThrow(
      /\[stax-many-rules\/Big\] the role's inline policy is estimated at \d+ characters .*; IAM allows 10240 for all inline policies of a role\./,
    );
  });
});

describeWithTerraform("100 and 300 rules on one bus, planned with terraform", () => {
  for (const count of [100, 300]) {
    it(`plans ${count} rules delivering to one queue and one function, policies within their limits`, () => {
      const { synth } = many(count);
      const { plan } = planStack(synth);
      expect(plannedOfType(plan, "aws_cloudwatch_event_rule")).toHaveLength(count);
      expect(plannedOfType(plan, "aws_cloudwatch_event_target")).toHaveLength(2 * count);
      const [permission] = plannedOfType(plan, "aws_lambda_permission");
      expect(permission.values.source_arn).toBe(BUS_RULES);
      const dlqPolicy = plannedOfType(plan, "aws_sqs_queue_policy").find((p) =>
        p.address.includes("StaxTargetDeadLetterQueue"),
      );
      expect(dlqPolicy).toBeDefined();
    });
  }
});

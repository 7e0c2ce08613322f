/**
 * Roles the library creates for a service are trusted with both aws:SourceAccount and
 * aws:SourceArn, and the trust builder refuses anything less.
 */
import { serviceTrustPolicy } from "../../modules/private/iam";
import { ServiceRole } from "../../modules/private/role";
import { StaxEventRule } from "../../modules/rule";
import { StepFunctionsTarget } from "../../modules/targets";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { CloudwatchEventBus } from "@cdktf/provider-aws/lib/cloudwatch-event-bus";
import { refOf, resourcesOf, synthObject, testStack } from "../support/synth";
import { roleOf } from "../support/targets";
import { describeWithTerraform, plannedOfType, planStack } from "../support/terraform";

const RULE_ARN = "arn:aws:events:ap-southeast-2:123456789012:rule/r";

describe("serviceTrustPolicy", () => {
  it("writes the source account and the exact source ARNs", () => {
    expect(
      JSON.parse(
        serviceTrustPolicy({ service: "events.amazonaws.com", sourceAccount: "123456789012", sourceArns: [RULE_ARN] }),
      ),
    ).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: "events.amazonaws.com" },
          Action: "sts:AssumeRole",
          Condition: {
            StringEquals: { "aws:SourceAccount": "123456789012" },
            ArnEquals: { "aws:SourceArn": RULE_ARN },
          },
        },
      ],
    });
  });

  it("writes ARN patterns with ArnLike", () => {
    const pattern = "arn:aws:events:*:123456789012:rule/stax-*";
    const trust = JSON.parse(
      serviceTrustPolicy({
        service: "events.amazonaws.com",
        sourceAccount: "123456789012",
        sourceArnPatterns: [pattern],
      }),
    );
    expect(trust.Statement[0].Condition).toEqual({
      StringEquals: { "aws:SourceAccount": "123456789012" },
      ArnLike: { "aws:SourceArn": pattern },
    });
  });

  it("refuses a trust without an account, without source ARNs, or with both ARNs and patterns", () => {
    expect(() =>
      serviceTrustPolicy({ service: "events.amazonaws.com", sourceAccount: "", sourceArns: [RULE_ARN] }),
    ).toThrow("trust policy for events.amazonaws.com needs a source account and source ARNs (or ARN patterns)");
    expect(() => serviceTrustPolicy({ service: "events.amazonaws.com", sourceAccount: "123456789012" })).toThrow(
      "trust policy for events.amazonaws.com needs a source account and source ARNs (or ARN patterns)",
    );
    expect(() =>
      serviceTrustPolicy({
        service: "events.amazonaws.com",
        sourceAccount: "123456789012",
        sourceArns: [RULE_ARN],
        sourceArnPatterns: ["arn:aws:events:*:123456789012:rule/*"],
      }),
    ).toThrow(
      "trust policy for events.amazonaws.com: give source ARNs or ARN patterns, not both (they would both apply)",
    );
  });
});

describe("ServiceRole", () => {
  it("puts each grant's condition on its statement", () => {
    const { stack } = testStack();
    new ServiceRole(stack, "Role", {
      sourceAccount: "123456789012",
      sourceArns: [RULE_ARN],
      actions: ["events:PutEvents"],
      resources: ["arn:aws:events:ap-southeast-2:123456789012:event-bus/b"],
      additionalGrants: [
        {
          actions: ["kms:Decrypt"],
          resources: ["arn:aws:kms:ap-southeast-2:123456789012:key/k"],
          condition: { StringEquals: { "kms:ViaService": "sqs.ap-southeast-2.amazonaws.com" } },
        },
      ],
    });
    const policy = JSON.parse((Object.values(resourcesOf(synthObject(stack), "aws_iam_role_policy"))[0] as any).policy);
    expect(policy.Statement[1]).toEqual({
      Effect: "Allow",
      Action: ["kms:Decrypt"],
      Resource: ["arn:aws:kms:ap-southeast-2:123456789012:key/k"],
      Condition: { StringEquals: { "kms:ViaService": "sqs.ap-southeast-2.amazonaws.com" } },
    });
  });
});

describe("ServiceRole trust policy size", () => {
  /** A role trusted by `count` rules whose ARNs are known only at apply (each counted at 256 characters). */
  function trustedBy(count: number) {
    const { stack } = testStack();
    const rules = Array.from({ length: count }, (_, i) => new TerraformVariable(stack, `rule${i}`, {}).stringValue);
    new ServiceRole(stack, "Role", {
      sourceAccount: "123456789012",
      sourceArns: rules,
      actions: ["events:PutEvents"],
      resources: ["arn:aws:events:ap-southeast-2:123456789012:event-bus/b"],
    });
    return () => Testing.synth(stack, true);
  }

  it("refuses a trust policy over IAM's 2,048 characters, and accepts one within", () => {
    expect(trustedBy(8)).toThrow(
      /\[test\/Role\] the role's trust policy is estimated at \d+ characters \(values known only at apply at 256\); IAM allows 2048 by default \(quota "Role trust policy length", up to 4096\)\. Trust fewer sources per role\./,
    );
    expect(trustedBy(7)).not.toThrow();
  });
});

describe("a target role on a bus whose account is not declared", () => {
  function build(eventBusArn: string | ((stack: TerraformStack) => string)) {
    const { stack } = testStack();
    if (typeof eventBusArn !== "string") eventBusArn = eventBusArn(stack);
    const rule = new StaxEventRule(stack, "Rule", {
      bus: { eventBusName: "b", eventBusArn },
      eventPattern: { source: ["aws.partner/stax.io/123456789012/security-events"] },
      targets: [
        new StepFunctionsTarget({ stateMachineArn: "arn:aws:states:ap-southeast-2:123456789012:stateMachine:m" }),
      ],
    });
    const synth = synthObject(stack);
    const [target] = Object.values<any>(resourcesOf(synth, "aws_cloudwatch_event_target"));
    const role = Object.values<any>(resourcesOf(synth, "aws_iam_role"))[0];
    return { synth, rule, target, trust: role.assume_role_policy as string };
  }

  it("takes aws:SourceAccount from the bus's ARN, next to aws:SourceArn", () => {
    const { synth, rule, target } = build("arn:aws:events:ap-southeast-2:210987654321:event-bus/b");
    expect(roleOf(synth, target.role_arn).trust.Statement[0].Condition).toEqual({
      StringEquals: { "aws:SourceAccount": "210987654321" },
      ArnEquals: { "aws:SourceArn": refOf(rule.rule, "arn") },
    });
  });

  const unknownBus = () => build((stack) => new CloudwatchEventBus(stack, "B", { name: "b" }).arn);

  it("reads it from the rule's ARN when the bus's ARN is not known either", () => {
    const { trust, rule } = unknownBus();
    const ruleArn = `aws_cloudwatch_event_rule.${rule.rule.friendlyUniqueId}.arn`;
    expect(trust).toContain(`"aws:SourceAccount":"\${element(split(":", ${ruleArn}), 4)}"`);
    expect(trust).toContain(`"aws:SourceArn":"\${${ruleArn}}"`);
  });

  describeWithTerraform("with terraform", () => {
    it("is an expression terraform accepts inside the trust policy", () => {
      const { validate, plan } = planStack(unknownBus().synth);
      expect(validate.valid).toBe(true);
      expect(plannedOfType(plan, "aws_iam_role")).toHaveLength(1);
    });
  });
});

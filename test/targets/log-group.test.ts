import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { StaxEventBus } from "../../modules/bus";
import { StaxEventRule } from "../../modules/rule";
import { EventField, EventsLogGroup, LogGroup, LogGroupTarget, RuleTargetInput } from "../../modules/targets";
import { onlyResource, parsed, refOf, resourcesOf } from "../support/synth";
import { expectDefaultRetryAndDlq, synthTargets, targetSetup } from "../support/targets";

const LOG_GROUP_ARN = "arn:aws:logs:ap-southeast-2:123456789012:log-group:/aws/events/existing";

describe("LogGroupTarget", () => {
  it("writes ONE resource policy per stack for all log groups, each scoped to the rules that target it", () => {
    const { stack, rule } = targetSetup();
    const a = new EventsLogGroup(stack, "Audit");
    const b = new CloudwatchLogGroup(stack, "Mine", { name: "/aws/events/mine", retentionInDays: 30 });
    rule("R1", new LogGroupTarget(a));
    rule("R2", new LogGroupTarget(a), new LogGroupTarget(b));
    rule("R3", new LogGroupTarget(LogGroup.fromArn(`${LOG_GROUP_ARN}:*`)));
    const { synth, targets } = synthTargets(stack);

    const policy = onlyResource(synth, "aws_cloudwatch_log_resource_policy");
    expect(policy.policy_name).toBe("stax-events-test");
    const statements = parsed(policy.policy_document).Statement;
    expect(statements.map((s: any) => s.Resource)).toEqual([
      `${refOf(a.logGroup, "arn")}:*`,
      `${refOf(b, "arn")}:*`,
      `${LOG_GROUP_ARN}:*`,
    ]);
    for (const s of statements) {
      expect(s).toMatchObject({
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      });
    }
    expect(statements[0].Condition.ArnEquals["aws:SourceArn"]).toEqual([
      expect.stringMatching(/aws_cloudwatch_event_rule\.R1_.*\.arn/),
      expect.stringMatching(/aws_cloudwatch_event_rule\.R2_.*\.arn/),
    ]);
    expect(statements[2].Condition.ArnEquals["aws:SourceArn"]).toMatch(/aws_cloudwatch_event_rule\.R3_.*\.arn/);
    expect(targets.map((t) => t.arn)).toEqual([
      refOf(a.logGroup, "arn"),
      refOf(a.logGroup, "arn"),
      refOf(b, "arn"),
      LOG_GROUP_ARN,
    ]);
    for (const t of targets) {
      expect(t.role_arn).toBeUndefined(); // CloudWatch Logs targets must not name a role
      expectDefaultRetryAndDlq(t);
    }
  });

  it("writes one policy per provider (region) when rules live in several", () => {
    const { stack, rule } = targetSetup();
    const west = new AwsProvider(stack, "west", { region: "us-west-2", alias: "west" });
    const westBus = new StaxEventBus(stack, "WestBus", {
      accountId: "123456789012",
      sourceName: "security-events",
      provider: west,
    });
    rule("R1", new LogGroupTarget(new EventsLogGroup(stack, "Sydney")));
    new StaxEventRule(stack, "R2", {
      bus: westBus,
      eventPattern: westBus.securityEvents.failedLogins(),
      targets: [new LogGroupTarget(new EventsLogGroup(stack, "Oregon", { provider: west }))],
    });
    const policies = Object.values(resourcesOf(synthTargets(stack).synth, "aws_cloudwatch_log_resource_policy"));
    expect(policies.map((p: any) => p.policy_name).sort()).toEqual(["stax-events-test", "stax-events-test-west"]);
    expect(policies.find((p: any) => p.policy_name.endsWith("west")).provider).toBe("aws.west");
  });

  it("creates log groups under /aws/events/ with 365 days retention by default, and optional KMS", () => {
    const { stack } = targetSetup();
    new EventsLogGroup(stack, "Default");
    new EventsLogGroup(stack, "Custom", {
      logGroupName: "/stax/security",
      retentionDays: 30,
      kmsKeyArn: "arn:aws:kms:ap-southeast-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    });
    const groups = Object.values(resourcesOf(synthTargets(stack).synth, "aws_cloudwatch_log_group"));
    expect(groups).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "/aws/events/test-Default", retention_in_days: 365 }),
        expect.objectContaining({
          name: "/stax/security",
          retention_in_days: 30,
          kms_key_id: "arn:aws:kms:ap-southeast-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        }),
      ]),
    );
  });

  describe("rejects bad input", () => {
    it("a retention CloudWatch Logs does not offer", () => {
      const { stack } = targetSetup();
      expect(() => new EventsLogGroup(stack, "G", { retentionDays: 10 })).toThrow(
        "test/G: retentionDays is 10; CloudWatch Logs accepts only 0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (0 keeps logs forever). Pass one of those.",
      );
    });

    it("a log group name with characters CloudWatch Logs does not allow", () => {
      const { stack } = targetSetup();
      expect(() => new EventsLogGroup(stack, "G", { logGroupName: "stax events" })).toThrow(
        "test/G: log group name 'stax events' is not valid",
      );
    });

    it("a log group ARN that is not one", () => {
      expect(() => LogGroup.fromArn("arn:aws:logs:ap-southeast-2:123456789012:destination:x")).toThrow(
        "LogGroup.fromArn: 'arn:aws:logs:ap-southeast-2:123456789012:destination:x' is not a CloudWatch Logs log group ARN; expected 'arn:aws:logs:<region>:<12-digit account>:log-group:<name>'.",
      );
    });

    it("an input transformer that is not {timestamp, message}", () => {
      const { stack, rule } = targetSetup();
      const logGroup = new EventsLogGroup(stack, "G");
      const wrong = RuleTargetInput.fromObject({ who: EventField.fromPath("$.detail.email") });
      expect(() => rule("A", new LogGroupTarget(logGroup, { input: wrong }))).toThrow(
        'test/A: Target0: CloudWatch Logs takes only {"timestamp": …, "message": …} from an input transformer. Build the input with RuleTargetInput.fromObject({ timestamp: EventField.time, message: … }).',
      );
      const right = RuleTargetInput.fromObject({
        timestamp: EventField.time,
        message: `${EventField.detailType} by ${EventField.fromPath("$.detail.meta.user.username")}`,
      });
      expect(() => rule("B", new LogGroupTarget(logGroup, { input: right }))).not.toThrow();
    });

    it("a retry policy out of range", () => {
      const { stack, rule } = targetSetup();
      expect(() =>
        rule("A", new LogGroupTarget(new EventsLogGroup(stack, "G"), { retryPolicy: { maximumRetryAttempts: 1.5 } })),
      ).toThrow("test/A: retryPolicy.maximumRetryAttempts is 1.5; it must be a whole number from 0 to 185.");
    });
  });
});

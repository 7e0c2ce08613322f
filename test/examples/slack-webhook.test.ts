import { synthExample } from "../support/examples";
import { onlyResource, parsed } from "../support/synth";
import { describeWithTerraform, plannedOfType, planStack } from "../support/terraform";

const WEBHOOK_URL = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";

describe("example: slack-webhook", () => {
  const [{ synth }] = synthExample("slack-webhook");

  it("synthesizes what its snapshot shows (a change here is an API change to review)", () => {
    expect(synth).toMatchSnapshot();
  });

  it("takes the webhook URL from a sensitive variable and writes no secret or output", () => {
    expect(synth.variable).toEqual({
      slack_alerts_endpoint: expect.objectContaining({ type: "string", sensitive: true }),
    });
    expect(onlyResource(synth, "aws_cloudwatch_event_api_destination").invocation_endpoint).toBe(
      "${var.slack_alerts_endpoint}",
    );
    expect(JSON.stringify(synth)).not.toContain("hooks.slack.com");
    expect(synth.output).toBeUndefined();
  });

  it("sends failed logins, identity changes, API-token lifecycle, failed account operations and new event types to Slack, and every Security event to one log group", () => {
    const targets = Object.values<any>(synth.resource.aws_cloudwatch_event_target);
    const destination = "${aws_cloudwatch_event_api_destination.SlackAlerts_Destination_";
    expect(targets.filter((t) => t.arn.startsWith(destination))).toHaveLength(5);
    const patterns = Object.values<any>(synth.resource.aws_cloudwatch_event_rule).map((r) => parsed(r.event_pattern));
    expect(patterns).toContainEqual({
      source: ["aws.partner/stax.io/123456789012/security-events"],
      "detail-type": ["AccountManagement: AccountCreateEvent", "AccountManagement: AccountUpdateEvent"],
      detail: { status: ["FAILED"] },
    });
    expect(patterns.filter((p) => p["detail-type"][0]["anything-but"]?.length === 22)).toHaveLength(1);
    expect(targets.filter((t) => t.arn.startsWith("${aws_cloudwatch_log_group."))).toHaveLength(1);
    const statements = parsed(onlyResource(synth, "aws_cloudwatch_log_resource_policy").policy_document).Statement;
    expect(statements).toEqual([
      expect.objectContaining({
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.SecurityEventLog_LogGroup_.*\.arn\}:\*$/),
      }),
    ]);
  });

  describeWithTerraform("with terraform", () => {
    let plan: any;
    beforeAll(() => {
      const previous = process.env.TF_VAR_slack_alerts_endpoint;
      process.env.TF_VAR_slack_alerts_endpoint = WEBHOOK_URL;
      try {
        plan = planStack(synth).plan;
      } finally {
        if (previous === undefined) delete process.env.TF_VAR_slack_alerts_endpoint;
        else process.env.TF_VAR_slack_alerts_endpoint = previous;
      }
    });

    it("plans the destination at Slack's rate, with the URL marked sensitive", () => {
      const [destination] = plannedOfType(plan, "aws_cloudwatch_event_api_destination") as any[];
      expect(destination.values).toMatchObject({
        name: "stax-slack-webhook-SlackAlerts",
        http_method: "POST",
        invocation_rate_limit_per_second: 1,
      });
      expect(destination.sensitive_values.invocation_endpoint).toBe(true);
      expect(plannedOfType(plan, "aws_cloudwatch_event_connection").map((c) => c.values.authorization_type)).toEqual([
        "API_KEY",
      ]);
      expect(plan.output_changes ?? {}).toEqual({});
    });

    it("plans one least-privilege role per Slack rule and no role for the log group target", () => {
      expect(plannedOfType(plan, "aws_iam_role")).toHaveLength(5);
      expect(plannedOfType(plan, "aws_iam_role_policy").map((p) => p.values.name)).toEqual(
        Array(5).fill("least-privilege"),
      );
      const logTarget = plannedOfType(plan, "aws_cloudwatch_event_target").find((t) =>
        t.address.startsWith("aws_cloudwatch_event_target.AllSecurityEvents"),
      )!;
      expect(logTarget.values.role_arn).toBeNull();
    });

    it("plans ONE CloudWatch Logs resource policy and a log group kept 365 days", () => {
      expect(plannedOfType(plan, "aws_cloudwatch_log_resource_policy").map((p) => p.values.policy_name)).toEqual([
        "stax-events-stax-slack-webhook",
      ]);
      expect(plannedOfType(plan, "aws_cloudwatch_log_group").map((g) => g.values)).toEqual([
        expect.objectContaining({ name: "/aws/events/stax-slack-webhook-SecurityEventLog", retention_in_days: 365 }),
      ]);
    });

    it("plans every target with a retry policy and the dead-letter queue", () => {
      const targets = plannedOfType(plan, "aws_cloudwatch_event_target");
      expect(targets).toHaveLength(6);
      for (const t of targets) {
        expect(t.values.retry_policy).toEqual([{ maximum_event_age_in_seconds: 86400, maximum_retry_attempts: 185 }]);
        const change = plan.resource_changes.find((c: any) => c.address === t.address);
        expect(change.change.after_unknown.dead_letter_config).toEqual([{ arn: true }]);
      }
    });
  });
});

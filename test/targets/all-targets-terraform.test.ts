/**
 * One offline terraform plan of a stack using every target the examples do not: SNS (a topic of
 * yours and one by ARN), Step Functions, Lambda by ARN, another bus, log groups by ARN, and
 * webhooks with API-key, basic and OAuth connections. It proves the blocks and policies the
 * targets write are valid for the AWS provider, and checks what is known at plan time.
 */
import { TerraformVariable } from "cdktf";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import {
  EventBusTarget,
  EventField,
  Lambda,
  LambdaTarget,
  LogGroup,
  LogGroupTarget,
  RuleTargetInput,
  SnsTarget,
  StateMachine,
  StepFunctionsTarget,
  Topic,
  WebhookAuth,
  WebhookTarget,
} from "../../modules/targets";
import { synthObject } from "../support/synth";
import { targetSetup } from "../support/targets";
import { describeWithTerraform, plannedOfType, planStack } from "../support/terraform";

function build() {
  const { stack, rule } = targetSetup();
  const password = new TerraformVariable(stack, "password", { type: "string", sensitive: true });
  rule(
    "Notify",
    new SnsTarget(new SnsTopic(stack, "Topic", { name: "stax-alerts" }), {
      input: RuleTargetInput.fromText(
        `${EventField.detailType} by ${EventField.fromPath("$.detail.meta.user.username")}`,
      ),
    }),
    new SnsTarget(Topic.fromArn("arn:aws:sns:ap-southeast-2:123456789012:existing", { managePolicy: true })),
    new StepFunctionsTarget(StateMachine.fromArn("arn:aws:states:ap-southeast-2:123456789012:stateMachine:respond")),
    new LambdaTarget(
      Lambda.fromArn("arn:aws:lambda:ap-southeast-2:123456789012:function:existing", { managePolicy: true }),
    ),
    new EventBusTarget("arn:aws:events:us-east-1:210987654321:event-bus/central"),
  );
  rule(
    "Hooks",
    new WebhookTarget(stack, "ApiKey", {
      endpoint: "https://a.example.com/in",
      auth: WebhookAuth.apiKey({ headerName: "x-api-key" }),
    }),
    new WebhookTarget(stack, "Basic", {
      endpoint: "https://b.example.com/in",
      auth: WebhookAuth.basic({ username: "stax", password: password.stringValue }),
      httpMethod: "PUT",
    }),
    new WebhookTarget(stack, "OAuth", {
      endpoint: "https://c.example.com/in",
      auth: WebhookAuth.oauthClientCredentials({
        authorizationEndpoint: "https://auth.example.com/token",
        clientId: "stax",
      }),
      invocationRateLimitPerSecond: 300,
    }),
    new LogGroupTarget(LogGroup.fromArn("arn:aws:logs:ap-southeast-2:123456789012:log-group:/aws/events/existing")),
  );
  return synthObject(stack);
}

describeWithTerraform("every target, planned with terraform", () => {
  let plan: any;
  beforeAll(() => {
    const vars = { TF_VAR_password: "p", TF_VAR_api_key_api_key: "k", TF_VAR_oauth_client_secret: "s" };
    Object.assign(process.env, vars);
    try {
      plan = planStack(build()).plan;
    } finally {
      for (const name of Object.keys(vars)) delete process.env[name];
    }
  });

  it("plans one policy per topic and no role for resource-policy targets", () => {
    expect(plannedOfType(plan, "aws_sns_topic_policy").map((p) => p.values?.arn)).toContain(
      "arn:aws:sns:ap-southeast-2:123456789012:existing",
    );
    expect(plannedOfType(plan, "aws_sns_topic_policy")).toHaveLength(2);
    const targets = plannedOfType(plan, "aws_cloudwatch_event_target");
    const byArn = (arn: string) => targets.find((t) => t.values.arn === arn)!.values;
    expect(byArn("arn:aws:sns:ap-southeast-2:123456789012:existing").role_arn).toBeNull();
    expect(byArn("arn:aws:lambda:ap-southeast-2:123456789012:function:existing").role_arn).toBeNull();
    expect(byArn("arn:aws:logs:ap-southeast-2:123456789012:log-group:/aws/events/existing").role_arn).toBeNull();
  });

  it("plans a Lambda permission for the function known by ARN", () => {
    expect(plannedOfType(plan, "aws_lambda_permission").map((p) => p.values)).toEqual([
      expect.objectContaining({
        function_name: "arn:aws:lambda:ap-southeast-2:123456789012:function:existing",
        principal: "events.amazonaws.com",
      }),
    ]);
  });

  it("plans API-key, basic and OAuth connections with their secrets sensitive", () => {
    const connections = plannedOfType(plan, "aws_cloudwatch_event_connection") as any[];
    const byType = Object.fromEntries(
      connections.map((c) => [c.values.authorization_type, c.sensitive_values.auth_parameters[0]]),
    );
    expect(Object.keys(byType).sort()).toEqual(["API_KEY", "BASIC", "OAUTH_CLIENT_CREDENTIALS"]);
    expect(byType.API_KEY.api_key).toEqual([{ value: true }]);
    expect(byType.BASIC.basic).toEqual([{ password: true }]);
    expect(byType.OAUTH_CLIENT_CREDENTIALS.oauth[0].client_parameters).toEqual([{ client_secret: true }]);
    expect(
      plannedOfType(plan, "aws_cloudwatch_event_api_destination")
        .map((d) => d.values.invocation_rate_limit_per_second)
        .sort(),
    ).toEqual([10, 10, 300]);
  });

  it("plans a least-privilege role for each role-based target: Step Functions, the other bus, three webhooks", () => {
    expect(plannedOfType(plan, "aws_iam_role")).toHaveLength(5);
    expect(plannedOfType(plan, "aws_cloudwatch_log_resource_policy")).toHaveLength(1);
    for (const t of plannedOfType(plan, "aws_cloudwatch_event_target")) {
      expect(t.values.retry_policy).toEqual([{ maximum_event_age_in_seconds: 86400, maximum_retry_attempts: 185 }]);
    }
  });
});

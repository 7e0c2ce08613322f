import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { StaxEventBus } from "../../modules/bus";
import { SecurityEventCollector } from "../../modules/forwarding";
import { StaxEventRule } from "../../modules/rule";
import {
  EventBusTarget,
  LambdaTarget,
  Queue,
  QueuePolicy,
  SecureQueue,
  SnsTarget,
  SqsTarget,
} from "../../modules/targets";
import { parsed, resourcesOf, warningsOf } from "../support/synth";
import { stacksApp, synthApp } from "../support/stacks";
import { roleOf } from "../support/targets";

const LOGGING = "111111111111";
const SECURITY = "222222222222";

/** The logging account's stack (partner bus) and the security account's stack, one provider each. */
function accounts() {
  const { app, stacks } = stacksApp(["logging", "security"]);
  const [logging, security] = stacks;
  // Each stack's provider pins its account, as an assume_role provider would.
  for (const [stack, account] of [
    [logging, LOGGING],
    [security, SECURITY],
  ] as const) {
    (stack.node.findChild("aws") as AwsProvider).allowedAccountIds = [account];
  }
  const bus = new StaxEventBus(logging, "Bus", { accountId: LOGGING, sourceName: "security-events" });
  const rule = (id: string, ...targets: any[]) =>
    new StaxEventRule(logging, id, { bus, eventPattern: bus.securityEvents.failedLogins(), targets });
  return { app, logging, security, bus, rule };
}

describe("cross-account delivery", () => {
  it("delivers to a queue in another account through a role the queue's policy admits", () => {
    const { app, security, rule } = accounts();
    const queue = new SecureQueue(security, "Findings");
    rule("ToSecurity", new SqsTarget(queue));
    const out = synthApp(app);

    const [target] = Object.values(resourcesOf(out.logging, "aws_cloudwatch_event_target"));
    const role = roleOf(out.logging, target.role_arn);
    expect(role.trust.Statement[0]).toMatchObject({
      Principal: { Service: "events.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: {
        StringEquals: { "aws:SourceAccount": LOGGING },
        ArnEquals: { "aws:SourceArn": expect.stringMatching(/aws_cloudwatch_event_rule\.ToSecurity_/) },
      },
    });
    expect(role.policies).toEqual([
      {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: ["sqs:SendMessage"],
            Resource: [expect.stringMatching(/terraform_remote_state\.cross-stack-reference-input-security/)],
          },
        ],
      },
    ]);
    const roleName = Object.values(resourcesOf(out.logging, "aws_iam_role"))[0].name;
    const policy = Object.values(resourcesOf(out.security, "aws_sqs_queue_policy"))
      .map((p: any) => parsed(p.policy))
      .find((p: any) => p.Statement.some((s: any) => s.Sid === "AllowEventBridgeRolesOfOtherAccounts"));
    expect(policy.Statement[0]).toEqual({
      Sid: "AllowEventBridgeRolesOfOtherAccounts",
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${LOGGING}:role/${roleName}` },
      Action: "sqs:SendMessage",
      Resource: expect.stringMatching(/aws_sqs_queue\.Findings_/),
    });
  });

  it("does the same for a topic and a function, each with its own role", () => {
    const { app, security, rule } = accounts();
    const topic = new SnsTopic(security, "Topic", { name: "alerts" });
    const fn = new LambdaFunction(security, "Fn", {
      functionName: "responder",
      role: `arn:aws:iam::${SECURITY}:role/responder`,
      runtime: "nodejs20.x",
      handler: "index.handler",
      s3Bucket: "artifacts",
      s3Key: "responder.zip",
    });
    rule("ToSecurity", new SnsTarget(topic), new LambdaTarget(fn));
    const out = synthApp(app);
    const targets = Object.values(resourcesOf(out.logging, "aws_cloudwatch_event_target"));
    const [publish, invoke] = targets.map((t) => roleOf(out.logging, t.role_arn).policies[0].Statement[0].Action);
    expect([publish, invoke]).toEqual([["sns:Publish"], ["lambda:InvokeFunction"]]);

    const roleNames = Object.values(resourcesOf(out.logging, "aws_iam_role")).map((r: any) => r.name);
    const [topicPolicy] = Object.values(resourcesOf(out.security, "aws_sns_topic_policy"));
    expect(parsed(topicPolicy.policy).Statement[0].Principal).toEqual({
      AWS: `arn:aws:iam::${LOGGING}:role/${roleNames[0]}`,
    });
    const permissions = Object.values(resourcesOf(out.security, "aws_lambda_permission"));
    expect(permissions).toEqual([
      expect.objectContaining({
        principal: `arn:aws:iam::${LOGGING}:role/${roleNames[1]}`,
        action: "lambda:InvokeFunction",
      }),
    ]);
    expect(resourcesOf(out.logging, "aws_lambda_permission")).toEqual({});
  });

  it("emits the statement admitting the role for a queue in another account it does not manage", () => {
    const { logging, rule } = accounts();
    const queue = Queue.fromArn(`arn:aws:sqs:ap-southeast-2:${SECURITY}:owned-by-security`);
    rule("ToSecurity", new SqsTarget(queue));
    const statements = QueuePolicy.statementsFor(logging, queue);
    expect(statements).toEqual([
      {
        Sid: "AllowEventBridgeRolesOfOtherAccounts",
        Effect: "Allow",
        Principal: { AWS: expect.stringMatching(new RegExp(`^arn:aws:iam::${LOGGING}:role/`)) },
        Action: "sqs:SendMessage",
        Resource: `arn:aws:sqs:ap-southeast-2:${SECURITY}:owned-by-security`,
      },
    ]);
  });

  it("forwards to a SecurityEventCollector bus in the security account that admits the logging account", () => {
    const { app, security, rule } = accounts();
    const collector = new SecurityEventCollector(security, "Collector", {
      accountId: SECURITY,
      region: "ap-southeast-2",
      allowedAccountIds: [LOGGING],
    });
    rule("Forward", new EventBusTarget(collector.staticEventBusArn));
    const out = synthApp(app);
    const [target] = Object.values(resourcesOf(out.logging, "aws_cloudwatch_event_target"));
    expect(roleOf(out.logging, target.role_arn).policies[0].Statement).toEqual([
      { Effect: "Allow", Action: ["events:PutEvents"], Resource: [collector.staticEventBusArn] },
    ]);
    const [busPolicy] = Object.values(resourcesOf(out.security, "aws_cloudwatch_event_bus_policy"));
    expect(parsed(busPolicy.policy).Statement).toEqual([
      expect.objectContaining({ Principal: { AWS: [`arn:aws:iam::${LOGGING}:root`] }, Action: "events:PutEvents" }),
    ]);
  });

  describe("refuses what EventBridge cannot deliver, with the fix", () => {
    it("a queue in another region", () => {
      const { rule } = accounts();
      expect(() => rule("R", new SqsTarget(Queue.fromArn(`arn:aws:sqs:us-east-1:${SECURITY}:q`)))).toThrow(
        "logging/R: Target0: the SQS queue is in us-east-1 and the rule in ap-southeast-2; EventBridge delivers to an SQS queue only in the rule's region. Put a bus in between: forward with an EventBusTarget to a bus in us-east-1 and target the SQS queue from a rule there.",
      );
    });

    it("a dead-letter queue in another account", () => {
      const { security, rule } = accounts();
      const dlq = new SecureQueue(security, "Dlq");
      expect(() => rule("R", new SqsTarget(new SecureQueue(security, "Q"), { deadLetterQueue: dlq }))).toThrow(
        `logging/R: the dead-letter queue is in account ${SECURITY}, ap-southeast-2, and the rule in account ${LOGGING}, ap-southeast-2; EventBridge needs a target's dead-letter queue in the rule's account and region. Pass a queue there as deadLetterQueue (or leave it out for the stack's default).`,
      );
    });
  });

  it("warns nothing about unmanaged policies for resources of the app", () => {
    const { app, logging, security, rule } = accounts();
    rule("R", new SqsTarget(new SecureQueue(security, "Q")));
    synthApp(app);
    expect([...warningsOf(logging), ...warningsOf(security)].filter((w) => w.includes("not managed"))).toEqual([]);
  });
});

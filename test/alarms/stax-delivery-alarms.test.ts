import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CloudwatchEventBus } from "@cdktf/provider-aws/lib/cloudwatch-event-bus";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { StaxEventBus } from "../../modules/bus";
import { StaxEventRule } from "../../modules/rule";
import {
  SnsTarget,
  TopicPolicy,
  FirehoseTarget,
  FirehoseToS3,
  SecureQueue,
  SqsTarget,
  Topic,
  WebhookAuth,
  WebhookTarget,
} from "../../modules/targets";
import { StaxDeliveryAlarms, StaxDeliveryAlarmsProps } from "../../modules/alarms";
import { StaxAuditLog } from "../../modules/audit";
import { onlyResource, parsed, refOf, resourcesOf, synthObject, testStack } from "../support/synth";

const ACCOUNT = "123456789012";
const SOURCE = "aws.partner/stax.io/123456789012/security-events";

function setup() {
  const { stack } = testStack();
  const bus = new StaxEventBus(stack, "Bus", { accountId: ACCOUNT, sourceName: "security-events" });
  const rule = (id: string, ...targets: Parameters<StaxEventRule["addTarget"]>[0][]) =>
    new StaxEventRule(stack, id, { bus, eventPattern: bus.securityEvents.ofType("UserCreateEvent"), targets });
  return { stack, bus, rule };
}

function alarmsOf(stack: TerraformStack): any[] {
  return Object.values(resourcesOf(synthObject(stack), "aws_cloudwatch_metric_alarm"));
}

const byName = (alarms: any[]) => Object.fromEntries(alarms.map((a) => [a.alarm_name, a]));

describe("StaxDeliveryAlarms", () => {
  it("alarms on failed invocations, events lost for good and throttling of a rule on a custom bus", () => {
    const { stack, rule } = setup();
    const watched = rule("Logins");
    const alarms = new StaxDeliveryAlarms(stack, "Alarms", { accountId: ACCOUNT, rules: [watched] });
    const all = byName(alarmsOf(stack));

    expect(Object.keys(all).sort()).toEqual([
      "test-Alarms-Logins-FailedInvocations",
      "test-Alarms-Logins-InvocationsFailedToBeSentToDlq",
      "test-Alarms-Logins-ThrottledRules",
    ]);
    for (const metric of ["FailedInvocations", "InvocationsFailedToBeSentToDlq", "ThrottledRules"]) {
      expect(all[`test-Alarms-Logins-${metric}`]).toEqual({
        alarm_name: `test-Alarms-Logins-${metric}`,
        alarm_description: expect.stringMatching(/^test\/Logins: /),
        namespace: "AWS/Events",
        metric_name: metric,
        dimensions: { EventBusName: SOURCE, RuleName: "test-Logins" },
        statistic: "Sum",
        period: 300,
        evaluation_periods: 1,
        datapoints_to_alarm: 1,
        threshold: 0,
        comparison_operator: "GreaterThanThreshold",
        treat_missing_data: "notBreaching",
        alarm_actions: [refOf(alarms.alarmTopic!.topic, "arn")],
        ok_actions: [refOf(alarms.alarmTopic!.topic, "arn")],
      });
    }
    expect(all["test-Alarms-Logins-FailedInvocations"].alarm_description).toContain("failed permanently");
    expect(all["test-Alarms-Logins-InvocationsFailedToBeSentToDlq"].alarm_description).toContain("lost for good");
  });

  it("uses only the RuleName dimension for rules on the default bus", () => {
    const { stack } = testStack();
    const alarms = new StaxDeliveryAlarms(stack, "Alarms", { accountId: ACCOUNT });
    const rule = new StaxEventRule(stack, "Root", {
      bus: { eventBusName: "default", eventBusArn: `arn:aws:events:ap-southeast-2:${ACCOUNT}:event-bus/default` },
      eventPattern: { source: ["aws.signin"] },
    });
    alarms.watchRule(rule);
    for (const alarm of alarmsOf(stack)) expect(alarm.dimensions).toEqual({ RuleName: "test-Root" });
  });

  it("names the bus of a rule given by ARN by the ARN's last part", () => {
    const { stack } = testStack();
    const alarms = new StaxDeliveryAlarms(stack, "Alarms", { accountId: ACCOUNT });
    const rule = new StaxEventRule(stack, "Collected", {
      bus: {
        eventBusName: `arn:aws:events:ap-southeast-2:${ACCOUNT}:event-bus/aws-service-events`,
        eventBusArn: `arn:aws:events:ap-southeast-2:${ACCOUNT}:event-bus/aws-service-events`,
      },
      eventPattern: { source: ["aws.guardduty"] },
    });
    alarms.watchRule(rule);
    for (const alarm of alarmsOf(stack)) {
      expect(alarm.dimensions).toEqual({ EventBusName: "aws-service-events", RuleName: "test-Collected" });
    }
  });

  it("watchStack also finds a queue that a bus uses as its dead-letter queue", () => {
    const { stack } = testStack();
    const queue = new SecureQueue(stack, "BusDlq", { deadLetterQueue: false });
    new CloudwatchEventBus(stack, "Bus", { name: "custom", deadLetterConfig: { arn: queue.queueArn } });
    new StaxDeliveryAlarms(stack, "Alarms", { accountId: ACCOUNT }).watchStack();
    expect(alarmsOf(stack).map((a) => `${a.dimensions.QueueName} ${a.metric_name}`)).toEqual([
      "test-BusDlq ApproximateAgeOfOldestMessage",
      "test-BusDlq ApproximateNumberOfMessagesVisible",
    ]);
  });

  it("sends undelivered webhook calls to an API-destination alarm, found by watchStack", () => {
    const { stack, rule } = setup();
    const hook = new WebhookTarget(stack, "Pager", {
      endpoint: "https://events.example.com/stax",
      auth: WebhookAuth.apiKey({ headerName: "x-api-key" }),
    });
    rule("ToPager", hook);
    rule("ToQueue", new SqsTarget(new SecureQueue(stack, "Queue")));
    new StaxDeliveryAlarms(stack, "Alarms", { accountId: ACCOUNT }).watchStack();
    const all = byName(alarmsOf(stack));

    expect(all["test-Alarms-ToPager-ApiDestinationFailures"]).toMatchObject({
      metric_name: "InvocationsSentToDlq",
      dimensions: { EventBusName: SOURCE, RuleName: "test-ToPager" },
      threshold: 0,
    });
    expect(all["test-Alarms-ToPager-ApiDestinationFailures"].alarm_description).toContain("webhook");
    expect(all["test-Alarms-ToQueue-ApiDestinationFailures"]).toBeUndefined();
    expect(all["test-Alarms-ToQueue-FailedInvocations"]).toBeDefined();
  });

  it("watchStack watches every dead-letter queue the library created, and not the queues that are only targets", () => {
    const { stack, rule } = setup();
    rule("ToQueue", new SqsTarget(new SecureQueue(stack, "Queue")));
    const alarms = new StaxDeliveryAlarms(stack, "Alarms", { accountId: ACCOUNT, deadLetterAgeSeconds: 7200 });
    expect(alarms.watchStack()).toEqual([]);
    const all = byName(alarmsOf(stack));

    const queueAlarms = Object.values(all).filter((a: any) => a.namespace === "AWS/SQS");
    expect(queueAlarms.map((a: any) => a.dimensions.QueueName).sort()).toEqual([
      "test-Queue-dlq",
      "test-Queue-dlq",
      "test-StaxTargetDeadLetterQueue",
      "test-StaxTargetDeadLetterQueue",
    ]);
    expect(all["test-Alarms-StaxTargetDeadLetterQueue-DeadLetterMessages"]).toMatchObject({
      metric_name: "ApproximateNumberOfMessagesVisible",
      statistic: "Maximum",
      threshold: 0,
      treat_missing_data: "notBreaching",
    });
    expect(all["test-Alarms-Queue-DeadLetter-DeadLetterAge"]).toMatchObject({
      metric_name: "ApproximateAgeOfOldestMessage",
      statistic: "Maximum",
      threshold: 7200,
    });
  });

  it("watches Firehose streams to S3 for delivery freshness", () => {
    const { stack, rule } = setup();
    const stream = new FirehoseToS3(stack, "Archive", { accountId: ACCOUNT });
    rule("ToArchive", new FirehoseTarget(stream));
    new StaxDeliveryAlarms(stack, "Alarms", { accountId: ACCOUNT, freshnessSeconds: 1200 }).watchStack();
    expect(byName(alarmsOf(stack))["test-Alarms-Archive-DeliveryFreshness"]).toMatchObject({
      namespace: "AWS/Firehose",
      metric_name: "DeliveryToS3.DataFreshness",
      dimensions: { DeliveryStreamName: "test-Archive" },
      statistic: "Maximum",
      threshold: 1200,
      treat_missing_data: "notBreaching",
    });
  });

  it("watches an audit log whole: its rules, its dead-letter queue and the freshness of its stream", () => {
    const { stack, bus } = setup();
    const audit = new StaxAuditLog(stack, "AuditLog", { bus, accountId: ACCOUNT, athena: false });
    const alarms = new StaxDeliveryAlarms(stack, "Alarms", { accountId: ACCOUNT });
    alarms.watchStack();
    const all = alarmsOf(stack);
    const ruleNames = [...audit.rules.values()].map((r) => r.ruleName);
    expect(ruleNames.length).toBeGreaterThan(0);
    for (const name of ruleNames) {
      expect(
        all
          .filter((a) => a.dimensions.RuleName === name)
          .map((a) => a.metric_name)
          .sort(),
      ).toEqual(["FailedInvocations", "InvocationsFailedToBeSentToDlq", "ThrottledRules"]);
    }
    expect(all.filter((a) => a.dimensions.QueueName === audit.deadLetterQueue.queueName)).toHaveLength(2);
    expect(all.filter((a) => a.dimensions.DeliveryStreamName === audit.delivery.streamName)).toEqual([
      expect.objectContaining({ metric_name: "DeliveryToS3.DataFreshness", threshold: 900 }),
    ]);
  });

  it("creates each alarm once, however often a resource is watched", () => {
    const { stack, rule } = setup();
    const watched = rule("Logins");
    const alarms = new StaxDeliveryAlarms(stack, "Alarms", { accountId: ACCOUNT, rules: [watched] });
    alarms.watchRule(watched);
    alarms.watchStack();
    alarms.watchStack();
    // 3 for the rule; the shared DLQ is not created when the rule has no target
    expect(alarms.alarms).toHaveLength(3);
    expect(alarmsOf(stack)).toHaveLength(3);
  });

  it("notifies a topic encrypted with its own rotated customer-managed key that CloudWatch may use", () => {
    const { stack } = testStack();
    const alarms = new StaxDeliveryAlarms(stack, "Alarms", {
      accountId: ACCOUNT,
      emails: ["security@example.com"],
    });
    const synth = synthObject(stack);
    const key = onlyResource(synth, "aws_kms_key");
    expect(key.enable_key_rotation).toBe(true);
    const statements = parsed(key.policy).Statement;
    expect(statements).toEqual([
      {
        Sid: "AllowAccountToManageTheKey",
        Effect: "Allow",
        Principal: {
          AWS: expect.stringMatching(/^arn:\$\{data\.aws_partition\..*\.partition\}:iam::123456789012:root$/),
        },
        Action: "kms:*",
        Resource: "*",
      },
      {
        Sid: "AllowCloudWatchAlarmsToUseTheKey",
        Effect: "Allow",
        Principal: { Service: "cloudwatch.amazonaws.com" },
        Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
        Resource: "*",
        Condition: {
          StringEquals: { "aws:SourceAccount": ACCOUNT },
          ArnLike: { "aws:SourceArn": expect.stringMatching(/:cloudwatch:\*:123456789012:alarm:test-Alarms-\*$/) },
        },
      },
    ]);
    const topic = onlyResource(synth, "aws_sns_topic");
    expect(topic.kms_master_key_id).toBe(refOf(alarms.alarmTopic!.key, "arn"));
    const policy = parsed(onlyResource(synth, "aws_sns_topic_policy").policy);
    expect(policy.Statement[0]).toMatchObject({
      Principal: { Service: "cloudwatch.amazonaws.com" },
      Action: "sns:Publish",
      Condition: { ArnLike: { "aws:SourceArn": expect.stringMatching(/:alarm:test-Alarms-\*$/) } },
    });
    expect(policy.Statement[1]).toMatchObject({
      Effect: "Deny",
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
    expect(onlyResource(synth, "aws_sns_topic_subscription")).toMatchObject({
      protocol: "email",
      endpoint: "security@example.com",
    });
  });

  it("notifies your topic instead, creating no key or topic", () => {
    const { stack, rule } = setup();
    const topicArn = `arn:aws:sns:ap-southeast-2:${ACCOUNT}:ops`;
    new StaxDeliveryAlarms(stack, "Alarms", { topic: Topic.fromArn(topicArn), rules: [rule("Logins")] });
    const synth = synthObject(stack);
    expect(resourcesOf(synth, "aws_kms_key")).toEqual({});
    expect(resourcesOf(synth, "aws_sns_topic")).toEqual({});
    for (const alarm of Object.values(resourcesOf(synth, "aws_cloudwatch_metric_alarm")) as any[]) {
      expect(alarm.alarm_actions).toEqual([topicArn]);
    }
  });

  it("grants your in-app topic's single policy to these alarms, next to the rules that target it", () => {
    const { stack, rule } = setup();
    const ops = new SnsTopic(stack, "Ops", { name: "ops" });
    const topic = Topic.fromResource(ops);
    rule("ToOps", new SnsTarget(topic));
    new StaxDeliveryAlarms(stack, "Alarms", { accountId: ACCOUNT, topic });
    const statements = parsed(onlyResource(synthObject(stack), "aws_sns_topic_policy").policy).Statement;
    expect(statements.map((st: any) => [st.Sid, st.Principal])).toEqual([
      ["AllowEventBridgeRules", { Service: "events.amazonaws.com" }],
      ["AllowCloudWatchAlarms", { Service: "cloudwatch.amazonaws.com" }],
      ["DenyInsecureTransport", "*"],
    ]);
    // a pattern is written with ArnLike (IAM would match it with ArnEquals too, but less plainly)
    expect(statements[1].Condition).toEqual({
      ArnLike: { "aws:SourceArn": expect.stringMatching(/:cloudwatch:\*:123456789012:alarm:test-Alarms-\*$/) },
    });
  });

  it("leaves the policy of a topic known only by ARN to its owner, giving the statement to add", () => {
    const { stack } = testStack();
    const topic = Topic.fromArn(`arn:aws:sns:ap-southeast-2:${ACCOUNT}:ops`);
    const alarms = new StaxDeliveryAlarms(stack, "Alarms", { topic });
    expect(resourcesOf(synthObject(stack), "aws_sns_topic_policy")).toEqual({});
    const grant = TopicPolicy.statementsFor(stack, topic).find((st) => st.Sid === "AllowCloudWatchAlarms");
    expect(grant).toMatchObject({ Principal: { Service: "cloudwatch.amazonaws.com" }, Action: "sns:Publish" });
    expect(Object.values(grant?.Condition ?? {})).toEqual([
      { "aws:SourceArn": `arn:aws:cloudwatch:*:${ACCOUNT}:alarm:${alarms.alarmNamePrefix}-*` },
    ]);
  });

  it("refuses a topic reference without an account to scope the grant to", () => {
    const { stack } = testStack();
    const topic = Topic.fromResource(new SnsTopic(stack, "Ops", { name: "ops" }));
    expect(() => new StaxDeliveryAlarms(stack, "Alarms", { topic })).toThrow(
      "test/Alarms: pass accountId with a topic given as a reference: it scopes the topic policy's grant to this account's alarms.",
    );
  });

  it("refuses a topic encrypted with the AWS-managed SNS key, which CloudWatch cannot use", () => {
    const { stack } = testStack();
    const topic = Topic.fromArn(`arn:aws:sns:ap-southeast-2:${ACCOUNT}:ops`, { kmsKeyId: "alias/aws/sns" });
    expect(() => new StaxDeliveryAlarms(stack, "Alarms", { topic })).toThrow(
      "test/Alarms: topic is encrypted with 'alias/aws/sns', the AWS-managed SNS key; CloudWatch cannot use it, so no alarm would be delivered. Encrypt the topic with a customer-managed key whose policy includes cloudWatchAlarmsKeyPolicyStatement(account), or leave topic out to get one.",
    );
  });

  it.each<[string, StaxDeliveryAlarmsProps, string]>([
    [
      "no account and no topic",
      {},
      "test/Alarms: pass accountId (the account of the alarms, admitted by the new topic's key and topic policies) or your own topic.",
    ],
    [
      "a bad account",
      { accountId: "42" },
      "test/Alarms/Topic: accountId '42' is not an AWS account id; it must be exactly 12 digits, e.g. '123456789012'.",
    ],
    [
      "a period CloudWatch cannot use",
      { accountId: ACCOUNT, periodSeconds: 90 },
      "test/Alarms: periodSeconds is 90; CloudWatch needs a multiple of 60. Pass e.g. 300.",
    ],
    [
      "a period out of range",
      { accountId: ACCOUNT, periodSeconds: 30 },
      "test/Alarms: periodSeconds is 30; it must be a whole number from 60 to 86400. Pass a value in that range.",
    ],
    [
      "a bad alarm name prefix",
      { accountId: ACCOUNT, alarmNamePrefix: "stax alarms*" },
      "test/Alarms: alarmNamePrefix 'stax alarms*' is not valid; use 1 to 100 letters, digits, '.', '-' or '_'.",
    ],
    [
      "a bad email",
      { accountId: ACCOUNT, emails: ["security"] },
      "test/Alarms/Topic: email 'security' is not an email address. Pass addresses like 'security@example.com'.",
    ],
  ])("refuses %s", (_what, props, message) => {
    expect(() => new StaxDeliveryAlarms(testStack().stack, "Alarms", props)).toThrow(message);
  });

  it("refuses to watch a rule of another provider, and watchStack skips it, naming it", () => {
    const { stack } = setup();
    const useast1 = new AwsProvider(stack, "useast1", { region: "us-east-1", alias: "useast1" });
    const remote = new StaxEventRule(stack, "Remote", {
      bus: {
        eventBusName: "default",
        eventBusArn: `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/default`,
        provider: useast1,
      },
      eventPattern: { source: ["aws.signin"] },
    });
    const alarms = new StaxDeliveryAlarms(stack, "Alarms", { accountId: ACCOUNT });
    expect(() => alarms.watchRule(remote)).toThrow(
      "test/Alarms: test/Remote uses provider 'useast1' but these alarms use 'default'; CloudWatch alarms watch metrics of their own region and account. Create a StaxDeliveryAlarms with provider set to that provider.",
    );
    expect(alarms.watchStack()).toEqual(["test/Remote"]);
    const east = new StaxDeliveryAlarms(stack, "EastAlarms", { accountId: ACCOUNT, provider: useast1 });
    east.watchRule(remote);
    expect(east.alarms).toHaveLength(3);
  });

  it("keeps alarm names within 255 characters, unique, and under the prefix the topic admits", () => {
    const { stack, bus } = setup();
    const deep = new StaxEventRule(stack, "R".repeat(240), {
      bus,
      eventPattern: bus.securityEvents.ofType("UserCreateEvent"),
      ruleName: "deep",
    });
    const alarms = new StaxDeliveryAlarms(stack, "Alarms", { accountId: ACCOUNT, rules: [deep] });
    const names = alarmsOf(stack).map((a) => a.alarm_name);
    expect(new Set(names).size).toBe(3);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(255);
      expect(name.startsWith(`${alarms.alarmNamePrefix}-`)).toBe(true);
    }
  });
});

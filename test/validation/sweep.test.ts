/**
 * What a sweep of every public construct and helper with wrong values found passing silently or
 * failing with a TypeError: each now gets the library's message; the valid edge cases pass.
 */
import { TerraformVariable } from "cdktf";
import { StaxDeliveryAlarms } from "../../modules/alarms";
import { AuditLogAthena, StaxAuditLog } from "../../modules/audit";
import { matches } from "../../modules/pattern";
import { StaxEventBus } from "../../modules/bus";
import { SecurityEventCollector, ServiceEventForwarder, ServiceEventPatterns } from "../../modules/forwarding";
import { StaxEventRule } from "../../modules/rule";
import { StaxSchemaRegistry } from "../../modules/schemas";
import {
  EventBusTarget,
  EventsLogGroup,
  FirehoseToS3,
  Lambda,
  Queue,
  Topic,
  RuleTargetInput,
  SecureQueue,
  SqsTarget,
  WebhookAuth,
  WebhookTarget,
} from "../../modules/targets";
import { testStack } from "../support/synth";

const ACCOUNT = "123456789012";
const loose = <T>(value: unknown): T => value as T;

function setup() {
  const { stack } = testStack();
  const bus = new StaxEventBus(stack, "Bus", { accountId: ACCOUNT, sourceName: "security-events" });
  const rule = (targets: unknown[], id = "R") =>
    new StaxEventRule(stack, id, { bus, eventPattern: bus.securityEvents.failedLogins(), targets: loose(targets) });
  return { stack, bus, rule };
}

describe("sweep: wrong values that passed silently or failed with a TypeError", () => {
  it("dead-letter queues: true is not a queue", () => {
    const { stack, rule } = setup();
    const queue = new SecureQueue(stack, "Q");
    expect(() => rule([new SqsTarget(queue, { deadLetterQueue: loose(true) })])).toThrow(
      "test/R: deadLetterQueue is true; pass a queue (a SecureQueue, or Queue.fromArn(...)), or false to turn it off, or leave it out for the default.",
    );
    expect(
      () => new StaxEventBus(stack, "B2", { accountId: ACCOUNT, sourceName: "other", deadLetterQueue: loose(true) }),
    ).toThrow("test/B2: deadLetterQueue is true; pass a queue");
  });

  it("a target input given as text instead of a RuleTargetInput", () => {
    const { stack, rule } = setup();
    expect(() => rule([new SqsTarget(new SecureQueue(stack, "Q"), { input: loose("hello") })])).toThrow(
      "test/R: input is the string 'hello'; build it with RuleTargetInput.fromText(...), fromObject(...) or fromEventPath(...).",
    );
  });

  it("misspelt keys of nested options, with did-you-mean", () => {
    const { stack } = setup();
    expect(() => new SecureQueue(stack, "Q", { deadLetterQueue: loose({ maxReceive: 3 }) })).toThrow(
      "test/Q: deadLetterQueue key 'maxReceive' is not valid; did you mean 'maxReceiveCount'? Valid keys: maxReceiveCount, messageRetentionSeconds.",
    );
    expect(
      () => new StaxEventBus(stack, "B2", { accountId: ACCOUNT, sourceName: "x", archive: loose({ retention: 30 }) }),
    ).toThrow(
      "test/B2: archive key 'retention' is not valid; did you mean 'retentionDays'? Valid keys: retentionDays, archiveName.",
    );
    expect(() => new FirehoseToS3(stack, "F", { accountId: ACCOUNT, lifecycle: loose({ expirationDay: 3 }) })).toThrow(
      "test/F: lifecycle key 'expirationDay' is not valid; did you mean 'expirationDays'?",
    );
    expect(
      () =>
        new ServiceEventForwarder(stack, "Fwd", {
          accountId: ACCOUNT,
          regions: ["us-east-1"],
          destination: `arn:aws:events:ap-southeast-2:${ACCOUNT}:event-bus/c`,
          eventPattern: ServiceEventPatterns.securityFindings(),
          retryPolicy: loose({ maximumRetries: 1 }),
        }),
    ).toThrow("test/Fwd: retryPolicy key 'maximumRetries' is not valid");
  });

  it("an SQS message group id SQS refuses, and the exact limit", () => {
    const { stack, rule } = setup();
    const fifo = new SecureQueue(stack, "Q", { fifo: true });
    expect(() => rule([new SqsTarget(fifo, { messageGroupId: "g".repeat(129) })])).toThrow(
      `test/R: Target0: messageGroupId "${"g".repeat(129)}" is not valid; SQS takes 1 to 128 letters, digits and punctuation (no spaces). Pass a different messageGroupId.`,
    );
    expect(() => rule([new SqsTarget(fifo, { messageGroupId: "g".repeat(128) })], "R2")).not.toThrow();
  });

  it("wrong JSON types that passed or gave a confusing message", () => {
    const { stack } = setup();
    expect(() => new StaxEventBus(stack, "B2", { accountId: loose(123456789012), sourceName: "x" })).toThrow(
      "test/B2: accountId is a number; quote it: '123456789012'.",
    );
    expect(() => new EventsLogGroup(stack, "G", { retentionDays: loose("30") })).toThrow(
      "test/G: retentionDays is the string '30'; pass 30 without quotes.",
    );
    expect(() => new StaxDeliveryAlarms(stack, "A", { accountId: ACCOUNT, notifyOnOk: loose("false") })).toThrow(
      "test/A: notifyOnOk is the string 'false'; pass false without quotes.",
    );
    expect(() => new StaxDeliveryAlarms(stack, "A2", { accountId: ACCOUNT, rules: loose({}) })).toThrow(
      "test/A2: rules is an object; wrap it in a list: [ … ].",
    );
    expect(
      () =>
        new SecurityEventCollector(stack, "C", {
          accountId: ACCOUNT,
          region: "ap-southeast-2",
          allowedAccountIds: loose("111122223333"),
        }),
    ).toThrow("test/C: allowedAccountIds is the string '111122223333'; wrap it in a list: [ … ].");
    expect(() => RuleTargetInput.fromTemplate(loose(5), {})).toThrow(
      "RuleTargetInput.fromTemplate: template is a number; quote it: '5'.",
    );
  });

  it("helpers and props that were a TypeError", () => {
    const { stack } = setup();
    expect(() => WebhookAuth.apiKey(loose(undefined))).toThrow(
      "WebhookAuth.apiKey: props is undefined; pass an object with headerName.",
    );
    expect(() => WebhookAuth.basic(loose({}))).toThrow("WebhookAuth.basic: username is missing; pass the user name.");
    expect(
      () => new WebhookTarget(stack, "W", { endpoint: "https://example.com/hook", auth: loose({ type: "API_KEY" }) }),
    ).toThrow(
      "test/W: auth is an object; build it with WebhookAuth.apiKey(...), basic(...), oauthClientCredentials(...) or none().",
    );
    expect(
      () =>
        new ServiceEventForwarder(stack, "Fwd", {
          accountId: ACCOUNT,
          regions: ["us-east-1"],
          destination: loose(5),
          eventPattern: ServiceEventPatterns.securityFindings(),
        }),
    ).toThrow(
      "test/Fwd: destination is a number; pass a SecurityEventCollector, { accountId, region, eventBusName }, or the bus ARN.",
    );
  });

  it("names AWS refuses: tags on the schema registry and alarms, the Athena records bucket", () => {
    const { stack } = setup();
    expect(() => new StaxSchemaRegistry(stack, "S", { tags: { "aws:team": "x" } })).toThrow(
      "test/S: tags key 'aws:team' starts with 'aws:', which AWS reserves for its own tags. Rename the key.",
    );
    expect(() => new StaxDeliveryAlarms(stack, "A", { accountId: ACCOUNT, tags: { "aws:team": "x" } })).toThrow(
      "test/A: tags key 'aws:team' starts with 'aws:'",
    );
    expect(
      () =>
        new AuditLogAthena(stack, "Ath", {
          accountId: ACCOUNT,
          recordsBucketName: "Audit_Records",
          recordsPrefix: "audit/",
        }),
    ).toThrow("test/Ath: bucket name 'Audit_Records' has characters S3 does not allow");
  });

  it("a maxPatternLength below 1 is refused as a setting, not as the pattern's size", () => {
    const { stack, bus } = setup();
    expect(
      () =>
        new StaxEventRule(stack, "R2", { bus, eventPattern: bus.securityEvents.failedLogins(), maxPatternLength: 0 }),
    ).toThrow("test/R2: maxPatternLength is 0; it must be a whole number from 1 to 9007199254740991.");
  });

  it("an empty name says the range", () => {
    const { stack, bus } = setup();
    expect(
      () => new StaxEventRule(stack, "R3", { bus, eventPattern: bus.securityEvents.failedLogins(), ruleName: "" }),
    ).toThrow("test/R3: rule name '' is 0 characters; EventBridge allows 1 to 64. Pass a longer ruleName.");
  });

  it("options of the fromArn helpers, the alarms' topic and watch methods, the Slack prefix", () => {
    const { stack } = setup();
    const queueArn = `arn:aws:sqs:ap-southeast-2:${ACCOUNT}:q`;
    expect(() => Queue.fromArn(queueArn, { managePolicy: loose("yes") })).toThrow(
      "Queue.fromArn: managePolicy is the string 'yes'; pass true without quotes.",
    );
    expect(() => Queue.fromArn(`${queueArn}.fifo`, { fifo: false })).toThrow(
      "Queue.fromArn: fifo is false, but the queue 'q.fifo' is a FIFO queue (its name ends in '.fifo'). Leave fifo out: it is read from the name.",
    );
    expect(Queue.fromArn(`${queueArn}.fifo`, { fifo: true }).fifo).toBe(true);
    expect(() => Topic.fromArn(`arn:aws:sns:ap-southeast-2:${ACCOUNT}:t`, { kmsKeyId: "my-key" })).toThrow(
      "Topic.fromArn: kmsKeyId 'my-key' is not a KMS key identifier",
    );
    expect(() =>
      Lambda.fromArn(`arn:aws:lambda:ap-southeast-2:${ACCOUNT}:function:f`, { managePolicy: loose(1) }),
    ).toThrow("Lambda.fromArn: managePolicy is a number; pass true or false.");
    expect(
      () => new StaxDeliveryAlarms(stack, "A", { topic: loose(`arn:aws:sns:ap-southeast-2:${ACCOUNT}:t`) }),
    ).toThrow(
      `test/A: topic is the string 'arn:aws:sns:ap-southeast-2:${ACCOUNT}:t'; pass a topic (Topic.fromArn(...) or Topic.fromResource(...)).`,
    );
    const alarms = new StaxDeliveryAlarms(stack, "A2", { accountId: ACCOUNT });
    expect(() => alarms.watchRule(loose(undefined))).toThrow(
      "test/A2: watchRule's rule is undefined; pass a rule (a StaxEventRule).",
    );
    expect(() => WebhookTarget.slack(stack, "S", { prefix: loose(5) })).toThrow(
      "test/S: prefix is a number; quote it: '5'.",
    );
  });

  it("ServiceEventPatterns.anyOf with nothing or with text", () => {
    expect(() => ServiceEventPatterns.anyOf()).toThrow(
      "ServiceEventPatterns.anyOf: needs at least one pattern; pass the presets to combine.",
    );
    expect(() => ServiceEventPatterns.anyOf(loose("aws.guardduty"))).toThrow(
      "ServiceEventPatterns.anyOf: pattern 0 is a string; pass event patterns, e.g. ServiceEventPatterns.guardDutyFindings().",
    );
    expect(ServiceEventPatterns.anyOf(ServiceEventPatterns.consoleSignInFailures()).source).toEqual(["aws.signin"]);
  });

  it("a misspelt prop of a construct, which would be ignored, with did-you-mean", () => {
    const { stack, bus } = setup();
    expect(
      () =>
        new StaxEventRule(stack, "R4", {
          bus,
          eventPattern: bus.securityEvents.failedLogins(),
          ...loose<object>({ ruleNmae: "failed-logins" }),
        }),
    ).toThrow(
      "test/R4: props key 'ruleNmae' is not valid; did you mean 'ruleName'? Valid keys: bus, eventPattern, ruleName, description, enabled, targets, maxPatternLength, tags, allowUncatalogued.",
    );
    expect(() => new SqsTarget(new SecureQueue(stack, "Q0"), loose({ messageGroup: "g" }))).toThrow(
      "SqsTarget: props key 'messageGroup' is not valid; did you mean 'messageGroupId'? Valid keys: messageGroupId, retryPolicy, deadLetterQueue, input.",
    );
    expect(() => new SecureQueue(stack, "Q", loose({ retentionSeconds: 60 }))).toThrow(
      "test/Q: props key 'retentionSeconds' is not valid",
    );
    expect(
      () =>
        new SecurityEventCollector(stack, "C", {
          accountId: ACCOUNT,
          region: "ap-southeast-2",
          archive: loose({ days: 3 }),
        }),
    ).toThrow("test/C: archive key 'days' is not valid. Valid keys: retentionDays, archiveName.");
  });

  it("a role given as an ARN string, an Athena option misspelt, an event that is not JSON", () => {
    const { stack, bus, rule } = setup();
    const role = loose<never>(`arn:aws:iam::${ACCOUNT}:role/delivery`);
    expect(() =>
      rule([new EventBusTarget(`arn:aws:events:ap-southeast-2:${ACCOUNT}:event-bus/central`, { role })]),
    ).toThrow(
      `test/R: Target0: role is the string 'arn:aws:iam::${ACCOUNT}:role/delivery'; pass a role (an object with roleArn, e.g. an IamRole).`,
    );
    expect(
      () => new StaxAuditLog(stack, "Audit", { bus, accountId: ACCOUNT, athena: loose({ workgroup: "w" }) }),
    ).toThrow("test/Audit: athena key 'workgroup' is not valid; did you mean 'workgroupName'?");
    expect(() => matches({ source: ["x"] }, "event")).toThrow("matches: the event is text that is not JSON");
  });

  it("accepts tokens and exact limits", () => {
    const { stack, rule } = setup();
    const group = new TerraformVariable(stack, "group", { type: "string" }).stringValue;
    const fifo = new SecureQueue(stack, "Q", { fifo: true, deadLetterQueue: { maxReceiveCount: 1000 } });
    expect(() => rule([new SqsTarget(fifo, { messageGroupId: group, deadLetterQueue: false })])).not.toThrow();
    expect(
      new StaxEventBus(stack, "B2", { accountId: ACCOUNT, sourceName: "x", archive: { retentionDays: 0 } }).archive,
    ).toBeDefined();
  });
});

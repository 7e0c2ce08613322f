import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { StaxEventBus } from "../../modules/bus";
import { StaxEventRule } from "../../modules/rule";
import { eventBridgeKeyPolicyStatement, Queue, RuleTargetInput, SecureQueue, SqsTarget } from "../../modules/targets";
import { parsed, refOf, resourcesOf, synthObject, testStack } from "../support/synth";

function setup() {
  const { stack } = testStack();
  const bus = new StaxEventBus(stack, "Bus", { accountId: "123456789012", sourceName: "security-events" });
  const rule = (id: string, ...targets: SqsTarget[]) =>
    new StaxEventRule(stack, id, { bus, eventPattern: bus.securityEvents.ofType("UserCreateEvent"), targets });
  return { stack, bus, rule };
}

/** Policies keyed by the queue they belong to. */
function policiesByQueue(synth: Record<string, any>): Map<string, any> {
  return new Map(
    Object.values(resourcesOf(synth, "aws_sqs_queue_policy")).map((p: any) => [p.queue_url, parsed(p.policy)]),
  );
}

describe("SqsTarget", () => {
  it("scopes SendMessage to the rule ARN in one policy per queue, however many rules target it", () => {
    const { stack, rule } = setup();
    const queue = new SecureQueue(stack, "Queue");
    const target = new SqsTarget(queue);
    rule("A", target);
    rule("B", target);
    const synth = synthObject(stack);

    const policy = policiesByQueue(synth).get(refOf(queue.queue, "url"));
    const allow = policy.Statement.find((s: any) => s.Sid === "AllowEventBridgeRules");
    expect(allow).toEqual({
      Sid: "AllowEventBridgeRules",
      Effect: "Allow",
      Principal: { Service: "events.amazonaws.com" },
      Action: "sqs:SendMessage",
      Resource: refOf(queue.queue, "arn"),
      Condition: {
        ArnEquals: {
          "aws:SourceArn": [
            expect.stringMatching(/aws_cloudwatch_event_rule\.A_.*\.arn/),
            expect.stringMatching(/aws_cloudwatch_event_rule\.B_.*\.arn/),
          ],
        },
      },
    });
    expect(allow.Resource).toMatch(/^\$\{aws_sqs_queue\.Queue_.*\.arn\}$/);
    const queuePolicies = Object.values(resourcesOf(synth, "aws_sqs_queue_policy")).filter(
      (p: any) => p.queue_url === refOf(queue.queue, "url"),
    );
    expect(queuePolicies).toHaveLength(1);
  });

  it("denies access without TLS on every queue it writes a policy for", () => {
    const { stack, rule } = setup();
    rule("A", new SqsTarget(new SecureQueue(stack, "Queue")));
    for (const policy of policiesByQueue(synthObject(stack)).values()) {
      expect(policy.Statement).toContainEqual(
        expect.objectContaining({
          Effect: "Deny",
          Principal: "*",
          Action: "sqs:*",
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        }),
      );
    }
  });

  it("encrypts queues it creates and gives them a dead-letter queue", () => {
    const { stack } = setup();
    new SecureQueue(stack, "Queue");
    const queues = Object.values(resourcesOf(synthObject(stack), "aws_sqs_queue"));
    expect(queues).toHaveLength(2);
    for (const q of queues) expect(q.sqs_managed_sse_enabled).toBe(true);
    const main = queues.find((q: any) => q.redrive_policy);
    expect(parsed(main.redrive_policy)).toEqual({
      deadLetterTargetArn: expect.stringMatching(/DeadLetter/),
      maxReceiveCount: 5,
    });
  });

  it("uses a customer-managed key when given one", () => {
    const { stack } = setup();
    new SecureQueue(stack, "Queue", {
      kmsKeyArn: "arn:aws:kms:ap-southeast-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      deadLetterQueue: false,
    });
    const [q] = Object.values(resourcesOf(synthObject(stack), "aws_sqs_queue"));
    expect(q.kms_master_key_id).toBe(
      "arn:aws:kms:ap-southeast-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    );
    expect(q.sqs_managed_sse_enabled).toBeUndefined();
  });

  it("documents the key-policy statement EventBridge needs for a CMK-encrypted queue", () => {
    // no aws:SourceAccount/aws:SourceArn condition: SQS and SNS call KMS without those keys for
    // EventBridge, and a statement conditioned on them would refuse every message
    expect(eventBridgeKeyPolicyStatement()).toEqual({
      Sid: "AllowEventBridgeToUseTheKey",
      Effect: "Allow",
      Principal: { Service: "events.amazonaws.com" },
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: "*",
    });
  });

  it("gives every target a retry policy and the shared dead-letter queue, with its own policy", () => {
    const { stack, rule } = setup();
    const queue = new SecureQueue(stack, "Queue");
    rule("A", new SqsTarget(queue));
    rule("B", new SqsTarget(queue));
    const synth = synthObject(stack);

    const targets = Object.values(resourcesOf(synth, "aws_cloudwatch_event_target"));
    for (const t of targets) {
      expect(t.retry_policy).toEqual({ maximum_event_age_in_seconds: 86400, maximum_retry_attempts: 185 });
      expect(t.dead_letter_config.arn).toMatch(/StaxTargetDeadLetterQueue/);
    }
    expect(new Set(targets.map((t) => t.dead_letter_config.arn)).size).toBe(1);
    const dlqPolicy = [...policiesByQueue(synth).entries()].find(([url]) =>
      url.includes("StaxTargetDeadLetterQueue"),
    )![1];
    const allow = dlqPolicy.Statement.find((s: any) => s.Sid === "AllowEventBridgeDeadLetters");
    expect(allow.Condition.ArnEquals["aws:SourceArn"]).toHaveLength(2);
  });

  it("takes a custom retry policy, a DLQ of yours, or no DLQ when told explicitly", () => {
    const { stack, rule } = setup();
    const queue = new SecureQueue(stack, "Queue");
    const dlq = new SecureQueue(stack, "MyDlq", { deadLetterQueue: false });
    rule(
      "A",
      new SqsTarget(queue, {
        retryPolicy: { maximumEventAgeSeconds: 3600, maximumRetryAttempts: 10 },
        deadLetterQueue: dlq,
      }),
    );
    rule("B", new SqsTarget(queue, { deadLetterQueue: false }));
    const [a, b] = Object.values(resourcesOf(synthObject(stack), "aws_cloudwatch_event_target"));
    expect(a.retry_policy).toEqual({ maximum_event_age_in_seconds: 3600, maximum_retry_attempts: 10 });
    expect(a.dead_letter_config.arn).toMatch(/MyDlq/);
    expect(b.dead_letter_config).toBeUndefined();
  });

  it("sends a message group id to FIFO queues", () => {
    const { stack, rule } = setup();
    rule("A", new SqsTarget(new SecureQueue(stack, "Fifo", { fifo: true }), { messageGroupId: "stax" }));
    const synth = synthObject(stack);
    const [t] = Object.values(resourcesOf(synth, "aws_cloudwatch_event_target"));
    expect(t.sqs_target).toEqual({ message_group_id: "stax" });
    const fifo = Object.values(resourcesOf(synth, "aws_sqs_queue")).filter((q: any) => q.fifo_queue);
    expect(fifo.map((q: any) => q.name.endsWith(".fifo"))).toEqual([true, true]);
  });

  it("passes an input to the target", () => {
    const { stack, rule } = setup();
    rule("A", new SqsTarget(new SecureQueue(stack, "Q"), { input: RuleTargetInput.fromEventPath("$.detail") }));
    expect(Object.values(resourcesOf(synthObject(stack), "aws_cloudwatch_event_target"))[0].input_path).toBe(
      "$.detail",
    );
  });

  it("grants on queues you bring, as a resource or by ARN with managePolicy", () => {
    const { stack, rule } = setup();
    const yours = new SqsQueue(stack, "Yours", { name: "yours" });
    const imported = Queue.fromArn("arn:aws:sqs:ap-southeast-2:123456789012:imported", { managePolicy: true });
    rule("A", new SqsTarget(yours), new SqsTarget(imported));
    const policies = policiesByQueue(synthObject(stack));
    expect(policies.get(refOf(yours, "url")).Statement[0].Sid).toBe("AllowEventBridgeRules");
    expect(policies.get("https://sqs.ap-southeast-2.amazonaws.com/123456789012/imported").Statement[0].Resource).toBe(
      "arn:aws:sqs:ap-southeast-2:123456789012:imported",
    );
  });

  describe("rejects bad input", () => {
    it("a FIFO queue without a message group id", () => {
      const { stack, rule } = setup();
      expect(() => rule("A", new SqsTarget(new SecureQueue(stack, "Fifo", { fifo: true })))).toThrow(
        "test/A: Target0: the queue is a FIFO queue, and EventBridge needs a message group id to send to it. Pass messageGroupId to SqsTarget.",
      );
    });

    it("a message group id on a standard queue", () => {
      const { stack, rule } = setup();
      expect(() => rule("A", new SqsTarget(new SecureQueue(stack, "Q"), { messageGroupId: "g" }))).toThrow(
        "test/A: Target0: messageGroupId 'g' is only for FIFO queues",
      );
    });

    it("a queue ARN that is not an SQS ARN", () => {
      expect(() => Queue.fromArn("arn:aws:sns:ap-southeast-2:123456789012:topic")).toThrow(
        "Queue.fromArn: 'arn:aws:sns:ap-southeast-2:123456789012:topic' is not an SQS queue ARN; expected 'arn:aws:sqs:<region>:<12-digit account>:<queue name>'.",
      );
    });

    it("a retry policy out of range", () => {
      const { stack, rule } = setup();
      const q = new SecureQueue(stack, "Q");
      expect(() => rule("A", new SqsTarget(q, { retryPolicy: { maximumEventAgeSeconds: 59 } }))).toThrow(
        "test/A: retryPolicy.maximumEventAgeSeconds is 59; it must be a whole number from 60 to 86400. Pass a value in that range.",
      );
      expect(() => rule("B", new SqsTarget(q, { retryPolicy: { maximumRetryAttempts: 186 } }))).toThrow(
        "test/B: retryPolicy.maximumRetryAttempts is 186; it must be a whole number from 0 to 185.",
      );
    });

    it("a FIFO dead-letter queue", () => {
      const { stack, rule } = setup();
      const fifo = new SecureQueue(stack, "Fifo", { fifo: true, deadLetterQueue: false });
      expect(() => rule("A", new SqsTarget(new SecureQueue(stack, "Q"), { deadLetterQueue: fifo }))).toThrow(
        "test/A: a FIFO queue cannot be a target's dead-letter queue",
      );
    });

    it("a FIFO queue name without .fifo", () => {
      const { stack } = setup();
      expect(() => new SecureQueue(stack, "Q", { fifo: true, queueName: "plain" })).toThrow(
        "test/Q: queue name 'plain' is not valid",
      );
    });
  });
});

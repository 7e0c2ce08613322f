import { StaxEventBus, StaxEventBusProps } from "../../modules/bus";
import { SecurityEventCollector } from "../../modules/forwarding";
import { Queue, SecureQueue } from "../../modules/targets";
import { parsed, refOf, resourcesOf, synthObject, testStack } from "../support/synth";
import { describeWithTerraform, plannedOfType, planStack } from "../support/terraform";

const ACCOUNT = "123456789012";
const KEY = `arn:aws:kms:ap-southeast-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

function encryptedBus(props: Partial<StaxEventBusProps> = {}) {
  const { stack } = testStack();
  const bus = new StaxEventBus(stack, "Bus", { accountId: ACCOUNT, sourceName: "s", kmsKeyIdentifier: KEY, ...props });
  return { stack, bus, synth: synthObject(stack) };
}

describe("the dead-letter queue of an encrypted bus", () => {
  it("is created by default for a bus with a customer-managed key, and takes only this bus's events", () => {
    const { bus, synth } = encryptedBus();
    const [resource] = Object.values<any>(resourcesOf(synth, "aws_cloudwatch_event_bus"));
    expect(resource.dead_letter_config).toEqual({ arn: refOf((bus.deadLetterQueue as SecureQueue).queue, "arn") });
    const queues = Object.values<any>(resourcesOf(synth, "aws_sqs_queue"));
    expect(queues).toEqual([
      expect.objectContaining({
        name: "test-Bus-DeadLetterQueue",
        sqs_managed_sse_enabled: true,
        message_retention_seconds: 1209600,
      }),
    ]);
    const [policy] = Object.values<any>(resourcesOf(synth, "aws_sqs_queue_policy"));
    expect(parsed(policy.policy).Statement).toContainEqual(
      expect.objectContaining({
        Sid: "AllowEventBridgeBusDeadLetters",
        Principal: { Service: "events.amazonaws.com" },
        Action: "sqs:SendMessage",
        Condition: { ArnEquals: { "aws:SourceArn": refOf(bus.bus!, "arn") } },
      }),
    );
  });

  it("is not created without a key, or when turned off; a queue of yours is used as given", () => {
    const plain = synthObject(
      (() => {
        const { stack } = testStack();
        new StaxEventBus(stack, "Bus", { accountId: ACCOUNT, sourceName: "s" });
        return stack;
      })(),
    );
    expect(Object.values<any>(resourcesOf(plain, "aws_cloudwatch_event_bus"))[0].dead_letter_config).toBeUndefined();
    expect(resourcesOf(plain, "aws_sqs_queue")).toEqual({});

    const off = encryptedBus({ deadLetterQueue: false }).synth;
    expect(Object.values<any>(resourcesOf(off, "aws_cloudwatch_event_bus"))[0].dead_letter_config).toBeUndefined();

    const mine = `arn:aws:sqs:ap-southeast-2:${ACCOUNT}:bus-dlq`;
    const given = encryptedBus({ deadLetterQueue: Queue.fromArn(mine) }).synth;
    expect(Object.values<any>(resourcesOf(given, "aws_cloudwatch_event_bus"))[0].dead_letter_config).toEqual({
      arn: mine,
    });
    expect(resourcesOf(given, "aws_sqs_queue")).toEqual({});
  });

  it("is also the default of a SecurityEventCollector with a key", () => {
    const { stack } = testStack();
    const collector = new SecurityEventCollector(stack, "Collector", {
      accountId: ACCOUNT,
      region: "ap-southeast-2",
      kmsKeyIdentifier: KEY,
    });
    const synth = synthObject(stack);
    expect(Object.values<any>(resourcesOf(synth, "aws_cloudwatch_event_bus"))[0].dead_letter_config).toEqual({
      arn: refOf((collector.deadLetterQueue as SecureQueue).queue, "arn"),
    });
  });

  describe("refuses", () => {
    it("an AWS managed key on the bus or its dead-letter queue, and a FIFO dead-letter queue", () => {
      expect(() => encryptedBus({ kmsKeyIdentifier: "alias/aws/events" })).toThrow(
        "test/Bus: kmsKeyIdentifier 'alias/aws/events' is an AWS managed key; EventBridge cannot use it, because its key policy cannot be changed to let events.amazonaws.com use it. Use a customer-managed key whose key policy includes eventBridgeBusKeyPolicyStatements(<bus ARN>, <account>), or no key (an AWS owned key).",
      );
      const managed = Queue.fromArn(`arn:aws:sqs:ap-southeast-2:${ACCOUNT}:dlq`, { kmsKeyArn: "alias/aws/sqs" });
      expect(() => encryptedBus({ deadLetterQueue: managed })).toThrow(
        "test/Bus: the dead-letter queue's KMS key 'alias/aws/sqs' is an AWS managed key;",
      );
      expect(() =>
        encryptedBus({ deadLetterQueue: Queue.fromArn(`arn:aws:sqs:ap-southeast-2:${ACCOUNT}:dlq.fifo`) }),
      ).toThrow(
        "test/Bus: deadLetterQueue is a FIFO queue; EventBridge sends a bus's undecryptable events only to a standard queue. Pass a standard queue.",
      );
    });

    it("a dead-letter queue on an adopted bus", () => {
      const { stack } = testStack();
      const deadLetterQueue = Queue.fromArn(`arn:aws:sqs:ap-southeast-2:${ACCOUNT}:dlq`);
      expect(() => new StaxEventBus(stack, "Bus", { accountId: ACCOUNT, deadLetterQueue })).toThrow(
        "test/Bus: deadLetterQueue is set on an adopted bus; this construct only configures encryption and its dead-letter queue on a bus it creates. Remove deadLetterQueue or set adoptExisting: false.",
      );
    });
  });

  describeWithTerraform("with terraform", () => {
    it("plans the bus with its key and dead-letter queue, and the queue's policy", () => {
      const { plan } = planStack(encryptedBus().synth);
      const [bus] = plannedOfType(plan, "aws_cloudwatch_event_bus");
      expect(bus.values).toMatchObject({ kms_key_identifier: KEY });
      const config = plan.configuration.root_module.resources.find((r: any) => r.type === "aws_cloudwatch_event_bus");
      expect(config.expressions.dead_letter_config[0].arn.references).toEqual(
        expect.arrayContaining([expect.stringMatching(/^aws_sqs_queue\..*\.arn$/)]),
      );
      expect(plannedOfType(plan, "aws_sqs_queue_policy")).toHaveLength(1);
    });
  });
});

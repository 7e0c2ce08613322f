import { TerraformVariable } from "cdktf";
import { SecureQueue } from "../../modules/targets";
import { parsed, resourcesOf, synthObject, testStack } from "../support/synth";

/** The queue with a redrive policy and the dead-letter queue it names. */
function sourceAndDeadLetter(build: (stack: ReturnType<typeof testStack>["stack"]) => void): [any, any] {
  const { stack } = testStack();
  build(stack);
  const queues = Object.entries<any>(resourcesOf(synthObject(stack), "aws_sqs_queue"));
  const [, source] = queues.find(([, q]) => q.redrive_policy)!;
  const target = parsed(source.redrive_policy).deadLetterTargetArn;
  const [, deadLetter] = queues.find(([id]) => target === `\${aws_sqs_queue.${id}.arn}`)!;
  return [source, deadLetter];
}

describe("SecureQueue retention", () => {
  it("keeps messages 4 days, and its own dead-letter queue 14, so moved messages do not expire on arrival", () => {
    const [source, deadLetter] = sourceAndDeadLetter((stack) => new SecureQueue(stack, "Queue"));
    expect(source.message_retention_seconds).toBe(345600);
    expect(deadLetter.message_retention_seconds).toBe(1209600);
  });

  it("keeps messages 14 days when it has no dead-letter queue of its own (it is one, or you chose none)", () => {
    const { stack } = testStack();
    new SecureQueue(stack, "Queue", { deadLetterQueue: false });
    const queues = Object.values<any>(resourcesOf(synthObject(stack), "aws_sqs_queue"));
    expect(queues.map((q) => q.message_retention_seconds)).toEqual([1209600]);
  });

  it("takes both retentions, the dead-letter queue's longer", () => {
    const [source, deadLetter] = sourceAndDeadLetter(
      (stack) =>
        new SecureQueue(stack, "Queue", {
          messageRetentionSeconds: 86400,
          deadLetterQueue: { messageRetentionSeconds: 604800 },
        }),
    );
    expect([source.message_retention_seconds, deadLetter.message_retention_seconds]).toEqual([86400, 604800]);
  });

  it("refuses a dead-letter queue that keeps messages no longer than its source", () => {
    const { stack } = testStack();
    expect(() => new SecureQueue(stack, "Equal", { messageRetentionSeconds: 1209600 })).toThrow(
      "test/Equal: deadLetterQueue.messageRetentionSeconds is 1209600 and messageRetentionSeconds is 1209600; SQS counts a message's age from when it was first sent, also in the dead-letter queue, so a dead-letter queue that keeps messages no longer than its source loses them as soon as they arrive. Keep the dead-letter queue's retention above the queue's (at most 1209600, 14 days), e.g. messageRetentionSeconds: 345600 with the default dead-letter retention of 1209600.",
    );
    expect(
      () =>
        new SecureQueue(stack, "Shorter", {
          messageRetentionSeconds: 86400,
          deadLetterQueue: { messageRetentionSeconds: 3600 },
        }),
    ).toThrow("test/Shorter: deadLetterQueue.messageRetentionSeconds is 3600 and messageRetentionSeconds is 86400;");
    expect(() => new SecureQueue(stack, "TooLong", { deadLetterQueue: { messageRetentionSeconds: 1209601 } })).toThrow(
      "test/TooLong: deadLetterQueue.messageRetentionSeconds is 1209601; it must be a whole number from 60 to 1209600.",
    );
  });

  it("does not compare retentions that are tokens", () => {
    const { stack } = testStack();
    const retention = new TerraformVariable(stack, "retention", { type: "number" }).numberValue;
    expect(() => new SecureQueue(stack, "Queue", { messageRetentionSeconds: retention })).not.toThrow();
  });
});

import { TerraformStack } from "cdktf";
import { IRule } from "../rule/target";
import { fail } from "../private/errors";
import { checkKeyEventBridgeCanUse } from "../private/keys";
import { providerSuffix } from "../private/resource-policy";
import { IQueue } from "./queue";
import { QueuePolicy } from "./queue-policy";
import { SecureQueue } from "./secure-queue";

/**
 * The dead-letter queue targets use by default: one per stack and provider (EventBridge needs the
 * DLQ in the rule's account and region), shared by every target, with one policy that lets each
 * rule send to it. Messages carry RULE_ARN and TARGET_ARN attributes that say where they came from.
 */
export function defaultTargetDeadLetterQueue(rule: IRule): SecureQueue {
  const stack = TerraformStack.of(rule);
  const id = `StaxTargetDeadLetterQueue${providerSuffix(rule.provider)}`;
  return (
    (stack.node.tryFindChild(id) as SecureQueue | undefined) ??
    new SecureQueue(stack, id, { provider: rule.provider, deadLetterQueue: false })
  );
}

/** Lets the rule deliver failed events to the queue, and returns the queue's ARN. */
export function grantDeadLetter(rule: IRule, queue: IQueue): string {
  if (queue.fifo) {
    fail(
      rule,
      "a FIFO queue cannot be a target's dead-letter queue; EventBridge only supports standard queues there. Pass a standard queue as deadLetterQueue.",
    );
  }
  checkKeyEventBridgeCanUse(rule, "the dead-letter queue's KMS key", queue.kmsKeyArn, "queue");
  QueuePolicy.of(rule, queue).allowSendMessage("AllowEventBridgeDeadLetters", "events.amazonaws.com", rule);
  return queue.queueArn;
}

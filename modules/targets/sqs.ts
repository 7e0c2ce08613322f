import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { IRule, IRuleTarget, RuleTargetConfig } from "../rule/target";
import { referenceOf } from "../private/resource-type";
import { fail, isUnresolved } from "../private/errors";
import { checkKeyEventBridgeCanUse } from "../private/keys";
import { bindTargetBase, TargetBaseProps } from "./base";
import { crossAccountRole, isCrossAccount, resourcePlace } from "./cross-account";
import { IQueue, Queue } from "./queue";
import { QueuePolicy } from "./queue-policy";
import { checkPropKeys } from "../private/validation";

/** Properties of an {@link SqsTarget}. */
export interface SqsTargetProps extends TargetBaseProps {
  /** Message group id for a FIFO queue (required for FIFO, refused otherwise). @default - none */
  readonly messageGroupId?: string;
}

/**
 * Delivers events to an SQS queue. Adds `sqs:SendMessage` for `events.amazonaws.com`, scoped with
 * `aws:SourceArn` to each rule, to the queue's single policy (which also denies non-TLS access).
 *
 * A queue in another account of the same region gets the event directly, through an execution role
 * in the rule's account (allowed only `sqs:SendMessage` on the queue, trusted only for the rule)
 * that the queue's policy admits.
 *
 * A queue encrypted with a customer-managed KMS key also needs EventBridge in its key policy:
 * see `eventBridgeKeyPolicyStatement`.
 */
export class SqsTarget implements IRuleTarget {
  private readonly queue: IQueue;

  constructor(
    queue: IQueue | SqsQueue,
    private readonly props: SqsTargetProps = {},
  ) {
    checkPropKeys("SqsTarget", props, { messageGroupId: true, retryPolicy: true, deadLetterQueue: true, input: true });
    this.queue = referenceOf("SqsTarget", queue, {
      terraformType: "aws_sqs_queue",
      referenceField: "queueArn",
      resourceClass: "SqsQueue",
      fromArn: "Queue.fromArn",
      fromResource: Queue.fromResource,
    });
  }

  public bind(rule: IRule, targetId: string): RuleTargetConfig {
    const { messageGroupId } = this.props;
    if (messageGroupId !== undefined && !isUnresolved(messageGroupId) && !/^[!-~]{1,128}$/.test(messageGroupId)) {
      fail(
        rule,
        `${targetId}: messageGroupId ${JSON.stringify(messageGroupId)} is not valid; SQS takes 1 to 128 letters, digits and punctuation (no spaces). Pass a different messageGroupId.`,
      );
    }
    if (this.queue.fifo && !messageGroupId) {
      fail(
        rule,
        `${targetId}: the queue is a FIFO queue, and EventBridge needs a message group id to send to it. Pass messageGroupId to SqsTarget.`,
      );
    }
    if (!this.queue.fifo && messageGroupId) {
      fail(
        rule,
        `${targetId}: messageGroupId '${messageGroupId}' is only for FIFO queues, and this queue is a standard queue. Remove messageGroupId.`,
      );
    }
    checkKeyEventBridgeCanUse(rule, `${targetId}: the queue's KMS key`, this.queue.kmsKeyArn, "queue");
    const policy = QueuePolicy.of(rule, this.queue);
    const { queueArn, provider, owner } = this.queue;
    let roleArn: string | undefined;
    if (isCrossAccount(rule, targetId, "SQS queue", resourcePlace(rule, queueArn, provider, owner))) {
      const role = crossAccountRole(rule, targetId, "sqs:SendMessage", queueArn);
      policy.allowRole(role.literalRoleArn);
      roleArn = role.roleArn;
    } else {
      policy.allowSendMessage("AllowEventBridgeRules", "events.amazonaws.com", rule);
    }
    return {
      arn: queueArn,
      roleArn,
      sqsTarget: messageGroupId ? { messageGroupId } : undefined,
      ...bindTargetBase(rule, this.props),
    };
  }
}

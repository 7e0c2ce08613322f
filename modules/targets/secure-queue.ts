import { Construct } from "constructs";
import { TerraformProvider } from "cdktf";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { checkRange, fail, isUnresolved } from "../private/errors";
import { checkKeyEventBridgeCanUse } from "../private/keys";
import { physicalName } from "../private/naming";
import { checkKmsKey, checkTags, checkType, checkOptionKeys, checkPropKeys } from "../private/validation";
import { IQueue } from "./queue";
import { QueuePolicy } from "./queue-policy";

/** Redrive settings of a {@link SecureQueue}'s own dead-letter queue. */
export interface SecureQueueDeadLetterProps {
  /** Receives of a message before SQS moves it to the dead-letter queue. @default 5 */
  readonly maxReceiveCount?: number;
  /**
   * Seconds the dead-letter queue keeps a message, counted from when it was first sent to the
   * source queue (SQS keeps that time when it moves the message), so it must be longer than the
   * source queue's retention, or messages expire on arrival.
   * @default 1209600 (14 days, the maximum)
   */
  readonly messageRetentionSeconds?: number;
}

/** Longest retention SQS allows: 14 days. */
const MAX_RETENTION = 1209600;
/** Retention of a queue that has its own dead-letter queue: 4 days (SQS's default), well below the DLQ's 14. */
const SOURCE_RETENTION = 345600;

/** Properties of a {@link SecureQueue}. */
export interface SecureQueueProps {
  /** Name of the queue (at most 80 characters; FIFO names end in `.fifo`). @default - built from the stack name and the construct path */
  readonly queueName?: string;
  /** Make it a FIFO queue; EventBridge then needs a message group id on each target. @default false */
  readonly fifo?: boolean;
  /**
   * Customer-managed KMS key that encrypts the queue. Its key policy must let `events.amazonaws.com`
   * use it (see `eventBridgeKeyPolicyStatement`), or EventBridge cannot deliver. AWS managed keys
   * (`alias/aws/sqs`) are refused: EventBridge cannot use them.
   * @default - SQS-managed server-side encryption (SSE-SQS)
   */
  readonly kmsKeyArn?: string;
  /**
   * Seconds SQS keeps a message. With its own dead-letter queue, the queue must keep messages
   * for less time than the dead-letter queue does (see `deadLetterQueue.messageRetentionSeconds`).
   * @default 345600 (4 days) with the queue's own dead-letter queue (which keeps 14); 1209600 (14 days, the maximum) without
   */
  readonly messageRetentionSeconds?: number;
  /** Seconds a received message stays invisible to other consumers. @default 30 */
  readonly visibilityTimeoutSeconds?: number;
  /** The queue's own dead-letter queue for messages consumers fail on; `false` turns it off. @default { maxReceiveCount: 5, messageRetentionSeconds: 1209600 } */
  readonly deadLetterQueue?: SecureQueueDeadLetterProps | false;
  /** Provider (account and region) of the queue. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** Tags on the queues. @default - no tags */
  readonly tags?: { readonly [key: string]: string };
}

/**
 * An SQS queue with secure defaults: encrypted at rest (SSE-SQS unless you give a KMS key),
 * TLS-only queue policy, and a dead-letter queue of its own that keeps messages 14 days, longer
 * than the queue itself (4 days), so a message moved there does not expire on arrival.
 *
 * @example
 * ```ts
 * const queue = new SecureQueue(this, "FailedLoginsQueue"); // encrypted, TLS only, with a dead-letter queue
 * new StaxEventRule(this, "FailedLogins", {
 *   bus,
 *   eventPattern: bus.securityEvents.failedLogins(),
 *   targets: [new SqsTarget(queue)],
 * });
 * ```
 */
export class SecureQueue extends Construct implements IQueue {
  public readonly queueArn: string;
  public readonly queueUrl: string;
  /** Name of the queue. */
  public readonly queueName: string;
  public readonly fifo: boolean;
  public readonly kmsKeyArn?: string;
  public readonly provider?: TerraformProvider;
  public readonly owner: Construct = this;
  /** The queue resource. */
  public readonly queue: SqsQueue;
  /** The queue's own dead-letter queue, unless turned off. */
  public readonly deadLetterQueue?: SecureQueue;

  constructor(scope: Construct, id: string, props: SecureQueueProps = {}) {
    super(scope, id);
    checkPropKeys(this, props, {
      queueName: true,
      fifo: true,
      kmsKeyArn: true,
      messageRetentionSeconds: true,
      visibilityTimeoutSeconds: true,
      deadLetterQueue: true,
      provider: true,
      tags: true,
    });
    checkType(this, "fifo", props.fifo, "boolean");
    checkKmsKey(this, "kmsKeyArn", props.kmsKeyArn);
    checkTags(this, "tags", props.tags);
    this.fifo = props.fifo ?? false;
    this.kmsKeyArn = props.kmsKeyArn;
    this.provider = props.provider;
    const suffix = this.fifo ? ".fifo" : "";
    this.queueName = props.queueName ?? physicalName(this, { maxLength: 80, suffix });
    this.checkName(this.queueName, suffix);
    checkKeyEventBridgeCanUse(this, "kmsKeyArn", props.kmsKeyArn, "queue");
    if (props.deadLetterQueue !== false)
      checkOptionKeys(this, "deadLetterQueue", props.deadLetterQueue, {
        maxReceiveCount: true,
        messageRetentionSeconds: true,
      });
    const hasDeadLetterQueue = props.deadLetterQueue !== false;
    const retention = props.messageRetentionSeconds ?? (hasDeadLetterQueue ? SOURCE_RETENTION : MAX_RETENTION);
    checkRange(this, "messageRetentionSeconds", retention, 60, MAX_RETENTION);
    checkRange(this, "visibilityTimeoutSeconds", props.visibilityTimeoutSeconds, 0, 43200);

    let redrivePolicy: string | undefined;
    if (props.deadLetterQueue !== false) {
      const maxReceiveCount = props.deadLetterQueue?.maxReceiveCount ?? 5;
      checkRange(this, "deadLetterQueue.maxReceiveCount", maxReceiveCount, 1, 1000);
      const deadLetterRetention = props.deadLetterQueue?.messageRetentionSeconds ?? MAX_RETENTION;
      this.checkDeadLetterRetention(retention, deadLetterRetention);
      this.deadLetterQueue = new SecureQueue(this, "DeadLetter", {
        queueName: this.deadLetterName(suffix),
        fifo: this.fifo,
        kmsKeyArn: props.kmsKeyArn,
        messageRetentionSeconds: deadLetterRetention,
        deadLetterQueue: false,
        provider: props.provider,
        tags: props.tags,
      });
      redrivePolicy = JSON.stringify({ deadLetterTargetArn: this.deadLetterQueue.queueArn, maxReceiveCount });
    }

    this.queue = new SqsQueue(this, "Queue", {
      provider: props.provider,
      name: this.queueName,
      fifoQueue: this.fifo || undefined,
      sqsManagedSseEnabled: props.kmsKeyArn ? undefined : true,
      kmsMasterKeyId: props.kmsKeyArn,
      kmsDataKeyReusePeriodSeconds: props.kmsKeyArn ? 300 : undefined,
      messageRetentionSeconds: retention,
      visibilityTimeoutSeconds: props.visibilityTimeoutSeconds ?? 30,
      redrivePolicy,
      tags: props.tags,
    });
    this.queueArn = this.queue.arn;
    this.queueUrl = this.queue.url;
    // Every queue of ours gets its single policy (TLS-only deny) even before a rule targets it.
    QueuePolicy.of(this, this);
  }

  private checkDeadLetterRetention(retention: number, deadLetterRetention: number): void {
    checkRange(this, "deadLetterQueue.messageRetentionSeconds", deadLetterRetention, 60, MAX_RETENTION);
    if (isUnresolved(retention) || isUnresolved(deadLetterRetention) || deadLetterRetention > retention) return;
    fail(
      this,
      `deadLetterQueue.messageRetentionSeconds is ${deadLetterRetention} and messageRetentionSeconds is ${retention}; SQS counts a message's age from when it was first sent, also in the dead-letter queue, so a dead-letter queue that keeps messages no longer than its source loses them as soon as they arrive. Keep the dead-letter queue's retention above the queue's (at most ${MAX_RETENTION}, 14 days), e.g. messageRetentionSeconds: ${SOURCE_RETENTION} with the default dead-letter retention of ${MAX_RETENTION}.`,
    );
  }

  private deadLetterName(suffix: string): string {
    const base = this.queueName.slice(0, this.queueName.length - suffix.length);
    const dlqSuffix = `-dlq${suffix}`;
    return base.slice(0, 80 - dlqSuffix.length) + dlqSuffix;
  }

  private checkName(name: string, suffix: string): void {
    if (isUnresolved(name)) return;
    const core = suffix && name.endsWith(suffix) ? name.slice(0, -suffix.length) : name;
    if (name.length > 80 || !/^[A-Za-z0-9_-]+$/.test(core) || (this.fifo && !name.endsWith(".fifo"))) {
      fail(
        this,
        `queue name '${name}' is not valid; SQS allows up to 80 letters, digits, '-' and '_'${this.fifo ? ", ending in '.fifo' for a FIFO queue" : ""}. Pass a different queueName.`,
      );
    }
  }
}

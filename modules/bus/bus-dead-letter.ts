import { Construct } from "constructs";
import { TerraformProvider } from "cdktf";
import { fail } from "../private/errors";
import { checkKeyEventBridgeCanUse } from "../private/keys";
import { IQueue } from "../targets/queue";
import { QueuePolicy } from "../targets/queue-policy";
import { SecureQueue } from "../targets/secure-queue";
import { checkQueueOrFalse } from "../private/validation";

/** What a bus's dead-letter queue is chosen from. */
export interface BusDeadLetterOptions {
  /** The bus's customer-managed key, if any. */
  readonly kmsKeyIdentifier?: string;
  /** The queue the user gave, `false` for none, or undefined for the default. */
  readonly deadLetterQueue?: IQueue | false;
  /** Provider of the bus (and of a queue created for it). */
  readonly provider?: TerraformProvider;
  /** Tags of the bus's resources. */
  readonly tags?: { readonly [key: string]: string };
}

/**
 * The dead-letter queue of a bus, for the events EventBridge cannot encrypt or decrypt with the
 * bus's customer-managed key (a key disabled, or a key policy that no longer admits EventBridge):
 * the queue given, or by default, when the bus has a customer-managed key, a `SecureQueue` created
 * as `<scope>/DeadLetterQueue` (SSE-SQS, 14 days). Its policy lets EventBridge send from this bus
 * only (`aws:SourceArn`). Returns undefined when the bus has no dead-letter queue.
 */
export function busDeadLetterQueue(
  scope: Construct,
  busArn: string,
  options: BusDeadLetterOptions,
): IQueue | undefined {
  checkKeyEventBridgeCanUse(scope, "kmsKeyIdentifier", options.kmsKeyIdentifier, "bus");
  checkQueueOrFalse(scope, "deadLetterQueue", options.deadLetterQueue);
  if (options.deadLetterQueue === false) return undefined;
  if (options.deadLetterQueue === undefined && options.kmsKeyIdentifier === undefined) return undefined;
  const queue =
    options.deadLetterQueue ??
    new SecureQueue(scope, "DeadLetterQueue", {
      deadLetterQueue: false,
      provider: options.provider,
      tags: options.tags,
    });
  if (queue.fifo) {
    fail(
      scope,
      "deadLetterQueue is a FIFO queue; EventBridge sends a bus's undecryptable events only to a standard queue. Pass a standard queue.",
    );
  }
  checkKeyEventBridgeCanUse(scope, "the dead-letter queue's KMS key", queue.kmsKeyArn, "queue");
  QueuePolicy.of(scope, queue).allowSendMessage("AllowEventBridgeBusDeadLetters", "events.amazonaws.com", busArn);
  return queue;
}

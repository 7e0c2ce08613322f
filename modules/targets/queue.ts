import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { checkArn } from "../private/arn";
import { checkKmsKey, checkType } from "../private/validation";

/** An SQS queue a target can deliver to: one this library created, a resource of yours, or one imported by ARN. */
export interface IQueue {
  /** ARN of the queue. */
  readonly queueArn: string;
  /** URL of the queue (the queue policy is attached by URL). */
  readonly queueUrl: string;
  /** Whether it is a FIFO queue (name ends in `.fifo`). */
  readonly fifo: boolean;
  /** KMS key the queue is encrypted with, when it uses a customer-managed key. @default - SQS-managed encryption or none */
  readonly kmsKeyArn?: string;
  /** Provider (account and region) of the queue. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** Construct that owns the queue, used to name the single policy of the queue. @default - named after the ARN */
  readonly owner?: Construct;
  /**
   * Whether the library writes the queue's whole policy (replacing any other). A queue it does not
   * own keeps its owner's policy: synthesis warns with the statements to add instead.
   * @default - true for a queue of the app (`owner` set), false for one known only by ARN
   */
  readonly managePolicy?: boolean;
}

const SQS_ARN = {
  service: "sqs",
  resource: /^[A-Za-z0-9_-]{1,75}(\.fifo)?$/,
  what: "an SQS queue",
  expected: "arn:aws:sqs:<region>:<12-digit account>:<queue name>",
};

/** Options of `Queue.fromArn`. */
export interface QueueFromArnOptions {
  /** Customer-managed KMS key the queue is encrypted with. @default - SQS-managed encryption or none */
  readonly kmsKeyArn?: string;
  /** Provider (account and region) of the queue. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /**
   * Let the library write the queue's whole policy (replacing the one its owner gave it), with
   * every statement the app's rules need and a TLS-only deny.
   * @default false - no policy is written; synthesis warns with the statements to add
   */
  readonly managePolicy?: boolean;
  /**
   * URL of the queue, needed only when the ARN is a token (the URL is otherwise derived from the ARN).
   * @default - derived from the ARN
   */
  readonly queueUrl?: string;
  /** Whether it is a FIFO queue, needed only when the ARN is a token. @default - from the ARN's name (`.fifo`) */
  readonly fifo?: boolean;
}

/** Ways to refer to an SQS queue. */
export class Queue {
  /**
   * Refers to an existing queue by ARN (`arn:aws:sqs:<region>:<account>:<name>`); its URL is
   * derived from the ARN. The library writes no policy for it unless `managePolicy` is true:
   * synthesis warns with the statements its owner must add (`QueuePolicy.statementsFor` returns them).
   */
  public static fromArn(queueArn: string, options: QueueFromArnOptions = {}): IQueue {
    checkType("Queue.fromArn", "managePolicy", options.managePolicy, "boolean");
    checkKmsKey("Queue.fromArn", "kmsKeyArn", options.kmsKeyArn);
    const parts = checkArn("Queue.fromArn", queueArn, SQS_ARN);
    if (!parts && options.queueUrl !== undefined) {
      return {
        queueArn,
        queueUrl: options.queueUrl,
        fifo: options.fifo ?? false,
        kmsKeyArn: options.kmsKeyArn,
        provider: options.provider,
        managePolicy: options.managePolicy ?? false,
      };
    }
    if (!parts) {
      throw new Error(
        `Queue.fromArn: the ARN is a token, and the queue URL (which the queue policy is attached by) is derived from a literal ARN. Pass queueUrl (and fifo: true for a FIFO queue) in the options, e.g. from an aws_sqs_queue data source, or pass the ARN as a literal.`,
      );
    }
    const { region, account, resource: name } = parts;
    if (options.fifo !== undefined && options.fifo !== name.endsWith(".fifo"))
      throw new Error(
        `Queue.fromArn: fifo is ${options.fifo}, but the queue '${name}' is ${name.endsWith(".fifo") ? "a FIFO queue (its name ends in '.fifo')" : "a standard queue (its name does not end in '.fifo')"}. Leave fifo out: it is read from the name.`,
      );
    const domain = parts.partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
    return {
      queueArn,
      queueUrl: `https://sqs.${region}.${domain}/${account}/${name}`,
      fifo: name.endsWith(".fifo"),
      kmsKeyArn: options.kmsKeyArn,
      provider: options.provider,
      managePolicy: options.managePolicy ?? false,
    };
  }

  /** Refers to a queue resource of yours (`aws_sqs_queue`). */
  public static fromResource(queue: SqsQueue): IQueue {
    const fifo = queue.fifoQueueInput;
    return {
      queueArn: queue.arn,
      queueUrl: queue.url,
      fifo: fifo === true || (typeof queue.nameInput === "string" && queue.nameInput.endsWith(".fifo")),
      kmsKeyArn: queue.kmsMasterKeyIdInput,
      provider: queue.provider,
      owner: queue,
    };
  }
}

import { IConstruct } from "constructs";
import { TerraformProvider } from "cdktf";
import { isUnresolved } from "../private/errors";

/** A dead-letter queue the delivery alarms can watch; a `SecureQueue` is one. */
export interface IWatchedQueue extends IConstruct {
  /** Name of the queue (the `QueueName` dimension of its metrics). */
  readonly queueName: string;
  /** Provider (account and region) of the queue. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** A Firehose delivery stream to S3 the delivery alarms can watch; a `FirehoseToS3` is one. */
export interface IWatchedDeliveryStream extends IConstruct {
  /** Name of the stream (the `DeliveryStreamName` dimension of its metrics). */
  readonly streamName: string;
  /** Provider (account and region) of the stream. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** Seconds a watched queue keeps messages, when its aws_sqs_queue says so as a literal (SQS's default is 4 days). */
export function retentionOf(queue: IWatchedQueue): number | undefined {
  const resource = (
    queue as unknown as { queue?: { terraformResourceType?: string; messageRetentionSecondsInput?: number } }
  ).queue;
  if (resource?.terraformResourceType !== "aws_sqs_queue") return undefined;
  const retention = resource.messageRetentionSecondsInput ?? 345600;
  return typeof retention === "number" && !isUnresolved(retention) ? retention : undefined;
}

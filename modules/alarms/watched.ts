import { IConstruct } from "constructs";
import { TerraformProvider } from "cdktf";

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

/**
 * Error logging of a {@link FirehoseToS3} stream: a log group with a retention period and the log
 * stream Firehose writes delivery errors to, and the grant its role needs to write them.
 */
import { Construct } from "constructs";
import { TerraformProvider } from "cdktf";
import { CloudwatchLogStream } from "@cdktf/provider-aws/lib/cloudwatch-log-stream";
import { ServiceRoleGrant } from "../private/role";
import { EventsLogGroup } from "./events-log-group";

/** Where a {@link FirehoseToS3} stream logs records it could not deliver. */
export interface FirehoseErrorLogging {
  /** Name of the log group. @default - "/aws/kinesisfirehose/<stream name>" */
  readonly logGroupName?: string;
  /** Days CloudWatch Logs keeps the errors; one of `LOG_RETENTION_DAYS`, 0 keeps them forever. @default 365 */
  readonly retentionDays?: number;
  /**
   * Customer-managed KMS key of the log group; its key policy must let `logs.<region>.amazonaws.com` use it.
   * @default - CloudWatch Logs' own encryption
   */
  readonly kmsKeyArn?: string;
}

/** Name of the log stream Firehose writes delivery errors to (the name the Firehose console uses). */
export const DELIVERY_ERROR_LOG_STREAM = "DestinationDelivery";

/** What {@link deliveryErrorLogging} created. */
export interface DeliveryErrorLogs {
  /** The log group. */
  readonly logGroup: EventsLogGroup;
  /** The stream's `cloudwatch_logging_options`. */
  readonly options: { enabled: true; logGroupName: string; logStreamName: string };
  /** What the delivery role needs: `logs:PutLogEvents` on the log stream. */
  readonly grant: ServiceRoleGrant;
}

/** Creates the log group (`ErrorLogs`) and log stream (`ErrorLogStream`) in `scope`. */
export function deliveryErrorLogging(
  scope: Construct,
  streamName: string,
  logging: FirehoseErrorLogging,
  provider: TerraformProvider | undefined,
  tags: { readonly [key: string]: string } | undefined,
): DeliveryErrorLogs {
  const logGroup = new EventsLogGroup(scope, "ErrorLogs", {
    provider,
    logGroupName: logging.logGroupName ?? `/aws/kinesisfirehose/${streamName}`,
    retentionDays: logging.retentionDays,
    kmsKeyArn: logging.kmsKeyArn,
    tags,
  });
  const logStream = new CloudwatchLogStream(scope, "ErrorLogStream", {
    provider,
    name: DELIVERY_ERROR_LOG_STREAM,
    logGroupName: logGroup.logGroup.name,
  });
  return {
    logGroup,
    options: { enabled: true, logGroupName: logGroup.logGroup.name, logStreamName: logStream.name },
    grant: { actions: ["logs:PutLogEvents"], resources: [logStream.arn] },
  };
}

import { Construct } from "constructs";
import { checkProviderAgrees } from "../private/provider";
import { TerraformProvider } from "cdktf";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { KinesisFirehoseDeliveryStream } from "@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import {
  BUCKET_NAME,
  checkKmsKey,
  checkName,
  checkTags,
  checkType,
  STREAM_NAME,
  checkRequired,
  checkOptionKeys,
  checkPropKeys,
} from "../private/validation";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { checkAccountId, checkRange, fail, isUnresolved } from "../private/errors";
import { physicalName } from "../private/naming";
import { currentRegionName } from "../private/provider-compat";
import { ServiceRole, ServiceRoleGrant } from "../private/role";
import { deliveryBucket, FirehoseBucketLifecycle, S3AccessLogging } from "./firehose-bucket";
import { deliveryErrorLogging, FirehoseErrorLogging } from "./firehose-error-logging";
import { EventsLogGroup } from "./events-log-group";
import { IDeliveryStream } from "./firehose";

export type { FirehoseBucketLifecycle, S3AccessLogging } from "./firehose-bucket";
export type { FirehoseErrorLogging } from "./firehose-error-logging";

/** Date partitioning Firehose applies to object keys (UTC, the time Firehose received the record). */
export const DATE_PARTITION = "year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/";

/** Properties of a {@link FirehoseToS3}. */
export interface FirehoseToS3Props {
  /** 12-digit id of the account the stream and bucket live in; the Firehose role's trust is scoped to it. */
  readonly accountId: string;
  /** Name of the bucket (3–63 lowercase letters, digits, '.' and '-'). @default - `bucket_prefix` from the stack name and the construct path, Terraform adding a unique suffix */
  readonly bucketName?: string;
  /** Name of the delivery stream (at most 64 characters). @default - built from the stack name and the construct path */
  readonly streamName?: string;
  /**
   * Customer-managed KMS key for the objects (SSE-KMS). Its key policy must let the Firehose role
   * use it. @default - SSE-S3 (AES256)
   */
  readonly kmsKeyArn?: string;
  /** Key prefix of delivered objects; the date partition is appended. @default "stax-events/" */
  readonly prefix?: string;
  /** Key prefix of records Firehose could not deliver; the error type and date are appended. @default "errors/" */
  readonly errorPrefix?: string;
  /** Seconds Firehose buffers records before writing an object (0–900). @default 300 */
  readonly bufferingIntervalSeconds?: number;
  /** MiB Firehose buffers before writing an object (1–128). @default 5 */
  readonly bufferingSizeMiB?: number;
  /** Let `terraform destroy` delete a bucket that still holds objects. @default false */
  readonly forceDestroy?: boolean;
  /**
   * Lifecycle rules of the bucket; `false` writes none (every object version and unfinished
   * upload is then kept forever).
   * @default - unfinished multipart uploads aborted after 7 days, non-current versions deleted after 90 days, current objects kept
   */
  readonly lifecycle?: FirehoseBucketLifecycle | false;
  /**
   * Where the stream logs delivery errors; `false` turns error logging off (failed deliveries are
   * then invisible until records appear under the error prefix).
   * @default - log group "/aws/kinesisfirehose/<stream name>" kept 365 days, log stream "DestinationDelivery"
   */
  readonly errorLogging?: FirehoseErrorLogging | false;
  /** Server access logs of the bucket, written to a bucket you name. @default - no server access logs */
  readonly accessLogging?: S3AccessLogging;
  /** Provider (account and region) of the resources. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** Tags on the bucket and stream. @default - no tags */
  readonly tags?: { readonly [key: string]: string };
}

/**
 * A Firehose delivery stream writing to an S3 bucket with secure defaults: public access blocked,
 * bucket-owner-enforced ownership, TLS-only bucket policy, default encryption (SSE-S3, or SSE-KMS
 * with your key), versioning, lifecycle rules (unfinished uploads aborted, old versions expired),
 * GZIP-compressed objects of newline-delimited records under a date-partitioned prefix, failed
 * records under an error prefix and delivery errors logged to CloudWatch Logs (kept 365 days).
 * Server access logs go to a bucket you name, when you name one. Firehose writes through a role
 * trusted for this stream only and allowed only the S3, KMS (through S3 only) and log actions
 * delivery needs, on this bucket, key and log stream.
 *
 * Use it as a target with `new FirehoseTarget(firehoseToS3)`.
 *
 * @example
 * ```ts
 * const archive = new FirehoseToS3(this, "SecurityEventArchive", { accountId: "123456789012" });
 * new StaxEventRule(this, "AllSecurityEvents", {
 *   bus,
 *   eventPattern: bus.securityEvents.allSecurityEvents(),
 *   targets: [new FirehoseTarget(archive)],
 * });
 * ```
 */
export class FirehoseToS3 extends Construct implements IDeliveryStream {
  public readonly deliveryStreamArn: string;
  public readonly provider?: TerraformProvider;
  /** The bucket. */
  public readonly bucket: S3Bucket;
  /** The delivery stream. */
  public readonly stream: KinesisFirehoseDeliveryStream;
  /** The role Firehose writes to the bucket with. */
  public readonly deliveryRole: IamRole;
  /** The log group of delivery errors, unless error logging is off. */
  public readonly errorLogGroup?: EventsLogGroup;
  /** Name of the delivery stream. */
  public readonly streamName: string;

  constructor(scope: Construct, id: string, props: FirehoseToS3Props) {
    super(scope, id);
    checkRequired(this, props, { accountId: ["string", "the 12-digit account of the stream and bucket"] });
    checkPropKeys(this, props, {
      accountId: true,
      bucketName: true,
      streamName: true,
      kmsKeyArn: true,
      prefix: true,
      errorPrefix: true,
      bufferingIntervalSeconds: true,
      bufferingSizeMiB: true,
      forceDestroy: true,
      lifecycle: true,
      errorLogging: true,
      accessLogging: true,
      provider: true,
      tags: true,
    });
    checkAccountId(this, "accountId", props.accountId);
    checkProviderAgrees(this, props.provider, props);
    if (props.lifecycle !== false)
      checkOptionKeys(this, "lifecycle", props.lifecycle, {
        abortIncompleteMultipartUploadDays: true,
        noncurrentVersionExpirationDays: true,
        expirationDays: true,
      });
    if (props.errorLogging !== false)
      checkOptionKeys(this, "errorLogging", props.errorLogging, {
        logGroupName: true,
        retentionDays: true,
        kmsKeyArn: true,
      });
    checkName(this, "bucketName", props.bucketName, BUCKET_NAME);
    checkName(this, "streamName", props.streamName, STREAM_NAME);
    checkKmsKey(this, "kmsKeyArn", props.kmsKeyArn, { arnOnly: true });
    checkTags(this, "tags", props.tags);
    checkType(this, "forceDestroy", props.forceDestroy, "boolean");
    checkRange(this, "bufferingIntervalSeconds", props.bufferingIntervalSeconds, 0, 900);
    checkRange(this, "bufferingSizeMiB", props.bufferingSizeMiB, 1, 128);
    const prefix = checkPrefix(this, "prefix", props.prefix ?? "stax-events/");
    const errorPrefix = checkPrefix(this, "errorPrefix", props.errorPrefix ?? "errors/");
    const provider = (this.provider = props.provider);
    this.streamName = props.streamName ?? physicalName(this, { maxLength: 64, illegal: /[^A-Za-z0-9_.-]/g });

    this.bucket = deliveryBucket(this, {
      provider,
      bucketName: props.bucketName,
      kmsKeyArn: props.kmsKeyArn,
      forceDestroy: props.forceDestroy ?? false,
      lifecycle: props.lifecycle ?? {},
      accessLogging: props.accessLogging,
      tags: props.tags,
    });
    const objects = `${this.bucket.arn}/*`;
    const partition = new DataAwsPartition(this, "Partition", { provider }).partition;
    const region = currentRegionName(this, "Region", provider);
    const errorLogs =
      props.errorLogging === false
        ? undefined
        : deliveryErrorLogging(this, this.streamName, props.errorLogging ?? {}, provider, props.tags);
    this.errorLogGroup = errorLogs?.logGroup;
    const grants: ServiceRoleGrant[] = [];
    if (props.kmsKeyArn) {
      // The key only through S3, and only for this bucket's objects (with an S3 Bucket Key the
      // encryption context is the bucket's ARN, otherwise the object's).
      grants.push({
        actions: ["kms:Decrypt", "kms:GenerateDataKey"],
        resources: [props.kmsKeyArn],
        condition: {
          StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` },
          StringLike: { "kms:EncryptionContext:aws:s3:arn": [this.bucket.arn, objects] },
        },
      });
    }
    if (errorLogs) grants.push(errorLogs.grant);
    const deliveryRole = new ServiceRole(this, "DeliveryRole", {
      provider,
      service: "firehose.amazonaws.com",
      sourceAccount: props.accountId,
      sourceArns: [`arn:${partition}:firehose:${region}:${props.accountId}:deliverystream/${this.streamName}`],
      actions: [
        "s3:AbortMultipartUpload",
        "s3:GetBucketLocation",
        "s3:GetObject",
        "s3:ListBucket",
        "s3:ListBucketMultipartUploads",
        "s3:PutObject",
      ],
      resources: [this.bucket.arn, objects],
      additionalGrants: grants,
    });

    this.stream = new KinesisFirehoseDeliveryStream(this, "Stream", {
      provider,
      name: this.streamName,
      destination: "extended_s3",
      serverSideEncryption: { enabled: true, keyType: "AWS_OWNED_CMK" },
      extendedS3Configuration: {
        roleArn: deliveryRole.roleArn,
        bucketArn: this.bucket.arn,
        prefix: `${prefix}${DATE_PARTITION}`,
        errorOutputPrefix: `${errorPrefix}!{firehose:error-output-type}/${DATE_PARTITION}`,
        compressionFormat: "GZIP",
        // One record per line (JSON Lines), so Athena and other readers can split the objects.
        processingConfiguration: { enabled: true, processors: [{ type: "AppendDelimiterToRecord" }] },
        bufferingInterval: props.bufferingIntervalSeconds ?? 300,
        bufferingSize: props.bufferingSizeMiB ?? 5,
        kmsKeyArn: props.kmsKeyArn,
        cloudwatchLoggingOptions: errorLogs?.options ?? { enabled: false },
      },
      tags: props.tags,
      dependsOn: [deliveryRole.policy],
    });
    this.deliveryRole = deliveryRole.role;
    this.deliveryStreamArn = this.stream.arn;
  }
}

function checkPrefix(scope: Construct, what: string, prefix: string): string {
  if (
    !isUnresolved(prefix) &&
    (prefix.startsWith("/") || prefix.includes("!{") || (prefix !== "" && !prefix.endsWith("/")))
  ) {
    fail(
      scope,
      `${what} '${prefix}' must be a plain key prefix ending in '/', without a leading '/' or '!{…}' expressions (the date partition is added for you), e.g. 'stax-events/'.`,
    );
  }
  return prefix;
}

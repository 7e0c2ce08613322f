/**
 * The bucket of a {@link FirehoseToS3}, with its secure defaults: public access blocked,
 * bucket-owner-enforced ownership, versioning, default encryption, a TLS-only policy, lifecycle
 * rules and, when asked for, server access logs. The resources are created directly in the
 * `FirehoseToS3` scope, so their addresses are those of the construct.
 */
import { Construct } from "constructs";
import { TerraformProvider } from "cdktf";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import {
  S3BucketLifecycleConfiguration,
  S3BucketLifecycleConfigurationRule,
} from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { checkRange, fail, isUnresolved } from "../private/errors";
import { denyInsecureTransportStatement, policyDocument } from "../private/iam";
import { bucketPrefix } from "../private/naming";

/**
 * Lifecycle rules of a {@link FirehoseToS3} bucket. The bucket is versioned, so without them every
 * overwritten or deleted object version, and every unfinished multipart upload, is kept (and paid
 * for) forever.
 */
export interface FirehoseBucketLifecycle {
  /** Days after which S3 aborts an unfinished multipart upload and deletes its parts. @default 7 */
  readonly abortIncompleteMultipartUploadDays?: number;
  /** Days S3 keeps an object version after it stops being the current one (overwritten or deleted). @default 90 */
  readonly noncurrentVersionExpirationDays?: number;
  /**
   * Days after which current objects expire: S3 puts a delete marker on them, and deletes the
   * version `noncurrentVersionExpirationDays` later.
   * @default - current objects are kept until you delete them
   */
  readonly expirationDays?: number;
}

/** Server access logging of a {@link FirehoseToS3} bucket into a bucket you manage. */
export interface S3AccessLogging {
  /**
   * Name of the bucket that receives the logs, in the same account and region. Its bucket policy
   * must let `logging.s3.amazonaws.com` put objects (scoped with `aws:SourceAccount` and
   * `aws:SourceArn`); the library does not write it, since the bucket is yours.
   */
  readonly bucketName: string;
  /** Key prefix of the logs, ending in '/'. @default - "s3-access-logs/<bucket name>/" */
  readonly prefix?: string;
}

/** What {@link deliveryBucket} builds. */
export interface DeliveryBucketOptions {
  /** Name of the bucket; `undefined` lets Terraform derive one from the construct path. */
  readonly bucketName?: string;
  /** Customer-managed KMS key (SSE-KMS); `undefined` uses SSE-S3. */
  readonly kmsKeyArn?: string;
  /** Let `terraform destroy` delete a bucket that still holds objects. */
  readonly forceDestroy: boolean;
  /** Lifecycle rules; `false` writes none. */
  readonly lifecycle: FirehoseBucketLifecycle | false;
  /** Server access logging; `undefined` turns it off. */
  readonly accessLogging?: S3AccessLogging;
  /** Provider of the resources. */
  readonly provider?: TerraformProvider;
  /** Tags on the bucket. */
  readonly tags?: { readonly [key: string]: string };
}

/** Creates the bucket and its configuration resources in `scope`; returns the bucket. */
export function deliveryBucket(scope: Construct, options: DeliveryBucketOptions): S3Bucket {
  const { provider } = options;
  const resource = new S3Bucket(scope, "Bucket", {
    provider,
    bucket: options.bucketName,
    bucketPrefix: options.bucketName ? undefined : bucketPrefix(scope),
    forceDestroy: options.forceDestroy,
    tags: options.tags,
  });
  const bucket = resource.id;
  new S3BucketPublicAccessBlock(scope, "PublicAccessBlock", {
    provider,
    bucket,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketOwnershipControls(scope, "Ownership", {
    provider,
    bucket,
    rule: { objectOwnership: "BucketOwnerEnforced" },
  });
  const versioning = new S3BucketVersioningA(scope, "Versioning", {
    provider,
    bucket,
    versioningConfiguration: { status: "Enabled" },
  });
  new S3BucketServerSideEncryptionConfigurationA(scope, "Encryption", {
    provider,
    bucket,
    rule: [
      {
        applyServerSideEncryptionByDefault: options.kmsKeyArn
          ? { sseAlgorithm: "aws:kms", kmsMasterKeyId: options.kmsKeyArn }
          : { sseAlgorithm: "AES256" },
        bucketKeyEnabled: options.kmsKeyArn ? true : undefined,
      },
    ],
  });
  new S3BucketPolicy(scope, "Policy", {
    provider,
    bucket,
    policy: policyDocument([denyInsecureTransportStatement("s3:*", [resource.arn, `${resource.arn}/*`])]),
  });
  if (options.lifecycle !== false) {
    new S3BucketLifecycleConfiguration(scope, "Lifecycle", {
      provider,
      bucket,
      rule: lifecycleRules(scope, options.lifecycle),
      // Lifecycle rules on non-current versions need versioning in place first.
      dependsOn: [versioning],
    });
  }
  if (options.accessLogging) {
    const target = checkLogBucket(scope, options.accessLogging.bucketName, options.bucketName);
    new S3BucketLoggingA(scope, "AccessLogging", {
      provider,
      bucket,
      targetBucket: target,
      targetPrefix: checkLogPrefix(scope, options.accessLogging.prefix) ?? `s3-access-logs/${bucket}/`,
      targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
    });
  }
  return resource;
}

/** The lifecycle rules, each on the whole bucket (an empty filter). */
function lifecycleRules(scope: Construct, lifecycle: FirehoseBucketLifecycle): S3BucketLifecycleConfigurationRule[] {
  const abortDays = lifecycle.abortIncompleteMultipartUploadDays ?? 7;
  const noncurrentDays = lifecycle.noncurrentVersionExpirationDays ?? 90;
  const expirationDays = lifecycle.expirationDays;
  checkRange(scope, "lifecycle.abortIncompleteMultipartUploadDays", abortDays, 1, 36500);
  checkRange(scope, "lifecycle.noncurrentVersionExpirationDays", noncurrentDays, 1, 36500);
  checkRange(scope, "lifecycle.expirationDays", expirationDays, 1, 36500);
  const rules: S3BucketLifecycleConfigurationRule[] = [
    {
      id: "abort-incomplete-multipart-uploads",
      status: "Enabled",
      filter: [{}],
      abortIncompleteMultipartUpload: [{ daysAfterInitiation: abortDays }],
    },
    {
      id: "expire-noncurrent-versions",
      status: "Enabled",
      filter: [{}],
      noncurrentVersionExpiration: [{ noncurrentDays }],
      // Removes the delete markers left once their versions are gone. S3 refuses it next to
      // expiration days, and does it on its own when those are set.
      expiration: expirationDays === undefined ? [{ expiredObjectDeleteMarker: true }] : undefined,
    },
  ];
  if (expirationDays !== undefined) {
    rules.push({
      id: "expire-current-objects",
      status: "Enabled",
      filter: [{}],
      expiration: [{ days: expirationDays }],
    });
  }
  return rules;
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function checkLogBucket(scope: Construct, name: string, own: string | undefined): string {
  if (isUnresolved(name)) return name;
  if (!BUCKET_NAME.test(name)) {
    fail(
      scope,
      `accessLogging.bucketName '${name}' is not an S3 bucket name (3-63 lowercase letters, digits, '.' and '-'). Pass the name, not the ARN, of the bucket that receives the logs.`,
    );
  }
  if (name === own) {
    fail(
      scope,
      `accessLogging.bucketName '${name}' is this bucket; logging a bucket into itself writes logs about logs forever. Name a separate log bucket.`,
    );
  }
  return name;
}

function checkLogPrefix(scope: Construct, prefix: string | undefined): string | undefined {
  if (prefix !== undefined && !isUnresolved(prefix) && (prefix.startsWith("/") || !prefix.endsWith("/"))) {
    fail(scope, `accessLogging.prefix '${prefix}' must end in '/' and not start with '/', e.g. 's3-access-logs/'.`);
  }
  return prefix;
}

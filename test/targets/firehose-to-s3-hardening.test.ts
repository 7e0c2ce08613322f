import { FirehoseToS3, FirehoseToS3Props } from "../../modules/targets";
import { onlyResource, refOf, resourcesOf, synthObject, testStack } from "../support/synth";
import { describeWithTerraform, plannedOfType, planStack } from "../support/terraform";

const ACCOUNT = "123456789012";

function build(props: Partial<FirehoseToS3Props> = {}) {
  const { stack } = testStack();
  const archive = new FirehoseToS3(stack, "Archive", { accountId: ACCOUNT, ...props });
  return { stack, archive, synth: synthObject(stack) };
}

describe("FirehoseToS3 lifecycle rules", () => {
  it("abort unfinished uploads after 7 days and delete non-current versions after 90 by default, after versioning", () => {
    const { synth, archive } = build();
    const lifecycle = onlyResource(synth, "aws_s3_bucket_lifecycle_configuration");
    expect(lifecycle.bucket).toBe(refOf(archive.bucket, "id"));
    expect(lifecycle.depends_on).toEqual([expect.stringMatching(/^aws_s3_bucket_versioning\.Archive_Versioning_/)]);
    expect(lifecycle.rule).toEqual([
      {
        id: "abort-incomplete-multipart-uploads",
        status: "Enabled",
        filter: [{}],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
      },
      {
        id: "expire-noncurrent-versions",
        status: "Enabled",
        filter: [{}],
        noncurrent_version_expiration: [{ noncurrent_days: 90 }],
        expiration: [{ expired_object_delete_marker: true }],
      },
    ]);
  });

  it("take other periods, expire current objects when asked, and can be turned off", () => {
    const { synth } = build({
      lifecycle: { abortIncompleteMultipartUploadDays: 1, noncurrentVersionExpirationDays: 30, expirationDays: 400 },
    });
    const rules = onlyResource(synth, "aws_s3_bucket_lifecycle_configuration").rule;
    expect(rules.map((r: any) => r.id)).toEqual([
      "abort-incomplete-multipart-uploads",
      "expire-noncurrent-versions",
      "expire-current-objects",
    ]);
    expect(rules[0].abort_incomplete_multipart_upload).toEqual([{ days_after_initiation: 1 }]);
    // S3 refuses the delete-marker cleanup next to expiration days (and does it itself then).
    expect(rules[1]).not.toHaveProperty("expiration");
    expect(rules[1].noncurrent_version_expiration).toEqual([{ noncurrent_days: 30 }]);
    expect(rules[2].expiration).toEqual([{ days: 400 }]);

    expect(resourcesOf(build({ lifecycle: false }).synth, "aws_s3_bucket_lifecycle_configuration")).toEqual({});
  });

  it("refuse periods S3 would reject", () => {
    expect(() => build({ lifecycle: { noncurrentVersionExpirationDays: 0 } })).toThrow(
      "test/Archive: lifecycle.noncurrentVersionExpirationDays is 0; it must be a whole number from 1 to 36500. Pass a value in that range.",
    );
    expect(() => build({ lifecycle: { expirationDays: 1.5 } })).toThrow(
      "test/Archive: lifecycle.expirationDays is 1.5; it must be a whole number from 1 to 36500.",
    );
  });
});

describe("FirehoseToS3 delivery error logging", () => {
  it("logs delivery errors to a log group kept 365 days, in the stream Firehose writes to", () => {
    const { synth, archive } = build();
    expect(onlyResource(synth, "aws_cloudwatch_log_group")).toEqual({
      name: "/aws/kinesisfirehose/test-Archive",
      retention_in_days: 365,
    });
    const logStream = onlyResource(synth, "aws_cloudwatch_log_stream");
    expect(logStream).toEqual({
      name: "DestinationDelivery",
      log_group_name: refOf(archive.errorLogGroup!.logGroup, "name"),
    });
    const options = onlyResource(synth, "aws_kinesis_firehose_delivery_stream").extended_s3_configuration
      .cloudwatch_logging_options;
    expect(options).toEqual({
      enabled: true,
      log_group_name: refOf(archive.errorLogGroup!.logGroup, "name"),
      log_stream_name: expect.stringMatching(/^\$\{aws_cloudwatch_log_stream\.Archive_ErrorLogStream_.*\.name\}$/),
    });
  });

  it("takes a log group name, retention and key, or turns off", () => {
    const key = "arn:aws:kms:ap-southeast-2:123456789012:key/5678abcd-12ab-34cd-56ef-1234567890ab";
    const { synth } = build({
      errorLogging: { logGroupName: "/stax/firehose-errors", retentionDays: 731, kmsKeyArn: key },
    });
    expect(onlyResource(synth, "aws_cloudwatch_log_group")).toEqual({
      name: "/stax/firehose-errors",
      retention_in_days: 731,
      kms_key_id: key,
    });

    const off = build({ errorLogging: false });
    expect(resourcesOf(off.synth, "aws_cloudwatch_log_group")).toEqual({});
    expect(off.archive.errorLogGroup).toBeUndefined();
    const stream = onlyResource(off.synth, "aws_kinesis_firehose_delivery_stream");
    expect(stream.extended_s3_configuration.cloudwatch_logging_options).toEqual({ enabled: false });
    const policy = JSON.parse(onlyResource(off.synth, "aws_iam_role_policy").policy);
    expect(policy.Statement.flatMap((s: any) => s.Action)).not.toContain("logs:PutLogEvents");
  });

  it("refuses a retention CloudWatch Logs does not offer", () => {
    expect(() => build({ errorLogging: { retentionDays: 100 } })).toThrow(
      "test/Archive/ErrorLogs: retentionDays is 100; CloudWatch Logs accepts only",
    );
  });
});

describe("FirehoseToS3 server access logging", () => {
  it("is off by default", () => {
    expect(resourcesOf(build().synth, "aws_s3_bucket_logging")).toEqual({});
  });

  it("writes server access logs to the bucket you name, partitioned by event time", () => {
    const { synth, archive } = build({ accessLogging: { bucketName: "my-access-logs" } });
    expect(onlyResource(synth, "aws_s3_bucket_logging")).toEqual({
      bucket: refOf(archive.bucket, "id"),
      target_bucket: "my-access-logs",
      target_prefix: `s3-access-logs/${refOf(archive.bucket, "id")}/`,
      target_object_key_format: { partitioned_prefix: { partition_date_source: "EventTime" } },
    });
    const custom = build({ accessLogging: { bucketName: "my-access-logs", prefix: "stax/" } }).synth;
    expect(onlyResource(custom, "aws_s3_bucket_logging").target_prefix).toBe("stax/");
  });

  it("refuses an ARN, the bucket itself and a bad prefix", () => {
    expect(() => build({ accessLogging: { bucketName: "arn:aws:s3:::my-access-logs" } })).toThrow(
      "test/Archive: accessLogging.bucketName 'arn:aws:s3:::my-access-logs' is not an S3 bucket name (3-63 lowercase letters, digits, '.' and '-'). Pass the name, not the ARN, of the bucket that receives the logs.",
    );
    expect(() => build({ bucketName: "stax-archive", accessLogging: { bucketName: "stax-archive" } })).toThrow(
      "test/Archive: accessLogging.bucketName 'stax-archive' is this bucket; logging a bucket into itself writes logs about logs forever. Name a separate log bucket.",
    );
    expect(() => build({ accessLogging: { bucketName: "logs-bucket", prefix: "logs" } })).toThrow(
      "test/Archive: accessLogging.prefix 'logs' must end in '/' and not start with '/', e.g. 's3-access-logs/'.",
    );
  });
});

describeWithTerraform("FirehoseToS3 hardening with terraform", () => {
  let plan: any;
  let validate: { diagnostics: unknown[] };
  beforeAll(() => {
    const { synth } = build({
      kmsKeyArn: "arn:aws:kms:ap-southeast-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      lifecycle: { expirationDays: 400 },
      accessLogging: { bucketName: "my-access-logs" },
    });
    ({ plan, validate } = planStack(synth));
  });

  it("validates without a warning (every lifecycle rule has its filter)", () => {
    expect(validate.diagnostics).toEqual([]);
  });

  it("plans the lifecycle rules on the whole bucket", () => {
    const [lifecycle] = plannedOfType(plan, "aws_s3_bucket_lifecycle_configuration");
    expect(lifecycle.values.rule).toEqual([
      expect.objectContaining({
        id: "abort-incomplete-multipart-uploads",
        status: "Enabled",
        abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
      }),
      expect.objectContaining({
        id: "expire-noncurrent-versions",
        noncurrent_version_expiration: [expect.objectContaining({ noncurrent_days: 90 })],
      }),
      expect.objectContaining({ id: "expire-current-objects", expiration: [expect.objectContaining({ days: 400 })] }),
    ]);
  });

  it("plans the error log group, its stream and the stream's logging options", () => {
    expect(plannedOfType(plan, "aws_cloudwatch_log_group")[0].values).toMatchObject({
      name: "/aws/kinesisfirehose/test-Archive",
      retention_in_days: 365,
    });
    expect(plannedOfType(plan, "aws_cloudwatch_log_stream")[0].values).toMatchObject({
      name: "DestinationDelivery",
      log_group_name: "/aws/kinesisfirehose/test-Archive",
    });
    const [stream] = plannedOfType(plan, "aws_kinesis_firehose_delivery_stream");
    expect(stream.values.extended_s3_configuration[0].cloudwatch_logging_options).toEqual([
      { enabled: true, log_group_name: "/aws/kinesisfirehose/test-Archive", log_stream_name: "DestinationDelivery" },
    ]);
  });

  it("plans server access logging into the named bucket", () => {
    expect(plannedOfType(plan, "aws_s3_bucket_logging")[0].values).toMatchObject({
      target_bucket: "my-access-logs",
      target_object_key_format: [{ partitioned_prefix: [{ partition_date_source: "EventTime" }], simple_prefix: [] }],
    });
  });
});

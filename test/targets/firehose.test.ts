import { DeliveryStream, FirehoseTarget, FirehoseToS3 } from "../../modules/targets";
import { onlyResource, parsed, refOf } from "../support/synth";
import { ACCOUNT, expectDefaultRetryAndDlq, roleOf, synthTargets, targetSetup } from "../support/targets";
import { REGION_NAME_ATTRIBUTE } from "../support/provider-forms";

const STREAM_ARN = "arn:aws:firehose:ap-southeast-2:123456789012:deliverystream/stax-events";
const KEY_ARN = "arn:aws:kms:ap-southeast-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

describe("FirehoseTarget", () => {
  it("puts records through a role allowed only PutRecord and PutRecordBatch on that stream, trusted for the rule", () => {
    const { stack, rule } = targetSetup();
    rule("A", new FirehoseTarget(DeliveryStream.fromArn(STREAM_ARN)));
    const { synth, targets } = synthTargets(stack);

    expect(targets[0].arn).toBe(STREAM_ARN);
    expectDefaultRetryAndDlq(targets[0]);
    const role = roleOf(synth, targets[0].role_arn);
    expect(role.policies[0].Statement).toEqual([
      { Effect: "Allow", Action: ["firehose:PutRecord", "firehose:PutRecordBatch"], Resource: [STREAM_ARN] },
    ]);
    expect(role.trust.Statement[0].Principal).toEqual({ Service: "events.amazonaws.com" });
    expect(role.trust.Statement[0].Condition).toEqual({
      StringEquals: { "aws:SourceAccount": ACCOUNT },
      ArnEquals: { "aws:SourceArn": expect.stringMatching(/aws_cloudwatch_event_rule\.A_.*\.arn/) },
    });
  });

  it("rejects a stream ARN that is not a Firehose delivery stream ARN", () => {
    expect(() => DeliveryStream.fromArn("arn:aws:kinesis:ap-southeast-2:123456789012:stream/stax-events")).toThrow(
      "DeliveryStream.fromArn: 'arn:aws:kinesis:ap-southeast-2:123456789012:stream/stax-events' is not a Firehose delivery stream ARN; expected 'arn:aws:firehose:<region>:<12-digit account>:deliverystream/<name>'.",
    );
  });
});

describe("FirehoseToS3", () => {
  function build(props: Partial<ConstructorParameters<typeof FirehoseToS3>[2]> = {}) {
    const { stack, rule } = targetSetup();
    const archive = new FirehoseToS3(stack, "Archive", { accountId: ACCOUNT, ...props });
    rule("A", new FirehoseTarget(archive));
    return { stack, archive, ...synthTargets(stack) };
  }

  it("delivers GZIP objects under a date-partitioned prefix, failed records under an error prefix", () => {
    const { synth, archive, targets } = build();
    const stream = onlyResource(synth, "aws_kinesis_firehose_delivery_stream");
    expect(targets[0].arn).toBe(refOf(archive.stream, "arn"));
    expect(stream.destination).toBe("extended_s3");
    expect(stream.server_side_encryption).toEqual({ enabled: true, key_type: "AWS_OWNED_CMK" });
    expect(stream.extended_s3_configuration).toMatchObject({
      bucket_arn: refOf(archive.bucket, "arn"),
      compression_format: "GZIP",
      prefix: "stax-events/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/",
      error_output_prefix:
        "errors/!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/",
      buffering_interval: 300,
      buffering_size: 5,
      processing_configuration: { enabled: true, processors: [{ type: "AppendDelimiterToRecord" }] },
    });
    expect(stream.depends_on).toEqual([expect.stringMatching(/^aws_iam_role_policy\./)]);
  });

  it("blocks public access, enforces bucket-owner ownership and TLS, encrypts with AES256 and versions the bucket", () => {
    const { synth, archive } = build();
    const bucket = refOf(archive.bucket, "id");
    expect(onlyResource(synth, "aws_s3_bucket_public_access_block")).toMatchObject({
      bucket,
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(onlyResource(synth, "aws_s3_bucket_ownership_controls").rule).toEqual({
      object_ownership: "BucketOwnerEnforced",
    });
    expect(onlyResource(synth, "aws_s3_bucket_versioning").versioning_configuration).toEqual({ status: "Enabled" });
    expect(onlyResource(synth, "aws_s3_bucket_server_side_encryption_configuration").rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } },
    ]);
    expect(parsed(onlyResource(synth, "aws_s3_bucket_policy").policy).Statement).toEqual([
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [refOf(archive.bucket, "arn"), `${refOf(archive.bucket, "arn")}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ]);
    expect(onlyResource(synth, "aws_s3_bucket").bucket_prefix).toBe("test-archive-");
  });

  it("gives Firehose a role scoped to this bucket, its key (through S3 only) and its error log, trusted only for this stream", () => {
    const { synth, archive } = build({ kmsKeyArn: KEY_ARN });
    const role = roleOf(synth, refOf(archive.deliveryRole, "arn"));
    expect(role.policies[0].Statement).toEqual([
      {
        Effect: "Allow",
        Action: [
          "s3:AbortMultipartUpload",
          "s3:GetBucketLocation",
          "s3:GetObject",
          "s3:ListBucket",
          "s3:ListBucketMultipartUploads",
          "s3:PutObject",
        ],
        Resource: [refOf(archive.bucket, "arn"), `${refOf(archive.bucket, "arn")}/*`],
      },
      {
        Effect: "Allow",
        Action: ["kms:Decrypt", "kms:GenerateDataKey"],
        Resource: [KEY_ARN],
        Condition: {
          StringEquals: {
            "kms:ViaService": expect.stringMatching(
              new RegExp(`^s3\\.\\$\\{data\\.aws_region\\.[^.]+\\.${REGION_NAME_ATTRIBUTE}\\}\\.amazonaws\\.com$`),
            ),
          },
          StringLike: {
            "kms:EncryptionContext:aws:s3:arn": [refOf(archive.bucket, "arn"), `${refOf(archive.bucket, "arn")}/*`],
          },
        },
      },
      {
        Effect: "Allow",
        Action: ["logs:PutLogEvents"],
        Resource: [expect.stringMatching(/^\$\{aws_cloudwatch_log_stream\.Archive_ErrorLogStream_.*\.arn\}$/)],
      },
    ]);
    expect(role.trust.Statement[0]).toMatchObject({
      Principal: { Service: "firehose.amazonaws.com" },
      Condition: {
        StringEquals: { "aws:SourceAccount": ACCOUNT },
        ArnEquals: {
          "aws:SourceArn": expect.stringMatching(
            /^arn:\$\{data\.aws_partition\..*\}:firehose:\$\{data\.aws_region\..*\}:123456789012:deliverystream\/test-Archive$/,
          ),
        },
      },
    });
    expect(onlyResource(synth, "aws_s3_bucket_server_side_encryption_configuration").rule).toEqual([
      {
        apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: KEY_ARN },
        bucket_key_enabled: true,
      },
    ]);
    expect(onlyResource(synth, "aws_kinesis_firehose_delivery_stream").extended_s3_configuration.kms_key_arn).toBe(
      KEY_ARN,
    );
  });

  it("takes a bucket name, prefixes and buffering", () => {
    const { synth } = build({
      bucketName: "my-stax-events",
      prefix: "security/",
      errorPrefix: "failed/",
      bufferingIntervalSeconds: 60,
      bufferingSizeMiB: 64,
    });
    expect(onlyResource(synth, "aws_s3_bucket").bucket).toBe("my-stax-events");
    expect(onlyResource(synth, "aws_kinesis_firehose_delivery_stream").extended_s3_configuration).toMatchObject({
      prefix: expect.stringMatching(/^security\/year=/),
      error_output_prefix: expect.stringMatching(/^failed\/!\{firehose:error-output-type\}\/year=/),
      buffering_interval: 60,
      buffering_size: 64,
    });
  });

  describe("rejects bad input", () => {
    it.each([
      [{ accountId: "42" }, "test/Archive: accountId '42' is not an AWS account id"],
      [{ bufferingSizeMiB: 0 }, "test/Archive: bufferingSizeMiB is 0; it must be a whole number from 1 to 128."],
      [
        { bufferingIntervalSeconds: 901 },
        "test/Archive: bufferingIntervalSeconds is 901; it must be a whole number from 0 to 900.",
      ],
      [{ prefix: "events" }, "test/Archive: prefix 'events' must be a plain key prefix ending in '/'"],
      [
        { errorPrefix: "err/!{timestamp:yyyy}/" },
        "test/Archive: errorPrefix 'err/!{timestamp:yyyy}/' must be a plain key prefix",
      ],
    ])("%j", (props, message) => {
      expect(() => build(props)).toThrow(message);
    });
  });
});

import { synthExample } from "../support/examples";
import { onlyResource, parsed } from "../support/synth";
import { describeWithTerraform, plannedOfType, planStack } from "../support/terraform";

describe("example: firehose-to-s3", () => {
  const [{ synth }] = synthExample("firehose-to-s3");
  const roles = Object.entries<any>(synth.resource.aws_iam_role);
  const policyOfRole = (roleName: string) =>
    parsed(
      Object.values<any>(synth.resource.aws_iam_role_policy).find((p) => p.role === `\${aws_iam_role.${roleName}.id}`)
        .policy,
    );

  it("synthesizes what its snapshot shows (a change here is an API change to review)", () => {
    expect(synth).toMatchSnapshot();
  });

  it("lets the rule put records only on its stream, and Firehose write only to its bucket and error log", () => {
    expect(roles).toHaveLength(2);
    const [eventsRole] = roles.find(
      ([, r]) => parsed(r.assume_role_policy).Statement[0].Principal.Service === "events.amazonaws.com",
    )!;
    const [firehoseRole] = roles.find(
      ([, r]) => parsed(r.assume_role_policy).Statement[0].Principal.Service === "firehose.amazonaws.com",
    )!;
    expect(policyOfRole(eventsRole).Statement).toEqual([
      {
        Effect: "Allow",
        Action: ["firehose:PutRecord", "firehose:PutRecordBatch"],
        Resource: [
          expect.stringMatching(/^\$\{aws_kinesis_firehose_delivery_stream\.SecurityEventArchive_Stream_.*\.arn\}$/),
        ],
      },
    ]);
    const [s3, logs, ...others] = policyOfRole(firehoseRole).Statement;
    expect(others).toEqual([]);
    expect(s3.Resource).toEqual([
      expect.stringMatching(/^\$\{aws_s3_bucket\.SecurityEventArchive_Bucket_.*\.arn\}$/),
      expect.stringMatching(/^\$\{aws_s3_bucket\.SecurityEventArchive_Bucket_.*\.arn\}\/\*$/),
    ]);
    expect(logs).toEqual({
      Effect: "Allow",
      Action: ["logs:PutLogEvents"],
      Resource: [
        expect.stringMatching(/^\$\{aws_cloudwatch_log_stream\.SecurityEventArchive_ErrorLogStream_.*\.arn\}$/),
      ],
    });
  });

  describeWithTerraform("with terraform", () => {
    let plan: any;
    beforeAll(() => {
      plan = planStack(synth).plan;
    });

    it("plans a private, encrypted, versioned bucket with its policy", () => {
      expect(plannedOfType(plan, "aws_s3_bucket_policy")).toHaveLength(1);
      expect(plannedOfType(plan, "aws_s3_bucket_public_access_block").map((r) => r.values)).toEqual([
        expect.objectContaining({
          block_public_acls: true,
          block_public_policy: true,
          ignore_public_acls: true,
          restrict_public_buckets: true,
        }),
      ]);
      expect(plannedOfType(plan, "aws_s3_bucket_versioning")[0].values.versioning_configuration).toEqual([
        expect.objectContaining({ status: "Enabled" }),
      ]);
      expect(plannedOfType(plan, "aws_s3_bucket_server_side_encryption_configuration")[0].values.rule).toEqual([
        expect.objectContaining({
          apply_server_side_encryption_by_default: [expect.objectContaining({ sse_algorithm: "AES256" })],
        }),
      ]);
      expect(plannedOfType(plan, "aws_s3_bucket_ownership_controls")[0].values.rule).toEqual([
        { object_ownership: "BucketOwnerEnforced" },
      ]);
      expect(plannedOfType(plan, "aws_s3_bucket")[0].values).toMatchObject({
        bucket_prefix: expect.stringMatching(/^stax-firehose-event-archive-[0-9a-f]{8}-$/),
        force_destroy: false,
      });
    });

    it("plans the stream: GZIP, newline-delimited, date-partitioned, encrypted", () => {
      const [stream] = plannedOfType(plan, "aws_kinesis_firehose_delivery_stream");
      expect(stream.values.name).toBe("stax-firehose-to-s3-SecurityEventArchive");
      expect(stream.values.server_side_encryption).toEqual([
        expect.objectContaining({ enabled: true, key_type: "AWS_OWNED_CMK" }),
      ]);
      const [s3] = stream.values.extended_s3_configuration;
      expect(s3).toMatchObject({
        compression_format: "GZIP",
        prefix: "stax-events/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/",
        error_output_prefix:
          "errors/!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/",
      });
      expect(s3.processing_configuration).toEqual([
        { enabled: true, processors: [expect.objectContaining({ type: "AppendDelimiterToRecord" })] },
      ]);
    });

    it("plans the Firehose role trusted only for this stream in this account", () => {
      const roles = plannedOfType(plan, "aws_iam_role")
        .map((r) => JSON.parse(r.values.assume_role_policy ?? "null"))
        .filter(Boolean);
      // The events role's trust names the rule ARN (unknown until apply); the Firehose role's is known.
      expect(roles).toEqual([
        {
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { Service: "firehose.amazonaws.com" },
              Action: "sts:AssumeRole",
              Condition: {
                StringEquals: { "aws:SourceAccount": "123456789012" },
                ArnEquals: {
                  "aws:SourceArn":
                    "arn:aws:firehose:ap-southeast-2:123456789012:deliverystream/stax-firehose-to-s3-SecurityEventArchive",
                },
              },
            },
          ],
        },
      ]);
      expect(plannedOfType(plan, "aws_iam_role_policy").map((r) => r.values.name)).toEqual([
        "least-privilege",
        "least-privilege",
      ]);
    });

    it("plans the target with its role, a retry policy and the dead-letter queue", () => {
      const [target] = plannedOfType(plan, "aws_cloudwatch_event_target");
      expect(target.values.retry_policy).toEqual([
        { maximum_event_age_in_seconds: 86400, maximum_retry_attempts: 185 },
      ]);
      const change = plan.resource_changes.find((c: any) => c.address === target.address);
      expect(change.change.after_unknown).toMatchObject({
        role_arn: true,
        arn: true,
        dead_letter_config: [{ arn: true }],
      });
    });
  });

  it("denies every request to the bucket that does not use TLS", () => {
    expect(parsed(onlyResource(synth, "aws_s3_bucket_policy").policy).Statement).toEqual([
      expect.objectContaining({
        Effect: "Deny",
        Action: "s3:*",
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      }),
    ]);
  });
});

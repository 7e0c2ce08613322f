/**
 * StaxAuditLog as synthesized: one rule per audit rule spec with its input transformer, a shared
 * role and dead-letter queue trusted for the audit rules only, Firehose to a hardened bucket, and
 * the Glue table and Athena workgroup.
 */
import { StaxAuditLog, StaxEventBus } from "../../modules";
import { parsed, resourcesOf, synthObject, testStack } from "../support/synth";

const ACCOUNT = "123456789012";

function build(props: Partial<ConstructorParameters<typeof StaxAuditLog>[2]> = {}) {
  const { stack } = testStack();
  const bus = new StaxEventBus(stack, "Bus", { accountId: ACCOUNT, sourceName: "default" });
  const audit = new StaxAuditLog(stack, "AuditLog", { bus, accountId: ACCOUNT, ...props });
  return { stack, audit, synth: synthObject(stack) };
}

describe("StaxAuditLog", () => {
  const { audit, synth } = build();
  const rules = Object.values<any>(resourcesOf(synth, "aws_cloudwatch_event_rule"));
  const targets = Object.values<any>(resourcesOf(synth, "aws_cloudwatch_event_target"));

  it("creates one rule and one Firehose target per rule spec, each rule on the Stax bus", () => {
    expect(rules).toHaveLength(audit.ruleSpecs.length);
    expect(targets).toHaveLength(audit.ruleSpecs.length);
    for (const rule of rules) {
      expect(parsed(rule.event_pattern).source).toEqual(["aws.partner/stax.io/123456789012/default"]);
      expect(rule.name.length).toBeLessThanOrEqual(64);
      expect(rule.name).toMatch(/^test-AuditLog-[a-z-]+-[pf][un][mx]?$/);
    }
    expect(new Set(rules.map((r) => r.name)).size).toBe(rules.length);
  });

  it("gives each target the input transformer of its spec, the shared role and the shared dead-letter queue", () => {
    const roleArns = new Set(targets.map((t) => t.role_arn));
    const dlqArns = new Set(targets.map((t) => t.dead_letter_config.arn));
    expect(roleArns.size).toBe(1);
    expect(dlqArns.size).toBe(1);
    const templates = new Set(targets.map((t) => t.input_transformer.input_template));
    expect(templates).toEqual(new Set(audit.ruleSpecs.map((s) => s.inputTemplate)));
    for (const target of targets) expect(target.arn).toMatch(/aws_kinesis_firehose_delivery_stream\.AuditLog_Delivery/);
  });

  it("trusts the role and the dead-letter queue for the audit rules only, with one statement each", () => {
    const role = Object.entries<any>(resourcesOf(synth, "aws_iam_role")).find(([name]) =>
      name.startsWith("AuditLog_DeliveryRole"),
    )?.[1];
    const trust = parsed(role.assume_role_policy).Statement[0].Condition;
    expect(trust.StringEquals).toEqual({ "aws:SourceAccount": ACCOUNT });
    expect(trust.ArnLike["aws:SourceArn"]).toMatch(/:events:.*:123456789012:rule\/\*\/test-AuditLog-\*$/);
    const policy = Object.values<any>(resourcesOf(synth, "aws_iam_role_policy")).find((p) =>
      p.role.includes("AuditLog_DeliveryRole"),
    );
    expect(parsed(policy.policy).Statement).toEqual([
      {
        Effect: "Allow",
        Action: ["firehose:PutRecord", "firehose:PutRecordBatch"],
        Resource: [expect.stringContaining("aws_kinesis_firehose_delivery_stream.AuditLog_Delivery")],
      },
    ]);
    const queuePolicies = Object.values<any>(resourcesOf(synth, "aws_sqs_queue_policy")).map((p) => parsed(p.policy));
    const dlq = queuePolicies.find((p) => p.Statement.some((s: any) => s.Sid === "AllowAuditRulesDeadLetters"));
    const grant = dlq.Statement.find((s: any) => s.Sid === "AllowAuditRulesDeadLetters");
    expect(grant.Condition.ArnLike["aws:SourceArn"]).toBe(trust.ArnLike["aws:SourceArn"]);
  });

  it("writes GZIP newline-delimited records under audit/ partitioned by date", () => {
    const stream = Object.values<any>(resourcesOf(synth, "aws_kinesis_firehose_delivery_stream"))[0];
    expect(stream.extended_s3_configuration.prefix).toBe(
      "audit/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/",
    );
    expect(stream.extended_s3_configuration.compression_format).toBe("GZIP");
  });

  it("defines the Glue table: JSON SerDe, the eleven columns, date partitions projected", () => {
    const table = Object.values<any>(resourcesOf(synth, "aws_glue_catalog_table"))[0];
    expect(table.storage_descriptor.ser_de_info.serialization_library).toBe("org.openx.data.jsonserde.JsonSerDe");
    expect(table.storage_descriptor.columns.map((c: any) => c.name)).toEqual([
      "id",
      "user_email",
      "user_id",
      "organization_id",
      "crud",
      "result",
      "action",
      "source",
      "description",
      "event_time",
      "context",
    ]);
    expect(table.partition_keys.map((k: any) => k.name)).toEqual(["year", "month", "day"]);
    expect(table.parameters["projection.enabled"]).toBe("true");
    expect(table.parameters["storage.location.template"]).toMatch(
      /^s3:\/\/\$\{aws_s3_bucket\.AuditLog_Delivery_Bucket.*\.bucket\}\/audit\/year=\$\$\{year\}\/month=\$\$\{month\}\/day=\$\$\{day\}\/$/,
    );
  });

  it("enforces the workgroup's configuration with encrypted results in their own bucket", () => {
    const workgroup = Object.values<any>(resourcesOf(synth, "aws_athena_workgroup"))[0];
    const configuration = workgroup.configuration;
    expect(configuration.enforce_workgroup_configuration).toBe(true);
    expect(configuration.result_configuration.encryption_configuration).toEqual({ encryption_option: "SSE_S3" });
    expect(configuration.result_configuration.output_location).toMatch(/aws_s3_bucket\.AuditLog_Athena_Results_Bucket/);
    expect(Object.keys(resourcesOf(synth, "aws_athena_named_query"))).toHaveLength(4);
  });

  it("encrypts records and results with a customer-managed key when given one", () => {
    const key = "arn:aws:kms:ap-southeast-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const { synth: withKey } = build({ kmsKeyArn: key });
    const workgroup = Object.values<any>(resourcesOf(withKey, "aws_athena_workgroup"))[0];
    expect(workgroup.configuration.result_configuration.encryption_configuration).toEqual({
      encryption_option: "SSE_KMS",
      kms_key_arn: key,
    });
  });

  it("leaves out Glue and Athena with athena: false", () => {
    const { synth: without } = build({ athena: false });
    expect(resourcesOf(without, "aws_glue_catalog_table")).toEqual({});
    expect(resourcesOf(without, "aws_athena_workgroup")).toEqual({});
  });

  it("refuses an account id that is not 12 digits", () => {
    expect(() => build({ accountId: "1234" })).toThrow(
      "test/AuditLog: accountId '1234' is not an AWS account id; it must be exactly 12 digits, e.g. '123456789012'.",
    );
  });
});

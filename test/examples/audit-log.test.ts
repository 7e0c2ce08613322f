import { synthExample } from "../support/examples";
import { parsed } from "../support/synth";
import { describeWithTerraform, plannedOfType, planStack } from "../support/terraform";

describe("example: audit-log", () => {
  const [{ synth }] = synthExample("audit-log");
  const of = (type: string) => Object.values<any>(synth.resource[type] ?? {});

  it("synthesizes what its snapshot shows (a change here is an API change to review)", () => {
    // The audit rules and targets are many and alike: the snapshot lists the rule names and shows
    // one rule and target in full; test/audit/records.test.ts checks every pattern and template.
    const rules = synth.resource.aws_cloudwatch_event_rule;
    const targets = synth.resource.aws_cloudwatch_event_target;
    const first = (all: Record<string, unknown>) => all[Object.keys(all).sort()[0]];
    expect({
      ...synth,
      resource: {
        ...synth.resource,
        aws_cloudwatch_event_rule: {
          names: Object.values<any>(rules)
            .map((r) => r.name)
            .sort(),
          first: first(rules),
        },
        aws_cloudwatch_event_target: { count: Object.keys(targets).length, first: first(targets) },
      },
    }).toMatchSnapshot();
  });

  it("writes every audit record through input transformers to Firehose, no Lambda", () => {
    expect(synth.resource.aws_lambda_function).toBeUndefined();
    const targets = of("aws_cloudwatch_event_target");
    expect(targets.length).toBe(of("aws_cloudwatch_event_rule").length);
    for (const target of targets) {
      expect(target.arn).toMatch(/^\$\{aws_kinesis_firehose_delivery_stream\.AuditLog_Delivery_Stream_.*\.arn\}$/);
      const template: string = target.input_transformer.input_template;
      const filled = template.replace(/"<[A-Za-z0-9_]+>"/g, '"x"').replace(/<[A-Za-z0-9_]+>/g, '"x"');
      expect(Object.keys(JSON.parse(filled))).toEqual([
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
    }
  });

  it("projects the date partitions of the Glue table, so no crawler is needed", () => {
    const [table] = of("aws_glue_catalog_table");
    expect(table.parameters).toMatchObject({
      "projection.enabled": "true",
      "projection.year.type": "integer",
      "projection.month.range": "1,12",
      "projection.month.digits": "2",
      "projection.day.range": "1,31",
      "projection.day.digits": "2",
    });
    expect(table.parameters["storage.location.template"]).toMatch(
      /\/audit\/year=\$\$\{year\}\/month=\$\$\{month\}\/day=\$\$\{day\}\/$/,
    );
  });

  it("pins every rule to the example's partner event source", () => {
    for (const rule of of("aws_cloudwatch_event_rule")) {
      expect(parsed(rule.event_pattern).source).toEqual(["aws.partner/stax.io/123456789012/audit-events"]);
    }
  });

  describeWithTerraform("with terraform", () => {
    let plan: any;
    beforeAll(() => {
      plan = planStack(synth).plan;
    });

    it("plans the Glue table: JSON SerDe, the eleven columns, projected date partitions", () => {
      const [table] = plannedOfType(plan, "aws_glue_catalog_table");
      expect(table.values.name).toBe("stax_audit_log");
      expect(table.values.table_type).toBe("EXTERNAL_TABLE");
      const [descriptor] = table.values.storage_descriptor;
      expect(descriptor.ser_de_info[0].serialization_library).toBe("org.openx.data.jsonserde.JsonSerDe");
      expect(descriptor.columns.map((c: any) => [c.name, c.type])).toEqual(
        [
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
        ].map((name) => [name, "string"]),
      );
      expect(table.values.partition_keys.map((k: any) => k.name)).toEqual(["year", "month", "day"]);
      expect(table.values.database_name).toBe("stax_audit_log_auditlog_athena");
    });

    it("plans the workgroup with enforced configuration and SSE-S3-encrypted results", () => {
      const [workgroup] = plannedOfType(plan, "aws_athena_workgroup");
      const [configuration] = workgroup.values.configuration;
      expect(configuration.enforce_workgroup_configuration).toBe(true);
      expect(configuration.publish_cloudwatch_metrics_enabled).toBe(true);
      const [results] = configuration.result_configuration;
      expect(results.encryption_configuration).toEqual([{ encryption_option: "SSE_S3", kms_key_arn: null }]);
      expect(results.expected_bucket_owner).toBe("123456789012");
      expect(configuration.engine_version[0].selected_engine_version).toBe("Athena engine version 3");
    });

    it("plans the four named queries in the workgroup's database", () => {
      const queries = plannedOfType(plan, "aws_athena_named_query").map((q) => q.values);
      expect(queries.map((q) => q.name).sort()).toEqual([
        "API-token lifecycle",
        "Everything one user did",
        "Failed logins by user, last day",
        "Policy changes per organisation",
      ]);
      for (const query of queries) expect(query.query).toContain('."stax_audit_log"');
    });

    it("plans a private, TLS-only, encrypted results bucket that expires results", () => {
      const rules = plannedOfType(plan, "aws_s3_bucket_lifecycle_configuration").flatMap((r) => r.values.rule);
      expect(rules).toContainEqual(
        expect.objectContaining({ id: "expire-current-objects", expiration: [expect.objectContaining({ days: 30 })] }),
      );
      expect(plannedOfType(plan, "aws_s3_bucket_public_access_block")).toHaveLength(2);
      expect(plannedOfType(plan, "aws_s3_bucket_policy")).toHaveLength(2);
    });

    it("plans every rule with its Firehose target", () => {
      const rules = plannedOfType(plan, "aws_cloudwatch_event_rule");
      expect(plannedOfType(plan, "aws_cloudwatch_event_target")).toHaveLength(rules.length);
      expect(rules.every((r) => r.values.name.length <= 64)).toBe(true);
    });
  });
});

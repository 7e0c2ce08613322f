import { Testing } from "cdktf";
import { buildCrossRegionForwarding, EXAMPLE } from "../../examples/cross-region-forwarding/main";
import { describeWithTerraform, plannedOfType, planStack } from "../support/terraform";
import { onlyResource, parsed, refOf, resourcesOf, synthObject } from "../support/synth";

const REGIONS = ["us-east-1", "ap-southeast-2", "eu-west-1"];

function synthExample(regions: readonly string[] = REGIONS) {
  const stack = buildCrossRegionForwarding(Testing.app(), { regions });
  return { stack, synth: synthObject(stack) };
}

describe("example: cross-region forwarding", () => {
  const { stack, synth } = synthExample();

  it("matches its snapshot", () => {
    expect(synth).toMatchSnapshot();
  });

  it("forwards every default-enabled region by default", () => {
    const { synth: all } = synthExample(EXAMPLE.regions);
    expect(Object.keys(resourcesOf(all, "aws_cloudwatch_event_rule"))).toHaveLength(EXAMPLE.regions.length + 1); // + the queue rule
    expect(Object.keys(resourcesOf(all, "aws_iam_role"))).toHaveLength(1);
  });

  it("routes everything that reaches the aggregation bus to the queue", () => {
    const rules = Object.values(resourcesOf(synth, "aws_cloudwatch_event_rule")) as any[];
    const onCollector = rules.filter((r) => r.event_bus_name === refOf(stack.collector.bus, "name"));
    expect(onCollector.map((r) => parsed(r.event_pattern))).toEqual([{ source: [{ prefix: "aws." }] }]);
    const targets = Object.values(resourcesOf(synth, "aws_cloudwatch_event_target")) as any[];
    expect(targets.filter((t) => t.arn === refOf(stack.queue.queue, "arn"))).toHaveLength(1);
  });

  describeWithTerraform("with terraform", () => {
    let plan: any;
    beforeAll(() => {
      plan = planStack(synth).plan;
    });

    /** The provider alias of each planned resource address. */
    const providerByAddress = (): Map<string, string> =>
      new Map(plan.configuration.root_module.resources.map((r: any) => [r.address, r.provider_config_key]));

    it("plans one role for the account, allowed only PutEvents on the aggregation bus, trusted for its rules", () => {
      const roles = plannedOfType(plan, "aws_iam_role");
      expect(roles).toHaveLength(1);
      const rules = plannedOfType(plan, "aws_cloudwatch_event_rule").filter(
        (r) => r.values.event_bus_name === "default",
      );
      expect(JSON.parse(roles[0].values.assume_role_policy).Statement[0].Condition).toEqual({
        StringEquals: { "aws:SourceAccount": EXAMPLE.securityAccountId },
        ArnEquals: {
          "aws:SourceArn": expect.arrayContaining(rules.map((r) => expect.stringMatching(`:rule/${r.values.name}$`))),
        },
      });
      expect(
        JSON.parse(roles[0].values.assume_role_policy).Statement[0].Condition.ArnEquals["aws:SourceArn"],
      ).toHaveLength(rules.length);
      expect(plannedOfType(plan, "aws_iam_role_policy")).toHaveLength(1);
    });

    it("plans one rule on the default bus and one target with the role in each region", () => {
      const providers = providerByAddress();
      const forwarding = plannedOfType(plan, "aws_cloudwatch_event_rule").filter(
        (r) => r.values.event_bus_name === "default",
      );
      expect(forwarding.map((r) => providers.get(r.address)).sort()).toEqual([
        "aws",
        "aws.Forwarder-eu-west-1",
        "aws.Forwarder-us-east-1",
      ]);
      const targets = plan.resource_changes.filter(
        (c: any) => c.type === "aws_cloudwatch_event_target" && c.change.after.event_bus_name === "default",
      );
      expect(targets.map((t: any) => providers.get(t.address)).sort()).toEqual([
        "aws",
        "aws.Forwarder-eu-west-1",
        "aws.Forwarder-us-east-1",
      ]);
      for (const t of targets) {
        expect(t.change.after_unknown).toMatchObject({
          arn: true,
          role_arn: true,
          dead_letter_config: [{ arn: true }],
        });
        expect(t.change.after.retry_policy).toEqual([
          { maximum_event_age_in_seconds: 86400, maximum_retry_attempts: 185 },
        ]);
      }
      const roleArn = plan.configuration.root_module.resources.find((r: any) => r.type === "aws_iam_role").address;
      const targetConfigs = plan.configuration.root_module.resources.filter(
        (r: any) =>
          r.type === "aws_cloudwatch_event_target" && r.expressions.event_bus_name?.constant_value === "default",
      );
      for (const t of targetConfigs) expect(t.expressions.role_arn.references).toContain(roleArn);
    });

    it("plans the aggregation bus with its organisation-scoped policy and archive", () => {
      const bus = onlyResource(
        {
          resource: {
            b: Object.fromEntries(plannedOfType(plan, "aws_cloudwatch_event_bus").map((r) => [r.address, r.values])),
          },
        },
        "b",
      );
      expect(bus.name).toBe(`${EXAMPLE.stackName}-Collector`);
      const [policy] = plannedOfType(plan, "aws_cloudwatch_event_bus_policy");
      expect(JSON.parse(policy.values.policy).Statement).toEqual([
        {
          Sid: "AllowPutEventsFromOrganization",
          Effect: "Allow",
          Principal: "*",
          Action: "events:PutEvents",
          Resource: `arn:aws:events:${EXAMPLE.homeRegion}:${EXAMPLE.securityAccountId}:event-bus/${EXAMPLE.stackName}-Collector`,
          Condition: { StringEquals: { "aws:PrincipalOrgID": EXAMPLE.organizationId } },
        },
      ]);
      expect(plannedOfType(plan, "aws_cloudwatch_event_archive").map((a) => a.values.retention_days)).toEqual([30]);
    });

    it("plans a dead-letter queue in each region", () => {
      const providers = providerByAddress();
      const queues = plannedOfType(plan, "aws_sqs_queue").filter((q) =>
        q.values.name.startsWith(`${EXAMPLE.stackName}-StaxTargetDeadLetterQueue`),
      );
      expect(queues.map((q) => providers.get(q.address)).sort()).toEqual([
        "aws",
        "aws.Forwarder-eu-west-1",
        "aws.Forwarder-us-east-1",
      ]);
    });
  });
});

import { Testing } from "cdktf";
import { buildOrgWideForwarding, EXAMPLE } from "../../examples/org-wide-forwarding/main";
import { describeWithTerraform, plannedOfType, plannedResources, planStack } from "../support/terraform";
import { onlyResource, parsed, resourcesOf, synthObject } from "../support/synth";

function synthExample(overrides = {}) {
  const stack = buildOrgWideForwarding(Testing.app(), overrides);
  return { stack, synth: synthObject(stack) };
}

describe("example: organisation-wide forwarding", () => {
  const { synth } = synthExample();

  it("matches its snapshot", () => {
    expect(synth).toMatchSnapshot();
  });

  it("has as many Terraform resources for two OUs as for twenty", () => {
    const count = (s: Record<string, any>) =>
      Object.values(s.resource).reduce((n: number, byName: any) => n + Object.keys(byName).length, 0);
    const many = Array.from({ length: 20 }, (_, i) => `ou-ab12-${String(i).padStart(8, "0")}`);
    expect(count(synthExample({ organizationalUnitIds: many }).synth)).toBe(count(synth));
    // the bus, its policy and archive, the StackSet and one instance per region
    expect(count(synth)).toBe(3 + 1 + EXAMPLE.regions.length);
  });

  describeWithTerraform("with terraform", () => {
    let plan: any;
    beforeAll(() => {
      plan = planStack(synth).plan;
    });

    it("plans a service-managed StackSet that deploys automatically to new accounts", () => {
      const [stackSet] = plannedOfType(plan, "aws_cloudformation_stack_set");
      expect(stackSet.values).toMatchObject({
        permission_model: "SERVICE_MANAGED",
        auto_deployment: [{ enabled: true, retain_stacks_on_account_removal: false }],
        call_as: "DELEGATED_ADMIN",
        capabilities: ["CAPABILITY_NAMED_IAM"],
      });
      expect(stackSet.values.operation_preferences).toEqual([
        expect.objectContaining({
          max_concurrent_percentage: 50,
          failure_tolerance_percentage: 10,
          region_order: ["us-east-1", "ap-southeast-2", "eu-west-1"],
        }),
      ]);
    });

    it("plans one instance per region over the OUs", () => {
      const instances = plannedOfType(plan, "aws_cloudformation_stack_set_instance");
      expect(instances.map((i) => i.values.region).sort()).toEqual([...EXAMPLE.regions].sort());
      for (const i of instances)
        expect(i.values.deployment_targets).toEqual([
          expect.objectContaining({ organizational_unit_ids: [...EXAMPLE.organizationalUnitIds].sort() }),
        ]);
    });

    it("deploys one role per account, and in each region a rule on the default bus whose target uses it", () => {
      const template = JSON.parse(plannedOfType(plan, "aws_cloudformation_stack_set")[0].values.template_body);
      const byType = (type: string) => Object.values(template.Resources).filter((r: any) => r.Type === type) as any[];
      const [role] = byType("AWS::IAM::Role");
      expect(byType("AWS::IAM::Role")).toHaveLength(1);
      expect(role.Condition).toBe("IsRoleRegion");
      expect(template.Conditions.IsRoleRegion["Fn::Equals"][1]).toBe("us-east-1");
      const [rule] = byType("AWS::Events::Rule");
      expect(rule.Properties.EventBusName).toBe("default");
      expect(rule.Properties.Targets[0]).toMatchObject({
        Arn: `arn:aws:events:${EXAMPLE.homeRegion}:${EXAMPLE.securityAccountId}:event-bus/${EXAMPLE.stackName}-Collector`,
        RoleArn: { "Fn::Sub": `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/${role.Properties.RoleName}` },
      });
      expect(byType("AWS::SQS::Queue")).toHaveLength(1);
      expect(byType("AWS::SQS::QueuePolicy")).toHaveLength(1);
    });

    it("plans the aggregation bus open to the organisation only", () => {
      const [policy] = plannedOfType(plan, "aws_cloudwatch_event_bus_policy");
      expect(JSON.parse(policy.values.policy).Statement).toEqual([
        expect.objectContaining({
          Principal: "*",
          Action: "events:PutEvents",
          Condition: { StringEquals: { "aws:PrincipalOrgID": EXAMPLE.organizationId } },
        }),
      ]);
      expect(plannedResources(plan)).toHaveLength(3 + 1 + EXAMPLE.regions.length);
    });
  });

  it("names the StackSet, and the rule and role it deploys, after the stack and the construct path", () => {
    expect(onlyResource(synth, "aws_cloudformation_stack_set").name).toBe(`${EXAMPLE.stackName}-OrgForwarding`);
    expect(Object.keys(resourcesOf(synth, "aws_cloudformation_stack_set_instance"))).toHaveLength(3);
    expect(
      parsed(onlyResource(synth, "aws_cloudformation_stack_set").template_body).Resources.ForwardingRule.Properties
        .Name,
    ).toBe(`${EXAMPLE.stackName}-OrgForwarding`);
  });
});

import { Testing } from "cdktf";
import { matches } from "../../modules/pattern";
import {
  AWS_COMMERCIAL_REGIONS,
  AWS_DEFAULT_ENABLED_REGIONS,
  OrganizationForwarding,
  OrganizationForwardingProps,
  ServiceEventPatterns,
} from "../../modules/forwarding";
import { STACK_SET_INSTANCE_REGION } from "../support/provider-forms";
import { onlyResource, parsed, refOf, resourcesOf, synthObject, testStack } from "../support/synth";

const DESTINATION = "arn:aws:events:ap-southeast-2:111122223333:event-bus/aws-service-events";
const OUS = ["ou-ab12-cd34ef56", "r-ab12"];

function rollOut(props: Partial<OrganizationForwardingProps> = {}) {
  const { stack } = testStack();
  const forwarding = new OrganizationForwarding(stack, "OrgForwarding", {
    destination: DESTINATION,
    eventPattern: ServiceEventPatterns.anyOf(
      ServiceEventPatterns.securityFindings(),
      ServiceEventPatterns.rootUserActivity(),
    ),
    organizationalUnitIds: OUS,
    regions: ["eu-west-1", "us-east-1", "ap-southeast-2"],
    ...props,
  });
  return { stack, forwarding };
}

describe("OrganizationForwarding", () => {
  it("creates a service-managed StackSet that deploys itself to new accounts", () => {
    const { stack } = rollOut();
    const stackSet = onlyResource(synthObject(stack), "aws_cloudformation_stack_set");
    expect(stackSet).toMatchObject({
      permission_model: "SERVICE_MANAGED",
      auto_deployment: { enabled: true, retain_stacks_on_account_removal: false },
      managed_execution: { active: true },
      capabilities: ["CAPABILITY_NAMED_IAM"],
      call_as: "SELF",
      lifecycle: { ignore_changes: ["administration_role_arn"] },
    });
  });

  it("targets the OUs with one instance per region, the role's region first, whatever the number of accounts", () => {
    const { stack, forwarding } = rollOut();
    const synth = synthObject(stack);
    const instances = Object.values(resourcesOf(synth, "aws_cloudformation_stack_set_instance")) as any[];
    expect(instances.map((i) => i[STACK_SET_INSTANCE_REGION]).sort()).toEqual([
      "ap-southeast-2",
      "eu-west-1",
      "us-east-1",
    ]);
    const roleRegionInstance = refOf(forwarding.instances["us-east-1"], "id")
      .replace(/\.id\}$/, "")
      .replace(/^\$\{/, "");
    for (const instance of instances) {
      expect(instance.deployment_targets).toEqual({ organizational_unit_ids: OUS });
      expect(instance.stack_set_name).toBe(refOf(forwarding.stackSet, "name"));
      expect(instance.depends_on).toEqual(
        instance[STACK_SET_INSTANCE_REGION] === "us-east-1" ? undefined : [roleRegionInstance],
      );
    }
    expect(onlyResource(synth, "aws_cloudformation_stack_set").operation_preferences).toEqual({
      max_concurrent_percentage: 25,
      failure_tolerance_percentage: 10,
      region_concurrency_type: "SEQUENTIAL",
      region_order: ["us-east-1", "eu-west-1", "ap-southeast-2"],
    });
    expect(Object.values(synth.resource).flatMap((byName: any) => Object.keys(byName))).toHaveLength(4);
  });

  it("generates the template: one role per account, a rule on the default bus with a role, retries and a DLQ", () => {
    const { stack, forwarding } = rollOut();
    const body: string = onlyResource(synthObject(stack), "aws_cloudformation_stack_set").template_body;
    expect(body).toContain('"arn:$${AWS::Partition}:iam::$${AWS::AccountId}:role/'); // escaped for Terraform
    const template = parsed(body.replace(/\$\$\{/g, "${"));
    expect(template).toEqual(forwarding.template);
    expect(Object.entries(template.Resources).map(([id, r]: [string, any]) => `${id}: ${r.Type}`)).toEqual([
      "ForwardingRole: AWS::IAM::Role",
      "ForwardingRule: AWS::Events::Rule",
      "DeadLetterQueue: AWS::SQS::Queue",
      "DeadLetterQueuePolicy: AWS::SQS::QueuePolicy",
    ]);

    const role = template.Resources.ForwardingRole;
    expect(role.Condition).toBe("IsRoleRegion");
    expect(template.Conditions.IsRoleRegion).toEqual({ "Fn::Equals": [{ Ref: "AWS::Region" }, "us-east-1"] });
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: {
          StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } },
          ArnEquals: {
            "aws:SourceArn": ["eu-west-1", "us-east-1", "ap-southeast-2"].map((region) => ({
              "Fn::Sub": `arn:\${AWS::Partition}:events:${region}:\${AWS::AccountId}:rule/test-OrgForwarding`,
            })),
          },
        },
      },
    ]);
    expect(role.Properties.Policies[0].PolicyDocument.Statement).toEqual([
      { Effect: "Allow", Action: ["events:PutEvents"], Resource: [DESTINATION] },
    ]);

    const rule = template.Resources.ForwardingRule.Properties;
    expect(rule.EventBusName).toBe("default");
    // IAM and default-bus rule names are shared by every StackSet deploying to an account: named after the stack.
    expect([rule.Name, role.Properties.RoleName]).toEqual(["test-OrgForwarding", "test-OrgForwarding"]);
    expect(rule.EventPattern).toEqual(
      ServiceEventPatterns.anyOf(ServiceEventPatterns.securityFindings(), ServiceEventPatterns.rootUserActivity()),
    );
    expect(rule.Targets).toEqual([
      {
        Id: "Destination",
        Arn: DESTINATION,
        RoleArn: { "Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/test-OrgForwarding" },
        RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 },
        DeadLetterConfig: { Arn: { "Fn::GetAtt": ["DeadLetterQueue", "Arn"] } },
      },
    ]);
    const queuePolicy = template.Resources.DeadLetterQueuePolicy.Properties.PolicyDocument.Statement;
    expect(queuePolicy[0]).toMatchObject({
      Principal: { Service: "events.amazonaws.com" },
      Action: "sqs:SendMessage",
      Condition: { ArnEquals: { "aws:SourceArn": { "Fn::GetAtt": ["ForwardingRule", "Arn"] } } },
    });
    expect(queuePolicy[1]).toMatchObject({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } });
    expect(
      matches(rule.EventPattern, {
        source: "aws.guardduty",
        "detail-type": "GuardDuty Finding",
        detail: { severity: 8 },
      }),
    ).toBe(true);
  });

  it("exposes operation preferences and call-as for a delegated administrator", () => {
    const { stack } = rollOut({
      callAs: "DELEGATED_ADMIN",
      operationPreferences: {
        maxConcurrentCount: 10,
        failureToleranceCount: 2,
        regionConcurrency: "PARALLEL",
        concurrencyMode: "SOFT_FAILURE_TOLERANCE",
      },
    });
    const synth = synthObject(stack);
    expect(onlyResource(synth, "aws_cloudformation_stack_set")).toMatchObject({
      call_as: "DELEGATED_ADMIN",
      operation_preferences: {
        max_concurrent_count: 10,
        failure_tolerance_count: 2,
        region_concurrency_type: "PARALLEL",
      },
    });
    for (const instance of Object.values(resourcesOf(synth, "aws_cloudformation_stack_set_instance")) as any[]) {
      expect(instance.call_as).toBe("DELEGATED_ADMIN");
      expect(instance.operation_preferences).toEqual({
        max_concurrent_count: 10,
        failure_tolerance_count: 2,
        concurrency_mode: "SOFT_FAILURE_TOLERANCE",
      });
    }
  });

  it("leaves the dead-letter queue out when turned off, and warns when global events lack us-east-1", () => {
    const { stack, forwarding } = rollOut({ deadLetterQueue: false, regions: ["eu-west-1"] });
    expect(Object.keys(forwarding.template.Resources)).toEqual(["ForwardingRole", "ForwardingRule"]);
    expect(Testing.synth(stack)).toBeTruthy();
    const warnings = forwarding.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringContaining("us-east-1 is not among the regions (eu-west-1)")]);
  });

  describe("keeps the role's trust policy within IAM's 2,048 characters in every account", () => {
    // What IAM counts once CloudFormation has resolved the template in an account: no whitespace,
    // the account id, and the partition at its longest.
    const deployedLength = (document: unknown) =>
      JSON.stringify(document)
        .replace(/\{"Ref":"AWS::AccountId"\}/g, '"123456789012"')
        .replace(/\{"Fn::Sub":"([^"]*)"\}/g, (_w, text: string) =>
          JSON.stringify(text.replace("${AWS::Partition}", "aws-us-gov").replace("${AWS::AccountId}", "123456789012")),
        ).length;
    const trustOf = (forwarding: OrganizationForwarding) =>
      forwarding.template.Resources.ForwardingRole.Properties as { AssumeRolePolicyDocument: any };

    it("lists the rule of each region while they fit (the 17 default regions, a 32-character rule name)", () => {
      const { forwarding } = rollOut({ regions: AWS_DEFAULT_ENABLED_REGIONS, ruleName: "r".repeat(32) });
      const document = trustOf(forwarding).AssumeRolePolicyDocument;
      expect(document.Statement[0].Condition.ArnEquals["aws:SourceArn"]).toHaveLength(17);
      expect(deployedLength(document)).toBeLessThanOrEqual(2048);
    });

    it("names the rule in any region of the account when one ARN per region would not fit (every commercial region)", () => {
      const listed = rollOut({ regions: AWS_COMMERCIAL_REGIONS, ruleName: "r".repeat(64) }).forwarding;
      // the same with the 17 default regions: a 64-character name makes each ARN 120 characters
      const longName = rollOut({ regions: AWS_DEFAULT_ENABLED_REGIONS, ruleName: "r".repeat(64) }).forwarding;
      expect(trustOf(longName).AssumeRolePolicyDocument).toEqual(trustOf(listed).AssumeRolePolicyDocument);
      const document = trustOf(listed).AssumeRolePolicyDocument;
      expect(document.Statement[0].Condition).toEqual({
        StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } },
        ArnLike: {
          "aws:SourceArn": { "Fn::Sub": `arn:\${AWS::Partition}:events:*:\${AWS::AccountId}:rule/${"r".repeat(64)}` },
        },
      });
      expect(deployedLength(document)).toBeLessThanOrEqual(2048);
    });
  });

  describe("refuses bad input", () => {
    it("an OU id that is not ou-… or r-…, or no OU", () => {
      expect(() => rollOut({ organizationalUnitIds: ["ou-ab12-cd34ef56", "Security"] })).toThrow(
        "test/OrgForwarding: organizationalUnitIds entry 'Security' is not an organisational unit or root id; expected 'ou-<root>-<suffix>' (e.g. 'ou-ab12-cd34ef56') or 'r-<id>' (e.g. 'r-ab12').",
      );
      expect(() => rollOut({ organizationalUnitIds: [] })).toThrow(
        "test/OrgForwarding: organizationalUnitIds is empty",
      );
    });

    it("a failure tolerance above the concurrency", () => {
      expect(() => rollOut({ operationPreferences: { maxConcurrentCount: 2, failureToleranceCount: 3 } })).toThrow(
        "test/OrgForwarding: operationPreferences.failureToleranceCount 3 is above maxConcurrentCount 2; more accounts cannot fail than are deployed at once. Lower failureToleranceCount to at most 2, or raise maxConcurrentCount.",
      );
      expect(() =>
        rollOut({ operationPreferences: { maxConcurrentPercentage: 10, failureTolerancePercentage: 20 } }),
      ).toThrow("operationPreferences.failureTolerancePercentage 20 is above maxConcurrentPercentage 10");
      expect(() => rollOut({ operationPreferences: { maxConcurrentCount: 2, maxConcurrentPercentage: 10 } })).toThrow(
        "operationPreferences sets both maxConcurrentCount and maxConcurrentPercentage; CloudFormation takes one of them. Remove one.",
      );
    });

    it("a default StackSet name CloudFormation rejects, built from a stack name that starts with a digit", () => {
      const stack = testStack("2026-security").stack;
      const build = () =>
        new OrganizationForwarding(stack, "OrgForwarding", {
          destination: DESTINATION,
          eventPattern: ServiceEventPatterns.securityFindings(),
          organizationalUnitIds: OUS,
          regions: ["us-east-1"],
        });
      expect(build).toThrow(
        "2026-security/OrgForwarding: StackSet name '2026-security-OrgForwarding' must start with a letter. Pass a different stackSetName, or give the stack a name that starts with a letter.",
      );
    });

    it("unknown regions, a role region outside them, and a default-bus destination in a source region", () => {
      expect(() => rollOut({ regions: ["us-east-1", "us-east-7"] })).toThrow(
        "test/OrgForwarding: regions entry 'us-east-7' is not an AWS commercial region.",
      );
      expect(() => rollOut({ roleRegion: "eu-central-1" })).toThrow(
        "test/OrgForwarding: roleRegion 'eu-central-1' is not in regions (eu-west-1, us-east-1, ap-southeast-2).",
      );
      expect(() => rollOut({ destination: "arn:aws:events:eu-west-1:111122223333:event-bus/default" })).toThrow(
        "is a default bus in 'eu-west-1', a source region: in its own account it would be forwarded to itself.",
      );
    });
  });
});

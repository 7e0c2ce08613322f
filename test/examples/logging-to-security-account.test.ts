import { Testing } from "cdktf";
import { buildApp, EXAMPLE } from "../../examples/logging-to-security-account/main";
import { parsed, resourcesOf } from "../support/synth";
import { planWithRemoteState, synthApp } from "../support/stacks";
import { roleOf } from "../support/targets";
import { describeWithTerraform, plannedOfType, planStack } from "../support/terraform";

const { loggingAccountId: LOGGING, securityAccountId: SECURITY, region: REGION } = EXAMPLE;
const SOURCE = `aws.partner/stax.io/${LOGGING}/${EXAMPLE.sourceName}`;
const COLLECTOR_ARN = `arn:aws:events:${REGION}:${SECURITY}:event-bus/${EXAMPLE.securityStackName}-stax-events`;
const QUEUE_ARN = `arn:aws:sqs:${REGION}:${SECURITY}:stax-security-account-FailedLogins`;

function synthesized() {
  const app = Testing.app();
  const stacks = buildApp(app);
  return { ...stacks, out: synthApp(app) };
}

/** Targets of a synthesized stack keyed by the rule's construct id. */
function targetsByRule(stack: Record<string, any>): Record<string, any> {
  return Object.fromEntries(
    Object.values(resourcesOf(stack, "aws_cloudwatch_event_target")).map((t: any) => [
      /aws_cloudwatch_event_rule\.([A-Za-z]+)_/.exec(t.rule)![1],
      t,
    ]),
  );
}

describe("example: logging to security account", () => {
  const { out, logging, security } = synthesized();
  const log = out[EXAMPLE.loggingStackName];
  const sec = out[EXAMPLE.securityStackName];

  it("matches its snapshot", () => {
    // The local backend's state paths are absolute (the working directory): not part of the snapshot.
    const portable = JSON.stringify({ logging: log, security: sec }).split(process.cwd()).join("<cwd>");
    expect(JSON.parse(portable)).toMatchSnapshot();
  });

  it("deploys each stack into its own account through assume_role, pinned to that account", () => {
    for (const [stack, account] of [
      [log, LOGGING],
      [sec, SECURITY],
    ] as const) {
      const [provider] = [].concat(stack.provider.aws);
      expect(provider).toMatchObject({
        region: REGION,
        allowed_account_ids: [account],
        assume_role: [{ role_arn: `arn:aws:iam::${account}:role/${EXAMPLE.deployRoleName}` }],
      });
    }
  });

  it("forwards every Security event to the collector, through a role allowed only PutEvents on it", () => {
    const target = targetsByRule(log).ForwardToSecurityAccount;
    expect(target.arn).toBe(COLLECTOR_ARN);
    const role = roleOf(log, target.role_arn);
    expect(role.policies).toEqual([
      {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["events:PutEvents"], Resource: [COLLECTOR_ARN] }],
      },
    ]);
    expect(role.trust.Statement[0].Condition.StringEquals).toEqual({ "aws:SourceAccount": LOGGING });
    expect(target.dead_letter_config.arn).toMatch(/^\$\{aws_sqs_queue\.StaxTargetDeadLetterQueue_/);
  });

  it("admits only the logging account on the collector bus", () => {
    const [policy] = Object.values(resourcesOf(sec, "aws_cloudwatch_event_bus_policy"));
    expect(parsed(policy.policy).Statement).toEqual([
      {
        Sid: "AllowPutEventsFromAccounts",
        Effect: "Allow",
        Principal: { AWS: [`arn:aws:iam::${LOGGING}:root`] },
        Action: "events:PutEvents",
        Resource: COLLECTOR_ARN,
      },
    ]);
  });

  it("sends failed logins straight to the security account's queue, whose policy admits only that rule's role", () => {
    const target = targetsByRule(log).FailedLoginsToSecurityQueue;
    expect(target.arn).toMatch(/terraform_remote_state\.cross-stack-reference-input-stax-security-account/);
    const role = roleOf(log, target.role_arn);
    expect(role.policies[0].Statement).toEqual([
      { Effect: "Allow", Action: ["sqs:SendMessage"], Resource: [target.arn] },
    ]);
    expect(role.trust.Statement[0].Condition).toEqual({
      StringEquals: { "aws:SourceAccount": LOGGING },
      ArnEquals: { "aws:SourceArn": expect.stringMatching(/aws_cloudwatch_event_rule\.FailedLoginsToSecurityQueue_/) },
    });
    const roleName = resourcesOf(log, "aws_iam_role")[/aws_iam_role\.([^.]+)\.arn/.exec(target.role_arn)![1]].name;
    const queuePolicy = Object.values(resourcesOf(sec, "aws_sqs_queue_policy"))
      .map((p: any) => parsed(p.policy))
      .find((p: any) => p.Statement.some((s: any) => s.Sid === "AllowEventBridgeRolesOfOtherAccounts"));
    expect(queuePolicy.Statement).toEqual([
      {
        Sid: "AllowEventBridgeRolesOfOtherAccounts",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${LOGGING}:role/${roleName}` },
        Action: "sqs:SendMessage",
        Resource: expect.stringMatching(/aws_sqs_queue\.FailedLogins_/),
      },
      expect.objectContaining({ Sid: "DenyInsecureTransport", Effect: "Deny" }),
    ]);
  });

  it("routes what arrives on the collector to targets in the security account, scoped to its rules", () => {
    const rules = Object.values(resourcesOf(sec, "aws_cloudwatch_event_rule"));
    for (const rule of rules) {
      expect(rule.event_bus_name).toMatch(/aws_cloudwatch_event_bus\.Collector_Bus_/);
      expect(parsed(rule.event_pattern).source).toEqual([SOURCE]);
    }
    const [logPolicy] = Object.values(resourcesOf(sec, "aws_cloudwatch_log_resource_policy"));
    expect(parsed(logPolicy.policy_document).Statement[0].Condition.ArnEquals["aws:SourceArn"]).toMatch(
      /aws_cloudwatch_event_rule\.IdentityChanges_/,
    );
    expect(resourcesOf(log, "aws_cloudwatch_log_resource_policy")).toEqual({});
  });

  it("keeps the dependency one way: the logging stack reads the security stack, never the reverse", () => {
    expect(Object.keys(log.data?.terraform_remote_state ?? {})).toEqual([
      "cross-stack-reference-input-stax-security-account",
    ]);
    expect(sec.data?.terraform_remote_state).toBeUndefined();
    expect(logging.dependencies).toEqual([security]);
  });

  describeWithTerraform("with terraform", () => {
    let securityPlan: any;
    let loggingPlan: any;
    beforeAll(() => {
      securityPlan = planStack(sec).plan;
      loggingPlan = planWithRemoteState(log, QUEUE_ARN).plan;
    });

    it("plans the security account: collector bus, its policy, no role", () => {
      expect(plannedOfType(securityPlan, "aws_cloudwatch_event_bus").map((b) => b.values.name)).toEqual([
        `${EXAMPLE.securityStackName}-stax-events`,
      ]);
      const busPolicy = JSON.parse(plannedOfType(securityPlan, "aws_cloudwatch_event_bus_policy")[0].values.policy);
      expect(busPolicy.Statement[0].Principal).toEqual({ AWS: [`arn:aws:iam::${LOGGING}:root`] });
      expect(plannedOfType(securityPlan, "aws_iam_role")).toEqual([]); // no role needed in the security account
    });

    it("plans the logging account: the partner bus, two roles, the targets in the security account", () => {
      expect(plannedOfType(loggingPlan, "aws_cloudwatch_event_bus").map((b) => b.values.name)).toEqual([SOURCE]);
      // The trusts name the rules' ARNs, known only after apply: their content is checked on the synthesized stack above.
      expect(plannedOfType(loggingPlan, "aws_iam_role")).toHaveLength(2);
      const targets = plannedOfType(loggingPlan, "aws_cloudwatch_event_target").map((t) => t.values.arn);
      expect(targets.sort()).toEqual([COLLECTOR_ARN, QUEUE_ARN].sort());
    });
  });
});

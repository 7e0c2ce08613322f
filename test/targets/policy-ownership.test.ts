import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy";
import { StaxEventBus } from "../../modules/bus";
import { StaxEventRule } from "../../modules/rule";
import { EventsLogGroup, LogGroupTarget, SecureQueue, SnsTarget, SqsTarget } from "../../modules/targets";
import { parsed, resourcesOf } from "../support/synth";
import { busByName, STACKS_ACCOUNT, stacksApp, synthApp, planWithRemoteState } from "../support/stacks";
import { TerraformVariable } from "cdktf";
import { describeWithTerraform, plannedOfType, planStack } from "../support/terraform";

const SOURCE = "security-events";
const BUS_NAME = `aws.partner/stax.io/${STACKS_ACCOUNT}/${SOURCE}`;
const QUEUE_ARN = `arn:aws:sqs:ap-southeast-2:${STACKS_ACCOUNT}:team-a-queue`;
const RULE_PREFIX = `arn:aws:events:ap-southeast-2:${STACKS_ACCOUNT}:rule/${BUS_NAME}/`;

/** Team A owns the bus and a queue; team B's stack has a rule on the same bus targeting A's queue. */
function twoTeams() {
  const { app, stacks } = stacksApp(["team-a", "team-b"]);
  const [a, b] = stacks;
  const bus = new StaxEventBus(a, "Bus", { accountId: STACKS_ACCOUNT, sourceName: SOURCE });
  const queue = new SecureQueue(a, "Queue");
  new StaxEventRule(a, "Mine", { bus, eventPattern: { detail: { message: ["a"] } }, targets: [new SqsTarget(queue)] });
  new StaxEventRule(b, "Theirs", {
    bus: busByName(BUS_NAME),
    eventPattern: { detail: { message: ["b"] } },
    targets: [new SqsTarget(queue)],
  });
  return { app, a, b, queue };
}

/** The queue policies of a synthesized stack, parsed, keyed by logical id. */
function queuePolicies(stack: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [id, p] of Object.entries(resourcesOf(stack, "aws_sqs_queue_policy"))) out[id] = parsed(p.policy);
  return out;
}

describe("policies belong to the resource's stack", () => {
  it("writes ONE queue policy, in the queue's stack, listing the rules of every stack that target it", () => {
    const { app } = twoTeams();
    const out = synthApp(app);

    const inA = Object.entries(queuePolicies(out["team-a"])).find(([id]) => id.startsWith("StaxQueuePolicies_Queue_"));
    expect(inA).toBeDefined();
    const allow = inA![1].Statement.find((s: any) => s.Sid === "AllowEventBridgeRules");
    expect(allow.Condition.ArnEquals["aws:SourceArn"]).toEqual([
      expect.stringMatching(/^\$\{aws_cloudwatch_event_rule\.Mine_Rule_.*\.arn\}$/),
      `${RULE_PREFIX}team-b-Theirs`,
    ]);
    // Team B writes no policy for A's queue: only its own dead-letter queues have policies there.
    const inB = Object.values(resourcesOf(out["team-b"], "aws_sqs_queue_policy"));
    expect(inB.every((p: any) => /StaxTargetDeadLetterQueue/.test(p.queue_url))).toBe(true);
  });

  it("renders the cross-stack reference one way only: B reads A's queue ARN through remote state, A never reads B", () => {
    const { app } = twoTeams();
    const out = synthApp(app);
    const [target] = Object.values(resourcesOf(out["team-b"], "aws_cloudwatch_event_target"));
    expect(target.arn).toMatch(
      /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-team-a\.outputs\.cross-stack-output-aws_sqs_queueQueue_.*arn\}$/,
    );
    expect(Object.keys(out["team-a"].output ?? {})).toEqual([
      expect.stringMatching(/^cross-stack-output-aws_sqs_queueQueue_/),
    ]);
    expect(out["team-a"].data?.terraform_remote_state).toBeUndefined();
  });

  it("keeps each stack's dead-letter queue policy to its own rules", () => {
    const { app } = twoTeams();
    const out = synthApp(app);
    for (const [stack, rule] of [
      ["team-a", /aws_cloudwatch_event_rule\.Mine_/],
      ["team-b", /aws_cloudwatch_event_rule\.Theirs_/],
    ] as const) {
      const [dlq] = Object.entries(queuePolicies(out[stack])).filter(([id]) =>
        id.includes("StaxTargetDeadLetterQueue"),
      );
      const sources = dlq[1].Statement.find((s: any) => s.Sid === "AllowEventBridgeDeadLetters").Condition.ArnEquals[
        "aws:SourceArn"
      ];
      expect(sources).toEqual(expect.stringMatching(rule));
    }
  });

  it("writes one topic policy in the topic's stack for rules of two stacks", () => {
    const { app, stacks } = stacksApp(["team-a", "team-b"]);
    const [a, b] = stacks;
    const bus = new StaxEventBus(a, "Bus", { accountId: STACKS_ACCOUNT, sourceName: SOURCE });
    const topic = new SnsTopic(a, "Topic", { name: "alerts" });
    new StaxEventRule(a, "Mine", {
      bus,
      eventPattern: { detail: { message: ["a"] } },
      targets: [new SnsTarget(topic)],
    });
    new StaxEventRule(b, "Theirs", {
      bus: busByName(BUS_NAME),
      eventPattern: { detail: { message: ["b"] } },
      targets: [new SnsTarget(topic)],
    });
    const out = synthApp(app);
    expect(resourcesOf(out["team-b"], "aws_sns_topic_policy")).toEqual({});
    const [policy] = Object.values(resourcesOf(out["team-a"], "aws_sns_topic_policy"));
    expect(parsed(policy.policy).Statement[0].Condition.ArnEquals["aws:SourceArn"]).toEqual([
      expect.stringMatching(/aws_cloudwatch_event_rule\.Mine_/),
      `${RULE_PREFIX}team-b-Theirs`,
    ]);
  });

  it("shares one CloudWatch Logs resource policy per account and region across stacks when the provider pins the account", () => {
    const { app, stacks } = stacksApp(["team-a", "team-b"], { allowedAccountIds: [STACKS_ACCOUNT] });
    const [a, b] = stacks;
    const bus = new StaxEventBus(a, "Bus", { accountId: STACKS_ACCOUNT, sourceName: SOURCE });
    new StaxEventRule(a, "Mine", {
      bus,
      eventPattern: { detail: { message: ["a"] } },
      targets: [new LogGroupTarget(new EventsLogGroup(a, "Logs"))],
    });
    new StaxEventRule(b, "Theirs", {
      bus: busByName(BUS_NAME),
      eventPattern: { detail: { message: ["b"] } },
      targets: [new LogGroupTarget(new EventsLogGroup(b, "Logs"))],
    });
    const out = synthApp(app);
    expect(resourcesOf(out["team-b"], "aws_cloudwatch_log_resource_policy")).toEqual({});
    const [policy] = Object.values(resourcesOf(out["team-a"], "aws_cloudwatch_log_resource_policy"));
    const statements = parsed(policy.policy_document).Statement;
    expect(statements.map((s: any) => s.Resource)).toEqual([
      expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.Logs_.*\.arn\}:\*$/),
      `arn:aws:logs:ap-southeast-2:${STACKS_ACCOUNT}:log-group:/aws/events/team-b-Logs:*`,
    ]);
    expect(statements[1].Condition.ArnEquals["aws:SourceArn"]).toBe(`${RULE_PREFIX}team-b-Theirs`);
  });

  it("refuses a rule in another stack whose ARN cannot be spelled out, with the fix", () => {
    const { stacks } = stacksApp(["team-a", "team-b"], { region: undefined });
    const [a, b] = stacks;
    const queue = new SecureQueue(a, "Queue");
    const busArn = new TerraformVariable(b, "bus_arn", { type: "string" }).stringValue;
    expect(
      () =>
        new StaxEventRule(b, "Theirs", {
          bus: { eventBusName: "default", eventBusArn: busArn, accountId: STACKS_ACCOUNT },
          eventPattern: { detail: { message: ["b"] } },
          targets: [new SqsTarget(queue)],
        }),
    ).toThrow(
      "team-b/Theirs: the policy of queue team-a/Queue lives in stack 'team-a', and this rule is in stack 'team-b'. A reference to the rule's ARN would make the stacks depend on each other, so the library spells the ARN out, and needs the bus's account and region for it: pass accountId to the bus and set region on its provider, or create the rule in stack 'team-a'.",
    );
  });

  it("fails at synth when two constructs write the policy of one queue, naming both", () => {
    const { app, stacks } = stacksApp(["team-a", "team-b"]);
    const [a, b] = stacks;
    const queue = new SecureQueue(a, "Queue");
    new SqsQueuePolicy(b, "MyPolicy", { queueUrl: queue.queueUrl, policy: "{}" });
    expect(() => synthApp(app)).toThrow(
      /team-a\/StaxQueuePolicies\/Queue\/Policy and team-b\/MyPolicy both write the policy of queue 'team-a:aws_sqs_queue\.Queue_[0-9A-F]+\.url'; a resource has one policy, so each apply would overwrite the other\./,
    );
  });
});

describeWithTerraform("two stacks targeting one queue, planned with terraform", () => {
  it("plans one queue policy in the owner's stack and none for it in the other", () => {
    const { app } = twoTeams();
    const out = synthApp(app);
    const planA = planStack(out["team-a"]).plan;
    const policies = plannedOfType(planA, "aws_sqs_queue_policy").filter((p) =>
      p.address.includes("StaxQueuePolicies_Queue_"),
    );
    expect(policies).toHaveLength(1);
    const planB = planWithRemoteState(out["team-b"], QUEUE_ARN).plan;
    const [target] = plannedOfType(planB, "aws_cloudwatch_event_target");
    expect(target.values.arn).toBe(QUEUE_ARN);
    expect(plannedOfType(planB, "aws_sqs_queue_policy").map((p) => p.address)).toEqual([
      expect.stringMatching(/StaxTargetDeadLetterQueue/),
    ]);
  });
});

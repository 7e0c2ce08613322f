import { StaxEventBus } from "../../modules/bus";
import { StaxEventRule } from "../../modules/rule";
import { Lambda, LambdaTarget, RuleTargetInput, SecureQueue, SqsTarget } from "../../modules/targets";
import { busByName, STACKS_ACCOUNT, stacksApp } from "../support/stacks";
import { targetSetup } from "../support/targets";

const SOURCE_NAME = `aws.partner/stax.io/${STACKS_ACCOUNT}/security-events`;

describe("duplicate wiring is refused", () => {
  it("the same target object added twice to one rule", () => {
    const { stack, rule } = targetSetup();
    const target = new SqsTarget(new SecureQueue(stack, "Queue"));
    const r = rule("A", target);
    expect(() => r.addTarget(target)).toThrow(
      "test/A: this target is already the rule's Target0; adding it again would deliver every event twice. Add it once.",
    );
  });

  it("two targets for the same destination with the same input", () => {
    const { stack, rule } = targetSetup();
    const queue = new SecureQueue(stack, "Queue");
    expect(() => rule("A", new SqsTarget(queue), new SqsTarget(queue))).toThrow(
      /^test\/A: Target1 delivers to '\$\{aws_sqs_queue\.Queue_[0-9A-F]+\.arn\}' with the same input as Target0; the rule would deliver every event twice\. Remove one of them\.$/,
    );
  });

  it("but not one destination with two different inputs", () => {
    const { rule } = targetSetup();
    const fn = Lambda.fromArn("arn:aws:lambda:ap-southeast-2:123456789012:function:f", { managePolicy: true });
    const r = rule(
      "A",
      new LambdaTarget(fn),
      new LambdaTarget(fn, { input: RuleTargetInput.fromEventPath("$.detail") }),
    );
    expect(r.node.findAll().filter((c) => c.node.id.startsWith("Target"))).toHaveLength(2);
  });

  it("two rules with one name on one bus, in two stacks of the app", () => {
    const { stacks } = stacksApp(["team-a", "team-b"]);
    const [a, b] = stacks;
    const bus = new StaxEventBus(a, "Bus", { accountId: STACKS_ACCOUNT, sourceName: "security-events" });
    new StaxEventRule(a, "Logins", { bus, eventPattern: { detail: { message: ["a"] } }, ruleName: "failed-logins" });
    expect(
      () =>
        new StaxEventRule(b, "Logins", {
          bus: busByName(SOURCE_NAME),
          eventPattern: { detail: { message: ["b"] } },
          ruleName: "failed-logins",
        }),
    ).toThrow(
      `team-b/Logins: rule name 'failed-logins' on bus '${SOURCE_NAME}' is already used by team-a/Logins; EventBridge names rules per bus, so one would replace the other. Pass a different ruleName to one of them.`,
    );
  });

  it("two rules with one name on the shared default bus", () => {
    const { stacks } = stacksApp(["team-a", "team-b"]);
    const [a, b] = stacks;
    new StaxEventRule(a, "R", {
      bus: busByName("default"),
      eventPattern: { detail: { message: ["a"] } },
      ruleName: "signins",
    });
    expect(
      () =>
        new StaxEventRule(b, "R", {
          bus: busByName("default"),
          eventPattern: { detail: { message: ["b"] } },
          ruleName: "signins",
        }),
    ).toThrow("rule name 'signins' on bus 'default' is already used by team-a/R");
  });

  it("but allows one rule name on two buses, or in two regions", () => {
    const { stacks } = stacksApp(["sydney"]);
    const [oregon] = stacksApp(["oregon"], { region: "us-west-2" }).stacks;
    new StaxEventRule(stacks[0], "R", {
      bus: busByName("default"),
      eventPattern: { detail: { message: ["a"] } },
      ruleName: "x",
    });
    new StaxEventRule(stacks[0], "S", {
      bus: busByName("other"),
      eventPattern: { detail: { message: ["a"] } },
      ruleName: "x",
    });
    const westBus = { eventBusName: "default", eventBusArn: "arn:aws:events:us-west-2:123456789012:event-bus/default" };
    expect(
      () =>
        new StaxEventRule(oregon, "R", { bus: westBus, eventPattern: { detail: { message: ["a"] } }, ruleName: "x" }),
    ).not.toThrow();
  });

  it("two buses for one partner event source in the app", () => {
    const { stacks } = stacksApp(["team-a", "team-b"]);
    const [a, b] = stacks;
    new StaxEventBus(a, "Bus", { accountId: STACKS_ACCOUNT, sourceName: "security-events" });
    expect(() => new StaxEventBus(b, "Bus", { partnerEventSourceName: SOURCE_NAME })).toThrow(
      `team-b/Bus: partner event source '${SOURCE_NAME}' already has a bus in this app: team-a/Bus. A source is associated with one bus; pass that bus to your rules instead of creating a second one.`,
    );
  });
});

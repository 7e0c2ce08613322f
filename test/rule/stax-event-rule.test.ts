import { Construct } from "constructs";
import { StaxEventBus } from "../../modules/bus";
import { StaxEventRule, IRuleTarget } from "../../modules/rule";
import { Match } from "../../modules/pattern";
import { SecureQueue, SqsTarget } from "../../modules/targets";
import { parsed, resourcesOf, synthObject, testStack } from "../support/synth";

const SOURCE = "aws.partner/stax.io/123456789012/security-events";

function setup() {
  const { stack } = testStack();
  const bus = new StaxEventBus(stack, "Bus", { accountId: "123456789012", sourceName: "security-events" });
  return { stack, bus };
}

describe("StaxEventRule", () => {
  it("puts the rule on the bus with the pattern as parsed JSON", () => {
    const { stack, bus } = setup();
    new StaxEventRule(stack, "Logins", { bus, eventPattern: bus.securityEvents.ofType("UserAuthenticationEvent") });
    const [rule] = Object.values(resourcesOf(synthObject(stack), "aws_cloudwatch_event_rule"));

    expect(rule.event_bus_name).toBe("aws.partner/stax.io/123456789012/security-events");
    expect(rule.state).toBe("ENABLED");
    expect(parsed(rule.event_pattern)).toEqual({
      source: ["aws.partner/stax.io/123456789012/security-events"],
      "detail-type": ["Security: UserAuthenticationEvent"],
    });
  });

  it("derives deterministic names within 64 characters from deep construct paths", () => {
    const { stack, bus } = setup();
    let scope: Construct = stack;
    for (const id of ["AVeryLongScopeNameForTheSecurityTeam", "AnotherQuiteLongScopeName", "Deeper"])
      scope = new Construct(scope, id);
    const a = new StaxEventRule(scope, "UserAuthenticationEventRule", { bus, eventPattern: { source: [SOURCE] } });
    const b = new StaxEventRule(scope, "UserAuthenticationEventRule2", { bus, eventPattern: { source: [SOURCE] } });

    expect(a.ruleName.length).toBeLessThanOrEqual(64);
    expect(a.ruleName).toMatch(/^[.\-_A-Za-z0-9]+$/);
    expect(a.ruleName).not.toBe(b.ruleName);
    const again = setup();
    let scope2: Construct = again.stack;
    for (const id of ["AVeryLongScopeNameForTheSecurityTeam", "AnotherQuiteLongScopeName", "Deeper"])
      scope2 = new Construct(scope2, id);
    expect(
      new StaxEventRule(scope2, "UserAuthenticationEventRule", { bus: again.bus, eventPattern: { source: [SOURCE] } })
        .ruleName,
    ).toBe(a.ruleName);
  });

  it("keeps short names readable: the stack name, then the construct path", () => {
    const { stack, bus } = setup();
    expect(new StaxEventRule(stack, "FailedLogins", { bus, eventPattern: { source: [SOURCE] } }).ruleName).toBe(
      `${stack.node.id}-FailedLogins`,
    );
  });

  it("can be created disabled", () => {
    const { stack, bus } = setup();
    new StaxEventRule(stack, "Off", { bus, eventPattern: { source: [SOURCE] }, enabled: false });
    expect(Object.values(resourcesOf(synthObject(stack), "aws_cloudwatch_event_rule"))[0].state).toBe("DISABLED");
  });

  it("binds each target with a stable target id on the rule's bus", () => {
    const { stack, bus } = setup();
    const rule = new StaxEventRule(stack, "R", {
      bus,
      eventPattern: { source: [SOURCE] },
      targets: [new SqsTarget(new SecureQueue(stack, "Queue"))],
    });
    rule.addTarget(new SqsTarget(new SecureQueue(stack, "Other")));
    const targets = Object.values(resourcesOf(synthObject(stack), "aws_cloudwatch_event_target"));

    expect(targets.map((t) => t.target_id)).toEqual(["Target0", "Target1"]);
    expect(targets.every((t) => t.event_bus_name === bus.eventBusName)).toBe(true);
  });

  it("exposes its pattern for offline matching", () => {
    const { stack, bus } = setup();
    const rule = new StaxEventRule(stack, "R", { bus, eventPattern: bus.securityEvents.failedLogins() });
    expect(rule.eventPattern).toEqual(bus.securityEvents.failedLogins());
  });

  describe("rejects bad input", () => {
    it("a sixth target", () => {
      const { stack, bus } = setup();
      const target = (n: number): IRuleTarget => ({
        bind: () => ({ arn: `arn:aws:sqs:ap-southeast-2:123456789012:q${n}` }),
      });
      const rule = new StaxEventRule(stack, "R", {
        bus,
        eventPattern: { source: [SOURCE] },
        targets: [0, 1, 2, 3, 4].map(target),
      });
      expect(() => rule.addTarget(target(5))).toThrow(
        "test/R: cannot add a 6th target; EventBridge allows 5 targets per rule. Create another rule with the same pattern for the extra targets.",
      );
    });

    it("a rule name over 64 characters", () => {
      const { stack, bus } = setup();
      const name = "x".repeat(65);
      expect(() => new StaxEventRule(stack, "R", { bus, ruleName: name, eventPattern: { source: [SOURCE] } })).toThrow(
        `test/R: rule name '${name}' is 65 characters; EventBridge allows 64. Pass a shorter ruleName.`,
      );
    });

    it("a rule name with illegal characters", () => {
      const { stack, bus } = setup();
      expect(
        () => new StaxEventRule(stack, "R", { bus, ruleName: "stax/rule", eventPattern: { source: [SOURCE] } }),
      ).toThrow(
        "test/R: rule name 'stax/rule' has characters EventBridge does not allow ('/'); use only letters, digits, '.', '-' and '_'. Pass a different ruleName.",
      );
    });

    it("a pattern over the size limit, unless the limit is raised", () => {
      const { stack, bus } = setup();
      const eventPattern = {
        source: [SOURCE],
        detail: { userID: Array.from({ length: 200 }, (_, i) => `value-${i}`) },
      };
      expect(() => new StaxEventRule(stack, "R", { bus, eventPattern })).toThrow(/^test\/R: .*2048/);
      expect(() => new StaxEventRule(stack, "R2", { bus, eventPattern, maxPatternLength: 4096 })).not.toThrow();
    });

    it("an invalid pattern, naming where it is wrong", () => {
      const { stack, bus } = setup();
      expect(() => new StaxEventRule(stack, "R", { bus, eventPattern: { source: "x" } as never })).toThrow(
        /^test\/R: .*source/,
      );
    });

    it("an empty anything-but at the helper", () => {
      expect(() => Match.anythingBut()).toThrow(/anythingBut/);
    });
  });
});

describe("StaxEventRule with the offline matcher", () => {
  it("matches the events its pattern selects, as users can assert with toMatchEvent", () => {
    const { stack, bus } = setup();
    const rule = new StaxEventRule(stack, "Failed", { bus, eventPattern: bus.securityEvents.failedLogins() });
    const event = {
      source: bus.partnerEventSourceName,
      "detail-type": "Security: UserAuthenticationEvent",
      detail: { status: "FAILED" },
    };
    expect(rule).toMatchEvent(event);
    expect(rule).not.toMatchEvent({ ...event, detail: { status: "SUCCESS" } });
  });
});

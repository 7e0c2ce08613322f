/**
 * Class 1 of the validation issue: rules that can never match are refused at synth time, with the
 * construct path, the value and the fix; patterns that can match (tokens included) are accepted.
 */
import { TerraformVariable, Testing } from "cdktf";
import { StaxEventBus } from "../../modules/bus";
import {
  OrganizationForwarding,
  SecurityEventCollector,
  ServiceEventForwarder,
  ServiceEventPatterns,
} from "../../modules/forwarding";
import { Match } from "../../modules/pattern";
import { StaxEventRule } from "../../modules/rule";
import { testStack } from "../support/synth";

const ACCOUNT = "123456789012";
const SOURCE = `aws.partner/stax.io/${ACCOUNT}/security-events`;

function setup() {
  const { stack } = testStack();
  const bus = new StaxEventBus(stack, "Bus", { accountId: ACCOUNT, sourceName: "security-events" });
  return { stack, bus };
}

describe("rules that can never match", () => {
  it("refuses another bus's selectors on a partner bus, naming both sources", () => {
    const { stack, bus } = setup();
    const other = new StaxEventBus(stack, "Other", { accountId: "210987654321", sourceName: "prod" });
    expect(() => new StaxEventRule(stack, "R", { bus, eventPattern: other.securityEvents.failedLogins() })).toThrow(
      `test/R: eventPattern selects source 'aws.partner/stax.io/210987654321/prod', but every event on this bus has the source '${SOURCE}' (its partner event source), so the rule never matches. The pattern was built for another partner source (another bus's or tenancy's selectors): build it with this bus's selectors (bus.securityEvents), or put the rule on the bus of 'aws.partner/stax.io/210987654321/prod'.`,
    );
  });

  it("refuses AWS service presets on a partner bus and says where those events arrive", () => {
    const { stack, bus } = setup();
    expect(
      () => new StaxEventRule(stack, "R", { bus, eventPattern: ServiceEventPatterns.guardDutyFindings() }),
    ).toThrow(
      `test/R: eventPattern selects source 'aws.guardduty', but every event on this bus has the source '${SOURCE}' (its partner event source), so the rule never matches. AWS service events arrive only on the default bus of each region: put this rule on the default bus, or forward them to a SecurityEventCollector (ServiceEventForwarder) and put it there.`,
    );
  });

  it("refuses Stax selectors on a default bus (partner events never arrive there)", () => {
    const { stack, bus } = setup();
    const defaultBus = {
      eventBusName: "default",
      eventBusArn: `arn:aws:events:ap-southeast-2:${ACCOUNT}:event-bus/default`,
    };
    expect(() => new StaxEventRule(stack, "R", { bus: defaultBus, eventPattern: bus.securityEvents.select() })).toThrow(
      `test/R: eventPattern selects source '${SOURCE}', a partner event source, but the rule is on the default bus, where partner events never arrive (EventBridge delivers them only to the partner event bus). Put the rule on the partner bus (StaxEventBus), and build the pattern with its selectors (bus.securityEvents).`,
    );
  });

  it("refuses Stax selectors as the pattern of a forwarder (its rules are on default buses)", () => {
    const { stack, bus } = setup();
    expect(
      () =>
        new ServiceEventForwarder(stack, "F", {
          accountId: ACCOUNT,
          regions: ["us-east-1"],
          destination: { accountId: "111122223333", region: "ap-southeast-2", eventBusName: "central" },
          eventPattern: bus.securityEvents.failedLogins(),
        }),
    ).toThrow(
      /^test\/F\/us-east-1: eventPattern selects source 'aws\.partner\/stax\.io\/123456789012\/security-events', a partner event source, but the rule is on the default bus/,
    );
    expect(
      () =>
        new OrganizationForwarding(stack, "Org", {
          destination: { accountId: "111122223333", region: "ap-southeast-2", eventBusName: "central" },
          organizationalUnitIds: ["ou-ab12-cd34ef56"],
          regions: ["us-east-1"],
          eventPattern: bus.securityEvents.failedLogins(),
        }),
    ).toThrow(/^test\/Org: eventPattern selects source .*, but the rule is on the default bus/);
  });

  it("warns when Stax selectors go on a custom bus that receives Stax events only if something forwards them", () => {
    const { stack, bus } = setup();
    const collector = new SecurityEventCollector(stack, "Collector", { accountId: ACCOUNT, region: "ap-southeast-2" });
    const rule = new StaxEventRule(stack, "R", { bus: collector, eventPattern: bus.securityEvents.select() });
    Testing.synth(stack);
    const warnings = rule.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => m.data);
    expect(warnings).toEqual([
      `eventPattern selects Stax events (source '${SOURCE}') on a bus that is not a Stax partner bus: they arrive there only if a rule forwards them from the partner bus. Put the rule on the StaxEventBus unless you forward them.`,
    ]);
  });

  it.each([
    ["detailType", "write 'detail-type' instead"],
    ["detail_type", "write 'detail-type' instead"],
    ["Source", "write 'source' instead"],
    ["DETAIL", "write 'detail' instead"],
    ["status", `put fields of the event's data under 'detail' (e.g. {"detail": {"status": [...]}})`],
  ])("refuses the misspelled envelope key %s, listing EventBridge's envelope fields", (key, fix) => {
    const { stack, bus } = setup();
    expect(() => new StaxEventRule(stack, "R", { bus, eventPattern: { source: [SOURCE], [key]: ["x"] } })).toThrow(
      `test/R: eventPattern: the top-level key '${key}' is not a field of EventBridge events (version, id, detail-type, source, account, time, region, resources, detail, replay-name), so the pattern never matches; ${fix}`,
    );
  });

  it("checks the envelope keys inside each top-level $or alternative", () => {
    const { stack, bus } = setup();
    const eventPattern = Match.or({ source: [SOURCE] }, { detailType: ["x"] } as never);
    expect(
      () => new StaxEventRule(stack, "R", { bus, eventPattern: { ...(eventPattern as object) } as never }),
    ).toThrow(/the top-level key 'detailType' is not a field of EventBridge events/);
  });

  describe("accepts patterns that can match", () => {
    it("every envelope field, prefixes and anything-but that admit the partner source, and no source at all", () => {
      const { stack, bus } = setup();
      const patterns = [
        { version: ["0"], id: [{ exists: true }], "detail-type": ["Security: UserCreateEvent"], source: [SOURCE] },
        { account: [ACCOUNT], time: [{ exists: true }], region: ["ap-southeast-2"], resources: [{ exists: false }] },
        { source: [Match.prefix("aws.partner/stax.io/")] },
        { source: [Match.anythingBut("aws.guardduty")] },
        { "replay-name": [{ exists: true }], detail: { status: ["FAILED"] } },
        { $or: [{ source: ["aws.guardduty"] }, { source: [SOURCE] }] },
      ];
      patterns.forEach((eventPattern, i) =>
        expect(() => new StaxEventRule(stack, `R${i}`, { bus, eventPattern: eventPattern as never })).not.toThrow(),
      );
    });

    it("sources and buses given as tokens (only known at apply)", () => {
      const { stack } = setup();
      const name = new TerraformVariable(stack, "source", { type: "string" }).stringValue;
      const tokenBus = new StaxEventBus(stack, "TokenBus", { accountId: ACCOUNT, sourceName: name });
      expect(() => new StaxEventRule(stack, "R", { bus: tokenBus, eventPattern: { source: [SOURCE] } })).not.toThrow();
      const { bus } = setup();
      expect(() => new StaxEventRule(bus, "T", { bus, eventPattern: { source: [name] } })).not.toThrow();
    });

    it("AWS service presets on a default bus and on a collector", () => {
      const { stack } = setup();
      const collector = new SecurityEventCollector(stack, "Collector", {
        accountId: ACCOUNT,
        region: "ap-southeast-2",
      });
      const defaultBus = {
        eventBusName: "default",
        eventBusArn: `arn:aws:events:ap-southeast-2:${ACCOUNT}:event-bus/default`,
      };
      expect(
        () => new StaxEventRule(stack, "A", { bus: collector, eventPattern: ServiceEventPatterns.securityFindings() }),
      ).not.toThrow();
      expect(
        () => new StaxEventRule(stack, "B", { bus: defaultBus, eventPattern: ServiceEventPatterns.rootUserActivity() }),
      ).not.toThrow();
    });
  });
});

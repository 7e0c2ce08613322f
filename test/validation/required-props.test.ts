/**
 * JavaScript callers (and `as any`): a missing props object, a missing required prop or one of the
 * wrong JSON type gets the library's message naming the construct, the prop and what to pass,
 * never a TypeError from inside the library.
 */
import { TerraformVariable } from "cdktf";
import { testStack } from "../support/synth";
import { StaxEventBus } from "../../modules/bus";
import { StaxAuditLog, AuditLogAthena } from "../../modules/audit";
import { AlarmTopic } from "../../modules/alarms";
import { OrganizationForwarding, SecurityEventCollector, ServiceEventForwarder } from "../../modules/forwarding";
import { StaxEventRule } from "../../modules/rule";
import { FirehoseToS3, SecureQueue, SqsTarget, WebhookTarget } from "../../modules/targets";

const ACCOUNT = "123456789012";
// Constructors called the way a JavaScript caller can: any props at all.
type Loose = new (scope: unknown, id: string, props?: unknown) => unknown;
const loose = (c: unknown): Loose => c as Loose;

function setup() {
  const { stack } = testStack();
  const bus = new StaxEventBus(stack, "Bus", { accountId: ACCOUNT, sourceName: "security-events" });
  return { stack, bus };
}

describe("required props of every construct", () => {
  it.each<[string, Loose, string]>([
    ["StaxEventRule", loose(StaxEventRule), "bus, eventPattern"],
    ["StaxEventBus", loose(StaxEventBus), "partnerEventSourceName, or accountId (and sourceName)"],
    ["StaxAuditLog", loose(StaxAuditLog), "bus, accountId"],
    ["SecurityEventCollector", loose(SecurityEventCollector), "accountId, region"],
    ["ServiceEventForwarder", loose(ServiceEventForwarder), "accountId, regions, destination, eventPattern"],
    [
      "OrganizationForwarding",
      loose(OrganizationForwarding),
      "destination, eventPattern, organizationalUnitIds, regions",
    ],
    ["FirehoseToS3", loose(FirehoseToS3), "accountId"],
    ["WebhookTarget", loose(WebhookTarget), "auth"],
    ["AlarmTopic", loose(AlarmTopic), "accountId, alarmNamePrefix"],
    ["AuditLogAthena", loose(AuditLogAthena), "accountId, recordsBucketName, recordsPrefix"],
  ])("%s without props says what to pass", (_, Construct, shape) => {
    const { stack } = setup();
    expect(() => new Construct(stack, "X")).toThrow(`test/X: props is undefined; pass an object with ${shape}.`);
  });

  it("names a missing bus and what can be passed, instead of a TypeError", () => {
    const { stack, bus } = setup();
    expect(() => new (loose(StaxEventRule))(stack, "R", { eventPattern: bus.securityEvents.failedLogins() })).toThrow(
      "test/R: bus is missing; pass the bus the rule listens on: a StaxEventBus, a SecurityEventCollector, forwarder.defaultBus(region), or an object with eventBusName and eventBusArn.",
    );
    expect(() => new (loose(StaxAuditLog))(stack, "A", { accountId: ACCOUNT })).toThrow(
      "test/A: bus is missing; pass the StaxEventBus whose events to record.",
    );
    expect(() => new (loose(SecurityEventCollector))(stack, "C", { accountId: ACCOUNT })).toThrow(
      "test/C: region is missing; pass the region of the collector bus, e.g. 'ap-southeast-2'.",
    );
    expect(() => new (loose(WebhookTarget))(stack, "W", { endpoint: "https://example.com/hook" })).toThrow(
      "test/W: auth is missing; pass how EventBridge authenticates, e.g. WebhookAuth.apiKey({ headerName, value }).",
    );
  });

  it("says a single target must be wrapped in a list, and refuses a missing target", () => {
    const { stack, bus } = setup();
    const target = new SqsTarget(new SecureQueue(stack, "Q"));
    const eventPattern = bus.securityEvents.failedLogins();
    expect(() => new (loose(StaxEventRule))(stack, "R", { bus, eventPattern, targets: target })).toThrow(
      "test/R: targets is an object; wrap it in a list: [ … ].",
    );
    expect(() => new (loose(StaxEventRule))(stack, "R2", { bus, eventPattern, targets: [undefined] })).toThrow(
      "test/R2: target 0 is undefined, not a rule target; pass a target such as new SqsTarget(queue) or new LambdaTarget(fn).",
    );
  });

  it("says a required prop has the wrong JSON type", () => {
    const { stack, bus } = setup();
    expect(() => new (loose(StaxEventRule))(stack, "R", { bus, eventPattern: "{}" })).toThrow(
      "test/R: eventPattern is the string '{}'; pass an object.",
    );
    expect(() => new (loose(StaxAuditLog))(stack, "A", { bus, accountId: 123456789012 })).toThrow(
      "test/A: accountId is a number; quote it: '123456789012'.",
    );
    expect(
      () =>
        new (loose(OrganizationForwarding))(stack, "F", {
          destination: "arn:aws:events:ap-southeast-2:123456789012:event-bus/c",
          eventPattern: {},
          organizationalUnitIds: "ou-ab12-11111111",
          regions: ["us-east-1"],
        }),
    ).toThrow("test/F: organizationalUnitIds is the string 'ou-ab12-11111111'; wrap it in a list: [ … ].");
  });

  it("accepts the required props as tokens", () => {
    const { stack } = setup();
    const account = new TerraformVariable(stack, "account", { type: "string" }).stringValue;
    const collector = new SecurityEventCollector(stack, "C", { accountId: account, region: "ap-southeast-2" });
    expect(collector.accountId).toBe(account);
  });
});

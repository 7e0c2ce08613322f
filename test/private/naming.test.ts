import { Testing, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { bucketPrefix, localName, physicalName, shortHash } from "../../modules/private/naming";

function constructAt(stackName: string, ...path: string[]): Construct {
  let scope: Construct = new TerraformStack(Testing.app(), stackName);
  for (const id of path) scope = new Construct(scope, id);
  return scope;
}

describe("physicalName", () => {
  it("starts with the stack name, followed by the path below the stack", () => {
    expect(physicalName(constructAt("prod", "Alerts", "Queue"), { maxLength: 80 })).toBe("prod-Alerts-Queue");
  });

  it("differs between two stacks with the same construct path", () => {
    const a = physicalName(constructAt("team-a", "StaxTargetDeadLetterQueue"), { maxLength: 80 });
    const b = physicalName(constructAt("team-b", "StaxTargetDeadLetterQueue"), { maxLength: 80 });
    expect(a).toBe("team-a-StaxTargetDeadLetterQueue");
    expect(b).toBe("team-b-StaxTargetDeadLetterQueue");
  });

  it("replaces characters the service does not allow, and keeps a suffix", () => {
    expect(physicalName(constructAt("my.stack", "Q"), { maxLength: 80, suffix: ".fifo" })).toBe("my-stack-Q.fifo");
  });

  it("cuts a long name at word boundaries, keeping the stack name, the most specific ids and a hash", () => {
    const scope = constructAt("stax-security-events", "SecurityEventRules", "PolicyDetachFromOrganizationEvent");
    const name = physicalName(scope, { maxLength: 64 });
    const hash = shortHash("stax-security-events/SecurityEventRules/PolicyDetachFromOrganizationEvent");
    expect(name).toBe(`stax-security-events-PolicyDetachFromOrganizationEvent-${hash}`);
    expect(name.length).toBeLessThanOrEqual(64);
  });

  it("keeps long names within the limit, distinct per stack and stable", () => {
    const path = ["A".repeat(40), "B".repeat(40), "C".repeat(40)];
    for (const maxLength of [20, 36, 48, 64, 80]) {
      const a = physicalName(constructAt("a".repeat(70), ...path), { maxLength, suffix: ".fifo" });
      const b = physicalName(constructAt("a".repeat(69) + "b", ...path), { maxLength, suffix: ".fifo" });
      expect(a.length).toBeLessThanOrEqual(maxLength);
      expect(a.endsWith(".fifo")).toBe(true);
      expect(a).not.toBe(b);
      expect(physicalName(constructAt("a".repeat(70), ...path), { maxLength, suffix: ".fifo" })).toBe(a);
    }
  });
});

describe("localName", () => {
  it("is the path below the stack only, for identifiers inside the stack's configuration", () => {
    expect(localName(constructAt("prod", "SlackAlerts"), { maxLength: 200 })).toBe("SlackAlerts");
  });
});

describe("bucketPrefix", () => {
  it("is lower case, at most 37 characters, ends in '-' and includes the stack name", () => {
    expect(bucketPrefix(constructAt("Prod", "SecurityEventArchive"))).toBe("prod-security-event-archive-");
    const long = bucketPrefix(constructAt("stax-firehose-to-s3", "SecurityEventArchive"));
    expect(long).toMatch(/^stax-firehose-event-archive-[0-9a-f]{8}-$/);
    expect(long.length).toBeLessThanOrEqual(37);
  });
});

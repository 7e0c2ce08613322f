/**
 * Classes 4 and 5 of the validation issue: forwarding that cannot deliver is refused; tokens are
 * never format-checked, and where a literal is truly needed the error says why and what to pass.
 * Also the organisation ids of the wrong kind (class 1).
 */
import { TerraformVariable } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { StaxEventBus } from "../../modules/bus";
import {
  OrganizationForwarding,
  SecurityEventCollector,
  ServiceEventForwarder,
  ServiceEventPatterns,
} from "../../modules/forwarding";
import { StaxEventRule } from "../../modules/rule";
import { EventBusTarget, Queue, SqsTarget } from "../../modules/targets";
import { testStack } from "../support/synth";

const SECURITY = "111122223333";
const MEMBER = "444455556666";
const pattern = ServiceEventPatterns.securityFindings();

function collector(props: { organizationId?: string; allowedAccountIds?: string[] } = {}) {
  const { stack } = testStack();
  return {
    stack,
    collector: new SecurityEventCollector(stack, "Collector", {
      accountId: SECURITY,
      region: "ap-southeast-2",
      ...props,
    }),
  };
}

describe("forwarding that cannot deliver", () => {
  it("refuses a forwarder from another account to a collector that admits nobody, and says what to add", () => {
    const { stack, collector: destination } = collector();
    expect(
      () =>
        new ServiceEventForwarder(stack, "F", {
          accountId: MEMBER,
          regions: ["us-east-1"],
          destination,
          eventPattern: pattern,
        }),
    ).toThrow(
      `test/F: 'test/Collector' admits no events from account '${MEMBER}': its bus policy lists neither that account nor an organisation, so EventBridge would refuse every forwarded event. Add '${MEMBER}' to the collector's allowedAccountIds, or set its organizationId.`,
    );
  });

  it("refuses organisation-wide forwarding to a collector without an organisation", () => {
    const { stack, collector: destination } = collector({ allowedAccountIds: [MEMBER] });
    expect(
      () =>
        new OrganizationForwarding(stack, "Org", {
          destination,
          eventPattern: pattern,
          organizationalUnitIds: ["ou-ab12-cd34ef56"],
          regions: ["us-east-1"],
        }),
    ).toThrow(
      "test/Org: 'test/Collector' admits no events from the organisation's accounts: its bus policy lists neither an organisation, so EventBridge would refuse every forwarded event. Set organizationId on the collector (the AWS Organizations id, 'o-…') so the accounts of the OUs may put events.",
    );
  });

  it("accepts the collector's own account, listed accounts and organisations", () => {
    const own = collector();
    expect(
      () =>
        new ServiceEventForwarder(own.stack, "F", {
          accountId: SECURITY,
          regions: ["us-east-1"],
          destination: own.collector,
          eventPattern: pattern,
        }),
    ).not.toThrow();
    const listed = collector({ allowedAccountIds: [MEMBER] });
    expect(
      () =>
        new ServiceEventForwarder(listed.stack, "F", {
          accountId: MEMBER,
          regions: ["us-east-1"],
          destination: listed.collector,
          eventPattern: pattern,
        }),
    ).not.toThrow();
    const org = collector({ organizationId: "o-a1b2c3d4e5" });
    expect(
      () =>
        new ServiceEventForwarder(org.stack, "F", {
          accountId: MEMBER,
          regions: ["us-east-1"],
          destination: org.collector,
          eventPattern: pattern,
        }),
    ).not.toThrow();
    expect(
      () =>
        new OrganizationForwarding(org.stack, "Org", {
          destination: org.collector,
          eventPattern: pattern,
          organizationalUnitIds: ["r-ab12"],
          regions: ["us-east-1"],
        }),
    ).not.toThrow();
  });

  it("refuses a destination whose ARN and parts name different buses", () => {
    const { stack } = testStack();
    const destination = {
      accountId: SECURITY,
      region: "ap-southeast-2",
      eventBusName: "central",
      eventBusArn: `arn:aws:events:eu-west-1:${SECURITY}:event-bus/central`,
    };
    expect(
      () =>
        new ServiceEventForwarder(stack, "F", {
          accountId: MEMBER,
          regions: ["us-east-1"],
          destination,
          eventPattern: pattern,
        }),
    ).toThrow(
      `test/F: destination eventBusArn 'arn:aws:events:eu-west-1:${SECURITY}:event-bus/central' disagrees with its parts (account '${SECURITY}', region 'ap-southeast-2', bus 'central', i.e. 'arn:aws:events:ap-southeast-2:${SECURITY}:event-bus/central'); the target would use one bus and the loop and policy checks the other. Make them name the same bus, or leave eventBusArn out.`,
    );
    const ok = { ...destination, eventBusArn: `arn:aws:events:ap-southeast-2:${SECURITY}:event-bus/central` };
    expect(
      () =>
        new ServiceEventForwarder(stack, "G", {
          accountId: MEMBER,
          regions: ["us-east-1"],
          destination: ok,
          eventPattern: pattern,
        }),
    ).not.toThrow();
  });

  it("refuses a rule targeting its own bus by literal ARN, and accepts the same name in another region", () => {
    const { stack } = testStack();
    const own = new SecurityEventCollector(stack, "Collector", { accountId: SECURITY, region: "ap-southeast-2" });
    const literal = `arn:aws:events:ap-southeast-2:${SECURITY}:event-bus/aws-service-events`;
    const bus = {
      eventBusName: "aws-service-events",
      eventBusArn: own.eventBusArn,
      accountId: SECURITY,
      provider: own.provider ?? (stack.node.findChild("aws") as AwsProvider),
    };
    expect(
      () => new StaxEventRule(stack, "R", { bus, eventPattern: pattern, targets: [new EventBusTarget(literal)] }),
    ).toThrow(
      `test/R: Target0: the destination '${literal}' is the rule's own bus, which would loop. Target another bus.`,
    );
    const elsewhere = `arn:aws:events:eu-west-1:${SECURITY}:event-bus/aws-service-events`;
    expect(
      () => new StaxEventRule(stack, "S", { bus, eventPattern: pattern, targets: [new EventBusTarget(elsewhere)] }),
    ).not.toThrow();
  });
});

describe("tokens", () => {
  it("says why a partner source name must be literal and what to pass instead; accepts its parts as tokens", () => {
    const { stack } = testStack();
    const name = new TerraformVariable(stack, "source", { type: "string" }).stringValue;
    expect(() => new StaxEventBus(stack, "B", { partnerEventSourceName: name })).toThrow(
      "test/B: partnerEventSourceName is a token, but the bus name, its selectors and the checks need the account id and source name it is made of. Pass accountId and sourceName instead (either may be a token).",
    );
    const account = new TerraformVariable(stack, "account", { type: "string" }).stringValue;
    expect(() => new StaxEventBus(stack, "C", { accountId: account, sourceName: name })).not.toThrow();
  });

  it("takes a queue ARN token with its URL, and says so when the URL is missing", () => {
    const { stack } = testStack();
    const arn = new TerraformVariable(stack, "queue_arn", { type: "string" }).stringValue;
    const url = new TerraformVariable(stack, "queue_url", { type: "string" }).stringValue;
    expect(() => Queue.fromArn(arn)).toThrow(
      /^Queue.fromArn: the ARN is a token, .* Pass queueUrl \(and fifo: true for a FIFO queue\) in the options/,
    );
    const queue = Queue.fromArn(arn, { queueUrl: url, managePolicy: true });
    expect(queue).toMatchObject({ queueArn: arn, queueUrl: url, fifo: false });
    const bus = new StaxEventBus(stack, "Bus", { accountId: "123456789012", sourceName: "s" });
    expect(
      () =>
        new StaxEventRule(stack, "R", {
          bus,
          eventPattern: bus.securityEvents.select(),
          targets: [new SqsTarget(queue)],
        }),
    ).not.toThrow();
  });

  it("never format-checks names, tags, keys, URLs or organisation ids given as tokens", () => {
    const { stack } = testStack();
    const t = (n: string) => new TerraformVariable(stack, n, { type: "string" }).stringValue;
    expect(
      () =>
        new SecurityEventCollector(stack, "C", {
          accountId: t("account"),
          region: "ap-southeast-2",
          organizationId: t("org"),
          kmsKeyIdentifier: t("key"),
          tags: { [t("tag_key")]: t("tag_value") },
          archive: { archiveName: t("archive") },
        }),
    ).not.toThrow();
  });
});

describe("organisation ids of the wrong kind", () => {
  it("refuses an AWS Organizations id in a Stax selector (events carry the Stax organisation id)", () => {
    const { stack } = testStack();
    const bus = new StaxEventBus(stack, "B", { accountId: "123456789012", sourceName: "s" });
    expect(() => bus.securityEvents.forOrganization("o-a1b2c3d4e5")).toThrow(
      "organization id 'o-a1b2c3d4e5' is an AWS Organizations id, but Stax events carry the Stax organisation id (a UUID, detail.meta.organization.id), so the pattern would never match. Pass the Stax organisation id, shown in the Stax console.",
    );
    expect(() => bus.securityEvents.forOrganization("0f5fbd7c-1b2c-4d3e-8f9a-0123456789ab")).not.toThrow();
  });

  it("refuses a Stax organisation id where the collector needs the AWS Organizations id", () => {
    const { stack } = testStack();
    expect(
      () =>
        new SecurityEventCollector(stack, "C", {
          accountId: SECURITY,
          region: "ap-southeast-2",
          organizationId: "0f5fbd7c-1b2c-4d3e-8f9a-0123456789ab",
        }),
    ).toThrow(
      "test/C: organizationId '0f5fbd7c-1b2c-4d3e-8f9a-0123456789ab' looks like a Stax organisation id (a UUID); aws:PrincipalOrgID takes the AWS Organizations id ('o-' followed by 10-32 lowercase letters or digits, e.g. 'o-a1b2c3d4e5'). Find it with 'aws organizations describe-organization'.",
    );
  });
});

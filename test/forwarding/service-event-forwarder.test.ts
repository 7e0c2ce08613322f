import { Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import {
  AWS_COMMERCIAL_REGIONS,
  AWS_DEFAULT_ENABLED_REGIONS,
  SecurityEventCollector,
  ServiceEventForwarder,
  ServiceEventForwarderProps,
  ServiceEventPatterns,
} from "../../modules/forwarding";
import { onlyResource, parsed, refOf, resourcesOf, synthObject, testStack } from "../support/synth";

const SECURITY = "111122223333";
const MEMBER = "444455556666";
const DESTINATION = `arn:aws:events:ap-southeast-2:${SECURITY}:event-bus/aws-service-events`;

function forward(props: Partial<ServiceEventForwarderProps> = {}) {
  const { app, stack } = testStack();
  const forwarder = new ServiceEventForwarder(stack, "Forwarder", {
    accountId: MEMBER,
    regions: ["us-east-1", "eu-west-1", "ap-southeast-2"],
    destination: DESTINATION,
    eventPattern: ServiceEventPatterns.securityFindings(),
    ...props,
  });
  return { app, stack, forwarder };
}

/** Provider reference of a resource, e.g. "aws.Forwarder-eu-west-1". */
const providerOf = (resource: any): string | undefined => resource.provider;

describe("ServiceEventForwarder", () => {
  it("creates one rule on each region's default bus, each with one target to the destination", () => {
    const { stack, forwarder } = forward();
    const synth = synthObject(stack);
    const rules = Object.values(resourcesOf(synth, "aws_cloudwatch_event_rule"));
    expect(rules.map((r: any) => `${providerOf(r)} ${r.event_bus_name}`).sort()).toEqual([
      "aws.Forwarder-ap-southeast-2 default",
      "aws.Forwarder-eu-west-1 default",
      "aws.Forwarder-us-east-1 default",
    ]);
    for (const r of rules) expect(parsed((r as any).event_pattern)).toEqual(ServiceEventPatterns.securityFindings());
    const targets = Object.values(resourcesOf(synth, "aws_cloudwatch_event_target"));
    expect(targets).toHaveLength(3);
    for (const t of targets as any[]) {
      expect(t.arn).toBe(DESTINATION);
      expect(t.role_arn).toBe(refOf(forwarder.role, "arn"));
      expect(t.retry_policy).toEqual({ maximum_event_age_in_seconds: 86400, maximum_retry_attempts: 185 });
    }
  });

  it("shares ONE role allowed only events:PutEvents on the destination, trusted by EventBridge for its rules only", () => {
    const { stack, forwarder } = forward();
    const synth = synthObject(stack);
    const role = onlyResource(synth, "aws_iam_role");
    expect(providerOf(role)).toBe("aws.Forwarder-us-east-1");
    expect(parsed(role.assume_role_policy).Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: {
          StringEquals: { "aws:SourceAccount": MEMBER },
          ArnEquals: {
            "aws:SourceArn": ["us-east-1", "eu-west-1", "ap-southeast-2"].map(
              (r) => `arn:aws:events:${r}:${MEMBER}:rule/${forwarder.rules[r].ruleName}`,
            ),
          },
        },
      },
    ]);
    expect(parsed(onlyResource(synth, "aws_iam_role_policy").policy).Statement).toEqual([
      { Effect: "Allow", Action: ["events:PutEvents"], Resource: [DESTINATION] },
    ]);
  });

  it("trusts its rules by the start their names share, in any region, when one ARN per region would pass IAM's 2,048 characters", () => {
    const trustOf = (forwarder: ServiceEventForwarder, stack: Parameters<typeof synthObject>[0]) => {
      const role = onlyResource(synthObject(stack), "aws_iam_role");
      return {
        document: role.assume_role_policy as string,
        names: Object.values(forwarder.rules).map((r) => r.ruleName),
      };
    };
    const every = forward({ regions: AWS_COMMERCIAL_REGIONS });
    const { document, names } = trustOf(every.forwarder, every.stack);
    expect(names.every((name) => name.startsWith("test-Forwarder-"))).toBe(true);
    expect(parsed(document).Statement[0].Condition).toEqual({
      StringEquals: { "aws:SourceAccount": MEMBER },
      ArnLike: { "aws:SourceArn": `arn:aws:events:*:${MEMBER}:rule/test-Forwarder-*` },
    });
    // one name for every region: the pattern is that name
    const named = forward({ regions: AWS_COMMERCIAL_REGIONS, ruleName: "forward-service-events" });
    expect(parsed(trustOf(named.forwarder, named.stack).document).Statement[0].Condition.ArnLike).toEqual({
      "aws:SourceArn": `arn:aws:events:*:${MEMBER}:rule/forward-service-events`,
    });
    // the 17 default regions still fit, listed one by one
    const defaults = forward({ regions: AWS_DEFAULT_ENABLED_REGIONS });
    const listed = trustOf(defaults.forwarder, defaults.stack).document;
    expect(parsed(listed).Statement[0].Condition.ArnEquals["aws:SourceArn"]).toHaveLength(17);
    expect(listed.length).toBeLessThanOrEqual(2048);
  });

  it("keeps undeliverable events in a dead-letter queue in the rule's own region", () => {
    const { stack, forwarder } = forward();
    const synth = synthObject(stack);
    const queues = Object.entries<any>(resourcesOf(synth, "aws_sqs_queue"));
    expect(queues.map(([, q]) => providerOf(q)).sort()).toEqual([
      "aws.Forwarder-ap-southeast-2",
      "aws.Forwarder-eu-west-1",
      "aws.Forwarder-us-east-1",
    ]);
    const targets = Object.values(resourcesOf(synth, "aws_cloudwatch_event_target")) as any[];
    for (const t of targets) {
      const [, queue] = queues.find(([id]) => t.dead_letter_config.arn === `\${aws_sqs_queue.${id}.arn}`)!;
      expect(providerOf(queue)).toBe(providerOf(t));
    }
    expect(Object.keys(forwarder.rules)).toEqual(["us-east-1", "eu-west-1", "ap-southeast-2"]);
  });

  it("names the rules as asked, and can leave the dead-letter queues out", () => {
    const { stack } = forward({
      regions: ["us-east-1", "eu-west-1"],
      ruleName: "security-forwarding",
      deadLetterQueue: false,
    });
    const synth = synthObject(stack);
    expect(Object.values(resourcesOf(synth, "aws_cloudwatch_event_rule")).map((r: any) => r.name)).toEqual([
      "security-forwarding",
      "security-forwarding",
    ]);
    expect(resourcesOf(synth, "aws_sqs_queue")).toEqual({});
    for (const t of Object.values(resourcesOf(synth, "aws_cloudwatch_event_target")) as any[])
      expect(t.dead_letter_config).toBeUndefined();
  });

  it("creates one provider per region from the base configuration, inheriting assume_role and profile", () => {
    const { stack } = forward({
      regions: ["us-east-1", "eu-west-1"],
      providerConfig: {
        profile: "security",
        assumeRole: [{ roleArn: `arn:aws:iam::${MEMBER}:role/forwarding-deployer` }],
      },
    });
    const providers = synthObject(stack).provider.aws.filter((p: any) => p.alias);
    expect(providers).toEqual([
      {
        alias: "Forwarder-us-east-1",
        region: "us-east-1",
        profile: "security",
        assume_role: [{ role_arn: `arn:aws:iam::${MEMBER}:role/forwarding-deployer` }],
      },
      {
        alias: "Forwarder-eu-west-1",
        region: "eu-west-1",
        profile: "security",
        assume_role: [{ role_arn: `arn:aws:iam::${MEMBER}:role/forwarding-deployer` }],
      },
    ]);
  });

  it("uses providers passed in, creating only the missing ones", () => {
    const { stack } = testStack();
    const mine = new AwsProvider(stack, "east", { region: "us-east-1", alias: "east" });
    new ServiceEventForwarder(stack, "Forwarder", {
      accountId: MEMBER,
      regions: ["us-east-1", "eu-west-1"],
      destination: DESTINATION,
      eventPattern: ServiceEventPatterns.securityFindings(),
      providers: { "us-east-1": mine },
    });
    const synth = synthObject(stack);
    expect(Object.values(resourcesOf(synth, "aws_cloudwatch_event_rule")).map(providerOf).sort()).toEqual([
      "aws.Forwarder-eu-west-1",
      "aws.east",
    ]);
  });

  it("delivers locally in the destination's own region of the same account, with the same role", () => {
    const { stack } = testStack();
    const collector = new SecurityEventCollector(stack, "Collector", {
      accountId: SECURITY,
      region: "ap-southeast-2",
      organizationId: "o-a1b2c3d4e5",
    });
    const forwarder = new ServiceEventForwarder(stack, "Forwarder", {
      accountId: SECURITY,
      regions: ["us-east-1", "ap-southeast-2"],
      destination: collector,
      eventPattern: ServiceEventPatterns.securityFindings(),
    });
    const synth = synthObject(stack);
    const targets = Object.values(resourcesOf(synth, "aws_cloudwatch_event_target")) as any[];
    expect(targets.map((t) => t.arn)).toEqual([refOf(collector.bus, "arn"), refOf(collector.bus, "arn")]);
    expect(Object.keys(resourcesOf(synth, "aws_iam_role"))).toHaveLength(1);
    expect(forwarder.destination.staticArn).toBe(collector.staticEventBusArn);
  });

  it("warns at synth time when global-service events are selected without us-east-1", () => {
    const { stack } = forward({ regions: ["eu-west-1"], eventPattern: ServiceEventPatterns.consoleSignInFailures() });
    expect(Testing.synth(stack)).toBeTruthy();
    const warnings = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data)));
    expect(warnings).toEqual([
      expect.stringContaining(
        "which arrive only in us-east-1, and us-east-1 is not among the regions (eu-west-1). Add 'us-east-1' to regions",
      ),
    ]);

    const { stack: quiet } = forward({
      regions: ["eu-west-1"],
      eventPattern: ServiceEventPatterns.guardDutyFindings(),
    });
    expect(quiet.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === "@cdktf/warn"))).toEqual([]);
  });

  describe("refuses bad input", () => {
    it("unknown, duplicate or no regions", () => {
      expect(() => forward({ regions: ["us-east-1", "europe-west1"] })).toThrow(
        "test/Forwarder: regions entry 'europe-west1' is not an AWS commercial region.",
      );
      expect(() => forward({ regions: ["eu_west_1"] })).toThrow(
        "regions entry 'eu_west_1' is not an AWS commercial region. Did you mean 'eu-west-1'?",
      );
      expect(() => forward({ regions: ["eu-west-1", "us-east-1", "eu-west-1"] })).toThrow(
        "test/Forwarder: regions lists 'eu-west-1' twice; list each region once.",
      );
      expect(() => forward({ regions: [] })).toThrow("test/Forwarder: regions is empty; list at least one region");
    });

    it("a destination account id that is not 12 digits, or a destination that is not a bus", () => {
      expect(() =>
        forward({ destination: { accountId: "12345", region: "ap-southeast-2", eventBusName: "x" } }),
      ).toThrow(
        "test/Forwarder: destination account id '12345' is not an AWS account id; it must be exactly 12 digits",
      );
      expect(() => forward({ destination: "arn:aws:sqs:ap-southeast-2:111122223333:queue" })).toThrow(
        "test/Forwarder: destination: 'arn:aws:sqs:ap-southeast-2:111122223333:queue' is not an event bus ARN",
      );
      expect(() => forward({ destination: { accountId: SECURITY, region: "mars-1", eventBusName: "x" } })).toThrow(
        "destination region 'mars-1' is not an AWS commercial region.",
      );
    });

    it("a destination equal to a source bus", () => {
      expect(() =>
        forward({ accountId: SECURITY, destination: `arn:aws:events:eu-west-1:${SECURITY}:event-bus/default` }),
      ).toThrow(
        `test/Forwarder: destination 'arn:aws:events:eu-west-1:${SECURITY}:event-bus/default' is the default bus of 'eu-west-1', which is also a source bus; forwarding it to itself would loop. Forward to a custom bus (e.g. a SecurityEventCollector), or remove 'eu-west-1' from regions.`,
      );
    });

    it("forwarding into a bus that forwards back", () => {
      const { stack } = testStack();
      const pattern = ServiceEventPatterns.securityFindings();
      new ServiceEventForwarder(stack, "AToB", {
        accountId: MEMBER,
        regions: ["eu-west-1"],
        destination: `arn:aws:events:us-east-1:${SECURITY}:event-bus/default`,
        eventPattern: pattern,
      });
      expect(
        () =>
          new ServiceEventForwarder(stack, "BToA", {
            accountId: SECURITY,
            regions: ["us-east-1"],
            destination: `arn:aws:events:eu-west-1:${MEMBER}:event-bus/default`,
            eventPattern: pattern,
          }),
      ).toThrow(
        `test/BToA: forwarding to 'arn:aws:events:eu-west-1:${MEMBER}:event-bus/default' would loop: arn:aws:events:eu-west-1:${MEMBER}:event-bus/default → arn:aws:events:us-east-1:${SECURITY}:event-bus/default, and 'arn:aws:events:us-east-1:${SECURITY}:event-bus/default' is a source bus of this forwarder.`,
      );
    });

    it("providers that do not match the regions", () => {
      const { stack } = testStack();
      const eu = new AwsProvider(stack, "eu", { region: "eu-west-1", alias: "eu" });
      const props = {
        accountId: MEMBER,
        destination: DESTINATION,
        eventPattern: ServiceEventPatterns.securityFindings(),
      };
      expect(
        () =>
          new ServiceEventForwarder(stack, "A", { ...props, regions: ["us-east-1"], providers: { "eu-west-1": eu } }),
      ).toThrow("test/A: providers has an entry for 'eu-west-1', which is not in regions (us-east-1).");
      expect(
        () =>
          new ServiceEventForwarder(stack, "B", { ...props, regions: ["us-east-1"], providers: { "us-east-1": eu } }),
      ).toThrow(
        "test/B: providers['us-east-1'] is configured for region 'eu-west-1'. Pass the provider of 'us-east-1'.",
      );
    });
  });
});

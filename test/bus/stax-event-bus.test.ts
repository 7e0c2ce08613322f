import { StaxEventBus } from "../../modules/bus";
import { REGION_NAME_ATTRIBUTE } from "../support/provider-forms";
import { onlyResource, resourcesOf, synthObject, testStack } from "../support/synth";

describe("StaxEventBus", () => {
  it("creates a bus named after the partner source and associated with it", () => {
    const { stack } = testStack();
    const bus = new StaxEventBus(stack, "Bus", { accountId: "123456789012", sourceName: "security" });
    const synth = synthObject(stack);

    const resource = onlyResource(synth, "aws_cloudwatch_event_bus");
    expect(resource.name).toBe("aws.partner/stax.io/123456789012/security");
    expect(resource.event_source_name).toBe("aws.partner/stax.io/123456789012/security");
    expect(bus.eventBusName).toBe("aws.partner/stax.io/123456789012/security");
    expect(bus.adopted).toBe(false);
  });

  it("accepts the full partner event source name", () => {
    const { stack } = testStack();
    const bus = new StaxEventBus(stack, "Bus", { partnerEventSourceName: "aws.partner/stax.io/123456789012/audit" });
    expect(bus.accountId).toBe("123456789012");
    expect(bus.sourceName).toBe("audit");
  });

  it("archives events for 30 days by default", () => {
    const { stack } = testStack();
    new StaxEventBus(stack, "Bus", { accountId: "123456789012", sourceName: "security" });
    const archive = onlyResource(synthObject(stack), "aws_cloudwatch_event_archive");
    expect(archive.retention_days).toBe(30);
    expect(archive.event_source_arn).toMatch(/aws_cloudwatch_event_bus\..*\.arn/);
    expect(archive.name.length).toBeLessThanOrEqual(48);
  });

  it("keeps the archive forever with retentionDays 0 and drops it only when told", () => {
    const { stack } = testStack();
    new StaxEventBus(stack, "Forever", { accountId: "123456789012", sourceName: "a", archive: { retentionDays: 0 } });
    new StaxEventBus(stack, "NoArchive", { accountId: "123456789012", sourceName: "b", archive: false });
    const archives = Object.values(resourcesOf(synthObject(stack), "aws_cloudwatch_event_archive"));
    expect(archives).toHaveLength(1);
    expect(archives[0].retention_days).toBe(0);
  });

  it("adopts the bus of the default source, which Stax associates itself", () => {
    const { stack } = testStack();
    const bus = new StaxEventBus(stack, "Bus", { accountId: "123456789012" });
    const synth = synthObject(stack);
    expect(bus.adopted).toBe(true);
    expect(resourcesOf(synth, "aws_cloudwatch_event_bus")).toEqual({});
    expect(bus.eventBusName).toBe("aws.partner/stax.io/123456789012/default");
    const arn = onlyResource(synth, "aws_cloudwatch_event_archive").event_source_arn;
    expect(arn).toMatch(
      /^arn:\$\{data\.aws_partition\..*\.partition\}:events:\$\{data\.aws_region\.[^.]+\.\w+\}:123456789012:event-bus\/aws\.partner\/stax\.io\/123456789012\/default$/,
    );
    expect(/\$\{data\.aws_region\.[^.]+\.(\w+)\}/.exec(arn)?.[1]).toBe(REGION_NAME_ATTRIBUTE);
  });

  it("sets a customer-managed key on a bus it creates", () => {
    const { stack } = testStack();
    new StaxEventBus(stack, "Bus", {
      accountId: "123456789012",
      sourceName: "s",
      kmsKeyIdentifier: "alias/stax-events",
    });
    expect(onlyResource(synthObject(stack), "aws_cloudwatch_event_bus").kms_key_identifier).toBe("alias/stax-events");
  });

  it("exposes selectors bound to its partner source", () => {
    const { stack } = testStack();
    const bus = new StaxEventBus(stack, "Bus", { accountId: "123456789012", sourceName: "s" });
    const source = ["aws.partner/stax.io/123456789012/s"];
    expect(bus.securityEvents.ofType("UserCreateEvent").source).toEqual(source);
    expect(bus.accountEvents.failedAccountOperations().source).toEqual(source);
    expect(bus.staxEvents.uncatalogued().source).toEqual(source);
    expect(bus.staxEvents.security).toBe(bus.securityEvents);
    expect(bus.staxEvents.accountManagement).toBe(bus.accountEvents);
  });

  describe("rejects bad input", () => {
    const make = (props: ConstructorParameters<typeof StaxEventBus>[2]) => () =>
      new StaxEventBus(testStack().stack, "Bus", props);

    it("an account id that is not 12 digits", () => {
      expect(make({ accountId: "12345", sourceName: "s" })).toThrow(
        "test/Bus: partner event source account id '12345' is not an AWS account id; it must be exactly 12 digits, e.g. '123456789012'.",
      );
    });

    it("a partner source name not of the Stax form", () => {
      expect(make({ partnerEventSourceName: "aws.partner/example.com/123456789012/s" })).toThrow(
        "test/Bus: partnerEventSourceName 'aws.partner/example.com/123456789012/s' is not a Stax partner event source; expected 'aws.partner/stax.io/<12-digit account id>/<name>'",
      );
      expect(make({ partnerEventSourceName: "aws.partner/stax.io/1234/s" })).toThrow("'1234' is not an AWS account id");
    });

    it("a source name with illegal characters", () => {
      expect(make({ accountId: "123456789012", sourceName: "bad name" })).toThrow(
        "test/Bus: partner event source name 'bad name' is not valid",
      );
    });

    it("a negative archive retention", () => {
      expect(make({ accountId: "123456789012", sourceName: "s", archive: { retentionDays: -1 } })).toThrow(
        "test/Bus: archive retentionDays is -1; it must be a whole number from 0 to 2147483647. Pass a value in that range.",
      );
    });

    it("creating a bus for the default source", () => {
      expect(make({ accountId: "123456789012", adoptExisting: false })).toThrow(
        "test/Bus: adoptExisting is false for the 'default' source, but Stax associates that source with a bus itself.",
      );
    });

    it("both ways of naming the source, or neither", () => {
      expect(make({ partnerEventSourceName: "aws.partner/stax.io/123456789012/s", accountId: "123456789012" })).toThrow(
        "test/Bus: pass either partnerEventSourceName or accountId/sourceName, not both.",
      );
      expect(make({})).toThrow("test/Bus: no partner event source given.");
    });
  });
});

import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SecurityEventCollector, SecurityEventCollectorProps } from "../../modules/forwarding";
import { onlyResource, parsed, refOf, resourcesOf, synthObject, testStack } from "../support/synth";

const BASE: SecurityEventCollectorProps = { accountId: "111122223333", region: "ap-southeast-2" };

function collect(props: Partial<SecurityEventCollectorProps> = {}) {
  const { stack } = testStack();
  const collector = new SecurityEventCollector(stack, "Collector", { ...BASE, ...props });
  return { stack, collector, synth: synthObject(stack) };
}

describe("SecurityEventCollector", () => {
  it("creates its own custom bus named after the stack, never the default one, with an archive by default", () => {
    const { collector, synth } = collect({ organizationId: "o-a1b2c3d4e5" });
    expect(onlyResource(synth, "aws_cloudwatch_event_bus").name).toBe("test-Collector");
    expect(onlyResource(synth, "aws_cloudwatch_event_archive")).toMatchObject({
      retention_days: 30,
      event_source_arn: refOf(collector.bus, "arn"),
    });
    expect(collector.staticEventBusArn).toBe("arn:aws:events:ap-southeast-2:111122223333:event-bus/test-Collector");
  });

  it("lets only the organisation put events on the bus, and nothing else", () => {
    const { collector, synth } = collect({ organizationId: "o-a1b2c3d4e5" });
    const policy = onlyResource(synth, "aws_cloudwatch_event_bus_policy");
    expect(policy.event_bus_name).toBe(refOf(collector.bus, "name"));
    expect(parsed(policy.policy).Statement).toEqual([
      {
        Sid: "AllowPutEventsFromOrganization",
        Effect: "Allow",
        Principal: "*",
        Action: "events:PutEvents",
        Resource: "arn:aws:events:ap-southeast-2:111122223333:event-bus/test-Collector",
        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
      },
    ]);
  });

  it("adds listed accounts as principals next to the organisation", () => {
    const { synth } = collect({ organizationId: "o-a1b2c3d4e5", allowedAccountIds: ["444455556666", "777788889999"] });
    const [, accounts] = parsed(onlyResource(synth, "aws_cloudwatch_event_bus_policy").policy).Statement;
    expect(accounts).toMatchObject({
      Sid: "AllowPutEventsFromAccounts",
      Principal: { AWS: ["arn:aws:iam::444455556666:root", "arn:aws:iam::777788889999:root"] },
      Action: "events:PutEvents",
    });
  });

  it("writes no policy when only its own account sends, and no archive when turned off", () => {
    const { synth } = collect({ archive: false, eventBusName: "security" });
    expect(resourcesOf(synth, "aws_cloudwatch_event_bus_policy")).toEqual({});
    expect(resourcesOf(synth, "aws_cloudwatch_event_archive")).toEqual({});
    expect(onlyResource(synth, "aws_cloudwatch_event_bus").name).toBe("security");
  });

  it("refuses bad input with the path, the value and the fix", () => {
    expect(() => collect({ organizationId: "org-123" })).toThrow(
      "test/Collector: organizationId 'org-123' is not an AWS Organizations id; it looks like 'o-' followed by 10-32 lowercase letters or digits",
    );
    expect(() => collect({ accountId: "1234" })).toThrow(
      "test/Collector: accountId '1234' is not an AWS account id; it must be exactly 12 digits",
    );
    expect(() => collect({ allowedAccountIds: ["12345678901x"] })).toThrow(
      "allowedAccountIds[0] '12345678901x' is not an AWS account id",
    );
    expect(() => collect({ region: "sydney" })).toThrow(
      "test/Collector: region 'sydney' is not an AWS commercial region.",
    );
    expect(() => collect({ eventBusName: "default" })).toThrow(
      "eventBusName is 'default'; the collector never touches the default bus",
    );
  });

  it("refuses a provider configured for another region", () => {
    const { stack } = testStack();
    const provider = new AwsProvider(stack, "eu", { region: "eu-west-1", alias: "eu" });
    expect(() => new SecurityEventCollector(stack, "Collector", { ...BASE, provider })).toThrow(
      "test/Collector: region is 'ap-southeast-2' but the provider 'test/eu' is configured for 'eu-west-1', so the resources would be created in 'eu-west-1' while their ARNs say 'ap-southeast-2'. Pass the provider of 'ap-southeast-2', or set region to 'eu-west-1'.",
    );
  });
});

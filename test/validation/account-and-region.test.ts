/**
 * A construct's literal `region` / `accountId` must agree with the provider its resources use
 * (its literal region, its one allowed account or assumed role), and with the bus it records: the
 * resources would be created in one place while ARNs and policies name another. Tokens and
 * providers that do not pin an account pass.
 */
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { StaxDeliveryAlarms } from "../../modules/alarms";
import { StaxAuditLog } from "../../modules/audit";
import { StaxEventBus } from "../../modules/bus";
import { SecurityEventCollector, ServiceEventForwarder, ServiceEventPatterns } from "../../modules/forwarding";
import { FirehoseToS3 } from "../../modules/targets";

const STAX_ACCOUNT = "123456789012";
const OTHER = "444455556666";

function pinned(allowedAccountIds?: string[]): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "ap-southeast-2", allowedAccountIds });
  return stack;
}

const accountMessage = (path: string, account: string, fix: string) =>
  `${path}: accountId is '${account}' but the provider 'test/aws' deploys only to account '${OTHER}' (its allowed_account_ids or assumed role), so the resources would be created in '${OTHER}' while their ARNs and policies say '${account}'. Pass the provider of account '${account}'${fix}.`;

describe("region and account against the provider", () => {
  it("refuses a collector region other than its provider's (the stack's default provider included)", () => {
    const stack = pinned();
    expect(() => new SecurityEventCollector(stack, "C", { accountId: STAX_ACCOUNT, region: "eu-west-1" })).toThrow(
      "test/C: region is 'eu-west-1' but the provider 'test/aws' is configured for 'ap-southeast-2', so the resources would be created in 'ap-southeast-2' while their ARNs say 'eu-west-1'. Pass the provider of 'eu-west-1', or set region to 'ap-southeast-2'.",
    );
  });

  it.each<[string, (stack: TerraformStack) => unknown]>([
    [
      "SecurityEventCollector",
      (s) => new SecurityEventCollector(s, "X", { accountId: STAX_ACCOUNT, region: "ap-southeast-2" }),
    ],
    ["FirehoseToS3", (s) => new FirehoseToS3(s, "X", { accountId: STAX_ACCOUNT })],
    ["StaxDeliveryAlarms", (s) => new StaxDeliveryAlarms(s, "X", { accountId: STAX_ACCOUNT })],
  ])("refuses a %s accountId outside the provider's allowed account", (_, build) => {
    expect(() => build(pinned([OTHER]))).toThrow(
      accountMessage("test/X", STAX_ACCOUNT, `, or set accountId to '${OTHER}'`),
    );
  });

  it("checks the providers a forwarder creates from providerConfig", () => {
    const stack = pinned();
    expect(
      () =>
        new ServiceEventForwarder(stack, "F", {
          accountId: STAX_ACCOUNT,
          regions: ["us-east-1"],
          destination: `arn:aws:events:ap-southeast-2:${STAX_ACCOUNT}:event-bus/collector`,
          eventPattern: ServiceEventPatterns.securityFindings(),
          providerConfig: { allowedAccountIds: [OTHER] },
        }),
    ).toThrow(
      `test/F: accountId is '${STAX_ACCOUNT}' but the provider 'test/F/Provider-us-east-1' deploys only to account '${OTHER}'`,
    );
  });

  it("says a partner bus belongs to the partner source's account, without suggesting to change it", () => {
    expect(() => new StaxEventBus(pinned([OTHER]), "Bus", { accountId: STAX_ACCOUNT, sourceName: "s" })).toThrow(
      `test/Bus: accountId is '${STAX_ACCOUNT}' but the provider 'test/aws' deploys only to account '${OTHER}' (its allowed_account_ids or assumed role), so the resources would be created in '${OTHER}' while their ARNs and policies say '${STAX_ACCOUNT}'. Pass the provider of account '${STAX_ACCOUNT}' (the account Stax created the partner event source in).`,
    );
  });

  it("accepts agreeing values, tokens, and providers that pin nothing", () => {
    expect(new StaxEventBus(pinned([STAX_ACCOUNT]), "Bus", { accountId: STAX_ACCOUNT, sourceName: "s" })).toBeDefined();
    const stack = pinned([OTHER]);
    const account = new TerraformVariable(stack, "account", { type: "string" }).stringValue;
    expect(new FirehoseToS3(stack, "F", { accountId: account }).provider).toBeUndefined();
    expect(new SecurityEventCollector(pinned(), "C", { accountId: OTHER, region: "ap-southeast-2" }).region).toBe(
      "ap-southeast-2",
    );
  });
});

describe("StaxAuditLog and its bus", () => {
  it("refuses an accountId other than the partner bus's account", () => {
    const stack = pinned();
    const bus = new StaxEventBus(stack, "Bus", { accountId: STAX_ACCOUNT, sourceName: "security-events" });
    expect(() => new StaxAuditLog(stack, "A", { bus, accountId: "999999999999" })).toThrow(
      `test/A: accountId is '999999999999' but the bus 'aws.partner/stax.io/${STAX_ACCOUNT}/security-events' is in account '${STAX_ACCOUNT}'. The stream, buckets and rules are created beside the bus, and the delivery role and queue policy built from accountId would refuse its rules, so nothing would be recorded. Set accountId to '${STAX_ACCOUNT}'.`,
    );
  });

  it("refuses the default bus, where Stax events never arrive", () => {
    const stack = pinned();
    const bus = {
      eventBusName: "default",
      eventBusArn: `arn:aws:events:ap-southeast-2:${STAX_ACCOUNT}:event-bus/default`,
      accountId: STAX_ACCOUNT,
    };
    expect(() => new StaxAuditLog(stack, "A", { bus, accountId: STAX_ACCOUNT })).toThrow(
      "test/A: bus is the default bus, where Stax events never arrive (EventBridge delivers partner events only to the partner event bus), so the audit log would record nothing. Pass the StaxEventBus of your Stax partner event source.",
    );
  });
});

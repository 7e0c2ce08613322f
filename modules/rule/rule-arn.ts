import { Construct } from "constructs";
import { Fn } from "cdktf";
import { IEventBus } from "../bus/event-bus";
import { isUnresolved } from "../private/errors";
import { partitionOf, providerIdentity } from "../private/provider";

/**
 * A rule's ARN as policies need it: spelled out when every part is known at synth, its longest
 * possible length for size estimates, and the `ArnLike` pattern of every rule on its bus.
 */
export interface RuleArnShape {
  /** The ARN spelled out, when partition, region, account, bus and rule name are known at synth. @default - not known at synth */
  readonly literal?: string;
  /** Longest the ARN can be: known parts at their length, unknown ones at their maximum. */
  readonly maxLength: number;
  /** `ArnLike` pattern matching every rule on the rule's bus: `arn:<partition>:events:<region>:<account>:rule/<bus>/*`. */
  readonly busRulesPattern: string;
  /** {@link busRulesPattern} spelled out, when known at synth. @default - not known at synth */
  readonly literalBusRulesPattern?: string;
}

const MAX = { partition: 10, region: 16, account: 12, bus: 256, rule: 64 };
const BUS_ARN = /^arn:([a-z-]+):events:([a-z0-9-]+):(\d{12}):event-bus\/(.+)$/;

function known(value: string | undefined): string | undefined {
  return value !== undefined && !isUnresolved(value) ? value : undefined;
}

/** The shape of the ARN of rule `ruleName` on `bus`, from what the bus and its provider tell. */
export function ruleArnShape(scope: Construct, bus: IEventBus, ruleName: string): RuleArnShape {
  const fromArn = BUS_ARN.exec(known(bus.staticEventBusArn) ?? known(bus.eventBusArn) ?? "");
  const identity = providerIdentity(scope, bus.provider);
  const region = fromArn?.[2] ?? identity.region;
  const partition = fromArn?.[1] ?? (region ? partitionOf(region) : undefined);
  const account = fromArn?.[3] ?? known(bus.accountId) ?? identity.account;
  const busName = fromArn?.[4] ?? known(bus.eventBusName);
  const name = known(ruleName);
  const busPart = (b: string | undefined): string => (b === "default" ? "" : `${b ?? "x".repeat(MAX.bus)}/`);
  const head = (p?: string, r?: string, a?: string): string =>
    `arn:${p ?? "x".repeat(MAX.partition)}:events:${r ?? "x".repeat(MAX.region)}:${a ?? "x".repeat(MAX.account)}:rule/`;
  const maxLength = (head(partition, region, account) + busPart(busName) + (name ?? "x".repeat(MAX.rule))).length;
  const allKnown = partition && region && account && busName;
  const literalBusRulesPattern = allKnown ? `${head(partition, region, account)}${busPart(busName)}*` : undefined;
  return {
    literal: allKnown && name ? `${head(partition, region, account)}${busPart(busName)}${name}` : undefined,
    maxLength,
    literalBusRulesPattern,
    busRulesPattern: literalBusRulesPattern ?? busRulesExpression(bus.eventBusArn, busName),
  };
}

/** `rule/<bus>/*` derived from the bus ARN in Terraform, when the ARN is only known at apply. */
function busRulesExpression(eventBusArn: string, busName: string | undefined): string {
  if (busName === "default") return `${Fn.replace(eventBusArn, ":event-bus/default", ":rule/")}*`;
  return `${Fn.replace(eventBusArn, ":event-bus/", ":rule/")}/*`;
}

/**
 * App-wide checks that refuse duplicate wiring EventBridge would not keep apart: two rules with
 * one name on one bus (one would replace the other), and two buses for one partner event source
 * (a source is associated with one bus).
 */
import { Construct } from "constructs";
import { TerraformProvider } from "cdktf";
import { appRegistry } from "./app-registry";
import { fail, isUnresolved } from "./errors";
import { providerIdentity } from "./provider";

/** What identifies a bus: its ARN when known, else its name in the provider's account and region. */
interface BusLike {
  readonly eventBusName: string;
  readonly eventBusArn: string;
  readonly staticEventBusArn?: string;
  readonly accountId?: string;
  readonly provider?: TerraformProvider;
}

/** Where a provider deploys: its region and account when it says, else the provider itself. */
function placeKey(scope: Construct, provider: TerraformProvider | undefined, account?: string): string {
  const identity = providerIdentity(scope, provider);
  const region = identity.region ?? `provider:${identity.provider?.node.path ?? "none"}`;
  const knownAccount = account && !isUnresolved(account) ? account : identity.account;
  return `${region}|${knownAccount ?? "?"}`;
}

function busKey(scope: Construct, bus: BusLike): string {
  if (bus.staticEventBusArn && !isUnresolved(bus.staticEventBusArn)) return bus.staticEventBusArn;
  const name = isUnresolved(bus.eventBusName) ? bus.eventBusArn : bus.eventBusName;
  return `${placeKey(scope, bus.provider, bus.accountId)}|${name}`;
}

/** Refuses a second rule named `ruleName` on the same bus anywhere in the app. */
export function claimRuleName(rule: Construct, bus: BusLike, ruleName: string): void {
  if (isUnresolved(ruleName)) return;
  const names = appRegistry<Construct>(rule, "rule-names");
  const key = `${busKey(rule, bus)}|${ruleName}`;
  const other = names.get(key);
  if (other && other !== rule) {
    const busName = isUnresolved(bus.eventBusName) ? "its bus" : `bus '${bus.eventBusName}'`;
    fail(
      rule,
      `rule name '${ruleName}' on ${busName} is already used by ${other.node.path}; EventBridge names rules per bus, so one would replace the other. Pass a different ruleName to one of them.`,
    );
  }
  names.set(key, rule);
}

/** Refuses a second bus for the partner event source `sourceName` (in the same region) anywhere in the app. */
export function claimPartnerSource(bus: Construct, sourceName: string, provider: TerraformProvider | undefined): void {
  if (isUnresolved(sourceName)) return;
  const buses = appRegistry<Construct>(bus, "partner-sources");
  const key = `${placeKey(bus, provider)}|${sourceName}`;
  const other = buses.get(key);
  if (other && other !== bus) {
    fail(
      bus,
      `partner event source '${sourceName}' already has a bus in this app: ${other.node.path}. A source is associated with one bus; pass that bus to your rules instead of creating a second one.`,
    );
  }
  buses.set(key, bus);
}

/**
 * Where a target lives compared with its rule, and what EventBridge needs when that is another
 * account: since 2025 EventBridge delivers directly to an SQS queue, SNS topic or Lambda function
 * in another account of the same region, through an execution role in the rule's account that the
 * target's resource policy admits. Another region needs a bus in between; a dead-letter queue must
 * be in the rule's account and region.
 */
import { Construct } from "constructs";
import { TerraformProvider } from "cdktf";
import type { IRule } from "../rule/target";
import { fail, isUnresolved } from "../private/errors";
import { partitionOf, providerIdentity } from "../private/provider";
import { ServiceRole } from "../private/role";

/** The account and region of a rule or resource, each when known at synth. */
export interface Place {
  readonly account?: string;
  readonly region?: string;
}

const ARN = /^arn:[a-z-]+:[a-z0-9-]+:([a-z0-9-]+):(\d{12}):/;

/** Account and region of a resource: from its ARN when literal, else from its provider. */
export function resourcePlace(scope: Construct, arn: string, provider?: TerraformProvider, owner?: Construct): Place {
  const match = isUnresolved(arn) ? null : ARN.exec(arn);
  if (match) return { region: match[1], account: match[2] };
  const identity = providerIdentity(owner ?? scope, provider);
  return { region: identity.region, account: identity.account };
}

/** Account and region of a rule: its bus's account, its provider's region. */
export function rulePlace(rule: IRule): Place {
  const identity = providerIdentity(rule, rule.provider);
  const account = rule.accountId && !isUnresolved(rule.accountId) ? rule.accountId : identity.account;
  return { account, region: identity.region };
}

/**
 * Whether a target at `place` is in another account than `rule` (both known). Fails when it is in
 * another known region: EventBridge delivers to SQS, SNS and Lambda only in the rule's region.
 */
export function isCrossAccount(rule: IRule, targetId: string, what: string, place: Place): boolean {
  const here = rulePlace(rule);
  if (here.region && place.region && here.region !== place.region) {
    fail(
      rule,
      `${targetId}: the ${what} is in ${place.region} and the rule in ${here.region}; EventBridge delivers to an ${what} only in the rule's region. Put a bus in between: forward with an EventBusTarget to a bus in ${place.region} and target the ${what} from a rule there.`,
    );
  }
  return here.account !== undefined && place.account !== undefined && here.account !== place.account;
}

/** Fails unless the dead-letter queue at `place` is in the rule's account and region, as EventBridge requires. */
export function checkDeadLetterPlace(rule: IRule, place: Place): void {
  const here = rulePlace(rule);
  const where = (p: Place) => `account ${p.account ?? "?"}, ${p.region ?? "?"}`;
  const differs = (a?: string, b?: string) => a !== undefined && b !== undefined && a !== b;
  if (differs(here.account, place.account) || differs(here.region, place.region)) {
    fail(
      rule,
      `the dead-letter queue is in ${where(place)}, and the rule in ${where(here)}; EventBridge needs a target's dead-letter queue in the rule's account and region. Pass a queue there as deadLetterQueue (or leave it out for the stack's default).`,
    );
  }
}

/** The execution role of a cross-account target, and its ARN spelled out for the target's resource policy. */
export interface CrossAccountRole {
  /** ARN of the role (a reference, for the target block). */
  readonly roleArn: string;
  /** ARN of the role spelled out, for the resource policy in the target's account (another stack). */
  readonly literalRoleArn: string;
}

/**
 * The execution role EventBridge assumes in the rule's account to deliver to a target in another
 * account: trusted only for this rule (`aws:SourceAccount`, `aws:SourceArn`), allowed only
 * `action` on `resourceArn`.
 */
export function crossAccountRole(rule: IRule, targetId: string, action: string, resourceArn: string): CrossAccountRole {
  const { account, region } = rulePlace(rule);
  const unknown = (): never =>
    fail(
      rule,
      `${targetId}: a target in another account admits the rule's role by its ARN, which needs the rule's account, region and role name at synth. Pass accountId to the bus and set region on its provider.`,
    );
  if (!region || !account) return unknown();
  const role = new ServiceRole(rule, `${targetId}Role`, {
    provider: rule.provider,
    sourceAccount: account,
    sourceArns: [rule.ruleArn],
    actions: [action],
    resources: [resourceArn],
  });
  const name = role.role.nameInput;
  if (!name || isUnresolved(name)) return unknown();
  return { roleArn: role.roleArn, literalRoleArn: `arn:${partitionOf(region)}:iam::${account}:role/${name}` };
}

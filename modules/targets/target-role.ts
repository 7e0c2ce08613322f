import { Fn } from "cdktf";
import { IRule, RuleTargetConfig } from "../rule/target";
import { isUnresolved } from "../private/errors";
import { ServiceRole } from "../private/role";
import { bindTargetBase, TargetBaseProps } from "./base";
import { checkReference } from "../private/validation";

/** A role EventBridge assumes to deliver to a target. */
export interface IRole {
  /** ARN of the role. */
  readonly roleArn: string;
}

/**
 * The role a target's block names: the one the user passed, or a new least-privilege role next to
 * the target (`<targetId>Role` under the rule), trusted by EventBridge only for this rule
 * (`aws:SourceArn`) in its account (`aws:SourceAccount`: the bus's account, or the account field
 * of the bus's or the rule's ARN) and allowed only `actions` on `resources`.
 */
export function targetRole(
  rule: IRule,
  targetId: string,
  grant: { readonly role?: IRole; readonly actions: readonly string[]; readonly resources: readonly string[] },
): IRole {
  checkReference(rule, `${targetId}: role`, grant.role, "roleArn", "a role (an object with roleArn, e.g. an IamRole)");
  return (
    grant.role ??
    new ServiceRole(rule, `${targetId}Role`, {
      provider: rule.provider,
      sourceAccount: accountOf(rule),
      sourceArns: [rule.ruleArn],
      actions: grant.actions,
      resources: grant.resources,
    })
  );
}

/**
 * The rule's account: the one its bus declares, else the account field of the bus's ARN, else
 * (both unknown until apply) a Terraform expression reading it from the rule's ARN.
 */
function accountOf(rule: IRule): string {
  if (rule.accountId) return rule.accountId;
  const fromBus = isUnresolved(rule.eventBusArn) ? undefined : rule.eventBusArn.split(":")[4];
  return fromBus || Fn.element(Fn.split(":", rule.ruleArn), 4);
}

/** Options of a target EventBridge delivers to through a role. */
export interface RoleTargetProps extends TargetBaseProps {
  /** Role EventBridge assumes to deliver. @default - a role per rule, allowed only the target's actions on the target */
  readonly role?: IRole;
}

/**
 * The block of a target EventBridge delivers to through a role: the target's ARN, the role
 * (see {@link targetRole}) allowed only `actions` on `arn`, and the retry, DLQ and input part.
 */
export function bindRoleTarget(
  rule: IRule,
  targetId: string,
  arn: string,
  actions: readonly string[],
  props: RoleTargetProps,
): RuleTargetConfig {
  const role = targetRole(rule, targetId, { role: props.role, actions, resources: [arn] });
  return { arn, roleArn: role.roleArn, ...bindTargetBase(rule, props) };
}

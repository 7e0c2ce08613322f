import { IRule, IRuleTarget, RuleTargetConfig } from "../rule/target";
import { checkArn } from "../private/arn";
import { fail, isUnresolved } from "../private/errors";
import { isAwsProvider } from "../private/resource-type";
import { bindRoleTarget, IRole, RoleTargetProps } from "./target-role";
import { checkPropKeys } from "../private/validation";

export type { IRole } from "./target-role";

/** Properties of an {@link EventBusTarget}. */
export interface EventBusTargetProps extends RoleTargetProps {
  /**
   * Role EventBridge assumes to call `events:PutEvents` on the destination (required for buses in
   * another account). Pass one to share it between rules (e.g. across regions).
   * @default - a role per rule, allowed only events:PutEvents on the destination bus
   */
  readonly role?: IRole;
}

const BUS_ARN = {
  service: "events",
  resource: /^event-bus\/[/.\-_A-Za-z0-9]+$/,
  what: "an event bus",
  expected: "arn:aws:events:<region>:<12-digit account>:event-bus/<name>",
};

/**
 * Sends events to another event bus, in the same or another account or region, through a role
 * allowed only `events:PutEvents` on that bus.
 */
export class EventBusTarget implements IRuleTarget {
  constructor(
    /** ARN of the destination bus. */
    public readonly eventBusArn: string,
    private readonly props: EventBusTargetProps = {},
  ) {
    checkPropKeys("EventBusTarget", props, { role: true, retryPolicy: true, deadLetterQueue: true, input: true });
    this.parts = checkArn("EventBusTarget", eventBusArn, BUS_ARN);
  }

  private readonly parts?: { readonly region: string; readonly account: string; readonly resource: string };

  public bind(rule: IRule, targetId: string): RuleTargetConfig {
    if (rule.eventBusArn === this.eventBusArn || this.isRuleBus(rule)) {
      fail(
        rule,
        `${targetId}: the destination '${this.eventBusArn}' is the rule's own bus, which would loop. Target another bus.`,
      );
    }
    return bindRoleTarget(rule, targetId, this.eventBusArn, ["events:PutEvents"], this.props);
  }

  /** A literal ARN naming the rule's bus when the rule knows its bus only by name, account and provider region. */
  private isRuleBus(rule: IRule): boolean {
    const region = isAwsProvider(rule.provider) ? rule.provider.region : undefined;
    if (!this.parts || region === undefined || isUnresolved(region) || isUnresolved(rule.eventBusName)) return false;
    return (
      this.parts.resource === `event-bus/${rule.eventBusName}` &&
      this.parts.region === region &&
      rule.accountId !== undefined &&
      this.parts.account === rule.accountId
    );
  }
}

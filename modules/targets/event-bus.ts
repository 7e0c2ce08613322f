import { IRule, IRuleTarget, RuleTargetConfig } from "../rule/target";
import { checkArn } from "../private/arn";
import { fail } from "../private/errors";
import { bindRoleTarget, IRole, RoleTargetProps } from "./target-role";

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
    checkArn("EventBusTarget", eventBusArn, BUS_ARN);
  }

  public bind(rule: IRule, targetId: string): RuleTargetConfig {
    if (rule.eventBusArn === this.eventBusArn) {
      fail(rule, `${targetId}: the destination is the rule's own bus, which would loop. Target another bus.`);
    }
    return bindRoleTarget(rule, targetId, this.eventBusArn, ["events:PutEvents"], this.props);
  }
}

import { IRule, IRuleTarget, RuleTargetConfig } from "../rule/target";
import { fail, isUnresolved } from "../private/errors";
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

const BUS_ARN = /^arn:aws[a-z-]*:events:[a-z0-9-]+:\d{12}:event-bus\/[/.\-_A-Za-z0-9]+$/;

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
    if (!isUnresolved(eventBusArn) && !BUS_ARN.test(eventBusArn)) {
      throw new Error(
        `EventBusTarget: '${eventBusArn}' is not an event bus ARN; expected 'arn:aws:events:<region>:<12-digit account>:event-bus/<name>'.`,
      );
    }
  }

  public bind(rule: IRule, targetId: string): RuleTargetConfig {
    if (rule.eventBusArn === this.eventBusArn) {
      fail(rule, `${targetId}: the destination is the rule's own bus, which would loop. Target another bus.`);
    }
    return bindRoleTarget(rule, targetId, this.eventBusArn, ["events:PutEvents"], this.props);
  }
}

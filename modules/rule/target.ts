import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { CloudwatchEventTargetConfig } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import type { RuleArnShape } from "./rule-arn";

export type { RuleArnShape };

/** What a rule looks like to a target that binds to it. */
export interface IRule extends Construct {
  /** Name of the rule. */
  readonly ruleName: string;
  /** ARN of the rule: targets scope their permissions with it (`aws:SourceArn`). */
  readonly ruleArn: string;
  /** Name of the bus the rule is on. */
  readonly eventBusName: string;
  /** ARN of the bus the rule is on. */
  readonly eventBusArn: string;
  /** Provider (account and region) of the rule; targets create their resources with it. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** Account the rule lives in, when known; trust policies use it for `aws:SourceAccount`. @default - unknown */
  readonly accountId?: string;
  /**
   * The rule's ARN spelled out and its longest length: policies in another stack name the rule by
   * it (a reference would make the stacks depend on each other), and policy sizes are estimated
   * with it.
   * @default - unknown: the rule can only be named in its own stack, sizes are estimated at the maximum
   */
  readonly arnShape?: RuleArnShape;
}

/**
 * The target block a target hands to the rule: everything of `aws_cloudwatch_event_target`
 * except what the rule itself sets (rule, bus, target id).
 */
export type RuleTargetConfig = Omit<
  CloudwatchEventTargetConfig,
  | "rule"
  | "eventBusName"
  | "targetId"
  | "provider"
  | "dependsOn"
  | "count"
  | "forEach"
  | "lifecycle"
  | "provisioners"
  | "connection"
>;

/**
 * A target of an EventBridge rule. `bind` is called once per rule the target is added to: it
 * creates the permissions the target needs next to it and returns the target block.
 */
export interface IRuleTarget {
  /** Binds the target to a rule; `targetId` is unique within the rule. */
  bind(rule: IRule, targetId: string): RuleTargetConfig;
}

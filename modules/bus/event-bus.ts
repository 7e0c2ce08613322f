import { TerraformProvider } from "cdktf";

/**
 * An EventBridge event bus that rules can be attached to: one this library created, one it
 * adopted, or any bus you describe yourself (for example the `default` bus of a region).
 */
export interface IEventBus {
  /** Name of the bus (`default` for the default bus). */
  readonly eventBusName: string;
  /** ARN of the bus. */
  readonly eventBusArn: string;
  /** Provider (account and region) the bus lives in; rules and targets use it too. @default - the stack's default AWS provider */
  readonly provider?: TerraformProvider;
  /** Account the bus lives in; targets use it for `aws:SourceAccount` conditions. @default - unknown */
  readonly accountId?: string;
  /**
   * ARN of the bus spelled out (no reference to a resource), when every part is known at synth;
   * policies in other stacks name rules on the bus with it.
   * @default - not known at synth
   */
  readonly staticEventBusArn?: string;
  /** Partner event source whose events arrive on the bus, when it is a partner bus. @default - not a partner bus */
  readonly partnerEventSourceName?: string;
}

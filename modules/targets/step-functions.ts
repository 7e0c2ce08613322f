import { TerraformProvider } from "cdktf";
import { SfnStateMachine } from "@cdktf/provider-aws/lib/sfn-state-machine";
import { IRule, IRuleTarget, RuleTargetConfig } from "../rule/target";
import { referenceOf } from "../private/resource-type";
import { checkArn } from "../private/arn";
import { bindRoleTarget, RoleTargetProps } from "./target-role";
import { checkPropKeys } from "../private/validation";

/** A Step Functions state machine a rule can start: a resource of yours, or one known by ARN. */
export interface IStateMachine {
  /** ARN of the state machine. */
  readonly stateMachineArn: string;
  /** Provider (account and region) of the state machine. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** Ways to refer to a Step Functions state machine. */
export class StateMachine {
  /** Refers to an existing state machine by ARN (`arn:aws:states:<region>:<account>:stateMachine:<name>`). */
  public static fromArn(
    stateMachineArn: string,
    options: { readonly provider?: TerraformProvider } = {},
  ): IStateMachine {
    checkArn("StateMachine.fromArn", stateMachineArn, {
      service: "states",
      resource: /^stateMachine:[A-Za-z0-9_-]{1,80}$/,
      what: "a Step Functions state machine",
      expected: "arn:aws:states:<region>:<12-digit account>:stateMachine:<name>",
    });
    return { stateMachineArn, provider: options.provider };
  }

  /** Refers to a state machine resource of yours (`aws_sfn_state_machine`). */
  public static fromResource(stateMachine: SfnStateMachine): IStateMachine {
    return { stateMachineArn: stateMachine.arn, provider: stateMachine.provider };
  }

  private constructor() {}
}

/** Properties of a {@link StepFunctionsTarget}. */
export type StepFunctionsTargetProps = RoleTargetProps;

/**
 * Starts an execution of a Step Functions state machine per event, through a role trusted by
 * EventBridge for this rule only and allowed only `states:StartExecution` on that state machine.
 */
export class StepFunctionsTarget implements IRuleTarget {
  private readonly stateMachine: IStateMachine;

  constructor(
    stateMachine: IStateMachine | SfnStateMachine,
    private readonly props: StepFunctionsTargetProps = {},
  ) {
    checkPropKeys("StepFunctionsTarget", props, { role: true, retryPolicy: true, deadLetterQueue: true, input: true });
    this.stateMachine = referenceOf("StepFunctionsTarget", stateMachine, {
      terraformType: "aws_sfn_state_machine",
      referenceField: "stateMachineArn",
      resourceClass: "SfnStateMachine",
      fromArn: "StateMachine.fromArn",
      fromResource: StateMachine.fromResource,
    });
  }

  public bind(rule: IRule, targetId: string): RuleTargetConfig {
    return bindRoleTarget(rule, targetId, this.stateMachine.stateMachineArn, ["states:StartExecution"], this.props);
  }
}

import { Construct } from "constructs";
import { TerraformProvider } from "cdktf";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { IRule, IRuleTarget, RuleTargetConfig } from "../rule/target";
import { referenceOf } from "../private/resource-type";
import { checkArn } from "../private/arn";
import { fail, isUnresolved } from "../private/errors";
import { bindTargetBase, TargetBaseProps } from "./base";
import { LogResourcePolicy } from "./log-resource-policy";
import { checkPropKeys } from "../private/validation";

/** A CloudWatch Logs log group a rule can write to: an `EventsLogGroup`, a resource of yours, or one known by ARN. */
export interface ILogGroup {
  /** ARN of the log group, without the trailing `:*`. */
  readonly logGroupArn: string;
  /** Provider (account and region) of the log group. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** Name of the log group, when known; a policy in another stack names the log group by it. @default - unknown */
  readonly logGroupName?: string;
  /** Construct that owns the log group, when it is in the app. @default - not in the app */
  readonly owner?: Construct;
}

/** Ways to refer to a CloudWatch Logs log group. */
export class LogGroup {
  /** Refers to an existing log group by ARN (`arn:aws:logs:<region>:<account>:log-group:<name>`, a trailing `:*` is dropped). */
  public static fromArn(logGroupArn: string, options: { readonly provider?: TerraformProvider } = {}): ILogGroup {
    checkArn("LogGroup.fromArn", logGroupArn, {
      service: "logs",
      resource: /^log-group:[A-Za-z0-9_\-/.#]{1,512}(:\*)?$/,
      what: "a CloudWatch Logs log group",
      expected: "arn:aws:logs:<region>:<12-digit account>:log-group:<name>",
    });
    return { logGroupArn: logGroupArn.replace(/:\*$/, ""), provider: options.provider };
  }

  /** Refers to a log group resource of yours (`aws_cloudwatch_log_group`). */
  public static fromResource(logGroup: CloudwatchLogGroup): ILogGroup {
    return {
      logGroupArn: logGroup.arn,
      provider: logGroup.provider,
      logGroupName: logGroup.nameInput,
      owner: logGroup,
    };
  }

  private constructor() {}
}

/** Properties of a {@link LogGroupTarget}. */
export type LogGroupTargetProps = TargetBaseProps;

/**
 * Writes events to a CloudWatch Logs log group. EventBridge needs a CloudWatch Logs resource
 * policy, and AWS allows only ten per account and region: every log group the library targets is
 * added to ONE shared policy per account and region ({@link LogResourcePolicy}), with a
 * statement per log group allowing `logs:CreateLogStream` and `logs:PutLogEvents` on its streams
 * only to the rules that target it (`aws:SourceArn`).
 *
 * An input transformer for a log group must produce `{"timestamp": …, "message": …}` (the
 * message a string), which is what CloudWatch Logs accepts.
 */
export class LogGroupTarget implements IRuleTarget {
  private readonly logGroup: ILogGroup;

  constructor(
    logGroup: ILogGroup | CloudwatchLogGroup,
    private readonly props: LogGroupTargetProps = {},
  ) {
    checkPropKeys("LogGroupTarget", props, { retryPolicy: true, deadLetterQueue: true, input: true });
    this.logGroup = referenceOf("LogGroupTarget", logGroup, {
      terraformType: "aws_cloudwatch_log_group",
      referenceField: "logGroupArn",
      resourceClass: "CloudwatchLogGroup",
      fromArn: "LogGroup.fromArn",
      fromResource: LogGroup.fromResource,
    });
  }

  public bind(rule: IRule, targetId: string): RuleTargetConfig {
    const template = this.props.input?.bind().inputTransformer?.inputTemplate;
    if (
      template !== undefined &&
      !isUnresolved(template) &&
      !/^\s*\{.*"timestamp"\s*:.*"message"\s*:/s.test(template)
    ) {
      fail(
        rule,
        `${targetId}: CloudWatch Logs takes only {"timestamp": …, "message": …} from an input transformer. Build the input with RuleTargetInput.fromObject({ timestamp: EventField.time, message: … }).`,
      );
    }
    LogResourcePolicy.of(rule, this.logGroup.provider ?? rule.provider).allowRule(this.logGroup, rule);
    return { arn: this.logGroup.logGroupArn, ...bindTargetBase(rule, this.props) };
  }
}

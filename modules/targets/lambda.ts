import { Construct } from "constructs";
import { TerraformProvider } from "cdktf";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { IRule, IRuleTarget, RuleTargetConfig } from "../rule/target";
import { referenceOf } from "../private/resource-type";
import { checkArn } from "../private/arn";
import { shortHash } from "../private/naming";
import { resourcePolicyId } from "../private/resource-policy";
import { bindTargetBase, TargetBaseProps } from "./base";

/** A Lambda function a rule can invoke: a resource of yours, or one known by ARN. */
export interface ILambdaFunction {
  /** ARN of the function (optionally with a version or alias qualifier). */
  readonly functionArn: string;
  /** Provider (account and region) of the function; its permission is created with it. @default - the rule's provider */
  readonly provider?: TerraformProvider;
  /** Construct that owns the function, used to name its permissions. @default - named after the ARN */
  readonly owner?: Construct;
}

const FUNCTION_RESOURCE = /^function:[A-Za-z0-9_-]{1,64}(:(\$LATEST|[A-Za-z0-9_-]{1,128}))?$/;

/** Ways to refer to a Lambda function. */
export class Lambda {
  /** Refers to an existing function by ARN (`arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`). */
  public static fromArn(functionArn: string, options: { readonly provider?: TerraformProvider } = {}): ILambdaFunction {
    checkArn("Lambda.fromArn", functionArn, {
      service: "lambda",
      resource: FUNCTION_RESOURCE,
      what: "a Lambda function",
      expected: "arn:aws:lambda:<region>:<12-digit account>:function:<name>",
    });
    return { functionArn, provider: options.provider };
  }

  /** Refers to a function resource of yours (`aws_lambda_function`). */
  public static fromResource(fn: LambdaFunction): ILambdaFunction {
    return { functionArn: fn.arn, provider: fn.provider, owner: fn };
  }

  private constructor() {}
}

/** Properties of a {@link LambdaTarget}. */
export type LambdaTargetProps = TargetBaseProps;

/**
 * Invokes a Lambda function. Creates one `aws_lambda_permission` per rule and function, letting
 * `events.amazonaws.com` invoke the function only from that rule (`source_arn`), with a statement
 * id that is stable for the pair.
 */
export class LambdaTarget implements IRuleTarget {
  private readonly fn: ILambdaFunction;

  constructor(
    fn: ILambdaFunction | LambdaFunction,
    private readonly props: LambdaTargetProps = {},
  ) {
    this.fn = referenceOf("LambdaTarget", fn, {
      terraformType: "aws_lambda_function",
      referenceField: "functionArn",
      resourceClass: "LambdaFunction",
      fromArn: "Lambda.fromArn",
      fromResource: Lambda.fromResource,
    });
  }

  public bind(rule: IRule): RuleTargetConfig {
    const fnKey = resourcePolicyId("Function", this.fn.functionArn, this.fn.owner);
    const id = `InvokePermission-${fnKey}`;
    if (!rule.node.tryFindChild(id)) {
      new LambdaPermission(rule, id, {
        provider: this.fn.provider ?? rule.provider,
        statementId: `StaxEventRule-${shortHash(`${rule.node.path}|${fnKey}`)}`,
        action: "lambda:InvokeFunction",
        functionName: this.fn.functionArn,
        principal: "events.amazonaws.com",
        sourceArn: rule.ruleArn,
        sourceAccount: rule.accountId,
      });
    }
    return { arn: this.fn.functionArn, ...bindTargetBase(rule, this.props) };
  }
}

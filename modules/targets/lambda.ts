import { Construct } from "constructs";
import { TerraformProvider } from "cdktf";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { IRule, IRuleTarget, RuleTargetConfig } from "../rule/target";
import { referenceOf } from "../private/resource-type";
import { checkArn } from "../private/arn";
import { bindTargetBase, TargetBaseProps } from "./base";
import { crossAccountRole, isCrossAccount, resourcePlace } from "./cross-account";
import { FunctionPermissions } from "./function-permissions";
import { checkType, checkPropKeys } from "../private/validation";

/** A Lambda function a rule can invoke: a resource of yours, or one known by ARN. */
export interface ILambdaFunction {
  /** ARN of the function (optionally with a version or alias qualifier). */
  readonly functionArn: string;
  /** Provider (account and region) of the function; its permission is created with it. @default - the rule's provider */
  readonly provider?: TerraformProvider;
  /** Construct that owns the function, used to name its permissions. @default - named after the ARN */
  readonly owner?: Construct;
  /**
   * Whether the library adds the permissions EventBridge needs to the function's policy. A
   * function it does not own is left alone: synthesis warns with the statements to add instead.
   * @default - true for a function of the app (`owner` set), false for one known only by ARN
   */
  readonly managePolicy?: boolean;
}

/** Options of `Lambda.fromArn`. */
export interface LambdaFromArnOptions {
  /** Provider (account and region) of the function. @default - the rule's provider */
  readonly provider?: TerraformProvider;
  /**
   * Let the library add the permissions EventBridge needs to the function's policy
   * (`aws_lambda_permission`, one per rule or per bus).
   * @default false - none are added; synthesis warns with the statements to add
   */
  readonly managePolicy?: boolean;
}

const FUNCTION_RESOURCE = /^function:[A-Za-z0-9_-]{1,64}(:(\$LATEST|[A-Za-z0-9_-]{1,128}))?$/;

/** Ways to refer to a Lambda function. */
export class Lambda {
  /**
   * Refers to an existing function by ARN (`arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`).
   * The library adds no permission to it unless `managePolicy` is true: synthesis warns with the
   * statements its owner must add (`FunctionPermissions.statementsFor` returns them).
   */
  public static fromArn(functionArn: string, options: LambdaFromArnOptions = {}): ILambdaFunction {
    checkType("Lambda.fromArn", "managePolicy", options.managePolicy, "boolean");
    checkArn("Lambda.fromArn", functionArn, {
      service: "lambda",
      resource: FUNCTION_RESOURCE,
      what: "a Lambda function",
      expected: "arn:aws:lambda:<region>:<12-digit account>:function:<name>",
    });
    return { functionArn, provider: options.provider, managePolicy: options.managePolicy ?? false };
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
 * Invokes a Lambda function. Each rule gets one `aws_lambda_permission` letting
 * `events.amazonaws.com` invoke the function only from that rule (`source_arn`), with a statement
 * id that is stable for the pair; past Lambda's 20 KB policy limit, one permission per bus
 * replaces them (see {@link FunctionPermissions}). A function known only by ARN gets no
 * permission unless `managePolicy` is set (see `Lambda.fromArn`). A function in another account
 * of the same region is invoked through an execution role in the rule's account (allowed only
 * `lambda:InvokeFunction` on it) that a permission on the function admits.
 */
export class LambdaTarget implements IRuleTarget {
  private readonly fn: ILambdaFunction;

  constructor(
    fn: ILambdaFunction | LambdaFunction,
    private readonly props: LambdaTargetProps = {},
  ) {
    checkPropKeys("LambdaTarget", props, { retryPolicy: true, deadLetterQueue: true, input: true });
    this.fn = referenceOf("LambdaTarget", fn, {
      terraformType: "aws_lambda_function",
      referenceField: "functionArn",
      resourceClass: "LambdaFunction",
      fromArn: "Lambda.fromArn",
      fromResource: Lambda.fromResource,
    });
  }

  public bind(rule: IRule, targetId: string): RuleTargetConfig {
    const permissions = FunctionPermissions.of(rule, this.fn);
    const { functionArn, provider, owner } = this.fn;
    if (isCrossAccount(rule, targetId, "Lambda function", resourcePlace(rule, functionArn, provider, owner))) {
      const role = crossAccountRole(rule, targetId, "lambda:InvokeFunction", functionArn);
      permissions.allowRole(role.literalRoleArn);
      return { arn: functionArn, roleArn: role.roleArn, ...bindTargetBase(rule, this.props) };
    }
    permissions.allowRule(rule);
    return { arn: functionArn, ...bindTargetBase(rule, this.props) };
  }
}

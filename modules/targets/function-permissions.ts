import { Construct } from "constructs";
import { Annotations, TerraformStack } from "cdktf";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import type { IRule } from "../rule/target";
import { appRegistry } from "../private/app-registry";
import { fail, isUnresolved } from "../private/errors";
import type { PolicyStatement } from "../private/iam";
import { shortHash } from "../private/naming";
import { appPolicyKey, appSingleton, displayValue, resourcePolicyId, stackSingleton } from "../private/resource-policy";
import type { ILambdaFunction } from "./lambda";

const REGISTRY_ID = "StaxFunctionPermissions";
/** Largest Lambda function policy, in bytes (20 KB). */
export const LAMBDA_POLICY_LIMIT_BYTES = 20480;

interface Grant {
  readonly rule: IRule;
  readonly statementId: string;
  readonly pattern?: string;
  readonly busKey: string;
  permission?: LambdaPermission;
}

/**
 * Every permission the app's rules need on one Lambda function. Each rule gets its own
 * `aws_lambda_permission` (next to the rule, `source_arn` the rule), as long as the function
 * policy stays within Lambda's 20 KB, estimated with every ARN at its longest. Past that, the
 * per-rule permissions give way to one permission per bus whose `source_arn` is
 * `arn:<partition>:events:<region>:<account>:rule/<bus>/*` (Lambda checks it with `ArnLike`):
 * any rule on that bus may then invoke the function, not only the library's.
 *
 * A function known only by ARN (`Lambda.fromArn`) gets no permission: synthesis warns with the
 * statements its owner must add ({@link FunctionPermissions.statementsFor} returns them), unless
 * `managePolicy` is true.
 */
export class FunctionPermissions extends Construct {
  /** The permissions of `fn` in the app, created on first use in the stack that owns the function. */
  public static of(scope: Construct, fn: ILambdaFunction): FunctionPermissions {
    const id = resourcePolicyId("Function", fn.functionArn, fn.owner);
    const permissions = appSingleton(scope, REGISTRY_ID, id, fn.owner, (r, pid) => new FunctionPermissions(r, pid, fn));
    if (permissions.managed !== managed(fn)) {
      fail(
        scope,
        `function '${fn.functionArn}' is referred to with managePolicy ${managed(fn)} here and ${permissions.managed} by ${permissions.node.path}. Pass the same managePolicy everywhere.`,
      );
    }
    return permissions;
  }

  /** Statements the app needs in the policy of `fn` (what the warning of an unmanaged function prints); empty if no rule targets it. */
  public static statementsFor(scope: Construct, fn: ILambdaFunction): PolicyStatement[] {
    const id = resourcePolicyId("Function", fn.functionArn, fn.owner);
    return (
      appRegistry<FunctionPermissions>(scope, REGISTRY_ID).get(appPolicyKey(id, fn.owner))?.policyStatements() ?? []
    );
  }

  /** Whether the library creates the permissions (false for a function known only by ARN, unless asked to). */
  public readonly managed: boolean;
  private readonly key: string;
  private readonly grants = new Map<string, Grant>();
  private readonly busPermissions = new Map<string, LambdaPermission>();
  private readonly roles = new Map<string, string>();
  private wildcard = false;
  private reported = false;

  private constructor(
    scope: Construct,
    id: string,
    private readonly fn: ILambdaFunction,
  ) {
    super(scope, id);
    this.key = id;
    this.managed = managed(fn);
    this.node.addValidation({ validate: () => this.check() });
  }

  /** Whether one permission per bus replaced the per-rule permissions, to stay within the limit. */
  public usesBusWildcard(): boolean {
    return this.wildcard;
  }

  /** Lets EventBridge invoke the function from `rule` (once per rule). */
  public allowRule(rule: IRule): void {
    if (this.grants.has(rule.node.path)) return;
    const grant: Grant = {
      rule,
      statementId: `StaxEventRule-${shortHash(`${rule.node.path}|${this.key}`)}`,
      pattern: rule.arnShape?.busRulesPattern,
      busKey: rule.arnShape?.literalBusRulesPattern ?? rule.eventBusArn,
    };
    this.grants.set(rule.node.path, grant);
    if (!this.managed) return;
    if (!this.wildcard && this.estimate(false) > LAMBDA_POLICY_LIMIT_BYTES && this.canUseWildcard()) {
      this.wildcard = true;
      for (const g of this.grants.values()) {
        if (g.permission) g.rule.node.tryRemoveChild(g.permission.node.id);
        g.permission = undefined;
      }
    }
    if (this.wildcard) {
      for (const g of this.grants.values()) this.busPermission(g);
    } else {
      grant.permission = new LambdaPermission(rule, `InvokePermission-${this.key}`, {
        provider: this.fn.provider ?? rule.provider,
        statementId: grant.statementId,
        action: "lambda:InvokeFunction",
        functionName: this.fn.functionArn,
        principal: "events.amazonaws.com",
        sourceArn: rule.ruleArn,
        sourceAccount: rule.accountId,
      });
    }
  }

  /**
   * Lets the execution role `roleArn` (spelled out) of a rule in another account invoke the
   * function: one `aws_lambda_permission` in the function's stack whose principal is the role.
   */
  public allowRole(roleArn: string): void {
    if (this.roles.has(roleArn)) return;
    const statementId = `StaxEventRuleRole-${shortHash(`${roleArn}|${this.key}`)}`;
    this.roles.set(roleArn, statementId);
    if (!this.managed) return;
    new LambdaPermission(this, statementId, {
      provider: this.fn.provider,
      statementId,
      action: "lambda:InvokeFunction",
      functionName: this.fn.functionArn,
      principal: roleArn,
    });
  }

  /** Estimated size of the function policy the app's rules add, in bytes, ARNs known only at apply at their longest. */
  public estimatedSize(): number {
    return this.estimate(this.wildcard);
  }

  /**
   * The statements of the function policy the app's rules need (the permissions the library
   * creates, or, for a function it does not manage, those its owner must add). ARNs known only at
   * apply are shown as Terraform expressions.
   */
  public policyStatements(): PolicyStatement[] {
    const resource = displayValue(this, this.fn.functionArn);
    return this.statements(
      resource,
      (g) => g.rule.arnShape?.literal ?? displayValue(g.rule, g.rule.ruleArn),
      (g) => g.rule.arnShape?.literalBusRulesPattern ?? displayValue(g.rule, g.pattern!),
      this.wildcard || (!this.managed && this.estimate(false) > LAMBDA_POLICY_LIMIT_BYTES && this.canUseWildcard()),
    );
  }

  private busPermission(g: Grant): void {
    if (this.busPermissions.has(g.busKey)) return;
    const home = stackSingleton(g.rule, `${REGISTRY_ID}Buses`, this.key, (r, id) => new Construct(r, id));
    const permission = new LambdaPermission(home, `Bus-${shortHash(g.busKey)}`, {
      provider: this.fn.provider ?? g.rule.provider,
      statementId: `StaxEventBus-${shortHash(`${g.busKey}|${this.key}`)}`,
      action: "lambda:InvokeFunction",
      functionName: this.fn.functionArn,
      principal: "events.amazonaws.com",
      sourceArn: g.pattern!,
      sourceAccount: g.rule.accountId,
    });
    this.busPermissions.set(g.busKey, permission);
  }

  private canUseWildcard(): boolean {
    return [...this.grants.values()].every((g) => g.pattern !== undefined);
  }

  private statements(
    resource: string,
    arnOf: (g: Grant) => string,
    patternOf: (g: Grant) => string,
    wildcard: boolean,
  ): PolicyStatement[] {
    const bySource = new Map<string, { sid: string; source: string; account?: string }>();
    for (const g of this.grants.values()) {
      const key = wildcard ? g.busKey : g.rule.node.path;
      if (bySource.has(key)) continue;
      const sid = wildcard ? `StaxEventBus-${shortHash(`${g.busKey}|${this.key}`)}` : g.statementId;
      bySource.set(key, { sid, source: wildcard ? patternOf(g) : arnOf(g), account: g.rule.accountId });
    }
    const toRoles = [...this.roles.entries()].map(
      ([roleArn, sid]): PolicyStatement => ({
        Sid: sid,
        Effect: "Allow",
        Principal: { AWS: roleArn },
        Action: "lambda:InvokeFunction",
        Resource: resource,
      }),
    );
    const toRules = [...bySource.values()].map(
      ({ sid, source, account }): PolicyStatement => ({
        Sid: sid,
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: "lambda:InvokeFunction",
        Resource: resource,
        Condition: {
          ...(account ? { StringEquals: { "AWS:SourceAccount": account } } : {}),
          ArnLike: { "AWS:SourceArn": source },
        },
      }),
    );
    return [...toRules, ...toRoles];
  }

  private estimate(wildcard: boolean): number {
    const arn = this.fn.functionArn;
    const resource = isUnresolved(arn) ? "x".repeat(this.fn.owner ? 115 : 245) : arn;
    const x = (g: Grant): string => "x".repeat(g.rule.arnShape?.maxLength ?? 400);
    const statements = this.statements(resource, x, x, wildcard);
    return Buffer.byteLength(JSON.stringify({ Version: "2012-10-17", Id: "default", Statement: statements }));
  }

  private check(): string[] {
    const size = this.estimatedSize();
    if (size > LAMBDA_POLICY_LIMIT_BYTES) {
      return [
        `the permissions of function ${this.describe()} are estimated at ${size} bytes; Lambda allows ${LAMBDA_POLICY_LIMIT_BYTES}. Spread the rules over more functions.`,
      ];
    }
    if (this.reported) return [];
    this.reported = true;
    if (this.wildcard) {
      Annotations.of(this).addWarning(
        `one permission per rule would make the policy of function ${this.describe()} about ${this.estimate(false)} bytes (limit ${LAMBDA_POLICY_LIMIT_BYTES}), so each bus gets one permission for all its rules ('rule/<bus>/*') instead.`,
      );
    }
    if (!this.managed && (this.grants.size > 0 || this.roles.size > 0)) {
      Annotations.of(this).addWarning(
        `function ${this.describe()} is not managed by this app, so the library adds no permission to its policy. Its owner must add these statements (aws lambda add-permission), or pass managePolicy: true to Lambda.fromArn: ${JSON.stringify(this.policyStatements())}`,
      );
    }
    return [];
  }

  private describe(): string {
    const arn = this.fn.functionArn;
    return isUnresolved(arn) ? (this.fn.owner?.node.path ?? TerraformStack.of(this).node.id) : `'${arn}'`;
  }
}

function managed(fn: ILambdaFunction): boolean {
  return fn.managePolicy ?? fn.owner !== undefined;
}

import { Construct } from "constructs";
import { Annotations, Lazy, TerraformProvider, TerraformStack } from "cdktf";
import { CloudwatchLogResourcePolicy } from "@cdktf/provider-aws/lib/cloudwatch-log-resource-policy";
import type { IRule } from "../rule/target";
import { appRegistry } from "../private/app-registry";
import { fail, isUnresolved } from "../private/errors";
import { allowServiceStatement, policyDocument, PolicyStatement } from "../private/iam";
import { watchPolicyConflicts } from "../private/policy-conflicts";
import { partitionOf, ProviderIdentity, providerIdentity } from "../private/provider";
import { busRulesPatternIn, providerSuffix, ruleArnIn, sameStack, stackSingleton } from "../private/resource-policy";
import type { ILogGroup } from "./log-group";

const REGISTRY_ID = "StaxLogResourcePolicies";
/** Longest CloudWatch Logs resource policy document, in characters. */
export const LOG_RESOURCE_POLICY_LIMIT = 5120;
/** CloudWatch Logs resource policies allowed per account and region. */
export const LOG_RESOURCE_POLICIES_PER_REGION = 10;

interface Source {
  readonly arn: string;
  readonly maxLength: number;
  readonly pattern?: string;
  readonly busKey: string;
}

/**
 * The one `aws_cloudwatch_log_resource_policy` of an account and region, shared by every log group
 * the app's rules deliver to. AWS allows only ten such policies per account and region, so the
 * library never writes one per target: when the provider tells the account (`allowed_account_ids`
 * or the role it assumes) and the region, the whole app shares one policy (in the stack that
 * first needs it); otherwise each stack and provider has its own. Each rule adds its log group,
 * and the document, with one statement per log group scoped with `aws:SourceArn` to the rules
 * that deliver to it, is rendered once at synthesis.
 *
 * The document may hold at most 5,120 characters. When one ARN per rule would exceed that, each
 * statement names the rules of each bus with one pattern (`rule/<bus>/*`) instead: any rule on
 * those buses may then write to the log group.
 */
export class LogResourcePolicy extends Construct {
  /** The policy of the account and region of `provider` (the stack's default provider when none), created on first use. */
  public static of(scope: Construct, provider: TerraformProvider | undefined): LogResourcePolicy {
    const identity = providerIdentity(scope, provider);
    const appKey = identity.account && identity.region ? `${identity.account}|${identity.region}` : undefined;
    const shared = appRegistry<LogResourcePolicy>(scope, REGISTRY_ID);
    const existing = appKey ? shared.get(appKey) : undefined;
    if (existing) return existing;
    const id = `Policy${providerSuffix(provider)}`;
    const policy = stackSingleton(
      scope,
      REGISTRY_ID,
      id,
      (r, pid) => new LogResourcePolicy(r, pid, provider, identity),
    );
    if (appKey) shared.set(appKey, policy);
    return policy;
  }

  /** Name of the policy (unique per account and region: it includes the stack name). */
  public readonly policyName: string;
  private readonly byLogGroup = new Map<string, Map<string, Source>>();
  private reported = false;

  private constructor(
    scope: Construct,
    id: string,
    provider: TerraformProvider | undefined,
    private readonly identity: ProviderIdentity,
  ) {
    super(scope, id);
    const stackName = TerraformStack.of(this).node.id;
    this.policyName = `stax-events-${stackName}${providerSuffix(provider)}`
      .replace(/[^A-Za-z0-9_.-]/g, "-")
      .slice(0, 255);
    new CloudwatchLogResourcePolicy(this, "Policy", {
      provider,
      policyName: this.policyName,
      policyDocument: Lazy.stringValue({ produce: () => policyDocument(this.statements(false)) }),
    });
    this.node.addValidation({ validate: () => this.check() });
    watchPolicyConflicts(this);
  }

  /** Lets EventBridge write the events of `rule` to `logGroup`. */
  public allowRule(logGroup: ILogGroup, rule: IRule): void {
    const arn = this.logGroupArn(logGroup, rule);
    const sources = this.byLogGroup.get(arn) ?? new Map<string, Source>();
    if (!sources.has(rule.node.path)) {
      sources.set(rule.node.path, {
        arn: ruleArnIn(this, rule, `the CloudWatch Logs resource policy '${this.policyName}'`),
        maxLength: rule.arnShape?.maxLength ?? 400,
        pattern: busRulesPatternIn(this, rule),
        busKey: rule.arnShape?.literalBusRulesPattern ?? rule.eventBusArn,
      });
    }
    this.byLogGroup.set(arn, sources);
  }

  /** Whether statements name the rules of each bus with one pattern, because one ARN per rule would exceed the limit. */
  public usesBusWildcard(): boolean {
    const all = [...this.byLogGroup.values()].flatMap((m) => [...m.values()]);
    return this.estimate(false) > LOG_RESOURCE_POLICY_LIMIT && all.every((s) => s.pattern !== undefined);
  }

  /** Estimated length of the document, ARNs known only at apply at their longest. */
  public estimatedSize(): number {
    return this.estimate(this.usesBusWildcard());
  }

  private logGroupArn(logGroup: ILogGroup, rule: IRule): string {
    if (!logGroup.owner || sameStack(logGroup.owner, this) || !isUnresolved(logGroup.logGroupArn)) {
      return logGroup.logGroupArn;
    }
    const { region, account } = this.identity;
    const name = logGroup.logGroupName;
    if (region && account && name && !isUnresolved(name)) {
      return `arn:${partitionOf(region)}:logs:${region}:${account}:log-group:${name}`;
    }
    return fail(
      rule,
      `the CloudWatch Logs resource policy of this account and region lives in stack '${TerraformStack.of(this).node.id}', and log group ${logGroup.owner.node.path} is in another stack; a reference to its ARN would make the stacks depend on each other. Give the log group a literal name, or create it in stack '${TerraformStack.of(this).node.id}'.`,
    );
  }

  private statements(forEstimate: boolean, wildcard = this.usesBusWildcard()): PolicyStatement[] {
    return [...this.byLogGroup.entries()].map(([logGroupArn, sources], i) => {
      const byKey = new Map<string, string>();
      for (const s of sources.values()) {
        const value = wildcard ? s.pattern! : s.arn;
        byKey.set(wildcard ? s.busKey : s.arn, forEstimate ? "x".repeat(s.maxLength) : value);
      }
      return allowServiceStatement({
        sid: `EventBridgeToLogGroup${i}`,
        service: "events.amazonaws.com",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resource: `${forEstimate && isUnresolved(logGroupArn) ? "x".repeat(560) : logGroupArn}:*`,
        sourceArns: [...byKey.values()],
        sourceArnOperator: wildcard ? "ArnLike" : "ArnEquals",
      });
    });
  }

  private estimate(wildcard: boolean): number {
    return policyDocument(this.statements(true, wildcard)).length;
  }

  private check(): string[] {
    const size = this.estimatedSize();
    if (size > LOG_RESOURCE_POLICY_LIMIT) {
      return [
        `the CloudWatch Logs resource policy '${this.policyName}' is estimated at ${size} characters; CloudWatch Logs allows ${LOG_RESOURCE_POLICY_LIMIT}. Deliver to fewer log groups (several rules can share one).`,
      ];
    }
    const region = this.identity.region;
    if (this.reported || !region) return [];
    this.reported = true;
    const all = this.node.root.node.findAll().filter((c): c is LogResourcePolicy => c instanceof LogResourcePolicy);
    const inRegion = all.filter((p) => p.identity.region === region);
    if (inRegion.length > LOG_RESOURCE_POLICIES_PER_REGION) {
      Annotations.of(this).addWarning(
        `the app writes ${inRegion.length} CloudWatch Logs resource policies in ${region}; AWS allows ${LOG_RESOURCE_POLICIES_PER_REGION} per account and region. Pin the account on the providers (allowed_account_ids) so stacks share one.`,
      );
    }
    return [];
  }
}

import { Construct } from "constructs";
import { Lazy, TerraformProvider, TerraformStack } from "cdktf";
import { CloudwatchLogResourcePolicy } from "@cdktf/provider-aws/lib/cloudwatch-log-resource-policy";
import { allowServiceStatement, policyDocument } from "../private/iam";
import { providerSuffix, stackSingleton } from "../private/resource-policy";

const REGISTRY_ID = "StaxLogResourcePolicies";

/**
 * The one `aws_cloudwatch_log_resource_policy` of a stack and provider (account and region),
 * shared by every log group the library's rules deliver to. AWS allows only ten such policies
 * per account and region, so the library never writes one per target: each rule adds its log
 * group here, and the document, with one statement per log group scoped with `aws:SourceArn` to
 * the rules that deliver to it, is rendered once at synthesis.
 *
 * The document may hold at most 5120 characters: that is roughly 10 log groups with a few
 * rules each. Use fewer log groups (several rules can share one) if `apply` reports it too long.
 */
export class LogResourcePolicy extends Construct {
  /** The policy of the stack of `scope` for `provider`, created on first use. */
  public static of(scope: Construct, provider: TerraformProvider | undefined): LogResourcePolicy {
    const id = `Policy${providerSuffix(provider)}`;
    return stackSingleton(
      scope,
      REGISTRY_ID,
      id,
      (registry, policyId) => new LogResourcePolicy(registry, policyId, provider),
    );
  }

  /** Name of the policy (unique per account and region: it includes the stack name). */
  public readonly policyName: string;
  private readonly rulesByLogGroup = new Map<string, string[]>();

  private constructor(scope: Construct, id: string, provider: TerraformProvider | undefined) {
    super(scope, id);
    const stackName = TerraformStack.of(this).node.id;
    this.policyName = `stax-events-${stackName}${providerSuffix(provider)}`
      .replace(/[^A-Za-z0-9_.-]/g, "-")
      .slice(0, 255);
    new CloudwatchLogResourcePolicy(this, "Policy", {
      provider,
      policyName: this.policyName,
      policyDocument: Lazy.stringValue({ produce: () => this.render() }),
    });
  }

  /** Lets EventBridge write the events of `ruleArn` to the log group `logGroupArn` (without `:*`). */
  public allowRule(logGroupArn: string, ruleArn: string): void {
    const rules = this.rulesByLogGroup.get(logGroupArn) ?? [];
    if (!rules.includes(ruleArn)) rules.push(ruleArn);
    this.rulesByLogGroup.set(logGroupArn, rules);
  }

  private render(): string {
    const statements = [...this.rulesByLogGroup.entries()].map(([logGroupArn, ruleArns], i) =>
      allowServiceStatement({
        sid: `EventBridgeToLogGroup${i}`,
        service: "events.amazonaws.com",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resource: `${logGroupArn}:*`,
        sourceArns: ruleArns,
      }),
    );
    return policyDocument(statements);
  }
}

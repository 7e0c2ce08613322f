/**
 * Shared machinery for resource policies the library collects statements into: Terraform allows
 * one policy per SQS queue, one per SNS topic, and AWS only ten CloudWatch Logs resource
 * policies per region, so every rule that targets a resource adds its grant to the one policy of
 * that resource, which is rendered once, at synthesis.
 */
import { Construct } from "constructs";
import { Lazy, TerraformProvider, TerraformStack } from "cdktf";
import { allowServiceStatement, denyInsecureTransportStatement, policyDocument } from "./iam";
import { shortHash } from "./naming";

/**
 * The child `id` of the stack-level registry construct `registryId`, created by `create` on
 * first use. The registry keeps collected policies at stable addresses, whoever asks first.
 */
export function stackSingleton<T extends Construct>(
  scope: Construct,
  registryId: string,
  id: string,
  create: (registry: Construct, id: string) => T,
): T {
  const stack = TerraformStack.of(scope);
  const registry = (stack.node.tryFindChild(registryId) as Construct | undefined) ?? new Construct(stack, registryId);
  return (registry.node.tryFindChild(id) as T | undefined) ?? create(registry, id);
}

/**
 * A stable id for the policy of a resource: the path of the construct that owns it, or, for a
 * resource known only by ARN, `<prefix>-<hash of the ARN>`.
 */
export function resourcePolicyId(prefix: string, arn: string, owner?: Construct): string {
  return owner ? owner.node.path.split("/").slice(1).join("-") : `${prefix}-${shortHash(arn)}`;
}

/** A suffix that tells providers apart: "" for the default provider, "-<alias>" otherwise. */
export function providerSuffix(provider: TerraformProvider | undefined): string {
  const alias = provider?.alias;
  return alias ? `-${alias.replace(/[^A-Za-z0-9_-]/g, "-")}` : "";
}

/**
 * Base of the one policy of a resource (an SQS queue, an SNS topic): grants to service principals,
 * one statement per sid, each scoped with `aws:SourceArn` to every source (rule) that asked for
 * it, then a deny of requests without TLS. The document is rendered once, at synthesis, from all
 * of them; subclasses pass {@link document} to their policy resource.
 */
export abstract class CollectedServicePolicy extends Construct {
  /** The policy document, rendered at synthesis. */
  protected readonly document: string = Lazy.stringValue({ produce: () => this.render() });
  private readonly bySid = new Map<string, { service: string; actions: readonly string[]; sourceArns: string[] }>();

  protected constructor(
    scope: Construct,
    id: string,
    private readonly resourceArn: string,
    private readonly tlsDenyAction: string,
  ) {
    super(scope, id);
  }

  /** Lets `service` perform `actions` when the request comes from `sourceArn` (added once). */
  protected grant(sid: string, service: string, actions: readonly string[], sourceArn: string): void {
    const entry = this.bySid.get(sid) ?? { service, actions, sourceArns: [] };
    if (!entry.sourceArns.includes(sourceArn)) entry.sourceArns.push(sourceArn);
    this.bySid.set(sid, entry);
  }

  private render(): string {
    const resource = this.resourceArn;
    const statements = [...this.bySid.entries()].map(([sid, { service, actions, sourceArns }]) =>
      allowServiceStatement({ sid, service, actions, resource, sourceArns }),
    );
    return policyDocument([...statements, denyInsecureTransportStatement(this.tlsDenyAction, [resource])]);
  }
}

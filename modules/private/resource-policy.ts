/**
 * Shared machinery for resource policies the library collects statements into: Terraform allows
 * one policy per SQS queue, one per SNS topic, and AWS only ten CloudWatch Logs resource
 * policies per region, so every rule that targets a resource adds its grant to the one policy of
 * that resource, which is rendered once, at synthesis.
 */
import { Construct } from "constructs";
import { TerraformProvider, TerraformStack } from "cdktf";
import { allowServiceStatement, PolicyStatement } from "./iam";
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
 * Grants to service principals, one statement per sid, each scoped with `aws:SourceArn` to every
 * source (rule) that asked for it. Adding the same source twice adds it once.
 */
export class ServiceGrants {
  private readonly bySid = new Map<string, { service: string; actions: readonly string[]; sourceArns: string[] }>();

  /** Lets `service` perform `actions` when the request comes from `sourceArn`. */
  public add(sid: string, service: string, actions: readonly string[], sourceArn: string): void {
    const entry = this.bySid.get(sid) ?? { service, actions, sourceArns: [] };
    if (!entry.sourceArns.includes(sourceArn)) entry.sourceArns.push(sourceArn);
    this.bySid.set(sid, entry);
  }

  /** Whether no grant was added yet. */
  public get empty(): boolean {
    return this.bySid.size === 0;
  }

  /** The allow statements on `resource`, in the order the sids were first added. */
  public statements(resource: string | readonly string[]): PolicyStatement[] {
    return [...this.bySid.entries()].map(([sid, { service, actions, sourceArns }]) =>
      allowServiceStatement({ sid, service, actions, resource, sourceArns }),
    );
  }
}

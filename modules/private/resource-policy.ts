/**
 * Shared machinery for resource policies the library collects statements into. Terraform allows
 * one policy per SQS queue and per SNS topic, and AWS only ten CloudWatch Logs resource policies
 * per account and region, so every rule of the app that targets a resource adds its grant to the
 * one policy of that resource. That policy lives in the stack that owns the resource (a resource
 * known only by ARN: the stack of the first rule that targets it) and is rendered once, at
 * synthesis.
 */
import { Construct } from "constructs";
import { DefaultTokenResolver, StringConcat, TerraformProvider, TerraformStack, Tokenization } from "cdktf";
import type { IRule } from "../rule/target";
import { appRegistry } from "./app-registry";
import { fail } from "./errors";
import { shortHash } from "./naming";

/**
 * The child `id` of the stack-level registry construct `registryId` in the stack of `scope`,
 * created by `create` on first use. The registry keeps collected policies at stable addresses,
 * whoever asks first.
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
 * The one policy holder of a resource in the whole app, under `registryId`: created by `create`
 * (as child `id`) in the stack that owns the resource (`owner`), or, for a resource known only by
 * ARN, in the stack of the first `requester`; found there by every later caller, in any stack.
 */
export function appSingleton<T extends Construct>(
  requester: Construct,
  registryId: string,
  id: string,
  owner: Construct | undefined,
  create: (registry: Construct, id: string) => T,
): T {
  const registry = appRegistry<T>(requester, registryId);
  const key = appPolicyKey(id, owner);
  const existing = registry.get(key);
  if (existing) return existing;
  const made = stackSingleton(owner ?? requester, registryId, id, create);
  registry.set(key, made);
  return made;
}

/** The app-wide key of the policy `id` of a resource: its owner's full path, or the id (named after the ARN). */
export function appPolicyKey(id: string, owner: Construct | undefined): string {
  return owner ? owner.node.path : id;
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

/** Whether two constructs are in the same stack. */
export function sameStack(a: Construct, b: Construct): boolean {
  return TerraformStack.of(a) === TerraformStack.of(b);
}

/**
 * How a policy in the stack of `policy` names `rule`: a reference in the same stack; in another
 * stack the ARN spelled out, because a reference would make the two stacks depend on each other
 * (the rule's target already refers to the resource), which cdktf refuses.
 */
export function ruleArnIn(policy: Construct, rule: IRule, resource: string): string {
  if (sameStack(policy, rule)) return rule.ruleArn;
  const literal = rule.arnShape?.literal;
  if (literal) return literal;
  return fail(
    rule,
    `the policy of ${resource} lives in stack '${TerraformStack.of(policy).node.id}', and this rule is in stack '${TerraformStack.of(rule).node.id}'. A reference to the rule's ARN would make the stacks depend on each other, so the library spells the ARN out, and needs the bus's account and region for it: pass accountId to the bus and set region on its provider, or create the rule in stack '${TerraformStack.of(policy).node.id}'.`,
  );
}

/** How a policy in the stack of `policy` names every rule on `rule`'s bus (`ArnLike`). */
export function busRulesPatternIn(policy: Construct, rule: IRule): string | undefined {
  if (!rule.arnShape) return undefined;
  return sameStack(policy, rule) ? rule.arnShape.busRulesPattern : rule.arnShape.literalBusRulesPattern;
}

/** `value` as the user should read it: literal text, or the Terraform expression of a token in `scope`'s stack. */
export function displayValue(scope: Construct, value: string): string {
  const resolver = new DefaultTokenResolver(new StringConcat());
  return String(Tokenization.resolve(value, { scope: TerraformStack.of(scope), resolver }));
}

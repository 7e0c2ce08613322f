/**
 * The app-wide check that no two constructs write the policy of one resource: Terraform keeps one
 * policy per SQS queue, SNS topic and bus, and one CloudWatch Logs resource policy per name in an
 * account and region, so two writers would overwrite each other on every apply. Resources are
 * recognised by their Terraform type; the resource a policy is for is compared by the reference
 * (resource address in its stack) or literal value it was given.
 */
import { IConstruct } from "constructs";
import { TerraformProvider, TerraformStack, Token, Tokenization } from "cdktf";
import { providerIdentity } from "./provider";

interface Watched {
  readonly what: string;
  readonly attribute: string;
  /** Whether the key is a name, unique only within an account and region. */
  readonly perPlace: boolean;
}

const WATCHED: Record<string, Watched> = {
  aws_sqs_queue_policy: { what: "queue", attribute: "queueUrlInput", perPlace: false },
  aws_sns_topic_policy: { what: "topic", attribute: "arnInput", perPlace: false },
  aws_cloudwatch_event_bus_policy: { what: "event bus", attribute: "eventBusNameInput", perPlace: true },
  aws_cloudwatch_log_resource_policy: {
    what: "CloudWatch Logs resource policy name",
    attribute: "policyNameInput",
    perPlace: true,
  },
};

const watchedStacks = new WeakSet<TerraformStack>();

/** Adds the app-wide check to the stack of `policy` (once per stack). */
export function watchPolicyConflicts(policy: IConstruct): void {
  const stack = TerraformStack.of(policy);
  if (watchedStacks.has(stack)) return;
  watchedStacks.add(stack);
  stack.node.addValidation({ validate: () => policyConflicts(stack) });
}

/** Identity of a value: literal text, or the addresses (with their stacks) of the references in it. */
function identityOf(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  if (!Token.isUnresolved(value)) return value;
  const fragments = Tokenization.reverseString(value);
  const refs: string[] = [];
  for (const token of fragments.tokens) {
    const ref = token as { identifier?: unknown; originStack?: IConstruct };
    if (typeof ref.identifier !== "string" || !ref.originStack) return undefined;
    refs.push(`${ref.originStack.node.path}:${ref.identifier}`);
  }
  return `${fragments.literals.map(String).join("")}|${refs.join(",")}`;
}

/** Messages naming both constructs of every resource whose policy two constructs write. */
export function policyConflicts(scope: IConstruct): string[] {
  const seen = new Map<string, IConstruct>();
  const errors: string[] = [];
  for (const c of scope.node.root.node.findAll()) {
    const type = (c as { terraformResourceType?: string }).terraformResourceType;
    const watched = type ? WATCHED[type] : undefined;
    if (!watched) continue;
    const value = (c as unknown as Record<string, unknown>)[watched.attribute];
    const id = identityOf(value);
    if (id === undefined) continue;
    const provider = (c as { provider?: TerraformProvider }).provider;
    const place = watched.perPlace ? placeOf(c, provider) : "";
    const key = `${type}|${place}|${id}`;
    const other = seen.get(key);
    if (other) {
      const shown = Token.isUnresolved(value) ? (id.split("|")[1] ?? id) : String(value);
      errors.push(
        `${other.node.path} and ${c.node.path} both write the policy of ${watched.what} '${shown}'; a resource has one policy, so each apply would overwrite the other. Keep one: let the library write it (remove yours), or refer to the resource by ARN so the library writes none.`,
      );
    } else {
      seen.set(key, c);
    }
  }
  return errors;
}

function placeOf(c: IConstruct, provider: TerraformProvider | undefined): string {
  const identity = providerIdentity(c as never, provider);
  if (identity.region && identity.account) return `${identity.region}|${identity.account}`;
  return `provider:${identity.provider?.node.path ?? TerraformStack.of(c).node.path}`;
}

import { Construct } from "constructs";
import { Lazy, TerraformStack } from "cdktf";
import { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy";
import { allowServiceStatement, denyInsecureTransportStatement, policyDocument, PolicyStatement } from "../private/iam";
import { shortHash } from "../private/naming";
import { IQueue } from "./queue";

const REGISTRY_ID = "StaxQueuePolicies";

/**
 * The one `aws_sqs_queue_policy` of a queue. Terraform allows a single policy per queue, so every
 * rule, dead-letter configuration and the TLS-only deny of a queue add their statements here;
 * the document is rendered once, at synthesis, from all of them.
 */
export class QueuePolicy extends Construct {
  /** The policy of `queue` in its stack, created on first use. */
  public static of(scope: Construct, queue: IQueue): QueuePolicy {
    const stack = TerraformStack.of(scope);
    const registry = (stack.node.tryFindChild(REGISTRY_ID) as Construct | undefined) ?? new Construct(stack, REGISTRY_ID);
    const id = queue.owner ? queue.owner.node.path.split("/").slice(1).join("-") : `Queue-${shortHash(queue.queueArn)}`;
    return (registry.node.tryFindChild(id) as QueuePolicy | undefined) ?? new QueuePolicy(registry, id, queue);
  }

  private readonly sendersBySid = new Map<string, { service: string; sourceArns: string[] }>();

  private constructor(scope: Construct, id: string, private readonly queue: IQueue) {
    super(scope, id);
    new SqsQueuePolicy(this, "Policy", {
      provider: queue.provider,
      queueUrl: queue.queueUrl,
      policy: Lazy.stringValue({ produce: () => this.render() }),
    });
  }

  /** Lets `service` send messages to the queue from `sourceArn` (statements are grouped by sid). */
  public allowSendMessage(sid: string, service: string, sourceArn: string): void {
    const entry = this.sendersBySid.get(sid) ?? { service, sourceArns: [] };
    if (!entry.sourceArns.includes(sourceArn)) entry.sourceArns.push(sourceArn);
    this.sendersBySid.set(sid, entry);
  }

  private render(): string {
    const statements: PolicyStatement[] = [...this.sendersBySid.entries()].map(([sid, { service, sourceArns }]) =>
      allowServiceStatement({ sid, service, actions: ["sqs:SendMessage"], resource: this.queue.queueArn, sourceArns }),
    );
    statements.push(denyInsecureTransportStatement("sqs:*", [this.queue.queueArn]));
    return policyDocument(statements);
  }
}

import { Construct } from "constructs";
import { Lazy } from "cdktf";
import { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy";
import { denyInsecureTransportStatement, policyDocument } from "../private/iam";
import { resourcePolicyId, ServiceGrants, stackSingleton } from "../private/resource-policy";
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
    const id = resourcePolicyId("Queue", queue.queueArn, queue.owner);
    return stackSingleton(scope, REGISTRY_ID, id, (registry, policyId) => new QueuePolicy(registry, policyId, queue));
  }

  private readonly grants = new ServiceGrants();

  private constructor(
    scope: Construct,
    id: string,
    private readonly queue: IQueue,
  ) {
    super(scope, id);
    new SqsQueuePolicy(this, "Policy", {
      provider: queue.provider,
      queueUrl: queue.queueUrl,
      policy: Lazy.stringValue({ produce: () => this.render() }),
    });
  }

  /** Lets `service` send messages to the queue from `sourceArn` (statements are grouped by sid). */
  public allowSendMessage(sid: string, service: string, sourceArn: string): void {
    this.grants.add(sid, service, ["sqs:SendMessage"], sourceArn);
  }

  private render(): string {
    const statements = this.grants.statements(this.queue.queueArn);
    statements.push(denyInsecureTransportStatement("sqs:*", [this.queue.queueArn]));
    return policyDocument(statements);
  }
}

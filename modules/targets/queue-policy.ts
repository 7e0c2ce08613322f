import { Construct } from "constructs";
import { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy";
import { CollectedServicePolicy, resourcePolicyId, stackSingleton } from "../private/resource-policy";
import { IQueue } from "./queue";

const REGISTRY_ID = "StaxQueuePolicies";

/**
 * The one `aws_sqs_queue_policy` of a queue. Terraform allows a single policy per queue, so every
 * rule, dead-letter configuration and the TLS-only deny of a queue add their statements here;
 * the document is rendered once, at synthesis, from all of them.
 */
export class QueuePolicy extends CollectedServicePolicy {
  /** The policy of `queue` in its stack, created on first use. */
  public static of(scope: Construct, queue: IQueue): QueuePolicy {
    const id = resourcePolicyId("Queue", queue.queueArn, queue.owner);
    return stackSingleton(scope, REGISTRY_ID, id, (registry, policyId) => new QueuePolicy(registry, policyId, queue));
  }

  private constructor(scope: Construct, id: string, queue: IQueue) {
    super(scope, id, queue.queueArn, "sqs:*");
    new SqsQueuePolicy(this, "Policy", { provider: queue.provider, queueUrl: queue.queueUrl, policy: this.document });
  }

  /** Lets `service` send messages to the queue from `sourceArn` (statements are grouped by sid). */
  public allowSendMessage(sid: string, service: string, sourceArn: string): void {
    this.grant(sid, service, ["sqs:SendMessage"], sourceArn);
  }
}

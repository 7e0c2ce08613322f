import { Construct } from "constructs";
import { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy";
import type { IRule } from "../rule/target";
import {
  collectedPolicyFor,
  collectedPolicyOptions,
  CollectedServicePolicy,
  collectedStatements,
  PolicedResource,
  PolicyKind,
} from "../private/collected-policy";
import type { PolicyStatement } from "../private/iam";
import { IQueue } from "./queue";

/** Largest SQS queue policy, in bytes. */
export const SQS_POLICY_LIMIT_BYTES = 8192;

const KIND: PolicyKind = {
  registryId: "StaxQueuePolicies",
  idPrefix: "Queue",
  noun: "queue",
  fromArn: "Queue.fromArn",
  arnMaxLength: 130,
};

function policed(queue: IQueue): PolicedResource {
  return { arn: queue.queueArn, owner: queue.owner, managePolicy: queue.managePolicy };
}

/**
 * The one `aws_sqs_queue_policy` of a queue in the whole app. Terraform allows a single policy per
 * queue, so every rule (in any stack), dead-letter configuration and the TLS-only deny of a queue
 * add their statements here; the policy lives in the stack that owns the queue and its document
 * is rendered once, at synthesis, within SQS's 8,192-byte limit (see `CollectedServicePolicy`).
 *
 * A queue known only by ARN (`Queue.fromArn`) keeps its owner's policy: the library writes none,
 * warns at synthesis with the statements to add, and {@link QueuePolicy.statementsFor} returns
 * them; `Queue.fromArn(arn, { managePolicy: true })` lets the library write the whole policy.
 */
export class QueuePolicy extends CollectedServicePolicy {
  /** The policy of `queue` in the app, created on first use in the stack that owns the queue. */
  public static of(scope: Construct, queue: IQueue): QueuePolicy {
    return collectedPolicyFor(scope, KIND, policed(queue), (registry, id) => new QueuePolicy(registry, id, queue));
  }

  /** Statements the app needs in the policy of `queue` (what the warning of an unmanaged queue prints); empty if no rule targets it. */
  public static statementsFor(scope: Construct, queue: IQueue): PolicyStatement[] {
    return collectedStatements(scope, KIND, policed(queue));
  }

  /** The policy resource, when the library manages the queue's policy. */
  public readonly policy?: SqsQueuePolicy;

  private constructor(scope: Construct, id: string, queue: IQueue) {
    super(scope, id, {
      ...collectedPolicyOptions(KIND, policed(queue)),
      tlsDenyAction: "sqs:*",
      limitBytes: SQS_POLICY_LIMIT_BYTES,
    });
    if (this.managed) {
      this.policy = new SqsQueuePolicy(this, "Policy", {
        provider: queue.provider,
        queueUrl: queue.queueUrl,
        policy: this.document,
      });
    }
  }

  /** Lets the execution role `roleArn` (spelled out) of a rule in another account send messages to the queue. */
  public allowRole(roleArn: string): void {
    this.grantPrincipal("AllowEventBridgeRolesOfOtherAccounts", roleArn, ["sqs:SendMessage"]);
  }

  /** Lets `service` send messages to the queue from `source`, a rule or other sources' ARN (pattern); statements are grouped by sid. */
  public allowSendMessage(sid: string, service: string, source: IRule | string): void {
    this.grant(sid, service, ["sqs:SendMessage"], source);
  }
}

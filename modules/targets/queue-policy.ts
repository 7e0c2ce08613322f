import { Construct } from "constructs";
import { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy";
import type { IRule } from "../rule/target";
import { appRegistry } from "../private/app-registry";
import { CollectedServicePolicy } from "../private/collected-policy";
import { fail, isUnresolved } from "../private/errors";
import type { PolicyStatement } from "../private/iam";
import { appPolicyKey, appSingleton, resourcePolicyId } from "../private/resource-policy";
import { IQueue } from "./queue";

const REGISTRY_ID = "StaxQueuePolicies";
/** Largest SQS queue policy, in bytes. */
export const SQS_POLICY_LIMIT_BYTES = 8192;

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
    const id = resourcePolicyId("Queue", queue.queueArn, queue.owner);
    const policy = appSingleton(
      scope,
      REGISTRY_ID,
      id,
      queue.owner,
      (registry, policyId) => new QueuePolicy(registry, policyId, queue),
    );
    if (policy.managed !== managed(queue)) {
      fail(
        scope,
        `queue '${queue.queueArn}' is referred to with managePolicy ${managed(queue)} here and ${policy.managed} by ${policy.node.path}; a queue has one policy. Pass the same managePolicy everywhere.`,
      );
    }
    return policy;
  }

  /** Statements the app needs in the policy of `queue` (what the warning of an unmanaged queue prints); empty if no rule targets it. */
  public static statementsFor(scope: Construct, queue: IQueue): PolicyStatement[] {
    const id = resourcePolicyId("Queue", queue.queueArn, queue.owner);
    return appRegistry<QueuePolicy>(scope, REGISTRY_ID).get(appPolicyKey(id, queue.owner))?.policyStatements() ?? [];
  }

  /** The policy resource, when the library manages the queue's policy. */
  public readonly policy?: SqsQueuePolicy;

  private constructor(scope: Construct, id: string, queue: IQueue) {
    const arn = queue.queueArn;
    super(scope, id, {
      resourceArn: arn,
      resourceName: isUnresolved(arn) ? `queue ${queue.owner?.node.path ?? arn}` : `queue '${arn}'`,
      tlsDenyAction: "sqs:*",
      managed: managed(queue),
      limitBytes: SQS_POLICY_LIMIT_BYTES,
      resourceArnMaxLength: isUnresolved(arn) ? 130 : arn.length,
      manageHint: "pass managePolicy: true to Queue.fromArn",
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

function managed(queue: IQueue): boolean {
  return queue.managePolicy ?? queue.owner !== undefined;
}

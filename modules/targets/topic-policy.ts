import { Construct } from "constructs";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { CollectedServicePolicy, resourcePolicyId, stackSingleton } from "../private/resource-policy";
import type { ITopic } from "./sns";

const REGISTRY_ID = "StaxTopicPolicies";

/**
 * The one `aws_sns_topic_policy` of a topic. Terraform keeps a single policy per topic (it
 * replaces the topic's default policy), so every rule that targets the topic adds its statement
 * here, and the document, with a TLS-only deny, is rendered once at synthesis.
 */
export class TopicPolicy extends CollectedServicePolicy {
  /** The policy of `topic` in its stack, created on first use. */
  public static of(scope: Construct, topic: ITopic): TopicPolicy {
    const id = resourcePolicyId("Topic", topic.topicArn, topic.owner);
    return stackSingleton(scope, REGISTRY_ID, id, (registry, policyId) => new TopicPolicy(registry, policyId, topic));
  }

  private constructor(scope: Construct, id: string, topic: ITopic) {
    super(scope, id, topic.topicArn, "sns:Publish");
    new SnsTopicPolicy(this, "Policy", { provider: topic.provider, arn: topic.topicArn, policy: this.document });
  }

  /** Lets `service` publish to the topic from `sourceArn` (statements are grouped by sid). */
  public allowPublish(sid: string, service: string, sourceArn: string): void {
    this.grant(sid, service, ["sns:Publish"], sourceArn);
  }
}

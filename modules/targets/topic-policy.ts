import { Construct } from "constructs";
import { Lazy } from "cdktf";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { denyInsecureTransportStatement, policyDocument } from "../private/iam";
import { resourcePolicyId, ServiceGrants, stackSingleton } from "../private/resource-policy";
import type { ITopic } from "./sns";

const REGISTRY_ID = "StaxTopicPolicies";

/**
 * The one `aws_sns_topic_policy` of a topic. Terraform keeps a single policy per topic (it
 * replaces the topic's default policy), so every rule that targets the topic adds its statement
 * here, and the document, with a TLS-only deny, is rendered once at synthesis.
 */
export class TopicPolicy extends Construct {
  /** The policy of `topic` in its stack, created on first use. */
  public static of(scope: Construct, topic: ITopic): TopicPolicy {
    const id = resourcePolicyId("Topic", topic.topicArn, topic.owner);
    return stackSingleton(scope, REGISTRY_ID, id, (registry, policyId) => new TopicPolicy(registry, policyId, topic));
  }

  private readonly grants = new ServiceGrants();

  private constructor(
    scope: Construct,
    id: string,
    private readonly topic: ITopic,
  ) {
    super(scope, id);
    new SnsTopicPolicy(this, "Policy", {
      provider: topic.provider,
      arn: topic.topicArn,
      policy: Lazy.stringValue({ produce: () => this.render() }),
    });
  }

  /** Lets `service` publish to the topic from `sourceArn` (statements are grouped by sid). */
  public allowPublish(sid: string, service: string, sourceArn: string): void {
    this.grants.add(sid, service, ["sns:Publish"], sourceArn);
  }

  private render(): string {
    const statements = this.grants.statements(this.topic.topicArn);
    statements.push(denyInsecureTransportStatement("sns:Publish", [this.topic.topicArn]));
    return policyDocument(statements);
  }
}

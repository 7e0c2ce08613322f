import { Construct } from "constructs";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import type { IRule } from "../rule/target";
import { appRegistry } from "../private/app-registry";
import { CollectedServicePolicy } from "../private/collected-policy";
import { fail, isUnresolved } from "../private/errors";
import type { PolicyStatement } from "../private/iam";
import { appPolicyKey, appSingleton, resourcePolicyId } from "../private/resource-policy";
import type { ITopic } from "./sns";

const REGISTRY_ID = "StaxTopicPolicies";
/** Largest SNS topic policy, in bytes (30 KB). */
export const SNS_POLICY_LIMIT_BYTES = 30720;

/**
 * The one `aws_sns_topic_policy` of a topic in the whole app. Terraform keeps a single policy per
 * topic (it replaces the topic's default policy), so every rule, in any stack, that targets the
 * topic adds its statement here; the policy lives in the stack that owns the topic, and the
 * document, with a TLS-only deny, is rendered once at synthesis within SNS's 30 KB limit.
 *
 * A topic known only by ARN (`Topic.fromArn`) keeps its owner's policy: the library writes none,
 * warns at synthesis with the statements to add ({@link TopicPolicy.statementsFor} returns them);
 * `Topic.fromArn(arn, { managePolicy: true })` lets the library write the whole policy.
 */
export class TopicPolicy extends CollectedServicePolicy {
  /** The policy of `topic` in the app, created on first use in the stack that owns the topic. */
  public static of(scope: Construct, topic: ITopic): TopicPolicy {
    const id = resourcePolicyId("Topic", topic.topicArn, topic.owner);
    const policy = appSingleton(
      scope,
      REGISTRY_ID,
      id,
      topic.owner,
      (registry, policyId) => new TopicPolicy(registry, policyId, topic),
    );
    if (policy.managed !== managed(topic)) {
      fail(
        scope,
        `topic '${topic.topicArn}' is referred to with managePolicy ${managed(topic)} here and ${policy.managed} by ${policy.node.path}; a topic has one policy. Pass the same managePolicy everywhere.`,
      );
    }
    return policy;
  }

  /** Statements the app needs in the policy of `topic` (what the warning of an unmanaged topic prints); empty if no rule targets it. */
  public static statementsFor(scope: Construct, topic: ITopic): PolicyStatement[] {
    const id = resourcePolicyId("Topic", topic.topicArn, topic.owner);
    return appRegistry<TopicPolicy>(scope, REGISTRY_ID).get(appPolicyKey(id, topic.owner))?.policyStatements() ?? [];
  }

  /** The policy resource, when the library manages the topic's policy. */
  public readonly policy?: SnsTopicPolicy;

  private constructor(scope: Construct, id: string, topic: ITopic) {
    const arn = topic.topicArn;
    super(scope, id, {
      resourceArn: arn,
      resourceName: isUnresolved(arn) ? `topic ${topic.owner?.node.path ?? arn}` : `topic '${arn}'`,
      tlsDenyAction: "sns:Publish",
      managed: managed(topic),
      limitBytes: SNS_POLICY_LIMIT_BYTES,
      resourceArnMaxLength: isUnresolved(arn) ? 310 : arn.length,
      manageHint: "pass managePolicy: true to Topic.fromArn",
    });
    if (this.managed) {
      this.policy = new SnsTopicPolicy(this, "Policy", { provider: topic.provider, arn, policy: this.document });
    }
  }

  /** Lets the execution role `roleArn` (spelled out) of a rule in another account publish to the topic. */
  public allowRole(roleArn: string): void {
    this.grantPrincipal("AllowEventBridgeRolesOfOtherAccounts", roleArn, ["sns:Publish"]);
  }

  /** Lets `service` publish to the topic from `source`, a rule or other sources' ARN (pattern); statements are grouped by sid. */
  public allowPublish(sid: string, service: string, source: IRule | string): void {
    this.grant(sid, service, ["sns:Publish"], source);
  }
}

function managed(topic: ITopic): boolean {
  return topic.managePolicy ?? topic.owner !== undefined;
}

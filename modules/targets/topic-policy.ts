import { Construct } from "constructs";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
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
import type { ITopic } from "./sns";

/** Largest SNS topic policy, in bytes (30 KB). */
export const SNS_POLICY_LIMIT_BYTES = 30720;

const KIND: PolicyKind = {
  registryId: "StaxTopicPolicies",
  idPrefix: "Topic",
  noun: "topic",
  fromArn: "Topic.fromArn",
  arnMaxLength: 310,
};

function policed(topic: ITopic): PolicedResource {
  return { arn: topic.topicArn, owner: topic.owner, managePolicy: topic.managePolicy };
}

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
    return collectedPolicyFor(scope, KIND, policed(topic), (registry, id) => new TopicPolicy(registry, id, topic));
  }

  /** Statements the app needs in the policy of `topic` (what the warning of an unmanaged topic prints); empty if no rule targets it. */
  public static statementsFor(scope: Construct, topic: ITopic): PolicyStatement[] {
    return collectedStatements(scope, KIND, policed(topic));
  }

  /** The policy resource, when the library manages the topic's policy. */
  public readonly policy?: SnsTopicPolicy;

  private constructor(scope: Construct, id: string, topic: ITopic) {
    super(scope, id, {
      ...collectedPolicyOptions(KIND, policed(topic)),
      tlsDenyAction: "sns:Publish",
      limitBytes: SNS_POLICY_LIMIT_BYTES,
    });
    if (this.managed) {
      this.policy = new SnsTopicPolicy(this, "Policy", {
        provider: topic.provider,
        arn: topic.topicArn,
        policy: this.document,
      });
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

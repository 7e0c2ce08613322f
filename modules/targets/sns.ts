import { Construct } from "constructs";
import { TerraformProvider } from "cdktf";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { IRule, IRuleTarget, RuleTargetConfig } from "../rule/target";
import { referenceOf } from "../private/resource-type";
import { checkArn } from "../private/arn";
import { checkKeyEventBridgeCanUse } from "../private/keys";
import { bindTargetBase, TargetBaseProps } from "./base";
import { crossAccountRole, isCrossAccount, resourcePlace } from "./cross-account";
import { TopicPolicy } from "./topic-policy";
import { checkKmsKey, checkType, checkPropKeys } from "../private/validation";

/** An SNS topic a rule can publish to: a resource of yours, or one known by ARN. */
export interface ITopic {
  /** ARN of the topic. */
  readonly topicArn: string;
  /**
   * KMS key the topic is encrypted with, when it uses one. A customer-managed key's policy must
   * let EventBridge use it: add `eventBridgeKeyPolicyStatement()` to it. An AWS managed key
   * (`alias/aws/sns`) is refused when a rule targets the topic: its policy cannot be changed.
   * @default - not encrypted
   */
  readonly kmsKeyId?: string;
  /** Provider (account and region) of the topic. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** Construct that owns the topic, used to name its single policy. @default - named after the ARN */
  readonly owner?: Construct;
  /**
   * Whether the library writes the topic's whole policy (replacing any other). A topic it does not
   * own keeps its owner's policy: synthesis warns with the statements to add instead.
   * @default - true for a topic of the app (`owner` set), false for one known only by ARN
   */
  readonly managePolicy?: boolean;
}

const TOPIC_RESOURCE = /^[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

/** Options of `Topic.fromArn`. */
export interface TopicFromArnOptions {
  /** KMS key the topic is encrypted with. @default - not encrypted */
  readonly kmsKeyId?: string;
  /** Provider (account and region) of the topic. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /**
   * Let the library write the topic's whole policy (replacing the one its owner gave it), with
   * every statement the app's rules need and a TLS-only deny.
   * @default false - no policy is written; synthesis warns with the statements to add
   */
  readonly managePolicy?: boolean;
}

/** Ways to refer to an SNS topic. */
export class Topic {
  /**
   * Refers to an existing topic by ARN (`arn:aws:sns:<region>:<account>:<name>`). The library
   * writes no policy for it unless `managePolicy` is true: synthesis warns with the statements its
   * owner must add (`TopicPolicy.statementsFor` returns them).
   */
  public static fromArn(topicArn: string, options: TopicFromArnOptions = {}): ITopic {
    checkType("Topic.fromArn", "managePolicy", options.managePolicy, "boolean");
    checkKmsKey("Topic.fromArn", "kmsKeyId", options.kmsKeyId);
    checkArn("Topic.fromArn", topicArn, {
      service: "sns",
      resource: TOPIC_RESOURCE,
      what: "an SNS topic",
      expected: "arn:aws:sns:<region>:<12-digit account>:<topic name>",
    });
    return {
      topicArn,
      kmsKeyId: options.kmsKeyId,
      provider: options.provider,
      managePolicy: options.managePolicy ?? false,
    };
  }

  /** Refers to a topic resource of yours (`aws_sns_topic`). */
  public static fromResource(topic: SnsTopic): ITopic {
    return { topicArn: topic.arn, kmsKeyId: topic.kmsMasterKeyIdInput, provider: topic.provider, owner: topic };
  }

  private constructor() {}
}

/** Properties of an {@link SnsTarget}. */
export type SnsTargetProps = TargetBaseProps;

/**
 * Publishes events to an SNS topic. Adds `sns:Publish` for `events.amazonaws.com`, scoped with
 * `aws:SourceArn` to each rule, to the topic's single policy (which also denies non-TLS publishing).
 * The library then owns the policy of a topic of the app: do not manage it elsewhere. A topic known
 * only by ARN keeps its owner's policy unless `managePolicy` is set (see `Topic.fromArn`).
 *
 * A topic in another account of the same region gets the event directly, through an execution role
 * in the rule's account (allowed only `sns:Publish` on the topic) that the topic's policy admits.
 *
 * A topic encrypted with a customer-managed KMS key also needs EventBridge in its key policy:
 * see `eventBridgeKeyPolicyStatement`.
 */
export class SnsTarget implements IRuleTarget {
  private readonly topic: ITopic;

  constructor(
    topic: ITopic | SnsTopic,
    private readonly props: SnsTargetProps = {},
  ) {
    checkPropKeys("SnsTarget", props, { retryPolicy: true, deadLetterQueue: true, input: true });
    this.topic = referenceOf("SnsTarget", topic, {
      terraformType: "aws_sns_topic",
      referenceField: "topicArn",
      resourceClass: "SnsTopic",
      fromArn: "Topic.fromArn",
      fromResource: Topic.fromResource,
    });
  }

  public bind(rule: IRule, targetId: string): RuleTargetConfig {
    checkKeyEventBridgeCanUse(rule, `${targetId}: the topic's KMS key`, this.topic.kmsKeyId, "topic");
    const policy = TopicPolicy.of(rule, this.topic);
    const { topicArn, provider, owner } = this.topic;
    if (isCrossAccount(rule, targetId, "SNS topic", resourcePlace(rule, topicArn, provider, owner))) {
      const role = crossAccountRole(rule, targetId, "sns:Publish", topicArn);
      policy.allowRole(role.literalRoleArn);
      return { arn: topicArn, roleArn: role.roleArn, ...bindTargetBase(rule, this.props) };
    }
    policy.allowPublish("AllowEventBridgeRules", "events.amazonaws.com", rule);
    return { arn: topicArn, ...bindTargetBase(rule, this.props) };
  }
}

import { Construct } from "constructs";
import { checkProviderAgrees } from "../private/provider";
import { checkRequired, checkNoDuplicates, checkPropKeys } from "../private/validation";
import { TerraformProvider } from "cdktf";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { checkAccountId, fail, isUnresolved } from "../private/errors";
import { policyDocument, type PolicyStatement } from "../private/iam";
import { physicalName, shortHash } from "../private/naming";
import type { ITopic } from "../targets/sns";
import { TopicPolicy } from "../targets/topic-policy";

/**
 * The key-policy statement that lets CloudWatch alarms publish to an SNS topic encrypted with a
 * customer-managed KMS key: `kms:Decrypt` and `kms:GenerateDataKey*` for `cloudwatch.amazonaws.com`,
 * only for alarms of `sourceAccount` (and, when given, alarms whose ARN matches `alarmArnPattern`).
 * Add it to the key's policy when you pass your own encrypted topic to `StaxDeliveryAlarms`.
 *
 * @param sourceAccount account of the alarms (`aws:SourceAccount`).
 * @param alarmArnPattern ARN pattern of the alarms (`aws:SourceArn`), e.g. `arn:aws:cloudwatch:*:123456789012:alarm:stax-*`.
 */
export function cloudWatchAlarmsKeyPolicyStatement(sourceAccount: string, alarmArnPattern?: string): PolicyStatement {
  return {
    Sid: "AllowCloudWatchAlarmsToUseTheKey",
    Effect: "Allow",
    Principal: { Service: "cloudwatch.amazonaws.com" },
    Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
    Resource: "*",
    Condition: {
      StringEquals: { "aws:SourceAccount": sourceAccount },
      ...(alarmArnPattern ? { ArnLike: { "aws:SourceArn": alarmArnPattern } } : {}),
    },
  };
}

/**
 * The ARNs of the alarms of `accountId` whose names start with `alarmNamePrefix`, in any region
 * (an alarm only ever notifies a topic of its own region). The partition comes from a literal
 * `partition`, or else from a `data.aws_partition` created under `scope` (no AWS call).
 */
export function alarmArnPattern(
  scope: Construct,
  accountId: string,
  alarmNamePrefix: string,
  provider?: TerraformProvider,
  partition?: string,
): string {
  const part = partition ?? new DataAwsPartition(scope, "Partition", { provider }).partition;
  return `arn:${part}:cloudwatch:*:${accountId}:alarm:${alarmNamePrefix}*`;
}

/** Properties of an {@link AlarmTopic}. */
export interface AlarmTopicProps {
  /** 12-digit id of the account of the topic and of the alarms that publish to it. */
  readonly accountId: string;
  /** Prefix of the names of the alarms allowed to publish (the key and topic policies match `<prefix>*`). */
  readonly alarmNamePrefix: string;
  /** Email addresses to subscribe (each must confirm the subscription). @default - none */
  readonly emails?: readonly string[];
  /** Provider (account and region) of the key and topic: the alarms' region. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** Tags on the key and topic. @default - no tags */
  readonly tags?: { readonly [key: string]: string };
}

/**
 * An SNS topic for alarm notifications, encrypted with its own customer-managed KMS key (rotated
 * every year). CloudWatch cannot use the AWS-managed `alias/aws/sns` key, so the key policy lets
 * `cloudwatch.amazonaws.com` use the key for the named alarms of the account, and the topic's
 * single policy lets those alarms publish (over TLS only).
 *
 * @example
 * ```ts
 * // StaxDeliveryAlarms creates one; on its own, for alarms named "stax-*":
 * new AlarmTopic(this, "AlarmTopic", {
 *   accountId: "123456789012",
 *   alarmNamePrefix: "stax-",
 *   emails: ["security@example.com"],
 * });
 * ```
 */
export class AlarmTopic extends Construct implements ITopic {
  public readonly topicArn: string;
  public readonly kmsKeyId: string;
  public readonly provider?: TerraformProvider;
  public readonly owner: Construct = this;
  /** The KMS key. */
  public readonly key: KmsKey;
  /** The topic. */
  public readonly topic: SnsTopic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    checkRequired(this, props, {
      accountId: ["string", "the 12-digit account of the alarms"],
      alarmNamePrefix: ["string", "the start of the alarm names the topic admits"],
    });
    checkPropKeys(this, props, { accountId: true, alarmNamePrefix: true, emails: true, provider: true, tags: true });
    checkAccountId(this, "accountId", props.accountId);
    checkProviderAgrees(this, props.provider, props);
    const provider = (this.provider = props.provider);
    const partition = new DataAwsPartition(this, "Partition", { provider }).partition;
    const alarmArns = alarmArnPattern(this, props.accountId, props.alarmNamePrefix, provider, partition);

    this.key = new KmsKey(this, "Key", {
      provider,
      description: `Encrypts the alarm notifications of ${this.node.path}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: policyDocument([
        {
          Sid: "AllowAccountToManageTheKey",
          Effect: "Allow",
          Principal: { AWS: `arn:${partition}:iam::${props.accountId}:root` },
          Action: "kms:*",
          Resource: "*",
        },
        cloudWatchAlarmsKeyPolicyStatement(props.accountId, alarmArns),
      ]),
      tags: props.tags,
    });
    this.kmsKeyId = this.key.arn;

    this.topic = new SnsTopic(this, "Topic", {
      provider,
      name: physicalName(this, { maxLength: 256 }),
      kmsMasterKeyId: this.key.arn,
      tags: props.tags,
    });
    this.topicArn = this.topic.arn;
    TopicPolicy.of(this, this).allowPublish("AllowCloudWatchAlarms", "cloudwatch.amazonaws.com", alarmArns);

    // Keyed by a hash of the address, so adding or removing one leaves the others in place.
    checkNoDuplicates(this, "emails", props.emails);
    for (const email of props.emails ?? []) {
      if (!isUnresolved(email) && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
        fail(this, `email '${email}' is not an email address. Pass addresses like 'security@example.com'.`);
      }
      new SnsTopicSubscription(this, `Email-${shortHash(email)}`, {
        provider,
        topicArn: this.topicArn,
        protocol: "email",
        endpoint: email,
      });
    }
  }
}

import { Construct, IConstruct } from "constructs";
import { TerraformProvider, TerraformStack } from "cdktf";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import type { IRule } from "../rule/target";
import type { ITopic } from "../targets/sns";
import { checkRange, fail, isUnresolved } from "../private/errors";
import { physicalName, shortHash } from "../private/naming";
import { TopicPolicy } from "../targets/topic-policy";
import { AlarmTopic, alarmArnPattern } from "./alarm-topic";
import {
  DEAD_LETTER_ALARM_KINDS,
  DELIVERY_METRICS,
  RULE_ALARM_KINDS,
  ruleDimensions,
  STREAM_ALARM_KINDS,
  type DeliveryAlarmKind,
} from "./delivery-metrics";
import { discoverLibraryResources } from "./discover";
import { checkProviderAgrees } from "../private/provider";
import { retentionOf, type IWatchedDeliveryStream, type IWatchedQueue } from "./watched";
import { checkTags, checkType, checkReference, checkPropKeys } from "../private/validation";

const MAX_ALARM_NAME_LENGTH = 255;
const PREFIX = /^[A-Za-z0-9_.-]{1,100}$/;

/** Properties of {@link StaxDeliveryAlarms}. */
export interface StaxDeliveryAlarmsProps {
  /**
   * 12-digit id of the account the alarms live in; the key and topic policies admit only this
   * account's alarms. Required unless you pass a `topic` whose ARN is a literal (its account is used).
   * @default - the account of `topic`'s ARN
   */
  readonly accountId?: string;
  /**
   * Topic the alarms notify. The grant that lets these alarms publish goes into the topic's single
   * policy like any target's: written when the topic is in the app (`Topic.fromResource`), printed
   * as a synthesis warning for a topic known only by ARN (unless `managePolicy`). If it is
   * encrypted, its customer-managed key must let CloudWatch use it (`cloudWatchAlarmsKeyPolicyStatement`);
   * the AWS-managed `alias/aws/sns` key cannot work and is refused.
   * @default - a new topic encrypted with a new customer-managed KMS key (rotated yearly)
   */
  readonly topic?: ITopic;
  /** Email addresses subscribed to the new topic (each confirms by email); ignored with `topic`. @default - none */
  readonly emails?: readonly string[];
  /** Rules to watch at once (more with `watchRule`). @default - none */
  readonly rules?: readonly IRule[];
  /** Dead-letter queues to watch at once (more with `watchDeadLetterQueue`). @default - none */
  readonly deadLetterQueues?: readonly IWatchedQueue[];
  /** Firehose streams to S3 to watch at once (more with `watchDeliveryStream`). @default - none */
  readonly deliveryStreams?: readonly IWatchedDeliveryStream[];
  /** Seconds over which each metric is evaluated (60 to 86400, a multiple of 60). @default 300 */
  readonly periodSeconds?: number;
  /** Age in seconds of the oldest message in a dead-letter queue that raises `DeadLetterAge`. @default 86400 (one day) */
  readonly deadLetterAgeSeconds?: number;
  /** Seconds a record may wait in a Firehose stream before `DeliveryFreshness` fires (at least the buffering interval). @default 900 */
  readonly freshnessSeconds?: number;
  /** Also notify the topic when an alarm returns to OK. @default true */
  readonly notifyOnOk?: boolean;
  /** Start of every alarm name (at most 100 letters, digits, '.', '-' or '_'). @default - derived from the construct path */
  readonly alarmNamePrefix?: string;
  /** Provider (account and region) of the alarms and topic: the region of what they watch. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** Tags on the alarms, key and topic. @default - no tags */
  readonly tags?: { readonly [key: string]: string };
}

/** Options of {@link StaxDeliveryAlarms.watchRule}. */
export interface WatchRuleOptions {
  /** The rule targets an API destination (webhook): also alarm on events it sent to the dead-letter queue. @default false */
  readonly apiDestination?: boolean;
}

/**
 * CloudWatch alarms for events that are not delivered, notifying an SNS topic. Missing data
 * (EventBridge publishes most of these metrics only when they are not zero) does not alarm.
 *
 * - per rule: `FailedInvocations`, `InvocationsFailedToBeSentToDlq` (events lost for good) and
 *   `ThrottledRules`, each when above 0; rules targeting an API destination also
 *   `InvocationsSentToDlq` above 0;
 * - per dead-letter queue: messages visible (above 0) and the age of the oldest message;
 * - per Firehose stream to S3: `DeliveryToS3.DataFreshness`.
 *
 * `watchStack()` watches everything of the library's in the stack at the time of the call.
 * Each alarm is one standard-resolution alarm metric (billed per alarm-month).
 *
 * @example
 * ```ts
 * const alarms = new StaxDeliveryAlarms(this, "DeliveryAlarms", {
 *   accountId: "123456789012",
 *   emails: ["security@example.com"],
 * });
 * alarms.watchStack(); // every rule, dead-letter queue and delivery stream of the stack
 * ```
 */
export class StaxDeliveryAlarms extends Construct {
  /** ARN of the topic the alarms notify. */
  public readonly topicArn: string;
  /** The topic this construct created, unless you passed one. */
  public readonly alarmTopic?: AlarmTopic;
  /** Start of every alarm name. */
  public readonly alarmNamePrefix: string;
  private readonly provider?: TerraformProvider;
  private readonly watched = new Set<string>();
  private readonly created: CloudwatchMetricAlarm[] = [];

  constructor(
    scope: Construct,
    id: string,
    private readonly props: StaxDeliveryAlarmsProps = {},
  ) {
    super(scope, id);
    checkPropKeys(this, props, {
      accountId: true,
      topic: true,
      emails: true,
      rules: true,
      deadLetterQueues: true,
      deliveryStreams: true,
      periodSeconds: true,
      deadLetterAgeSeconds: true,
      freshnessSeconds: true,
      notifyOnOk: true,
      alarmNamePrefix: true,
      provider: true,
      tags: true,
    });
    this.provider = props.provider;
    checkProviderAgrees(this, props.provider, props);
    checkType(this, "notifyOnOk", props.notifyOnOk, "boolean");
    checkReference(this, "topic", props.topic, "topicArn", "a topic (Topic.fromArn(...) or Topic.fromResource(...))");
    checkTags(this, "tags", props.tags);
    for (const list of ["rules", "deadLetterQueues", "deliveryStreams"] as const)
      checkType(this, list, props[list], "list");
    checkRange(this, "periodSeconds", props.periodSeconds, 60, 86400);
    if (props.periodSeconds !== undefined && !isUnresolved(props.periodSeconds) && props.periodSeconds % 60 !== 0) {
      fail(this, `periodSeconds is ${props.periodSeconds}; CloudWatch needs a multiple of 60. Pass e.g. 300.`);
    }
    checkRange(this, "deadLetterAgeSeconds", props.deadLetterAgeSeconds, 60, 1209600);
    checkRange(this, "freshnessSeconds", props.freshnessSeconds, 60, 86400);
    this.alarmNamePrefix = props.alarmNamePrefix ?? physicalName(this, { maxLength: 100, illegal: /[^A-Za-z0-9_.-]/g });
    if (!isUnresolved(this.alarmNamePrefix) && !PREFIX.test(this.alarmNamePrefix)) {
      fail(
        this,
        `alarmNamePrefix '${this.alarmNamePrefix}' is not valid; use 1 to 100 letters, digits, '.', '-' or '_'.`,
      );
    }

    if (props.topic) {
      if (props.emails !== undefined)
        fail(
          this,
          "emails are subscribed only to the topic this construct creates, and you passed your own topic. Subscribe the addresses to your topic, or leave topic out.",
        );
      checkTopicKey(this, props.topic);
      this.topicArn = props.topic.topicArn;
      this.allowPublishTo(props.topic, props.accountId);
    } else {
      if (props.accountId === undefined) {
        fail(
          this,
          "pass accountId (the account of the alarms, admitted by the new topic's key and topic policies) or your own topic.",
        );
      }
      this.alarmTopic = new AlarmTopic(this, "Topic", {
        accountId: props.accountId,
        alarmNamePrefix: `${this.alarmNamePrefix}-`,
        emails: props.emails,
        provider: props.provider,
        tags: props.tags,
      });
      this.topicArn = this.alarmTopic.topicArn;
    }

    for (const rule of props.rules ?? []) this.watchRule(rule);
    for (const queue of props.deadLetterQueues ?? []) this.watchDeadLetterQueue(queue);
    for (const stream of props.deliveryStreams ?? []) this.watchDeliveryStream(stream);
  }

  /** Lets these alarms publish to a topic of yours: account and partition from `accountId` or the topic's ARN. */
  private allowPublishTo(topic: ITopic, accountId: string | undefined): void {
    const arn = isUnresolved(topic.topicArn) ? undefined : /^arn:([^:]+):sns:[^:]*:(\d{12}):/.exec(topic.topicArn);
    const account = accountId ?? arn?.[2];
    if (account === undefined) {
      fail(
        this,
        "pass accountId with a topic given as a reference: it scopes the topic policy's grant to this account's alarms.",
      );
    }
    const pattern = alarmArnPattern(this, account, `${this.alarmNamePrefix}-`, this.provider, arn?.[1]);
    TopicPolicy.of(this, topic).allowPublish("AllowCloudWatchAlarms", "cloudwatch.amazonaws.com", pattern);
  }

  /** The alarms created so far, in the order they were added. */
  public get alarms(): readonly CloudwatchMetricAlarm[] {
    return [...this.created];
  }

  /** Watches a rule: failed invocations, events lost for good, throttling (and API destination failures). Watching it again does nothing. */
  public watchRule(rule: IRule, options: WatchRuleOptions = {}): void {
    checkReference(this, "watchRule's rule", rule, "ruleName", "a rule (a StaxEventRule)", true);
    const kinds: DeliveryAlarmKind[] = [...RULE_ALARM_KINDS];
    if (options.apiDestination) kinds.push("ApiDestinationFailures");
    const dimensions = ruleDimensions(rule.ruleName, rule.eventBusName);
    for (const kind of kinds) this.alarm(rule, rule.provider, kind, dimensions, 0);
  }

  /** Watches a dead-letter queue: messages waiting, and their age. Watching it again does nothing. */
  public watchDeadLetterQueue(queue: IWatchedQueue): void {
    checkReference(this, "watchDeadLetterQueue's queue", queue, "queueName", "a queue (a SecureQueue)", true);
    const dimensions = { QueueName: queue.queueName };
    const age = this.props.deadLetterAgeSeconds ?? 86400;
    const retention = retentionOf(queue);
    if (retention !== undefined && !isUnresolved(age) && age >= retention) {
      fail(
        this,
        `deadLetterAgeSeconds is ${age}, but ${queue.node.path} keeps messages ${retention} seconds, so none gets that old and DeadLetterAge could never fire. Pass a deadLetterAgeSeconds below ${retention}, or keep the queue's messages longer.`,
      );
    }
    for (const kind of DEAD_LETTER_ALARM_KINDS) {
      this.alarm(queue, queue.provider, kind, dimensions, kind === "DeadLetterAge" ? age : 0);
    }
  }

  /** Watches a Firehose stream to S3: the age of the oldest record not yet in S3. Watching it again does nothing. */
  public watchDeliveryStream(stream: IWatchedDeliveryStream): void {
    checkReference(
      this,
      "watchDeliveryStream's stream",
      stream,
      "streamName",
      "a Firehose stream (a FirehoseToS3)",
      true,
    );
    const dimensions = { DeliveryStreamName: stream.streamName };
    for (const kind of STREAM_ALARM_KINDS) {
      this.alarm(stream, stream.provider, kind, dimensions, this.props.freshnessSeconds ?? 900);
    }
  }

  /**
   * Watches every rule, dead-letter queue and Firehose stream to S3 the library has created in
   * this stack so far (call it after building them), in this construct's region. Returns the
   * paths of those skipped because they use another provider (region or account): watch them
   * with a `StaxDeliveryAlarms` that has their provider.
   */
  public watchStack(): string[] {
    const found = discoverLibraryResources(TerraformStack.of(this));
    const skipped: string[] = [];
    const local = (c: IConstruct & { provider?: TerraformProvider }): boolean => {
      if (providerKey(c.provider) === providerKey(this.provider)) return true;
      skipped.push(c.node.path);
      return false;
    };
    for (const { rule, apiDestination } of found.rules) if (local(rule)) this.watchRule(rule, { apiDestination });
    for (const queue of found.deadLetterQueues) if (local(queue)) this.watchDeadLetterQueue(queue);
    for (const stream of found.deliveryStreams) if (local(stream)) this.watchDeliveryStream(stream);
    return skipped;
  }

  private alarm(
    watched: IConstruct,
    provider: TerraformProvider | undefined,
    kind: DeliveryAlarmKind,
    dimensions: Record<string, string>,
    threshold: number,
  ): void {
    const key = `${watched.node.path}#${kind}`;
    if (this.watched.has(key)) return;
    if (providerKey(provider) !== providerKey(this.provider)) {
      fail(
        this,
        `${watched.node.path} uses provider '${providerKey(provider) || "default"}' but these alarms use '${providerKey(this.provider) || "default"}'; CloudWatch alarms watch metrics of their own region and account. Create a StaxDeliveryAlarms with provider set to that provider.`,
      );
    }
    this.watched.add(key);
    const metric = DELIVERY_METRICS[kind];
    const label = labelOf(watched);
    const topic = [this.topicArn];
    this.created.push(
      new CloudwatchMetricAlarm(this, `${label}-${kind}`, {
        provider: this.provider,
        alarmName: alarmName(this.alarmNamePrefix, label, kind),
        alarmDescription: `${watched.node.path}: ${metric.meaning}.`.slice(0, 1024),
        namespace: metric.namespace,
        metricName: metric.metricName,
        dimensions,
        statistic: metric.statistic,
        period: this.props.periodSeconds ?? 300,
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        threshold,
        comparisonOperator: "GreaterThanThreshold",
        treatMissingData: "notBreaching",
        alarmActions: topic,
        okActions: this.props.notifyOnOk === false ? undefined : topic,
        tags: this.props.tags,
      }),
    );
  }
}

/** A provider's identity within a stack: its alias, or "" for the default provider. */
function providerKey(provider: TerraformProvider | undefined): string {
  return provider?.alias ?? "";
}

/** The path of a construct below its stack, joined with "-" (unique in the stack). */
function labelOf(watched: IConstruct): string {
  const stack = TerraformStack.of(watched);
  return watched.node.scopes
    .slice(stack.node.scopes.length)
    .map((s) => s.node.id)
    .join("-")
    .replace(/[^A-Za-z0-9_.-]/g, "-");
}

/** `<prefix>-<label>-<kind>`, shortened (keeping the end of the label, plus a hash) to 255 characters. */
function alarmName(prefix: string, label: string, kind: string): string {
  const name = `${prefix}-${label}-${kind}`;
  if (name.length <= MAX_ALARM_NAME_LENGTH) return name;
  const hash = shortHash(label);
  const room = MAX_ALARM_NAME_LENGTH - prefix.length - kind.length - hash.length - 3;
  return `${prefix}-${label.slice(label.length - room)}-${hash}-${kind}`;
}

function checkTopicKey(scope: Construct, topic: ITopic): void {
  const key = topic.kmsKeyId;
  if (key !== undefined && !isUnresolved(key) && /(^|:)alias\/aws\/sns$/.test(key)) {
    fail(
      scope,
      `topic is encrypted with '${key}', the AWS-managed SNS key; CloudWatch cannot use it, so no alarm would be delivered. Encrypt the topic with a customer-managed key whose policy includes cloudWatchAlarmsKeyPolicyStatement(account), or leave topic out to get one.`,
    );
  }
}

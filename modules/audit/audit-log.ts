import { checkRequired, checkOptionKeys, RETRY_POLICY_KEYS, checkPropKeys } from "../private/validation";
import { checkProviderAgrees } from "../private/provider";
import { Construct } from "constructs";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { IEventBus } from "../bus/event-bus";
import { Match } from "../pattern/match";
import { checkAccountId, fail, isUnresolved } from "../private/errors";
import { physicalName } from "../private/naming";
import { ServiceRole } from "../private/role";
import { currentRegionName } from "../private/provider-compat";
import { IRuleTarget } from "../rule/target";
import { StaxEventRule } from "../rule/stax-event-rule";
import { RetryPolicy } from "../targets/base";
import { FirehoseTarget } from "../targets/firehose";
import { FirehoseBucketLifecycle } from "../targets/firehose-bucket";
import { FirehoseToS3 } from "../targets/firehose-to-s3";
import { RuleTargetInput } from "../targets/input";
import { QueuePolicy } from "../targets/queue-policy";
import { SecureQueue } from "../targets/secure-queue";
import { AuditLogAthena, AuditLogAthenaProps } from "./athena";
import { auditRuleSpecs, STAX_AUDITED_EVENT_TYPES, type AuditRuleSpec } from "./templates";

/** Longest key of an audit rule (`policy-detach-from-organization-fnx`); rule names are `<base>-<key>`. */
const MAX_RULE_KEY_LENGTH = 35;

/** Options of the Glue table and Athena workgroup of a {@link StaxAuditLog}. */
export type StaxAuditLogAthenaOptions = Omit<
  AuditLogAthenaProps,
  "accountId" | "recordsBucketName" | "recordsPrefix" | "provider" | "tags" | "kmsKeyArn" | "forceDestroy"
>;

/** Properties of a {@link StaxAuditLog}. */
export interface StaxAuditLogProps {
  /** The bus the Stax events arrive on (a `StaxEventBus`, or one you describe). */
  readonly bus: IEventBus;
  /** 12-digit id of the account the bus, stream and buckets live in. */
  readonly accountId: string;
  /** Name of the records bucket. @default - a unique name Terraform derives from the construct path */
  readonly bucketName?: string;
  /** Key prefix of the records; the date partition (`year=/month=/day=`) follows it. @default "audit/" */
  readonly prefix?: string;
  /** Customer-managed KMS key for the records and query results (SSE-KMS). @default - SSE-S3 */
  readonly kmsKeyArn?: string;
  /** Seconds Firehose buffers records before writing an object (0–900). @default 300 */
  readonly bufferingIntervalSeconds?: number;
  /** Lifecycle of the records bucket (e.g. `expirationDays` for a retention period); `false` writes none. @default - records kept until you delete them; old versions expire after 90 days */
  readonly lifecycle?: FirehoseBucketLifecycle | false;
  /** How EventBridge retries delivery to Firehose. @default { maximumEventAgeSeconds: 86400, maximumRetryAttempts: 185 } */
  readonly retryPolicy?: RetryPolicy;
  /** The Glue table and Athena workgroup; `false` leaves them out. @default - created, with their defaults */
  readonly athena?: StaxAuditLogAthenaOptions | false;
  /** Let `terraform destroy` delete buckets and the workgroup while they hold data. @default false */
  readonly forceDestroy?: boolean;
  /** Tags on the buckets, stream, queue and workgroup. @default - no tags */
  readonly tags?: { readonly [key: string]: string };
}

/**
 * The Stax audit log: every Security and AccountManagement event on the bus becomes ONE
 * normalised audit record (`id`, `user_email`, `user_id`, `organization_id`, `crud`, `result`,
 * `action`, `source`, `description`, `event_time`, `context`), without a Lambda. Rules with input
 * transformers (see {@link auditRuleSpecs}) put the records on a Firehose stream that writes
 * newline-delimited JSON to an encrypted, versioned, TLS-only bucket partitioned by date; a Glue
 * table and an Athena workgroup with named queries make them queryable.
 *
 * The rules split each event type by outcome, by whether the event has a user and, when Stax may
 * omit it, a `message`, so that every record is valid JSON whatever Stax sends: one rule per split,
 * every event in exactly one rule. They share one role (allowed only `firehose:PutRecord*` on the
 * stream) and one encrypted dead-letter queue, each with a single statement for all of them.
 *
 * @example
 * ```ts
 * const audit = new StaxAuditLog(this, "AuditLog", { bus, accountId: "123456789012" });
 * ```
 */
export class StaxAuditLog extends Construct {
  /** The Firehose stream and records bucket. */
  public readonly delivery: FirehoseToS3;
  /** The rules, by key (e.g. `user-login-fu`: see `AuditRuleSpec.key`). */
  public readonly rules: ReadonlyMap<string, StaxEventRule>;
  /** The rule specs, in catalogue order: pattern and input transformer of each rule. */
  public readonly ruleSpecs: readonly AuditRuleSpec[];
  /** The queue for records EventBridge could not deliver to Firehose. */
  public readonly deadLetterQueue: SecureQueue;
  /** The Glue table and Athena workgroup, unless turned off. */
  public readonly athena?: AuditLogAthena;

  constructor(scope: Construct, id: string, props: StaxAuditLogProps) {
    super(scope, id);
    checkRequired(this, props, {
      bus: ["object", "the StaxEventBus whose events to record"],
      accountId: ["string", "the 12-digit account the log is deployed in"],
    });
    checkPropKeys(this, props, {
      bus: true,
      accountId: true,
      bucketName: true,
      prefix: true,
      kmsKeyArn: true,
      bufferingIntervalSeconds: true,
      lifecycle: true,
      retryPolicy: true,
      athena: true,
      forceDestroy: true,
      tags: true,
    });
    checkAccountId(this, "accountId", props.accountId);
    checkProviderAgrees(this, props.bus.provider, props);
    this.checkBus(props.bus, props.accountId);
    checkOptionKeys(this, "retryPolicy", props.retryPolicy, RETRY_POLICY_KEYS);
    const provider = props.bus.provider;
    const prefix = props.prefix ?? "audit/";
    this.delivery = new FirehoseToS3(this, "Delivery", {
      accountId: props.accountId,
      bucketName: props.bucketName,
      prefix,
      errorPrefix: "audit-errors/",
      kmsKeyArn: props.kmsKeyArn,
      bufferingIntervalSeconds: props.bufferingIntervalSeconds,
      lifecycle: props.lifecycle,
      forceDestroy: props.forceDestroy,
      provider,
      tags: props.tags,
    });

    // Rule names share a prefix, so the role and the queue can trust all the rules with one pattern.
    const base = physicalName(this, { maxLength: 64 - 1 - MAX_RULE_KEY_LENGTH, illegal: /[^.\-_A-Za-z0-9]/g });
    const partition = new DataAwsPartition(this, "Partition", { provider }).partition;
    const region = currentRegionName(this, "Region", provider);
    // Rule ARNs: rule/<name> on the default bus, rule/<bus name>/<name> on others.
    const rulesOf = (busPath: string) =>
      `arn:${partition}:events:${region}:${props.accountId}:rule/${busPath}${base}-*`;
    const busName = props.bus.eventBusName;
    const ruleArns = isUnresolved(busName)
      ? [rulesOf(""), rulesOf("*/")]
      : [rulesOf(busName === "default" ? "" : "*/")];
    const role = new ServiceRole(this, "DeliveryRole", {
      provider,
      sourceAccount: props.accountId,
      sourceArnPatterns: ruleArns,
      actions: ["firehose:PutRecord", "firehose:PutRecordBatch"],
      resources: [this.delivery.deliveryStreamArn],
    });
    this.deadLetterQueue = new SecureQueue(this, "DeadLetterQueue", { provider, tags: props.tags });
    for (const arns of ruleArns) {
      QueuePolicy.of(this, this.deadLetterQueue).allowSendMessage(
        "AllowAuditRulesDeadLetters",
        "events.amazonaws.com",
        arns,
      );
    }

    this.ruleSpecs = auditRuleSpecs(STAX_AUDITED_EVENT_TYPES);
    const rules = new Construct(this, "Rules");
    const source = props.bus.partnerEventSourceName
      ? [props.bus.partnerEventSourceName]
      : [Match.prefix("aws.partner/stax.io/")];
    const byKey = new Map<string, StaxEventRule>();
    for (const spec of this.ruleSpecs) {
      const firehose = new FirehoseTarget(this.delivery, {
        role,
        deadLetterQueue: false, // granted once above, for every rule
        retryPolicy: props.retryPolicy,
        input: RuleTargetInput.fromTemplate(spec.inputTemplate, spec.inputPaths),
      });
      const target: IRuleTarget = {
        bind: (rule, targetId) => ({
          ...firehose.bind(rule, targetId),
          deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
        }),
      };
      byKey.set(
        spec.key,
        new StaxEventRule(rules, spec.key, {
          bus: props.bus,
          ruleName: `${base}-${spec.key}`,
          description: `Stax audit log: ${spec.detailType} (${spec.key})`,
          eventPattern: { source, ...spec.pattern },
          targets: [target],
        }),
      );
    }
    this.rules = byKey;

    if (props.athena !== false)
      checkOptionKeys(this, "athena", props.athena, {
        databaseName: true,
        tableName: true,
        workgroupName: true,
        resultsRetentionDays: true,
        bytesScannedCutoffPerQuery: true,
      });
    if (props.athena !== false) {
      this.athena = new AuditLogAthena(this, "Athena", {
        ...props.athena,
        accountId: props.accountId,
        recordsBucketName: this.delivery.bucket.bucket,
        recordsPrefix: prefix,
        kmsKeyArn: props.kmsKeyArn,
        forceDestroy: props.forceDestroy,
        provider,
        tags: props.tags,
      });
    }
  }

  /** The bus must be in `accountId` and receive Stax events (not the default bus). */
  private checkBus(bus: IEventBus, accountId: string): void {
    const busAccount = bus.accountId;
    if (busAccount !== undefined && !isUnresolved(busAccount) && !isUnresolved(accountId) && busAccount !== accountId)
      fail(
        this,
        `accountId is '${accountId}' but the bus '${bus.eventBusName}' is in account '${busAccount}'. The stream, buckets and rules are created beside the bus, and the delivery role and queue policy built from accountId would refuse its rules, so nothing would be recorded. Set accountId to '${busAccount}'.`,
      );
    if (bus.partnerEventSourceName === undefined && bus.eventBusName === "default")
      fail(
        this,
        "bus is the default bus, where Stax events never arrive (EventBridge delivers partner events only to the partner event bus), so the audit log would record nothing. Pass the StaxEventBus of your Stax partner event source.",
      );
  }
}

import { Construct } from "constructs";
import { checkProviderAgrees } from "../private/provider";
import { TerraformProvider } from "cdktf";
import { CloudwatchEventArchive } from "@cdktf/provider-aws/lib/cloudwatch-event-archive";
import { CloudwatchEventBus } from "@cdktf/provider-aws/lib/cloudwatch-event-bus";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { AccountManagementEventSelectors, SecurityEventSelectors, StaxEventSelectors } from "../pattern/selectors";
import { checkAccountId, checkRange, fail, isUnresolved } from "../private/errors";
import { physicalName } from "../private/naming";
import {
  ARCHIVE_NAME,
  checkKmsKey,
  checkName,
  checkTags,
  checkType,
  checkRequired,
  checkOptionKeys,
  checkPropKeys,
} from "../private/validation";
import { currentRegionName } from "../private/provider-compat";
import { claimPartnerSource } from "../private/wiring";
import type { IQueue } from "../targets/queue";
import { busDeadLetterQueue } from "./bus-dead-letter";
import { IEventBus } from "./event-bus";

/** Archive settings of a {@link StaxEventBus}. */
export interface StaxEventBusArchiveProps {
  /** Days the archive keeps events; 0 keeps them forever. @default 30 */
  readonly retentionDays?: number;
  /** Name of the archive (at most 48 characters). @default - built from the stack name and the construct path */
  readonly archiveName?: string;
}

/** Properties of a {@link StaxEventBus}. */
export interface StaxEventBusProps {
  /**
   * Full name of the Stax partner event source, `aws.partner/stax.io/<account-id>/<name>`.
   * Give either this, or `accountId` (and `sourceName`).
   * @default - built from `accountId` and `sourceName`
   */
  readonly partnerEventSourceName?: string;
  /** 12-digit id of the AWS account Stax created the partner event source in (your logging account). @default - taken from `partnerEventSourceName` */
  readonly accountId?: string;
  /** Name Stax gave the partner event source. @default "default" */
  readonly sourceName?: string;
  /**
   * Adopt the bus that is already associated with the source instead of creating it. Stax
   * associates its `default` source with a bus itself, so that one is always adopted.
   * @default true for the `default` source, false otherwise
   */
  readonly adoptExisting?: boolean;
  /** Archive every event on the bus for replay; pass `false` to turn the archive off. @default { retentionDays: 30 } */
  readonly archive?: StaxEventBusArchiveProps | false;
  /**
   * Customer-managed KMS key (ARN, id or alias) that encrypts events on a bus this construct
   * creates. Its key policy must include `eventBridgeBusKeyPolicyStatements(<bus ARN>, <account>)`
   * (kms:Decrypt, kms:GenerateDataKey and kms:DescribeKey for `events.amazonaws.com`, scoped to
   * this bus). AWS managed keys (`alias/aws/...`) are refused.
   * @default - an AWS owned key
   */
  readonly kmsKeyIdentifier?: string;
  /**
   * Dead-letter queue for the events EventBridge cannot encrypt or decrypt with the bus's key
   * (`dead_letter_config` of the bus): a standard queue of yours, or `false` for none.
   * @default - with kmsKeyIdentifier, a SecureQueue `<id>/DeadLetterQueue` (SSE-SQS, 14 days); without, none
   */
  readonly deadLetterQueue?: IQueue | false;
  /** Provider (account and region) of the bus. @default - the stack's default AWS provider */
  readonly provider?: TerraformProvider;
  /** Tags on the resources this construct creates. @default - no tags */
  readonly tags?: { readonly [key: string]: string };
}

const STAX_SOURCE = /^aws\.partner\/stax\.io\/([^/]+)\/(.+)$/;
const SOURCE_NAME = /^[A-Za-z0-9._-]{1,200}$/;

/**
 * The event bus for a Stax partner event source.
 *
 * Creates the custom bus associated with `aws.partner/stax.io/<account-id>/<name>` (the bus name
 * equals the source name, as EventBridge requires), or adopts the bus that already exists. An
 * archive keeps events for replay unless you turn it off.
 *
 * @example
 * ```ts
 * const bus = new StaxEventBus(this, "StaxBus", { accountId: "123456789012", sourceName: "security-events" });
 * ```
 */
export class StaxEventBus extends Construct implements IEventBus {
  /** Builds a Stax partner event source name from its account id and name. */
  public static partnerEventSourceName(accountId: string, sourceName: string): string {
    return `aws.partner/stax.io/${accountId}/${sourceName}`;
  }

  public readonly eventBusName: string;
  public readonly eventBusArn: string;
  public readonly partnerEventSourceName: string;
  /** The account the partner event source (and this bus) belongs to. */
  public readonly accountId: string;
  /** The Stax name of the source (the last part of the partner event source name). */
  public readonly sourceName: string;
  public readonly provider?: TerraformProvider;
  /** Whether the bus was adopted rather than created. */
  public readonly adopted: boolean;
  /** The bus resource, when this construct created it. */
  public readonly bus?: CloudwatchEventBus;
  /** The archive, unless it was turned off. */
  public readonly archive?: CloudwatchEventArchive;
  /** The bus's dead-letter queue for events that fail encryption or decryption, when it has one. */
  public readonly deadLetterQueue?: IQueue;
  /** Typed selectors and presets for Stax Security events from this bus's source. */
  public readonly securityEvents: SecurityEventSelectors;
  /** Typed selectors and presets for Stax AccountManagement events from this bus's source. */
  public readonly accountEvents: AccountManagementEventSelectors;
  /** Patterns across categories from this bus's source, e.g. `staxEvents.uncatalogued()`. */
  public readonly staxEvents: StaxEventSelectors;

  constructor(scope: Construct, id: string, props: StaxEventBusProps) {
    super(scope, id);
    checkRequired(this, props, {}, "partnerEventSourceName, or accountId (and sourceName)");
    checkPropKeys(this, props, {
      partnerEventSourceName: true,
      accountId: true,
      sourceName: true,
      adoptExisting: true,
      archive: true,
      kmsKeyIdentifier: true,
      deadLetterQueue: true,
      provider: true,
      tags: true,
    });
    const { accountId, sourceName } = this.resolveSource(props);
    this.accountId = accountId;
    this.sourceName = sourceName;
    // A partner bus is created in the account of its partner event source.
    const prop = props.partnerEventSourceName === undefined ? "accountId" : "the account in partnerEventSourceName";
    checkProviderAgrees(
      this,
      props.provider,
      { accountId },
      { accountId: prop, accountFixedBy: "the account Stax created the partner event source in" },
    );
    this.partnerEventSourceName = StaxEventBus.partnerEventSourceName(accountId, sourceName);
    this.eventBusName = this.partnerEventSourceName;
    this.provider = props.provider;
    checkType(this, "adoptExisting", props.adoptExisting, "boolean");
    checkKmsKey(this, "kmsKeyIdentifier", props.kmsKeyIdentifier);
    checkTags(this, "tags", props.tags);
    this.adopted = props.adoptExisting ?? sourceName === "default";
    if (!this.adopted && sourceName === "default") {
      fail(
        this,
        "adoptExisting is false for the 'default' source, but Stax associates that source with a bus itself. Remove adoptExisting, or use a partner source you created in the Stax console.",
      );
    }

    if (!this.adopted) claimPartnerSource(this, this.partnerEventSourceName, props.provider);
    if (this.adopted) {
      const partition = new DataAwsPartition(this, "Partition", { provider: props.provider });
      const region = currentRegionName(this, "Region", props.provider);
      this.eventBusArn = `arn:${partition.partition}:events:${region}:${accountId}:event-bus/${this.eventBusName}`;
    } else {
      this.bus = new CloudwatchEventBus(this, "Bus", {
        provider: props.provider,
        name: this.eventBusName,
        eventSourceName: this.partnerEventSourceName,
        kmsKeyIdentifier: props.kmsKeyIdentifier,
        tags: props.tags,
      });
      this.eventBusArn = this.bus.arn;
      this.deadLetterQueue = busDeadLetterQueue(this, this.eventBusArn, props);
      if (this.deadLetterQueue) this.bus.putDeadLetterConfig({ arn: this.deadLetterQueue.queueArn });
    }
    for (const prop of ["kmsKeyIdentifier", "deadLetterQueue"] as const) {
      if (this.adopted && props[prop]) {
        fail(
          this,
          `${prop} is set on an adopted bus; this construct only configures encryption and its dead-letter queue on a bus it creates. Remove ${prop} or set adoptExisting: false.`,
        );
      }
    }

    if (props.archive !== false)
      checkOptionKeys(this, "archive", props.archive, { retentionDays: true, archiveName: true });
    if (props.archive !== false) {
      const retentionDays = props.archive?.retentionDays ?? 30;
      checkRange(this, "archive retentionDays", retentionDays, 0, 2147483647);
      checkName(this, "archive.archiveName", props.archive?.archiveName, ARCHIVE_NAME);
      this.archive = new CloudwatchEventArchive(this, "Archive", {
        provider: props.provider,
        name: props.archive?.archiveName ?? physicalName(this, { maxLength: 48 }),
        description: `Replay archive of ${this.partnerEventSourceName}`,
        eventSourceArn: this.eventBusArn,
        retentionDays,
      });
    }
    this.staxEvents = new StaxEventSelectors(this.partnerEventSourceName);
    this.securityEvents = this.staxEvents.security;
    this.accountEvents = this.staxEvents.accountManagement;
  }

  private resolveSource(props: StaxEventBusProps): { accountId: string; sourceName: string } {
    checkType(this, "accountId", props.accountId, "string");
    checkType(this, "sourceName", props.sourceName, "string");
    checkType(this, "partnerEventSourceName", props.partnerEventSourceName, "string");
    if (props.partnerEventSourceName !== undefined) {
      if (props.accountId !== undefined || props.sourceName !== undefined) {
        fail(this, "pass either partnerEventSourceName or accountId/sourceName, not both.");
      }
      if (isUnresolved(props.partnerEventSourceName)) {
        fail(
          this,
          "partnerEventSourceName is a token, but the bus name, its selectors and the checks need the account id and source name it is made of. Pass accountId and sourceName instead (either may be a token).",
        );
      }
      const match = STAX_SOURCE.exec(props.partnerEventSourceName);
      if (!match) {
        fail(
          this,
          `partnerEventSourceName '${props.partnerEventSourceName}' is not a Stax partner event source; expected 'aws.partner/stax.io/<12-digit account id>/<name>', e.g. 'aws.partner/stax.io/123456789012/default'.`,
        );
      }
      return this.checked(match[1], match[2]);
    }
    if (props.accountId === undefined) {
      fail(
        this,
        "no partner event source given. Pass partnerEventSourceName ('aws.partner/stax.io/<account-id>/<name>') or accountId (and sourceName).",
      );
    }
    return this.checked(props.accountId, props.sourceName ?? "default");
  }

  private checked(accountId: string, sourceName: string): { accountId: string; sourceName: string } {
    checkAccountId(this, "partner event source account id", accountId);
    if (!isUnresolved(sourceName) && !SOURCE_NAME.test(sourceName)) {
      fail(
        this,
        `partner event source name '${sourceName}' is not valid; use 1-200 letters, digits, '.', '_' or '-' (the name you gave the source in the Stax console).`,
      );
    }
    return { accountId, sourceName };
  }
}

import { Construct } from "constructs";
import { checkProviderAgrees } from "../private/provider";
import { TerraformProvider } from "cdktf";
import { CloudwatchEventArchive } from "@cdktf/provider-aws/lib/cloudwatch-event-archive";
import { CloudwatchEventBus } from "@cdktf/provider-aws/lib/cloudwatch-event-bus";
import { CloudwatchEventBusPolicy } from "@cdktf/provider-aws/lib/cloudwatch-event-bus-policy";
import { IEventBus } from "../bus/event-bus";
import { checkAccountId, checkRange, fail, isUnresolved } from "../private/errors";
import { policyDocument, PolicyStatement } from "../private/iam";
import { physicalName } from "../private/naming";
import {
  ARCHIVE_NAME,
  checkKmsKey,
  checkName,
  checkTags,
  checkRequired,
  checkType,
  checkPropKeys,
  checkOptionKeys,
} from "../private/validation";
import { busDeadLetterQueue } from "../bus/bus-dead-letter";
import type { IQueue } from "../targets/queue";
import type { ForwardingDestination, IForwardingDestination } from "./destination";
import { checkRegion, eventBusArn } from "./regions";

/** Archive settings of a {@link SecurityEventCollector}. */
export interface CollectorArchiveProps {
  /** Days the archive keeps events; 0 keeps them forever. @default 30 */
  readonly retentionDays?: number;
  /** Name of the archive (at most 48 characters). @default - built from the stack name and the construct path */
  readonly archiveName?: string;
}

/** Properties of a {@link SecurityEventCollector}. */
export interface SecurityEventCollectorProps {
  /** 12-digit id of the account the collector lives in (the security account). */
  readonly accountId: string;
  /** Home region of the collector: where all forwarded events end up. */
  readonly region: string;
  /**
   * Name of the aggregation bus; never `default`, which Stax manages.
   * @default - built from the stack name and the construct path, e.g. `<stack>-Collector`
   */
  readonly eventBusName?: string;
  /** AWS Organizations id (`o-…`) whose principals may put events on the bus (`aws:PrincipalOrgID`). @default - no organisation-wide access */
  readonly organizationId?: string;
  /** Further accounts (12-digit ids) that may put events on the bus. @default - none */
  readonly allowedAccountIds?: readonly string[];
  /** Archive every event on the bus for replay; `false` turns it off. @default { retentionDays: 30 } */
  readonly archive?: CollectorArchiveProps | false;
  /**
   * Customer-managed KMS key (ARN, id or alias) that encrypts events on the bus. Its key policy
   * must include `eventBridgeBusKeyPolicyStatements(collector.staticEventBusArn, accountId)`.
   * AWS managed keys (`alias/aws/...`) are refused.
   * @default - an AWS owned key
   */
  readonly kmsKeyIdentifier?: string;
  /**
   * Dead-letter queue for the events EventBridge cannot encrypt or decrypt with the bus's key
   * (`dead_letter_config` of the bus): a standard queue of yours, or `false` for none.
   * @default - with kmsKeyIdentifier, a SecureQueue `<id>/DeadLetterQueue` (SSE-SQS, 14 days); without, none
   */
  readonly deadLetterQueue?: IQueue | false;
  /** Provider of the security account in the home region. @default - the stack's default AWS provider */
  readonly provider?: TerraformProvider;
  /** Tags on the bus and archive. @default - no tags */
  readonly tags?: { readonly [key: string]: string };
}

const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
const STAX_ORGANIZATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The aggregation bus of the security account, in its home region: a custom bus of its own
 * (the `default` buses, which Stax manages, are never touched), a resource policy that lets the
 * organisation and/or listed accounts call `events:PutEvents` on it and nothing else, and an
 * archive for replay. Point `ServiceEventForwarder` and `OrganizationForwarding` at it, and put
 * rules on it (`new StaxEventRule(scope, id, { bus: collector, ... })`) to route what arrives.
 *
 * @example
 * ```ts
 * const collector = new SecurityEventCollector(this, "Collector", {
 *   accountId: "111122223333",
 *   region: "ap-southeast-2",
 *   organizationId: "o-a1b2c3d4e5",
 * });
 * new StaxEventRule(this, "ToQueue", {
 *   bus: collector,
 *   eventPattern: ServiceEventPatterns.allServiceEvents(),
 *   targets: [new SqsTarget(new SecureQueue(this, "Findings"))],
 * });
 * ```
 */
export class SecurityEventCollector extends Construct implements IEventBus, IForwardingDestination {
  /** Name of the bus (a reference to the bus resource, so rules on it are created after it). */
  public readonly eventBusName: string;
  /** ARN of the bus (a reference to the bus resource). */
  public readonly eventBusArn: string;
  /** Name of the bus as configured (a plain string). */
  public readonly configuredEventBusName: string;
  /** The security account the collector lives in. */
  public readonly accountId: string;
  /** Home region of the collector. */
  public readonly region: string;
  /** Provider of the collector's resources. @default - the stack's default AWS provider */
  public readonly provider?: TerraformProvider;
  /** The bus resource. */
  public readonly bus: CloudwatchEventBus;
  /** The resource policy, when any other principal may put events. */
  public readonly policy?: CloudwatchEventBusPolicy;
  /** The archive, unless turned off. */
  public readonly archive?: CloudwatchEventArchive;
  /** The bus's dead-letter queue for events that fail encryption or decryption, when it has one. */
  public readonly deadLetterQueue?: IQueue;

  constructor(scope: Construct, id: string, props: SecurityEventCollectorProps) {
    super(scope, id);
    checkRequired(this, props, {
      accountId: ["string", "the 12-digit account of the collector bus"],
      region: ["string", "the region of the collector bus, e.g. 'ap-southeast-2'"],
    });
    checkPropKeys(this, props, {
      accountId: true,
      region: true,
      eventBusName: true,
      organizationId: true,
      allowedAccountIds: true,
      archive: true,
      kmsKeyIdentifier: true,
      deadLetterQueue: true,
      provider: true,
      tags: true,
    });
    checkAccountId(this, "accountId", props.accountId);
    checkRegion(this, "region", props.region);
    checkProviderAgrees(this, props.provider, props);
    this.accountId = props.accountId;
    this.region = props.region;
    this.provider = props.provider;
    this.configuredEventBusName =
      props.eventBusName ?? physicalName(this, { maxLength: 256, illegal: /[^.\-_A-Za-z0-9]/g });
    this.checkBusName(this.configuredEventBusName);
    checkKmsKey(this, "kmsKeyIdentifier", props.kmsKeyIdentifier);
    checkTags(this, "tags", props.tags);

    this.bus = new CloudwatchEventBus(this, "Bus", {
      provider: props.provider,
      name: this.configuredEventBusName,
      description: "Aggregation bus for AWS service events forwarded from every region and account",
      kmsKeyIdentifier: props.kmsKeyIdentifier,
      tags: props.tags,
    });
    this.eventBusName = this.bus.name;
    this.eventBusArn = this.bus.arn;
    this.deadLetterQueue = busDeadLetterQueue(this, this.eventBusArn, props);
    if (this.deadLetterQueue) this.bus.putDeadLetterConfig({ arn: this.deadLetterQueue.queueArn });

    this.organizationId = props.organizationId;
    this.allowedAccountIds = props.allowedAccountIds ?? [];
    const statements = this.putEventsStatements(props);
    if (statements.length > 0) {
      this.policy = new CloudwatchEventBusPolicy(this, "Policy", {
        provider: props.provider,
        eventBusName: this.bus.name,
        policy: policyDocument(statements),
      });
    }

    if (props.archive !== false) {
      checkOptionKeys(this, "archive", props.archive, { retentionDays: true, archiveName: true });
      const retentionDays = props.archive?.retentionDays ?? 30;
      checkRange(this, "archive retentionDays", retentionDays, 0, 2147483647);
      checkName(this, "archive.archiveName", props.archive?.archiveName, ARCHIVE_NAME);
      this.archive = new CloudwatchEventArchive(this, "Archive", {
        provider: props.provider,
        name: props.archive?.archiveName ?? physicalName(this, { maxLength: 48 }),
        description: `Replay archive of ${this.configuredEventBusName}`,
        eventSourceArn: this.bus.arn,
        retentionDays,
      });
    }
  }

  /** The bus ARN spelled out from account, region and name (no reference to the resource). */
  public get staticEventBusArn(): string {
    return eventBusArn(this.region, this.accountId, this.configuredEventBusName);
  }

  /** The bus as the destination of forwarders: parts known at synth time, ARN referencing the bus. */
  /** Whether the bus policy lets `sender` put events: its own account, a listed account, or the organisation. */
  public admitsPutEvents(sender: { readonly accountId?: string; readonly organization?: boolean }): boolean {
    if (this.organizationId !== undefined) return true;
    if (sender.organization) return false;
    const account = sender.accountId;
    return (
      account === undefined ||
      isUnresolved(account) ||
      account === this.accountId ||
      this.allowedAccountIds.includes(account)
    );
  }

  private readonly organizationId?: string;
  private readonly allowedAccountIds: readonly string[];

  public get forwardingDestination(): ForwardingDestination {
    return {
      accountId: this.accountId,
      region: this.region,
      eventBusName: this.configuredEventBusName,
      eventBusArn: this.eventBusArn,
    };
  }

  private putEventsStatements(props: SecurityEventCollectorProps): PolicyStatement[] {
    // The ARN spelled out (not a reference), so `terraform plan` shows the whole policy for review.
    const statements: PolicyStatement[] = [];
    if (props.organizationId !== undefined) {
      if (!isUnresolved(props.organizationId) && STAX_ORGANIZATION_ID.test(props.organizationId)) {
        fail(
          this,
          `organizationId '${props.organizationId}' looks like a Stax organisation id (a UUID); aws:PrincipalOrgID takes the AWS Organizations id ('o-' followed by 10-32 lowercase letters or digits, e.g. 'o-a1b2c3d4e5'). Find it with 'aws organizations describe-organization'.`,
        );
      }
      if (!isUnresolved(props.organizationId) && !ORGANIZATION_ID.test(props.organizationId)) {
        fail(
          this,
          `organizationId '${props.organizationId}' is not an AWS Organizations id; it looks like 'o-' followed by 10-32 lowercase letters or digits, e.g. 'o-a1b2c3d4e5'. Find it with 'aws organizations describe-organization'.`,
        );
      }
      statements.push({
        Sid: "AllowPutEventsFromOrganization",
        Effect: "Allow",
        Principal: "*",
        Action: "events:PutEvents",
        Resource: this.staticEventBusArn,
        Condition: { StringEquals: { "aws:PrincipalOrgID": props.organizationId } },
      });
    }
    checkType(this, "allowedAccountIds", props.allowedAccountIds, "list");
    const accounts = props.allowedAccountIds ?? [];
    accounts.forEach((account, i) => checkAccountId(this, `allowedAccountIds[${i}]`, account));
    if (new Set(accounts).size !== accounts.length) {
      fail(this, `allowedAccountIds lists an account twice (${accounts.join(", ")}); list each account once.`);
    }
    if (accounts.length > 0) {
      statements.push({
        Sid: "AllowPutEventsFromAccounts",
        Effect: "Allow",
        Principal: { AWS: accounts.map((account) => `arn:aws:iam::${account}:root`) },
        Action: "events:PutEvents",
        Resource: this.staticEventBusArn,
      });
    }
    return statements;
  }

  private checkBusName(name: string): void {
    if (isUnresolved(name)) return;
    if (name === "default") {
      fail(
        this,
        "eventBusName is 'default'; the collector never touches the default bus (Stax manages it and its policy). Use a name of your own, e.g. 'aws-service-events'.",
      );
    }
    if (!/^[.\-_A-Za-z0-9]{1,256}$/.test(name) || name.startsWith("aws.")) {
      fail(
        this,
        `eventBusName '${name}' is not valid for a custom bus; use 1-256 letters, digits, '.', '-' or '_', not starting with 'aws.'.`,
      );
    }
  }
}

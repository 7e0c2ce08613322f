import { Construct } from "constructs";
import { TerraformProvider } from "cdktf";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { fail, isUnresolved } from "../private/errors";
import { physicalName } from "../private/naming";
import { checkKmsKey, checkTags, checkType, checkPropKeys } from "../private/validation";
import { ILogGroup } from "./log-group";

/** Retention periods CloudWatch Logs accepts, in days (0 keeps logs forever). */
export const LOG_RETENTION_DAYS = [
  0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** Days the library's log groups keep logs unless you choose another retention period. */
export const DEFAULT_LOG_RETENTION_DAYS = 365;

/** Properties of an {@link EventsLogGroup}. */
export interface EventsLogGroupProps {
  /** Name of the log group. @default - `/aws/events/` followed by the stack name and the construct path */
  readonly logGroupName?: string;
  /** Days CloudWatch Logs keeps events; one of {@link LOG_RETENTION_DAYS}, 0 keeps them forever. @default 365 */
  readonly retentionDays?: number;
  /**
   * Customer-managed KMS key that encrypts the log group. Its key policy must let
   * `logs.<region>.amazonaws.com` use it, or creating the log group fails.
   * @default - CloudWatch Logs' own encryption
   */
  readonly kmsKeyArn?: string;
  /** Provider (account and region) of the log group. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** Tags on the log group. @default - no tags */
  readonly tags?: { readonly [key: string]: string };
}

/**
 * A log group for events, with a retention period (365 days unless you choose another) and,
 * optionally, a customer-managed KMS key. Use it with `new LogGroupTarget(logGroup)`.
 *
 * @example
 * ```ts
 * const log = new EventsLogGroup(this, "SecurityEventLog", { retentionDays: 731 });
 * new StaxEventRule(this, "ToLogs", {
 *   bus,
 *   eventPattern: bus.securityEvents.allSecurityEvents(),
 *   targets: [new LogGroupTarget(log)],
 * });
 * ```
 */
export class EventsLogGroup extends Construct implements ILogGroup {
  public readonly logGroupArn: string;
  public readonly provider?: TerraformProvider;
  public readonly owner: Construct = this;
  /** Name of the log group. */
  public readonly logGroupName: string;
  /** The log group resource. */
  public readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: EventsLogGroupProps = {}) {
    super(scope, id);
    checkPropKeys(this, props, {
      logGroupName: true,
      retentionDays: true,
      kmsKeyArn: true,
      provider: true,
      tags: true,
    });
    checkType(this, "retentionDays", props.retentionDays, "number");
    const retentionDays = props.retentionDays ?? DEFAULT_LOG_RETENTION_DAYS;
    if (!isUnresolved(retentionDays) && !(LOG_RETENTION_DAYS as readonly number[]).includes(retentionDays)) {
      fail(
        this,
        `retentionDays is ${retentionDays}; CloudWatch Logs accepts only ${LOG_RETENTION_DAYS.join(", ")} (0 keeps logs forever). Pass one of those.`,
      );
    }
    this.logGroupName = props.logGroupName ?? `/aws/events/${physicalName(this, { maxLength: 500 })}`;
    if (!isUnresolved(this.logGroupName) && !/^[A-Za-z0-9_\-/.#]{1,512}$/.test(this.logGroupName)) {
      fail(
        this,
        `log group name '${this.logGroupName}' is not valid; CloudWatch Logs allows up to 512 letters, digits, '_', '-', '/', '.' and '#'. Pass a different logGroupName.`,
      );
    }
    checkKmsKey(this, "kmsKeyArn", props.kmsKeyArn, { arnOnly: true });
    checkTags(this, "tags", props.tags);
    this.provider = props.provider;
    this.logGroup = new CloudwatchLogGroup(this, "LogGroup", {
      provider: props.provider,
      name: this.logGroupName,
      retentionInDays: retentionDays,
      kmsKeyId: props.kmsKeyArn,
      tags: props.tags,
    });
    this.logGroupArn = this.logGroup.arn;
  }
}

import { Construct } from "constructs";
import { checkProviderAgrees } from "../private/provider";
import { Annotations } from "cdktf";
import { AwsProvider, AwsProviderConfig } from "@cdktf/provider-aws/lib/provider";
import { IEventBus } from "../bus/event-bus";
import type { EventPattern } from "../pattern/types";
import { StaxEventRule } from "../rule/stax-event-rule";
import { EventBusTarget } from "../targets/event-bus";
import { RetryPolicy } from "../targets/base";
import { checkAccountId, fail, isUnresolved } from "../private/errors";
import { localName } from "../private/naming";
import {
  checkDescription,
  checkName,
  checkTags,
  checkType,
  RULE_NAME,
  checkRequired,
  checkOptionKeys,
  RETRY_POLICY_KEYS,
  checkPropKeys,
} from "../private/validation";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { estimatedLength, ServiceRole } from "../private/role";
import { trustedSources } from "../private/iam";
import {
  checkDestinationAdmits,
  ForwardingDestination,
  IForwardingDestination,
  ResolvedDestination,
  resolveDestination,
} from "./destination";
import { addForwarding } from "./loops";
import { checkRegion, checkRegionList, eventBusArn, GLOBAL_SERVICES_REGION } from "./regions";
import { ServiceEventPatterns } from "./service-event-patterns";

/** Properties of a {@link ServiceEventForwarder}. */
export interface ServiceEventForwarderProps {
  /** 12-digit id of the account whose `default` buses are forwarded (the source account). */
  readonly accountId: string;
  /** Regions whose `default` bus is forwarded; include us-east-1 for global services (IAM, sign-in, ...). */
  readonly regions: readonly string[];
  /** The bus events go to: a `SecurityEventCollector`, `{ accountId, region, eventBusName }`, or its ARN. */
  readonly destination: ForwardingDestination | IForwardingDestination | string;
  /** The events to forward, e.g. `ServiceEventPatterns.securityFindings()`; the same in every region. */
  readonly eventPattern: EventPattern;
  /**
   * Base configuration of the providers this construct creates, one per region (alias
   * `<construct id>-<region>`): credentials, profile, assume_role, default tags... are inherited,
   * `region` and `alias` are set per region.
   * @default - providers with only region and alias (credentials from the environment)
   */
  readonly providerConfig?: Omit<AwsProviderConfig, "region" | "alias">;
  /** Providers to use instead, by region (each configured for that region). @default - created from providerConfig */
  readonly providers?: { readonly [region: string]: AwsProvider };
  /** Retry policy of every target. @default { maximumEventAgeSeconds: 86400, maximumRetryAttempts: 185 } */
  readonly retryPolicy?: RetryPolicy;
  /** Keep events that could not be delivered in a dead-letter queue in the rule's own region. @default true */
  readonly deadLetterQueue?: boolean;
  /** Name of the rule in every region (rules are regional, so one name serves all). @default - the stack name, the construct path and the region */
  readonly ruleName?: string;
  /** Description of the rules. @default "Forward AWS service events to <destination ARN>" */
  readonly description?: string;
  /** Tags on the rules. @default - no tags */
  readonly tags?: { readonly [key: string]: string };
}

/**
 * Forwards AWS service events from the `default` bus of each listed region of one account to a
 * destination bus: per region one rule and one target, all targets sharing ONE IAM role that may
 * only `events:PutEvents` on the destination (trusted by EventBridge only for these rules:
 * `aws:SourceAccount` and the rules' ARNs as `aws:SourceArn`), with a retry
 * policy and a dead-letter queue in the rule's own region.
 *
 * In the destination's own region of the same account the rule delivers locally (default bus →
 * destination bus): nothing is forwarded to itself. A destination that is one of the source buses,
 * or that forwards back to one of them, is refused.
 *
 * @example
 * ```ts
 * new ServiceEventForwarder(this, "Forwarder", {
 *   accountId: "111122223333",
 *   regions: AWS_DEFAULT_ENABLED_REGIONS,
 *   destination: collector, // a SecurityEventCollector in this account's home region
 *   eventPattern: ServiceEventPatterns.anyOf(
 *     ServiceEventPatterns.securityFindings(),
 *     ServiceEventPatterns.consoleSignInFailures(),
 *   ),
 * });
 * ```
 */
export class ServiceEventForwarder extends Construct {
  /** The source account. */
  public readonly accountId: string;
  /** The regions forwarded, in the order given. */
  public readonly regions: readonly string[];
  /** The destination, checked. */
  public readonly destination: ResolvedDestination;
  /** The role every target uses. */
  public readonly role: IamRole;
  /** The provider of each region. */
  public readonly providers: { readonly [region: string]: AwsProvider };
  /** The rule of each region. */
  public readonly rules: { readonly [region: string]: StaxEventRule };

  constructor(scope: Construct, id: string, props: ServiceEventForwarderProps) {
    super(scope, id);
    checkRequired(this, props, {
      accountId: ["string", "the 12-digit account the forwarding rules are deployed in"],
      regions: ["list", "the regions to forward from, e.g. ['us-east-1', 'ap-southeast-2']"],
      destination: ["any", "the SecurityEventCollector (or its bus ARN) to forward to"],
      eventPattern: ["object", "the events to forward, e.g. ServiceEventPatterns.securityFindings()"],
    });
    checkPropKeys(this, props, {
      accountId: true,
      regions: true,
      destination: true,
      eventPattern: true,
      providerConfig: true,
      providers: true,
      retryPolicy: true,
      deadLetterQueue: true,
      ruleName: true,
      description: true,
      tags: true,
    });
    checkAccountId(this, "accountId", props.accountId);
    this.accountId = props.accountId;
    this.regions = checkRegionList(this, "regions", props.regions);
    checkName(this, "ruleName", props.ruleName, RULE_NAME);
    checkDescription(this, "description", props.description);
    checkOptionKeys(this, "retryPolicy", props.retryPolicy, RETRY_POLICY_KEYS);
    checkTags(this, "tags", props.tags);
    checkType(this, "deadLetterQueue", props.deadLetterQueue, "boolean");
    this.destination = resolveDestination(this, props.destination);
    checkDestinationAdmits(this, props.destination, { accountId: this.accountId });
    this.checkNotASource();
    addForwarding(
      this,
      this.regions.map((r) => this.defaultBusArn(r)),
      this.destination.staticArn,
    );

    this.providers = this.regionProviders(props);
    const rules: { [region: string]: StaxEventRule } = {};
    for (const region of this.regions) {
      rules[region] = new StaxEventRule(this, region, {
        bus: this.defaultBus(region),
        eventPattern: props.eventPattern,
        ruleName: props.ruleName,
        description: props.description ?? `Forward AWS service events to ${this.destination.staticArn}`,
        tags: props.tags,
      });
    }
    // The role is trusted for exactly these rules. Their ARNs are written out (commercial
    // partition, like the buses') rather than referred to, so the plan shows the trust in full.
    // Past IAM's trust-policy limit (many regions), one pattern names the rules by the start their
    // names share, in any region of the account.
    const roleRegion = this.regions.includes(GLOBAL_SERVICES_REGION) ? GLOBAL_SERVICES_REGION : this.regions[0];
    const ruleArn = (region: string, name: string) => `arn:aws:events:${region}:${this.accountId}:rule/${name}`;
    const names = this.regions.map((region) => rules[region].ruleName);
    const sourceArns = this.regions.map((region, i) => ruleArn(region, names[i]));
    const shared = sharedNamePattern(names);
    const role = new ServiceRole(this, "Role", {
      provider: this.providers[roleRegion],
      sourceAccount: this.accountId,
      // names that share no start leave the list, and ServiceRole says when it is too long
      ...(shared === undefined
        ? { sourceArns }
        : trustedSources({
            service: "events.amazonaws.com",
            sourceAccount: this.accountId,
            sourceArns,
            pattern: ruleArn("*", shared),
            length: estimatedLength,
          })),
      actions: ["events:PutEvents"],
      resources: [this.destination.eventBusArn],
    });
    this.role = role.role;

    const target = new EventBusTarget(this.destination.eventBusArn, {
      role,
      retryPolicy: props.retryPolicy,
      deadLetterQueue: props.deadLetterQueue === false ? false : undefined,
    });
    for (const region of this.regions) rules[region].addTarget(target);
    this.rules = rules;

    if (
      !this.regions.includes(GLOBAL_SERVICES_REGION) &&
      ServiceEventPatterns.selectsGlobalServiceEvents(props.eventPattern)
    ) {
      Annotations.of(this).addWarning(
        `the pattern selects events of global services (IAM, STS, sign-in, Organizations, CloudFront, Route 53), which arrive only in ${GLOBAL_SERVICES_REGION}, and ${GLOBAL_SERVICES_REGION} is not among the regions (${this.regions.join(", ")}). Add '${GLOBAL_SERVICES_REGION}' to regions to forward them.`,
      );
    }
  }

  /** The `default` bus of a source region, as a bus rules can be put on. */
  public defaultBus(region: string): IEventBus {
    return {
      eventBusName: "default",
      eventBusArn: this.defaultBusArn(region),
      accountId: this.accountId,
      provider: this.providers[region],
    };
  }

  private defaultBusArn(region: string): string {
    return eventBusArn(region, this.accountId, "default");
  }

  private checkNotASource(): void {
    const d = this.destination;
    if (d.accountId === this.accountId && d.eventBusName === "default" && this.regions.includes(d.region)) {
      fail(
        this,
        `destination '${d.staticArn}' is the default bus of '${d.region}', which is also a source bus; forwarding it to itself would loop. Forward to a custom bus (e.g. a SecurityEventCollector), or remove '${d.region}' from regions.`,
      );
    }
  }

  private regionProviders(props: ServiceEventForwarderProps): { [region: string]: AwsProvider } {
    checkType(this, "providers", props.providers, "object");
    checkType(this, "providerConfig", props.providerConfig, "object");
    const given = props.providers ?? {};
    for (const [region, provider] of Object.entries(given)) {
      checkRegion(this, "providers key", region);
      if (!this.regions.includes(region)) {
        fail(
          this,
          `providers has an entry for '${region}', which is not in regions (${this.regions.join(", ")}). Add '${region}' to regions or remove the provider.`,
        );
      }
      const configured = provider.region;
      if (configured !== undefined && !isUnresolved(configured) && configured !== region) {
        fail(
          this,
          `providers['${region}'] is configured for region '${configured}'. Pass the provider of '${region}'.`,
        );
      }
    }
    if (props.providerConfig && "region" in props.providerConfig) {
      fail(this, "providerConfig sets region; each provider gets its own region. Remove region from providerConfig.");
    }
    const prefix = localName(this, { maxLength: 40 });
    const providers: { [region: string]: AwsProvider } = {};
    for (const region of this.regions) {
      providers[region] =
        given[region] ??
        new AwsProvider(this, `Provider-${region}`, {
          ...(props.providerConfig ?? {}),
          region,
          alias: `${prefix}-${region}`,
        });
      checkProviderAgrees(this, providers[region], { accountId: props.accountId });
    }
    return providers;
  }
}

/**
 * One name when the rules share it, else the start all their names share followed by `*`;
 * undefined when they share no start (a pattern would then trust every rule of the account).
 */
function sharedNamePattern(names: readonly string[]): string | undefined {
  if (names.every((name) => name === names[0])) return names[0];
  let shared = names[0];
  for (const name of names) while (!name.startsWith(shared)) shared = shared.slice(0, -1);
  return shared === "" ? undefined : `${shared}*`;
}

import { Construct } from "constructs";
import { Annotations, TerraformProvider } from "cdktf";
import { CloudformationStackSet } from "@cdktf/provider-aws/lib/cloudformation-stack-set";
import { CloudformationStackSetInstance } from "@cdktf/provider-aws/lib/cloudformation-stack-set-instance";
import { PatternError, validatePattern } from "../pattern";
import type { EventPattern } from "../pattern/types";
import { RetryPolicy } from "../targets/base";
import { checkRange, fail, isUnresolved } from "../private/errors";
import { physicalName } from "../private/naming";
import {
  checkOneOf,
  checkName,
  checkTags,
  checkType,
  ROLE_NAME,
  RULE_NAME,
  STACK_SET_NAME,
  checkRequired,
  checkOptionKeys,
  RETRY_POLICY_KEYS,
  checkPropKeys,
} from "../private/validation";
import { checkPatternReach } from "../rule/reach";
import { stackSetInstanceRegion } from "../private/provider-compat";
import {
  checkDestinationAdmits,
  ForwardingDestination,
  IForwardingDestination,
  ResolvedDestination,
  resolveDestination,
} from "./destination";
import { checkTemplateBodySize, CloudFormationTemplate, forwardingTemplate } from "./forwarding-template";
import { checkRegion, checkRegionList, GLOBAL_SERVICES_REGION } from "./regions";
import { ServiceEventPatterns } from "./service-event-patterns";
import { stackSetPreferences, type StackSetOperationPreferences } from "./stack-set-preferences";

export type { StackSetOperationPreferences } from "./stack-set-preferences";

/** Properties of an {@link OrganizationForwarding}. */
export interface OrganizationForwardingProps {
  /** The bus events go to: a `SecurityEventCollector` (whose policy must admit the organisation), parts, or an ARN. */
  readonly destination: ForwardingDestination | IForwardingDestination | string;
  /** The events to forward from every account and region, e.g. `ServiceEventPatterns.securityFindings()`. */
  readonly eventPattern: EventPattern;
  /** Organisational units (`ou-…`) or the root (`r-…`) whose accounts, present and future, forward. */
  readonly organizationalUnitIds: readonly string[];
  /** Regions forwarded in every account; include us-east-1 for global services. */
  readonly regions: readonly string[];
  /** Region where each account's one IAM role is created. @default "us-east-1" when listed, else the first region */
  readonly roleRegion?: string;
  /** Name of the role in every account (IAM names are account-wide). @default - built from the stack name and the construct path */
  readonly roleName?: string;
  /** Name of the rule on the `default` bus of every account and region. @default - built from the stack name and the construct path */
  readonly ruleName?: string;
  /** Name of the StackSet. @default - built from the stack name and the construct path */
  readonly stackSetName?: string;
  /** Run as the management account (SELF) or as a delegated StackSets administrator. @default "SELF" */
  readonly callAs?: "SELF" | "DELEGATED_ADMIN";
  /** Deploy to accounts that join the OUs later. @default true */
  readonly autoDeployment?: boolean;
  /** Keep the forwarding stacks of accounts that leave the OUs. @default false */
  readonly retainStacksOnAccountRemoval?: boolean;
  /** Rollout preferences. @default { maxConcurrentPercentage: 25, failureTolerancePercentage: 10, regionConcurrency: "SEQUENTIAL" } */
  readonly operationPreferences?: StackSetOperationPreferences;
  /** Retry policy of every target. @default { maximumEventAgeSeconds: 86400, maximumRetryAttempts: 185 } */
  readonly retryPolicy?: RetryPolicy;
  /** Keep undeliverable events in a dead-letter queue in each account and region. @default true */
  readonly deadLetterQueue?: boolean;
  /** Provider of the management (or delegated administrator) account. @default - the stack's default AWS provider */
  readonly provider?: TerraformProvider;
  /** Tags on the StackSet (CloudFormation passes them to the stacks' resources). @default - no tags */
  readonly tags?: { readonly [key: string]: string };
}

/**
 * A string Terraform takes literally: `${…}` and `%{…}` (CloudFormation's `Fn::Sub` uses `${AWS::Region}`)
 * are escaped as `$${…}` and `%%{…}`, while cdktf tokens (`${TfToken[…]}`) are left to resolve.
 */
function terraformLiteral(text: string): string {
  return text.replace(/\$\{(?!TfToken\[)/g, () => "$${").replace(/%\{/g, () => "%%{");
}

const OU_ID = /^(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32})$/;

/**
 * Forwarding from every account of some organisational units, through a CloudFormation StackSet
 * with service-managed permissions and automatic deployment: the library generates the template
 * (rule on the default bus, target with one role per account, retry policy, dead-letter queue)
 * and Terraform manages one StackSet plus one instance resource per region, however many accounts
 * the OUs hold.
 *
 * @example
 * ```ts
 * new OrganizationForwarding(this, "OrgForwarding", {
 *   destination: collector, // a SecurityEventCollector in the security account
 *   eventPattern: ServiceEventPatterns.securityFindings(),
 *   organizationalUnitIds: ["ou-ab12-34cd56ef"],
 *   regions: AWS_DEFAULT_ENABLED_REGIONS,
 * });
 * ```
 */
export class OrganizationForwarding extends Construct {
  /** The destination, checked. */
  public readonly destination: ResolvedDestination;
  /** The template deployed into every account and region. */
  public readonly template: CloudFormationTemplate;
  /** The StackSet. */
  public readonly stackSet: CloudformationStackSet;
  /** The instance resource of each region (deploying to all accounts of the OUs). */
  public readonly instances: { readonly [region: string]: CloudformationStackSetInstance };

  constructor(scope: Construct, id: string, props: OrganizationForwardingProps) {
    super(scope, id);
    checkRequired(this, props, {
      destination: ["any", "the SecurityEventCollector (or its bus ARN) to forward to"],
      eventPattern: ["object", "the events to forward, e.g. ServiceEventPatterns.securityFindings()"],
      organizationalUnitIds: ["list", "the organisational units (or root) to deploy to, e.g. ['ou-ab12-cd34ef56']"],
      regions: ["list", "the regions to forward from, e.g. ['us-east-1', 'ap-southeast-2']"],
    });
    checkPropKeys(this, props, {
      destination: true,
      eventPattern: true,
      organizationalUnitIds: true,
      regions: true,
      roleRegion: true,
      roleName: true,
      ruleName: true,
      stackSetName: true,
      callAs: true,
      autoDeployment: true,
      retainStacksOnAccountRemoval: true,
      operationPreferences: true,
      retryPolicy: true,
      deadLetterQueue: true,
      provider: true,
      tags: true,
    });
    const regions = checkRegionList(this, "regions", props.regions);
    this.checkProps(props);
    this.destination = resolveDestination(this, props.destination);
    checkDestinationAdmits(this, props.destination, { organization: true });
    const ous = this.checkOus(props.organizationalUnitIds);
    const roleRegion =
      props.roleRegion ?? (regions.includes(GLOBAL_SERVICES_REGION) ? GLOBAL_SERVICES_REGION : regions[0]);
    if (isUnresolved(roleRegion))
      fail(
        this,
        "roleRegion is a token; it must be known at synth time, because it orders the StackSet's instances and picks the region of the role in the template. Pass one of regions as a literal.",
      );
    checkRegion(this, "roleRegion", roleRegion);
    if (!regions.includes(roleRegion))
      fail(this, `roleRegion '${roleRegion}' is not in regions (${regions.join(", ")}). Pick one of them.`);
    if (this.destination.eventBusName === "default" && regions.includes(this.destination.region)) {
      fail(
        this,
        `destination '${this.destination.staticArn}' is a default bus in '${this.destination.region}', a source region: in its own account it would be forwarded to itself. Forward to a custom bus (e.g. a SecurityEventCollector), or remove '${this.destination.region}' from regions.`,
      );
    }
    try {
      validatePattern(props.eventPattern);
    } catch (e) {
      if (e instanceof PatternError) fail(this, e.message);
      throw e;
    }
    checkPatternReach(this, { eventBusName: "default" }, props.eventPattern);
    checkOptionKeys(this, "retryPolicy", props.retryPolicy, RETRY_POLICY_KEYS);
    const maximumEventAgeSeconds = props.retryPolicy?.maximumEventAgeSeconds ?? 86400;
    const maximumRetryAttempts = props.retryPolicy?.maximumRetryAttempts ?? 185;
    checkRange(this, "retryPolicy.maximumEventAgeSeconds", maximumEventAgeSeconds, 60, 86400);
    checkRange(this, "retryPolicy.maximumRetryAttempts", maximumRetryAttempts, 0, 185);
    const preferences = stackSetPreferences(this, props.operationPreferences ?? {});

    this.template = forwardingTemplate({
      destinationArn: this.destination.staticArn,
      eventPattern: props.eventPattern,
      ruleName: props.ruleName ?? physicalName(this, { maxLength: 64, illegal: /[^.\-_A-Za-z0-9]/g }),
      roleName: props.roleName ?? physicalName(this, { maxLength: 64, illegal: /[^A-Za-z0-9+=,.@_-]/g }),
      roleRegion,
      regions,
      maximumEventAgeSeconds,
      maximumRetryAttempts,
      deadLetterQueue: props.deadLetterQueue !== false,
      description: `Forward AWS service events to ${this.destination.staticArn} (generated by stax-events-cdktf)`,
    });

    checkTemplateBodySize(this, this.template);
    const callAs = props.callAs ?? "SELF";
    const regionOrder = [roleRegion, ...regions.filter((r) => r !== roleRegion)];
    const stackSetName = props.stackSetName ?? physicalName(this, { maxLength: 128, illegal: /[^A-Za-z0-9-]/g });
    // The default is built from the stack name, which may start with something CloudFormation refuses.
    if (props.stackSetName === undefined)
      checkName(this, "stackSetName, or give the stack a name that starts with a letter", stackSetName, STACK_SET_NAME);
    this.stackSet = new CloudformationStackSet(this, "StackSet", {
      provider: props.provider,
      name: stackSetName,
      description: "Forwards AWS service events from every account of the organisational units to the security account",
      permissionModel: "SERVICE_MANAGED",
      autoDeployment: {
        enabled: props.autoDeployment ?? true,
        retainStacksOnAccountRemoval: props.retainStacksOnAccountRemoval ?? false,
      },
      managedExecution: { active: true },
      capabilities: ["CAPABILITY_NAMED_IAM"],
      callAs,
      operationPreferences: {
        ...preferences.counts,
        regionConcurrencyType: preferences.regionConcurrencyType,
        regionOrder,
      },
      templateBody: terraformLiteral(JSON.stringify(this.template)),
      tags: props.tags,
      // With service-managed permissions AWS reports an administration role Terraform did not set.
      lifecycle: { ignoreChanges: ["administration_role_arn"] },
    });

    // The role's region goes first so the other regions' targets find the role when they start.
    const instances: { [region: string]: CloudformationStackSetInstance } = {};
    for (const region of regionOrder) {
      instances[region] = new CloudformationStackSetInstance(this, `Instance-${region}`, {
        provider: props.provider,
        stackSetName: this.stackSet.name,
        ...stackSetInstanceRegion(region),
        callAs,
        deploymentTargets: { organizationalUnitIds: [...ous] },
        operationPreferences: { ...preferences.counts, concurrencyMode: preferences.concurrencyMode },
        retainStack: props.retainStacksOnAccountRemoval ?? false,
        dependsOn: region === roleRegion ? undefined : [instances[roleRegion]],
      });
    }
    this.instances = instances;

    if (
      !regions.includes(GLOBAL_SERVICES_REGION) &&
      ServiceEventPatterns.selectsGlobalServiceEvents(props.eventPattern)
    ) {
      Annotations.of(this).addWarning(
        `the pattern selects events of global services (IAM, STS, sign-in, Organizations, CloudFront, Route 53), which arrive only in ${GLOBAL_SERVICES_REGION}, and ${GLOBAL_SERVICES_REGION} is not among the regions (${regions.join(", ")}). Add '${GLOBAL_SERVICES_REGION}' to regions to forward them.`,
      );
    }
  }

  /** Names and values that go into the StackSet and its template: wrong ones fail in every account. */
  private checkProps(props: OrganizationForwardingProps): void {
    checkName(this, "roleName", props.roleName, ROLE_NAME);
    checkName(this, "ruleName", props.ruleName, RULE_NAME);
    checkName(this, "stackSetName", props.stackSetName, STACK_SET_NAME);
    checkTags(this, "tags", props.tags);
    checkOneOf(this, "callAs", props.callAs, ["SELF", "DELEGATED_ADMIN"]);
    for (const flag of ["autoDeployment", "retainStacksOnAccountRemoval", "deadLetterQueue"] as const) {
      checkType(this, flag, props[flag], "boolean");
    }
  }

  private checkOus(ous: readonly string[]): readonly string[] {
    if (ous.length === 0)
      fail(this, "organizationalUnitIds is empty; list at least one OU ('ou-…') or the root ('r-…').");
    for (const ou of ous) {
      if (!isUnresolved(ou) && !OU_ID.test(ou)) {
        fail(
          this,
          `organizationalUnitIds entry '${ou}' is not an organisational unit or root id; expected 'ou-<root>-<suffix>' (e.g. 'ou-ab12-cd34ef56') or 'r-<id>' (e.g. 'r-ab12'). Find them with 'aws organizations list-roots' / 'list-organizational-units-for-parent'.`,
        );
      }
    }
    if (new Set(ous).size !== ous.length)
      fail(this, `organizationalUnitIds lists an OU twice (${ous.join(", ")}); list each once.`);
    return ous;
  }
}

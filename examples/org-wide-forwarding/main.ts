/**
 * Organisation-wide forwarding through a CloudFormation StackSet.
 *
 * For accounts whose default buses Stax does not already centralise (accounts outside Stax's
 * management, or a whole organisation): every account of the chosen organisational units, present
 * and future, forwards its security-relevant AWS service events from each listed region to the
 * aggregation bus of the security account. Terraform manages one StackSet and one instance per
 * region, whatever the number of accounts.
 *
 * The stack runs in the security account, registered as a delegated administrator for
 * StackSets (`aws organizations register-delegated-administrator --service-principal
 * member.org.stacksets.cloudformation.amazonaws.com`). To run it from the management account
 * instead, set `callAs: "SELF"` and give OrganizationForwarding that account's provider.
 */
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { OrganizationForwarding, SecurityEventCollector, ServiceEventPatterns } from "stax-events-cdktf";

/** Settings of the example. */
export interface OrgWideForwardingConfig {
  /** The security account (12 digits), delegated StackSets administrator. */
  readonly securityAccountId: string;
  /** AWS Organizations id: its accounts may put events on the aggregation bus. */
  readonly organizationId: string;
  /** Organisational units (`ou-…`) or the root (`r-…`) whose accounts forward. */
  readonly organizationalUnitIds: readonly string[];
  /** Region of the aggregation bus (and of the StackSet). */
  readonly homeRegion: string;
  /** Regions forwarded in every account (us-east-1 carries the global services). */
  readonly regions: readonly string[];
  /** Name of the Terraform stack. */
  readonly stackName: string;
}

/** Example values: replace them with yours. */
export const EXAMPLE: OrgWideForwardingConfig = {
  securityAccountId: "111122223333",
  organizationId: "o-a1b2c3d4e5",
  organizationalUnitIds: ["ou-ab12-11111111", "ou-ab12-22222222"],
  homeRegion: "ap-southeast-2",
  regions: ["us-east-1", "ap-southeast-2", "eu-west-1"],
  stackName: "stax-org-wide-forwarding",
};

/** The aggregation bus and the StackSet that makes every account of the OUs forward to it. */
export class OrgWideForwardingStack extends TerraformStack {
  /** The aggregation bus, open to the organisation. */
  public readonly collector: SecurityEventCollector;
  /** The StackSet rollout. */
  public readonly forwarding: OrganizationForwarding;

  constructor(scope: Construct, config: OrgWideForwardingConfig) {
    super(scope, config.stackName);
    new AwsProvider(this, "aws", { region: config.homeRegion });

    this.collector = new SecurityEventCollector(this, "Collector", {
      accountId: config.securityAccountId,
      region: config.homeRegion,
      organizationId: config.organizationId,
    });

    this.forwarding = new OrganizationForwarding(this, "OrgForwarding", {
      destination: this.collector,
      eventPattern: ServiceEventPatterns.anyOf(
        ServiceEventPatterns.securityFindings(),
        ServiceEventPatterns.consoleSignInFailures(),
        ServiceEventPatterns.rootUserActivity(),
        ServiceEventPatterns.cloudTrailManagementEvents(["cloudtrail"], {
          eventNames: ["StopLogging", "DeleteTrail", "UpdateTrail"],
        }),
      ),
      organizationalUnitIds: config.organizationalUnitIds,
      regions: config.regions,
      callAs: "DELEGATED_ADMIN",
      operationPreferences: { maxConcurrentPercentage: 50, failureTolerancePercentage: 10 },
    });

    new TerraformOutput(this, "aggregation_bus_arn", { value: this.collector.eventBusArn });
    new TerraformOutput(this, "stack_set_name", { value: this.forwarding.stackSet.name });
  }
}

/** Builds the example into `app`, with any settings overridden. */
export function buildOrgWideForwarding(
  app: App,
  overrides: Partial<OrgWideForwardingConfig> = {},
): OrgWideForwardingStack {
  return new OrgWideForwardingStack(app, { ...EXAMPLE, ...overrides });
}

if (require.main === module) {
  const app = new App();
  buildOrgWideForwarding(app);
  app.synth();
}

/**
 * Cross-region forwarding in the security account.
 *
 * Stax centralises AWS service events on the `default` bus of each region of the security account.
 * This app gathers the security-relevant ones in one place:
 *   default bus of every region → aggregation bus in the home region → an encrypted SQS queue,
 * with the aggregation bus archived for replay and open to the rest of the organisation.
 *
 * Change the values in EXAMPLE (or pass overrides to `buildCrossRegionForwarding`) and run
 * `cdktf deploy` in this folder.
 */
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import {
  AWS_DEFAULT_ENABLED_REGIONS,
  SecureQueue,
  SecurityEventCollector,
  ServiceEventForwarder,
  ServiceEventPatterns,
  SqsTarget,
  StaxEventRule,
} from "stax-events-cdktf";

/** Settings of the example. */
export interface CrossRegionForwardingConfig {
  /** The Stax security account (12 digits). */
  readonly securityAccountId: string;
  /** AWS Organizations id whose accounts may also send to the aggregation bus. */
  readonly organizationId: string;
  /** Region of the aggregation bus. */
  readonly homeRegion: string;
  /** Regions whose default bus is forwarded (us-east-1 carries the global services). */
  readonly regions: readonly string[];
  /** Name of the Terraform stack. */
  readonly stackName: string;
}

/** Example values: replace them with yours. */
export const EXAMPLE: CrossRegionForwardingConfig = {
  securityAccountId: "111122223333",
  organizationId: "o-a1b2c3d4e5",
  homeRegion: "ap-southeast-2",
  regions: AWS_DEFAULT_ENABLED_REGIONS,
  stackName: "stax-cross-region-forwarding",
};

/** The security account's aggregation of AWS service events from every region. */
export class CrossRegionForwardingStack extends TerraformStack {
  /** The aggregation bus in the home region. */
  public readonly collector: SecurityEventCollector;
  /** The rules and targets on each region's default bus. */
  public readonly forwarder: ServiceEventForwarder;
  /** Where the security team's tooling reads the events. */
  public readonly queue: SecureQueue;

  constructor(scope: Construct, config: CrossRegionForwardingConfig) {
    super(scope, config.stackName);
    const home = new AwsProvider(this, "aws", { region: config.homeRegion });

    this.collector = new SecurityEventCollector(this, "Collector", {
      accountId: config.securityAccountId,
      region: config.homeRegion,
      organizationId: config.organizationId,
    });

    this.forwarder = new ServiceEventForwarder(this, "Forwarder", {
      accountId: config.securityAccountId,
      regions: config.regions,
      destination: this.collector,
      eventPattern: ServiceEventPatterns.anyOf(
        ServiceEventPatterns.securityFindings(),
        ServiceEventPatterns.consoleSignInFailures(),
        ServiceEventPatterns.rootUserActivity(),
      ),
      // The home region reuses the stack's provider; the others get one each (alias Forwarder-<region>).
      providers: config.regions.includes(config.homeRegion) ? { [config.homeRegion]: home } : {},
    });

    this.queue = new SecureQueue(this, "SecurityEventsQueue");
    new StaxEventRule(this, "ToQueue", {
      bus: this.collector,
      description: "Every forwarded AWS service event, for the security team's tooling",
      eventPattern: ServiceEventPatterns.allServiceEvents(),
      targets: [new SqsTarget(this.queue)],
    });

    new TerraformOutput(this, "aggregation_bus_arn", { value: this.collector.eventBusArn });
    new TerraformOutput(this, "queue_url", { value: this.queue.queueUrl });
  }
}

/** Builds the example into `app`, with any settings overridden. */
export function buildCrossRegionForwarding(
  app: App,
  overrides: Partial<CrossRegionForwardingConfig> = {},
): CrossRegionForwardingStack {
  return new CrossRegionForwardingStack(app, { ...EXAMPLE, ...overrides });
}

if (require.main === module) {
  const app = new App();
  buildCrossRegionForwarding(app);
  app.synth();
}

/**
 * Stax events from the logging account to the security account.
 *
 * Stax delivers its events to a partner event source in your **logging account**; security teams
 * consume in the **security account**. This app is two stacks, one per account, each with a
 * provider that assumes a deployment role in its account:
 *   - logging account: the partner bus, a rule forwarding every Security event to the collector
 *     bus of the security account, and a rule sending failed logins straight to a queue in the
 *     security account (a cross-account target, through an execution role in the logging account);
 *   - security account: the collector bus (admitting only the logging account), the queue the
 *     logging account delivers to directly, and rules on the collector bus to targets there.
 *
 * Change the values in EXAMPLE (or pass overrides to `buildApp`) and run `cdktf deploy` in this
 * folder: the security stack first (the logging stack reads its queue's ARN from its state).
 */
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import {
  EventBusTarget,
  EventsLogGroup,
  LogGroupTarget,
  SecureQueue,
  SecurityEventCollector,
  SecurityEvents,
  SqsTarget,
  StaxEventBus,
  StaxEventRule,
} from "stax-events-cdktf";

/** Settings of the example. */
export interface LoggingToSecurityConfig {
  /** The Stax logging account, where the partner event source is (12 digits). */
  readonly loggingAccountId: string;
  /** The security account, where the security team consumes (12 digits). */
  readonly securityAccountId: string;
  /** Region of the partner event source, and of everything else. */
  readonly region: string;
  /** Name of the Stax partner event source (`aws.partner/stax.io/<logging account>/<name>`). */
  readonly sourceName: string;
  /** Name of the role Terraform assumes in each account to deploy. */
  readonly deployRoleName: string;
  /** Name of the logging account's stack. */
  readonly loggingStackName: string;
  /** Name of the security account's stack. */
  readonly securityStackName: string;
}

/** Example values: replace them with yours. */
export const EXAMPLE: LoggingToSecurityConfig = {
  loggingAccountId: "111111111111",
  securityAccountId: "222222222222",
  region: "ap-southeast-2",
  sourceName: "security-events",
  deployRoleName: "stax-events-deploy",
  loggingStackName: "stax-logging-account",
  securityStackName: "stax-security-account",
};

/** A provider deploying into `account` through its deployment role, and nowhere else. */
function accountProvider(scope: Construct, config: LoggingToSecurityConfig, account: string): AwsProvider {
  return new AwsProvider(scope, "aws", {
    region: config.region,
    allowedAccountIds: [account],
    assumeRole: [{ roleArn: `arn:aws:iam::${account}:role/${config.deployRoleName}`, sessionName: "stax-events" }],
  });
}

/** The security account: the collector bus, the queue the logging account delivers to, and the routing. */
export class SecurityAccountStack extends TerraformStack {
  /** The bus the logging account forwards Stax events to. */
  public readonly collector: SecurityEventCollector;
  /** The queue the logging account's failed-logins rule delivers to directly. */
  public readonly failedLogins: SecureQueue;
  /** Every Security event arriving on the collector, for the security team's tooling. */
  public readonly securityEvents: SecureQueue;
  /** Identity changes arriving on the collector, kept in CloudWatch Logs. */
  public readonly identityLog: EventsLogGroup;

  constructor(scope: Construct, config: LoggingToSecurityConfig) {
    super(scope, config.securityStackName);
    accountProvider(this, config, config.securityAccountId);
    this.collector = new SecurityEventCollector(this, "Collector", {
      accountId: config.securityAccountId,
      region: config.region,
      eventBusName: `${config.securityStackName}-stax-events`,
      allowedAccountIds: [config.loggingAccountId],
    });
    this.failedLogins = new SecureQueue(this, "FailedLogins");
    this.securityEvents = new SecureQueue(this, "SecurityEvents");
    this.identityLog = new EventsLogGroup(this, "IdentityChangesLog");

    // Forwarded events keep their source: the logging account's partner event source.
    const stax = SecurityEvents.from(StaxEventBus.partnerEventSourceName(config.loggingAccountId, config.sourceName));
    new StaxEventRule(this, "AllSecurityEvents", {
      bus: this.collector,
      description: "Every Stax Security event forwarded from the logging account",
      eventPattern: stax.allSecurityEvents(),
      targets: [new SqsTarget(this.securityEvents)],
    });
    new StaxEventRule(this, "IdentityChanges", {
      bus: this.collector,
      description: "Stax identity changes, kept in CloudWatch Logs",
      eventPattern: stax.identityChanges(),
      targets: [new LogGroupTarget(this.identityLog)],
    });

    new TerraformOutput(this, "collector_bus_arn", { value: this.collector.eventBusArn });
    new TerraformOutput(this, "failed_logins_queue_url", { value: this.failedLogins.queueUrl });
    new TerraformOutput(this, "security_events_queue_url", { value: this.securityEvents.queueUrl });
  }
}

/** The logging account: the partner bus and the rules that send Stax events to the security account. */
export class LoggingAccountStack extends TerraformStack {
  /** The bus of the Stax partner event source. */
  public readonly bus: StaxEventBus;

  constructor(scope: Construct, config: LoggingToSecurityConfig, security: SecurityAccountStack) {
    super(scope, config.loggingStackName);
    accountProvider(this, config, config.loggingAccountId);
    this.bus = new StaxEventBus(this, "StaxBus", { accountId: config.loggingAccountId, sourceName: config.sourceName });

    new StaxEventRule(this, "ForwardToSecurityAccount", {
      bus: this.bus,
      description: "Every Stax Security event, to the security account's collector bus",
      eventPattern: this.bus.securityEvents.allSecurityEvents(),
      // The ARN spelled out: the collector's policy admits this account; a role here may put events on it.
      targets: [new EventBusTarget(security.collector.staticEventBusArn)],
    });
    new StaxEventRule(this, "FailedLoginsToSecurityQueue", {
      bus: this.bus,
      description: "Failed logins, straight to a queue in the security account",
      eventPattern: this.bus.securityEvents.failedLogins(),
      targets: [new SqsTarget(security.failedLogins)],
    });
  }
}

/** Builds both stacks into `app`, with any settings overridden. */
export function buildApp(
  app: App,
  overrides: Partial<LoggingToSecurityConfig> = {},
): { logging: LoggingAccountStack; security: SecurityAccountStack } {
  const config = { ...EXAMPLE, ...overrides };
  const security = new SecurityAccountStack(app, config);
  const logging = new LoggingAccountStack(app, config, security);
  return { logging, security };
}

if (require.main === module) {
  const app = new App();
  buildApp(app);
  app.synth();
}

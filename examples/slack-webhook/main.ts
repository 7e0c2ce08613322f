/**
 * Example: post the Stax Security events a security team acts on to Slack, and keep every
 * Security event in CloudWatch Logs.
 *
 * - the Stax partner event bus (created for a new partner event source);
 * - `WebhookTarget.slack`: an EventBridge connection and API destination for a Slack incoming
 *   webhook (rate-limited to 1 call per second); the webhook URL is a sensitive Terraform
 *   variable, `slack_alerts_endpoint`, never written into the configuration;
 * - five rules to Slack: failed logins, identity changes (users and groups), API-token
 *   lifecycle, failed AWS account operations (AccountManagement events), and Stax event types the
 *   library's catalogue does not list yet (so you learn when Stax publishes one); each message
 *   says what happened, with which outcome, who did it (when a user did), in which organisation, when;
 * - a rule sending all 20 Security event types to a log group (365 days) through the library's
 *   single shared CloudWatch Logs resource policy.
 *
 * Set the webhook URL before `cdktf deploy`: `export TF_VAR_slack_alerts_endpoint=https://hooks.slack.com/services/…`.
 */
import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { EventsLogGroup, LogGroupTarget, StaxEventBus, StaxEventRule, WebhookTarget } from "stax-events-cdktf";

/** What to change: your Stax logging account, the partner event source name, the region. */
export const CONFIG = {
  accountId: "123456789012",
  sourceName: "security-events",
  region: "ap-southeast-2",
};

/** The stack of the example. */
export class SlackWebhookStack extends TerraformStack {
  /** The Slack webhook target. */
  public readonly slack: WebhookTarget;
  /** The log group every Security event is written to. */
  public readonly auditLog: EventsLogGroup;

  constructor(scope: Construct, id: string, config = CONFIG) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: config.region });
    const bus = new StaxEventBus(this, "StaxBus", { accountId: config.accountId, sourceName: config.sourceName });

    this.slack = WebhookTarget.slack(this, "SlackAlerts");
    const toSlack = {
      FailedLogins: bus.securityEvents.failedLogins(),
      IdentityChanges: bus.securityEvents.identityChanges(),
      ApiTokenLifecycle: bus.securityEvents.apiTokenLifecycle(),
      FailedAccountOperations: bus.accountEvents.failedAccountOperations(),
      NewStaxEventTypes: bus.staxEvents.uncatalogued(),
    };
    for (const [id, eventPattern] of Object.entries(toSlack)) {
      new StaxEventRule(this, id, { bus, eventPattern, targets: [this.slack] });
    }

    this.auditLog = new EventsLogGroup(this, "SecurityEventLog");
    new StaxEventRule(this, "AllSecurityEvents", {
      bus,
      description: "Every Stax Security event, to CloudWatch Logs",
      eventPattern: bus.securityEvents.allSecurityEvents(),
      targets: [new LogGroupTarget(this.auditLog)],
    });
  }
}

/** Builds the example's stacks into `app`. */
export function buildApp(app: App): TerraformStack[] {
  return [new SlackWebhookStack(app, "stax-slack-webhook")];
}

if (require.main === module) {
  const app = new App();
  buildApp(app);
  app.synth();
}

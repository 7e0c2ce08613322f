/**
 * The default app: a complete Stax Security events consumer on example values.
 *
 * - a custom event bus for a new Stax partner event source, archived for replay;
 * - one rule per Stax Security event type (20), all delivering to one encrypted SQS queue;
 * - a failed-logins rule delivering to a second queue;
 * - a shared dead-letter queue for events EventBridge cannot deliver;
 * - an EventBridge schema registry with the JSON Schema of every catalogued event type;
 * - CloudWatch alarms on every rule and dead-letter queue, notifying an encrypted SNS topic.
 *
 * Configuration (environment variable, else the `context` of cdktf.json, else the example value;
 * run directly, as `npm run synth` does, the app reads cdktf.json itself and prints where it wrote
 * each stack and every warning, as the cdktf CLI would):
 * | setting | env | context key | default |
 * | --- | --- | --- | --- |
 * | Stax logging account id | `STAX_ACCOUNT_ID` | `staxAccountId` | `123456789012` |
 * | partner event source name | `STAX_SOURCE_NAME` | `staxSourceName` | `security-events` |
 * | AWS region | `STAX_REGION` | `staxRegion` | `ap-southeast-2` |
 * | stack name | `STAX_STACK_NAME` | `staxStackName` | `stax-security-events` |
 */
import * as path from "path";
import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SECURITY_EVENT_NAMES } from "./modules/events";
import { SecureQueue, SqsTarget, StaxDeliveryAlarms, StaxEventBus, StaxEventRule, StaxSchemaRegistry } from "./modules";
import { cdktfJsonContext, synthReport } from "./scripts/synth-report";

/** Settings of the default app. */
export interface DefaultAppConfig {
  /** 12-digit id of the AWS account Stax created the partner event source in. */
  readonly accountId: string;
  /** Name of the partner event source in Stax. */
  readonly sourceName: string;
  /** AWS region of the bus. */
  readonly region: string;
  /** Name of the Terraform stack. */
  readonly stackName: string;
}

const DEFAULTS: DefaultAppConfig = {
  accountId: "123456789012",
  sourceName: "security-events",
  region: "ap-southeast-2",
  stackName: "stax-security-events",
};

const SETTINGS: { readonly [K in keyof DefaultAppConfig]: { env: string; context: string } } = {
  accountId: { env: "STAX_ACCOUNT_ID", context: "staxAccountId" },
  sourceName: { env: "STAX_SOURCE_NAME", context: "staxSourceName" },
  region: { env: "STAX_REGION", context: "staxRegion" },
  stackName: { env: "STAX_STACK_NAME", context: "staxStackName" },
};

/** Reads the configuration: environment first, then the app's context, then the example values. */
export function readConfig(app: Construct, env: NodeJS.ProcessEnv = process.env): DefaultAppConfig {
  const value = (key: keyof DefaultAppConfig): string => {
    const { env: name, context } = SETTINGS[key];
    const raw = env[name] ?? app.node.tryGetContext(context) ?? DEFAULTS[key];
    if (typeof raw !== "string" || raw.trim() === "") {
      throw new Error(
        `default app: setting ${name} / context '${context}' is '${String(raw)}'; it must be a non-empty string.`,
      );
    }
    return raw.trim();
  };
  const config = {
    accountId: value("accountId"),
    sourceName: value("sourceName"),
    region: value("region"),
    stackName: value("stackName"),
  };
  if (!/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(config.region)) {
    throw new Error(
      `default app: region '${config.region}' is not an AWS region name; set STAX_REGION (or context 'staxRegion') to e.g. 'ap-southeast-2'.`,
    );
  }
  return config;
}

/** Optional parts of the default stack. */
export interface DefaultStackOptions {
  /** Publish the catalogue's JSON Schemas into an EventBridge schema registry. @default true */
  readonly schemaRegistry?: boolean;
  /** Alarm when events are not delivered (every rule and dead-letter queue of the stack). @default true */
  readonly deliveryAlarms?: boolean;
}

/** The default stack: a Stax partner bus, one rule per Security event type, two hardened queues. */
export class StaxSecurityEventsStack extends TerraformStack {
  /** The partner event bus. */
  public readonly bus: StaxEventBus;
  /** Queue receiving every Security event. */
  public readonly securityEvents: SecureQueue;
  /** Queue receiving failed logins only. */
  public readonly failedLogins: SecureQueue;
  /** Schema registry of the catalogue, unless turned off. */
  public readonly schemaRegistry?: StaxSchemaRegistry;
  /** Delivery alarms, unless turned off. */
  public readonly deliveryAlarms?: StaxDeliveryAlarms;

  constructor(scope: Construct, config: DefaultAppConfig, options: DefaultStackOptions = {}) {
    super(scope, config.stackName);
    new AwsProvider(this, "aws", { region: config.region });
    this.bus = new StaxEventBus(this, "StaxBus", { accountId: config.accountId, sourceName: config.sourceName });

    this.securityEvents = new SecureQueue(this, "SecurityEventsQueue");
    const toSecurityQueue = new SqsTarget(this.securityEvents);
    const rules = new Construct(this, "SecurityEventRules");
    for (const name of SECURITY_EVENT_NAMES) {
      new StaxEventRule(rules, name, {
        bus: this.bus,
        description: `Stax Security: ${name}`,
        eventPattern: this.bus.securityEvents.ofType(name),
        targets: [toSecurityQueue],
      });
    }

    this.failedLogins = new SecureQueue(this, "FailedLoginsQueue");
    new StaxEventRule(this, "FailedLogins", {
      bus: this.bus,
      description: "Failed Stax logins (users and API tokens)",
      eventPattern: this.bus.securityEvents.failedLogins(),
      targets: [new SqsTarget(this.failedLogins)],
    });

    if (options.schemaRegistry !== false) {
      this.schemaRegistry = new StaxSchemaRegistry(this, "StaxSchemas");
    }
    // Last, so that it watches everything above.
    if (options.deliveryAlarms !== false) {
      this.deliveryAlarms = new StaxDeliveryAlarms(this, "DeliveryAlarms", { accountId: config.accountId });
      this.deliveryAlarms.watchStack();
    }
  }
}

/** Builds the default app into `app`. */
export function buildDefaultApp(app: App, env: NodeJS.ProcessEnv = process.env): StaxSecurityEventsStack {
  return new StaxSecurityEventsStack(app, readConfig(app, env));
}

/**
 * Synthesizes the default app as `npm run synth` does, with the context of `cdktfJson`, and
 * returns what to print: where each stack was written and every warning.
 */
export function synthDefaultApp(
  cdktfJson = path.join(__dirname, "cdktf.json"),
  env: NodeJS.ProcessEnv = process.env,
  outdir?: string,
): string[] {
  const app = new App({ context: cdktfJsonContext(cdktfJson), outdir });
  buildDefaultApp(app, env);
  app.synth();
  return synthReport(app);
}

if (require.main === module) {
  // eslint-disable-next-line no-console -- the app's report, as the cdktf CLI prints it
  for (const line of synthDefaultApp()) console.log(line);
}

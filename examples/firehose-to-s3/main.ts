/**
 * Example: archive every Stax Security event in S3 through Firehose.
 *
 * - the Stax partner event bus (created for a new partner event source);
 * - `FirehoseToS3`: a delivery stream writing GZIP-compressed, newline-delimited events to an S3
 *   bucket under `stax-events/year=…/month=…/day=…/` (failed records under `errors/`), the bucket
 *   private, TLS-only, encrypted, versioned, with lifecycle rules, and delivery errors logged to
 *   CloudWatch Logs (kept 365 days);
 * - a rule selecting all 20 Security event types, targeting the stream through `FirehoseTarget`
 *   (a role allowed only firehose:PutRecord/PutRecordBatch on this stream, retries and a DLQ).
 */
import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { FirehoseTarget, FirehoseToS3, StaxEventBus, StaxEventRule } from "stax-events-cdktf";

/** What to change: your Stax logging account, the partner event source name, the region, the bucket. */
export const CONFIG = {
  accountId: "123456789012",
  sourceName: "security-events",
  region: "ap-southeast-2",
  /** A KMS key ARN to encrypt the objects with SSE-KMS; undefined keeps SSE-S3 (AES256). */
  kmsKeyArn: undefined as string | undefined,
};

/** The stack of the example. */
export class FirehoseToS3Stack extends TerraformStack {
  /** The stream and its bucket. */
  public readonly archive: FirehoseToS3;

  constructor(scope: Construct, id: string, config = CONFIG) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: config.region });
    const bus = new StaxEventBus(this, "StaxBus", { accountId: config.accountId, sourceName: config.sourceName });
    this.archive = new FirehoseToS3(this, "SecurityEventArchive", {
      accountId: config.accountId,
      kmsKeyArn: config.kmsKeyArn,
    });
    new StaxEventRule(this, "AllSecurityEvents", {
      bus,
      description: "Every Stax Security event, archived in S3",
      eventPattern: bus.securityEvents.allSecurityEvents(),
      targets: [new FirehoseTarget(this.archive)],
    });
  }
}

/** Builds the example's stacks into `app`. */
export function buildApp(app: App): TerraformStack[] {
  return [new FirehoseToS3Stack(app, "stax-firehose-to-s3")];
}

if (require.main === module) {
  const app = new App();
  buildApp(app);
  app.synth();
}

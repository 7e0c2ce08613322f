/**
 * Example: the Stax audit log, queryable in Athena.
 *
 * - the Stax partner event bus (created for a new partner event source);
 * - `StaxAuditLog`: rules with input transformers turn every Stax Security and AccountManagement
 *   event into one normalised audit record (no Lambda), Firehose writes them as newline-delimited
 *   JSON to an encrypted bucket under `audit/year=…/month=…/day=…/`;
 * - a Glue table over the records (partition projection, no crawler), an Athena workgroup with
 *   encrypted results and enforced configuration, and named queries.
 */
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { StaxAuditLog, StaxEventBus } from "stax-events-cdktf";

/** What to change: your Stax logging account, the partner event source name, the region, the key. */
export const CONFIG = {
  accountId: "123456789012",
  sourceName: "audit-events",
  region: "ap-southeast-2",
  /** A KMS key ARN for the records and query results (SSE-KMS); undefined keeps SSE-S3. */
  kmsKeyArn: undefined as string | undefined,
};

/** The stack of the example. */
export class AuditLogStack extends TerraformStack {
  /** The audit log. */
  public readonly audit: StaxAuditLog;

  constructor(scope: Construct, id: string, config = CONFIG) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: config.region });
    const bus = new StaxEventBus(this, "StaxBus", { accountId: config.accountId, sourceName: config.sourceName });
    this.audit = new StaxAuditLog(this, "AuditLog", {
      bus,
      accountId: config.accountId,
      kmsKeyArn: config.kmsKeyArn,
    });
    new TerraformOutput(this, "audit_bucket", { value: this.audit.delivery.bucket.bucket });
    new TerraformOutput(this, "athena_workgroup", { value: this.audit.athena?.workgroup.name });
    new TerraformOutput(this, "athena_table", {
      value: `${this.audit.athena?.databaseName}.${this.audit.athena?.tableName}`,
    });
  }
}

/** Builds the example's stacks into `app`. */
export function buildApp(app: App): TerraformStack[] {
  return [new AuditLogStack(app, "stax-audit-log")];
}

if (require.main === module) {
  const app = new App();
  buildApp(app);
  app.synth();
}

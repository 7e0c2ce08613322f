import { Construct } from "constructs";
import { checkProviderAgrees } from "../private/provider";
import { checkRequired, checkName, BUCKET_NAME, checkPropKeys } from "../private/validation";
import { TerraformProvider } from "cdktf";
import { AthenaNamedQuery } from "@cdktf/provider-aws/lib/athena-named-query";
import { AthenaWorkgroup } from "@cdktf/provider-aws/lib/athena-workgroup";
import { GlueCatalogDatabase } from "@cdktf/provider-aws/lib/glue-catalog-database";
import { GlueCatalogTable } from "@cdktf/provider-aws/lib/glue-catalog-table";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { checkAccountId, checkRange } from "../private/errors";
import { physicalName } from "../private/naming";
import { deliveryBucket } from "../targets/firehose-bucket";
import { auditNamedQueries } from "./queries";

/** The columns of the audit table: the eleven record fields, in record order. */
export const AUDIT_TABLE_COLUMNS: readonly { readonly name: string; readonly comment: string }[] = [
  { name: "id", comment: "Stax event id" },
  { name: "user_email", comment: "email of the acting Stax user" },
  { name: "user_id", comment: "id of the acting Stax user" },
  { name: "organization_id", comment: "Stax organisation id" },
  { name: "crud", comment: "create, read, update or delete" },
  { name: "result", comment: "pass or fail" },
  { name: "action", comment: "kebab-case action, e.g. user-login" },
  { name: "source", comment: "Web or API" },
  { name: "description", comment: "Stax message or event summary" },
  { name: "event_time", comment: "ISO 8601 time of the event" },
  { name: "context", comment: "JSON object with the other fields" },
];

/** Properties of an {@link AuditLogAthena}. */
export interface AuditLogAthenaProps {
  /** 12-digit id of the account; the workgroup expects its results bucket to be owned by it. */
  readonly accountId: string;
  /** Name of the bucket the audit records are in. */
  readonly recordsBucketName: string;
  /** Key prefix of the records in that bucket, ending in '/' (the date partition follows it). */
  readonly recordsPrefix: string;
  /** Name of the Glue database (lowercase letters, digits, '_'). @default - derived from the construct path */
  readonly databaseName?: string;
  /** Name of the Glue table. @default "stax_audit_log" */
  readonly tableName?: string;
  /** Name of the Athena workgroup. @default - derived from the construct path */
  readonly workgroupName?: string;
  /** Customer-managed KMS key for query results (SSE-KMS). @default - SSE-S3 */
  readonly kmsKeyArn?: string;
  /** Days S3 keeps query results. @default 30 */
  readonly resultsRetentionDays?: number;
  /** Most bytes one query may scan before Athena cancels it. @default 10 GiB */
  readonly bytesScannedCutoffPerQuery?: number;
  /** Let `terraform destroy` delete the results bucket and workgroup while they hold results. @default false */
  readonly forceDestroy?: boolean;
  /** Provider (account and region) of the resources. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** Tags on the bucket, database and workgroup. @default - no tags */
  readonly tags?: { readonly [key: string]: string };
}

/**
 * Makes the audit records queryable: a Glue database and table over the records (JSON SerDe,
 * one column per record field, partition projection on the date so no crawler is needed), an
 * Athena workgroup whose configuration is enforced, with encrypted results in a bucket of its own
 * (public access blocked, TLS only, versioned, results expire), and named queries.
 *
 * @example
 * ```ts
 * // StaxAuditLog creates one; on its own, over records already in a bucket:
 * new AuditLogAthena(this, "Athena", {
 *   accountId: "123456789012",
 *   recordsBucketName: "my-audit-records",
 *   recordsPrefix: "stax/",
 * });
 * ```
 */
export class AuditLogAthena extends Construct {
  /** Name of the Glue database. */
  public readonly databaseName: string;
  /** Name of the Glue table. */
  public readonly tableName: string;
  /** The table. */
  public readonly table: GlueCatalogTable;
  /** The workgroup. */
  public readonly workgroup: AthenaWorkgroup;
  /** The bucket query results go to. */
  public readonly resultsBucket: S3Bucket;

  constructor(scope: Construct, id: string, props: AuditLogAthenaProps) {
    super(scope, id);
    checkRequired(this, props, {
      accountId: ["string", "the 12-digit account of the workgroup"],
      recordsBucketName: ["string", "the bucket the audit records are in"],
      recordsPrefix: ["string", "the key prefix of the audit records, e.g. 'audit/'"],
    });
    checkPropKeys(this, props, {
      accountId: true,
      recordsBucketName: true,
      recordsPrefix: true,
      databaseName: true,
      tableName: true,
      workgroupName: true,
      kmsKeyArn: true,
      resultsRetentionDays: true,
      bytesScannedCutoffPerQuery: true,
      forceDestroy: true,
      provider: true,
      tags: true,
    });
    checkAccountId(this, "accountId", props.accountId);
    checkProviderAgrees(this, props.provider, props);
    checkName(this, "recordsBucketName", props.recordsBucketName, BUCKET_NAME);
    checkRange(this, "resultsRetentionDays", props.resultsRetentionDays, 1, 3650);
    const { provider, tags } = props;
    this.databaseName =
      props.databaseName ??
      physicalName(this, { maxLength: 64, illegal: /[^A-Za-z0-9]/g })
        .toLowerCase()
        .replace(/-/g, "_");
    this.tableName = props.tableName ?? "stax_audit_log";

    const database = new GlueCatalogDatabase(this, "Database", {
      provider,
      name: this.databaseName,
      description: "Stax audit log",
      tags,
    });
    const location = `s3://${props.recordsBucketName}/${props.recordsPrefix}`;
    this.table = new GlueCatalogTable(this, "Table", {
      provider,
      databaseName: database.name,
      name: this.tableName,
      description: "One row per Stax Security or AccountManagement event (newline-delimited JSON, GZIP).",
      tableType: "EXTERNAL_TABLE",
      parameters: {
        classification: "json",
        compressionType: "gzip",
        "projection.enabled": "true",
        "projection.year.type": "integer",
        "projection.year.range": "2020,2099",
        "projection.month.type": "integer",
        "projection.month.range": "1,12",
        "projection.month.digits": "2",
        "projection.day.type": "integer",
        "projection.day.range": "1,31",
        "projection.day.digits": "2",
        // "$${" is Terraform's escape for a literal "${": Athena fills these in, not Terraform.
        "storage.location.template": `${location}year=$\${year}/month=$\${month}/day=$\${day}/`,
      },
      partitionKeys: ["year", "month", "day"].map((name) => ({ name, type: "string" })),
      storageDescriptor: {
        location,
        inputFormat: "org.apache.hadoop.mapred.TextInputFormat",
        outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
        serDeInfo: {
          name: "audit-record-json",
          serializationLibrary: "org.openx.data.jsonserde.JsonSerDe",
          parameters: { "case.insensitive": "false" },
        },
        columns: AUDIT_TABLE_COLUMNS.map((c) => ({ name: c.name, type: "string", comment: c.comment })),
      },
    });

    // A bucket of the results' own, with the secure defaults of a Firehose bucket; results expire.
    const retention = props.resultsRetentionDays ?? 30;
    this.resultsBucket = deliveryBucket(new Construct(this, "Results"), {
      kmsKeyArn: props.kmsKeyArn,
      forceDestroy: props.forceDestroy ?? false,
      lifecycle: {
        expirationDays: retention,
        noncurrentVersionExpirationDays: 1,
        abortIncompleteMultipartUploadDays: 1,
      },
      provider,
      tags,
    });
    const results = `s3://${this.resultsBucket.bucket}/results/`;
    this.workgroup = new AthenaWorkgroup(this, "Workgroup", {
      provider,
      name: props.workgroupName ?? physicalName(this, { maxLength: 128, illegal: /[^A-Za-z0-9._-]/g }),
      description: "Queries over the Stax audit log",
      state: "ENABLED",
      forceDestroy: props.forceDestroy ?? false,
      configuration: {
        enforceWorkgroupConfiguration: true,
        publishCloudwatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: props.bytesScannedCutoffPerQuery ?? 10 * 1024 ** 3,
        engineVersion: { selectedEngineVersion: "Athena engine version 3" },
        resultConfiguration: {
          outputLocation: results,
          expectedBucketOwner: props.accountId,
          aclConfiguration: { s3AclOption: "BUCKET_OWNER_FULL_CONTROL" },
          encryptionConfiguration: props.kmsKeyArn
            ? { encryptionOption: "SSE_KMS", kmsKeyArn: props.kmsKeyArn }
            : { encryptionOption: "SSE_S3" },
        },
      },
      tags,
    });

    for (const query of auditNamedQueries(this.databaseName, this.tableName)) {
      new AthenaNamedQuery(this, query.key, {
        provider,
        name: query.name,
        description: query.description,
        database: database.name,
        workgroup: this.workgroup.name,
        query: query.sql,
      });
    }
  }
}

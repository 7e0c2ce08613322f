/**
 * The Athena named queries of the audit log, as SQL over the audit table. Plain TypeScript.
 * The table has the eleven record fields as columns (`context` as JSON text) and the partition
 * columns `year`, `month`, `day` (the UTC day Firehose received the record, zero-padded).
 */

/** One named query: its name, what it answers and its SQL. */
export interface AuditNamedQuery {
  /** Stable key, used in resource ids. */
  readonly key: string;
  /** Name shown in Athena. */
  readonly name: string;
  /** What the query answers. */
  readonly description: string;
  /** The SQL (Athena engine version 3). */
  readonly sql: string;
}

/** Partition filter: records received from `days` days ago until today (UTC). */
const since = (days: number): string =>
  `concat(year, '-', month, '-', day) >= date_format(current_date - INTERVAL '${days}' DAY, '%Y-%m-%d')`;

/** The named queries over `"<database>"."<table>"`. */
export function auditNamedQueries(database: string, table: string): AuditNamedQuery[] {
  const from = `FROM "${database}"."${table}"`;
  return [
    {
      key: "FailedLoginsByUser",
      name: "Failed logins by user, last day",
      description: "Failed user and API-token logins in the last 24 hours, per user, most failures first.",
      sql: [
        "SELECT coalesce(user_email, json_extract_scalar(context, '$.email'), json_extract_scalar(context, '$.name')) AS login,",
        "  coalesce(user_id, json_extract_scalar(context, '$.userID')) AS user_id,",
        "  count(*) AS failed_logins, min(event_time) AS first_failure, max(event_time) AS last_failure",
        from,
        "WHERE action IN ('user-login', 'api-token-login') AND result = 'fail'",
        `  AND ${since(1)}`,
        "  AND from_iso8601_timestamp(event_time) > current_timestamp - INTERVAL '1' DAY",
        "GROUP BY 1, 2",
        "ORDER BY failed_logins DESC",
      ].join("\n"),
    },
    {
      key: "ApiTokenLifecycle",
      name: "API-token lifecycle",
      description: "Every API-token creation, change, deletion and login, per token, in time order.",
      sql: [
        "SELECT coalesce(json_extract_scalar(context, '$.apiTokenId'), json_extract_scalar(context, '$.userID')) AS api_token_id,",
        "  coalesce(json_extract_scalar(context, '$.apiTokenName'), json_extract_scalar(context, '$.name')) AS api_token_name,",
        "  event_time, action, result, user_email, organization_id, description",
        from,
        "WHERE action IN ('api-token-create', 'api-token-update', 'api-token-delete', 'api-token-login')",
        "ORDER BY api_token_id, event_time",
      ].join("\n"),
    },
    {
      key: "PolicyChangesByOrganization",
      name: "Policy changes per organisation",
      description: "Policy creations, changes, deletions, attachments and detachments, per organisation and action.",
      sql: [
        "SELECT organization_id, action, count(*) AS changes, count_if(result = 'fail') AS failed,",
        "  min(event_time) AS first_change, max(event_time) AS last_change",
        from,
        "WHERE action LIKE 'policy-%'",
        "GROUP BY organization_id, action",
        "ORDER BY organization_id, action",
      ].join("\n"),
    },
    {
      key: "EverythingOneUserDid",
      name: "Everything one user did",
      description: "Every record whose acting user has the email or id given as the query parameter, newest first.",
      sql: [
        "SELECT event_time, action, crud, result, source, organization_id, description, context",
        from,
        "WHERE ? IN (user_email, user_id)",
        "ORDER BY event_time DESC",
      ].join("\n"),
    },
  ];
}

/**
 * The library's security invariants, each a function from a stack's {@link SecurityModel} to the
 * problems it finds (empty when the stack keeps the invariant). Documented exceptions:
 * - A Deny may use a service wildcard (`sqs:*`) when it is the TLS-only deny: a Deny only restricts.
 * - A KMS key policy's `Resource: "*"` means "this key"; a trust policy has no resource.
 * - A KMS key policy may give the account's root `kms:*` (AWS's default key policy: it lets IAM
 *   policies grant use of the key, and keeps the key manageable), and a service principal
 *   `kms:GenerateDataKey*`, as AWS documents for services publishing to an encrypted topic.
 * - A handful of actions support no resource but `*` (listed in {@link STAR_ONLY_ACTIONS}).
 * - A target may go without a dead-letter queue only when its stack says why (see {@link Exceptions}).
 */
import { SecurityModel, Statement } from "./model";

/** Targets a stack deliberately leaves without a dead-letter queue, by address, each with the reason. */
export type Exceptions = { readonly [targetAddress: string]: string };

/** One invariant: a name for the test and the check. */
export interface Invariant {
  /** What the invariant says, as a test name. */
  readonly name: string;
  /** The problems found (empty when the invariant holds). */
  check(model: SecurityModel, exceptions: Exceptions): string[];
}

/**
 * Shortest log retention accepted: a year, what the CloudWatch.16 control asks for by default. The
 * library's own log groups and every example keep at least that (and never forever, which costs
 * without end).
 */
export const MIN_RETENTION_DAYS = 365;

/** Actions IAM only allows on `*` (no resource-level permissions). */
export const STAR_ONLY_ACTIONS = new Set([
  "logs:CreateLogDelivery",
  "logs:DeleteLogDelivery",
  "logs:DescribeLogGroups",
  "logs:DescribeResourcePolicies",
  "logs:GetLogDelivery",
  "logs:ListLogDeliveries",
  "logs:PutResourcePolicy",
  "logs:UpdateLogDelivery",
  "xray:PutTelemetryRecords",
  "xray:PutTraceSegments",
]);

const list = (value: unknown): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)];

/** The condition keys of a statement, lower-cased (IAM keys are case-insensitive), whatever the operator. */
function conditionKeys(statement: any): Set<string> {
  return new Set(
    Object.values<any>(statement.Condition ?? {}).flatMap((keys) =>
      Object.keys(keys ?? {}).map((k) => k.toLowerCase()),
    ),
  );
}

function isTlsDeny(s: any): boolean {
  const bool = s.Condition?.Bool ?? {};
  return (
    s.Effect === "Deny" &&
    s.Principal === "*" &&
    Object.entries(bool).some(([k, v]) => k.toLowerCase() === "aws:securetransport" && String(v) === "false")
  );
}

/** The two wildcards a key policy may use (see the file comment). */
function keyPolicyWildcard(s: any, action: string): boolean {
  const root = list(s.Principal?.AWS).every((p) => /^arn:[^:]+:iam::(\d{12}|\$\{[^}]+\}):root$/.test(p));
  if (action === "kms:*") return s.Principal?.AWS !== undefined && root;
  return action === "kms:GenerateDataKey*" && list(s.Principal?.Service).length > 0;
}

const allows = (m: SecurityModel) => m.statements.filter((s) => s.statement.Effect !== "Deny");
const services = (s: Statement) => list(s.statement.Principal?.Service);
const isPublic = (s: Statement) => s.statement.Principal === "*" || list(s.statement.Principal?.AWS).includes("*");

/** Every invariant the library keeps, on every stack. */
export const INVARIANTS: readonly Invariant[] = [
  {
    name: "writes every policy in a form the checks can read",
    check: (m) => m.unreadable.map((u) => `${u}: unreadable policy`),
  },
  {
    name: "allows no wildcard action, and denies with a wildcard only to require TLS",
    check: (m) =>
      m.statements.flatMap(({ where, kind, statement: s }) => {
        if (s.NotAction || s.NotResource || s.NotPrincipal) return [`${where}: NotAction/NotResource/NotPrincipal`];
        const wild = list(s.Action).filter((a) => a.includes("*") && !(kind === "key" && keyPolicyWildcard(s, a)));
        if (s.Effect === "Deny") return wild.length > 0 && !isTlsDeny(s) ? [`${where}: wildcard Deny '${wild}'`] : [];
        return wild.map((a) => `${where}: wildcard action '${a}'`);
      }),
  },
  {
    name: "names the resource of every permission (no '*' resource where one can be named)",
    check: (m) =>
      allows(m)
        .filter((s) => s.kind !== "key" && s.kind !== "trust" && list(s.statement.Resource).includes("*"))
        .filter((s) => !list(s.statement.Action).every((a) => STAR_ONLY_ACTIONS.has(a)))
        .map((s) => `${s.where}: '*' resource for ${list(s.statement.Action).join(", ")}`),
  },
  {
    name: "attaches no AWS-managed policy to a role",
    check: (m) => m.managedPolicies.map((p) => `${p}: AWS-managed policy (not least privilege)`),
  },
  {
    name: "encrypts every queue, topic, bucket and delivery stream at rest",
    check: (m) => m.stores.filter((s) => !s.encrypted).map((s) => `${s.where}: ${s.kind} not encrypted at rest`),
  },
  {
    name: "blocks public access to every bucket, turns its ACLs off and gives it lifecycle rules",
    check: (m) =>
      m.buckets.flatMap((b) => [
        ...(b.publicAccessBlocked ? [] : [`${b.where}: not all four Block Public Access settings on`]),
        ...(b.aclsDisabled ? [] : [`${b.where}: ACLs not disabled (object ownership BucketOwnerEnforced)`]),
        ...(b.lifecycle ? [] : [`${b.where}: no lifecycle rules (old versions and unfinished uploads kept forever)`]),
      ]),
  },
  {
    name: "protects every queue and bucket with a policy, and every queue and bucket policy denies requests without TLS",
    check: (m) => {
      const policies = new Map<string, Statement[]>();
      for (const s of m.statements.filter((s) => s.protects === "queue" || s.protects === "bucket"))
        policies.set(s.where, [...(policies.get(s.where) ?? []), s]);
      return [
        ...m.policed.filter((p) => p.policies.length === 0).map((p) => `${p.where}: ${p.kind} without a policy`),
        ...[...policies]
          .filter(([, statements]) => !statements.some((s) => isTlsDeny(s.statement)))
          .map(([where]) => `${where}: no Deny of requests without TLS (aws:SecureTransport false)`),
      ];
    },
  },
  {
    name: "scopes every statement for a service principal with aws:SourceArn or aws:SourceAccount, and every public principal with a condition",
    check: (m) =>
      allows(m)
        .filter((s) => s.kind !== "trust")
        .flatMap((s) => {
          const keys = conditionKeys(s.statement);
          if (services(s).length > 0 && !keys.has("aws:sourcearn") && !keys.has("aws:sourceaccount"))
            return [`${s.where}: service principal ${services(s)} without aws:SourceArn or aws:SourceAccount`];
          if (isPublic(s) && keys.size === 0) return [`${s.where}: public principal without a condition`];
          return [];
        }),
  },
  {
    name: "scopes every trust policy (EventBridge with both aws:SourceAccount and aws:SourceArn)",
    check: (m) =>
      allows(m)
        .filter((s) => s.kind === "trust")
        .flatMap((s) => {
          const keys = conditionKeys(s.statement);
          const account = keys.has("aws:sourceaccount");
          const arn = keys.has("aws:sourcearn");
          if (services(s).includes("events.amazonaws.com") && !(account && arn))
            return [`${s.where}: EventBridge trusted without both aws:SourceAccount and aws:SourceArn`];
          if (services(s).length > 0 && !account && !arn)
            return [`${s.where}: ${services(s)} trusted without aws:SourceAccount or aws:SourceArn`];
          if (services(s).length === 0 && keys.size === 0) return [`${s.where}: trust without a condition`];
          return [];
        }),
  },
  {
    name: "gives every target a retry policy and a dead-letter queue (or says why not)",
    check: (m, exceptions) => [
      ...m.targets.filter((t) => !t.retry).map((t) => `${t.where}: no retry policy`),
      ...m.targets
        .filter((t) => !t.deadLetter && !(exceptions[t.where] ?? "").trim())
        .map((t) => `${t.where}: no dead-letter queue, and the stack does not say why`),
      ...Object.keys(exceptions)
        .filter((where) => !m.targets.some((t) => t.where === where && !t.deadLetter))
        .map((where) => `${where}: listed as a target without a dead-letter queue, but no such target`),
    ],
  },
  {
    name: "keeps every log group for a set period of at least a year",
    check: (m) =>
      m.logGroups
        .filter((g) => g.retentionDays === undefined || g.retentionDays < MIN_RETENTION_DAYS)
        .map(
          (g) => `${g.where}: retention ${g.retentionDays ?? "never expires"}; set ${MIN_RETENTION_DAYS} days or more`,
        ),
  },
];

/** Every problem of every invariant in a stack. */
export function allProblems(model: SecurityModel, exceptions: Exceptions = {}): string[] {
  return INVARIANTS.flatMap((i) => i.check(model, exceptions));
}

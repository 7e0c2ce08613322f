/**
 * A small, typed IAM policy builder. The library writes every policy through these helpers so
 * that conditions, TLS-only denies and service principals look the same everywhere.
 */

/** One IAM policy statement. */
export interface PolicyStatement {
  /** Statement id, unique within the document. @default - none */
  readonly Sid?: string;
  /** Whether the statement allows or denies. */
  readonly Effect: "Allow" | "Deny";
  /** Who the statement applies to (resource and trust policies only). @default - none (identity policies) */
  readonly Principal?: "*" | { readonly [kind: string]: string | readonly string[] };
  /** The actions, e.g. `sqs:SendMessage`. */
  readonly Action: string | readonly string[];
  /** The resources the actions apply to. @default - none (trust policies) */
  readonly Resource?: string | readonly string[];
  /** Conditions, by operator and key, e.g. `{ ArnEquals: { "aws:SourceArn": ruleArn } }`. @default - unconditional */
  readonly Condition?: { readonly [operator: string]: { readonly [key: string]: string | readonly string[] } };
}

/** Renders statements as a policy document JSON string (tokens inside stay tokens). */
export function policyDocument(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

/** A single value or, when several, a list: IAM accepts both and one value reads better. */
export function oneOrMany(values: readonly string[]): string | readonly string[] {
  return values.length === 1 ? values[0] : values;
}

/**
 * Allows a service principal (e.g. `events.amazonaws.com`) actions on a resource, only when the
 * request comes from one of `sourceArns` (`aws:SourceArn`) and, where known, `sourceAccount`.
 */
export function allowServiceStatement(opts: {
  readonly sid: string;
  readonly service: string;
  readonly actions: readonly string[];
  readonly resource: string | readonly string[];
  readonly sourceArns: readonly string[];
  readonly sourceAccount?: string;
  /** `ArnLike` when the source ARNs are patterns (`…:rule/<bus>/*`). @default "ArnEquals" */
  readonly sourceArnOperator?: "ArnEquals" | "ArnLike";
}): PolicyStatement {
  const condition: Record<string, Record<string, string | readonly string[]>> = {
    [opts.sourceArnOperator ?? "ArnEquals"]: { "aws:SourceArn": oneOrMany(opts.sourceArns) },
  };
  if (opts.sourceAccount) condition.StringEquals = { "aws:SourceAccount": opts.sourceAccount };
  return {
    Sid: opts.sid,
    Effect: "Allow",
    Principal: { Service: opts.service },
    Action: oneOrMany(opts.actions),
    Resource: typeof opts.resource === "string" ? opts.resource : oneOrMany(opts.resource),
    Condition: condition,
  };
}

/**
 * Denies every request that does not use TLS. Deny statements may use the service wildcard
 * (e.g. `sqs:*`): a wildcard in a Deny only ever restricts.
 */
export function denyInsecureTransportStatement(actionWildcard: string, resources: readonly string[]): PolicyStatement {
  return {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: actionWildcard,
    Resource: oneOrMany(resources),
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}

/**
 * Most characters IAM allows in a role's trust policy by default (whitespace not counted; the
 * quota "Role trust policy length" can be raised to 4,096).
 */
export const IAM_TRUST_POLICY_LIMIT = 2048;

/**
 * The sources a role's trust names: the exact ARNs while the trust policy that lists them stays
 * within IAM's limit (measured by `length`, e.g. with values known only at apply at their
 * longest), otherwise the one ARN `pattern` that covers them (`ArnLike`).
 */
export function trustedSources(opts: {
  readonly service: string;
  readonly sourceAccount: string;
  readonly sourceArns: readonly string[];
  readonly pattern: string;
  readonly length: (document: string) => number;
}): { readonly sourceArns?: readonly string[]; readonly sourceArnPatterns?: readonly string[] } {
  const listed = serviceTrustPolicy({
    service: opts.service,
    sourceAccount: opts.sourceAccount,
    sourceArns: opts.sourceArns,
  });
  return opts.length(listed) <= IAM_TRUST_POLICY_LIMIT
    ? { sourceArns: opts.sourceArns }
    : { sourceArnPatterns: [opts.pattern] };
}

/**
 * Trust policy letting a service assume a role, scoped with both `aws:SourceAccount` and
 * `aws:SourceArn` (confused-deputy protection): exact ARNs (`ArnEquals`), or, where the exact
 * ARNs cannot be referred to, patterns over names the library chose (`ArnLike`).
 */
export function serviceTrustPolicy(opts: {
  readonly service: string;
  readonly sourceAccount: string;
  readonly sourceArns?: readonly string[];
  readonly sourceArnPatterns?: readonly string[];
}): string {
  const condition: Record<string, Record<string, string | readonly string[]>> = {
    StringEquals: { "aws:SourceAccount": opts.sourceAccount },
  };
  if (opts.sourceArns && opts.sourceArns.length > 0)
    condition.ArnEquals = { "aws:SourceArn": oneOrMany(opts.sourceArns) };
  if (opts.sourceArnPatterns && opts.sourceArnPatterns.length > 0)
    condition.ArnLike = { "aws:SourceArn": oneOrMany(opts.sourceArnPatterns) };
  if (!opts.sourceAccount || (!condition.ArnEquals && !condition.ArnLike))
    throw new Error(`trust policy for ${opts.service} needs a source account and source ARNs (or ARN patterns)`);
  if (condition.ArnEquals && condition.ArnLike)
    throw new Error(
      `trust policy for ${opts.service}: give source ARNs or ARN patterns, not both (they would both apply)`,
    );
  return policyDocument([
    { Effect: "Allow", Principal: { Service: opts.service }, Action: "sts:AssumeRole", Condition: condition },
  ]);
}

/**
 * What the security invariants look at, read from a synthesized stack (cdk.tf.json as an object)
 * and from the CloudFormation templates its StackSets carry: every IAM policy statement with the
 * kind of policy it is in, every queue, topic, bucket and stream with its encryption, which
 * queues and buckets have a policy, every event target and every log group.
 *
 * Policies are read from JSON strings and from `data.aws_iam_policy_document` references; a
 * policy in any other form (e.g. an HCL `jsonencode(...)` expression) is reported as unreadable,
 * so nothing escapes the checks by being written differently.
 */

/** One IAM policy statement, with where it is and what kind of policy holds it. */
export interface Statement {
  /** Address of the resource and attribute, e.g. `aws_iam_role.x.assume_role_policy`. */
  readonly where: string;
  /** trust: a role's trust policy; identity: a role's permissions; resource: a resource policy; key: a KMS key policy. */
  readonly kind: "trust" | "identity" | "resource" | "key";
  /** For resource policies, what they protect (`queue`, `bucket`, `topic`, `bus`, `logs`, `function`). */
  readonly protects?: string;
  /** The statement, as IAM JSON. */
  readonly statement: any;
}

/** Everything the invariants check in one stack. */
export interface SecurityModel {
  /** Every statement of every policy. */
  readonly statements: Statement[];
  /** Policies that could not be read (the reason, by address). */
  readonly unreadable: string[];
  /** Queues, topics, buckets and delivery streams the stack creates, and whether each is encrypted at rest. */
  readonly stores: { readonly where: string; readonly kind: string; readonly encrypted: boolean }[];
  /** Queues and buckets the stack creates, and the addresses of the policies attached to each. */
  readonly policed: { readonly where: string; readonly kind: "queue" | "bucket"; readonly policies: string[] }[];
  /** Buckets the stack creates: whether all four Block Public Access settings are on, ACLs are off and lifecycle rules exist. */
  readonly buckets: {
    readonly where: string;
    readonly publicAccessBlocked: boolean;
    readonly aclsDisabled: boolean;
    readonly lifecycle: boolean;
  }[];
  /** Roles attached to AWS-managed policies (`arn:aws:iam::aws:policy/...`). */
  readonly managedPolicies: string[];
  /** Event targets: whether each has a retry policy and a dead-letter queue. */
  readonly targets: { readonly where: string; readonly retry: boolean; readonly deadLetter: boolean }[];
  /** Log groups and their retention in days (undefined: never expire). */
  readonly logGroups: { readonly where: string; readonly retentionDays?: number }[];
}

const POLICY_ATTRIBUTES: { [type: string]: [string, Statement["kind"], string?] } = {
  aws_iam_role: ["assume_role_policy", "trust"],
  aws_iam_role_policy: ["policy", "identity"],
  aws_iam_policy: ["policy", "identity"],
  aws_sqs_queue_policy: ["policy", "resource", "queue"],
  aws_sns_topic_policy: ["policy", "resource", "topic"],
  aws_s3_bucket_policy: ["policy", "resource", "bucket"],
  aws_cloudwatch_log_resource_policy: ["policy_document", "resource", "logs"],
  aws_cloudwatch_event_bus_policy: ["policy", "resource", "bus"],
  aws_kms_key: ["policy", "key"],
  aws_kms_key_policy: ["policy", "key"],
};

const DOCUMENT_REF = /^\$\{data\.aws_iam_policy_document\.([^.]+)\.json\}$/;

/** The statements of a policy document, as a list. */
function statementsOf(document: any): any[] {
  return Array.isArray(document.Statement) ? document.Statement : [document.Statement];
}

/** A `data.aws_iam_policy_document` in the IAM JSON form. */
function fromPolicyDocument(data: any): any {
  const list = (v: any) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
  return {
    Statement: (list(data.statement) ?? []).map((s: any) => {
      const principals: { [type: string]: string[] } = {};
      for (const p of list(s.principals) ?? []) principals[p.type] = p.identifiers;
      const condition: { [op: string]: { [key: string]: string[] } } = {};
      for (const c of list(s.condition) ?? []) (condition[c.test] ??= {})[c.variable] = c.values;
      return {
        Effect: s.effect ?? "Allow",
        Action: s.actions,
        NotAction: s.not_actions,
        Resource: s.resources,
        NotResource: s.not_resources,
        Principal: Object.keys(principals).length > 0 ? principals : undefined,
        Condition: Object.keys(condition).length > 0 ? condition : undefined,
      };
    }),
  };
}

/** Reads a policy attribute: a JSON string or a reference to a policy document data source. */
function readPolicy(synth: any, value: unknown): any | string {
  if (typeof value !== "string") return "not a string";
  const ref = DOCUMENT_REF.exec(value);
  if (ref) {
    const data = synth.data?.aws_iam_policy_document?.[ref[1]];
    return data ? fromPolicyDocument(data) : `refers to a missing policy document '${ref[1]}'`;
  }
  try {
    return JSON.parse(value);
  } catch {
    return `not JSON (${value.slice(0, 40)}…)`;
  }
}

const refersTo = (value: unknown, type: string, name: string) =>
  typeof value === "string" && value.startsWith(`\${${type}.${name}.`);

/** The model of a synthesized stack, its StackSet templates included. */
export function terraformModel(synth: any): SecurityModel {
  const model: SecurityModel = {
    statements: [],
    unreadable: [],
    stores: [],
    policed: [],
    buckets: [],
    managedPolicies: [],
    targets: [],
    logGroups: [],
  };
  const resources = (type: string): [string, any][] => Object.entries(synth.resource?.[type] ?? {});

  for (const [type, [attribute, kind, protects]] of Object.entries(POLICY_ATTRIBUTES)) {
    for (const [name, resource] of resources(type)) {
      const where = `${type}.${name}.${attribute}`;
      if (resource[attribute] === undefined) continue;
      const document = readPolicy(synth, resource[attribute]);
      if (typeof document === "string") model.unreadable.push(`${where}: ${document}`);
      else for (const statement of statementsOf(document)) model.statements.push({ where, kind, protects, statement });
    }
  }
  for (const [name, role] of resources("aws_iam_role")) {
    for (const [i, inline] of (role.inline_policy ?? []).entries()) {
      const document = readPolicy(synth, inline.policy);
      const where = `aws_iam_role.${name}.inline_policy[${i}]`;
      if (typeof document === "string") model.unreadable.push(`${where}: ${document}`);
      else
        for (const statement of statementsOf(document)) model.statements.push({ where, kind: "identity", statement });
    }
    for (const arn of role.managed_policy_arns ?? [])
      if (/:iam::aws:policy\//.test(arn)) model.managedPolicies.push(`aws_iam_role.${name}: ${arn}`);
  }
  for (const [name, attachment] of resources("aws_iam_role_policy_attachment"))
    if (/:iam::aws:policy\//.test(attachment.policy_arn))
      model.managedPolicies.push(`aws_iam_role_policy_attachment.${name}: ${attachment.policy_arn}`);
  // A Lambda permission is a statement of the function's resource policy.
  for (const [name, p] of resources("aws_lambda_permission")) {
    const condition: any = {};
    if (p.source_arn) condition.ArnLike = { "aws:SourceArn": p.source_arn };
    if (p.source_account) condition.StringEquals = { "aws:SourceAccount": p.source_account };
    if (p.principal_org_id) condition.StringEquals = { "aws:PrincipalOrgID": p.principal_org_id };
    const principal = /^\d{12}$|^arn:|^\*$/.test(p.principal) ? { AWS: p.principal } : { Service: p.principal };
    model.statements.push({
      where: `aws_lambda_permission.${name}`,
      kind: "resource",
      protects: "function",
      statement: {
        Effect: "Allow",
        Principal: principal,
        Action: p.action,
        Resource: p.function_name,
        Condition: condition,
      },
    });
  }

  for (const [name, q] of resources("aws_sqs_queue"))
    model.stores.push({
      where: `aws_sqs_queue.${name}`,
      kind: "queue",
      encrypted: q.sqs_managed_sse_enabled === true || !!q.kms_master_key_id,
    });
  for (const [name, t] of resources("aws_sns_topic"))
    model.stores.push({ where: `aws_sns_topic.${name}`, kind: "topic", encrypted: !!t.kms_master_key_id });
  for (const [name, s] of resources("aws_kinesis_firehose_delivery_stream"))
    model.stores.push({
      where: `aws_kinesis_firehose_delivery_stream.${name}`,
      kind: "stream",
      encrypted: s.server_side_encryption?.enabled === true,
    });
  const encryptions = resources("aws_s3_bucket_server_side_encryption_configuration");
  for (const [name, b] of resources("aws_s3_bucket")) {
    const configured = encryptions.some(([, e]) => refersTo(e.bucket, "aws_s3_bucket", name));
    model.stores.push({
      where: `aws_s3_bucket.${name}`,
      kind: "bucket",
      encrypted: configured || !!b.server_side_encryption_configuration,
    });
  }
  const policiesOf = (policyType: string, attribute: string, type: string, name: string) =>
    resources(policyType)
      .filter(([, p]) => refersTo(p[attribute], type, name))
      .map(([policy]) => `${policyType}.${policy}.policy`);
  for (const [name] of resources("aws_sqs_queue"))
    model.policed.push({
      where: `aws_sqs_queue.${name}`,
      kind: "queue",
      policies: policiesOf("aws_sqs_queue_policy", "queue_url", "aws_sqs_queue", name),
    });
  for (const [name] of resources("aws_s3_bucket")) {
    const where = `aws_s3_bucket.${name}`;
    model.policed.push({
      where,
      kind: "bucket",
      policies: policiesOf("aws_s3_bucket_policy", "bucket", "aws_s3_bucket", name),
    });
    const of = (type: string) =>
      resources(type)
        .filter(([, r]) => refersTo(r.bucket, "aws_s3_bucket", name))
        .map(([, r]) => r);
    const blocks = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"];
    model.buckets.push({
      where,
      publicAccessBlocked: of("aws_s3_bucket_public_access_block").some((b) => blocks.every((k) => b[k] === true)),
      aclsDisabled: of("aws_s3_bucket_ownership_controls").some(
        (o) => o.rule?.object_ownership === "BucketOwnerEnforced",
      ),
      lifecycle: of("aws_s3_bucket_lifecycle_configuration").some((l) => (l.rule ?? []).length > 0),
    });
  }

  for (const [name, t] of resources("aws_cloudwatch_event_target")) {
    const retry = t.retry_policy;
    model.targets.push({
      where: `aws_cloudwatch_event_target.${name}`,
      retry: retry?.maximum_event_age_in_seconds !== undefined && retry?.maximum_retry_attempts !== undefined,
      deadLetter: !!t.dead_letter_config?.arn,
    });
  }
  for (const [name, g] of resources("aws_cloudwatch_log_group"))
    model.logGroups.push({
      where: `aws_cloudwatch_log_group.${name}`,
      retentionDays: g.retention_in_days || undefined,
    });

  for (const [name, stackSet] of resources("aws_cloudformation_stack_set")) {
    const where = `aws_cloudformation_stack_set.${name}.template_body`;
    let template: any;
    try {
      // Terraform escapes: `$${` is a literal `${`, `%%{` a literal `%{`.
      template = JSON.parse(
        String(stackSet.template_body)
          .replace(/\$\$\{/g, "${")
          .replace(/%%\{/g, "%{"),
      );
    } catch {
      model.unreadable.push(`${where}: not a JSON template`);
      continue;
    }
    addTemplate(model, where, template);
  }
  return model;
}

/** Adds what a CloudFormation template deploys to the model (addresses `<where>#<logical id>`). */
function addTemplate(model: SecurityModel, where: string, template: any): void {
  const entries = Object.entries<any>(template.Resources ?? {});
  const add = (at: string, kind: Statement["kind"], document: any, protects?: string) => {
    for (const statement of statementsOf(document)) model.statements.push({ where: at, kind, protects, statement });
  };
  for (const [id, r] of entries) {
    const at = `${where}#${id}`;
    const p = r.Properties ?? {};
    switch (r.Type) {
      case "AWS::IAM::Role":
        add(`${at}.AssumeRolePolicyDocument`, "trust", p.AssumeRolePolicyDocument);
        for (const inline of p.Policies ?? [])
          add(`${at}.Policies.${inline.PolicyName}`, "identity", inline.PolicyDocument);
        for (const arn of p.ManagedPolicyArns ?? [])
          if (/:iam::aws:policy\//.test(JSON.stringify(arn)))
            model.managedPolicies.push(`${at}: ${JSON.stringify(arn)}`);
        break;
      case "AWS::SQS::QueuePolicy":
        add(`${at}.PolicyDocument`, "resource", p.PolicyDocument, "queue");
        break;
      case "AWS::S3::BucketPolicy":
        add(`${at}.PolicyDocument`, "resource", p.PolicyDocument, "bucket");
        break;
      case "AWS::SQS::Queue":
        model.stores.push({
          where: at,
          kind: "queue",
          encrypted: p.SqsManagedSseEnabled === true || !!p.KmsMasterKeyId,
        });
        model.policed.push({
          where: at,
          kind: "queue",
          policies: policiesFor(entries, where, id, "AWS::SQS::QueuePolicy", "Queues"),
        });
        break;
      case "AWS::SNS::Topic":
        model.stores.push({ where: at, kind: "topic", encrypted: !!p.KmsMasterKeyId });
        break;
      case "AWS::S3::Bucket":
        model.stores.push({ where: at, kind: "bucket", encrypted: !!p.BucketEncryption });
        model.policed.push({
          where: at,
          kind: "bucket",
          policies: policiesFor(entries, where, id, "AWS::S3::BucketPolicy", "Bucket"),
        });
        break;
      case "AWS::Events::Rule":
        for (const t of p.Targets ?? [])
          model.targets.push({
            where: `${at}.Targets.${t.Id}`,
            retry:
              t.RetryPolicy?.MaximumEventAgeInSeconds !== undefined &&
              t.RetryPolicy?.MaximumRetryAttempts !== undefined,
            deadLetter: !!t.DeadLetterConfig?.Arn,
          });
        break;
      case "AWS::Logs::LogGroup":
        model.logGroups.push({ where: at, retentionDays: p.RetentionInDays || undefined });
        break;
    }
  }
}

/** Addresses of the template's policies (of `type`) whose `property` refers to the logical id. */
function policiesFor(entries: [string, any][], where: string, id: string, type: string, property: string): string[] {
  return entries
    .filter(([, r]) => r.Type === type && JSON.stringify(r.Properties?.[property] ?? null).includes(`"${id}"`))
    .map(([policyId]) => `${where}#${policyId}.PolicyDocument`);
}

/**
 * The physical names a synthesized stack gives AWS resources: the attributes that name a resource
 * in its account and region (or account, for IAM; or globally, for S3), and the names of the
 * resources inside StackSet templates. Names scoped to a parent resource (a role's inline policy,
 * a rule's target id, a function's permission statement id) are not physical names here.
 */

/** Attributes that name the resource itself, by resource type. */
const NAME_ATTRIBUTES: Record<string, readonly string[]> = {
  aws_sqs_queue: ["name", "name_prefix"],
  aws_sns_topic: ["name", "name_prefix"],
  aws_iam_role: ["name", "name_prefix"],
  aws_iam_policy: ["name", "name_prefix"],
  aws_cloudwatch_event_bus: ["name"],
  aws_cloudwatch_event_rule: ["name", "name_prefix"],
  aws_cloudwatch_event_archive: ["name"],
  aws_cloudwatch_event_connection: ["name"],
  aws_cloudwatch_event_api_destination: ["name"],
  aws_cloudwatch_log_group: ["name", "name_prefix"],
  aws_cloudwatch_log_resource_policy: ["policy_name"],
  aws_cloudwatch_metric_alarm: ["alarm_name"],
  aws_kinesis_firehose_delivery_stream: ["name"],
  aws_s3_bucket: ["bucket", "bucket_prefix"],
  aws_lambda_function: ["function_name"],
  aws_sfn_state_machine: ["name", "name_prefix"],
  aws_kms_alias: ["name", "name_prefix"],
  aws_cloudformation_stack_set: ["name"],
  aws_schemas_registry: ["name"],
  aws_glue_catalog_database: ["name"],
  aws_athena_workgroup: ["name"],
};

/** Types whose name-like attributes are scoped to, or refer to, another resource. */
const PARENT_SCOPED = [
  /^aws_iam_role_policy$/,
  /^aws_iam_role_policy_attachment$/,
  /^aws_cloudwatch_event_target$/,
  /^aws_cloudwatch_log_stream$/,
  /^aws_lambda_permission$/,
  /^aws_s3_bucket_.+/,
  /^aws_sqs_queue_(redrive_)?policy$/,
  /^aws_sns_topic_(policy|subscription)$/,
  /^aws_cloudwatch_event_bus_policy$/,
  /^aws_cloudwatch_event_permission$/,
  /^aws_cloudformation_stack_set_instance$/,
  /^aws_kms_key(_policy)?$/,
  /^aws_athena_named_query$/,
  /^aws_glue_catalog_table$/, // unique within its database
  /^aws_schemas_schema$/,
];

const NAME_LIKE = /(^|_)(name|name_prefix|bucket|bucket_prefix)$/;

/** One physical name. */
export interface PhysicalNameFound {
  /** Namespace of the name: the resource type, or `stack_set_template:<CloudFormation type>`. */
  readonly kind: string;
  /** Terraform address of the resource (`<type>.<logical id>`), plus the template's logical id. */
  readonly address: string;
  /** The attribute the name is in. */
  readonly attribute: string;
  /** The name. */
  readonly value: string;
}

/** Where StackSet templates name their resources, by CloudFormation type. */
const TEMPLATE_NAMES: Record<string, readonly string[]> = {
  "AWS::IAM::Role": ["RoleName"],
  "AWS::Events::Rule": ["Name"],
  "AWS::SQS::Queue": ["QueueName"],
  "AWS::Logs::LogGroup": ["LogGroupName"],
};

function isLiteral(value: unknown): value is string {
  return typeof value === "string" && !value.includes("${");
}

/**
 * Every physical name of a synthesized stack. Throws on a resource type with a literal name-like
 * attribute that is neither known to name the resource nor known to be scoped to a parent, so a
 * new kind of resource is classified before it is compared.
 */
export function physicalNames(synth: Record<string, any>): PhysicalNameFound[] {
  const found: PhysicalNameFound[] = [];
  for (const [type, resources] of Object.entries<Record<string, any>>(synth.resource ?? {})) {
    const attributes = NAME_ATTRIBUTES[type];
    for (const [id, resource] of Object.entries<any>(resources)) {
      const address = `${type}.${id}`;
      if (!attributes) {
        const named = Object.keys(resource).filter((key) => NAME_LIKE.test(key) && isLiteral(resource[key]));
        if (named.length > 0 && !PARENT_SCOPED.some((p) => p.test(type))) {
          throw new Error(
            `${address} has literal ${named.join(", ")}: classify ${type} in test/support/physical-names.ts`,
          );
        }
        continue;
      }
      for (const attribute of attributes) {
        if (isLiteral(resource[attribute])) found.push({ kind: type, address, attribute, value: resource[attribute] });
      }
      if (type === "aws_cloudformation_stack_set" && typeof resource.template_body === "string") {
        found.push(...templateNames(address, JSON.parse(resource.template_body)));
      }
    }
  }
  return found;
}

function templateNames(address: string, template: any): PhysicalNameFound[] {
  const found: PhysicalNameFound[] = [];
  for (const [logicalId, resource] of Object.entries<any>(template.Resources ?? {})) {
    for (const property of TEMPLATE_NAMES[resource.Type] ?? []) {
      const value = resource.Properties?.[property];
      if (typeof value === "string") {
        found.push({
          kind: `stack_set_template:${resource.Type}`,
          address: `${address}/${logicalId}`,
          attribute: property,
          value,
        });
      }
    }
  }
  return found;
}

/** The names two synthesized stacks share (same namespace, same value), as `<kind> <value>`. */
export function sharedNames(a: readonly PhysicalNameFound[], b: readonly PhysicalNameFound[]): string[] {
  const key = (n: PhysicalNameFound): string => `${n.kind} ${n.value}`;
  const inB = new Set(b.map(key));
  return [...new Set(a.map(key).filter((k) => inB.has(k)))].sort();
}

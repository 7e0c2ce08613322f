/**
 * Helpers for example tests: build an example's stacks (with the builder its main.ts exports)
 * and synthesize them, and walk every IAM policy document a synthesized stack contains.
 */
import * as path from "path";
import { TerraformStack, Testing } from "cdktf";
import { builderOf, EXAMPLES, exampleNames } from "../../scripts/synth-examples";
import { synthObject } from "./synth";

export { exampleNames };

/** The stacks of an example, built into a test app, and each one synthesized. */
export function synthExample(name: string): { stack: TerraformStack; synth: Record<string, any> }[] {
  const app = Testing.app();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  builderOf(name, require(path.join(EXAMPLES, name, "main.ts")))(app);
  return app.node.children
    .filter((child): child is TerraformStack => TerraformStack.isStack(child))
    .map((stack) => ({ stack, synth: synthObject(stack) }));
}

/** Attributes that hold an IAM policy document, by resource type. */
const POLICY_ATTRIBUTES: Record<string, string[]> = {
  aws_iam_role: ["assume_role_policy"],
  aws_iam_role_policy: ["policy"],
  aws_iam_policy: ["policy"],
  aws_sqs_queue_policy: ["policy"],
  aws_sns_topic_policy: ["policy"],
  aws_s3_bucket_policy: ["policy"],
  aws_cloudwatch_log_resource_policy: ["policy_document"],
  aws_cloudwatch_event_bus_policy: ["policy"],
  aws_kms_key: ["policy"],
  aws_kms_key_policy: ["policy"],
};

/** One statement of a policy document, with where it was found. */
export interface FoundStatement {
  /** `<type>.<name>.<attribute>`. */
  readonly where: string;
  /** The resource type. */
  readonly type: string;
  /** The statement. */
  readonly statement: any;
}

/** Every statement of every IAM policy document in a synthesized stack. */
export function policyStatements(synth: Record<string, any>): FoundStatement[] {
  const found: FoundStatement[] = [];
  for (const [type, attributes] of Object.entries(POLICY_ATTRIBUTES)) {
    for (const [name, resource] of Object.entries<any>(synth.resource?.[type] ?? {})) {
      for (const attribute of attributes) {
        if (typeof resource[attribute] !== "string") continue;
        const document = JSON.parse(resource[attribute]);
        const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
        for (const statement of statements) found.push({ where: `${type}.${name}.${attribute}`, type, statement });
      }
    }
  }
  return found;
}

/** The values of a string-or-list policy field. */
export function listOf(value: unknown): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value as string];
}

import { TerraformProvider, TerraformResource } from "cdktf";

/*
 * Resources and providers are recognised by their Terraform type, never with `instanceof`: a
 * user's app may hold its own copy of the provider classes (another version of
 * `@cdktf/provider-aws`, or `@cdktn/provider-aws`), whose classes are not ours. cdktf's static
 * checks look for a marker every copy sets.
 */

/** Whether a value is a Terraform resource of the given type (e.g. `aws_sqs_queue`), whichever copy of the classes made it. */
export function isResourceOfType(value: unknown, terraformType: string): value is TerraformResource {
  return TerraformResource.isTerraformResource(value) && value.terraformResourceType === terraformType;
}

/** Whether a value is an AWS provider (Terraform type `aws`), whichever copy of the classes made it. */
export function isAwsProvider(value: unknown): value is TerraformProvider & { readonly region?: string } {
  return TerraformProvider.isTerraformProvider(value) && value.terraformResourceType === "aws";
}

/** How a target recognises the resource it delivers to. */
export interface ResourceKind<R, I> {
  /** Terraform type of the resource, e.g. `aws_sqs_queue`. */
  readonly terraformType: string;
  /** Field every reference has, e.g. `queueArn`. */
  readonly referenceField: keyof I & string;
  /** Class users write, e.g. `SqsQueue`. */
  readonly resourceClass: string;
  /** The `fromArn` helper of the reference, e.g. `Queue.fromArn`. */
  readonly fromArn: string;
  /** Turns the resource into a reference. */
  readonly fromResource: (resource: R) => I;
}

/**
 * The reference a target delivers to: a resource of the expected Terraform type goes through
 * `fromResource`, a reference is used as it is, and anything else is refused with the fix.
 */
export function referenceOf<R, I>(owner: string, value: R | I, kind: ResourceKind<R, I>): I {
  if (isResourceOfType(value, kind.terraformType)) return kind.fromResource(value as R);
  const fix = `Pass a ${kind.resourceClass} (${kind.terraformType}) or ${kind.fromArn}(...).`;
  if (TerraformResource.isTerraformResource(value)) {
    throw new Error(
      `${owner}: '${value.node.path}' is an ${value.terraformResourceType} resource, not an ${kind.terraformType}. ${fix}`,
    );
  }
  const field = (value as Partial<I> | undefined)?.[kind.referenceField];
  if (typeof field !== "string") {
    throw new Error(
      `${owner}: got ${describe(value)}, which is neither an ${kind.terraformType} resource nor a reference with ${kind.referenceField}. ${fix}`,
    );
  }
  return value as I;
}

function describe(value: unknown): string {
  if (value === null || typeof value !== "object") return String(value);
  const name = (value as object).constructor?.name;
  return `an object${name && name !== "Object" ? ` of class ${name}` : ""} with keys [${Object.keys(value).join(", ")}]`;
}

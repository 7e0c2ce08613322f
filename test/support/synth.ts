import { App, TerraformResource, TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";

/** A test stack with an AWS provider in ap-southeast-2. */
export function testStack(name = "test"): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, name);
  new AwsProvider(stack, "aws", { region: "ap-southeast-2" });
  return { app, stack };
}

/** The synthesized stack as an object (validations run first). */
export function synthObject(stack: TerraformStack): Record<string, any> {
  return JSON.parse(Testing.synth(stack, true));
}

/** Resources of one type in a synthesized stack, keyed by their logical name. */
export function resourcesOf(synth: Record<string, any>, type: string): Record<string, any> {
  return synth.resource?.[type] ?? {};
}

/** The only resource of a type, failing if there is not exactly one. */
export function onlyResource(synth: Record<string, any>, type: string): any {
  const all = Object.values(resourcesOf(synth, type));
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

/** Parses a JSON policy (or pattern) attribute. */
export function parsed(value: string): any {
  return JSON.parse(value);
}

/** How a synthesized stack refers to an attribute of a resource: `${type.name.attribute}`. */
export function refOf(resource: TerraformResource, attribute: string): string {
  return "${" + `${resource.terraformResourceType}.${resource.friendlyUniqueId}.${attribute}` + "}";
}

/** Warning annotations in a stack (after synthesis), as `<construct path>: <message>`. */
export function warningsOf(stack: TerraformStack): string[] {
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => `${c.node.path}: ${m.data}`));
}

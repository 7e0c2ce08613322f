/**
 * The known differences between a stack synthesized with AWS provider 6 bindings
 * (@cdktf/provider-aws 21.x, @cdktn/provider-aws) and with AWS provider 5 bindings (20.x), mapped
 * back to the 5.x form, so the example snapshots (taken with 5.x) check the other stacks too:
 *
 * - `terraform.required_providers.aws.version`: the version the bindings were generated for;
 * - `data.aws_region.<x>.region` is `.name` on 5.x (deprecated on 6.x);
 * - `aws_cloudformation_stack_set_instance.stack_set_instance_region` is `region` on 5.x.
 *
 * modules/private/provider-compat.ts makes these choices; test/private/provider-compat.test.ts
 * checks each form on its own stack.
 */
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const AWS5_VERSION: string = require(
  path.join(__dirname, "..", "..", "node_modules", "@cdktf", "provider-aws", "package.json"),
).cdktf.provider.version;

/** A synthesized stack as AWS provider 5 bindings would have written it. */
export function asAws5Form(stack: Record<string, any>): Record<string, any> {
  const copy = JSON.parse(JSON.stringify(stack).replace(/(\$\{data\.aws_region\.[^.}]+)\.region\}/g, "$1.name}"));
  if (copy.terraform?.required_providers?.aws) copy.terraform.required_providers.aws.version = AWS5_VERSION;
  for (const instance of Object.values<any>(copy.resource?.aws_cloudformation_stack_set_instance ?? {})) {
    if ("stack_set_instance_region" in instance) {
      instance.region = instance.stack_set_instance_region;
      delete instance.stack_set_instance_region;
    }
  }
  return copy;
}

const converted = new WeakSet<object>();

/** Jest snapshot serializer (projects other than cdktf-aws5): prints synthesized stacks in their 5.x form. */
const serializer: import("pretty-format").Plugin = {
  test: (value) =>
    typeof value === "object" && value !== null && !converted.has(value) && value.terraform?.required_providers?.aws,
  serialize: (value, config, indentation, depth, refs, printer) => {
    const aws5 = asAws5Form(value);
    converted.add(aws5);
    return printer(aws5, config, indentation, depth, refs);
  },
};
module.exports = serializer;

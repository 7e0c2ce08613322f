/**
 * The known differences between a stack synthesized with AWS provider 6 bindings
 * (@cdktf/provider-aws 21.x, @cdktn/provider-aws) and with AWS provider 5 bindings (20.x), mapped
 * back to the 5.x form, so the example snapshots (taken with 5.x) check the other stacks too:
 *
 * - `terraform.required_providers.aws.version`: the version the bindings were generated for;
 * - `data.aws_region.<x>.region` is `.name` on 5.x (deprecated on 6.x);
 * - `aws_cloudformation_stack_set_instance.stack_set_instance_region` is `region` on 5.x;
 * - `terraform.required_providers.aws.source`: cdktn writes `hashicorp/aws`, cdktf `aws` (the same
 *   provider).
 *
 * Asset paths hold a content hash that cdktf and cdktn compute differently; every project's
 * snapshots show `<hash>` instead (what an asset holds is tested on its own).
 *
 * modules/private/provider-compat.ts makes these choices; test/private/provider-compat.test.ts
 * checks each form on its own stack.
 */
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const AWS5_VERSION: string = require(
  path.join(__dirname, "..", "..", "node_modules", "@cdktf", "provider-aws", "package.json"),
).cdktf.provider.version;

/** Asset paths without their content hash: `assets/<id>/<hash>/<file>`. */
export function withoutAssetHashes(stack: Record<string, any>): Record<string, any> {
  return JSON.parse(JSON.stringify(stack).replace(/(assets\/[^/"]+\/)[0-9A-F]{32}\//g, "$1<hash>/"));
}

/** A synthesized stack as AWS provider 5 bindings would have written it. */
export function asAws5Form(stack: Record<string, any>): Record<string, any> {
  const copy = JSON.parse(JSON.stringify(stack).replace(/(\$\{data\.aws_region\.[^.}]+)\.region\}/g, "$1.name}"));
  const aws = copy.terraform?.required_providers?.aws;
  if (aws) Object.assign(aws, { source: "aws", version: AWS5_VERSION });
  for (const instance of Object.values<any>(copy.resource?.aws_cloudformation_stack_set_instance ?? {})) {
    if ("stack_set_instance_region" in instance) {
      instance.region = instance.stack_set_instance_region;
      delete instance.stack_set_instance_region;
    }
  }
  return copy;
}

const converted = new WeakSet<object>();
const aws5 = (globalThis as { STAX_FLAVOUR?: string }).STAX_FLAVOUR === "cdktf-aws5";

/**
 * Jest snapshot serializer of synthesized stacks: without asset hashes, and in projects other
 * than cdktf-aws5, in their 5.x form.
 */
const serializer: import("pretty-format").Plugin = {
  test: (value) =>
    typeof value === "object" && value !== null && !converted.has(value) && value.terraform?.required_providers?.aws,
  serialize: (value, config, indentation, depth, refs, printer) => {
    const printed = withoutAssetHashes(aws5 ? value : asAws5Form(value));
    converted.add(printed);
    return printer(printed, config, indentation, depth, refs);
  },
};
module.exports = serializer;

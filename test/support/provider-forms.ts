/**
 * What the AWS provider bindings in use (mapped per jest project, see jest.config.js) call the
 * attributes that differ between AWS provider 5 and 6. Tests that assert on those attributes
 * name them through here, and test/private/provider-compat.test.ts checks each form.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bindings: { version: string } = require("@cdktf/provider-aws/package.json").cdktf.provider;

/** Major version of the AWS provider the bindings in use were generated for (5 or 6). */
export const AWS_PROVIDER_MAJOR = Number(bindings.version.split(".")[0]);

/** Attribute of `data.aws_region` holding the region's name. */
export const REGION_NAME_ATTRIBUTE = AWS_PROVIDER_MAJOR >= 6 ? "region" : "name";

/** Argument of `aws_cloudformation_stack_set_instance` placing the instance in a region. */
export const STACK_SET_INSTANCE_REGION = AWS_PROVIDER_MAJOR >= 6 ? "stack_set_instance_region" : "region";

/** The jest project running (`globals.STAX_FLAVOUR` in jest.config.js): cdktf-aws5, cdktf-aws6 or cdktn. */
export const FLAVOUR: string = (globalThis as { STAX_FLAVOUR?: string }).STAX_FLAVOUR ?? "cdktf-aws5";

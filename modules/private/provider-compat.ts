import { Construct } from "constructs";
import { TerraformProvider } from "cdktf";
import {
  CloudformationStackSetInstance,
  CloudformationStackSetInstanceConfig,
} from "@cdktf/provider-aws/lib/cloudformation-stack-set-instance";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";

/*
 * AWS provider 5 (@cdktf/provider-aws 20.x) and 6 (@cdktf/provider-aws 21.x, @cdktn/provider-aws)
 * name a few attributes differently. The bindings a user's app installs are generated for the
 * provider version it pins, so whether a binding class has the new attribute tells which name the
 * provider understands.
 */

/** Whether the provider bindings in use have an attribute (camelCase, as the binding classes name it). */
function hasAttribute(resourceClass: { readonly prototype: object }, attribute: string): boolean {
  return attribute in resourceClass.prototype;
}

/**
 * The name of the provider's region, as a token: `data.aws_region.region` on AWS provider 6
 * (where `name` is deprecated), `data.aws_region.name` on 5.
 */
export function currentRegionName(scope: Construct, id: string, provider?: TerraformProvider): string {
  const region = new DataAwsRegion(scope, id, { provider });
  return hasAttribute(DataAwsRegion, "region")
    ? (region as unknown as { readonly region: string }).region
    : region.name;
}

/**
 * The argument that places a stack set instance in a region: `stack_set_instance_region` on AWS
 * provider 6 (where `region` is deprecated and means the region the API is called in), `region` on 5.
 */
export function stackSetInstanceRegion(region: string): Partial<CloudformationStackSetInstanceConfig> {
  const name = hasAttribute(CloudformationStackSetInstance, "stackSetInstanceRegion")
    ? "stackSetInstanceRegion"
    : "region";
  return { [name]: region } as Partial<CloudformationStackSetInstanceConfig>;
}

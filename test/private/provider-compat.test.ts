/**
 * AWS provider 5 and 6 name some attributes differently; the library uses the name of the
 * provider version the bindings in use were generated for. Each jest project checks its own form.
 */
import { TerraformOutput } from "cdktf";
import { CloudformationStackSetInstance } from "@cdktf/provider-aws/lib/cloudformation-stack-set-instance";
import { currentRegionName, stackSetInstanceRegion } from "../../modules/private/provider-compat";
import { AWS_PROVIDER_MAJOR, FLAVOUR } from "../support/provider-forms";
import { onlyResource, synthObject, testStack } from "../support/synth";

const EXPECTED_MAJOR: Record<string, number> = { "cdktf-aws5": 5, "cdktf-aws6": 6, cdktn: 6 };

describe(`attributes that differ between AWS provider 5 and 6 (${FLAVOUR})`, () => {
  it("runs on the provider major the project is for", () => {
    expect(AWS_PROVIDER_MAJOR).toBe(EXPECTED_MAJOR[FLAVOUR]);
  });

  it("reads the region's name from data.aws_region: `name` on 5, `region` on 6 (name is deprecated there)", () => {
    const { stack } = testStack();
    new TerraformOutput(stack, "RegionName", { value: currentRegionName(stack, "Region") });
    const synth = synthObject(stack);
    expect(synth.output.RegionName.value).toBe(
      `\${data.aws_region.Region.${AWS_PROVIDER_MAJOR >= 6 ? "region" : "name"}}`,
    );
  });

  it("places a stack set instance with `region` on 5 and `stack_set_instance_region` on 6, never both", () => {
    const { stack } = testStack();
    new CloudformationStackSetInstance(stack, "Instance", {
      stackSetName: "s",
      ...stackSetInstanceRegion("eu-west-1"),
    });
    const instance = onlyResource(synthObject(stack), "aws_cloudformation_stack_set_instance");
    if (AWS_PROVIDER_MAJOR >= 6) {
      expect(instance.stack_set_instance_region).toBe("eu-west-1");
      expect(instance).not.toHaveProperty("region");
    } else {
      expect(instance.region).toBe("eu-west-1");
      expect(instance).not.toHaveProperty("stack_set_instance_region");
    }
  });
});

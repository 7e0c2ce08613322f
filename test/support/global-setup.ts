/**
 * Global setup of every jest project: says once, for the whole run of a project, when its
 * offline terraform plans are skipped and why (e.g. AWS provider 6.x bindings, while the local
 * mirror holds only 5.100.0).
 */
import type { Config } from "jest";
import * as path from "path";
import { FLAVOURS, root } from "../../scripts/flavours";
import { planSupport, ProviderBindings } from "./plan-support";

export default function globalSetup(_global: unknown, project: Config & { globals: { STAX_FLAVOUR: string } }): void {
  const flavour = FLAVOURS[project.globals.STAX_FLAVOUR];
  const providerPackage = flavour.modules["@cdktf/provider-aws"] ?? "@cdktf/provider-aws";
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bindings: ProviderBindings = require(path.join(root, "node_modules", providerPackage, "package.json")).cdktf
    .provider;
  const support = planSupport(bindings);
  if (!support.available) {
    console.warn(
      `\n*** ${flavour.name}: the offline terraform plan tests are SKIPPED: ${support.reason}. ***\n` +
        `*** The unit and synth tests of ${flavour.name} run in full. ***\n`,
    );
  }
}

/**
 * Helpers for example tests: build an example's stacks (with the builder its main.ts exports)
 * and synthesize them. The security invariants every stack keeps are checked in test/security.
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

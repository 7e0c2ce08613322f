/**
 * Every stack the suite synthesizes, built and synthesized in-process: the default app and every
 * stack of every example (found in examples/, so a new example is covered without a change here).
 *
 * An example may leave a target without a dead-letter queue only by saying why: its main.ts
 * exports `TARGETS_WITHOUT_DEAD_LETTER_QUEUE`, the construct path of each such target (from the
 * stack, e.g. `my-stack/MyRule/Target0`) with the reason.
 */
import * as path from "path";
import { TerraformStack, Testing } from "cdktf";
import { IConstruct } from "constructs";
import { buildDefaultApp } from "../../main";
import { EXAMPLES } from "../../scripts/synth-examples";
import { exampleNames, synthExample } from "../support/examples";
import { synthObject, warningsOf } from "../support/synth";
import { Exceptions } from "./invariants";

/** A synthesized stack and what it says about its exceptions. */
export interface SynthesizedStack {
  /** `default-app/<stack>` or `<example>/<stack>`. */
  readonly name: string;
  /** The synthesized stack (cdk.tf.json as an object). */
  readonly synth: Record<string, any>;
  /** Targets deliberately without a dead-letter queue, by resource address, with the reason. */
  readonly exceptions: Exceptions;
  /** Its warning annotations, as `<construct path>: <message>`. */
  readonly warnings: readonly string[];
}

/** Name of the export an example's main.ts uses to list targets without a dead-letter queue. */
export const EXCEPTIONS_EXPORT = "TARGETS_WITHOUT_DEAD_LETTER_QUEUE";

/** Turns exceptions keyed by construct path into exceptions keyed by resource address. */
export function exceptionsByAddress(stack: TerraformStack, byPath: Exceptions = {}): Exceptions {
  const addresses = new Map<string, string>();
  for (const c of stack.node.findAll() as (IConstruct & {
    terraformResourceType?: string;
    friendlyUniqueId?: string;
  })[]) {
    if (c.terraformResourceType && c.friendlyUniqueId)
      addresses.set(c.node.path, `${c.terraformResourceType}.${c.friendlyUniqueId}`);
  }
  const out: { [address: string]: string } = {};
  for (const [constructPath, reason] of Object.entries(byPath)) {
    if (!constructPath.startsWith(`${stack.node.id}/`)) continue;
    // A path that names no resource stays as it is, so the invariant reports it as stale.
    out[addresses.get(constructPath) ?? constructPath] = reason;
  }
  return out;
}

/** The default app's stack and every example's stacks, synthesized. */
export function synthesizedStacks(): SynthesizedStack[] {
  const defaultStack = buildDefaultApp(Testing.app(), {});
  const stacks: SynthesizedStack[] = [
    {
      name: `default-app/${defaultStack.node.id}`,
      synth: synthObject(defaultStack),
      exceptions: {},
      warnings: warningsOf(defaultStack),
    },
  ];
  for (const example of exampleNames()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const declared = require(path.join(EXAMPLES, example, "main.ts"))[EXCEPTIONS_EXPORT] as Exceptions | undefined;
    for (const { stack, synth } of synthExample(example)) {
      stacks.push({
        name: `${example}/${stack.node.id}`,
        synth,
        exceptions: exceptionsByAddress(stack, declared),
        warnings: warningsOf(stack),
      });
    }
  }
  return stacks;
}

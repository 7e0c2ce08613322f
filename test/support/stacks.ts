/**
 * Apps of several stacks, as real users compose them: two teams' stacks in one account and
 * region, each with its own provider, synthesized together (cross-stack references and all).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack, Testing } from "cdktf";
import { AwsProvider, AwsProviderConfig } from "@cdktf/provider-aws/lib/provider";
import { IEventBus } from "../../modules/bus";
import { planStack, TerraformRun } from "./terraform";

/** The account of the test stacks. */
export const STACKS_ACCOUNT = "123456789012";

/** An app with stacks named `names`, each with an AWS provider in ap-southeast-2 (plus `provider` settings). */
export function stacksApp(names: string[], provider: AwsProviderConfig = {}): { app: App; stacks: TerraformStack[] } {
  const app = Testing.app();
  const stacks = names.map((name) => {
    const stack = new TerraformStack(app, name);
    new AwsProvider(stack, "aws", { region: "ap-southeast-2", ...provider });
    return stack;
  });
  return { app, stacks };
}

/** A bus described by name, as a stack that does not own it refers to it (its own default provider). */
export function busByName(eventBusName: string, accountId = STACKS_ACCOUNT): IEventBus {
  return {
    eventBusName,
    eventBusArn: `arn:aws:events:ap-southeast-2:${accountId}:event-bus/${eventBusName}`,
    accountId,
  };
}

/** Synthesizes the whole app (validations included) and returns each stack's JSON by name. */
export function synthApp(app: App): Record<string, Record<string, any>> {
  try {
    app.synth();
    const out: Record<string, Record<string, any>> = {};
    const dir = path.join(app.outdir, "stacks");
    for (const name of fs.readdirSync(dir)) {
      out[name] = JSON.parse(fs.readFileSync(path.join(dir, name, "cdk.tf.json"), "utf8"));
    }
    return out;
  } finally {
    fs.rmSync(app.outdir, { recursive: true, force: true });
  }
}

/**
 * Plans a stack that reads other stacks' outputs through `terraform_remote_state`, offline: each
 * remote state points at a temporary state file holding `value` for every output the stack reads.
 */
export function planWithRemoteState(stackJson: Record<string, any>, value: string): TerraformRun {
  const json = JSON.parse(JSON.stringify(stackJson));
  const text = JSON.stringify(json.resource ?? {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stax-remote-state-"));
  try {
    for (const [name, remote] of Object.entries<any>(json.data?.terraform_remote_state ?? {})) {
      const read = new RegExp(`terraform_remote_state\\.${name}\\.outputs\\.([A-Za-z0-9_-]+)`, "g");
      const outputs = Object.fromEntries(
        [...text.matchAll(read)].map((m) => [m[1], { value, type: "string", sensitive: true }]),
      );
      const file = path.join(dir, `${name}.tfstate`);
      const state = { version: 4, terraform_version: "1.5.0", serial: 1, lineage: name, outputs, resources: [] };
      fs.writeFileSync(file, JSON.stringify(state));
      remote.config = { path: file };
    }
    return planStack(json);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

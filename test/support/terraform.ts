/**
 * Runs real terraform (init, validate, plan, show -json) on synthesized stacks, offline.
 *
 * - terraform is looked up on PATH; without it, or when the local mirror lacks the provider version
 *   the bindings in use were generated for, the terraform tests are skipped, and the global setup
 *   of the jest project says why.
 * - When a local provider mirror exists (a filesystem-mirror layout holding hashicorp/aws), a
 *   temporary CLI configuration points terraform at it; on a laptop with internet and no mirror,
 *   terraform is left alone and downloads the provider as usual.
 * - The provider blocks get fake credentials and the skip_* settings, so plan needs no AWS account.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { findOnPath, findProviderMirror, planSupport, ProviderBindings } from "./plan-support";

export { findProviderMirror };

/** Absolute path of the terraform binary, or undefined. */
export const terraformBinary: string | undefined = findOnPath("terraform");

/**
 * The AWS provider the bindings in use were generated for. Each jest project maps
 * `@cdktf/provider-aws` to its own package (see jest.config.js), so this is the project's.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bindings: ProviderBindings = require("@cdktf/provider-aws/package.json").cdktf.provider;

/**
 * `describe` when terraform can plan with the provider of the bindings in use, `describe.skip`
 * otherwise (the global setup of each jest project says once why: test/support/global-setup.ts).
 */
export const describeWithTerraform: jest.Describe = planSupport(bindings).available ? describe : describe.skip;

let cliConfig: string | undefined;

/** Environment for terraform: quiet, non-interactive, offline provider source when a mirror exists. */
function terraformEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    CHECKPOINT_DISABLE: "1",
    AWS_EC2_METADATA_DISABLED: "true",
  };
  for (const name of ["AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"])
    delete env[name];
  const mirror = findProviderMirror();
  if (mirror) {
    if (!cliConfig) {
      cliConfig = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "stax-tfrc-")), "terraformrc");
      fs.writeFileSync(
        cliConfig,
        [
          "provider_installation {",
          `  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["registry.terraform.io/hashicorp/*"]\n  }`,
          '  direct {\n    exclude = ["registry.terraform.io/hashicorp/*"]\n  }',
          "}",
          "",
        ].join("\n"),
      );
      process.on("exit", () => fs.rmSync(path.dirname(cliConfig as string), { recursive: true, force: true }));
    }
    env.TF_CLI_CONFIG_FILE = cliConfig;
  }
  return env;
}

/** Settings that let the AWS provider plan with fake credentials and no network. */
export const OFFLINE_PROVIDER_SETTINGS = {
  access_key: "AKIAIOSFODNN7EXAMPLE",
  secret_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: "true",
  skip_region_validation: true,
} as const;

/** Rewrites every AWS provider block of a synthesized stack for offline planning. */
export function makeOffline(stackJson: Record<string, any>): Record<string, any> {
  const providers = stackJson.provider?.aws;
  if (!providers) throw new Error("the stack has no AWS provider block");
  for (const provider of Array.isArray(providers) ? providers : [providers]) {
    // assume_role would call STS while configuring the provider; offline there is no STS.
    delete provider.assume_role;
    // allowed_account_ids is checked against the caller's account, which fake credentials lack.
    delete provider.allowed_account_ids;
    Object.assign(provider, OFFLINE_PROVIDER_SETTINGS);
  }
  return stackJson;
}

function run(args: string[], cwd: string): string {
  try {
    return execFileSync(terraformBinary as string, args, {
      cwd,
      env: terraformEnv(),
      encoding: "utf8",
      maxBuffer: 512 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw Object.assign(
      new Error(
        `terraform ${args.join(" ")} failed in ${cwd}:\n${err.stderr ?? ""}\n${err.stdout ?? ""}\n${err.message}`,
      ),
      { stdout: err.stdout },
    );
  }
}

/** What the terraform run produced. */
export interface TerraformRun {
  /** The configuration's diagnostics, in the form of `terraform validate -json` (read from `plan -json`). */
  readonly validate: { valid: boolean; error_count: number; warning_count: number; diagnostics: unknown[] };
  /** Output of `terraform show -json` of the saved plan. */
  readonly plan: any;
}

/** A warning or error of terraform about the configuration. */
interface Diagnostic {
  readonly severity: string;
  readonly summary: string;
  readonly detail?: string;
  readonly address?: string;
}

/** Diagnostics of a `terraform plan -json` run (each once: plan reports validation warnings twice). */
function diagnosticsOf(jsonLines: string): Diagnostic[] {
  const seen = new Map<string, Diagnostic>();
  for (const line of jsonLines.split("\n")) {
    if (!line.startsWith("{")) continue;
    const message = JSON.parse(line);
    if (message.type !== "diagnostic") continue;
    const { severity, summary, detail } = message.diagnostic;
    const diagnostic = { severity, summary, detail, address: message.diagnostic.address };
    seen.set(JSON.stringify(diagnostic), diagnostic);
  }
  return [...seen.values()];
}

/**
 * init, plan and show -json for a synthesized stack (the parsed cdk.tf.json) in a temporary
 * directory that is removed afterwards. `plan` validates the configuration first; its diagnostics
 * (read from `plan -json`) are returned as `validate`, in the form of `terraform validate -json`,
 * which would load the provider's schema once more for the same result.
 */
export function planStack(stackJson: Record<string, any>): TerraformRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stax-tf-"));
  try {
    const json = makeOffline(JSON.parse(JSON.stringify(stackJson)));
    delete json.terraform?.backend; // local state inside the temporary directory
    fs.writeFileSync(path.join(dir, "cdk.tf.json"), JSON.stringify(json, null, 2));
    run(["init", "-input=false", "-no-color"], dir);
    let planned: string;
    try {
      planned = run(["plan", "-json", "-input=false", "-lock=false", "-refresh=false", "-out=plan.tfplan"], dir);
    } catch (e) {
      const stdout = (e as { stdout?: string }).stdout ?? "";
      const errors = diagnosticsOf(stdout).filter((d) => d.severity === "error");
      if (errors.length === 0) throw e;
      throw new Error(`terraform plan failed:\n${JSON.stringify(errors, null, 2)}`);
    }
    const diagnostics = diagnosticsOf(planned);
    const validate = {
      valid: true,
      error_count: 0,
      warning_count: diagnostics.filter((d) => d.severity === "warning").length,
      diagnostics,
    };
    const plan = JSON.parse(run(["show", "-json", "-no-color", "plan.tfplan"], dir));
    return { validate, plan };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Planned resources (root and child modules) as `{ address, type, name, values }`. */
export function plannedResources(plan: any): { address: string; type: string; name: string; values: any }[] {
  const out: { address: string; type: string; name: string; values: any }[] = [];
  const walk = (module: any): void => {
    for (const r of module?.resources ?? []) if (r.mode === "managed") out.push(r);
    for (const child of module?.child_modules ?? []) walk(child);
  };
  walk(plan.planned_values?.root_module);
  return out;
}

/** Planned resources of one type. */
export function plannedOfType(plan: any, type: string): { address: string; values: any }[] {
  return plannedResources(plan).filter((r) => r.type === type);
}

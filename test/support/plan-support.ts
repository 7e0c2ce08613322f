/**
 * Whether offline terraform plans can run: a terraform binary on PATH, and, when a local provider
 * mirror is configured, the AWS provider version the bindings in use were generated for (5.100.0
 * for @cdktf/provider-aws 20.1.0, 6.x for 21.x and @cdktn/provider-aws). No cdktf import here:
 * the jest global setup of each project uses it too, to say once why plans are skipped.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** `cdktf.provider` of a prebuilt provider package's package.json. */
export interface ProviderBindings {
  /** e.g. `registry.terraform.io/hashicorp/aws`. */
  readonly name: string;
  /** e.g. `5.100.0`. */
  readonly version: string;
}

/** Absolute path of an executable on PATH, or undefined. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Mirror directories that may hold registry.terraform.io/hashicorp/aws, most specific first. */
function mirrorCandidates(): string[] {
  const home = os.homedir();
  return [
    process.env.STAX_TF_PROVIDER_MIRROR ?? "",
    "/opt/tf-plugins",
    path.join(home, ".terraform.d", "plugins"),
    path.join(home, ".local", "share", "terraform", "plugins"),
    "/usr/local/share/terraform/plugins",
    "/usr/share/terraform/plugins",
  ].filter((dir) => dir !== "");
}

/** The local provider mirror, when there is one. */
export function findProviderMirror(): string | undefined {
  return mirrorCandidates().find((dir) => fs.existsSync(path.join(dir, "registry.terraform.io", "hashicorp", "aws")));
}

/** Versions of hashicorp/aws a mirror holds (unpacked `<version>/` or packed `…_<version>_<os>_<arch>.zip`). */
export function mirroredVersions(mirror: string): string[] {
  const dir = path.join(mirror, "registry.terraform.io", "hashicorp", "aws");
  return fs
    .readdirSync(dir)
    .map((entry) => /^(?:terraform-provider-aws_)?(\d+\.\d+\.\d+[^_]*)(?:_.*\.zip)?$/.exec(entry)?.[1])
    .filter((v): v is string => v !== undefined);
}

/** Whether plans can run with these bindings, and if not, why. */
export function planSupport(bindings: ProviderBindings): { readonly available: boolean; readonly reason?: string } {
  if (!findOnPath("terraform")) {
    return { available: false, reason: "terraform is not installed (install terraform >= 1.5 to run them)" };
  }
  const mirror = findProviderMirror();
  if (!mirror) return { available: true }; // terraform downloads the provider as usual
  const versions = mirroredVersions(mirror);
  if (!versions.includes(bindings.version)) {
    return {
      available: false,
      reason:
        `the provider bindings in use were generated for hashicorp/aws ${bindings.version}, ` +
        `and the local mirror ${mirror} holds only ${versions.join(", ") || "no version"}`,
    };
  }
  return { available: true };
}

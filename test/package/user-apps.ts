/**
 * Fresh user apps for the package test: a temporary directory outside the repository per stack
 * (scripts/flavours.js), holding an app that depends on that stack's packages, into which npm
 * installs the packed tarball as a user would, `npm install <tarball>`, but `--offline` from
 * npm's cache (which `npm ci` of this repository fills: every package a user app needs is a dev
 * dependency here), and without `--legacy-peer-deps`, so a peer range that does not fit fails.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { FLAVOURS, root } from "../../scripts/flavours";

const run = promisify(execFile);

/** The repository's TypeScript compiler, run on a user app's tsconfig (the app resolves its own packages). */
export const TSC = path.join(root, "node_modules", "typescript", "bin", "tsc");

/** The environment of a user's shell: none of the `npm_*` variables `npm test` sets for its scripts. */
function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== "INIT_CWD"),
  );
}

/**
 * The lockfile of a user app that already depends on its stack's packages: each entry as this
 * repository's lockfile records it (version, integrity, peers), under the name the user installs
 * (the dev dependency `@cdktf/provider-aws-v21` is the user's `@cdktf/provider-aws`), with the
 * registry URL npm would record. npm installs such entries from its cache by integrity, so the
 * test needs nothing but the tarballs `npm ci` cached; adding the library still makes npm check
 * its peer ranges against the locked packages (ERESOLVE when they do not fit).
 */
export function userAppLock(
  flavour: string,
  extra: readonly string[] = [],
): { dependencies: Record<string, string>; lock: object } {
  const repoLock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8")).packages;
  const packages: Record<string, object> = {};
  const add = (name: string, devDependency: string): string => {
    // as the user's app records it: not a dev dependency, under its own name (not an alias)
    const entry = { ...repoLock[`node_modules/${devDependency}`] };
    for (const field of ["dev", "devOptional", "name"]) delete entry[field];
    const basename = name.split("/").pop();
    packages[`node_modules/${name}`] = {
      ...entry,
      resolved: `https://registry.npmjs.org/${name}/-/${basename}-${entry.version}.tgz`,
    };
    const bundled: string[] = entry.bundleDependencies ?? [];
    for (const dependency of Object.keys(entry.dependencies ?? {})) {
      if (!bundled.includes(dependency) && !packages[`node_modules/${dependency}`]) add(dependency, dependency);
    }
    return entry.version;
  };
  const wanted = [...Object.entries(FLAVOURS[flavour].userApp), ...extra.map((name) => [name, name])];
  const dependencies = Object.fromEntries(wanted.map(([name, devDependency]) => [name, add(name, devDependency)]));
  const name = `user-app-${flavour}`;
  return {
    dependencies,
    lock: {
      name,
      version: "1.0.0",
      lockfileVersion: 3,
      requires: true,
      packages: { "": { name, version: "1.0.0", dependencies }, ...packages },
    },
  };
}

/** A user app with its packages installed. */
export interface UserApp {
  /** The stack (scripts/flavours.js). */
  readonly flavour: string;
  /** The package it installed: stax-events-cdktf or stax-events-cdktn. */
  readonly packageName: string;
  /** Its directory. */
  readonly dir: string;
  /** Runs a command in the app (or a directory inside it); resolves to stdout, rejects with stdout and stderr. */
  exec(file: string, args: readonly string[], cwd?: string, env?: NodeJS.ProcessEnv): Promise<string>;
  /** Writes a file of the app. */
  write(file: string, text: string): void;
}

/** Creates an app in a new temporary directory and installs the tarball and the stack's packages into it. */
export async function installUserApp(
  flavour: string,
  tarball: string,
  extra: readonly string[] = [],
): Promise<UserApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `stax-user-app-${flavour}-`));
  const packageName = FLAVOURS[flavour].package;
  const exec = async (file: string, args: readonly string[], cwd = dir, env: NodeJS.ProcessEnv = {}) => {
    try {
      const { stdout } = await run(file, [...args], {
        cwd,
        env: { ...userEnv(), ...env },
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout;
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; message: string };
      throw new Error(
        `${flavour}: ${file} ${args.join(" ")} failed in ${cwd}:\n${err.stdout ?? ""}\n${err.stderr ?? ""}`,
      );
    }
  };
  const app: UserApp = {
    flavour,
    packageName,
    dir,
    exec,
    write: (file, text) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    },
  };
  const { dependencies, lock } = userAppLock(flavour, extra);
  app.write(
    "package.json",
    JSON.stringify({ name: `user-app-${flavour}`, version: "1.0.0", private: true, dependencies }, null, 2),
  );
  app.write("package-lock.json", JSON.stringify(lock, null, 2));
  try {
    await exec("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball]);
  } catch (e) {
    throw new Error(
      `${(e as Error).message}\n(npm installs from its cache here: \`npm ci\` in the repository caches every package a user app needs.)`,
    );
  }
  return app;
}

/** Removes the apps' directories. */
export function removeUserApps(apps: readonly (UserApp | undefined)[]): void {
  for (const app of apps) if (app) fs.rmSync(app.dir, { recursive: true, force: true });
}

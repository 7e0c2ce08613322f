/**
 * Synthesizes every example into `cdktf.out/examples/<name>/stacks/<stack>/cdk.tf.json`, with
 * the assets next to it. An example is a directory `examples/<name>/` whose `main.ts` exports a
 * builder that adds its stacks to an App: `buildApp(app)`, or its one exported function named
 * `build…(app)`; it synthesizes only when run directly.
 *
 *   npx ts-node scripts/synth-examples.ts            # all examples
 *   npx ts-node scripts/synth-examples.ts slack-webhook   # only the ones named
 */
import * as fs from "fs";
import * as path from "path";
import { App } from "cdktf";
import { cdktfJsonContext, synthReport } from "./synth-report";

const ROOT = path.resolve(__dirname, "..");
/** The examples directory. */
export const EXAMPLES = path.join(ROOT, "examples");

/** The builder an example's main.ts exports. */
export type Builder = (app: App) => unknown;

/** `buildApp`, else the only exported function whose name starts with `build`. */
export function builderOf(name: string, example: Record<string, unknown>): Builder {
  if (typeof example.buildApp === "function") return example.buildApp as Builder;
  const builders = Object.entries(example).filter(
    ([key, value]) => key.startsWith("build") && typeof value === "function",
  );
  if (builders.length !== 1) {
    throw new Error(
      `examples/${name}/main.ts must export buildApp(app) (or exactly one build…(app) function); it exports ${builders.length}.`,
    );
  }
  return builders[0][1] as Builder;
}

/** The names of the example directories that have a main.ts. */
export function exampleNames(): string[] {
  return fs
    .readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(EXAMPLES, entry.name, "main.ts")))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Synthesizes one example into `<outRoot>/<name>` with the context of its cdktf.json, and returns
 * where each stack was written, with its warnings (see synth-report.ts).
 */
export function synthExample(name: string, outRoot = path.join(ROOT, "cdktf.out", "examples")): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const build = builderOf(name, require(path.join(EXAMPLES, name, "main.ts")));
  const outdir = path.join(outRoot, name);
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.mkdirSync(outdir, { recursive: true });
  const cdktfJsonPath = path.join(EXAMPLES, name, "cdktf.json");
  const app = new App({ outdir, context: { ...cdktfJsonContext(cdktfJsonPath), cdktfJsonPath } });
  build(app);
  app.synth();
  return synthReport(app, ROOT);
}

if (require.main === module) {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : exampleNames();
  for (const name of names) {
    if (!exampleNames().includes(name))
      throw new Error(`no example '${name}'; the examples are: ${exampleNames().join(", ")}`);
    for (const line of synthExample(name)) console.log(line);
  }
}

/**
 * The published packages, tried as users would: `npm run pack:all` writes both tarballs; each is
 * installed into a fresh app of each stack it is for (cdktf with @cdktf/provider-aws 20.x or
 * 21.x, cdktn with @cdktn/provider-aws 25.x) without `--legacy-peer-deps`, type-checked with
 * `skipLibCheck: false` under every module resolution (classic node with `module: commonjs`,
 * node16, bundler), and synthesized with a stack that mixes the library's queue with the user's
 * own `SqsQueue`. The apps are installed in parallel, once, and shared by the tests below.
 * Each example folder is copied into the cdktf + provider 20.x app as a user would copy it out (its
 * own tsconfig.json, importing the package by name), type-checked with that tsconfig and run.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { FLAVOURS, PACKAGES, rewriteSpecifiers } from "../../scripts/flavours";
import { installUserApp, removeUserApps, TSC, UserApp } from "./user-apps";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { packAll } = require("../../scripts/pack");

const STACKS = Object.keys(FLAVOURS);

/** The app the examples are copied into, and what else it installs for them (their dev dependencies). */
const EXAMPLES_STACK = "cdktf-aws5";
const EXAMPLES_DIR = path.join(__dirname, "..", "..", "examples");
const EXAMPLE_NAMES = fs.readdirSync(EXAMPLES_DIR).filter((f) => fs.statSync(path.join(EXAMPLES_DIR, f)).isDirectory());
const EXAMPLE_EXTRAS = ["@types/node", "@types/aws-lambda", "typescript"];

/** The user's stack: the library's bus, rule and queue next to an `SqsQueue` of the user's own provider package. */
const MAIN_TS = `import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { SecureQueue, SqsTarget, StaxEventBus, StaxEventRule } from "stax-events-cdktf";

const app = new App();
const stack = new TerraformStack(app, "user-stack");
new AwsProvider(stack, "aws", { region: "ap-southeast-2" });
const bus = new StaxEventBus(stack, "StaxBus", { accountId: "123456789012", sourceName: "security-events" });
const mine: SqsQueue = new SqsQueue(stack, "MyQueue", { name: "my-queue" });
const library: SecureQueue = new SecureQueue(stack, "LibraryQueue");
new StaxEventRule(stack, "FailedLogins", {
  bus,
  eventPattern: bus.securityEvents.failedLogins(),
  targets: [new SqsTarget(mine), new SqsTarget(library)],
});
app.synth();
`;

/** Lambda-side code: the subpaths only, types and values (main.ts checks the package root). */
const SUBPATHS_TS = `import type { StaxSecurityEvent } from "stax-events-cdktf/events";
import { SECURITY_EVENT_NAMES } from "stax-events-cdktf/events";
import { Match, matches, type EventPattern } from "stax-events-cdktf/pattern";

export const eventTypes: number = SECURITY_EVENT_NAMES.length;
const failed: EventPattern = { detail: { status: ["FAILED"], staxEventName: [Match.prefix("User")] } };
export function isFailedUserEvent(event: StaxSecurityEvent): boolean {
  return matches(failed, event);
}
`;

const STRICT = { strict: true, skipLibCheck: false, target: "ES2022", lib: ["ES2022"], types: [] };

/** One tsconfig per module resolution; only the classic one emits (and type-checks main.ts). */
const TSCONFIGS: Record<string, object> = {
  "tsconfig.json": {
    compilerOptions: { ...STRICT, module: "commonjs", moduleResolution: "node", outDir: "dist" },
    files: ["main.ts", "subpaths.ts"],
  },
  "tsconfig.node16.json": {
    compilerOptions: { ...STRICT, module: "node16", moduleResolution: "node16", noEmit: true },
    files: ["subpaths.ts"],
  },
  "tsconfig.bundler.json": {
    compilerOptions: { ...STRICT, module: "esnext", moduleResolution: "bundler", noEmit: true },
    files: ["subpaths.ts"],
  },
};

/** What happened in one app: each step's output, or its error. */
type Steps = Record<string, PromiseSettledResult<string>>;

async function tryOut(app: UserApp): Promise<Steps> {
  const names = { ...PACKAGES[app.packageName].modules, "stax-events-cdktf": app.packageName };
  app.write("main.ts", rewriteSpecifiers(MAIN_TS, names).code);
  app.write("subpaths.ts", rewriteSpecifiers(SUBPATHS_TS, names).code);
  for (const [file, config] of Object.entries(TSCONFIGS)) app.write(file, JSON.stringify(config, null, 2));
  const steps: Record<string, () => Promise<string>> = {
    "npm ls": () => app.exec("npm", ["ls", "--offline", "--all"]),
    ...Object.fromEntries(
      Object.keys(TSCONFIGS).map((file) => [file, () => app.exec(process.execPath, [TSC, "-p", file])]),
    ),
  };
  // one step at a time in each app (the apps run side by side)
  const results: Steps = {};
  for (const [name, step] of Object.entries(steps)) {
    results[name] = await step().then(
      (value) => ({ status: "fulfilled", value }),
      (reason) => ({ status: "rejected", reason }),
    );
  }
  results.synth = await app
    .exec(process.execPath, ["dist/main.js"], app.dir, { CDKTF_OUTDIR: path.join(app.dir, "cdktf.out") })
    .then(
      () => ({
        status: "fulfilled" as const,
        value: fs.readFileSync(path.join(app.dir, "cdktf.out", "stacks", "user-stack", "cdk.tf.json"), "utf8"),
      }),
      (reason) => ({ status: "rejected" as const, reason }),
    );
  if (app.flavour === EXAMPLES_STACK) Object.assign(results, await tryExamples(app));
  return results;
}

/**
 * Copies each example folder (not its build output) into the app, type-checks it with its own
 * tsconfig.json (which emits main.js next to main.ts, as cdktf's template does) and runs it; the
 * result of each is the list of stacks it wrote, `<stack>: <resource count>`.
 */
async function tryExamples(app: UserApp): Promise<Steps> {
  const results: Steps = {};
  for (const name of EXAMPLE_NAMES) {
    const dir = path.join(app.dir, "examples", name);
    fs.cpSync(path.join(EXAMPLES_DIR, name), dir, {
      recursive: true,
      filter: (source) => !/[\\/](dist|cdktf\.out|node_modules)$/.test(source),
    });
    const outdir = path.join(dir, "cdktf.out");
    results[`example ${name}`] = await app
      .exec(process.execPath, [TSC, "-p", "tsconfig.json"], dir)
      .then(() => app.exec(process.execPath, ["main.js"], dir, { CDKTF_OUTDIR: outdir }))
      .then(
        () => ({
          status: "fulfilled" as const,
          value: fs
            .readdirSync(path.join(outdir, "stacks"))
            .map((stack) => {
              const synth = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
              const count = Object.values<object>(synth.resource ?? {}).reduce((n, r) => n + Object.keys(r).length, 0);
              return `${stack}: ${count}`;
            })
            .join("\n"),
        }),
        (reason) => ({ status: "rejected" as const, reason }),
      );
  }
  return results;
}

function valueOf(result: PromiseSettledResult<string> | undefined): string {
  if (!result) throw new Error("step did not run");
  if (result.status === "rejected") throw result.reason;
  return result.value;
}

describe("npm packages", () => {
  let tarballs: Record<string, string>;
  const apps: Record<string, UserApp> = {};
  const steps: Record<string, Steps> = {};

  beforeAll(async () => {
    tarballs = packAll();
    const installed = await Promise.all(
      STACKS.map((stack) =>
        installUserApp(stack, tarballs[FLAVOURS[stack].package], stack === EXAMPLES_STACK ? EXAMPLE_EXTRAS : []),
      ),
    );
    for (const app of installed) apps[app.flavour] = app;
    const tried = await Promise.all(installed.map(tryOut));
    installed.forEach((app, i) => (steps[app.flavour] = tried[i]));
  });

  afterAll(() => removeUserApps(Object.values(apps)));

  it("pack:all writes both tarballs to artifacts/", () => {
    const version = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).version;
    expect(Object.values(tarballs).map((t) => path.relative(path.join(__dirname, "..", ".."), t))).toEqual([
      `artifacts/stax-events-cdktf-${version}.tgz`,
      `artifacts/stax-events-cdktn-${version}.tgz`,
    ]);
  });

  it.each(Object.keys(PACKAGES))("%s carries only dist/, the README, the licence and package.json", (name) => {
    const files = execFileSync("tar", ["-tzf", tarballs[name]], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map((f) => f.replace(/^package\//, ""));
    for (const file of files)
      expect(file).toMatch(/^(dist\/modules\/.*\.(js|d\.ts)|README\.md|LICENSE|package\.json)$/);
    expect(files).toEqual(
      expect.arrayContaining(["LICENSE", "README.md", "dist/modules/index.js", "dist/modules/events/index.d.ts"]),
    );
  });

  it.each(Object.values(PACKAGES).map((p) => [p.name, p]))(
    "%s declares its stack's packages as peer dependencies, and no dependency, dev dependency or script",
    (name, flavour) => {
      const app = Object.values(apps).find((a) => a.packageName === name) as UserApp;
      const pkg = JSON.parse(fs.readFileSync(path.join(app.dir, "node_modules", name, "package.json"), "utf8"));
      expect(pkg.peerDependencies).toEqual(flavour.peerDependencies);
      expect(pkg.dependencies ?? {}).toEqual({});
      expect([pkg.devDependencies, pkg.scripts]).toEqual([undefined, undefined]);
      expect(pkg.repository).toEqual(expect.objectContaining({ type: "git" }));
      expect(typeof pkg.homepage).toBe("string");
    },
  );

  it("the cdktn package imports cdktn and @cdktn/provider-aws only", () => {
    const dist = path.join(apps.cdktn.dir, "node_modules", "stax-events-cdktn", "dist");
    const sources = fs
      .readdirSync(dist, { recursive: true, encoding: "utf8" })
      .filter((f) => /\.(js|d\.ts)$/.test(f))
      .map((f) => fs.readFileSync(path.join(dist, f), "utf8"))
      .join("\n");
    expect(sources).not.toMatch(/(require\(|from |import\()\s*["'](cdktf|@cdktf\/)/);
    expect(sources).toMatch(/require\("@cdktn\/provider-aws\/lib\/sqs-queue"\)/);
  });

  describe.each(STACKS)("in a user app on %s", (stack) => {
    it("installs without --legacy-peer-deps, and npm finds no problem in the tree", () => {
      expect(valueOf(steps[stack]["npm ls"])).toContain(apps[stack].packageName);
    });

    it.each(Object.keys(TSCONFIGS))("type-checks with skipLibCheck false (%s)", (file) => {
      expect(valueOf(steps[stack][file])).toBe("");
    });

    it("synthesizes the library's queue and the user's own SqsQueue as targets, each with its one policy", () => {
      const synth = JSON.parse(valueOf(steps[stack].synth));
      const targets = Object.values<any>(synth.resource.aws_cloudwatch_event_target).map((t) => t.arn);
      expect(targets).toEqual([
        "${aws_sqs_queue.MyQueue.arn}",
        expect.stringMatching(/^\$\{aws_sqs_queue\.LibraryQueue/),
      ]);
      const policies = Object.values<any>(synth.resource.aws_sqs_queue_policy).map((p) => p.queue_url);
      expect(policies).toEqual(expect.arrayContaining(["${aws_sqs_queue.MyQueue.url}"]));
    });
  });

  it.each(EXAMPLE_NAMES)("example %s type-checks and synthesizes when copied into a fresh app", (name) => {
    const stacks = valueOf(steps[EXAMPLES_STACK][`example ${name}`]).split("\n");
    expect(stacks.length).toBeGreaterThan(0);
    for (const stack of stacks) expect(stack).toMatch(/^[\w-]+: [1-9]\d*$/);
  });

  it("loads the package root by name, and the events subpath without loading cdktf or the provider", async () => {
    const app = apps["cdktf-aws5"];
    const run = (code: string) => app.exec(process.execPath, ["-e", code]).then((out) => out.trim());
    expect(
      await run('const m = require("stax-events-cdktf"); console.log(typeof m.StaxEventBus, typeof m.matches)'),
    ).toBe("function function");
    expect(
      await run(
        'const e = require("stax-events-cdktf/events");' +
          "const mods = Object.keys(require.cache);" +
          "console.log(e.SECURITY_EVENT_NAMES.length, mods.some((m) => /[\\\\/]node_modules[\\\\/](cdktf|@cdktf)[\\\\/]/.test(m)))",
      ),
    ).toBe("20 false");
  });
});

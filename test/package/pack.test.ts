/**
 * The published package: `npm pack` (which builds dist/ through `prepack`), unpacked into a
 * temporary node_modules inside the repo so the peer dependencies resolve from ours.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..");

describe("npm package", () => {
  let tmp: string;
  let pkgDir: string;
  let files: string[];

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(root, ".pack-test-"));
    const out = execFileSync("npm", ["pack", "--json", "--pack-destination", tmp], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const [info] = JSON.parse(out.slice(out.indexOf("[")));
    files = info.files.map((f: { path: string }) => f.path).sort();
    pkgDir = path.join(tmp, "node_modules", "stax-events-cdktf");
    fs.mkdirSync(pkgDir, { recursive: true });
    execFileSync("tar", ["-xzf", path.join(tmp, info.filename), "-C", pkgDir, "--strip-components=1"]);
  });

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const load = (code: string): string =>
    execFileSync(process.execPath, ["-e", code], {
      cwd: tmp,
      encoding: "utf8",
      env: { ...process.env, NODE_PATH: "" },
    }).trim();

  it("carries only dist/, the README, the licence and package.json", () => {
    for (const file of files)
      expect(file).toMatch(/^(dist\/modules\/.*\.(js|d\.ts)|README\.md|LICENSE|package\.json)$/);
    expect(files).toEqual(
      expect.arrayContaining([
        "LICENSE",
        "README.md",
        "dist/modules/index.js",
        "dist/modules/index.d.ts",
        "dist/modules/events/index.js",
      ]),
    );
    expect(files.some((f) => f.startsWith("dist/test") || f.startsWith("dist/examples"))).toBe(false);
  });

  it("loads the package root by name", () => {
    expect(load('const m = require("stax-events-cdktf"); console.log(typeof m.StaxEventBus, typeof m.matches)')).toBe(
      "function function",
    );
  });

  it("loads the events subpath without loading cdktf or the provider", () => {
    const loaded = load(
      'const e = require("stax-events-cdktf/events");' +
        "const mods = Object.keys(require.cache);" +
        "console.log(e.SECURITY_EVENT_NAMES.length, mods.some((m) => /[\\\\/]node_modules[\\\\/](cdktf|@cdktf)[\\\\/]/.test(m)))",
    );
    expect(loaded).toBe("20 false");
  });

  it("declares cdktf, constructs and the provider (AWS provider 5 and 6) as peer dependencies", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));
    expect(pkg.peerDependencies).toEqual({
      "@cdktf/provider-aws": "^20.1.0 || ^21.0.0",
      cdktf: "^0.21.0",
      constructs: "^10.4.2",
    });
    expect(pkg.dependencies ?? {}).toEqual({});
  });
});

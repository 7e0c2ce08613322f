/**
 * `npm run pack:all`: builds modules/ once and writes both packages to artifacts/:
 *
 * - stax-events-cdktf-<version>.tgz: the compiled source, for cdktf with @cdktf/provider-aws;
 * - stax-events-cdktn-<version>.tgz: the same compiled files with the module specifiers `cdktf`
 *   and `@cdktf/provider-aws/...` mapped to `cdktn` and `@cdktn/provider-aws/...` (in the JS and
 *   in the declarations), with CDK Terrain's peer ranges (scripts/flavours.js).
 *
 * Prints the paths of the two tarballs. No network; the packages are not published.
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { PACKAGES, rewriteSpecifiers, root } = require("./flavours");

const ARTIFACTS = path.join(root, "artifacts");
const STAGE = path.join(root, "build");

/** Compiles modules/ into dist/ (what `npm run build` does). */
function build() {
  fs.rmSync(path.join(root, "dist"), { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
}

/** `npm pack` of a directory into artifacts/, without lifecycle scripts; returns the tarball's path. */
function pack(dir) {
  const out = execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", ARTIFACTS, dir], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [info] = JSON.parse(out.slice(out.indexOf("[")));
  return path.join(ARTIFACTS, info.filename);
}

/** Every file under dir, relative to it. */
function walk(dir, base = dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(dir, entry.name), base) : [path.relative(base, path.join(dir, entry.name))],
    );
}

/** The package.json of a flavour: the root one's public fields, its own name and peers. */
function manifestOf(flavour, rootManifest) {
  const keep = [
    "version",
    "license",
    "repository",
    "homepage",
    "bugs",
    "keywords",
    "main",
    "types",
    "typesVersions",
    "exports",
    "files",
    "engines",
  ];
  const manifest = { name: flavour.name, description: rootManifest.description };
  for (const key of keep) if (rootManifest[key] !== undefined) manifest[key] = rootManifest[key];
  if (isMapped(flavour)) {
    manifest.description = rootManifest.description.replace("CDK for Terraform", "CDK Terrain (cdktn)");
  }
  manifest.peerDependencies = flavour.peerDependencies;
  return manifest;
}

/** Whether a package's module specifiers differ from the source's (the cdktn build). */
function isMapped(flavour) {
  return Object.keys(flavour.modules).length > 0;
}

/**
 * Stages a package in build/<name>: dist/ (its module specifiers rewritten for a mapped package,
 * with a README header saying so), README, LICENSE, and a package.json with only the published
 * fields (no scripts, no dev dependencies).
 */
function stage(flavour, rootManifest) {
  const dir = path.join(STAGE, flavour.name);
  fs.rmSync(dir, { recursive: true, force: true });
  let rewritten = 0;
  for (const file of walk(path.join(root, "dist", "modules"))) {
    if (!/\.(js|d\.ts)$/.test(file)) continue;
    const target = path.join(dir, "dist", "modules", file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const source = fs.readFileSync(path.join(root, "dist", "modules", file), "utf8");
    const { code, count } = isMapped(flavour) ? rewriteSpecifiers(source, flavour.modules) : { code: source, count: 0 };
    rewritten += count;
    fs.writeFileSync(target, code);
  }
  const left = walk(path.join(dir, "dist")).filter((file) =>
    /(require\(|from |import\()\s*["'](cdktf|@cdktf\/)/.test(fs.readFileSync(path.join(dir, "dist", file), "utf8")),
  );
  if (isMapped(flavour) && (rewritten === 0 || left.length > 0)) {
    throw new Error(`${flavour.name}: ${rewritten} specifiers rewritten; cdktf imports left in ${left.join(", ")}`);
  }
  const header = [
    `# ${flavour.name}`,
    "",
    `The [CDK Terrain](https://www.npmjs.com/package/cdktn) build of \`${rootManifest.name}\`: the same constructs,`,
    "compiled from the same source, with `cdktf` mapped to `cdktn` and `@cdktf/provider-aws` to",
    "`@cdktn/provider-aws`. Your app provides " +
      Object.entries(flavour.peerDependencies)
        .map(([name, range]) => `\`${name}\` (${range})`)
        .join(", ") +
      ".",
    `Wherever the README below says \`${rootManifest.name}\` or \`@cdktf/provider-aws\`, read \`${flavour.name}\``,
    "and `@cdktn/provider-aws`.",
    "",
    "---",
    "",
  ].join("\n");
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  fs.writeFileSync(path.join(dir, "README.md"), isMapped(flavour) ? header + readme : readme);
  fs.copyFileSync(path.join(root, "LICENSE"), path.join(dir, "LICENSE"));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifestOf(flavour, rootManifest), null, 2) + "\n");
  return dir;
}

/** Builds once and packs both packages; returns the tarball paths by package name. */
function packAll() {
  const rootManifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  build();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const tarballs = {};
  for (const flavour of Object.values(PACKAGES)) {
    tarballs[flavour.name] = pack(stage(flavour, rootManifest));
  }
  return tarballs;
}

module.exports = { packAll };

if (require.main === module) {
  for (const tarball of Object.values(packAll())) console.log(path.relative(root, tarball));
}

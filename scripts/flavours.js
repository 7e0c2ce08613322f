/**
 * The stacks the library is built and tested for, in one place: the jest projects
 * (jest.config.js), the package build (scripts/pack.js) and the package test
 * (test/package/) all read them from here.
 *
 * There is one source (modules/), written against cdktf and @cdktf/provider-aws. The
 * stax-events-cdktn package is the same compiled code with those module specifiers mapped to
 * CDK Terrain's.
 */
const path = require("path");

const root = path.resolve(__dirname, "..");

/** @param {string} name */
function packageJsonOf(name) {
  return require(path.join(root, "node_modules", name, "package.json"));
}

/**
 * A published package.
 * @typedef {object} PackageFlavour
 * @property {string} name npm name.
 * @property {Record<string, string>} modules module specifiers of the source -> of this package.
 * @property {Record<string, string>} peerDependencies what the user's app provides.
 */

/** @type {Record<string, PackageFlavour>} */
const PACKAGES = {
  "stax-events-cdktf": {
    name: "stax-events-cdktf",
    modules: {},
    // the root package.json states them; the package test checks them against these
    peerDependencies: { "@cdktf/provider-aws": "^20.1.0 || ^21.0.0", cdktf: "^0.21.0", constructs: "^10.4.2" },
  },
  "stax-events-cdktn": {
    name: "stax-events-cdktn",
    modules: { cdktf: "cdktn", "@cdktf/provider-aws": "@cdktn/provider-aws" },
    get peerDependencies() {
      const cdktn = packageJsonOf("cdktn");
      const provider = packageJsonOf("@cdktn/provider-aws");
      return {
        "@cdktn/provider-aws": `^${provider.version.split(".")[0]}.0.0`,
        cdktn: `^${cdktn.version}`,
        constructs: cdktn.peerDependencies.constructs,
      };
    },
  },
};

/**
 * A stack the tests run on.
 * @typedef {object} Flavour
 * @property {string} name jest project name.
 * @property {boolean} primary runs every test (the others run the tests that build constructs).
 * @property {boolean} test has a jest project.
 * @property {string} package the package a user of this stack installs.
 * @property {Record<string, string>} modules module specifiers of the source -> installed dev dependency.
 * @property {Record<string, string>} userApp name -> dev dependency a user app of this stack installs.
 */

/** @type {Record<string, Flavour>} */
const FLAVOURS = {
  "cdktf-aws5": {
    name: "cdktf-aws5",
    primary: true,
    test: true,
    package: "stax-events-cdktf",
    modules: {},
    userApp: { cdktf: "cdktf", "@cdktf/provider-aws": "@cdktf/provider-aws", constructs: "constructs" },
  },
  "cdktf-aws6": {
    name: "cdktf-aws6",
    primary: false,
    test: true,
    package: "stax-events-cdktf",
    modules: { "@cdktf/provider-aws": "@cdktf/provider-aws-v21" },
    userApp: { cdktf: "cdktf", "@cdktf/provider-aws": "@cdktf/provider-aws-v21", constructs: "constructs" },
  },
  cdktn: {
    name: "cdktn",
    primary: false,
    test: true,
    package: "stax-events-cdktn",
    modules: PACKAGES["stax-events-cdktn"].modules,
    userApp: { cdktn: "cdktn", "@cdktn/provider-aws": "@cdktn/provider-aws", constructs: "constructs" },
  },
};

/**
 * Rewrites the module specifiers of emitted JavaScript or declarations (`require("x")`,
 * `from "x"`, `import("x")`), for `x` a mapped module or a path inside it.
 * @param {string} code
 * @param {Record<string, string>} modules
 * @returns {{ code: string, count: number }}
 */
function rewriteSpecifiers(code, modules) {
  let count = 0;
  const names = Object.keys(modules)
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  if (names.length === 0) return { code, count };
  const pattern = new RegExp(`((?:require\\(|from |import\\()\\s*)(["'])(${names.join("|")})((?:/[^"']*)?)\\2`, "g");
  const out = code.replace(pattern, (_all, lead, quote, name, rest) => {
    count++;
    return `${lead}${quote}${modules[name]}${rest}${quote}`;
  });
  return { code: out, count };
}

module.exports = { FLAVOURS, PACKAGES, rewriteSpecifiers, root };

// One mechanism resolves the package's own name ("stax-events-cdktf") to the local source:
// the `paths` of tsconfig.json. tsc and ts-node read them directly; jest gets them here.
//
// Three projects run the same tests against the three stacks users have:
// - cdktf-aws5: cdktf with @cdktf/provider-aws 20.x (AWS provider 5.x): every test;
// - cdktf-aws6: the same with @cdktf/provider-aws 21.x (AWS provider 6.x, the dev dependency
//   aliased as @cdktf/provider-aws-v21): the tests that build constructs;
// - cdktn: CDK Terrain, cdktf -> cdktn and @cdktf/provider-aws -> @cdktn/provider-aws (AWS
//   provider 6.x), the mapping the stax-events-cdktn package is built with (scripts/flavours.js).
// Offline terraform plans need the matching provider binary; test/support/terraform.ts skips them
// (saying so once) when the bindings in use were generated for a provider version the local
// mirror does not hold.
const { pathsToModuleNameMapper } = require("ts-jest");
const { compilerOptions } = require("./tsconfig.json");
const { FLAVOURS } = require("./scripts/flavours");

const ownName = pathsToModuleNameMapper(compilerOptions.paths, { prefix: "<rootDir>/" });

/**
 * Run once, in the primary project: tests that import neither cdktf nor the provider, that test the
 * package as a whole, or that measure what the provider version does not change (policy sizes of
 * hundreds of rules, physical-name clashes between copies of every app, value rules).
 */
const FLAVOUR_INDEPENDENT = [
  "/test/(events|pattern|docs|package|validation)/",
  "/test/app/(synth-command|two-copies)\\.test\\.ts$",
  "/test/targets/service-limits\\.test\\.ts$",
];

/** @param {import("./scripts/flavours").Flavour} flavour */
function project(flavour) {
  const mapper = {};
  for (const [from, to] of Object.entries(flavour.modules)) {
    if (from !== to) {
      mapper[`^${from.replace(/[/]/g, "\\/")}$`] = to;
      mapper[`^${from.replace(/[/]/g, "\\/")}/(.*)$`] = `${to}/$1`;
    }
  }
  return {
    displayName: flavour.name,
    testEnvironment: "node",
    rootDir: __dirname,
    roots: ["<rootDir>/test"],
    testMatch: ["**/*.test.ts"],
    testPathIgnorePatterns: ["/node_modules/", ...(flavour.primary ? [] : FLAVOUR_INDEPENDENT)],
    // Type checking is done once by `tsc --noEmit` in `npm test`; jest only transpiles
    // (tsconfig.json sets isolatedModules, which puts ts-jest in transpile-only mode).
    transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
    moduleNameMapper: { ...mapper, ...ownName },
    setupFilesAfterEnv: ["<rootDir>/test/support/setup.ts"],
    globalSetup: "<rootDir>/test/support/global-setup.ts",
    // the example snapshots are taken with AWS provider 5 bindings; other stacks are compared in that form
    snapshotSerializers: ["<rootDir>/test/support/aws5-form.ts"],
    globals: { STAX_FLAVOUR: flavour.name },
  };
}

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 600000,
  // jest's default on 2 cores is 1 worker; the suites spend much of their time waiting on terraform
  // and on loading modules, so two workers finish about twice as fast.
  maxWorkers: 2,
  projects: Object.values(FLAVOURS).flatMap((flavour) => (flavour.test ? [project(flavour)] : [])),
};

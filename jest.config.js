// One mechanism resolves the package's own name ("stax-events-cdktf") to the local source:
// the `paths` of tsconfig.json. tsc and ts-node read them directly; jest gets them here.
const { pathsToModuleNameMapper } = require("ts-jest");
const { compilerOptions } = require("./tsconfig.json");

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // Type checking is done once by `tsc --noEmit` in `npm test`; jest only transpiles
  // (tsconfig.json sets isolatedModules, which puts ts-jest in transpile-only mode).
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: "<rootDir>/" }),
  setupFilesAfterEnv: ["<rootDir>/test/support/setup.ts"],
  testTimeout: 600000,
};

/**
 * Compiles the TypeScript handler to plain JavaScript for the Lambda runtime, with the
 * TypeScript compiler's transpiler (no bundler, no network): the handler imports only types, so
 * one file is all it needs. The result is a directory that `TerraformAsset` zips at synthesis.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

/** Compiles `handler/index.ts` into `dist/handler/index.js` and returns that directory. */
export function buildHandler(
  sourceDir = path.join(__dirname, "handler"),
  outDir = path.join(__dirname, "dist", "handler"),
): string {
  const source = fs.readFileSync(path.join(sourceDir, "index.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, removeComments: false },
    fileName: "index.ts",
  });
  if (/\brequire\(/.test(outputText)) {
    throw new Error("the handler must import types only: the Lambda package has no node_modules");
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "index.js"), outputText);
  return outDir;
}

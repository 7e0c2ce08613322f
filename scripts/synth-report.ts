/**
 * What an app run without the cdktf CLI (`npm run synth`, `npm run synth:examples`) needs to
 * tell the user as the CLI would: the `context` of cdktf.json (the CLI passes it in
 * CDKTF_CONTEXT_JSON, which still wins when set), and after synthesis, where each stack was
 * written and every warning annotation.
 */
import * as fs from "fs";
import * as path from "path";
import { App } from "cdktf";

/** The `context` object of a cdktf.json; `{}` when the file has none. */
export function cdktfJsonContext(file: string): Record<string, unknown> {
  const json: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  const context = (json as { context?: unknown }).context ?? {};
  if (typeof context !== "object" || context === null || Array.isArray(context)) {
    throw new Error(`${file}: "context" must be an object of settings, e.g. { "staxAccountId": "123456789012" }.`);
  }
  return context as Record<string, unknown>;
}

const LEVELS: Record<string, string> = { "@cdktf/warn": "warning", "@cdktf/error": "error", "@cdktf/info": "info" };

/** One line per synthesized stack (`<stack>: <file>`), each followed by its annotations, warnings first. */
export function synthReport(app: App, relativeTo = process.cwd()): string[] {
  const lines: string[] = [];
  for (const stack of Object.values(app.manifest.stacks)) {
    lines.push(`${stack.name}: ${path.relative(relativeTo, path.join(app.outdir, stack.synthesizedStackPath))}`);
    const ordered = [...stack.annotations].sort(
      (a, b) => Number(a.level !== "@cdktf/warn") - Number(b.level !== "@cdktf/warn"),
    );
    for (const annotation of ordered) {
      lines.push(
        `  ${LEVELS[annotation.level] ?? annotation.level}: [${annotation.constructPath}] ${annotation.message}`,
      );
    }
  }
  return lines;
}

/**
 * Enforces the documentation rules of the public API, so they do not depend on review:
 * every export of the package root has a doc comment, so does every public member of its
 * classes and interfaces, every optional property states its default with `@default`, and every
 * construct (a class extending `Construct` that users construct) and every preset table (an export
 * named `...Presets`) shows its use with `@example`.
 */
import * as path from "path";
import * as ts from "typescript";

const root = path.resolve(__dirname, "..", "..");

function publicApi(entryFile: string) {
  const configFile = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  const config = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const program = ts.createProgram([entryFile], { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(entryFile)!;
  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(entry)!);
  return { checker, exports };
}

const isPublicMember = (decl: ts.Declaration): boolean => {
  const flags = ts.getCombinedModifierFlags(decl);
  const name = (decl as ts.NamedDeclaration).name;
  return !(flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) && !(name && ts.isPrivateIdentifier(name));
};

/** A class that extends `Construct` directly and has a public constructor: a construct users create. */
const isConstructClass = (decl: ts.Declaration): boolean =>
  ts.isClassDeclaration(decl) &&
  (decl.heritageClauses ?? []).some(
    (clause) =>
      clause.token === ts.SyntaxKind.ExtendsKeyword && clause.types.some((t) => t.expression.getText() === "Construct"),
  ) &&
  !decl.members.some((m) => ts.isConstructorDeclaration(m) && !isPublicMember(m));

/**
 * Exports and members without a doc comment, optional properties without `@default`, and
 * constructs and preset tables without `@example`.
 */
function audit(entryFile: string): {
  exported: number;
  undocumented: string[];
  noDefault: string[];
  noExample: string[];
} {
  const { checker, exports } = publicApi(entryFile);
  const undocumented: string[] = [];
  const noDefault: string[] = [];
  const noExample: string[] = [];

  for (const exported of exports) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (symbol.getDocumentationComment(checker).length === 0) undocumented.push(exported.name);
    const needsExample = /Presets$/.test(exported.name) || (symbol.declarations ?? []).some(isConstructClass);
    if (needsExample && !symbol.getJsDocTags(checker).some((t) => t.name === "example")) noExample.push(exported.name);
    for (const decl of symbol.declarations ?? []) {
      if (!ts.isClassDeclaration(decl) && !ts.isInterfaceDeclaration(decl)) continue;
      for (const member of decl.members) {
        if (ts.isConstructorDeclaration(member) || ts.isIndexSignatureDeclaration(member) || !isPublicMember(member))
          continue;
        const memberSymbol = member.name ? checker.getSymbolAtLocation(member.name) : undefined;
        if (!memberSymbol) continue;
        const label = `${exported.name}.${memberSymbol.name}`;
        if (memberSymbol.getDocumentationComment(checker).length === 0) undocumented.push(label);
        const optionalProp =
          ts.isPropertySignature(member) && member.questionToken !== undefined && ts.isInterfaceDeclaration(decl);
        if (optionalProp && !memberSymbol.getJsDocTags(checker).some((t) => t.name === "default"))
          noDefault.push(label);
      }
    }
  }
  return { exported: exports.length, undocumented, noDefault, noExample };
}

describe("public API documentation", () => {
  const { exported, undocumented, noDefault, noExample } = audit(path.join(root, "modules", "index.ts"));

  it("exports something to check", () => {
    expect(exported).toBeGreaterThan(20);
  });

  it("has a doc comment on every export and public member", () => {
    expect(undocumented).toEqual([]);
  });

  it("states the default of every optional property", () => {
    expect(noDefault).toEqual([]);
  });

  it("shows every construct and preset table in use with @example", () => {
    expect(noExample).toEqual([]);
  });

  it("catches an undocumented export, member, a missing default and a missing example", () => {
    const bad = audit(path.join(root, "test", "fixtures", "api-docs", "undocumented.ts"));
    expect(bad.undocumented.sort()).toEqual(["Documented.name", "Undocumented"]);
    expect(bad.noDefault).toEqual(["Documented.size"]);
    expect(bad.noExample.sort()).toEqual(["NoExample", "ThingPresets"]);
  });
});

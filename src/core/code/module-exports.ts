// What one JavaScript/TypeScript module exports at run time, read from its source text
// without running or bundling it. Pure: text in, data out.
//
// Cloudflare finds a Durable Object class by the EXPORT NAME of the Worker's entry module
// (wrangler checks `class_name` against esbuild's list of entry exports; the API answers
// 10064/10070 when the name is missing). So this module is about export names, and about
// which of them are bound to a class declaration.
//
// Decisions, each mirroring what wrangler's esbuild build does with the file:
// - `export default class X {}` exports the name `default`, not `X`: the class is bound to
//   `default` and `X` is only a local name. Cloudflare would look for `default`.
// - Type-only exports are not run-time exports: `export type`, `export interface`,
//   `export { type X }`, `export type * from`, `export declare ...`, function overload
//   signatures, non-instantiated namespaces, and `export { X }` / `export default X` where X is
//   only a type here (an interface, a type alias, a `declare`d value, an `import type`).
// - In TypeScript files `export { X }` with no declaration of X in the file is dropped, as
//   esbuild does (X is assumed to be a global type). In JavaScript files it is a syntax error.
// - `export default <expression>` still exports exactly the name `default`, so it does not make
//   the set of names incomplete; its kind is "class" only when the expression is a class.
// - The set of names is incomplete only for CommonJS (`module.exports`, `exports.x`, `require`
//   in a file without import/export syntax) and TypeScript's `export =`; see `dynamic`.
// - `.js`, `.mjs` and `.cjs` files are parsed with JSX enabled, like wrangler's esbuild loader.
import { parse } from "@babel/parser";

type BabelFile = ReturnType<typeof parse>;
type Statement = BabelFile["program"]["body"][number];
type StatementOf<T extends Statement["type"]> = Extract<Statement, { type: T }>;
type ExportDefault = StatementOf<"ExportDefaultDeclaration">["declaration"];
type Declaration = NonNullable<StatementOf<"ExportNamedDeclaration">["declaration"]>;
type Pattern = StatementOf<"VariableDeclaration">["declarations"][number]["id"];
type NameNode = { type: "Identifier"; name: string } | { type: "StringLiteral"; value: string };

/** How an export name is bound in this module. */
export type LocalExportKind =
  /** bound to a class declaration or class expression of this module */
  | "class"
  /** bound to some other run-time value of this module (function, variable, enum, ...) */
  | "other"
  /** bound to an imported binding (`local` is the local name; see `importedBindings`) */
  | "reexport";

export interface LocalExport {
  kind: LocalExportKind;
  /** local binding name; absent for `export default <expression>` and anonymous default classes */
  local?: string;
  line: number;
}

/** `export { imported as exported } from "from"`; `imported` is "*" for `export * as ns from`. */
export interface NamedReexport {
  exported: string;
  imported: string;
  from: string;
  line: number;
}

/** `export * from "from"` (never re-exports `default`). */
export interface StarReexport {
  from: string;
  line: number;
}

/** A value import: `imported` is the name in the other module, "default", or "*" (namespace). */
export interface ImportedBinding {
  imported: string;
  from: string;
  line: number;
}

export interface ModuleExports {
  ok: true;
  /** export name -> binding, for exports without `from` */
  localExports: Map<string, LocalExport>;
  starReexports: StarReexport[];
  namedReexports: NamedReexport[];
  /** local name -> value import (type-only imports are left out) */
  importedBindings: Map<string, ImportedBinding>;
  /** why the export names of this module cannot be known statically; empty when they can */
  dynamic: string[];
}

export interface ModuleParseFailure {
  ok: false;
  /** `line` is 1-based, `column` is 1-based */
  error: { message: string; line: number; column: number };
}

export type ModuleExportsResult = ModuleExports | ModuleParseFailure;

type BindingKind = "class" | "other" | "type";

const RANK: Record<BindingKind, number> = { type: 0, other: 1, class: 2 };

/** Parser errors that esbuild accepts in TypeScript files, so they do not fail the analysis. */
const TS_TOLERATED_ERRORS = new Set(["ModuleExportUndefined", "UnsupportedParameterDecorator"]);

export function isTypeScriptFile(fileName: string): boolean {
  return /\.(?:ts|tsx|mts|cts)$/i.test(fileName);
}

export function parseModuleExports(sourceText: string, fileName: string): ModuleExportsResult {
  const typescript = isTypeScriptFile(fileName);
  const jsx = !/\.(?:ts|mts|cts)$/i.test(fileName);
  let ast: BabelFile;
  try {
    ast = parse(sourceText, {
      sourceType: "module",
      sourceFilename: fileName,
      errorRecovery: true,
      attachComment: false,
      plugins: [
        ...(typescript ? [["typescript", {}] as ["typescript", object]] : []),
        ...(jsx ? (["jsx"] as const) : []),
        "decorators",
        "decoratorAutoAccessors",
        "sourcePhaseImports",
      ],
    });
  } catch (error) {
    return failure(error);
  }
  const fatal = ast.errors.find((e) => !(typescript && TS_TOLERATED_ERRORS.has(e.reasonCode)));
  if (fatal) return failure(fatal);

  const body = ast.program.body;
  const declared = collectDeclarations(body);
  const importedBindings = new Map<string, ImportedBinding>();
  const typeOnlyImports = new Set<string>();
  collectImports(body, importedBindings, typeOnlyImports);

  const localExports = new Map<string, LocalExport>();
  const starReexports: StarReexport[] = [];
  const namedReexports: NamedReexport[] = [];
  const dynamic: string[] = [];

  const addLocal = (name: string, entry: LocalExport): void => {
    const previous = localExports.get(name);
    // TypeScript declaration merging (`class A` + `namespace A`): the class wins.
    if (previous && !(entry.kind === "class" && previous.kind !== "class")) return;
    localExports.set(name, entry);
  };
  // How `export { local as exported }` or `export default local` binds; undefined for types.
  const exportLocal = (exported: string, local: string, line: number): LocalExport | undefined => {
    if (importedBindings.has(local)) return { kind: "reexport", local, line };
    const kind = declared.get(local);
    if (kind === "class" || kind === "other") return { kind, local, line };
    if (kind === undefined && !typeOnlyImports.has(local) && exported === "default") {
      // `export default someGlobal`: an expression export of a value from outside the module.
      return { kind: "other", line };
    }
    // kind "type", a type-only import, or `export { X }` of an undeclared X (only possible in
    // TypeScript files, where esbuild treats X as a global type): not a run-time export.
    return undefined;
  };

  let moduleSyntax = false;
  for (const statement of body) {
    const line = statement.loc?.start.line ?? 0;
    switch (statement.type) {
      case "ImportDeclaration":
      case "TSImportEqualsDeclaration":
        moduleSyntax = true;
        break;
      case "ExportAllDeclaration":
        moduleSyntax = true;
        if (statement.exportKind !== "type") starReexports.push({ from: statement.source.value, line });
        break;
      case "ExportNamedDeclaration": {
        moduleSyntax = true;
        if (statement.exportKind === "type") break;
        if (statement.declaration) {
          for (const [name, kind] of declarationBindings(statement.declaration)) {
            if (kind !== "type") addLocal(name, { kind, local: name, line });
          }
        }
        for (const specifier of statement.specifiers) {
          if (specifier.type === "ExportNamespaceSpecifier") {
            if (statement.source) {
              namedReexports.push({
                exported: nameOf(specifier.exported),
                imported: "*",
                from: statement.source.value,
                line,
              });
            }
            continue;
          }
          if (specifier.type !== "ExportSpecifier" || specifier.exportKind === "type") continue;
          const exported = nameOf(specifier.exported);
          const local = nameOf(specifier.local as NameNode);
          if (statement.source) {
            namedReexports.push({ exported, imported: local, from: statement.source.value, line });
          } else {
            const entry = exportLocal(exported, local, line);
            if (entry) addLocal(exported, entry);
          }
        }
        break;
      }
      case "ExportDefaultDeclaration":
        moduleSyntax = true;
        {
          const entry = exportDefault(statement.declaration, line, exportLocal);
          if (entry) addLocal("default", entry);
        }
        break;
      case "TSExportAssignment":
        moduleSyntax = true;
        dynamic.push(`line ${line}: TypeScript \`export =\` (CommonJS export)`);
        break;
      default:
        break;
    }
  }
  if (!moduleSyntax && usesCommonJs(body)) {
    dynamic.push("CommonJS module (module.exports / exports / require without import or export syntax)");
  }
  return { ok: true, localExports, starReexports, namedReexports, importedBindings, dynamic };
}

function exportDefault(
  declaration: ExportDefault,
  line: number,
  exportLocal: (exported: string, local: string, line: number) => LocalExport | undefined,
): LocalExport | undefined {
  const named = (kind: LocalExportKind, id: { name: string } | null | undefined): LocalExport =>
    id ? { kind, local: id.name, line } : { kind, line };
  switch (declaration.type) {
    case "ClassDeclaration":
      // `export default class X {}`: the export NAME is "default"; X is only the local name.
      return named("class", declaration.id);
    case "FunctionDeclaration":
      return named("other", declaration.id);
    case "TSDeclareFunction":
    case "TSInterfaceDeclaration":
      return undefined; // overload signature or interface: types only
    default: {
      const expression = unwrapExpression(declaration);
      if (expression.type === "Identifier" && expression.name)
        return exportLocal("default", expression.name, line);
      return expression.type === "ClassExpression" ? named("class", expression.id) : { kind: "other", line };
    }
  }
}

// Strips type assertions and parentheses: `(X as any)`, `X satisfies ExportedHandler<Env>`, `X!`.
function unwrapExpression(node: { type: string }): {
  type: string;
  name?: string;
  id?: { name: string } | null;
} {
  let current = node as { type: string; expression?: { type: string } };
  while (
    current.expression &&
    (current.type === "TSAsExpression" ||
      current.type === "TSSatisfiesExpression" ||
      current.type === "TSNonNullExpression" ||
      current.type === "TSTypeAssertion" ||
      current.type === "ParenthesizedExpression")
  ) {
    current = current.expression;
  }
  return current as { type: string; name?: string; id?: { name: string } | null };
}

function nameOf(node: NameNode): string {
  return node.type === "Identifier" ? node.name : node.value;
}

// Top-level declarations of this module, by local name.
function collectDeclarations(body: Statement[]): Map<string, BindingKind> {
  const declared = new Map<string, BindingKind>();
  const add = (name: string, kind: BindingKind): void => {
    const previous = declared.get(name);
    if (previous === undefined || RANK[kind] > RANK[previous]) declared.set(name, kind);
  };
  for (const statement of body) {
    if (statement.type === "ExportNamedDeclaration" && statement.declaration) {
      const typeOnly = statement.exportKind === "type";
      for (const [name, kind] of declarationBindings(statement.declaration))
        add(name, typeOnly ? "type" : kind);
    } else if (statement.type === "ExportDefaultDeclaration") {
      const d = statement.declaration;
      if ((d.type === "ClassDeclaration" || d.type === "FunctionDeclaration") && d.id) {
        add(d.id.name, d.type === "ClassDeclaration" ? "class" : "other");
      }
    } else if (isDeclaration(statement)) {
      for (const [name, kind] of declarationBindings(statement)) add(name, kind);
    }
  }
  return declared;
}

function isDeclaration(statement: Statement): statement is Declaration {
  switch (statement.type) {
    case "ClassDeclaration":
    case "FunctionDeclaration":
    case "TSDeclareFunction":
    case "VariableDeclaration":
    case "TSEnumDeclaration":
    case "TSModuleDeclaration":
    case "TSInterfaceDeclaration":
    case "TSTypeAliasDeclaration":
    case "TSImportEqualsDeclaration":
      return true;
    default:
      return false;
  }
}

// The names a declaration binds, with their kind.
function declarationBindings(declaration: Declaration): Array<[string, BindingKind]> {
  const ambient = "declare" in declaration && declaration.declare === true;
  switch (declaration.type) {
    case "ClassDeclaration":
      return declaration.id ? [[declaration.id.name, ambient ? "type" : "class"]] : [];
    case "FunctionDeclaration":
      return declaration.id ? [[declaration.id.name, "other"]] : [];
    case "TSDeclareFunction":
      return declaration.id ? [[declaration.id.name, "type"]] : [];
    case "VariableDeclaration": {
      const out: Array<[string, BindingKind]> = [];
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === "Identifier") {
          const init = declarator.init ? unwrapExpression(declarator.init) : null;
          const kind: BindingKind = ambient ? "type" : init?.type === "ClassExpression" ? "class" : "other";
          out.push([declarator.id.name, kind]);
        } else {
          for (const name of patternNames(declarator.id)) out.push([name, ambient ? "type" : "other"]);
        }
      }
      return out;
    }
    case "TSEnumDeclaration":
      return [[declaration.id.name, ambient ? "type" : "other"]];
    case "TSModuleDeclaration": {
      // `namespace A.B {}` binds A; `declare module "x"` and `declare global` bind nothing.
      let id: { type: string; name?: string; left?: unknown } = declaration.id;
      while (id.type === "TSQualifiedName") id = id.left as typeof id;
      if (id.type !== "Identifier" || !id.name) return [];
      return [[id.name, ambient || !isInstantiated(declaration) ? "type" : "other"]];
    }
    case "TSImportEqualsDeclaration":
      return [[declaration.id.name, declaration.importKind === "type" ? "type" : "other"]];
    default:
      return []; // interfaces, type aliases and other type-only declarations
  }
}

// A namespace emits JavaScript only if it holds something other than types.
function isInstantiated(namespace: StatementOf<"TSModuleDeclaration">): boolean {
  const block = namespace.body;
  if (!block) return false;
  return block.body.some((statement) => {
    const inner = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
    if (!inner) return statement.type === "ExportNamedDeclaration" && statement.exportKind !== "type";
    if (inner.type === "TSInterfaceDeclaration" || inner.type === "TSTypeAliasDeclaration") return false;
    if (inner.type === "TSModuleDeclaration") return isInstantiated(inner) && inner.declare !== true;
    return !("declare" in inner && inner.declare === true);
  });
}

function patternNames(pattern: Pattern | { type: string }): string[] {
  const node = pattern as {
    type: string;
    name?: string;
    properties?: Array<{ type: string; value?: { type: string }; argument?: { type: string } }>;
    elements?: Array<{ type: string } | null>;
    left?: { type: string };
    argument?: { type: string };
  };
  switch (node.type) {
    case "Identifier":
      return node.name ? [node.name] : [];
    case "ObjectPattern":
      return (node.properties ?? []).flatMap((p) => {
        const target = p.type === "RestElement" ? p.argument : p.value;
        return target ? patternNames(target) : [];
      });
    case "ArrayPattern":
      return (node.elements ?? []).flatMap((e) => (e ? patternNames(e) : []));
    case "AssignmentPattern":
      return node.left ? patternNames(node.left) : [];
    case "RestElement":
      return node.argument ? patternNames(node.argument) : [];
    default:
      return [];
  }
}

function collectImports(
  body: Statement[],
  values: Map<string, ImportedBinding>,
  typeOnly: Set<string>,
): void {
  for (const statement of body) {
    if (statement.type !== "ImportDeclaration") continue;
    const line = statement.loc?.start.line ?? 0;
    const from = statement.source.value;
    // `import source x from "./m.wasm"` binds a module source object, not an export.
    const phase = (statement as { phase?: string | null }).phase;
    for (const specifier of statement.specifiers) {
      const local = specifier.local.name;
      if (
        statement.importKind === "type" ||
        (specifier.type === "ImportSpecifier" && specifier.importKind === "type")
      ) {
        typeOnly.add(local);
        continue;
      }
      if (phase === "source") continue;
      const imported =
        specifier.type === "ImportDefaultSpecifier"
          ? "default"
          : specifier.type === "ImportNamespaceSpecifier"
            ? "*"
            : nameOf(specifier.imported);
      values.set(local, { imported, from, line });
    }
  }
}

// Does a file without import/export syntax use CommonJS (`module`, `exports`, `require`)?
function usesCommonJs(body: Statement[]): boolean {
  const stack: unknown[] = [...body];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    const record = node as Record<string, unknown> & { type?: string; name?: string; computed?: boolean };
    if (
      record.type === "Identifier" &&
      (record.name === "module" || record.name === "exports" || record.name === "require")
    ) {
      return true;
    }
    // `x.module` and `{ exports: 1 }` name properties, not the CommonJS variables.
    const skip = record.computed === true ? "" : record.type === "MemberExpression" ? "property" : "key";
    for (const key in record) {
      if (key === "loc" || key === "extra" || key === skip) continue;
      const value = record[key];
      if (value !== null && typeof value === "object") stack.push(value);
    }
  }
  return false;
}

function failure(error: unknown): ModuleParseFailure {
  const e = error as { message?: unknown; loc?: { line?: number; column?: number } };
  const message = typeof e.message === "string" ? e.message.replace(/ \(\d+:\d+\)$/, "") : String(error);
  return { ok: false, error: { message, line: e.loc?.line ?? 1, column: (e.loc?.column ?? 0) + 1 } };
}

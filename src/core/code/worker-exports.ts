// The export names of a Worker's entry module (`main`), found by reading source files through
// an injected reader and following re-exports through relative imports. Nothing is run or
// bundled. Pure apart from the reader the caller passes in.
//
// Decisions:
// - What matters to Cloudflare is the export NAME (wrangler checks `class_name` against the
//   entry's export names; the API fails 10064/10070 by name). So `names` holds every run-time
//   export name that can be proven; `classes` is the subset proven to be bound to a class
//   declaration or class expression. A name whose binding cannot be followed (imported from a
//   package, from a file that is missing or does not parse, from a JSON/Wasm module) is still an
//   export name: `export { Sandbox } from "@cloudflare/sandbox"` exports `Sandbox`.
// - The name set is `unknown` only when it cannot be listed: the entry is missing or is not
//   JavaScript/TypeScript (`main` pointing into a build output such as `dist/`, or a Python
//   Worker), a file whose names are needed does not parse or cannot be read, an `export * from`
//   names a package (`export * from "agents"`) or a file that cannot be found, or a module is
//   CommonJS. Files reached only through `export { X } from` / `import { X }` are read to learn
//   whether X is a class (and whether it is a run-time value at all); a problem there does not
//   make the result unknown.
// - ES module rules: `export *` never re-exports `default`; local and named exports win over
//   star exports; a name that two star exports bind to different things is ambiguous and is not
//   exported (esbuild and the spec agree). A name re-exported from a readable module that does
//   not export it at run time (a TypeScript interface re-exported with `export { X } from`) is
//   dropped, as esbuild drops it.
// - Only relative specifiers (`./`, `../`) are followed, resolved like esbuild (which wrangler
//   uses): the exact file, then the extensions .tsx .ts .jsx .js, then TypeScript's
//   `./a.js` -> `./a.ts`/`./a.tsx` (.mjs -> .mts, .cjs -> .cts), then `dir/index.*`. Everything
//   else (packages, `node:`/`cloudflare:` modules, tsconfig `paths` aliases, wrangler `alias`)
//   is treated as a package. `package.json` files inside relative directories are not read.
// - Paths are POSIX paths as the reader understands them (normally relative to the repository
//   root); the reader decides what may be read and throws to refuse (see adapters/source-files).
import { posix } from "node:path";
import { isTypeScriptFile, type ModuleExports, parseModuleExports } from "./module-exports.ts";

/** Returns the file's text, or null when there is no such file. Throws to refuse a path. */
export type SourceReader = (path: string) => string | null | Promise<string | null>;

export interface ResolveWorkerExportsOptions {
  /** Most source files parsed before giving up (default 200). */
  maxFiles?: number;
}

export interface KnownWorkerExports {
  status: "known";
  /** export names bound to a class declaration or class expression (a subset of `names`) */
  classes: Set<string>;
  /** every run-time export name of the entry module */
  names: Set<string>;
  /** files read and parsed, entry first */
  files: string[];
  /** details worth showing: names dropped or left unproven, and why */
  notes: string[];
}

export type UnknownReason =
  | "entry-not-found"
  | "entry-not-javascript"
  | "read-error"
  | "parse-error"
  | "commonjs"
  | "package-star-reexport"
  | "unresolved-star-reexport"
  | "too-many-files";

export interface UnknownWorkerExports {
  status: "unknown";
  reason: UnknownReason;
  message: string;
  file?: string;
  line?: number;
}

export type WorkerExports = KnownWorkerExports | UnknownWorkerExports;

export const DEFAULT_MAX_FILES = 200;

const JS_EXTENSIONS = [".tsx", ".ts", ".jsx", ".js", ".mts", ".cts", ".mjs", ".cjs"];
const APPENDED_EXTENSIONS = [".tsx", ".ts", ".jsx", ".js"];
const REWRITTEN_EXTENSIONS: Record<string, string[]> = {
  ".js": [".ts", ".tsx"],
  ".jsx": [".ts", ".tsx"],
  ".mjs": [".mts"],
  ".cjs": [".cts"],
};
const BUILD_OUTPUT_DIRS =
  /(?:^|\/)(?:dist|build|out|\.output|\.wrangler|\.svelte-kit|\.next|\.open-next|\.vercel)\//;

export async function resolveWorkerExports(
  entryPath: string,
  readFile: SourceReader,
  options: ResolveWorkerExportsOptions = {},
): Promise<WorkerExports> {
  const entry = posix.normalize(entryPath);
  const resolver = new Resolver(readFile, options.maxFiles ?? DEFAULT_MAX_FILES);
  // esbuild resolves wrangler's entry point like an import: `main = "src/index"` finds
  // `src/index.ts`, and `src/index.js` finds `src/index.ts` when there is no .js file.
  const target = await resolver.resolvePath(entry);
  if (target.type === "missing") {
    const built = BUILD_OUTPUT_DIRS.test(entry)
      ? " It looks like a build output, which is not in the repository; the source that produces it cannot be followed."
      : "";
    return {
      status: "unknown",
      reason: "entry-not-found",
      message: `The entry ${entry} does not exist.${built}`,
      file: entry,
    };
  }
  if (target.type !== "file") {
    return {
      status: "unknown",
      reason: "entry-not-javascript",
      message: `The entry ${target.path} is not a JavaScript or TypeScript module (a Python Worker?); its exports cannot be read.`,
      file: target.path,
    };
  }
  const entryFile = target.path;
  const loaded = await resolver.load(entryFile);
  if (!loaded.ok) {
    return loaded.reason === "missing"
      ? {
          status: "unknown",
          reason: "entry-not-found",
          message: `The entry ${entry} does not exist.`,
          file: entry,
        }
      : toUnknown(loaded, entryFile);
  }
  const listed = await resolver.exportedNames(entryFile, new Set());
  if (!listed.ok) return listed.unknown;

  const classes = new Set<string>();
  const names = new Set<string>();
  for (const name of listed.names) {
    const origin = await resolver.resolveExport(entryFile, name, new Set());
    if (origin.type === "not-found") {
      resolver.notes.push(`\`${name}\` is re-exported but is not a run-time export of its module (a type?)`);
      continue;
    }
    if (origin.type === "ambiguous") {
      resolver.notes.push(`\`${name}\` is exported by more than one \`export *\` and so by none (ambiguous)`);
      continue;
    }
    names.add(name);
    if (origin.type === "binding" && origin.kind === "class") classes.add(name);
    if (origin.type === "unproven") resolver.notes.push(`\`${name}\`: ${origin.why}`);
  }
  return { status: "known", classes, names, files: resolver.files, notes: resolver.notes };
}

type LoadResult =
  | { ok: true; path: string; module: ModuleExports; typescript: boolean }
  | { ok: false; reason: "missing" }
  | { ok: false; reason: "read-error" | "parse-error" | "too-many-files"; message: string; line?: number };

type Resolved =
  | { type: "file"; path: string }
  | { type: "package"; specifier: string }
  | { type: "not-javascript"; path: string }
  | { type: "missing"; path: string };

type Origin =
  /** a declaration in `file` (`local` names it; the key makes bindings comparable) */
  | { type: "binding"; kind: "class" | "other"; key: string }
  /** exported, but what it is bound to cannot be followed */
  | { type: "unproven"; key: string; why: string }
  | { type: "not-found" }
  | { type: "ambiguous" }
  | { type: "circular" };

type NameList = { ok: true; names: Set<string> } | { ok: false; unknown: UnknownWorkerExports };

class Resolver {
  readonly files: string[] = [];
  readonly notes: string[] = [];
  private readonly loads = new Map<string, Promise<LoadResult>>();
  private readonly texts = new Map<string, Promise<string | null | Error>>();
  private readonly readFile: SourceReader;
  private readonly maxFiles: number;
  private parsed = 0;

  constructor(readFile: SourceReader, maxFiles: number) {
    this.readFile = readFile;
    this.maxFiles = maxFiles;
  }

  /** The text of a file, null if absent, or the Error the reader threw (cached). */
  private read(path: string): Promise<string | null | Error> {
    let text = this.texts.get(path);
    if (!text) {
      text = (async () => {
        try {
          return await this.readFile(path);
        } catch (error) {
          return error instanceof Error ? error : new Error(String(error));
        }
      })();
      this.texts.set(path, text);
    }
    return text;
  }

  load(path: string): Promise<LoadResult> {
    let result = this.loads.get(path);
    if (!result) {
      result = this.loadUncached(path);
      this.loads.set(path, result);
    }
    return result;
  }

  private async loadUncached(path: string): Promise<LoadResult> {
    const text = await this.read(path);
    if (text === null) return { ok: false, reason: "missing" };
    if (text instanceof Error) return { ok: false, reason: "read-error", message: text.message };
    if (this.parsed >= this.maxFiles) {
      return { ok: false, reason: "too-many-files", message: `more than ${this.maxFiles} source files` };
    }
    this.parsed++;
    const module = parseModuleExports(text, path);
    if (!module.ok) {
      const { message, line, column } = module.error;
      return { ok: false, reason: "parse-error", message: `${message} (${line}:${column})`, line };
    }
    this.files.push(path);
    return { ok: true, path, module, typescript: isTypeScriptFile(path) };
  }

  resolveSpecifier(importer: string, specifier: string): Promise<Resolved> {
    if (!isRelative(specifier)) return Promise.resolve({ type: "package", specifier });
    return this.resolvePath(posix.join(posix.dirname(importer), specifier));
  }

  /** The file a path names, tried like esbuild: exact, + extension, .js -> .ts, dir/index. */
  async resolvePath(base: string): Promise<Exclude<Resolved, { type: "package" }>> {
    const extension = posix.extname(base);
    const candidates: string[] = [];
    if (extension !== "") candidates.push(base);
    for (const ext of APPENDED_EXTENSIONS) candidates.push(base + ext);
    for (const ext of REWRITTEN_EXTENSIONS[extension] ?? [])
      candidates.push(base.slice(0, -extension.length) + ext);
    for (const ext of APPENDED_EXTENSIONS) candidates.push(`${base}/index${ext}`);
    for (const candidate of candidates) {
      const text = await this.read(candidate);
      if (text === null) continue;
      // A reader error (refused path, too large) is reported when the file is loaded.
      return isJavaScript(candidate)
        ? { type: "file", path: candidate }
        : { type: "not-javascript", path: candidate };
    }
    return { type: "missing", path: base };
  }

  /** Every export name of `path`, like the spec's GetExportedNames (`visited` breaks star cycles). */
  async exportedNames(path: string, visited: Set<string>): Promise<NameList> {
    const names = new Set<string>();
    if (visited.has(path)) return { ok: true, names };
    visited.add(path);
    const loaded = await this.load(path);
    if (!loaded.ok) {
      const missing: UnknownWorkerExports = {
        status: "unknown",
        reason: "unresolved-star-reexport",
        message: `${path} does not exist`,
        file: path,
      };
      return { ok: false, unknown: loaded.reason === "missing" ? missing : toUnknown(loaded, path) };
    }
    const { module } = loaded;
    if (module.dynamic.length > 0) {
      return {
        ok: false,
        unknown: {
          status: "unknown",
          reason: "commonjs",
          message: `${path}: ${module.dynamic.join("; ")}`,
          file: path,
        },
      };
    }
    for (const name of module.localExports.keys()) names.add(name);
    for (const reexport of module.namedReexports) names.add(reexport.exported);
    for (const star of module.starReexports) {
      const target = await this.resolveSpecifier(path, star.from);
      if (target.type !== "file") {
        const where = { file: path, line: star.line };
        if (target.type === "package") {
          return {
            ok: false,
            unknown: {
              status: "unknown",
              reason: "package-star-reexport",
              message: `\`export * from "${star.from}"\` re-exports every name of a package, which is not read`,
              ...where,
            },
          };
        }
        const what =
          target.type === "missing" ? "cannot be found" : "is not a JavaScript or TypeScript module";
        return {
          ok: false,
          unknown: {
            status: "unknown",
            reason: "unresolved-star-reexport",
            message: `\`export * from "${star.from}"\`: ${target.path} ${what}`,
            ...where,
          },
        };
      }
      const inner = await this.exportedNames(target.path, visited);
      if (!inner.ok) return inner;
      for (const name of inner.names) if (name !== "default") names.add(name);
    }
    return { ok: true, names };
  }

  /** What `name`, exported by `path`, is bound to, like the spec's ResolveExport. */
  async resolveExport(path: string, name: string, seen: Set<string>): Promise<Origin> {
    const key = `${path}\0${name}`;
    if (seen.has(key)) return { type: "circular" };
    seen.add(key);
    const loaded = await this.load(path);
    if (!loaded.ok) {
      const why = loaded.reason === "missing" ? `${path} does not exist` : `${path}: ${loaded.message}`;
      return { type: "unproven", key, why: `cannot follow it (${why})` };
    }
    const { module } = loaded;
    const local = module.localExports.get(name);
    if (local) {
      if (local.kind !== "reexport") {
        return { type: "binding", kind: local.kind, key: `${path}\0${local.local ?? `(${name})`}` };
      }
      const binding = local.local === undefined ? undefined : module.importedBindings.get(local.local);
      if (binding) return this.follow(path, binding.from, binding.imported, seen);
    }
    const named = module.namedReexports.find((r) => r.exported === name);
    if (named) return this.follow(path, named.from, named.imported, seen);
    if (name === "default") return { type: "not-found" };

    let found: Extract<Origin, { key: string }> | undefined;
    let maybe: Origin | undefined =
      module.dynamic.length > 0 ? { type: "unproven", key, why: "CommonJS module" } : undefined;
    for (const star of module.starReexports) {
      const target = await this.resolveSpecifier(path, star.from);
      if (target.type !== "file") {
        maybe ??= { type: "unproven", key, why: `may come from \`export * from "${star.from}"\`` };
        continue;
      }
      const origin = await this.resolveExport(target.path, name, seen);
      if (origin.type === "ambiguous") return origin;
      if (origin.type === "not-found" || origin.type === "circular") continue;
      if (found && found.key !== origin.key) return { type: "ambiguous" };
      found = origin;
    }
    return found ?? maybe ?? { type: "not-found" };
  }

  // The binding behind `import { imported } from "from"` / `export { imported } from "from"`.
  private async follow(importer: string, from: string, imported: string, seen: Set<string>): Promise<Origin> {
    const target = await this.resolveSpecifier(importer, from);
    if (target.type === "package") {
      return { type: "unproven", key: `${from}\0${imported}`, why: `imported from package "${from}"` };
    }
    if (imported === "*") return { type: "binding", kind: "other", key: `${target.path}\0*` };
    if (target.type === "not-javascript") {
      return {
        type: "unproven",
        key: `${target.path}\0${imported}`,
        why: `${target.path} is not a JavaScript module`,
      };
    }
    if (target.type === "missing") {
      return { type: "unproven", key: `${target.path}\0${imported}`, why: `${target.path} cannot be found` };
    }
    const origin = await this.resolveExport(target.path, imported, seen);
    if (origin.type === "circular") {
      return { type: "unproven", key: `${target.path}\0${imported}`, why: "circular re-export" };
    }
    return origin;
  }
}

function isRelative(specifier: string): boolean {
  return specifier === "." || specifier === ".." || specifier.startsWith("./") || specifier.startsWith("../");
}

function isJavaScript(path: string): boolean {
  return JS_EXTENSIONS.includes(posix.extname(path).toLowerCase());
}

function toUnknown(
  loaded: { reason: "read-error" | "parse-error" | "too-many-files"; message: string; line?: number },
  file: string,
): UnknownWorkerExports {
  const unknown: UnknownWorkerExports = {
    status: "unknown",
    reason: loaded.reason,
    message: `${file}: ${loaded.message}`,
    file,
  };
  if (loaded.line !== undefined) unknown.line = loaded.line;
  return unknown;
}

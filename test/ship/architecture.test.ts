// The shape ARCHITECTURE.md draws, kept by a test: imports go one way (no cycle among the files
// of src/, value and type imports alike), the core is pure (it imports nothing outside src/core
// and no Node.js module that reaches the world), nothing imports an entry point, and no source
// file is over 600 lines. Each rule family's place (src/core/rules/<family>.ts holds its codes)
// is kept by test/core/rules.test.ts.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative, resolve } from "node:path";
import { describe, test } from "node:test";

const ROOT = resolve(import.meta.dirname, "../..");
const SRC = join(ROOT, "src");
const MAX_LINES = 600;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** Every module a file names: static imports and re-exports (type-only too) and `import()`; comments are not read. */
function specifiers(source: string): string[] {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s*["']([^"']+)["']/gms)) found.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.push(m[1]!);
  for (const m of text.matchAll(/^import\s+["']([^"']+)["']/gm)) found.push(m[1]!);
  return found;
}

interface Module {
  readonly file: string; // relative to the repository, with forward slashes
  readonly lines: number;
  readonly external: readonly string[];
  readonly local: readonly string[];
}

function readModules(): Map<string, Module> {
  const files = sourceFiles(SRC);
  const known = new Set(files.map((f) => rel(f)));
  const modules = new Map<string, Module>();
  for (const path of files) {
    const text = readFileSync(path, "utf8");
    const external: string[] = [];
    const local: string[] = [];
    for (const spec of specifiers(text)) {
      if (!spec.startsWith(".")) {
        external.push(spec);
        continue;
      }
      const target = rel(normalize(join(dirname(path), spec)));
      if (known.has(target)) local.push(target);
      else assert.fail(`${rel(path)} imports ${spec}, which is not a file of src/`);
    }
    modules.set(rel(path), { file: rel(path), lines: text.split("\n").length - 1, external, local });
  }
  return modules;
}

function rel(path: string): string {
  return relative(ROOT, path).split("\\").join("/");
}

/** The strongly connected components with more than one file (Tarjan), each sorted. */
function cycles(modules: Map<string, Module>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of modules.get(v)!.local) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of modules.keys()) if (!index.has(v)) visit(v);
  return found;
}

const modules = readModules();

describe("the architecture", () => {
  test("the test reads the source: every layer has files, and imports are seen", () => {
    for (const layer of [
      "src/core/",
      "src/adapters/",
      "src/check/",
      "src/deploy/",
      "src/action/",
      "src/cli/",
    ]) {
      assert.ok(
        [...modules.keys()].some((f) => f.startsWith(layer)),
        layer,
      );
    }
    assert.ok(modules.get("src/core/analyze/compare-worker.ts")!.local.length > 3);
    assert.deepEqual(cycles(new Map(fakeCycle())), [["a.ts", "b.ts"]]);
  });

  test("no import cycle among the files of src/ (type imports included)", () => {
    assert.deepEqual(cycles(modules), []);
  });

  test("the core is pure: it imports only the core, parsers, and Node.js modules that do not reach the world", () => {
    const allowedExternal = new Set([
      "smol-toml",
      "jsonc-parser",
      "toml-eslint-parser",
      "@babel/parser",
      "picomatch",
      "diff",
      "node:path",
      "node:module",
      "node:util",
    ]);
    const problems: string[] = [];
    for (const m of modules.values()) {
      if (!m.file.startsWith("src/core/")) continue;
      for (const l of m.local) if (!l.startsWith("src/core/")) problems.push(`${m.file} imports ${l}`);
      for (const e of m.external) {
        if (e.startsWith("@actions/") || /^node:(fs|child_process|net|http|https|os|process)/.test(e)) {
          problems.push(`${m.file} imports ${e}`);
        } else if (!allowedExternal.has(e)) {
          problems.push(`${m.file} imports ${e} (add it here if it is a pure library)`);
        }
      }
      const text = readFileSync(join(ROOT, m.file), "utf8");
      if (/\bprocess\.(env|argv|exit|cwd)\b/.test(text)) problems.push(`${m.file} reads the process`);
    }
    assert.deepEqual(problems, []);
  });

  test("nothing imports an entry point; adapters import no use case's code but its ports and errors", () => {
    const problems: string[] = [];
    for (const m of modules.values()) {
      for (const l of m.local) {
        const entry = l.startsWith("src/action/") || l.startsWith("src/cli/");
        const fromEntry = m.file.startsWith("src/action/") || m.file.startsWith("src/cli/");
        if (entry && !fromEntry) problems.push(`${m.file} imports the entry point ${l}`);
        if (
          m.file.startsWith("src/adapters/") &&
          /^src\/(check|deploy)\//.test(l) &&
          !/\/(ports|errors)\.ts$/.test(l)
        ) {
          problems.push(`${m.file} imports the use case ${l}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  test(`no source file is over ${MAX_LINES} lines`, () => {
    const long = [...modules.values()].filter((m) => m.lines > MAX_LINES).map((m) => `${m.file}: ${m.lines}`);
    assert.deepEqual(long, []);
  });
});

function fakeCycle(): Array<[string, Module]> {
  const m = (file: string, local: string[]): [string, Module] => [
    file,
    { file, lines: 1, external: [], local },
  ];
  return [m("a.ts", ["b.ts"]), m("b.ts", ["a.ts"]), m("c.ts", ["a.ts"])];
}

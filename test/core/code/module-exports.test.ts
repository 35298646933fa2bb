import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseModuleExports } from "../../../src/core/code/module-exports.ts";

// A compact view of a successful parse: `name: kind` or `name: kind(local)`.
function view(source: string, fileName = "index.ts") {
  const result = parseModuleExports(source, fileName);
  assert.ok(result.ok, `expected a parse, got ${JSON.stringify(!result.ok && result.error)}`);
  const exports: Record<string, string> = {};
  for (const [name, entry] of result.localExports) {
    exports[name] = entry.local === undefined ? entry.kind : `${entry.kind}(${entry.local})`;
  }
  return {
    exports,
    stars: result.starReexports.map((s) => s.from),
    named: result.namedReexports.map((r) => `${r.exported}<-${r.imported}@${r.from}`),
    imports: Object.fromEntries(
      [...result.importedBindings].map(([local, b]) => [local, `${b.imported}@${b.from}`]),
    ),
    dynamic: result.dynamic.length,
  };
}

const none = { stars: [], named: [], imports: {}, dynamic: 0 };

describe("parseModuleExports: export names and kinds", () => {
  const cases: Array<{ name: string; source: string; file?: string; expected: ReturnType<typeof view> }> = [
    {
      name: "export class and export default object",
      source: "export class Counter {}\nexport default { fetch() {} };",
      expected: { ...none, exports: { Counter: "class(Counter)", default: "other" } },
    },
    {
      name: "export default class X exports the name `default`, not `X`",
      source: "export default class MyObject {}",
      expected: { ...none, exports: { default: "class(MyObject)" } },
    },
    {
      name: "anonymous default class and default class expression",
      source: "export default (class {});",
      expected: { ...none, exports: { default: "class" } },
    },
    {
      name: "export default of a local class identifier, through `satisfies`",
      source: "class Room {}\nexport default Room satisfies unknown;",
      expected: { ...none, exports: { default: "class(Room)" } },
    },
    {
      name: "export default of a global value",
      source: "export default globalThis;",
      expected: { ...none, exports: { default: "other" } },
    },
    {
      name: "a class exported under another name, including a string name",
      source: 'class Counter {}\nexport { Counter as CounterV2, Counter as "counter-v3" };',
      expected: { ...none, exports: { CounterV2: "class(Counter)", "counter-v3": "class(Counter)" } },
    },
    {
      name: "variables: class expressions are classes, destructured names are values",
      source: "export const A = class {}, B = 1, { c, d: [e], ...f } = obj;\nexport let g;",
      expected: {
        ...none,
        exports: { A: "class(A)", B: "other(B)", c: "other(c)", e: "other(e)", f: "other(f)", g: "other(g)" },
      },
    },
    {
      name: "functions, enums, instantiated namespaces, import aliases, abstract and decorated classes",
      source:
        "export function f() {}\nexport enum E { a }\nexport const enum C { a }\nexport namespace N { export const x = 1 }\n" +
        "export import Alias = N.x;\nexport abstract class Abs {}\n@sealed export class Deco {}\nexport @sealed class Deco2 {}",
      expected: {
        ...none,
        exports: {
          f: "other(f)",
          E: "other(E)",
          C: "other(C)",
          N: "other(N)",
          Alias: "other(Alias)",
          Abs: "class(Abs)",
          Deco: "class(Deco)",
          Deco2: "class(Deco2)",
        },
      },
    },
    {
      name: "type-only exports are not run-time exports",
      source:
        "import type { T1 } from './t';\nimport { type T2, V } from './t';\nexport type { T1 };\nexport { type T2, T2 as Again, V };\n" +
        "export interface I {}\nexport type Alias = 1;\nexport declare class D {}\nexport declare const d: number;\n" +
        "export namespace OnlyTypes { export type X = 1 }\nexport function over(a: string): void;\nexport function over(a: unknown) {}\n" +
        "interface Local {}\nexport { Local };\nexport { GlobalType };\nexport type * from './types';\nexport type { X } from './x';",
      expected: {
        ...none,
        exports: { V: "reexport(V)", over: "other(over)" },
        imports: { V: "V@./t" },
      },
    },
    {
      name: "class and namespace merged: the class wins",
      source: "export class Merged {}\nexport namespace Merged { export const x = 1 }",
      expected: { ...none, exports: { Merged: "class(Merged)" } },
    },
    {
      name: "imports: named, default and namespace bindings are kept for re-export",
      source:
        "import Def, { A as B } from './a';\nimport * as ns from './n';\nimport source wasm from './m.wasm';\n" +
        "export { B, ns as NS, Def };\nexport default B;",
      expected: {
        ...none,
        exports: { B: "reexport(B)", NS: "reexport(ns)", Def: "reexport(Def)", default: "reexport(B)" },
        imports: { Def: "default@./a", B: "A@./a", ns: "*@./n" },
      },
    },
    {
      name: "re-exports: star, named, renamed, default, namespace",
      source:
        "export * from './a';\nexport * from 'agents';\nexport { X, Y as Z, default as D } from './b';\n" +
        "export { type T } from './b';\nexport * as ns from './c';",
      expected: {
        ...none,
        exports: {},
        stars: ["./a", "agents"],
        named: ["X<-X@./b", "Z<-Y@./b", "D<-default@./b", "ns<-*@./c"],
      },
    },
    {
      name: "JSX in a .js file (wrangler's loader allows it)",
      source: "const v = () => <div />;\nexport class Room {}\nexport default { v };",
      file: "worker.js",
      expected: { ...none, exports: { Room: "class(Room)", default: "other" } },
    },
    {
      name: "JSX and generics in a .tsx file",
      source: "export const Box = <T,>(p: T) => <div>{String(p)}</div>;\nexport class Room {}",
      file: "view.tsx",
      expected: { ...none, exports: { Box: "other(Box)", Room: "class(Room)" } },
    },
    {
      name: "TypeScript angle-bracket assertion in a .ts file",
      source: "const x = <number>(<unknown>1);\nexport { x };",
      expected: { ...none, exports: { x: "other(x)" } },
    },
    {
      name: "TypeScript parameter decorators, accessors, using, top-level await",
      source:
        "class S { constructor(@inject() x: number) {} @dec accessor y = 1 }\nawait using r = res();\nexport { S };",
      expected: { ...none, exports: { S: "class(S)" } },
    },
    {
      name: "a script with no module syntax exports nothing",
      source: "const o = { module: 1, exports: 2 };\no.require = 3;\naddEventListener('fetch', () => {});",
      file: "sw.js",
      expected: { ...none, exports: {} },
    },
    {
      name: "CommonJS is dynamic",
      source: "class Counter {}\nmodule.exports = { Counter };",
      file: "cjs.js",
      expected: { ...none, exports: {}, dynamic: 1 },
    },
    {
      name: "TypeScript `export =` is dynamic",
      source: "class Counter {}\nexport = Counter;",
      expected: { ...none, exports: {}, dynamic: 1 },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(view(c.source, c.file), c.expected);
    });
  }
});

describe("parseModuleExports: lines and failures", () => {
  it("records the line of each export", () => {
    const result = parseModuleExports(
      "// x\n\nexport class A {}\nexport * from './b';\nexport { c } from './c';",
      "a.ts",
    );
    assert.ok(result.ok);
    assert.equal(result.localExports.get("A")?.line, 3);
    assert.deepEqual(result.starReexports, [{ from: "./b", line: 4 }]);
    assert.equal(result.namedReexports[0]?.line, 5);
  });

  const failures: Array<{
    name: string;
    source: string;
    file: string;
    line: number;
    column: number;
    message: RegExp;
  }> = [
    {
      name: "syntax error",
      source: "export class A {}\nexport const = 1;",
      file: "a.ts",
      line: 2,
      column: 14,
      message: /Unexpected token/,
    },
    {
      name: "unclosed class",
      source: "export class A {\n",
      file: "a.ts",
      line: 2,
      column: 1,
      message: /Unexpected token/,
    },
    {
      name: "undeclared export in JavaScript",
      source: "export { Missing };",
      file: "a.js",
      line: 1,
      column: 10,
      message: /Export 'Missing' is not defined/,
    },
    {
      name: "duplicate export in JavaScript",
      source: "export class A {}\nconst B = 1;\nexport { B as A };",
      file: "a.js",
      line: 3,
      column: 10,
      message: /already been exported/,
    },
    {
      name: "type annotation in a .js file",
      source: "export const a: number = 1;",
      file: "a.js",
      line: 1,
      column: 15,
      message: /./,
    },
  ];
  for (const f of failures) {
    it(`fails with a location: ${f.name}`, () => {
      const result = parseModuleExports(f.source, f.file);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.match(result.error.message, f.message);
      assert.doesNotMatch(result.error.message, /\(\d+:\d+\)$/);
      assert.deepEqual([result.error.line, result.error.column], [f.line, f.column]);
    });
  }
});

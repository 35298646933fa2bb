import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { createSourceReader } from "../../../src/adapters/source-files.ts";
import { resolveWorkerExports, type SourceReader } from "../../../src/core/code/worker-exports.ts";

const fixtures = fileURLToPath(new URL("../../fixtures/workers/", import.meta.url));

const sorted = (set: Set<string>): string[] => [...set].sort();

// Fixture Workers read from disk through the real source reader.
describe("resolveWorkerExports: fixture Workers", () => {
  const known: Array<{
    fixture: string;
    entry: string;
    names: string[];
    classes: string[];
    files?: string[];
    notes?: RegExp[];
  }> = [
    {
      fixture: "ts-basic",
      entry: "src/index.ts",
      names: ["Counter", "Lazy", "default", "helper"],
      classes: ["Counter", "Lazy"],
      files: ["src/index.ts"],
    },
    {
      fixture: "js-basic",
      entry: "src/worker.js",
      names: ["Lobby", "Room", "default"],
      classes: ["Lobby", "Room"],
    },
    {
      fixture: "chain",
      entry: "./src/index.ts",
      names: ["Chat", "Presence", "default"],
      classes: ["Chat", "Presence"],
      files: [
        "src/index.ts",
        "src/objects/index.ts",
        "src/objects/presence.ts",
        "src/objects/chat.ts",
        "src/objects/impl/chat-room.ts",
      ],
    },
    {
      fixture: "star",
      entry: "src/index.ts",
      names: ["OnlyA", "Shared", "default", "onlyB"],
      classes: ["OnlyA", "Shared"],
      notes: [/`Dup` is exported by more than one `export \*`/],
    },
    {
      fixture: "alias",
      entry: "src/index.ts",
      names: [
        "AlsoDefault",
        "CounterV2",
        "Depot",
        "FromDefault",
        "Store",
        "Warehouse",
        "default",
        "quoted-name",
      ],
      classes: [
        "AlsoDefault",
        "CounterV2",
        "Depot",
        "FromDefault",
        "Store",
        "Warehouse",
        "default",
        "quoted-name",
      ],
    },
    { fixture: "default-class", entry: "src/index.js", names: ["default"], classes: ["default"] },
    {
      fixture: "type-only",
      entry: "src/index.ts",
      names: ["Real", "Tool", "Values", "default", "overloaded"],
      classes: ["Real", "Tool"],
      notes: [/`Shape` is re-exported but is not a run-time export/, /`Kind` is re-exported/],
    },
    {
      fixture: "broken-dependency",
      entry: "src/index.ts",
      names: ["Half", "Whole"],
      classes: ["Whole"],
      files: ["src/index.ts"],
      notes: [/`Half`: cannot follow it \(src\/broken\.ts: Unexpected token \(2:1\)\)/],
    },
    {
      fixture: "package-named",
      entry: "src/index.ts",
      names: ["Box", "Sandbox", "agents", "default"],
      classes: [],
      notes: [/`Sandbox`: imported from package "@cloudflare\/sandbox"/],
    },
    {
      fixture: "cycle",
      entry: "src/index.ts",
      names: ["A", "B", "Loop", "default"],
      classes: ["A", "B"],
      notes: [/`Loop`: circular re-export/],
    },
    {
      fixture: "resolution",
      entry: "src/index.mts",
      names: ["FromIndex", "Helper", "Up", "View", "default"],
      classes: ["FromIndex", "Helper", "Up"],
      files: [
        "src/index.mts",
        "src/objects/index.ts",
        "src/lib/helper.mts",
        "src/view.jsx",
        "src/lib/up.js",
        "src/root.tsx",
      ],
    },
    {
      fixture: "missing-import",
      entry: "src/index.ts",
      names: ["Generated", "Present"],
      classes: ["Present"],
      notes: [/`Generated`: src\/generated cannot be found/],
    },
  ];
  // esbuild resolves the entry point like an import.
  known.push(
    {
      fixture: "ts-basic",
      entry: "src/index",
      names: ["Counter", "Lazy", "default", "helper"],
      classes: ["Counter", "Lazy"],
      files: ["src/index.ts"],
    },
    {
      fixture: "ts-basic",
      entry: "src/index.js",
      names: ["Counter", "Lazy", "default", "helper"],
      classes: ["Counter", "Lazy"],
      files: ["src/index.ts"],
    },
    { fixture: "chain", entry: "src/objects", names: ["Chat", "Presence"], classes: ["Chat", "Presence"] },
  );
  for (const c of known) {
    it(`${c.fixture} (${c.entry}): ${c.names.join(", ")}`, async () => {
      const result = await resolveWorkerExports(c.entry, createSourceReader(fixtures + c.fixture));
      assert.equal(result.status, "known", JSON.stringify(result));
      if (result.status !== "known") return;
      assert.deepEqual(sorted(result.names), c.names);
      assert.deepEqual(sorted(result.classes), c.classes);
      if (c.files) assert.deepEqual(result.files, c.files);
      for (const note of c.notes ?? []) {
        assert.ok(
          result.notes.some((n) => note.test(n)),
          `no note matches ${note}: ${JSON.stringify(result.notes)}`,
        );
      }
    });
  }

  const unknown: Array<{
    fixture: string;
    entry: string;
    reason: string;
    file?: string;
    line?: number;
    message: RegExp;
  }> = [
    {
      fixture: "parse-error",
      entry: "src/index.ts",
      reason: "parse-error",
      file: "src/index.ts",
      line: 4,
      message: /src\/index\.ts: .*\(4:/,
    },
    {
      fixture: "broken-star",
      entry: "src/index.ts",
      reason: "parse-error",
      file: "src/broken.ts",
      line: 1,
      message: /Unexpected token/,
    },
    {
      fixture: "build-output",
      entry: "dist/index.js",
      reason: "entry-not-found",
      file: "dist/index.js",
      message: /does not exist\. It looks like a build output/,
    },
    {
      fixture: "build-output",
      entry: ".output/server/index.mjs",
      reason: "entry-not-found",
      message: /build output/,
    },
    {
      fixture: "package-star",
      entry: "src/index.ts",
      reason: "package-star-reexport",
      file: "src/index.ts",
      line: 2,
      message: /export \* from "agents"/,
    },
    {
      fixture: "commonjs",
      entry: "src/index.js",
      reason: "commonjs",
      file: "src/index.js",
      message: /CommonJS/,
    },
    {
      fixture: "python",
      entry: "src/entry.py",
      reason: "entry-not-javascript",
      file: "src/entry.py",
      message: /not a JavaScript or TypeScript module/,
    },
    {
      fixture: "ts-basic",
      entry: "src/worker.ts",
      reason: "entry-not-found",
      message: /^The entry src\/worker\.ts does not exist\.$/,
    },
    {
      fixture: "ts-basic",
      entry: "../chain/src/index.ts",
      reason: "read-error",
      message: /outside the repository/,
    },
  ];
  for (const c of unknown) {
    it(`${c.fixture} (${c.entry}): unknown, ${c.reason}`, async () => {
      const result = await resolveWorkerExports(c.entry, createSourceReader(fixtures + c.fixture));
      assert.equal(result.status, "unknown", JSON.stringify(result));
      if (result.status !== "unknown") return;
      assert.equal(result.reason, c.reason);
      assert.match(result.message, c.message);
      if (c.file !== undefined) assert.equal(result.file, c.file);
      if (c.line !== undefined) assert.equal(result.line, c.line);
    });
  }
});

// Small in-memory Workers (a plain function over a record, no mocking) for the edges.
function memory(files: Record<string, string>): { reader: SourceReader; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    reader: (path) => {
      reads.push(path);
      return Object.hasOwn(files, path) ? (files[path] ?? null) : null;
    },
  };
}

describe("resolveWorkerExports: edges", () => {
  it("accepts an async reader", async () => {
    const files: Record<string, string> = { "index.ts": "export * from './a';", "a.ts": "export class A {}" };
    const result = await resolveWorkerExports("index.ts", async (path) => files[path] ?? null);
    assert.equal(result.status, "known");
    if (result.status === "known") assert.deepEqual(sorted(result.classes), ["A"]);
  });

  it("a `.js` specifier prefers an existing .js file over the .ts file", async () => {
    const { reader } = memory({
      "index.ts": "export * from './a.js';",
      "a.js": "export class FromJs {}",
      "a.ts": "export class FromTs {}",
    });
    const result = await resolveWorkerExports("index.ts", reader);
    assert.ok(result.status === "known");
    assert.deepEqual(sorted(result.names), ["FromJs"]);
  });

  it("a local export wins over a star export of the same name", async () => {
    const { reader } = memory({
      "index.ts": "export * from './a';\nexport const Same = 1;",
      "a.ts": "export class Same {}",
    });
    const result = await resolveWorkerExports("index.ts", reader);
    assert.ok(result.status === "known");
    assert.deepEqual(sorted(result.names), ["Same"]);
    assert.deepEqual(sorted(result.classes), []);
  });

  it("a star export of a missing file is unknown", async () => {
    const { reader } = memory({ "src/index.ts": "export * from './generated';\nexport class A {}" });
    const result = await resolveWorkerExports("src/index.ts", reader);
    assert.equal(result.status, "unknown");
    if (result.status === "unknown") {
      assert.equal(result.reason, "unresolved-star-reexport");
      assert.match(result.message, /src\/generated cannot be found/);
      assert.equal(result.line, 1);
    }
  });

  it("a star export of a JSON module is unknown; a named import from it is an export name", async () => {
    const star = memory({ "index.ts": "export * from './data.json';", "data.json": "{}" });
    const r1 = await resolveWorkerExports("index.ts", star.reader);
    assert.equal(r1.status === "unknown" && r1.reason, "unresolved-star-reexport");
    const named = memory({ "index.ts": "export { default as Data } from './data.json';", "data.json": "{}" });
    const r2 = await resolveWorkerExports("index.ts", named.reader);
    assert.ok(r2.status === "known");
    assert.deepEqual(sorted(r2.names), ["Data"]);
  });

  it("a name that a star export might take from a package stays an export name", async () => {
    const { reader } = memory({
      "index.ts": "export { X } from './barrel';",
      "barrel.ts": "export * from 'some-package';",
    });
    const result = await resolveWorkerExports("index.ts", reader);
    assert.ok(result.status === "known");
    assert.deepEqual(sorted(result.names), ["X"]);
    assert.deepEqual(sorted(result.classes), []);
  });

  it("a reader that throws for a file behind a star export makes the result unknown", async () => {
    const result = await resolveWorkerExports("index.ts", (path) => {
      if (path === "index.ts") return "export * from './big';";
      if (path === "big.ts") throw new Error("too large");
      return null;
    });
    assert.equal(result.status, "unknown");
    if (result.status === "unknown") {
      assert.equal(result.reason, "read-error");
      assert.match(result.message, /big\.ts: too large/);
    }
  });

  it("stops at the file-count bound", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10; i++) files[`m${i}.ts`] = `export * from './m${i + 1}';\nexport class C${i} {}`;
    files["m10.ts"] = "export class C10 {}";
    const capped = await resolveWorkerExports("m0.ts", memory(files).reader, { maxFiles: 5 });
    assert.equal(capped.status === "unknown" && capped.reason, "too-many-files");
    const whole = await resolveWorkerExports("m0.ts", memory(files).reader);
    assert.ok(whole.status === "known");
    assert.equal(whole.names.size, 11);
    assert.equal(whole.files.length, 11);
  });

  it("reads each candidate path at most once", async () => {
    const { reader, reads } = memory({
      "index.ts":
        "export * from './a';\nexport { A as B } from './a';\nimport { A } from './a';\nexport { A as C };",
      "a.ts": "export class A {}",
    });
    const result = await resolveWorkerExports("index.ts", reader);
    assert.ok(result.status === "known");
    assert.deepEqual(sorted(result.classes), ["A", "B", "C"]);
    assert.equal(new Set(reads).size, reads.length, JSON.stringify(reads));
  });
});

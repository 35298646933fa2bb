// The speed-ups of the core keep their results: each fast path is compared with the plain
// definition it replaces, or with a real parser, on arbitrary inputs (fast-check).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { parse as parseToml } from "smol-toml";
import { type AST, parseTOML } from "toml-eslint-parser";
import { parseConfigText } from "../../src/core/config/parse.ts";
import { pathKey, splitKey } from "../../src/core/config/toml-locator.ts";
import { canonicalJson } from "../../src/core/config/workers.ts";
import type { ConfigPath } from "../../src/core/model.ts";
import { closest, editDistance } from "../../src/core/text/suggest.ts";
import { tomlConfig } from "../support/toml-configs.ts";

/** The definition: JSON.stringify with every object's keys sorted. */
function referenceCanonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (error) {
    return { error: (error as Error).constructor.name };
  }
}

describe("canonicalJson", () => {
  test("equals JSON.stringify with sorted keys, for parsed-config-like and odd values", () => {
    const key = fc.oneof(
      fc.string(),
      fc.constantFrom("0", "1", "10", "01", "__proto__", "toJSON", "tag", "-1"),
    );
    const odd = fc.oneof(
      fc.constantFrom(undefined, Number.NaN, -0, Number.POSITIVE_INFINITY, 1e21, 0.1),
      fc.date({ noInvalidDate: true }),
      fc.bigInt(),
    );
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: "small" },
        fc.string(),
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        odd,
        fc.array(tie("any"), { maxLength: 4 }),
        fc.dictionary(key, tie("any"), { maxKeys: 4 }),
        fc.dictionary(key, tie("any"), { maxKeys: 3, noNullPrototype: false }),
      ),
    })).any;
    fc.assert(
      fc.property(value, (v) => {
        assert.deepEqual(
          outcome(() => canonicalJson(v)),
          outcome(() => referenceCanonicalJson(v)),
        );
      }),
      { numRuns: 3000 },
    );
  });

  test("sparse arrays, null-prototype objects and index keys", () => {
    const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { b: 1, a: [2] });
    const sparse: unknown[] = [1];
    sparse[2] = 3;
    for (const v of [sparse, nullProto, { 2: "x", b: 1, 1: "y", a: 0 }, { new_classes: ["A"], tag: "v1" }]) {
      assert.equal(canonicalJson(v), referenceCanonicalJson(v));
    }
  });
});

describe("closest", () => {
  /** The definition: the first candidate at the least edit distance, if within the limit. */
  function referenceClosest(word: string, candidates: readonly string[]): string | null {
    const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/g, "");
    let best: string | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
      const distance = editDistance(norm(word), norm(candidate));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    const limit = Math.max(2, Math.floor(word.length / 4));
    return best !== null && bestDistance <= limit ? best : null;
  }

  test("skipping candidates too different in length changes no answer", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "_", "-", " ", "A", "s"), maxLength: 16 });
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 6 }), (w, candidates) => {
        assert.equal(closest(w, candidates), referenceClosest(w, candidates));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("splitKey", () => {
  /** The definition: a walk honouring quoted parts. */
  function referenceSplitKey(key: string): string[] {
    const parts: string[] = [];
    let current = "";
    for (let i = 0; i < key.length; i++) {
      const ch = key[i]!;
      if (ch === '"' || ch === "'") {
        let end = i + 1;
        while (end < key.length && key[end] !== ch) end += ch === '"' && key[end] === "\\" ? 2 : 1;
        current += key.slice(i + 1, Math.min(end, key.length));
        i = end;
      } else if (ch === ".") {
        parts.push(current.trim());
        current = "";
      } else {
        current += ch;
      }
    }
    parts.push(current.trim());
    return parts.filter((part) => part !== "");
  }

  test("keys without quotes take the short way to the same parts", () => {
    const key = fc.string({
      unit: fc.constantFrom("a", "b", ".", " ", "\t", "_", "-", '"', "'", "\\"),
      maxLength: 14,
    });
    fc.assert(
      fc.property(key, (k) => {
        assert.deepEqual(splitKey(k), referenceSplitKey(k));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("the TOML locator (the line of every finding) against toml-eslint-parser", () => {
  /**
   * The line where each path starts, by the parser's positions: the first line naming a table or
   * key (a header, or a key as written, dotted parts included), the header of each element of an
   * array of tables, and the first line of each element of an array value. What the locator does
   * not place by design (the keys of an inline table, the elements of a nested array) it finds
   * through the nearest parent path, and so does this.
   */
  function parserLines(text: string): Map<string, number> {
    const lines = new Map<string, number>();
    const place = (path: ConfigPath, line: number) => {
      const key = pathKey(path);
      if (!lines.has(key) || lines.get(key)! > line) lines.set(key, line);
    };
    const pair = (kv: AST.TOMLKeyValue, table: ConfigPath) => {
      const names = kv.key.keys.map((k) => (k.type === "TOMLBare" ? k.name : k.value));
      kv.key.keys.forEach((part, n) => {
        place([...table, ...names.slice(0, n + 1)], part.loc.start.line);
      });
      if (kv.value.type === "TOMLArray")
        kv.value.elements.forEach((e, i) => {
          place([...table, ...names, i], e.loc.start.line);
        });
    };
    for (const item of parseTOML(text, { tomlVersion: "1.1" }).body[0].body) {
      if (item.type === "TOMLKeyValue") {
        pair(item, []);
        continue;
      }
      const path = item.resolvedKey;
      const prefix: (string | number)[] = [];
      let at = 0;
      for (const part of item.key.keys) {
        while (typeof path[at] === "number") prefix.push(path[at++]!);
        prefix.push(path[at++]!);
        place(prefix, part.loc.start.line);
      }
      if (item.kind === "array") place(path, item.loc.start.line);
      for (const kv of item.body) pair(kv, path);
    }
    return lines;
  }

  /** Every path of a value: tables, keys, array elements. */
  function pathsOf(value: unknown, at: ConfigPath = []): ConfigPath[] {
    if (value instanceof Date || typeof value !== "object" || value === null) return [];
    const children: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    return children.flatMap(([k, v]) => [[...at, k], ...pathsOf(v, [...at, k])]);
  }

  function assertLinesAgree(text: string): void {
    const parsed = parseConfigText("wrangler.toml", text);
    assert.ok(parsed.ok);
    const expected = parserLines(text);
    for (const path of pathsOf(parseToml(text))) {
      let line: number | null = null;
      for (let n = path.length; n > 0 && line === null; n--)
        line = expected.get(pathKey(path.slice(0, n))) ?? null;
      assert.equal(parsed.locate(path), line, `${pathKey(path)} in\n${text}`);
    }
  }

  test("every path of generated configs is on the parser's line", () => {
    fc.assert(fc.property(tomlConfig, assertLinesAgree), { numRuns: 400 });
  });

  test("the layouts the locator read wrong before it had this oracle", () => {
    // A quoted header part holding `]`: the header ended there.
    assertLinesAgree('name = "w"\n\n[env."qa]1"]\nname = "w-qa"\n\n[[env."qa]1".migrations]]\ntag = "v1"\n');
    // An inline table over several lines (TOML 1.1): its keys were read as the table's own, so a
    // later key of the same name was placed on the inline table's line.
    assertLinesAgree('[vars]\nobj = {\n  A = 1,\n  B = [\n    2,\n  ],\n}\nA = "x"\nB = 3\n');
  });
});

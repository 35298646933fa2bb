// The speed-ups of the core keep their results: each fast path is compared with the plain
// definition it replaces, on arbitrary inputs (fast-check).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { splitKey } from "../../src/core/config/toml-locator.ts";
import { canonicalJson } from "../../src/core/config/workers.ts";
import { closest, editDistance } from "../../src/core/text/suggest.ts";

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

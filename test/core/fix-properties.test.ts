// Property tests of `do-migrate fix` (fast-check): over generated histories with the usual
// mistakes (a class added to an applied step, misspelt keys, duplicate tags, deletes mixed into
// other steps, bindings to uncreated classes), in TOML and JSONC, fix never adds data loss, the
// fixed text parses, and a second run changes nothing.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { analyzeRepository } from "../../src/core/analyze/analyze.ts";
import { parseConfigText } from "../../src/core/config/parse.ts";
import { fixConfigs } from "../../src/core/fix/fix.ts";

const NAMES = ["A", "B", "C", "D"];
const KEYS = ["new_sqlite_classes", "new_classes", "deleted_classes", "new_sqlite_class", "delete_classes"];

const step = fc.record({
  key: fc.constantFrom(...KEYS),
  names: fc.subarray(NAMES, { minLength: 1, maxLength: 2 }),
});
const scenario = fc.record({
  base: fc.array(step, { minLength: 1, maxLength: 3 }),
  added: fc.array(step, { maxLength: 3 }),
  editFirst: fc.option(fc.constantFrom(...NAMES), { nil: null }),
  duplicateTag: fc.boolean(),
  bindings: fc.subarray(NAMES, { maxLength: 2 }),
  toml: fc.boolean(),
  comments: fc.boolean(),
});

type Step = { key: string; names: string[] };

function write(
  steps: { tag: string; step: Step; extra?: string }[],
  bindings: string[],
  toml: boolean,
  comments: boolean,
): string {
  if (toml) {
    const out = [`name = "app"${comments ? "   # the Worker" : ""}`];
    for (const b of bindings)
      out.push("", "[[durable_objects.bindings]]", `name = "${b}_NS"`, `class_name = "${b}"`);
    for (const { tag, step: s, extra } of steps) {
      const names = [...s.names, ...(extra ? [extra] : [])];
      out.push(
        "",
        `[[migrations]]${comments ? " # step" : ""}`,
        `tag = "${tag}"`,
        `${s.key} = [${names.map((n) => `"${n}"`).join(", ")}]`,
      );
    }
    return `${out.join("\n")}\n`;
  }
  const entries = steps.map(
    ({ tag, step: s, extra }) =>
      `    { "tag": "${tag}", "${s.key}": ${JSON.stringify([...s.names, ...(extra ? [extra] : [])])} }`,
  );
  const binds = bindings.map((b) => `{ "name": "${b}_NS", "class_name": "${b}" }`).join(", ");
  return `{\n${comments ? "  // the Worker\n" : ""}  "name": "app",\n  "durable_objects": { "bindings": [${binds}] },\n  "migrations": [\n${entries.join(",\n")}\n  ]\n}\n`;
}

describe("property: fix never adds data loss and is idempotent", () => {
  it("generated mistakes, both formats, with and without the flags", () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), (sc, flags) => {
        const file = sc.toml ? "wrangler.toml" : "wrangler.jsonc";
        const baseSteps = sc.base.map((s, i) => ({ tag: `v${i + 1}`, step: s }));
        const headSteps = [
          ...baseSteps.map((s, i) => (i === 0 && sc.editFirst ? { ...s, extra: sc.editFirst } : s)),
          ...sc.added.map((s, i) => ({
            tag: sc.duplicateTag && i === 0 ? "v1" : `v${baseSteps.length + i + 1}`,
            step: s,
          })),
        ];
        const change = {
          file,
          baseText: write(baseSteps, [], sc.toml, sc.comments),
          headText: write(headSteps, sc.bindings, sc.toml, sc.comments),
        };
        const options = { today: "2026-11-20", acceptDeletes: false, acceptRenames: flags };
        const result = fixConfigs([change], options);
        const fixed = result.files[0]?.after ?? change.headText;
        assert.ok(parseConfigText(file, fixed).ok, fixed);
        const loss = (text: string) =>
          analyzeRepository([{ ...change, headText: text }])
            .findings.filter((f) => f.dataLoss)
            .map((f) => `${f.kind}|${f.env}|${f.classes}`)
            .sort();
        const before = loss(change.headText);
        for (const l of loss(fixed)) assert.ok(before.includes(l), `fix added data loss ${l}:\n${fixed}`);
        const again = fixConfigs([{ ...change, headText: fixed }], options);
        assert.deepEqual(again.files, [], `not idempotent:\n${fixed}`);
      }),
      { numRuns: 150 },
    );
  });
});

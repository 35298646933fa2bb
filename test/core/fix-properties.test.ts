// Property tests of `do-migrate fix` (fast-check): over generated histories with the usual
// mistakes (a class added to an applied step, misspelt keys, duplicate tags, deletes mixed into
// other steps, bindings to uncreated classes), in TOML and JSONC, fix never adds data loss, the
// fixed text parses, and a second run changes nothing. Over repositories of several Workers that
// bind each other's classes through `script_name`, every fix proven on the files it can reach
// also passes the proof over the whole repository.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { analyzeRepository } from "../../src/core/analyze/analyze.ts";
import { parseConfigText } from "../../src/core/config/parse.ts";
import { fixConfigs, offerFixes, proveFix } from "../../src/core/fix/fix.ts";
import type { ConfigChange } from "../../src/core/model.ts";

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
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** One Worker's config at both revisions, as the scenario says. */
function changeOf(
  sc: Scenario,
  dir = "",
  name = "app",
  remote: readonly Remote[] = [],
): ConfigChange & { headText: string } {
  const file = `${dir}${sc.toml ? "wrangler.toml" : "wrangler.jsonc"}`;
  const baseSteps = sc.base.map((s, i) => ({ tag: `v${i + 1}`, step: s }));
  const headSteps = [
    ...baseSteps.map((s, i) => (i === 0 && sc.editFirst ? { ...s, extra: sc.editFirst } : s)),
    ...sc.added.map((s, i) => ({
      tag: sc.duplicateTag && i === 0 ? "v1" : `v${baseSteps.length + i + 1}`,
      step: s,
    })),
  ];
  return {
    file,
    baseText: write(baseSteps, [], sc.toml, sc.comments, name, remote),
    headText: write(headSteps, sc.bindings, sc.toml, sc.comments, name, remote),
  };
}

/** A binding to another Worker's class, through `script_name`. */
type Remote = { className: string; script: string };

function write(
  steps: { tag: string; step: Step; extra?: string }[],
  bindings: string[],
  toml: boolean,
  comments: boolean,
  name = "app",
  remote: readonly Remote[] = [],
): string {
  if (toml) {
    const out = [`name = "${name}"${comments ? "   # the Worker" : ""}`];
    for (const b of bindings)
      out.push("", "[[durable_objects.bindings]]", `name = "${b}_NS"`, `class_name = "${b}"`);
    for (const r of remote)
      out.push(
        "",
        "[[durable_objects.bindings]]",
        `name = "${r.script.toUpperCase()}_${r.className}"`,
        `class_name = "${r.className}"`,
        `script_name = "${r.script}"`,
      );
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
  const binds = [
    ...bindings.map((b) => `{ "name": "${b}_NS", "class_name": "${b}" }`),
    ...remote.map(
      (r) =>
        `{ "name": "${r.script.toUpperCase()}_${r.className}", "class_name": "${r.className}", "script_name": "${r.script}" }`,
    ),
  ].join(", ");
  return `{\n${comments ? "  // the Worker\n" : ""}  "name": "${name}",\n  "durable_objects": { "bindings": [${binds}] },\n  "migrations": [\n${entries.join(",\n")}\n  ]\n}\n`;
}

describe("property: fix never adds data loss and is idempotent", () => {
  it("generated mistakes, both formats, with and without the flags", () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), (sc, flags) => {
        const file = sc.toml ? "wrangler.toml" : "wrangler.jsonc";
        const change = changeOf(sc);
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

describe("property: a fix proven on the files it reaches passes the proof over the whole repository", () => {
  const DELETES_AND_RENAMES = ["class-deleted", "class-renamed"] as const;
  const repository = fc
    .array(
      fc.record({
        sc: scenario,
        remote: fc.array(fc.record({ to: fc.nat(3), className: fc.constantFrom(...NAMES) }), {
          maxLength: 2,
        }),
      }),
      { minLength: 2, maxLength: 4 },
    )
    .map((workers) =>
      workers.map(({ sc, remote }, i) =>
        changeOf(
          sc,
          `w${i}/`,
          `w${i}`,
          remote
            .filter((r) => r.to !== i && r.to < workers.length)
            .map((r) => ({ className: r.className, script: `w${r.to}` })),
        ),
      ),
    );

  it("each offer, and fix's whole result, against every config", () => {
    fc.assert(
      fc.property(repository, (changes) => {
        const before = analyzeRepository(changes);
        const options = { today: "2026-11-20", acceptDeletes: true, acceptRenames: true };
        for (const offer of offerFixes(changes, options)) {
          const after = analyzeRepository(
            changes.map((c) => (c.file === offer.file ? { ...c, headText: offer.after } : c)),
          );
          // A chained fix also lists the findings its first part revealed and the rest fixes.
          const key = (f: { kind: string; file: string; env: string | null; classes: readonly string[] }) =>
            `${f.kind}|${f.file}|${f.env}|${[...f.classes].sort()}`;
          const was = new Set(before.findings.map(key));
          const targets = offer.targets.filter((t) => was.has(key(t)));
          const proof = proveFix(before, after, targets, [...DELETES_AND_RENAMES]);
          assert.ok(proof.resolved, `${offer.kind} in ${offer.file} leaves its targets`);
          assert.deepEqual(
            proof.added.map((f) => `${f.code} ${f.file}`),
            [],
            `${offer.kind} in ${offer.file}:\n${offer.after}`,
          );
        }
        const result = fixConfigs(changes, options);
        const fixed = changes.map((c) => ({
          ...c,
          headText: result.files.find((f) => f.file === c.file)?.after ?? c.headText,
        }));
        const added = proveFix(before, analyzeRepository(fixed), [], [...DELETES_AND_RENAMES]).added;
        assert.deepEqual(
          added.map((f) => `${f.code} ${f.file}`),
          [],
        );
      }),
      { numRuns: 120 },
    );
  });
});

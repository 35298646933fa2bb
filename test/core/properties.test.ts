// Property-based tests of the core (fast-check): what must hold for every input, not just the
// examples in the table tests.
//   1. No text, however broken, makes the parser, the analysis or a renderer throw.
//   2. Generated migration histories keep the lifecycle invariants: appending steps is never a
//      history problem; every class whose objects an appended step destroys is reported once per
//      Worker that receives the step; key order, whitespace and comments change nothing.
//   3. No string from a config can make the Markdown live (see `assertInertMarkdown` for what
//      "live" means), nor reach a terminal as a control sequence.
// Run counts are kept moderate so the whole file runs in a few seconds.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { acknowledgements } from "../../src/core/acknowledge.ts";
import { analyzeFile, analyzeRepository, buildReport } from "../../src/core/analyze/analyze.ts";
import { CATALOGUE, findingDocsAnchor } from "../../src/core/catalogue.ts";
import { parseConfigText } from "../../src/core/config/parse.ts";
import { q } from "../../src/core/diagnostics.ts";
import type { ConfigChange, Finding, FindingKind, Report, Severity } from "../../src/core/model.ts";
import { renderAcknowledgementSection } from "../../src/core/render/check-sections.ts";
import { renderJson } from "../../src/core/render/json.ts";
import { renderMarkdown } from "../../src/core/render/markdown.ts";
import { renderText } from "../../src/core/render/text.ts";

const FILES = ["wrangler.toml", "wrangler.json", "wrangler.jsonc"] as const;

function renderAll(report: Report): void {
  renderText(report);
  renderText(report, { color: true });
  renderMarkdown(report, { marker: "<!-- do-migrate-action:sticky:default -->" });
  renderMarkdown(report, { maxLength: 2_000 });
  JSON.parse(renderJson(report));
}

/** Parses, analyses (both ways round and against nothing) and renders; throws only on a bug. */
function survives(file: string, a: string, b: string): void {
  parseConfigText(file, a);
  for (const [baseText, headText] of [
    [a, b],
    [b, a],
    [null, a],
    [a, null],
  ] as const) {
    analyzeFile({ file, baseText, headText });
    renderAll(analyzeRepository([{ file, baseText, headText }]));
  }
}

// ---------------------------------------------------------------------------------------------
// 1. Broken input never throws

describe("property: no text throws out of the parser, the analysis or the renderers", () => {
  const file = fc.constantFrom(...FILES);

  it("arbitrary strings (any code point, lone surrogates included)", () => {
    fc.assert(
      fc.property(
        file,
        fc.string({ unit: "binary", maxLength: 200 }),
        fc.string({ maxLength: 80 }),
        survives,
      ),
      { numRuns: 150 },
    );
  });

  it("arbitrary bytes decoded as UTF-8", () => {
    const decoded = fc.uint8Array({ maxLength: 200 }).map((bytes) => new TextDecoder().decode(bytes));
    fc.assert(fc.property(file, decoded, decoded, survives), { numRuns: 150 });
  });

  // Real-looking configs, damaged by cutting, duplicating and inserting syntax.
  const TOML_SEED = `name = "chat"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Lobby"]

[[migrations]]
tag = "v2"
renamed_classes = [{ from = "Lobby", to = "Hall" }]

[[migrations]]
tag = "v3"
deleted_classes = ["Room"]

[env.staging]
name = "chat-staging"

[[env.production.migrations]]
tag = "p1"
new_classes = ["Room"]

[exports.Hall]
type = "durable-object"
state = "created"
storage = "sqlite"
`;
  const JSONC_SEED = `{
  // comment
  "name": "chat",
  "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "Room" }] },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room", "Lobby"] },
    { "tag": "v2", "renamed_classes": [{ "from": "Lobby", "to": "Hall" }] },
    { "tag": "v3", "deleted_classes": ["Room"], "transferred_classes": [{ "from": "X", "from_script": "s", "to": "X" }] },
  ],
  "env": {
    "staging": { "name": "chat-staging" },
    "production": { "migrations": [{ "tag": "p1", "new_classes": ["Room"] }] },
  },
  /* block */
  "exports": { "Hall": { "type": "durable-object", "state": "renamed", "renamed_to": "Room" } },
}
`;
  const TOKENS = [
    "[",
    "]",
    "{",
    "}",
    "[[",
    "]]",
    '"',
    "'",
    '"""',
    ",",
    "=",
    ":",
    "\n",
    "\r\n",
    "#",
    "//",
    "/*",
    "*/",
    "\\",
    "\u0000",
    "\ufeff",
    "migrations",
    "[[migrations]]",
    "env.",
    "deleted_classes",
    "1979-05-27",
    "1e999",
    "-0",
    "inf",
    "nan",
    "true",
    "null",
    "__proto__",
  ];
  const damaged = (seed: string) =>
    fc
      .array(
        fc.tuple(
          fc.nat(seed.length),
          fc.nat(24),
          fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })),
        ),
        { minLength: 1, maxLength: 4 },
      )
      .map((edits) =>
        edits.reduce((text, [at, cut, insert]) => text.slice(0, at) + insert + text.slice(at + cut), seed),
      );

  it("mutated real-looking TOML and JSONC configs", () => {
    fc.assert(
      fc.property(damaged(TOML_SEED), (text) => survives("wrangler.toml", TOML_SEED, text)),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(damaged(JSONC_SEED), (text) => survives("wrangler.jsonc", JSONC_SEED, text)),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Migration histories

type Op =
  | { readonly type: "create"; readonly name: string; readonly sqlite: boolean }
  | { readonly type: "delete"; readonly name: string }
  | { readonly type: "rename"; readonly from: string; readonly to: string };
interface Step {
  readonly tag: string;
  readonly ops: readonly Op[];
}

const CLASS_NAMES = ["A", "B", "C", "D", "E"];

/** One step's worth of choices; turned into a valid step against the current live set. */
const stepChoice = fc.record({
  kind: fc.constantFrom("create", "create", "delete", "rename"),
  picks: fc.array(fc.nat(99), { minLength: 1, maxLength: 2 }),
  targets: fc.array(fc.nat(99), { minLength: 2, maxLength: 2 }),
  sqlite: fc.boolean(),
});
type StepChoice = typeof stepChoice extends fc.Arbitrary<infer T> ? T : never;

/**
 * Builds valid steps (every delete and rename names a live class, every create and rename
 * target a name that is not live), one kind of operation per step so the order in which the
 * server applies a step's lists never matters. Names may come back after a delete.
 */
function buildSteps(
  live: Set<string>,
  choices: readonly StepChoice[],
  tagPrefix: string,
  from: number,
): Step[] {
  const steps: Step[] = [];
  for (const choice of choices) {
    const ops: Op[] = [];
    const used = new Set<string>();
    for (const [i, pick] of choice.picks.entries()) {
      const alive = [...live].filter((n) => !used.has(n)).sort();
      const free = CLASS_NAMES.filter((n) => !live.has(n) && !used.has(n));
      if (choice.kind === "create" && free.length > 0) {
        const name = free[pick % free.length]!;
        ops.push({ type: "create", name, sqlite: choice.sqlite });
        used.add(name);
      } else if (choice.kind === "delete" && alive.length > 0) {
        const name = alive[pick % alive.length]!;
        ops.push({ type: "delete", name });
        used.add(name);
      } else if (choice.kind === "rename" && alive.length > 0 && free.length > 0) {
        const source = alive[pick % alive.length]!;
        const target = free[choice.targets[i % 2]! % free.length]!;
        ops.push({ type: "rename", from: source, to: target });
        used.add(source);
        used.add(target);
      }
    }
    if (ops.length === 0) continue;
    for (const op of ops) {
      if (op.type === "create") live.add(op.name);
      else if (op.type === "delete") live.delete(op.name);
      else {
        live.delete(op.from);
        live.add(op.to);
      }
    }
    steps.push({ tag: `${tagPrefix}${from + steps.length + 1}`, ops });
  }
  return steps;
}

/** A history and what is appended to it. */
interface History {
  readonly base: readonly Step[];
  readonly appended: readonly Step[];
}

const history = (tagPrefix: string) =>
  fc
    .tuple(fc.array(stepChoice, { maxLength: 5 }), fc.array(stepChoice, { maxLength: 4 }))
    .map(([before, after]): History => {
      const live = new Set<string>();
      const base = buildSteps(live, before, tagPrefix, 0);
      return { base, appended: buildSteps(live, after, tagPrefix, base.length) };
    });

/** A config: top level with a history; env `staging` inherits it; env `prod` (maybe) has its own. */
interface Scenario {
  readonly top: History;
  readonly prod: History | null;
}
const scenario = fc.record({ top: history("v"), prod: fc.option(history("p"), { nil: null }) });

/**
 * The classes whose objects the appended steps destroy, told by object identity: every create
 * makes a new set of objects, a rename moves a set to another name, and a delete destroys the
 * set under its name. Only sets that exist at the base revision hold data a deploy can lose.
 */
function expectedDestroyed(h: History): string[] {
  let next = 0;
  const objects = new Map<string, number>();
  const apply = (step: Step, destroyed: string[] | null, atBase: Set<number>) => {
    for (const op of step.ops) {
      if (op.type === "create") objects.set(op.name, next++);
      else if (op.type === "rename") {
        objects.set(op.to, objects.get(op.from)!);
        objects.delete(op.from);
      } else {
        if (destroyed && atBase.has(objects.get(op.name)!)) destroyed.push(op.name);
        objects.delete(op.name);
      }
    }
  };
  for (const step of h.base) apply(step, null, new Set());
  const atBase = new Set(objects.values());
  const destroyed: string[] = [];
  for (const step of h.appended) apply(step, destroyed, atBase);
  return destroyed;
}

/** How a config is written: nothing here may change what the analysis finds. */
interface Style {
  readonly reverseKeys: boolean;
  readonly tagLast: boolean;
  readonly comments: boolean;
  readonly blankLines: boolean;
  readonly indent: string;
  readonly crlf: boolean;
  /** TOML: `[[migrations]]` tables, or one inline array of inline tables. */
  readonly inlineTables: boolean;
  /** TOML: renames as `[[migrations.renamed_classes]]` sub-tables (with `[[migrations]]`). */
  readonly renameSubTables: boolean;
  /** JSONC: trailing commas. */
  readonly trailingCommas: boolean;
  readonly compact: boolean;
}
const style = fc.record({
  reverseKeys: fc.boolean(),
  tagLast: fc.boolean(),
  comments: fc.boolean(),
  blankLines: fc.boolean(),
  indent: fc.constantFrom("", "  ", "\t"),
  crlf: fc.boolean(),
  inlineTables: fc.boolean(),
  renameSubTables: fc.boolean(),
  trailingCommas: fc.boolean(),
  compact: fc.boolean(),
});

/** The keys of a step, in the order a style writes them. */
function stepEntries(step: Step, s: Style): Array<[string, unknown]> {
  const creates = (sqlite: boolean) =>
    step.ops.flatMap((op) => (op.type === "create" && op.sqlite === sqlite ? [op.name] : []));
  const entries: Array<[string, unknown]> = [
    ["new_sqlite_classes", creates(true)],
    ["new_classes", creates(false)],
    [
      "renamed_classes",
      step.ops.flatMap((op) => (op.type === "rename" ? [{ from: op.from, to: op.to }] : [])),
    ],
    ["deleted_classes", step.ops.flatMap((op) => (op.type === "delete" ? [op.name] : []))],
  ];
  const present = entries.filter(([, v]) => (v as unknown[]).length > 0);
  if (s.reverseKeys) present.reverse();
  return s.tagLast ? [...present, ["tag", step.tag]] : [["tag", step.tag], ...present];
}

function tomlValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(tomlValue).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{ ${entries.map(([k, v]) => `${k} = ${tomlValue(v)}`).join(", ")} }`;
}

function toToml(topSteps: readonly Step[], prodSteps: readonly Step[] | null, s: Style): string {
  const lines: string[] = [];
  const blank = () => s.blankLines && lines.push("");
  const comment = (text: string) => s.comments && lines.push(`# ${text}`);
  const steps = (path: string, list: readonly Step[]) => {
    if (list.length === 0) {
      if (s.inlineTables) lines.push(`${path.split(".").pop()} = []`);
      return;
    }
    if (s.inlineTables) {
      lines.push(`${path.split(".").pop()} = [`);
      for (const step of list) {
        if (s.comments) lines.push(`${s.indent}# step ${step.tag}`);
        const body = stepEntries(step, s).map(([k, v]) => `${k} = ${tomlValue(v)}`);
        lines.push(`${s.indent}{ ${body.join(", ")} },`);
      }
      lines.push("]");
      return;
    }
    for (const step of list) {
      blank();
      lines.push(`[[${path}]]${s.comments ? " # a step" : ""}`);
      const entries = stepEntries(step, s);
      const subTables = s.renameSubTables ? entries.filter(([k]) => k === "renamed_classes") : [];
      for (const [k, v] of entries) {
        if (subTables.some(([key]) => key === k)) continue;
        lines.push(`${s.indent}${k} = ${tomlValue(v)}`);
      }
      for (const [, renames] of subTables) {
        for (const rename of renames as Array<{ from: string; to: string }>) {
          lines.push(
            `[[${path}.renamed_classes]]`,
            `${s.indent}from = "${rename.from}"`,
            `${s.indent}to = "${rename.to}"`,
          );
        }
      }
    }
  };
  comment("generated");
  lines.push(s.compact ? 'name="app"' : 'name = "app"');
  if (s.inlineTables) steps("migrations", topSteps);
  else {
    blank();
    steps("migrations", topSteps);
  }
  blank();
  lines.push("[env.staging]");
  comment("inherits the top-level migrations");
  if (prodSteps) {
    blank();
    if (s.inlineTables) {
      lines.push("[env.prod]");
      steps("env.prod.migrations", prodSteps);
    } else if (prodSteps.length > 0) steps("env.prod.migrations", prodSteps);
    else lines.push("[env.prod]", "migrations = []");
  }
  const text = `${lines.join("\n")}\n`;
  return s.crlf ? text.replace(/\n/g, "\r\n") : text;
}

function toJsonc(topSteps: readonly Step[], prodSteps: readonly Step[] | null, s: Style): string {
  const nl = s.compact ? "" : "\n";
  const pad = (depth: number) => (s.compact ? "" : s.indent.repeat(depth));
  const comma = s.trailingCommas ? "," : "";
  const comment = (depth: number, text: string) =>
    s.comments ? `${pad(depth)}${depth % 2 ? `// ${text}\n` : `/* ${text} */`}${depth % 2 ? "" : nl}` : "";
  const value = (v: unknown): string => JSON.stringify(v);
  const object = (entries: Array<[string, string]>, depth: number) =>
    `{${nl}${entries.map(([k, v]) => `${pad(depth + 1)}${JSON.stringify(k)}: ${v}`).join(`,${nl}`)}${entries.length ? comma : ""}${nl}${pad(depth)}}`;
  const steps = (list: readonly Step[], depth: number) =>
    `[${nl}${list
      .map(
        (step) =>
          `${comment(depth + 1, step.tag)}${pad(depth + 1)}${object(
            stepEntries(step, s).map(([k, v]) => [k, value(v)]),
            depth + 1,
          )}`,
      )
      .join(`,${nl}`)}${list.length ? comma : ""}${nl}${pad(depth)}]`;
  const env: Array<[string, string]> = [["staging", "{}"]];
  if (prodSteps) env.push(["prod", object([["migrations", steps(prodSteps, 3)]], 2)]);
  const top: Array<[string, string]> = [
    ["name", '"app"'],
    ["migrations", steps(topSteps, 1)],
    ["env", object(s.reverseKeys ? env.reverse() : env, 1)],
  ];
  const text = `${comment(0, "generated")}${object(s.reverseKeys ? top.reverse() : top, 0)}${nl}`;
  return s.crlf ? text.replace(/\n/g, "\r\n") : text;
}

function configs(sc: Scenario, s: Style, file: string): ConfigChange {
  const write = file.endsWith(".toml") ? toToml : toJsonc;
  const prodBase = sc.prod ? sc.prod.base : null;
  const prodHead = sc.prod ? [...sc.prod.base, ...sc.prod.appended] : null;
  return {
    file,
    baseText: write(sc.top.base, prodBase, s),
    headText: write([...sc.top.base, ...sc.top.appended], prodHead, s),
  };
}

/** What a finding says, without where it says it (lines move with the style). */
function gist(findings: readonly Finding[]): string[] {
  return findings
    .map((f) => [f.kind, f.classes.join(","), f.env, f.worker, f.severity, f.tag, f.dataLoss].join("|"))
    .sort();
}

describe("property: generated migration histories keep the lifecycle invariants", () => {
  it("the generated configs parse, in both formats and every style", () => {
    fc.assert(
      fc.property(scenario, style, fc.constantFrom(...FILES), (sc, s, file) => {
        const change = configs(sc, s, file);
        for (const text of [change.baseText!, change.headText!]) {
          const parsed = parseConfigText(file, text);
          assert.ok(parsed.ok, `${file} does not parse: ${parsed.ok ? "" : parsed.message}\n${text}`);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("appending valid steps never yields a history-*, duplicate-tag or replay-rejected finding", () => {
    fc.assert(
      fc.property(scenario, style, fc.constantFrom(...FILES), (sc, s, file) => {
        const { findings } = analyzeFile(configs(sc, s, file));
        const wrong = findings.filter(
          (f) => f.kind.startsWith("history-") || f.kind === "duplicate-tag" || f.kind === "replay-rejected",
        );
        assert.deepEqual(
          wrong.map((f) => `${f.kind} ${f.message}`),
          [],
        );
        assert.ok(findings.every((f) => f.kind !== "parse-error" && f.kind !== "invalid-config"));
      }),
      { numRuns: 150 },
    );
  });

  it("every class an appended step destroys: exactly one class-deleted per Worker that receives the step", () => {
    fc.assert(
      fc.property(scenario, style, fc.constantFrom(...FILES), (sc, s, file) => {
        const { findings } = analyzeFile(configs(sc, s, file));
        const top = expectedDestroyed(sc.top);
        const expected = [
          ...top.map((c) => `app|${c}`),
          // `staging` has no migrations of its own: it inherits the top level's, appended steps too.
          ...top.map((c) => `app-staging|${c}`),
          ...(sc.prod ? expectedDestroyed(sc.prod).map((c) => `app-prod|${c}`) : []),
        ].sort();
        // Certain losses: exactly the classes live at base that the appended steps delete. A class
        // an appended step creates and a later one deletes is a loss only on a Worker that already
        // ran the creating step (deployed from another branch): conditional (`ifRan`), and only then.
        const deletions = findings.filter((f) => f.kind === "class-deleted" && !f.ifRan);
        assert.deepEqual(deletions.map((f) => `${f.worker}|${f.classes.join(",")}`).sort(), expected);
        const conditional = findings.filter((f) => f.kind === "class-deleted" && f.ifRan);
        const appendedTags = new Set(
          [...sc.top.appended, ...(sc.prod?.appended ?? [])].map((step) => step.tag),
        );
        assert.ok(conditional.every((f) => appendedTags.has(f.ifRan!)));
        assert.ok([...deletions, ...conditional].every((f) => f.dataLoss && f.severity === "critical"));
      }),
      { numRuns: 200 },
    );
  });

  it("key order, whitespace, comments, line ends and TOML table forms never change the findings", () => {
    fc.assert(
      fc.property(scenario, style, style, fc.constantFrom(...FILES), (sc, s1, s2, file) => {
        const one = gist(analyzeFile(configs(sc, s1, file)).findings);
        const two = gist(analyzeFile(configs(sc, s2, file)).findings);
        assert.deepEqual(one, two);
      }),
      { numRuns: 150 },
    );
  });

  it("the same history written as TOML and as JSONC gives the same findings", () => {
    fc.assert(
      fc.property(scenario, style, style, (sc, s1, s2) => {
        const toml = gist(analyzeFile(configs(sc, s1, "wrangler.toml")).findings);
        const jsonc = gist(analyzeFile(configs(sc, s2, "wrangler.jsonc")).findings);
        assert.deepEqual(toml, jsonc);
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Hostile strings in the output

const MARKER = "<!-- do-migrate-action:sticky:default -->";
const DOCS = "https://example.test/do-migrate/blob/v1/";

const HOSTILE_ATOMS = [
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
  "<details>",
  "</summary>",
  "@octocat",
  "@org/team",
  "mail@example.com",
  "#1",
  "GH-12",
  "owner/repo#3",
  "[x](https://evil.example)",
  "[x]: https://evil.example",
  "![i](https://evil.example/i.png)",
  "https://evil.example",
  "www.evil.example",
  "javascript:alert(1)",
  "`",
  "``",
  "```",
  MARKER,
  "<!--",
  "-->",
  "\n",
  "\r\n",
  "\n\n# heading\n",
  "|",
  "| a | b |",
  "\u202e",
  "\u2066",
  "\u200f",
  "\u061c",
  "\u0000",
  "\u001b[2J",
  "\u009b",
  "*",
  "**",
  "_",
  "~~",
  "\\",
  "&#64;",
  "&lt;",
  "&amp;",
  "> ",
  "- ",
  "1. ",
  "::error::pwned",
  "[!CAUTION]",
  "](",
  "Room",
];
const hostile = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_ATOMS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 3 }) },
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((parts) => parts.join(""));

/** A message as the core writes it (prose with quoted names), or raw hostile text. */
const message = fc.oneof(
  fc
    .array(fc.oneof(fc.constantFrom("Class ", " is deleted in ", ": ", "(code 10061)."), hostile.map(q)), {
      minLength: 1,
      maxLength: 6,
    })
    .map((parts) => parts.join("")),
  hostile,
);

const KINDS = Object.keys(CATALOGUE) as FindingKind[];
const finding: fc.Arbitrary<Finding> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    severity: fc.constantFrom<Severity>("info", "warning", "error", "critical"),
    dataLoss: fc.boolean(),
    classes: fc.array(hostile, { minLength: 0, maxLength: 3 }),
    worker: fc.option(hostile, { nil: null }),
    env: fc.option(hostile, { nil: null }),
    file: hostile,
    line: fc.option(fc.nat(5000), { nil: null }),
    tag: fc.option(hostile, { nil: null }),
    message,
    fix: message,
    introduced: fc.boolean(),
    // A suppression's reason and file come from the pull request too (a directive's comment).
    suppressed: fc.option(
      fc.record({
        by: fc.constantFrom<"directive" | "policy">("directive", "policy"),
        reason: message,
        file: hostile,
        line: fc.option(fc.nat(5000), { nil: null }),
      }),
      { nil: undefined },
    ),
    policyLevel: fc.option(
      fc.record({
        from: fc.constantFrom<Severity>("info", "warning", "error"),
        file: hostile,
        line: fc.option(fc.nat(5000), { nil: null }),
      }),
      { nil: undefined },
    ),
  })
  .map(({ suppressed, policyLevel, ...f }) => ({
    ...f,
    code: CATALOGUE[f.kind].code,
    ...(suppressed && !f.dataLoss ? { suppressed: { ...suppressed } } : {}),
    ...(policyLevel ? { policyLevel: { ...policyLevel } } : {}),
  }));

// Characters that must never appear in any rendering: control characters other than the line
// feed, and bidi controls (they would let a name display as another).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The renderer's own markup, which is allowed: its HTML tags, its callout and its docs links. */
const OWN_TAGS = ["<details open>", "<details>", "</details>", "<summary>", "</summary>"];
const OWN_LINKS = Object.values(CATALOGUE).flatMap((e) => [
  `[${e.code}](${DOCS}${findingDocsAnchor(e.code)})`,
  `[${e.code}](${findingDocsAnchor(e.code)})`,
]);

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([\da-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/**
 * What "live" means, and that none of it comes from the data. The Markdown is live where GitHub
 * would turn data into something other than the text it is:
 *   - markup: a raw `<` or `>` outside code (an HTML tag, an HTML comment, an autolink `<url>`),
 *     other than the renderer's own `<details>`/`<summary>` tags and the callout's `>`;
 *   - a link: an unescaped `[` or `]` outside code (inline links `](`, reference definitions,
 *     images), other than the renderer's own docs links and `[!CAUTION]`;
 *   - a mention, reference or autolink that GitHub makes from plain text after rendering: in the
 *     text as GitHub sees it (entities decoded, backslash escapes applied), `@` before a letter,
 *     digit or underscore, `#` or `GH-` before a digit, `://`, or `www.`;
 *   - a second marker: the marker must be the first line and appear nowhere else, and no other
 *     HTML comment may open anywhere;
 *   - control and bidi characters, anywhere (code spans included).
 * Code spans are inert on GitHub (shown literally, never linked), as are fenced code blocks.
 */
function assertInertMarkdown(md: string, marker: string | null): void {
  assert.doesNotMatch(md, UNSAFE, "no control or bidi characters");
  let body = md;
  if (marker) {
    assert.ok(md.startsWith(`${marker}\n`), "the marker is the first line");
    assert.equal(md.split(marker).length - 1, 1, "exactly one marker");
    body = md.slice(marker.length + 1);
  }
  assert.ok(!body.includes("<!--"), "no other HTML comment opens");
  let fenced = false;
  for (const line of body.split("\n")) {
    if (line.startsWith("```")) {
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      assert.ok(!line.includes("`"), `nothing breaks out of a fenced block: ${line}`);
      continue;
    }
    const ticks = line.split("`").length - 1;
    assert.equal(ticks % 2, 0, `balanced code spans: ${JSON.stringify(line)}`);
    let prose = line.replace(/`[^`]*`/g, "");
    for (const own of [...OWN_TAGS, ...OWN_LINKS, "[!CAUTION]"]) prose = prose.split(own).join("");
    prose = prose.replace(/^> /, "");
    assert.doesNotMatch(prose, /[<>]/, `raw markup: ${JSON.stringify(line)}`);
    assert.doesNotMatch(prose, /(^|[^\\])(\\\\)*[[\]]/, `an unescaped bracket: ${JSON.stringify(line)}`);
    const seen = decodeEntities(prose).replace(/\\(.)/g, "$1");
    for (const live of [/@[\p{L}\p{N}_]/u, /#\d/, /\bGH-\d/i, /:\/\//, /\bwww\./i]) {
      assert.doesNotMatch(seen, live, `${live} in ${JSON.stringify(line)}`);
    }
  }
}

/** The terminal output: no control or bidi characters, and no line of its own from the data. */
function assertInertText(text: string): void {
  assert.doesNotMatch(text, UNSAFE);
  for (const line of text.split("\n")) {
    assert.match(
      line,
      /^(|do-migrate: .*|note: .*|No Durable Object lifecycle changes\.|(CRITICAL|ERROR|WARNING|INFO) +DO\d{3} .*|suppressed \(\d+\), not counted in the risk or the gate:| {2}.*)$/,
    );
  }
}

function emptySpanFinding(reason: string): Finding {
  return {
    kind: "parse-error",
    severity: "info",
    dataLoss: false,
    classes: [],
    worker: null,
    env: null,
    file: "wrangler.toml",
    line: null,
    tag: null,
    message: reason,
    fix: `Class ${reason}`,
    introduced: false,
    code: "DO001",
    suppressed: { by: "directive", reason, file: "wrangler.toml", line: null },
  } as Finding;
}

describe("property: no config string makes the output live", () => {
  it("any findings with hostile names, tags, files, envs, Workers and messages (Markdown, text, JSON)", () => {
    fc.assert(
      fc.property(
        fc.array(finding, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(undefined, 1_500, 700),
        fc.boolean(),
        (findings, maxLength, docs) => {
          const report = buildReport(findings);
          const acks = acknowledgements(report, "");
          const section = renderAcknowledgementSection(acks);
          // The sticky comment as the action renders it (the short form), and the full report.
          const md = renderMarkdown(report, {
            marker: MARKER,
            comment: true,
            maxLength,
            acknowledgement: section,
            ...(docs ? { docsBaseUrl: DOCS } : {}),
          });
          assertInertMarkdown(md, MARKER);
          assertInertMarkdown(
            renderMarkdown(report, { marker: MARKER, maxLength, sections: section ? [section] : [] }),
            MARKER,
          );
          assertInertMarkdown(renderMarkdown(report), null);
          assertInertText(renderText(report));
          const json = JSON.parse(renderJson(report));
          assert.deepEqual(
            json.findings.map((f: Finding) => [
              f.classes,
              f.file,
              f.env,
              f.worker,
              f.tag,
              f.message,
              f.suppressed,
            ]),
            report.findings.map((f) => [f.classes, f.file, f.env, f.worker, f.tag, f.message, f.suppressed]),
            "JSON carries the data exactly",
          );
        },
      ),
      {
        numRuns: 300,
        // Found by CI: an empty pair of backticks in a reason once joined `#` and a digit.
        examples: [[[emptySpanFinding("#``0"), emptySpanFinding("@``x")], undefined, false]],
      },
    );
  });

  it("hostile class names, tags, env and Worker names in real configs, analysed and rendered", () => {
    fc.assert(
      fc.property(
        fc.array(hostile, { minLength: 2, maxLength: 3 }),
        hostile,
        hostile,
        hostile,
        fc.constantFrom("wrangler.toml", "wrangler.jsonc"),
        (classes, tag, envName, workerName, file) => {
          const [kept, gone] = [classes[0]!, classes[1]!];
          const steps = (withDelete: boolean) => [
            { tag: "v1", new_sqlite_classes: classes },
            ...(withDelete ? [{ tag, deleted_classes: [gone], delete_classes: [kept] }] : []),
          ];
          const config = (withDelete: boolean) => ({
            name: workerName,
            durable_objects: { bindings: [{ name: kept, class_name: gone }] },
            migrations: steps(withDelete),
            env: { [envName]: { durable_objects: { bindings: [{ name: "X", class_name: kept }] } } },
          });
          const text = (withDelete: boolean) =>
            file.endsWith(".toml")
              ? jsonToToml(config(withDelete))
              : JSON.stringify(config(withDelete), null, 2);
          const report = analyzeRepository([{ file, baseText: text(false), headText: text(true) }]);
          if (gone !== kept && tag !== "v1" && parseConfigText(file, text(true)).ok) {
            assert.ok(
              report.findings.some((f) => f.kind === "class-deleted" && f.classes[0] === gone),
              report.findings.map((f) => f.kind).join(),
            );
          }
          assertInertMarkdown(renderMarkdown(report, { marker: MARKER }), MARKER);
          assertInertText(renderText(report));
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** A small JSON-to-TOML writer for the shapes above (every string as a TOML basic string). */
function jsonToToml(value: Record<string, unknown>): string {
  const str = (s: string) =>
    `"${[...s]
      .map((ch) => {
        const c = ch.codePointAt(0)!;
        if (ch === '"' || ch === "\\") return `\\${ch}`;
        if (c < 0x20 || c === 0x7f || (c >= 0xd800 && c <= 0xdfff))
          return `\\u${c.toString(16).padStart(4, "0")}`;
        return ch;
      })
      .join("")}"`;
  const val = (v: unknown): string =>
    typeof v === "string"
      ? str(v)
      : Array.isArray(v)
        ? `[${v.map(val).join(", ")}]`
        : `{ ${Object.entries(v as Record<string, unknown>)
            .map(([k, x]) => `${str(k)} = ${val(x)}`)
            .join(", ")} }`;
  return `${Object.entries(value)
    .map(([k, v]) => `${str(k)} = ${val(v)}`)
    .join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// Counterexamples the properties found, kept as plain examples

describe("found by the properties: objects followed step by step, not only end states", () => {
  const base = 'name = "app"\n[[migrations]]\ntag = "v1"\nnew_classes = ["Counter"]\n';
  const kinds = (head: string) =>
    analyzeRepository([{ file: "wrangler.toml", baseText: base, headText: base + head }]).findings.map(
      (f) =>
        `${f.kind} ${f.classes.join(",")}${f.dataLoss ? (f.ifRan ? ` (data loss if it ran ${f.ifRan})` : " (data loss)") : ""}`,
    );

  it("a class deleted and created again (to 'convert' it to SQLite) loses its objects", () => {
    assert.deepEqual(
      kinds(
        '[[migrations]]\ntag = "v2"\ndeleted_classes = ["Counter"]\n[[migrations]]\ntag = "v3"\nnew_sqlite_classes = ["Counter"]\n',
      ),
      ["class-deleted Counter (data loss)", "class-recreated Counter"],
    );
  });

  it("a class renamed and then deleted loses its objects under the new name", () => {
    assert.deepEqual(
      kinds(
        '[[migrations]]\ntag = "v2"\nrenamed_classes = [{ from = "Counter", to = "Tally" }]\n[[migrations]]\ntag = "v3"\ndeleted_classes = ["Tally"]\n',
      ),
      ["class-deleted Tally (data loss)", "class-renamed Counter,Tally"],
    );
  });

  it("deleting a new class that took the name of a renamed one destroys nothing, unless the Worker ran its creating step", () => {
    const found = kinds(
      '[[migrations]]\ntag = "v2"\nrenamed_classes = [{ from = "Counter", to = "Tally" }]\n[[migrations]]\ntag = "v3"\nnew_sqlite_classes = ["Counter"]\n[[migrations]]\ntag = "v4"\ndeleted_classes = ["Counter"]\n',
    );
    assert.ok(!found.some((f) => f.endsWith("(data loss)")), found.join());
    assert.ok(found.includes("class-deleted Counter (data loss if it ran v3)"), found.join());
  });
});

// Table tests of `do-migrate fix` in the core: each case is a change (base and head texts), the
// exact head text after the fix (comments, key order, indentation and odd spacing outside the
// edited lines must survive byte for byte), what was fixed and what was left. Every case also
// checks that a second run changes nothing and that the fixed config adds no finding of warning
// or above.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeRepository } from "../../src/core/analyze/analyze.ts";
import type { WorkerExports } from "../../src/core/code/worker-exports.ts";
import { type FixOptions, fixConfigs, offerFixes } from "../../src/core/fix/fix.ts";
import { lineReplacement, unifiedDiff } from "../../src/core/fix/patch.ts";
import { onePerRange } from "../../src/core/fix/suggestions.ts";
import { nextTag } from "../../src/core/fix/tags.ts";
import type { ConfigChange, Report } from "../../src/core/model.ts";
import { applyPolicy } from "../../src/core/policy/apply.ts";
import { parsePolicy } from "../../src/core/policy/policy.ts";
import { revisions } from "../support/core-cases.ts";

const TODAY = "2026-11-20";

interface FixCase {
  readonly name: string;
  readonly file: string;
  readonly diff: string;
  /** The head text after `fix`, or null for "unchanged". */
  readonly after: string | null;
  readonly options?: Partial<FixOptions>;
  readonly fixed?: readonly string[];
  readonly left?: readonly { kind: string; flag: string | null }[];
}

function run(c: FixCase) {
  const { base, head } = revisions(c.diff);
  const change = { file: c.file, baseText: base, headText: head };
  const options = { today: TODAY, ...c.options };
  return { change, options, result: fixConfigs([change], options) };
}

function runCases(cases: readonly FixCase[]): void {
  for (const c of cases) {
    it(c.name, () => {
      const { change, options, result } = run(c);
      const after = result.files[0]?.after ?? null;
      assert.equal(
        after,
        c.after === null ? null : c.after.replace(/^\n/, ""),
        unifiedDiff(c.file, change.headText, after ?? change.headText),
      );
      assert.deepEqual(
        result.applied.map((a) => a.kind),
        c.fixed ?? [],
      );
      assert.deepEqual(
        result.left.map((l) => ({ kind: l.kind, flag: l.flag })),
        c.left ?? [],
        result.left.map((l) => l.reason).join("\n"),
      );
      if (after !== null) {
        // A second run over the fixed text changes nothing.
        const again = fixConfigs([{ ...change, headText: after }], options);
        assert.deepEqual(again.files, [], "fix is idempotent");
        // The fixed config has no finding of warning or above that the original did not have.
        const before = analyzeRepository([change]).findings.filter((f) => f.severity !== "info");
        const now = analyzeRepository([{ ...change, headText: after }]).findings.filter(
          (f) => f.severity !== "info",
        );
        const key = (f: { kind: string; env: string | null; classes: readonly string[] }) =>
          `${f.kind}|${f.env}|${f.classes}`;
        for (const f of now) {
          if (options.acceptDeletes && f.kind === "class-deleted") continue;
          if (options.acceptRenames && f.kind === "class-renamed") continue;
          // Phase 1 of a delete removes the bindings: that is what the check then reports.
          if (f.kind === "binding-removed" && result.applied.some((a) => a.kind === "phase-one")) continue;
          assert.ok(
            before.some((b) => key(b) === key(f)),
            `new finding after the fix: ${f.code} ${f.message}`,
          );
        }
      }
    });
  }
}

describe("fix: misspelt keys", () => {
  runCases([
    {
      name: "new_sqlite_class in a new step (TOML, comments and odd spacing kept)",
      file: "wrangler.toml",
      diff: `
name   =   "chat"   # the Worker
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = [ "Room" ]   # first

+[[migrations]]   # second
+tag = "v2"
+   new_sqlite_class = ["Lobby"]    # typo
`,
      after: `
name   =   "chat"   # the Worker
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = [ "Room" ]   # first

[[migrations]]   # second
tag = "v2"
  new_sqlite_classes = ["Lobby"]    # typo
`,
      fixed: ["rename-key"],
    },
    {
      name: "new_sqlite_class in a new step (JSONC)",
      file: "wrangler.jsonc",
      diff: `
{
  // the Worker
  "name": "chat",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room"] },  // first
+     {"tag":"v2","new_sqlite_class":["Lobby"]}
  ],
}
`,
      after: `
{
  // the Worker
  "name": "chat",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room"] },  // first
    {"tag":"v2","new_sqlite_classes":["Lobby"]}
  ],
}
`,
      fixed: ["rename-key"],
    },
    {
      name: "[[migration]] (singular) becomes [[migrations]], sub-tables too (the rename made real: flag)",
      file: "wrangler.toml",
      options: { acceptRenames: true },
      diff: `
name = "chat"

-[[migrations]]
+[[migration]]
tag = "v1"
new_sqlite_classes = ["Room"]

+[[migration]]
+tag = "v2"
+[[migration.renamed_classes]]
+from = "Room"
+to = "ChatRoom"
`,
      after: `
name = "chat"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[[migrations]]
tag = "v2"
[[migrations.renamed_classes]]
from = "Room"
to = "ChatRoom"
`,
      fixed: ["rename-key"],
    },
    {
      name: "delete_classes makes a delete real: offered, applied only with --accept-deletes",
      file: "wrangler.toml",
      diff: `
name = "chat"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Old"]

+[[migrations]]
+tag = "v2"
+delete_classes = ["Old"]
`,
      after: null,
      left: [{ kind: "rename-key", flag: "--accept-deletes" }],
    },
    {
      name: "delete_classes with --accept-deletes (JSONC)",
      file: "wrangler.jsonc",
      options: { acceptDeletes: true },
      diff: `
{
  "name": "chat",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room", "Old"] },
+     { "tag": "v2", "delete_classes": ["Old"] }
  ]
}
`,
      after: `
{
  "name": "chat",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room", "Old"] },
    { "tag": "v2", "deleted_classes": ["Old"] }
  ]
}
`,
      fixed: ["rename-key"],
    },
    {
      name: "a binding key: class -> class_name",
      file: "wrangler.toml",
      diff: `
name = "chat"
[[durable_objects.bindings]]
name = "ROOMS"
-class_name = "Room"
+class = "Room"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
`,
      after: `
name = "chat"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
`,
      fixed: ["rename-key"],
    },
  ]);
});

describe("fix: an applied step edited to add operations", () => {
  runCases([
    {
      name: "the addition moves to a new step; v1 back to its base text (TOML)",
      file: "wrangler.toml",
      diff: `
name = "chat"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[[migrations]]   # applied everywhere
tag = "v1"
-new_sqlite_classes = [ "Room" ]
+new_sqlite_classes = ["Room", "Lobby"]

[env.staging]   # keeps its name
name = "chat-staging"
`,
      after: `
name = "chat"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[[migrations]]   # applied everywhere
tag = "v1"
new_sqlite_classes = [ "Room" ]

[[migrations]]
tag = "v2"
new_sqlite_classes = ["Lobby"]

[env.staging]   # keeps its name
name = "chat-staging"
`,
      fixed: ["move-addition"],
    },
    {
      name: "a comment above the last step's header: the blank line goes before the comment's block, as between the others",
      file: "wrangler.toml",
      diff: `
name = "chat"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

# the first step, applied everywhere
[[migrations]]
tag = "v1"
-new_sqlite_classes = ["Room"]
+new_sqlite_classes = ["Room", "Lobby"]
`,
      after: `
name = "chat"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

# the first step, applied everywhere
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[[migrations]]
tag = "v2"
new_sqlite_classes = ["Lobby"]
`,
      fixed: ["move-addition"],
    },
    {
      name: "a comment above the header of a compact file (no blank lines): none is added",
      file: "wrangler.toml",
      diff: `
name = "chat"
# the first step
[[migrations]]
tag = "v1"
-new_sqlite_classes = ["Room"]
+new_sqlite_classes = ["Room", "Lobby"]
`,
      after: `
name = "chat"
# the first step
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
[[migrations]]
tag = "v2"
new_sqlite_classes = ["Lobby"]
`,
      fixed: ["move-addition"],
    },
    {
      name: "a new key in an applied step (JSONC, tabs, trailing commas)",
      file: "wrangler.jsonc",
      diff: `
{
	"name": "chat",
	"migrations": [
		{
			"tag": "v1",
			"new_sqlite_classes": ["Room"],
+			"new_classes": ["Legacy"],
		},
	],
}
`,
      after: `
{
	"name": "chat",
	"migrations": [
		{
			"tag": "v1",
			"new_sqlite_classes": ["Room"],
		},
		{
			"tag": "v2",
			"new_classes": ["Legacy"]
		},
	],
}
`,
      fixed: ["move-addition"],
    },
    {
      name: "an env that owns its list: the new step lands in the env's list",
      file: "wrangler.toml",
      diff: `
name = "chat"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[env.prod]
name = "chat-prod"

[[env.prod.migrations]]
tag = "p1"
-new_sqlite_classes = ["Room"]
+new_sqlite_classes = ["Room", "Audit"]
`,
      after: `
name = "chat"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[env.prod]
name = "chat-prod"

[[env.prod.migrations]]
tag = "p1"
new_sqlite_classes = ["Room"]

[[env.prod.migrations]]
tag = "p2"
new_sqlite_classes = ["Audit"]
`,
      fixed: ["move-addition"],
    },
    {
      name: "dated tags: the new step is today's",
      file: "wrangler.jsonc",
      diff: `
{
  "migrations": [
    { "tag": "2026-01-15", "new_sqlite_classes": ["Room"] },
-     { "tag": "2026-03-02", "new_sqlite_classes": ["Lobby"] }
+     { "tag": "2026-03-02", "new_sqlite_classes": ["Lobby", "Chat"] }
  ]
}
`,
      after: `
{
  "migrations": [
    { "tag": "2026-01-15", "new_sqlite_classes": ["Room"] },
    { "tag": "2026-03-02", "new_sqlite_classes": ["Lobby"] },
    { "tag": "2026-11-20", "new_sqlite_classes": ["Chat"] }
  ]
}
`,
      fixed: ["move-addition"],
    },
    {
      name: "an edit that is not an addition (a storage switch) is left, with the reason",
      file: "wrangler.toml",
      diff: `
[[migrations]]
tag = "v1"
-new_classes = ["Room"]
+new_sqlite_classes = ["Room"]
`,
      after: null,
      left: [{ kind: "move-addition", flag: null }],
    },
  ]);
});

const exportsOf =
  (...names: string[]) =>
  (): WorkerExports =>
    ({ status: "known", names: new Set(names) }) as unknown as WorkerExports;

describe("fix: a binding to a class no step creates", () => {
  runCases([
    {
      name: "a new step creates it with SQLite storage (TOML)",
      file: "wrangler.toml",
      options: { exportsOf: exportsOf("Room", "Lobby") },
      diff: `
name = "chat"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"
+
+[[durable_objects.bindings]]
+name = "LOBBY"
+class_name = "Lobby"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
`,
      after: `
name = "chat"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[[durable_objects.bindings]]
name = "LOBBY"
class_name = "Lobby"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[[migrations]]
tag = "v2"
new_sqlite_classes = ["Lobby"]
`,
      fixed: ["create-bound-class"],
    },
    {
      name: "not when the code does not export the class (a typo in class_name?)",
      file: "wrangler.toml",
      options: { exportsOf: exportsOf("Room", "Lobby") },
      diff: `
name = "chat"
main = "src/index.ts"
[[durable_objects.bindings]]
name = "ROOMS"
-class_name = "Room"
+class_name = "Rooms"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
`,
      after: null,
      left: [{ kind: "create-bound-class", flag: null }],
    },
    {
      name: "no lifecycle at all: a first migrations list (JSONC, one-line object)",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "chat",
-   "durable_objects": { "bindings": [] }
+   "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "Room" }] }
}
`,
      after: `
{
  "name": "chat",
  "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "Room" }] },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room"] }
  ]
}
`,
      fixed: ["create-bound-class"],
    },
    {
      name: "exports model: an entry with SQLite storage",
      file: "wrangler.jsonc",
      diff: `
{
  "exports": {
    "Room": { "type": "durable-object", "storage": "sqlite" }
  },
  "durable_objects": { "bindings": [
    { "name": "ROOMS", "class_name": "Room" },
+     { "name": "LOBBY", "class_name": "Lobby" }
  ] }
}
`,
      after: `
{
  "exports": {
    "Room": { "type": "durable-object", "storage": "sqlite" },
    "Lobby": { "type": "durable-object", "storage": "sqlite" }
  },
  "durable_objects": { "bindings": [
    { "name": "ROOMS", "class_name": "Room" },
    { "name": "LOBBY", "class_name": "Lobby" }
  ] }
}
`,
      fixed: ["create-bound-class"],
    },
  ]);
});

describe("fix: a new step mixing a delete with other operations", () => {
  runCases([
    {
      name: "split: the delete in a step of its own (TOML)",
      file: "wrangler.toml",
      diff: `
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Old"]

+[[migrations]]
+tag = "v2"
+new_sqlite_classes = ["Lobby"]
+deleted_classes = ["Old"]   # goes
`,
      after: `
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Old"]

[[migrations]]
tag = "v2"
new_sqlite_classes = ["Lobby"]

[[migrations]]
tag = "v3"
deleted_classes = ["Old"]
`,
      fixed: ["split-delete"],
    },
    {
      name: "split (JSONC, inline array in TOML style of one line)",
      file: "wrangler.jsonc",
      diff: `
{
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room", "Old"] },
+     { "tag": "v2", "new_sqlite_classes": ["Lobby"], "deleted_classes": ["Old"] }
  ]
}
`,
      after: `
{
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room", "Old"] },
    { "tag": "v2", "new_sqlite_classes": ["Lobby"] },
    { "tag": "v3", "deleted_classes": ["Old"] }
  ]
}
`,
      fixed: ["split-delete"],
    },
  ]);
});

describe("fix: a delete still bound (DO103): phase 1 of the two-phase delete", () => {
  runCases([
    {
      name: "an inherited delete and an env's binding: the binding goes, the delete step is held back (TOML)",
      file: "wrangler.toml",
      options: { exportsOf: exportsOf("Room", "Limiter") },
      diff: `
name = "chat"
main = "src/index.ts"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Limiter"]
+
+[[migrations]]
+tag = "v2"
+deleted_classes = ["Limiter"] # the limiter moved to KV

[env.production]
durable_objects.bindings = [
  { name = "ROOMS", class_name = "Room" },
  { name = "LIMITER", class_name = "Limiter" },
]
`,
      after: `
name = "chat"
main = "src/index.ts"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Limiter"]

[env.production]
durable_objects.bindings = [
  { name = "ROOMS", class_name = "Room" },
]
`,
      fixed: ["phase-one"],
    },
    {
      name: "a step deleting two classes, one still bound: only that class's delete is held back (JSONC)",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "chat",
  "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "Room" }, { "name": "LIMITER", "class_name": "Limiter" }] },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room", "Limiter", "Old"] },
+     { "tag": "v2", "deleted_classes": ["Old", "Limiter"] }
  ]
}
`,
      after: `
{
  "name": "chat",
  "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "Room" }] },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room", "Limiter", "Old"] },
    { "tag": "v2", "deleted_classes": ["Old"] }
  ]
}
`,
      options: { acceptDeletes: true },
      fixed: ["phase-one"],
    },
    {
      name: "not when the code no longer exports the class (phase 1 needs it): left, saying so",
      file: "wrangler.toml",
      options: { exportsOf: exportsOf("Room") },
      diff: `
name = "chat"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "LIMITER"
class_name = "Limiter"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Limiter"]
+
+[[migrations]]
+tag = "v2"
+deleted_classes = ["Limiter"]
`,
      after: null,
      left: [{ kind: "phase-one", flag: null }],
    },
  ]);
});

describe("fix: a new tag duplicating another", () => {
  runCases([
    {
      name: "renamed to the next free tag (TOML inline array)",
      file: "wrangler.toml",
      diff: `
migrations = [
  { tag = "v1", new_sqlite_classes = ["Room"] },
  { tag = "v2", new_sqlite_classes = ["Lobby"] },
+   { tag = "v2", new_sqlite_classes = ["Chat"] },
]
`,
      after: `
migrations = [
  { tag = "v1", new_sqlite_classes = ["Room"] },
  { tag = "v2", new_sqlite_classes = ["Lobby"] },
  { tag = "v3", new_sqlite_classes = ["Chat"] },
]
`,
      fixed: ["retag-duplicate"],
    },
  ]);
});

describe("fix: delete + create that looks like a rename", () => {
  const toml = `
name = "chat"

[[durable_objects.bindings]]
name = "ROOMS"
-class_name = "Room"
+class_name = "ChatRoom"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

+[[migrations]]
+tag = "v2"
+new_sqlite_classes = ["ChatRoom"]
+deleted_classes = ["Room"]
`;
  runCases([
    {
      name: "offered, left without --accept-renames (the delete is split out meanwhile)",
      file: "wrangler.toml",
      diff: toml,
      after: `
name = "chat"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[[migrations]]
tag = "v2"
new_sqlite_classes = ["ChatRoom"]

[[migrations]]
tag = "v3"
deleted_classes = ["Room"]
`,
      fixed: ["split-delete"],
      left: [{ kind: "rename-class", flag: "--accept-renames" }],
    },
    {
      name: "with --accept-renames: renamed_classes, the objects kept",
      file: "wrangler.toml",
      diff: toml,
      options: { acceptRenames: true },
      after: `
name = "chat"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "ChatRoom"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[[migrations]]
tag = "v2"
renamed_classes = [{ from = "Room", to = "ChatRoom" }]
`,
      fixed: ["rename-class"],
    },
    {
      name: "never for a switch from key-value to SQLite storage",
      file: "wrangler.jsonc",
      options: { acceptRenames: true },
      diff: `
{
  "durable_objects": { "bindings": [
-     { "name": "ROOMS", "class_name": "Room" }
+     { "name": "ROOMS", "class_name": "RoomSql" }
  ] },
  "migrations": [
    { "tag": "v1", "new_classes": ["Room"] },
+     { "tag": "v2", "new_sqlite_classes": ["RoomSql"] },
+     { "tag": "v3", "deleted_classes": ["Room"] }
  ]
}
`,
      // A storage switch is not a rename (no DO102 to fix): nothing to offer, nothing left over.
      after: null,
      left: [],
    },
  ]);
});

describe("fix: offers for the pull request", () => {
  it("one offer per edit, one suggestion per range of lines: a two-env config's wrong rename", () => {
    const base = `name = "chat"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[env.staging]
durable_objects.bindings = [{ name = "ROOMS", class_name = "Room" }]

[env.production]
durable_objects.bindings = [{ name = "ROOMS", class_name = "Room" }]
`;
    const head = base
      .replaceAll('class_name = "Room"', 'class_name = "ChatRoom"')
      .replace(
        'new_sqlite_classes = ["Room"]\n',
        'new_sqlite_classes = ["Room"]\n\n[[migrations]]\ntag = "v2"\ndeleted_classes = ["Room"]\nnew_sqlite_classes = ["ChatRoom"]\n',
      );
    const offers = offerFixes([{ file: "wrangler.toml", baseText: base, headText: head }], { today: TODAY });
    // The same edit for the three Workers is one offer resolving the three findings.
    assert.deepEqual(
      offers.map((o) => [o.kind, o.targets.map((t) => t.env)]),
      [
        ["rename-class", [null, "production", "staging"]],
        ["split-delete", [null, "production", "staging"]],
      ],
    );
    // The two change the same lines and contradict: the data loss's fix (the rename) is the one.
    assert.deepEqual(
      onePerRange(offers).map(({ offer, range }) => [offer.kind, range.start, range.end]),
      [["rename-class", 13, 14]],
    );
  });

  it("each offer is proven on its own and carries the flag fix would need", () => {
    const { base, head } = revisions(`
name = "chat"

[[migrations]]
tag = "v1"
-new_sqlite_classes = ["Room"]
+new_sqlite_classes = ["Room", "Lobby"]

+[[migrations]]
+tag = "v2"
+delete_classes = ["Room"]
`);
    const offers = offerFixes([{ file: "wrangler.toml", baseText: base, headText: head }], { today: TODAY });
    assert.deepEqual(
      offers.map((o) => [o.kind, o.flag]),
      [
        ["move-addition", null],
        ["rename-key", "--accept-deletes"],
      ],
    );
    // Ids are stable and distinct.
    const again = offerFixes([{ file: "wrangler.toml", baseText: base, headText: head }], { today: TODAY });
    assert.deepEqual(
      again.map((o) => o.id),
      offers.map((o) => o.id),
    );
    assert.equal(new Set(offers.map((o) => o.id)).size, offers.length);
  });
});

describe("fix: what a directive or the policy suppresses is left alone", () => {
  /** The policy step as the check runs it, with this policy file (or none). */
  const policyStep = (text: string | null): FixOptions["policy"] => {
    const reading = text === null ? null : parsePolicy(".do-migrate.jsonc", text);
    if (reading && !reading.ok) throw new Error("bad test policy");
    const policy = reading?.policy ?? null;
    return (report: Report, changes: readonly ConfigChange[]) => applyPolicy(report, { policy, changes });
  };
  // v1 (applied) gains `Extra` on purpose; a new step has a misspelt key.
  const { base, head } = revisions(`
name = "chat"

+# do-migrate-ignore DO201 -- fixture: v1 is rewritten on purpose
[[migrations]]
tag = "v1"
-new_sqlite_classes = ["Room"]
+new_sqlite_classes = ["Room", "Extra"]
+
+[[migrations]]
+tag = "v2"
+new_sqlite_class = ["Lobby"]
`);
  const change = { file: "wrangler.toml", baseText: base, headText: head };

  it("a directive: the other finding is fixed, the suppressed one is listed and its lines stay", () => {
    const result = fixConfigs([change], { today: TODAY, policy: policyStep(null) });
    assert.deepEqual(
      result.applied.map((a) => a.kind),
      ["rename-key"],
    );
    assert.equal(result.files[0]?.after, head.replace("new_sqlite_class =", "new_sqlite_classes ="));
    assert.deepEqual(
      result.suppressed.map((l) => [
        l.kind,
        l.targets.map((t) => [t.code, t.suppressed.by, t.suppressed.line]),
      ]),
      [["move-addition", [["DO201", "directive", 3]]]],
    );
    assert.match(result.suppressed[0]!.title ?? "", /^Restore migration `v1`/);
    assert.deepEqual(result.left, []);
    // Without the policy step, the edit of v1 is undone as before.
    const plain = fixConfigs([change], { today: TODAY });
    assert.deepEqual(plain.applied.map((a) => a.kind).sort(), ["move-addition", "rename-key"]);
  });

  it("a rule set to off: left alone the same way, and no suggestion offers it", () => {
    const policy = policyStep('{ "rules": { "DO201": "off" } }\n');
    const undirected = { ...change, headText: head.replace(/^# do-migrate-ignore .*\n/m, "") };
    const result = fixConfigs([undirected], { today: TODAY, policy });
    assert.deepEqual(
      result.suppressed.map((l) => l.targets.map((t) => [t.code, t.suppressed.by, t.suppressed.file])),
      [[["DO201", "policy", ".do-migrate.jsonc"]]],
    );
    assert.deepEqual(
      offerFixes([undirected], { today: TODAY, policy }).map((o) => o.kind),
      ["rename-key"],
    );
    assert.deepEqual(
      offerFixes([undirected], { today: TODAY }).map((o) => o.kind),
      ["move-addition", "rename-key"],
    );
  });

  it("a level the policy changes is not a suppression: the fix applies", () => {
    const policy = policyStep('{ "rules": { "DO201": "info" } }\n');
    const undirected = { ...change, headText: head.replace(/^# do-migrate-ignore .*\n/m, "") };
    const result = fixConfigs([undirected], { today: TODAY, policy });
    assert.deepEqual(result.applied.map((a) => a.kind).sort(), ["move-addition", "rename-key"]);
    assert.deepEqual(result.suppressed, []);
  });
});

describe("fix: the proof across files", () => {
  // `chat` deletes `Lobby` (misspelt as `delete_classes`); `consumer` binds it through `script_name`.
  const chat = revisions(`
name = "chat"

[[durable_objects.bindings]]
name = "ROOM"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Lobby"]
+
+[[migrations]]
+tag = "v2"
+delete_classes = ["Lobby"]
`);
  const consumer = `name = "consumer"\n\n[[durable_objects.bindings]]\nname = "LOBBY"\nclass_name = "Lobby"\nscript_name = "chat"\n`;
  const changes = [
    { file: "chat/wrangler.toml", baseText: chat.base, headText: chat.head },
    { file: "consumer/wrangler.toml", baseText: consumer, headText: consumer },
  ];
  const options = { today: TODAY, acceptDeletes: true };

  it("a fix that makes another Worker's binding block a delete (DO105, in the other file) is refused", () => {
    const result = fixConfigs(changes, options);
    assert.deepEqual(result.files, []);
    assert.deepEqual(
      result.left.map((l) => [l.kind, l.file]),
      [["rename-key", "chat/wrangler.toml"]],
    );
    assert.match(result.left[0]!.reason, /DO105 cross-worker-binding/);
    assert.deepEqual(offerFixes(changes, options), []);
    // Without the other Worker the same fix applies (with its flag).
    assert.deepEqual(
      fixConfigs([changes[0]!], options).applied.map((a) => a.kind),
      ["rename-key"],
    );
  });

  it("a file joined to none is proven on its own: every one of 150 configs is fixed in one run", () => {
    const many = Array.from({ length: 150 }, (_, i) => {
      const { base, head } = revisions(`
name = "w${i}"

[[migrations]]
tag = "v1"
-new_sqlite_classes = ["Room"]
+new_sqlite_classes = ["Room", "Extra"]
`);
      return { file: `apps/w${i}/wrangler.toml`, baseText: base, headText: head };
    });
    const result = fixConfigs(many, { today: TODAY });
    assert.equal(result.files.length, 150);
    assert.equal(result.applied.length, 150);
    assert.deepEqual(
      result.after.findings.filter((f) => f.kind === "history-edited"),
      [],
    );
    const again = fixConfigs(
      many.map((c, i) => ({ ...c, headText: result.files[i]!.after })),
      { today: TODAY },
    );
    assert.deepEqual(again.files, []);
    assert.equal(offerFixes(many, { today: TODAY }).length, 150);
  });
});

describe("fix: tags and line ranges", () => {
  it("next tags follow the list's scheme", () => {
    assert.equal(nextTag(["v1", "v2"], TODAY), "v3");
    assert.equal(nextTag(["v1", "v10", "v2"], TODAY), "v11");
    assert.equal(nextTag(["0001", "0002"], TODAY), "0003");
    assert.equal(nextTag(["2026-01-01"], TODAY), TODAY);
    assert.equal(nextTag([TODAY], TODAY), `${TODAY}-2`);
    assert.equal(nextTag(["initial"], TODAY), "v2");
    assert.equal(nextTag([], TODAY), "v1");
  });
  it("a suggestion's range: the changed lines, or the line above an insertion", () => {
    assert.deepEqual(lineReplacement("a\nb\nc\n", "a\nB\nc\n"), { start: 2, end: 2, lines: ["B"] });
    assert.deepEqual(lineReplacement("a\nb\n", "a\nb\nc\n"), { start: 2, end: 2, lines: ["b", "c"] });
    assert.deepEqual(lineReplacement("a\nb\n", "x\na\nb\n"), { start: 1, end: 1, lines: ["x", "a"] });
    assert.deepEqual(lineReplacement("a\nb\nc\n", "a\nc\n"), { start: 2, end: 2, lines: [] });
    assert.equal(lineReplacement("a\n", "a\n"), null);
  });
});

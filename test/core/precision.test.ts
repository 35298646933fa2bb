// Issue 21's engine patterns: findings a reviewer agrees with. Each case is one the check used to
// get wrong (an error where nothing fails or nothing is destroyed, or a detail that is not so).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeFiles, reportFor } from "../../src/core/analyze/analyze.ts";
import { codeFindings } from "../../src/core/analyze/code-exports.ts";
import type { WorkerExports } from "../../src/core/code/worker-exports.ts";
import { alreadyAtBase } from "../../src/core/diagnostics.ts";
import type { ConfigChange } from "../../src/core/model.ts";
import { inBothFormats, runAnalysisCases } from "../support/core-cases.ts";

const renamedWorker = { code: "DO502", kind: "worker-renamed" } as const;

describe("DO502: a Worker rename destroys nothing; an error when its deploy fails or the code loses its objects", () => {
  runAnalysisCases([
    ...inBothFormats(
      "a rename of a Worker whose code bound its class: an error that says nothing is destroyed but the code reads an empty Worker",
      {
        toml: `
-name = "my-worker"
+name = "chat-api" # @@name
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
`,
        jsonc: `
{
-  "name": "my-worker",
+  "name": "chat-api", // @@name
  "main": "src/index.ts",
  "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "Room" }] },
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Room"] }],
}
`,
      },
      [
        {
          ...renamedWorker,
          severity: "error",
          classes: ["Room"],
          worker: "chat-api",
          line: "@@name",
          says: ["`my-worker`", "`chat-api`", "nothing is destroyed", "reads the new, empty Worker"],
          never: ["10074"],
        },
      ],
    ),
    {
      name: "the revert of a rename back to a Worker that may exist: said conditionally",
      file: "wrangler.toml",
      diff: `
-name = "chat-v2"
+name = "chat" # @@name
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
`,
      expect: [
        {
          ...renamedWorker,
          severity: "error",
          classes: ["Room"],
          worker: "chat",
          line: "@@name",
          says: ["unless a Worker `chat` already exists", "nothing is destroyed"],
        },
      ],
    },
    ...inBothFormats(
      "a rename whose fresh history deletes a class: the new Worker's first deploy fails (10074), an error",
      {
        toml: `
-name = "chat"
+name = "chat-v2" # @@name
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Old"]

[[migrations]]
tag = "v2"
deleted_classes = ["Old"]
`,
        jsonc: `
{
-  "name": "chat",
+  "name": "chat-v2", // @@name
  "main": "src/index.ts",
  "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "Room" }] },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room", "Old"] },
    { "tag": "v2", "deleted_classes": ["Old"] },
  ],
}
`,
      },
      [
        {
          ...renamedWorker,
          severity: "error",
          classes: ["Room"],
          worker: "chat-v2",
          line: "@@name",
          says: ["10074", "`Old`"],
        },
      ],
    ),
  ]);
});

const removedHistory = { code: "DO202", kind: "history-removed" } as const;
const bindingRemoved = { code: "DO401", kind: "binding-removed", severity: "warning" } as const;

describe("a retirement (migrations and bindings dropped together) destroys nothing, and fails only if the class leaves the code", () => {
  runAnalysisCases([
    ...inBothFormats(
      "the top level and an env drop their migrations and their binding: an error while the code is unread, saying what is certain",
      {
        toml: `
name = "chat"
main = "src/index.ts"
-[[durable_objects.bindings]]
-name = "ROOMS"
-class_name = "Room"
-[[migrations]]
-tag = "v1"
-new_sqlite_classes = ["Room"]

[env.staging] # @@staging
-durable_objects.bindings = [{ name = "ROOMS", class_name = "Room" }]
-[[env.staging.migrations]]
-tag = "s1"
-new_sqlite_classes = ["Room"]
`,
        jsonc: `
{
  "name": "chat",
  "main": "src/index.ts",
-  "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "Room" }] },
-  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Room"] }],
  "env": {
-    "staging": {
-      "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "Room" }] },
-      "migrations": [{ "tag": "s1", "new_sqlite_classes": ["Room"] }],
-    },
+    "staging": {}, // @@staging
  },
}
`,
      },
      [
        {
          ...removedHistory,
          severity: "error",
          classes: ["Room"],
          worker: "chat",
          line: null,
          tag: "v1",
          says: ["Nothing is destroyed", "the deploy goes through", "while the code exports `Room`"],
          never: ["bindings fail", "the next deploy fails"],
        },
        {
          ...removedHistory,
          severity: "error",
          classes: ["Room"],
          env: "staging",
          worker: "chat-staging",
          line: null,
          tag: "s1",
          says: ["Nothing is destroyed"],
          never: ["bindings fail", "the next deploy fails"],
        },
        { ...bindingRemoved, classes: ["Room"], worker: "chat", line: null, says: ["stay"] },
        { ...bindingRemoved, classes: ["Room"], env: "staging", worker: "chat-staging", line: "@@staging" },
      ],
    ),
    {
      name: "migrations dropped while a binding stays: still an error (a fresh Worker's binding fails, 10061)",
      diff: `
name = "chat"
main = "src/index.ts"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"
-[[migrations]]
-tag = "v1"
-new_sqlite_classes = ["Room"]
`,
      expect: [
        {
          ...removedHistory,
          severity: "error",
          classes: ["Room"],
          worker: "chat",
          line: null,
          tag: "v1",
          says: ["10061"],
        },
        {
          code: "DO402",
          kind: "binding-unknown-class",
          severity: "warning",
          classes: ["Room"],
          worker: "chat",
          line: 3,
        },
      ],
    },
  ]);
});

const historyRemoved = { code: "DO202", kind: "history-removed" } as const;
const historyEdited = { code: "DO201", kind: "history-edited" } as const;
const historyReordered = { code: "DO203", kind: "history-reordered" } as const;
const created = { code: "DO301", kind: "class-created", severity: "info" } as const;

describe("a step that never applied: the prediction uses every cause of a rejected deploy", () => {
  const front = `name = "front"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"
script_name = "chat"
`;
  runAnalysisCases([
    {
      name: "a delete another Worker of the repository still binds (script_name) is withdrawn: a warning, not removed applied history",
      changes: [
        {
          file: "chat/wrangler.toml",
          baseText: `name = "chat"
main = "src/index.ts"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[[migrations]]
tag = "v2"
deleted_classes = ["Room"]
`,
          headText: `name = "chat"
main = "src/index.ts"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
`,
        },
        { file: "front/wrangler.toml", baseText: front, headText: front },
      ],
      expect: [
        {
          ...historyRemoved,
          severity: "warning",
          classes: ["Room"],
          worker: "chat",
          line: null,
          tag: "v2",
          says: ["most likely never reached a Worker", "`ROOMS` of Worker `front`", "10061", "still at `v1`"],
          // v2 never applied: nothing was deleted, so nothing is "created again" and "starts empty".
          never: ["starts empty"],
        },
      ],
    },
    ...inBothFormats(
      "an env binds the top level's class through script_name: the top level's delete was rejected; withdrawing it is a warning",
      {
        toml: `
name = "chat"
main = "src/index.ts"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
-
-[[migrations]]
-tag = "v2"
-deleted_classes = ["Room"]

[env.staging]
durable_objects.bindings = [{ name = "ROOMS", class_name = "Room", script_name = "chat" }]
`,
        jsonc: `
{
  "name": "chat",
  "main": "src/index.ts",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room"] },
-    { "tag": "v2", "deleted_classes": ["Room"] },
  ],
  "env": {
    "staging": {
      "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "Room", "script_name": "chat" }] },
    },
  },
}
`,
      },
      [
        {
          ...historyRemoved,
          severity: "warning",
          classes: ["Room"],
          worker: "chat",
          line: null,
          tag: "v2",
          says: ["most likely never reached a Worker", "`script_name`", "10061"],
        },
      ],
      { envs: [null] },
    ),
    ...inBothFormats(
      "a creating step inserted before a step whose deploy a binding to an uncreated class (DO402) always rejected",
      {
        toml: `
name = "chat"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "LOBBY"
class_name = "Lobby"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
+
+[[migrations]] # @@v1b
+tag = "v1b"
+new_sqlite_classes = ["Lobby"]

[[migrations]] # @@v2
tag = "v2"
new_sqlite_classes = ["Chat"]
`,
        jsonc: `
{
  "name": "chat",
  "main": "src/index.ts",
  "durable_objects": { "bindings": [{ "name": "LOBBY", "class_name": "Lobby" }] },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room"] },
+    { "tag": "v1b", "new_sqlite_classes": ["Lobby"] }, // @@v1b
    { "tag": "v2", "new_sqlite_classes": ["Chat"] }, // @@v2
  ],
}
`,
      },
      [
        {
          ...historyReordered,
          severity: "warning",
          classes: ["Lobby"],
          worker: "chat",
          line: "@@v1b",
          tag: "v1b",
          says: ["`v2` most likely never reached a Worker", "`LOBBY`", "10061", "still at `v1`"],
        },
        { ...created, classes: ["Lobby"], worker: "chat", line: "@@v1b", tag: "v1b" },
        // v2 never applied: the next deploy, no longer rejected, creates `Chat`.
        { ...created, classes: ["Chat"], worker: "chat", line: "@@v2", tag: "v2" },
      ],
    ),
    ...inBothFormats(
      "the change creates the class a binding named while no step did (DO402): the base's last step applies now, its delete is data loss",
      {
        toml: `
name = "chat"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "LOBBY"
class_name = "Lobby"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Old"]
+
+[[migrations]] # @@v1b
+tag = "v1b"
+new_sqlite_classes = ["Lobby"]

[[migrations]] # @@v2
tag = "v2"
deleted_classes = ["Old"]
`,
        jsonc: `
{
  "name": "chat",
  "main": "src/index.ts",
  "durable_objects": { "bindings": [{ "name": "LOBBY", "class_name": "Lobby" }] },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room", "Old"] },
+    { "tag": "v1b", "new_sqlite_classes": ["Lobby"] }, // @@v1b
    { "tag": "v2", "deleted_classes": ["Old"] }, // @@v2
  ],
}
`,
      },
      [
        {
          code: "DO101",
          kind: "class-deleted",
          severity: "critical",
          dataLoss: true,
          classes: ["Old"],
          worker: "chat",
          line: "@@v2",
          tag: "v2",
          says: ["rejected so far (code 10061)", "the next deploy applies `v2`"],
        },
        {
          ...historyReordered,
          severity: "warning",
          classes: ["Lobby"],
          worker: "chat",
          line: "@@v1b",
          tag: "v1b",
        },
        { ...created, classes: ["Lobby"], worker: "chat", line: "@@v1b", tag: "v1b" },
      ],
    ),
    ...inBothFormats(
      "an applied step restored to its applied content, repairing a history the base's replay rejects",
      {
        toml: `
name = "chat"
main = "src/index.ts"

[[migrations]] # @@v1
tag = "v1"
-new_sqlite_classes = ["Chat"]
+new_sqlite_classes = ["Room"]

[[migrations]]
tag = "v2"
renamed_classes = [{ from = "Room", to = "Lobby" }]
`,
        jsonc: `
{
  "name": "chat",
  "main": "src/index.ts",
  "migrations": [
-    { "tag": "v1", "new_sqlite_classes": ["Chat"] },
+    { "tag": "v1", "new_sqlite_classes": ["Room"] }, // @@v1
    { "tag": "v2", "renamed_classes": [{ "from": "Room", "to": "Lobby" }] },
  ],
}
`,
      },
      [
        {
          ...historyEdited,
          severity: "warning",
          classes: ["Chat", "Room"],
          worker: "chat",
          line: "@@v1",
          tag: "v1",
          says: ["rejects at the base revision"],
        },
      ],
    ),
  ]);
});

const deleted = { code: "DO101", kind: "class-deleted", severity: "critical", dataLoss: true } as const;
const repointed = { code: "DO106", kind: "delete-binding-repointed" } as const;

describe("wrong details in right findings", () => {
  runAnalysisCases([
    ...inBothFormats(
      "DO106 with the create and the delete in separate steps: said as what is known (a warning); the delete stays data loss",
      {
        toml: `
name = "docs"

[[durable_objects.bindings]] # @@binding
name = "DOCS"
-class_name = "Doc"
+class_name = "DocSql"

[[migrations]]
tag = "v1"
new_classes = ["Doc"]
+
+[[migrations]] # @@v2
+tag = "v2"
+new_sqlite_classes = ["DocSql"]
+
+[[migrations]] # @@v3
+tag = "v3"
+deleted_classes = ["Doc"]
`,
        jsonc: `
{
  "name": "docs",
  "durable_objects": {
    "bindings": [
-      { "name": "DOCS", "class_name": "Doc" },
+      { "name": "DOCS", "class_name": "DocSql" }, // @@binding
    ],
  },
  "migrations": [
    { "tag": "v1", "new_classes": ["Doc"] },
+    { "tag": "v2", "new_sqlite_classes": ["DocSql"] }, // @@v2
+    { "tag": "v3", "deleted_classes": ["Doc"] }, // @@v3
  ],
}
`,
      },
      [
        { ...deleted, classes: ["Doc"], worker: "docs", line: "@@v3", tag: "v3", says: ["storage switch"] },
        {
          ...repointed,
          severity: "warning",
          classes: ["Doc", "DocSql"],
          worker: "docs",
          line: "@@binding",
          tag: "v3",
          says: ["may be rejected or may go through", "separate steps"],
          never: ["and rejects the deploy"],
        },
        { ...created, classes: ["DocSql"], worker: "docs", line: "@@v2", tag: "v2" },
      ],
    ),
    ...inBothFormats(
      "DO106 with the create and the delete in one step: the rejection is what was seen (an error)",
      {
        toml: `
name = "docs"

[[durable_objects.bindings]] # @@binding
name = "DOCS"
-class_name = "Doc"
+class_name = "DocSql"

[[migrations]]
tag = "v1"
new_classes = ["Doc"]
+
+[[migrations]] # @@v2
+tag = "v2"
+new_sqlite_classes = ["DocSql"]
+deleted_classes = ["Doc"]
`,
        jsonc: `
{
  "name": "docs",
  "durable_objects": {
    "bindings": [
-      { "name": "DOCS", "class_name": "Doc" },
+      { "name": "DOCS", "class_name": "DocSql" }, // @@binding
    ],
  },
  "migrations": [
    { "tag": "v1", "new_classes": ["Doc"] },
+    { "tag": "v2", "new_sqlite_classes": ["DocSql"], "deleted_classes": ["Doc"] }, // @@v2
  ],
}
`,
      },
      [
        { ...deleted, classes: ["Doc"], worker: "docs", line: "@@v2", tag: "v2" },
        {
          ...repointed,
          severity: "error",
          classes: ["Doc", "DocSql"],
          worker: "docs",
          line: "@@binding",
          tag: "v2",
          says: ["rejects the deploy (code 10061)"],
        },
        {
          code: "DO104",
          kind: "delete-mixed-step",
          severity: "error",
          classes: ["Doc"],
          worker: "docs",
          line: "@@v2",
          tag: "v2",
        },
        { ...created, classes: ["DocSql"], worker: "docs", line: "@@v2", tag: "v2" },
      ],
    ),
    ...inBothFormats(
      "a class created again after a delete that most likely never applied: 'starts empty' only where it applies",
      {
        toml: `
name = "chat"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[[migrations]]
tag = "v2"
deleted_classes = ["Room"]
+
+[[migrations]] # @@v3
+tag = "v3"
+new_sqlite_classes = ["Room"]
`,
        jsonc: `
{
  "name": "chat",
  "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "Room" }] },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room"] },
    { "tag": "v2", "deleted_classes": ["Room"] },
+    { "tag": "v3", "new_sqlite_classes": ["Room"] }, // @@v3
  ],
}
`,
      },
      [
        {
          code: "DO304",
          kind: "class-recreated",
          severity: "info",
          classes: ["Room"],
          worker: "chat",
          line: "@@v3",
          tag: "v3",
          says: ["`v2` most likely never applied", "10061", "starts empty only where that delete applies"],
          never: ["none of the old objects come back"],
        },
      ],
    ),
    ...inBothFormats(
      "an edit that drops a class a later step deletes: not said to 'stay created'",
      {
        toml: `
name = "chat"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[[migrations]] # @@v2
tag = "v2"
-new_sqlite_classes = ["Chat", "Tmp"]
+new_sqlite_classes = ["Chat"]

[[migrations]] # @@v3
tag = "v3"
deleted_classes = ["Tmp"]
`,
        jsonc: `
{
  "name": "chat",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room"] },
-    { "tag": "v2", "new_sqlite_classes": ["Chat", "Tmp"] },
+    { "tag": "v2", "new_sqlite_classes": ["Chat"] }, // @@v2
    { "tag": "v3", "deleted_classes": ["Tmp"] }, // @@v3
  ],
}
`,
      },
      [
        {
          ...historyEdited,
          severity: "error",
          classes: ["Chat", "Tmp"],
          worker: "chat",
          line: "@@v2",
          tag: "v2",
          never: ["stays created", "stay created"],
        },
        {
          code: "DO205",
          kind: "replay-rejected",
          severity: "error",
          classes: ["Tmp"],
          worker: "chat",
          line: "@@v3",
          tag: "v3",
        },
      ],
    ),
    ...inBothFormats(
      "a removed base step, then a rename and a delete: the delete's own step is named, and the step is said removed, not edited",
      {
        toml: `
name = "chat"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
-
-[[migrations]]
-tag = "v2"
-new_sqlite_classes = ["Chat"]
+
+[[migrations]] # @@v3
+tag = "v3"
+renamed_classes = [{ from = "Room", to = "Lobby" }]
+
+[[migrations]] # @@v4
+tag = "v4"
+deleted_classes = ["Lobby"]
`,
        jsonc: `
{
  "name": "chat",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room"] },
-    { "tag": "v2", "new_sqlite_classes": ["Chat"] },
+    { "tag": "v3", "renamed_classes": [{ "from": "Room", "to": "Lobby" }] }, // @@v3
+    { "tag": "v4", "deleted_classes": ["Lobby"] }, // @@v4
  ],
}
`,
      },
      [
        {
          ...deleted,
          classes: ["Lobby"],
          worker: "chat",
          line: "@@v4",
          tag: "v4",
          says: ["Migration `v2` in the top-level config was removed", "in `v4`"],
          never: ["was edited", "ignores the edit"],
        },
        {
          ...historyRemoved,
          severity: "error",
          classes: ["Chat"],
          worker: "chat",
          line: null,
          tag: "v2",
        },
        {
          code: "DO302",
          kind: "class-renamed",
          severity: "warning",
          classes: ["Room", "Lobby"],
          worker: "chat",
          line: "@@v3",
          tag: "v3",
        },
      ],
    ),
    ...inBothFormats(
      "the deployed tag removed, a class deleted, created again and deleted again: DO101 names the first delete, the one that destroys",
      {
        toml: `
name = "chat"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
-
-[[migrations]]
-tag = "v2"
-new_sqlite_classes = ["Chat"]
+
+[[migrations]] # @@v3
+tag = "v3"
+deleted_classes = ["Room"]
+
+[[migrations]] # @@v4
+tag = "v4"
+new_sqlite_classes = ["Room"]
+
+[[migrations]] # @@v5
+tag = "v5"
+deleted_classes = ["Room"]
`,
        jsonc: `
{
  "name": "chat",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room"] },
-    { "tag": "v2", "new_sqlite_classes": ["Chat"] },
+    { "tag": "v3", "deleted_classes": ["Room"] }, // @@v3
+    { "tag": "v4", "new_sqlite_classes": ["Room"] }, // @@v4
+    { "tag": "v5", "deleted_classes": ["Room"] }, // @@v5
  ],
}
`,
      },
      [
        {
          ...deleted,
          classes: ["Room"],
          worker: "chat",
          line: "@@v3",
          tag: "v3",
          says: ["(migration `v3`)"],
        },
        {
          ...deleted,
          classes: ["Room"],
          worker: "chat",
          line: "@@v5",
          tag: "v5",
          says: ["has run `v4`"],
        },
        { ...historyRemoved, severity: "error", classes: ["Chat"], worker: "chat", line: null, tag: "v2" },
      ],
    ),
  ]);
});

describe("an incomplete fix: another config of the same code still has the class this change deletes", () => {
  const exporting = (...names: string[]): WorkerExports => ({
    status: "known",
    classes: new Set(names),
    names: new Set(names),
    files: [],
    notes: [],
  });
  const texts = (format: "toml" | "jsonc", deletes: boolean, name: string) =>
    format === "toml"
      ? `name = "${name}"
main = "src/index.ts"
${
  deletes
    ? ""
    : `
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"
`
}
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Lobby"]
${
  deletes
    ? `
[[migrations]]
tag = "v2"
deleted_classes = ["Room"]
`
    : ""
}`
      : `{
  "name": "${name}",
  "main": "src/index.ts",
  ${deletes ? "" : `"durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "Room" }] },`}
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room", "Lobby"] },
    ${deletes ? `{ "tag": "v2", "deleted_classes": ["Room"] },` : ""}
  ],
}
`;
  // What the adapter does with a code finding the base revision had too (settleAgainstBaseCode):
  // the other config's 10064 is old news until this rule looks at what the change is about.
  const run = (format: "toml" | "jsonc", sameCode: boolean) => {
    const ext = format;
    const other = sameCode ? `app/wrangler.eu.${ext}` : `eu/wrangler.${ext}`;
    const changes: ConfigChange[] = [
      {
        file: `app/wrangler.${ext}`,
        baseText: texts(format, false, "chat"),
        headText: texts(format, true, "chat"),
      },
      { file: other, baseText: texts(format, false, "chat-eu"), headText: texts(format, false, "chat-eu") },
    ];
    const analyses = analyzeFiles(changes);
    const code = codeFindings(analyses, () => exporting("Lobby")).map((f) =>
      f.file === other && f.kind === "class-not-exported" ? alreadyAtBase(f) : f,
    );
    return { report: reportFor(analyses, code), other };
  };
  for (const format of ["toml", "jsonc"] as const) {
    it(`the other config's 10064 is this change's, an error that says the fix is incomplete (${format})`, () => {
      const { report, other } = run(format, true);
      const theirs = report.findings.filter((f) => f.file === other);
      assert.deepEqual(
        theirs.map((f) => [f.code, f.severity, f.introduced, f.classes.join()]),
        [["DO601", "error", true, "Room"]],
      );
      assert.match(theirs[0]!.message, /This change deletes `Room` in .*the fix is incomplete.*10064/);
      assert.doesNotMatch(theirs[0]!.message, /Already at the base revision/);
      // The delete itself stays data loss.
      assert.ok(report.findings.some((f) => f.code === "DO101" && f.severity === "critical" && f.dataLoss));
    });
    it(`a config of other code keeps the old news as info (${format})`, () => {
      const { report, other } = run(format, false);
      const theirs = report.findings.filter((f) => f.file === other);
      assert.deepEqual(
        theirs.map((f) => [f.code, f.severity, f.introduced]),
        [["DO601", "info", false]],
      );
    });
  }
});

// The append-only rules of a `migrations` list (edited, removed, reordered, duplicated steps)
// and the histories wrangler's local replay or the API reject.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeRepository } from "../../src/core/analyze/analyze.ts";
import { inBothFormats, revisions, runAnalysisCases } from "../support/core-cases.ts";

const edited = { code: "DO201", kind: "history-edited", severity: "error" } as const;
const removed = { code: "DO202", kind: "history-removed", severity: "error" } as const;
const reordered = { code: "DO203", kind: "history-reordered", severity: "error" } as const;
const duplicate = { code: "DO204", kind: "duplicate-tag", severity: "error" } as const;
const rejected = { code: "DO205", kind: "replay-rejected", severity: "error" } as const;
const storage = { code: "DO305", kind: "storage-changed", severity: "error" } as const;
const created = { code: "DO301", kind: "class-created", severity: "info" } as const;

describe("history-edited and storage-changed", () => {
  runAnalysisCases([
    ...inBothFormats(
      "an applied step edited from new_classes to new_sqlite_classes (reported once, storage per Worker)",
      {
        toml: `
name = "app"

[[migrations]] # @@v1
tag = "v1"
-new_classes = ["Room"]
+new_sqlite_classes = ["Room"]

[env.staging]
`,
        jsonc: `
{
  "name": "app",
  "migrations": [
-    { "tag": "v1", "new_classes": ["Room"] },
+    { "tag": "v1", "new_sqlite_classes": ["Room"] }, // @@v1
  ],
  "env": { "staging": {} },
}
`,
      },
      [
        {
          ...edited,
          classes: ["Room"],
          worker: "app",
          line: "@@v1",
          tag: "v1",
          says: ["If `v1` reached a Worker", "never deployed anywhere"],
        },
        { ...storage, classes: ["Room"], worker: "app", line: "@@v1", tag: "v1", says: ["`Room`"] },
        { ...storage, classes: ["Room"], env: "staging", worker: "app-staging", line: "@@v1", tag: "v1" },
      ],
    ),
    {
      name: "an applied step of an env's own list edited (JSONC nested objects)",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "app",
  "env": {
    "production": {
      "migrations": [
        {
          "tag": "p1",
          "new_classes": ["Session"],
        },
        { // @@p2
          "tag": "p2",
-          "new_sqlite_classes": ["Room"],
+          "new_classes": ["Room"],
        },
      ],
    },
  },
}
`,
      expect: [
        {
          ...edited,
          classes: ["Room"],
          env: "production",
          worker: "app-production",
          line: "@@p2",
          tag: "p2",
        },
        {
          ...storage,
          classes: ["Room"],
          env: "production",
          worker: "app-production",
          line: "@@p2",
          tag: "p2",
        },
      ],
    },
  ]);
});

describe("history-removed", () => {
  runAnalysisCases([
    {
      name: "a step in the middle removed",
      file: "wrangler.toml",
      diff: `
name = "app"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["A"]
-
-[[migrations]]
-tag = "v2"
-new_sqlite_classes = ["B"]

[[migrations]]
tag = "v3"
new_sqlite_classes = ["C"]
`,
      expect: [{ ...removed, classes: ["B"], worker: "app", line: null, tag: "v2", says: ["`v2`"] }],
    },
    {
      name: "the last step (the deployed tag) removed: wrangler replays everything",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "app",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["A"] },
-    { "tag": "v2", "new_sqlite_classes": ["B"] },
  ],
}
`,
      expect: [{ ...removed, classes: ["B"], worker: "app", line: null, tag: "v2", says: ["`v2`", "10074"] }],
    },
    {
      name: "every step removed: one finding for the list, none again for the env that inherited it",
      file: "wrangler.toml",
      diff: `
name = "app"
-
-[[migrations]]
-tag = "v1"
-new_sqlite_classes = ["A"]
-
-[[migrations]]
-tag = "v2"
-new_classes = ["B"]

[env.staging]
`,
      expect: [
        // Nothing binds the classes at head: a retirement, which fails only if the classes also
        // leave the code (10064); unread here, so an error that says so.
        {
          ...removed,
          severity: "error",
          classes: ["A", "B"],
          worker: "app",
          line: null,
          tag: "v2",
          says: ["`v1`", "`v2`"],
        },
      ],
    },
  ]);
});

describe("history-edited and history-removed: what git alone can and cannot tell", () => {
  const mixed = { code: "DO104", kind: "delete-mixed-step", severity: "error" } as const;
  const deleted = { code: "DO101", kind: "class-deleted", severity: "critical", dataLoss: true } as const;
  runAnalysisCases([
    ...inBothFormats(
      "a class added to an applied step: if the step reached a Worker, the class is never created there and its binding fails",
      {
        toml: `
name = "app"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"
+
+[[durable_objects.bindings]]
+name = "LOBBY"
+class_name = "Lobby"

[[migrations]] # @@v1
tag = "v1"
-new_sqlite_classes = ["Room"]
+new_sqlite_classes = ["Room", "Lobby"]
`,
        jsonc: `
{
  "name": "app",
  "durable_objects": {
    "bindings": [
      { "name": "ROOMS", "class_name": "Room" },
+      { "name": "LOBBY", "class_name": "Lobby" },
    ],
  },
  "migrations": [
-    { "tag": "v1", "new_sqlite_classes": ["Room"] },
+    { "tag": "v1", "new_sqlite_classes": ["Room", "Lobby"] }, // @@v1
  ],
}
`,
      },
      [
        {
          ...edited,
          classes: ["Room", "Lobby"],
          worker: "app",
          line: "@@v1",
          tag: "v1",
          says: ["If `v1` reached a Worker", "`Lobby` is never created there", "10061"],
        },
        { ...created, classes: ["Lobby"], worker: "app", line: "@@v1", tag: "v1" },
      ],
    ),
    ...inBothFormats(
      "the last step's deploy is rejected at base (its delete is still bound): editing it is a warning, not an applied step",
      {
        toml: `
name = "app"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Old"]

[[migrations]] # @@v2
tag = "v2"
-deleted_classes = ["Room"]
+deleted_classes = ["Old"]
`,
        jsonc: `
{
  "name": "app",
  "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "Room" }] },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room", "Old"] },
-    { "tag": "v2", "deleted_classes": ["Room"] },
+    { "tag": "v2", "deleted_classes": ["Old"] }, // @@v2
  ],
}
`,
      },
      [
        {
          ...deleted,
          classes: ["Old"],
          worker: "app",
          line: "@@v2",
          tag: "v2",
        },
        {
          ...edited,
          severity: "warning",
          classes: ["Room", "Old"],
          worker: "app",
          line: "@@v2",
          tag: "v2",
          says: ["most likely never reached a Worker", "code 10061", "binding `ROOMS`", "still at `v1`"],
        },
      ],
    ),
    {
      name: "a retried KV-to-SQLite switch (executor#1191): the rejected delete and the step after it are withdrawn, the new attempt is case (b)",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "cloud",
  "durable_objects": {
    "bindings": [
-      { "name": "MCP_SESSION", "class_name": "McpSessionDO" },
+      { "name": "MCP_SESSION", "class_name": "McpSessionDOSqlite" }, // @@bind
    ],
  },
  "migrations": [
    { "tag": "v1", "new_classes": ["McpSessionDO"] },
-    { "tag": "v2", "deleted_classes": ["McpSessionDO"] },
-    { "tag": "v3", "new_sqlite_classes": ["McpSessionDO"] },
+    { "tag": "v2", "deleted_classes": ["McpSessionDO"], "new_sqlite_classes": ["McpSessionDOSqlite"] }, // @@v2
  ],
}
`,
      expect: [
        {
          ...deleted,
          classes: ["McpSessionDO"],
          worker: "cloud",
          line: "@@v2",
          tag: "v2",
          says: ["storage switch"],
        },
        {
          code: "DO106",
          kind: "delete-binding-repointed",
          severity: "error",
          classes: ["McpSessionDO", "McpSessionDOSqlite"],
          worker: "cloud",
          line: "@@bind",
          tag: "v2",
        },
        { ...mixed, classes: ["McpSessionDO"], worker: "cloud", line: "@@v2", tag: "v2" },
        {
          ...removed,
          severity: "warning",
          classes: ["McpSessionDO"],
          worker: "cloud",
          line: null,
          tag: "v3",
          says: ["most likely never reached a Worker", "`v2` is rejected with code 10061"],
        },
        {
          ...edited,
          severity: "warning",
          classes: ["McpSessionDO", "McpSessionDOSqlite"],
          worker: "cloud",
          line: "@@v2",
          tag: "v2",
        },
        { ...created, classes: ["McpSessionDOSqlite"], worker: "cloud", line: "@@v2", tag: "v2" },
      ],
    },
    {
      name: "the last step creates a class that already exists (rejected with 10074): removing it is a warning",
      file: "wrangler.toml",
      diff: `
name = "app"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["A"]
-[[migrations]]
-tag = "v2"
-new_sqlite_classes = ["A"]
`,
      expect: [
        {
          ...removed,
          severity: "warning",
          classes: ["A"],
          worker: "app",
          line: null,
          tag: "v2",
          says: ["code 10074", "still at `v1`"],
        },
      ],
    },
    ...inBothFormats(
      "an applied step edited to create what a later step deletes repairs the replay: a warning",
      {
        toml: `
name = "graphql"

[[migrations]] # @@v1
tag = "v1"
-new_sqlite_classes = ["GraphQLMCP"]
+new_sqlite_classes = ["UserDetails", "GraphQLMCP"]

[[migrations]]
tag = "v2"
deleted_classes = ["UserDetails"]
`,
        jsonc: `
{
  "name": "graphql",
  "migrations": [
-    { "tag": "v1", "new_sqlite_classes": ["GraphQLMCP"] },
+    { "tag": "v1", "new_sqlite_classes": ["UserDetails", "GraphQLMCP"] }, // @@v1
    { "tag": "v2", "deleted_classes": ["UserDetails"] },
  ],
}
`,
      },
      [
        {
          ...edited,
          severity: "warning",
          classes: ["GraphQLMCP", "UserDetails"],
          worker: "graphql",
          line: "@@v1",
          tag: "v1",
          says: ["replay the history cleanly", "4.131"],
        },
      ],
    ),
    ...inBothFormats(
      "every migration removed with the class and its binding: a retirement, an error while the code is unread (the deploy fails with 10064 only if the class leaves the code)",
      {
        toml: `
name = "worker-a"
main = "src/index.ts"
-
-[[durable_objects.bindings]]
-name = "COUNTER"
-class_name = "Counter"
-
-[[migrations]]
-tag = "v1"
-new_sqlite_classes = ["Counter"]
`,
        jsonc: `
{
  "name": "worker-a",
  "main": "src/index.ts",
-  "durable_objects": { "bindings": [{ "name": "COUNTER", "class_name": "Counter" }] },
-  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Counter"] }],
}
`,
      },
      [
        {
          ...removed,
          severity: "error",
          classes: ["Counter"],
          worker: "worker-a",
          line: null,
          tag: "v1",
          says: [
            "a Worker that ran `v1` keeps the namespace of `Counter`",
            "also leaves the code",
            "10064",
            "two deploys",
          ],
        },
        {
          code: "DO401",
          kind: "binding-removed",
          severity: "warning",
          classes: ["Counter"],
          worker: "worker-a",
          line: null,
          says: ["COUNTER", "10064"],
        },
      ],
    ),
    {
      name: "a retagged last step: said with the new tag, still an error while the old tag may be deployed",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "kody",
  "migrations": [
    { "tag": "v11", "new_sqlite_classes": ["RepoSession"] },
-    { "tag": "v12", "new_sqlite_classes": ["PackageRealtimeSession"] },
+    { "tag": "v13", "new_sqlite_classes": ["PackageRealtimeSession"] },
  ],
}
`,
      expect: [
        {
          ...removed,
          classes: ["PackageRealtimeSession"],
          worker: "kody",
          line: null,
          tag: "v12",
          says: ["back as `v13`", "10074"],
        },
      ],
    },
  ]);
});

describe("a last step that creates a class the base revision's code does not export never deployed", () => {
  const { base, head } = revisions(`
{
  "name": "app",
  "main": "src/index.ts",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Counter"] },
-    { "tag": "v2", "new_sqlite_classes": ["MyDurableObject"] },
+    { "tag": "v2", "new_sqlite_classes": ["Room"] }, // @@v2
  ],
}
`);
  const changes = [{ file: "apps/app/wrangler.jsonc", baseText: base, headText: head }];
  const codes = (exported: readonly string[] | undefined) =>
    analyzeRepository(changes, {
      baseExportsOf: (entry) =>
        entry === "apps/app/src/index.ts" && exported ? new Set(exported) : undefined,
    }).findings.map((f) => [f.code, f.severity, f.tag]);
  it("the base code does not export it: editing the step is a warning (10070)", () => {
    assert.deepEqual(codes(["Counter"]), [
      ["DO201", "warning", "v2"],
      ["DO301", "info", "v2"],
    ]);
    const edited = analyzeRepository(changes, { baseExportsOf: () => new Set(["Counter"]) }).findings[0]!;
    assert.match(edited.message, /most likely never reached a Worker.*10070.*`MyDurableObject`/);
  });
  it("the base code exports it, is not known, or misses earlier classes too: the edit stays an error", () => {
    assert.deepEqual(codes(["Counter", "MyDurableObject"])[0], ["DO201", "error", "v2"]);
    assert.deepEqual(codes(undefined)[0], ["DO201", "error", "v2"]);
    // Code that exports none of the classes is no reading of what deployed (a build output, a
    // stale branch): nothing is concluded from it.
    assert.deepEqual(codes([])[0], ["DO201", "error", "v2"]);
  });
});

describe("an older step whose class the base code does not export, and which stays live: no deploy from the base succeeds", () => {
  // vibesdk e5034e2: v4 creates SessionDO, which no code defines; v5 follows; the change removes v4.
  const config = (steps: string) => `{
  "name": "app",
  "main": "src/index.ts",
  "durable_objects": { "bindings": [{ "name": "SPACE", "class_name": "Space" }] },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Counter"] },
${steps}
  ],
}
`;
  const v2 = '    { "tag": "v2", "new_sqlite_classes": ["Session"] },';
  const v3 = '    { "tag": "v3", "new_sqlite_classes": ["Space"] },';
  const run = (baseSteps: string, headSteps: string, exported: readonly string[]) =>
    analyzeRepository(
      [{ file: "wrangler.jsonc", baseText: config(baseSteps), headText: config(headSteps) }],
      { baseExportsOf: (entry) => (entry === "src/index.ts" ? new Set(exported) : undefined) },
    ).findings;
  const view = (findings: ReturnType<typeof run>) => findings.map((f) => [f.code, f.severity, f.tag]);

  it("removing the step is a warning that names the rejection; the base code exports the class: an error", () => {
    // As at vibesdk's base, a later class is missing from the code too: v2's is the first.
    const removed = run(`${v2}\n${v3}`, v3, ["Counter"]);
    assert.deepEqual(view(removed), [["DO202", "warning", "v2"]]);
    assert.match(
      removed[0]!.message,
      /most likely never reached a Worker.*`v2`.*10070.*`Session`.*still at `v1`/,
    );
    assert.deepEqual(view(run(`${v2}\n${v3}`, v3, ["Counter", "Space", "Session"]))[0], [
      "DO202",
      "error",
      "v2",
    ]);
  });

  it("a class the history deletes again later, or code that misses an earlier class too, proves nothing", () => {
    const gone = `${v2}\n${v3}\n    { "tag": "v4", "deleted_classes": ["Session"] },`;
    assert.equal(
      view(run(gone, `${v3}\n    { "tag": "v4", "deleted_classes": [] },`, ["Counter", "Space"]))[0]?.[1],
      "error",
    );
    assert.equal(view(run(`${v2}\n${v3}`, v3, ["Space"]))[0]?.[1], "error");
  });

  it("the later steps still count as deployed for data loss: deleting v3's class in the same change is DO101", () => {
    const findings = run(`${v2}\n${v3}`, `${v3}\n    { "tag": "v4", "deleted_classes": ["Space"] },`, [
      "Counter",
      "Space",
    ]);
    assert.ok(
      findings.some((f) => f.code === "DO101" && f.classes.includes("Space") && f.severity === "critical"),
      JSON.stringify(view(findings)),
    );
  });
});

describe("a base step that may not have deployed yet: what its edit, or its unblocking, destroys", () => {
  const deleted = { code: "DO101", kind: "class-deleted", severity: "critical", dataLoss: true } as const;
  const plain = { code: "DO107", kind: "delete-binding-removed", severity: "warning" } as const;
  runAnalysisCases([
    ...inBothFormats(
      "v2 (merged, maybe not deployed) edited to delete Room too: conditional data loss, which only the live tag settles",
      {
        toml: `
name = "chat"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Lobby"]

[[migrations]] # @@v2
tag = "v2"
-deleted_classes = ["Lobby"]
+deleted_classes = ["Lobby", "Room"]
`,
        jsonc: `
{
  "name": "chat",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room", "Lobby"] },
-    { "tag": "v2", "deleted_classes": ["Lobby"] },
+    { "tag": "v2", "deleted_classes": ["Lobby", "Room"] }, // @@v2
  ],
}
`,
      },
      [
        {
          ...deleted,
          classes: ["Room"],
          worker: "chat",
          line: "@@v2",
          tag: "v2",
          says: [
            "If `v2` has not reached a Worker yet",
            "this edit deletes `Room` there and destroys every `Room` object",
            "a Worker that ran `v2` ignores the edit",
          ],
        },
        {
          ...edited,
          classes: ["Lobby", "Room"],
          worker: "chat",
          line: "@@v2",
          tag: "v2",
          says: ["If `v2` reached a Worker"],
        },
      ],
    ),
    ...inBothFormats(
      "v2 edited to rename Room, and a new v3 deletes the new name: the objects of Room, where v2 has not deployed",
      {
        toml: `
name = "chat"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Lobby"]

[[migrations]] # @@v2
tag = "v2"
deleted_classes = ["Lobby"]
+renamed_classes = [{ from = "Room", to = "Hall" }]
+
+[[migrations]] # @@v3
+tag = "v3"
+deleted_classes = ["Hall"]
`,
        jsonc: `
{
  "name": "chat",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room", "Lobby"] },
-    { "tag": "v2", "deleted_classes": ["Lobby"] },
+    { "tag": "v2", "deleted_classes": ["Lobby"], "renamed_classes": [{ "from": "Room", "to": "Hall" }] }, // @@v2
+    { "tag": "v3", "deleted_classes": ["Hall"] }, // @@v3
  ],
}
`,
      },
      [
        {
          ...deleted,
          classes: ["Hall"],
          worker: "chat",
          line: "@@v3",
          tag: "v3",
          says: [
            "If `v2` has not reached a Worker yet",
            "deletes `Hall` there in `v3`",
            "every `Room` object of `chat` (renamed to `Hall` on the way)",
          ],
        },
        { ...edited, classes: ["Lobby", "Room", "Hall"], worker: "chat", line: "@@v2", tag: "v2" },
        {
          code: "DO302",
          kind: "class-renamed",
          severity: "warning",
          classes: ["Room", "Hall"],
          worker: "chat",
          line: "@@v2",
          tag: "v2",
        },
      ],
    ),
    ...inBothFormats(
      "the base's v2 delete was rejected (Lobby still bound); the change only removes the binding, so v2 now applies (executor#1191's fix PR)",
      {
        toml: `
name = "chat"

[[durable_objects.bindings]]
name = "ROOM"
class_name = "Room"
-
-[[durable_objects.bindings]]
-name = "LOBBY"
-class_name = "Lobby"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Lobby"]

[[migrations]] # @@v2
tag = "v2"
deleted_classes = ["Lobby"]
`,
        jsonc: `
{
  "name": "chat",
  "durable_objects": {
    "bindings": [
      { "name": "ROOM", "class_name": "Room" },
-      { "name": "LOBBY", "class_name": "Lobby" },
    ],
  },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room", "Lobby"] },
    { "tag": "v2", "deleted_classes": ["Lobby"] }, // @@v2
  ],
}
`,
      },
      [
        {
          ...deleted,
          classes: ["Lobby"],
          worker: "chat",
          line: "@@v2",
          tag: "v2",
          says: [
            "its deploy has been rejected so far (code 10061)",
            "binding `LOBBY` still points at `Lobby`",
            "still at `v1`",
            "the next deploy applies `v2`",
          ],
        },
        { ...plain, classes: ["Lobby"], worker: "chat", line: "@@v2", tag: "v2" },
      ],
    ),
    {
      name: "a rejected delete whose binding the change keeps: still rejected, nothing new",
      diff: `
name = "chat"

[[durable_objects.bindings]]
name = "LOBBY"
class_name = "Lobby"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Lobby"]

[[migrations]]
tag = "v2"
deleted_classes = ["Lobby"]
+
+[[migrations]] # @@v3
+tag = "v3"
+new_sqlite_classes = ["Hall"]
`,
      expect: [
        {
          code: "DO301",
          kind: "class-created",
          severity: "info",
          classes: ["Hall"],
          worker: "chat",
          line: "@@v3",
          tag: "v3",
        },
      ],
    },
  ]);
});

describe("a base whose last step repoints a binding while deleting its class (case b) never deployed", () => {
  // executor#1193 (8109db1): the base's v2 deletes McpSessionDO and creates McpSessionDOSqlite,
  // which MCP_SESSION now points at; that deploy kept failing with 10061, and the fix drops the
  // delete from v2. The fix is not an edit of an applied step.
  runAnalysisCases([
    ...inBothFormats(
      "the delete dropped from the rejected step: a warning that names the rejection",
      {
        toml: `
name = "cloud"

[[durable_objects.bindings]]
name = "MCP_SESSION"
class_name = "McpSessionDOSqlite"

[[migrations]]
tag = "v1"
new_classes = ["McpSessionDO"]

[[migrations]] # @@v2
tag = "v2"
-deleted_classes = ["McpSessionDO"]
new_sqlite_classes = ["McpSessionDOSqlite"]
`,
        jsonc: `
{
  "name": "cloud",
  "durable_objects": { "bindings": [{ "name": "MCP_SESSION", "class_name": "McpSessionDOSqlite" }] },
  "migrations": [
    { "tag": "v1", "new_classes": ["McpSessionDO"] },
-    { "tag": "v2", "deleted_classes": ["McpSessionDO"], "new_sqlite_classes": ["McpSessionDOSqlite"] },
+    { "tag": "v2", "new_sqlite_classes": ["McpSessionDOSqlite"] }, // @@v2
  ],
}
`,
      },
      [
        {
          ...edited,
          severity: "warning",
          classes: ["McpSessionDOSqlite", "McpSessionDO"],
          worker: "cloud",
          line: "@@v2",
          tag: "v2",
          says: [
            "most likely never reached a Worker",
            "code 10061",
            "binding `MCP_SESSION`",
            "still at `v1`",
          ],
        },
        {
          ...created,
          classes: ["McpSessionDOSqlite"],
          worker: "cloud",
          line: "@@v2",
          tag: "v2",
        },
      ],
    ),
  ]);
});

describe("history-reordered and duplicate-tag", () => {
  runAnalysisCases([
    {
      name: "two applied steps swapped",
      file: "wrangler.toml",
      diff: `
name = "app"

[[migrations]] # @@v1
tag = "v1"
new_sqlite_classes = ["A"]
-
-[[migrations]]
-tag = "v2"
-new_sqlite_classes = ["B"]

[[migrations]]
tag = "v3"
new_sqlite_classes = ["C"]
+
+[[migrations]]
+tag = "v2"
+new_sqlite_classes = ["B"]
`,
      expect: [{ ...reordered, classes: [], worker: "app", line: "@@v1", says: ["`v2`", "`v3`"] }],
    },
    {
      name: "a new step inserted before the deployed tag is never sent to deployed Workers",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "app",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["A"] },
+    { "tag": "v1b", "new_sqlite_classes": ["X"] }, // @@v1b
    { "tag": "v2", "new_sqlite_classes": ["B"] },
  ],
}
`,
      expect: [
        { ...reordered, classes: ["X"], worker: "app", line: "@@v1b", tag: "v1b", says: ["`v1b`", "`v2`"] },
        { ...created, classes: ["X"], worker: "app", line: "@@v1b", tag: "v1b" },
      ],
    },
    ...inBothFormats(
      "a new step reusing an existing tag",
      {
        toml: `
name = "app"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["A"]

[[migrations]]
tag = "v2"
new_sqlite_classes = ["B"]
+
+[[migrations]] # @@dup
+tag = "v2"
+new_sqlite_classes = ["C"]
`,
        jsonc: `
{
  "name": "app",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["A"] },
    { "tag": "v2", "new_sqlite_classes": ["B"] },
+    { "tag": "v2", "new_sqlite_classes": ["C"] }, // @@dup
  ],
}
`,
      },
      [
        { ...duplicate, classes: ["B", "C"], worker: "app", line: "@@dup", tag: "v2", says: ["`v2`"] },
        { ...created, classes: ["C"], worker: "app", line: "@@dup", tag: "v2" },
      ],
    ),
    {
      name: "a duplicate tag already there at base is not reported again",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "app",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["A"] },
    { "tag": "v1", "new_sqlite_classes": ["B"] },
+    { "tag": "v2", "new_sqlite_classes": ["C"] }, // @@v2
  ],
}
`,
      expect: [{ ...created, classes: ["C"], worker: "app", line: "@@v2", tag: "v2" }],
    },
    {
      name: "an env switching from the inherited list to its own identical copy changes nothing",
      file: "wrangler.toml",
      diff: `
name = "app"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["A"]

[env.staging]
+[[env.staging.migrations]]
+tag = "v1"
+new_sqlite_classes = ["A"]
`,
      expect: [],
    },
  ]);
});

describe("replay-rejected", () => {
  runAnalysisCases([
    ...inBothFormats(
      "a delete of a class no step creates, in the top level and the env inheriting it",
      {
        toml: `
name = "app"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["A"]
+
+[[migrations]] # @@v2
+tag = "v2"
+deleted_classes = ["Ghost"]

[env.staging]
`,
        jsonc: `
{
  "name": "app",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["A"] },
+    { "tag": "v2", "deleted_classes": ["Ghost"] }, // @@v2
  ],
  "env": { "staging": {} },
}
`,
      },
      [
        { ...rejected, classes: ["Ghost"], worker: "app", line: "@@v2", tag: "v2", says: ["`Ghost`"] },
        { ...rejected, classes: ["Ghost"], env: "staging", worker: "app-staging", line: "@@v2", tag: "v2" },
      ],
    ),
    {
      name: "a class created twice (JSONC, step spread over lines)",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "app",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["A"] },
+    { // @@v2
+      "tag": "v2",
+      "new_sqlite_classes": ["A"],
+    },
  ],
}
`,
      expect: [{ ...rejected, classes: ["A"], worker: "app", line: "@@v2", tag: "v2", says: ["10074"] }],
    },
    {
      name: "a rename of an unknown class onto a live one",
      file: "wrangler.toml",
      diff: `
name = "app"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["A"]
+[[migrations]] # @@v2
+tag = "v2"
+renamed_classes = [{ from = "Nope", to = "A" }]
`,
      expect: [
        { ...rejected, classes: ["Nope"], worker: "app", line: "@@v2", tag: "v2" },
        { ...rejected, classes: ["A"], worker: "app", line: "@@v2", tag: "v2" },
        {
          code: "DO302",
          kind: "class-renamed",
          severity: "warning",
          classes: ["Nope", "A"],
          worker: "app",
          line: "@@v2",
          tag: "v2",
        },
      ],
    },
    {
      name: "a problem already in the base history is not reported again",
      file: "wrangler.toml",
      diff: `
name = "app"
[[migrations]]
tag = "v1"
deleted_classes = ["Ghost"]
+[[migrations]] # @@v2
+tag = "v2"
+new_sqlite_classes = ["A"]
`,
      expect: [{ ...created, classes: ["A"], worker: "app", line: "@@v2", tag: "v2" }],
    },
    {
      name: "a new env replaying a history that creates and deletes a class destroys nothing",
      file: "wrangler.toml",
      diff: `
name = "app"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Old"]
[[migrations]]
tag = "v2"
deleted_classes = ["Old"]
+[env.preview]
`,
      expect: [],
    },
  ]);
});

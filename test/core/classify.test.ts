// What a config change does to each deployed Worker's classes: deletes, renames, creates,
// transfers, bindings, environments and Worker names, for `migrations` and `exports`, in TOML
// and JSONC, at the top level and in environments. Lines are `@@marker` comments in the head.
import { describe } from "node:test";
import { type AnalysisCase, inBothFormats, revisions, runAnalysisCases } from "../support/core-cases.ts";

const deleted = { code: "DO101", kind: "class-deleted", severity: "critical", dataLoss: true } as const;
const stillBound = { code: "DO103", kind: "delete-still-bound", severity: "error" } as const;

describe("class-deleted: inheritance of a top-level delete", () => {
  runAnalysisCases([
    ...inBothFormats(
      "a top-level delete destroys the class in every Worker that inherits the migrations, not in an env with its own list",
      {
        toml: `
name = "chat"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Presence"]

+[[migrations]] # @@v2
+tag = "v2"
+deleted_classes = ["Presence"]
+
[env.staging]
vars = { MODE = "staging" }

[env.production]
name = "chat-prod"

[env.eu]
[[env.eu.migrations]]
tag = "eu1"
new_sqlite_classes = ["Room", "Presence"]
`,
        jsonc: `
{
  "name": "chat",
  "main": "src/index.ts",
  "durable_objects": {
    "bindings": [{ "name": "ROOMS", "class_name": "Room" }]
  },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room", "Presence"] },
+    { "tag": "v2", "deleted_classes": ["Presence"] } // @@v2
  ],
  "env": {
    "staging": { "vars": { "MODE": "staging" } },
    "production": { "name": "chat-prod" },
    "eu": {
      "migrations": [{ "tag": "eu1", "new_sqlite_classes": ["Room", "Presence"] }]
    }
  }
}
`,
      },
      [
        {
          ...deleted,
          classes: ["Presence"],
          env: null,
          worker: "chat",
          line: "@@v2",
          tag: "v2",
          says: ["`Presence`"],
        },
        {
          ...deleted,
          classes: ["Presence"],
          env: "production",
          worker: "chat-prod",
          line: "@@v2",
          tag: "v2",
        },
        {
          ...deleted,
          classes: ["Presence"],
          env: "staging",
          worker: "chat-staging",
          line: "@@v2",
          tag: "v2",
        },
      ],
    ),
    ...inBothFormats(
      "durable_objects is not inherited: each Worker that still binds the deleted class gets its own DO103",
      {
        toml: `
name = "chat"

[[durable_objects.bindings]] # @@top-bind
name = "ROOMS"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
+
+[[migrations]] # @@v2
+tag = "v2"
+deleted_classes = ["Room"]

[env.staging]
durable_objects.bindings = [
  { name = "ROOMS", class_name = "Room" }, # @@staging-bind
]

[env.production]
name = "chat-prod"
`,
        jsonc: `
{
  "name": "chat",
  "durable_objects": {
    "bindings": [
      { "name": "ROOMS", "class_name": "Room" } // @@top-bind
    ]
  },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room"] },
+    {  // @@v2
+      "tag": "v2",
+      "deleted_classes": ["Room"]
+    }
  ],
  "env": {
    "staging": {
      "durable_objects": {
        "bindings": [
          { "name": "ROOMS", "class_name": "Room" } // @@staging-bind
        ]
      }
    },
    "production": { "name": "chat-prod" }
  }
}
`,
      },
      [
        { ...deleted, classes: ["Room"], env: null, worker: "chat", line: "@@v2", tag: "v2" },
        { ...deleted, classes: ["Room"], env: "production", worker: "chat-prod", line: "@@v2", tag: "v2" },
        { ...deleted, classes: ["Room"], env: "staging", worker: "chat-staging", line: "@@v2", tag: "v2" },
        {
          ...stillBound,
          classes: ["Room"],
          env: null,
          worker: "chat",
          line: "@@top-bind",
          tag: "v2",
          says: ["ROOMS", "10061"],
        },
        {
          ...stillBound,
          classes: ["Room"],
          env: "staging",
          worker: "chat-staging",
          line: "@@staging-bind",
          tag: "v2",
        },
      ],
    ),
    ...inBothFormats(
      "a delete in an env's own list touches only that env, and its binding still points at the class",
      {
        toml: `
name = "chat"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[env.staging]
name = "chat-preview"

[[env.staging.durable_objects.bindings]] # @@bind
name = "ROOMS"
class_name = "Room"

[[env.staging.migrations]]
tag = "s1"
new_sqlite_classes = ["Room"]
+
+[[env.staging.migrations]] # @@s2
+tag = "s2"
+deleted_classes = ["Room"]
`,
        jsonc: `
{
  "name": "chat",
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Room"] }],
  "env": {
    "staging": {
      "name": "chat-preview",
      "durable_objects": {
        "bindings": [
          { "name": "ROOMS", "class_name": "Room" } // @@bind
        ]
      },
      "migrations": [
        { "tag": "s1", "new_sqlite_classes": ["Room"] },
+        { // @@s2
+          "tag": "s2",
+          "deleted_classes": ["Room"],
+        },
      ],
    },
  },
}
`,
      },
      [
        { ...deleted, classes: ["Room"], env: "staging", worker: "chat-preview", line: "@@s2", tag: "s2" },
        {
          ...stillBound,
          classes: ["Room"],
          env: "staging",
          worker: "chat-preview",
          line: "@@bind",
          tag: "s2",
        },
      ],
    ),
    ...inBothFormats(
      "exports: a top-level tombstone (state deleted) destroys the class in every inheriting Worker",
      {
        toml: `
name = "notes"
main = "src/worker.ts"

[exports.default]
type = "worker"

[exports.NoteStore] # @@store
type = "durable-object"
-storage = "sqlite"
+state = "deleted"

[exports.Search]
type = "durable-object"
storage = "sqlite"

[env.staging]
[env.production]
[env.production.exports.Search]
type = "durable-object"
storage = "sqlite"
`,
        jsonc: `
{
  "name": "notes",
  "main": "src/worker.ts",
  "exports": {
    "default": { "type": "worker" },
-    "NoteStore": { "type": "durable-object", "storage": "sqlite" },
+    "NoteStore": { "type": "durable-object", "state": "deleted" }, // @@store
    "Search": { "type": "durable-object", "storage": "sqlite" },
  },
  "env": {
    "staging": {},
    "production": {
      "exports": { "Search": { "type": "durable-object", "storage": "sqlite" } },
    },
  },
}
`,
      },
      [
        { ...deleted, classes: ["NoteStore"], env: null, worker: "notes", line: "@@store" },
        { ...deleted, classes: ["NoteStore"], env: "staging", worker: "notes-staging", line: "@@store" },
      ],
    ),
    {
      name: "a delete already applied at base is not reported again when an unrelated step is added",
      file: "wrangler.toml",
      diff: `
name = "chat"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Old"]
[[migrations]]
tag = "v2"
deleted_classes = ["Old"]
+[[migrations]] # @@v3
+tag = "v3"
+new_sqlite_classes = ["Lobby"]
`,
      expect: [
        {
          code: "DO301",
          kind: "class-created",
          severity: "info",
          classes: ["Lobby"],
          worker: "chat",
          line: "@@v3",
          tag: "v3",
        },
      ],
    },
    {
      name: "the plain one-shot delete (own binding removed, nothing else binds it) is a warning: the evidence is mixed",
      file: "wrangler.toml",
      diff: `
name = "chat"
-[[durable_objects.bindings]]
-name = "ROOMS"
-class_name = "Room"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
+[[migrations]] # @@v2
+tag = "v2"
+deleted_classes = ["Room"]
`,
      expect: [
        { ...deleted, classes: ["Room"], worker: "chat", line: "@@v2", tag: "v2" },
        {
          code: "DO107",
          kind: "delete-binding-removed",
          severity: "warning",
          classes: ["Room"],
          worker: "chat",
          line: "@@v2",
          tag: "v2",
          says: ["ROOMS", "10061", "workers-sdk#8210", "Two deploys always work"],
        },
      ],
    },
  ]);
});

describe("probable-rename and delete-mixed-step", () => {
  runAnalysisCases([
    ...inBothFormats(
      "a rename written as delete + create in one step, with the binding moved to the new class",
      {
        toml: `
name = "chat"

[[durable_objects.bindings]]
name = "ROOMS"
-class_name = "Room"
+class_name = "ChatRoom"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
+
+[[migrations]] # @@v2
+tag = "v2"
+deleted_classes = ["Room"]
+new_sqlite_classes = ["ChatRoom"]
`,
        jsonc: `
{
  "name": "chat",
  "durable_objects": {
-    "bindings": [{ "name": "ROOMS", "class_name": "Room" }],
+    "bindings": [{ "name": "ROOMS", "class_name": "ChatRoom" }],
  },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room"] },
+    { "tag": "v2", "deleted_classes": ["Room"], "new_sqlite_classes": ["ChatRoom"] }, // @@v2
  ],
}
`,
      },
      [
        { ...deleted, classes: ["Room"], worker: "chat", line: "@@v2", tag: "v2" },
        {
          code: "DO102",
          kind: "probable-rename",
          severity: "critical",
          dataLoss: true,
          classes: ["Room", "ChatRoom"],
          worker: "chat",
          line: "@@v2",
          tag: "v2",
          says: ["ROOMS", "`Room`", "`ChatRoom`", "renamed_classes", "10061"],
        },
        {
          code: "DO104",
          kind: "delete-mixed-step",
          severity: "error",
          classes: ["Room"],
          worker: "chat",
          line: "@@v2",
          tag: "v2",
        },
        {
          code: "DO301",
          kind: "class-created",
          severity: "info",
          classes: ["ChatRoom"],
          worker: "chat",
          line: "@@v2",
          tag: "v2",
        },
      ],
    ),
    {
      name: "a rename written as a delete step and a create step (TOML inline array of tables)",
      file: "wrangler.toml",
      diff: `
name = "chat"
-durable_objects.bindings = [{ name = "ROOMS", class_name = "Room" }]
+durable_objects.bindings = [{ name = "ROOMS", class_name = "ChatRoom" }]
migrations = [
  { tag = "v1", new_sqlite_classes = ["Room"] },
+  { tag = "v2", deleted_classes = ["Room"] }, # @@v2
+  { tag = "v3", new_sqlite_classes = ["ChatRoom"] }, # @@v3
]
`,
      expect: [
        { ...deleted, classes: ["Room"], worker: "chat", line: "@@v2", tag: "v2" },
        {
          code: "DO102",
          kind: "probable-rename",
          severity: "critical",
          dataLoss: true,
          classes: ["Room", "ChatRoom"],
          worker: "chat",
          line: "@@v2",
          tag: "v2",
        },
        {
          code: "DO301",
          kind: "class-created",
          severity: "info",
          classes: ["ChatRoom"],
          worker: "chat",
          line: "@@v3",
          tag: "v3",
        },
      ],
    },
    {
      name: "exports: a tombstone for the old class and a new entry the binding moves to",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "chat",
  "exports": {
-    "Room": { "type": "durable-object", "storage": "sqlite" },
+    "Room": { "type": "durable-object", "state": "deleted" }, // @@room
+    "ChatRoom": { "type": "durable-object", "storage": "sqlite" }, // @@chat
  },
  "durable_objects": {
-    "bindings": [{ "name": "ROOMS", "class_name": "Room" }],
+    "bindings": [{ "name": "ROOMS", "class_name": "ChatRoom" }],
  },
}
`,
      expect: [
        { ...deleted, classes: ["Room"], worker: "chat", line: "@@room" },
        {
          code: "DO102",
          kind: "probable-rename",
          severity: "critical",
          dataLoss: true,
          classes: ["Room", "ChatRoom"],
          worker: "chat",
          line: "@@room",
        },
        {
          code: "DO301",
          kind: "class-created",
          severity: "info",
          classes: ["ChatRoom"],
          worker: "chat",
          line: "@@chat",
        },
      ],
    },
    {
      name: "a delete mixed with a rename in an env's own list ([[env.X.migrations.renamed_classes]])",
      file: "wrangler.toml",
      diff: `
name = "game"

[env.production]
[[env.production.migrations]]
tag = "p1"
new_sqlite_classes = ["Lobby", "Match"]
+
+[[env.production.migrations]] # @@p2
+tag = "p2"
+deleted_classes = ["Lobby"]
+
+[[env.production.migrations.renamed_classes]]
+from = "Match"
+to = "Game"
`,
      expect: [
        {
          ...deleted,
          classes: ["Lobby"],
          env: "production",
          worker: "game-production",
          line: "@@p2",
          tag: "p2",
        },
        {
          code: "DO104",
          kind: "delete-mixed-step",
          severity: "error",
          classes: ["Lobby"],
          env: "production",
          worker: "game-production",
          line: "@@p2",
          tag: "p2",
        },
        {
          code: "DO302",
          kind: "class-renamed",
          severity: "warning",
          classes: ["Match", "Game"],
          env: "production",
          worker: "game-production",
          line: "@@p2",
          tag: "p2",
        },
      ],
    },
  ]);
});

describe("cross-worker-binding", () => {
  const billing = {
    file: "services/billing/wrangler.toml",
    baseText: `name = "billing"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Invoice", "Ledger"]

[env.staging]
`,
    headText: `name = "billing"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Invoice", "Ledger"]

[[migrations]] # @@v2
tag = "v2"
deleted_classes = ["Invoice"]

[env.staging]
`,
  };
  const api = `{
  "name": "api",
  "durable_objects": {
    "bindings": [
      { "name": "INVOICES", "class_name": "Invoice", "script_name": "billing" }, // @@api-bind
      { "name": "LEDGER", "class_name": "Ledger", "script_name": "billing" },
    ],
  },
  "env": {
    "staging": {
      "durable_objects": {
        "bindings": [
          { "name": "INVOICES", "class_name": "Invoice", "script_name": "billing-staging" }, // @@staging-bind
        ],
      },
    },
  },
}
`;
  const cross = { code: "DO105", kind: "cross-worker-binding", severity: "error" } as const;
  runAnalysisCases([
    {
      name: "another Worker's script_name binding blocks the delete, per env",
      changes: [billing, { file: "services/api/wrangler.jsonc", baseText: api, headText: api }],
      expect: [
        {
          ...deleted,
          classes: ["Invoice"],
          worker: "billing",
          file: billing.file,
          line: "@@v2",
          tag: "v2",
        },
        {
          ...deleted,
          classes: ["Invoice"],
          env: "staging",
          worker: "billing-staging",
          file: billing.file,
          line: "@@v2",
          tag: "v2",
        },
        {
          ...cross,
          classes: ["Invoice"],
          worker: "api",
          file: "services/api/wrangler.jsonc",
          line: "@@api-bind",
          tag: "v2",
          says: ["INVOICES", "10061"],
        },
        {
          ...cross,
          classes: ["Invoice"],
          env: "staging",
          worker: "api-staging",
          file: "services/api/wrangler.jsonc",
          line: "@@staging-bind",
          tag: "v2",
        },
      ],
    },
  ]);
});

describe("the one-shot delete: what the API rejects (DO103, DO105, DO106, DO108) and the plain case (DO107)", () => {
  const repointed = { code: "DO106", kind: "delete-binding-repointed", severity: "error" } as const;
  const mixed = { code: "DO104", kind: "delete-mixed-step", severity: "error" } as const;
  const created = { code: "DO301", kind: "class-created", severity: "info" } as const;
  runAnalysisCases([
    ...inBothFormats(
      "(b) a KV-to-SQLite switch in one deploy: the binding keeps its name, the old class is deleted; data loss, not a rename",
      {
        toml: `
name = "cloud"

[[durable_objects.bindings]] # @@bind
name = "MCP_SESSION"
-class_name = "McpSessionDO"
+class_name = "McpSessionDOSqlite"

[[migrations]]
tag = "v1"
new_classes = ["McpSessionDO"]
+
+[[migrations]] # @@v2
+tag = "v2"
+deleted_classes = ["McpSessionDO"]
+new_sqlite_classes = ["McpSessionDOSqlite"]
`,
        jsonc: `
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
+    { "tag": "v2", "deleted_classes": ["McpSessionDO"], "new_sqlite_classes": ["McpSessionDOSqlite"] }, // @@v2
  ],
}
`,
      },
      [
        {
          ...deleted,
          classes: ["McpSessionDO"],
          worker: "cloud",
          line: "@@v2",
          tag: "v2",
          says: ["storage switch, not a rename", "MCP_SESSION", "copy each object's data"],
        },
        {
          ...repointed,
          classes: ["McpSessionDO", "McpSessionDOSqlite"],
          worker: "cloud",
          line: "@@bind",
          tag: "v2",
          says: ["MCP_SESSION", "keeps its name", "10061"],
        },
        { ...mixed, classes: ["McpSessionDO"], worker: "cloud", line: "@@v2", tag: "v2" },
        { ...created, classes: ["McpSessionDOSqlite"], worker: "cloud", line: "@@v2", tag: "v2" },
      ],
    ),
    ...inBothFormats(
      "(b) a binding repointed to a class that already exists, in the deploy that deletes its class",
      {
        toml: `
name = "docs"

[[durable_objects.bindings]] # @@bind
name = "DOC"
-class_name = "Document"
+class_name = "Page"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Document", "Page"]
+
+[[migrations]] # @@v2
+tag = "v2"
+deleted_classes = ["Document"]
`,
        jsonc: `
{
  "name": "docs",
  "durable_objects": {
    "bindings": [
-      { "name": "DOC", "class_name": "Document" },
+      { "name": "DOC", "class_name": "Page" }, // @@bind
    ],
  },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Document", "Page"] },
+    { "tag": "v2", "deleted_classes": ["Document"] }, // @@v2
  ],
}
`,
      },
      [
        {
          ...deleted,
          classes: ["Document"],
          worker: "docs",
          line: "@@v2",
          tag: "v2",
          says: ["renamed_classes"],
        },
        { ...repointed, classes: ["Document", "Page"], worker: "docs", line: "@@bind", tag: "v2" },
      ],
    ),
    ...inBothFormats(
      "(d) a class that came through transferred_classes, deleted in the deploy that drops its binding",
      {
        toml: `
name = "runtime"
-
-[[durable_objects.bindings]]
-name = "SERVICE"
-class_name = "ServiceInstance"

[[migrations]]
tag = "v1"
transferred_classes = [{ from = "ServiceInstance", from_script = "kody", to = "ServiceInstance" }]
+
+[[migrations]] # @@v2
+tag = "v2"
+deleted_classes = ["ServiceInstance"]
`,
        jsonc: `
{
  "name": "runtime",
-  "durable_objects": { "bindings": [{ "name": "SERVICE", "class_name": "ServiceInstance" }] },
  "migrations": [
    { "tag": "v1", "transferred_classes": [{ "from": "ServiceInstance", "from_script": "kody", "to": "ServiceInstance" }] },
+    { "tag": "v2", "deleted_classes": ["ServiceInstance"] }, // @@v2
  ],
}
`,
      },
      [
        { ...deleted, classes: ["ServiceInstance"], worker: "runtime", line: "@@v2", tag: "v2" },
        {
          code: "DO108",
          kind: "delete-transferred-bound",
          severity: "error",
          classes: ["ServiceInstance"],
          worker: "runtime",
          line: "@@v2",
          tag: "v2",
          says: ["transferred_classes", "remote binding", "10061"],
        },
      ],
    ),
    ...inBothFormats(
      "(a) a delete while a binding still names the class through another Worker's script_name",
      {
        toml: `
name = "host"

[[durable_objects.bindings]] # @@bind
name = "LIMITER"
class_name = "Limiter"
+script_name = "limits"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Limiter"]
+
+[[migrations]] # @@v2
+tag = "v2"
+deleted_classes = ["Limiter"]
`,
        jsonc: `
{
  "name": "host",
  "durable_objects": {
    "bindings": [
-      { "name": "LIMITER", "class_name": "Limiter" },
+      { "name": "LIMITER", "class_name": "Limiter", "script_name": "limits" }, // @@bind
    ],
  },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Limiter"] },
+    { "tag": "v2", "deleted_classes": ["Limiter"] }, // @@v2
  ],
}
`,
      },
      [
        { ...deleted, classes: ["Limiter"], worker: "host", line: "@@v2", tag: "v2" },
        {
          ...stillBound,
          classes: ["Limiter"],
          worker: "host",
          line: "@@bind",
          tag: "v2",
          says: ["script_name", "`limits`", "10061"],
        },
      ],
    ),
  ]);

  // (c): another Worker of the repository still binds the class; the deleting Worker's own binding
  // was removed in the same change, which is then not the plain case.
  const billing = {
    file: "billing/wrangler.toml",
    ...revisions(`
name = "billing"
-
-[[durable_objects.bindings]]
-name = "INVOICES"
-class_name = "Invoice"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Invoice"]
+
+[[migrations]] # @@v2
+tag = "v2"
+deleted_classes = ["Invoice"]
`),
  };
  const api = `{
  "name": "api",
  "durable_objects": {
    "bindings": [{ "name": "INVOICES", "class_name": "Invoice", "script_name": "billing" }], // @@api
  },
}
`;
  runAnalysisCases([
    {
      name: "(c) another Worker binds the class through script_name: DO105 names the cause, no plain-case warning",
      changes: [
        { file: billing.file, baseText: billing.base, headText: billing.head },
        { file: "api/wrangler.jsonc", baseText: api, headText: api },
      ],
      expect: [
        { ...deleted, classes: ["Invoice"], worker: "billing", file: billing.file, line: "@@v2", tag: "v2" },
        {
          code: "DO105",
          kind: "cross-worker-binding",
          severity: "error",
          classes: ["Invoice"],
          worker: "api",
          file: "api/wrangler.jsonc",
          line: "@@api",
          tag: "v2",
          says: ["script_name", "10061"],
        },
      ],
    },
    {
      name: "(c) in one change: the other Worker drops its script_name binding too, still live until it deploys (mcp-server-cloudflare#384)",
      changes: [
        { file: billing.file, baseText: billing.base, headText: billing.head },
        {
          file: "api/wrangler.jsonc",
          ...(({ base, head }) => ({ baseText: base, headText: head }))(
            revisions(`{
  "name": "api",
  "durable_objects": {
    "bindings": [ // @@api-bindings
      { "name": "SESSIONS", "class_name": "Session" },
-      { "name": "INVOICES", "class_name": "Invoice", "script_name": "billing" },
    ],
  },
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Session"] }],
}
`),
          ),
        },
      ],
      expect: [
        { ...deleted, classes: ["Invoice"], worker: "billing", file: billing.file, line: "@@v2", tag: "v2" },
        {
          code: "DO105",
          kind: "cross-worker-binding",
          severity: "error",
          classes: ["Invoice"],
          worker: "api",
          file: "api/wrangler.jsonc",
          line: "@@api-bindings",
          tag: "v2",
          says: ["drops its binding `INVOICES`", "live binding stays", "10061", "first"],
        },
      ],
    },
  ]);
});

const OBSERVABILITY = `{
  "name": "observability",
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["ObservabilityMCP"] }],
  "env": { "production": { "name": "observability-production" } },
}
`;

describe("binding-retargeted: a binding moved to another Worker's class", () => {
  const retargeted = { code: "DO403", kind: "binding-retargeted" } as const;
  const casb = (production: string) =>
    revisions(`{
  "name": "casb-dev",
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["CASBMCP"] }],
  "env": {
    "production": {
      "name": "casb-production",
      "durable_objects": {
        "bindings": [
${production}
        ],
      },
    },
  },
}
`);
  const moved = casb(`-          { "name": "MCP_OBJECT", "class_name": "CASBMCP" },
+          { "name": "MCP_OBJECT", "class_name": "CASBMCP", "script_name": "observability-production" }, // @@bind`);
  runAnalysisCases([
    ...inBothFormats(
      "the binding gains script_name: the class it bound loses its binding, the target must create and export it",
      {
        toml: `
name = "casb-dev"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["CASBMCP"]

[env.production]
name = "casb-production"

[[env.production.durable_objects.bindings]] # @@bind
name = "MCP_OBJECT"
class_name = "CASBMCP"
+script_name = "observability-production"
`,
        jsonc: `
{
  "name": "casb-dev",
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["CASBMCP"] }],
  "env": {
    "production": {
      "name": "casb-production",
      "durable_objects": {
        "bindings": [
-          { "name": "MCP_OBJECT", "class_name": "CASBMCP" },
+          { "name": "MCP_OBJECT", "class_name": "CASBMCP", "script_name": "observability-production" }, // @@bind
        ],
      },
    },
  },
}
`,
      },
      [
        {
          ...retargeted,
          severity: "warning",
          classes: ["CASBMCP", "CASBMCP"],
          env: "production",
          worker: "casb-production",
          line: "@@bind",
          says: ["`observability-production`", "separate namespace", "transferred_classes", "10061", "10064"],
        },
      ],
    ),
    {
      name: "the target Worker is configured in the repository and does not create the class: an error",
      changes: [
        { file: "casb/wrangler.jsonc", baseText: moved.base, headText: moved.head },
        {
          file: "observability/wrangler.jsonc",
          baseText: OBSERVABILITY,
          headText: OBSERVABILITY,
        },
      ],
      expect: [
        {
          ...retargeted,
          severity: "error",
          classes: ["CASBMCP", "CASBMCP"],
          env: "production",
          worker: "casb-production",
          file: "casb/wrangler.jsonc",
          line: "@@bind",
          says: ["observability/wrangler.jsonc", "no migration there creates `CASBMCP`"],
        },
      ],
    },
  ]);
});

describe("templates and configs without a name: findings about a deployed Worker are info", () => {
  runAnalysisCases([
    ...inBothFormats(
      "a template ({{WORKER_NAME}}) deletes a class with its binding: the data-loss finding stays, the one-shot warning is info",
      {
        toml: `
name = "{{WORKER_NAME}}"
-
-[[durable_objects.bindings]]
-name = "DESKTOP"
-class_name = "SandboxDesktop"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["SandboxDesktop"]
+
+[[migrations]] # @@v2
+tag = "v2"
+deleted_classes = ["SandboxDesktop"]
`,
        jsonc: `
{
  "name": "{{WORKER_NAME}}",
-  "durable_objects": { "bindings": [{ "name": "DESKTOP", "class_name": "SandboxDesktop" }] },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["SandboxDesktop"] },
+    { "tag": "v2", "deleted_classes": ["SandboxDesktop"] }, // @@v2
  ],
}
`,
      },
      [
        {
          ...deleted,
          classes: ["SandboxDesktop"],
          worker: "{{WORKER_NAME}}",
          line: "@@v2",
          tag: "v2",
        },
        {
          code: "DO107",
          kind: "delete-binding-removed",
          severity: "info",
          classes: ["SandboxDesktop"],
          worker: "{{WORKER_NAME}}",
          line: "@@v2",
          tag: "v2",
          says: ["`{{WORKER_NAME}}` is a placeholder", "template"],
        },
      ],
    ),
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder, written as in a config
    ...["<TBD>", "__CUSTOM_NAME__", "<< todo >>", "${WORKER_NAME}", "REPLACE_ME", "<PLACEHOLDER>"].map(
      (placeholder): AnalysisCase => ({
        name: `a placeholder is not a Worker identity: \`worker\` -> ${JSON.stringify(placeholder)} renames nothing`,
        file: "wrangler.jsonc",
        diff: `
{
-  "name": "worker",
+  "name": ${JSON.stringify(placeholder)},
  "durable_objects": { "bindings": [{ "name": "COUNTER", "class_name": "Counter" }] },
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Counter"] }],
}
`,
        expect: [],
      }),
    ),
    {
      name: "one placeholder becoming another (`<TBD>` -> `<WORKER_NAME>`) renames nothing (TOML)",
      file: "wrangler.toml",
      diff: `
-name = "<TBD>"
+name = "<WORKER_NAME>"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["MyDurableObject"]
`,
      expect: [],
    },
    ...inBothFormats(
      "a config without a name edits an applied step: not deployed as written, so info",
      {
        toml: `
main = "src/index.ts"

[[migrations]] # @@v1
tag = "v1"
-new_sqlite_classes = ["TestAgent"]
+new_sqlite_classes = ["TestAgent", "OtherTestAgent"]
`,
        jsonc: `
{
  "main": "src/index.ts",
  "migrations": [
-    { "tag": "v1", "new_sqlite_classes": ["TestAgent"] },
+    { "tag": "v1", "new_sqlite_classes": ["TestAgent", "OtherTestAgent"] }, // @@v1
  ],
}
`,
      },
      [
        {
          code: "DO201",
          kind: "history-edited",
          severity: "info",
          classes: ["TestAgent", "OtherTestAgent"],
          line: "@@v1",
          tag: "v1",
          says: ["has no `name`", "--name"],
        },
        {
          code: "DO301",
          kind: "class-created",
          severity: "info",
          classes: ["OtherTestAgent"],
          line: "@@v1",
          tag: "v1",
        },
      ],
    ),
  ]);
});

describe("class-created, class-renamed, class-transferred, class-recreated", () => {
  const created = { code: "DO301", kind: "class-created", severity: "info" } as const;
  const renamed = { code: "DO302", kind: "class-renamed", severity: "warning" } as const;
  const transferred = { code: "DO303", kind: "class-transferred", severity: "warning" } as const;
  const recreated = { code: "DO304", kind: "class-recreated", severity: "warning" } as const;
  runAnalysisCases([
    ...inBothFormats(
      "classes created by one step, grouped by storage, in the top level and an inheriting env",
      {
        toml: `
name = "app"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Counter"]
+
+[[migrations]] # @@v2
+tag = "v2"
+new_sqlite_classes = ["Room", "Lobby"]
+new_classes = ["Legacy"]

[env.dev]
`,
        jsonc: `
{
  "name": "app",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Counter"] },
+    { "tag": "v2", "new_sqlite_classes": ["Room", "Lobby"], "new_classes": ["Legacy"] }, // @@v2
  ],
  "env": { "dev": {} },
}
`,
      },
      [
        { ...created, classes: ["Legacy"], worker: "app", line: "@@v2", tag: "v2", says: ["Legacy"] },
        { ...created, classes: ["Room", "Lobby"], worker: "app", line: "@@v2", tag: "v2" },
        { ...created, classes: ["Legacy"], env: "dev", worker: "app-dev", line: "@@v2", tag: "v2" },
        { ...created, classes: ["Room", "Lobby"], env: "dev", worker: "app-dev", line: "@@v2", tag: "v2" },
      ],
    ),
    ...(["toml", "jsonc"] as const).map(
      (format): AnalysisCase => ({
        name: `a new config file: every Worker it deploys creates its classes (${format})`,
        file: `wrangler.${format}`,
        base: null,
        head:
          format === "toml"
            ? `name = "counter"

[[durable_objects.bindings]]
name = "COUNTER"
class_name = "Counter"

[[migrations]] # @@v1
tag = "v1"
new_sqlite_classes = ["Counter"]

[env.staging]
[[env.staging.durable_objects.bindings]]
name = "COUNTER"
class_name = "Counter"
`
            : `{
  "name": "counter",
  "durable_objects": { "bindings": [{ "name": "COUNTER", "class_name": "Counter" }] },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Counter"] }, // @@v1
  ],
  "env": {
    "staging": { "durable_objects": { "bindings": [{ "name": "COUNTER", "class_name": "Counter" }] } },
  },
}
`,
        expect: [
          { ...created, classes: ["Counter"], worker: "counter", line: "@@v1", tag: "v1" },
          {
            ...created,
            classes: ["Counter"],
            env: "staging",
            worker: "counter-staging",
            line: "@@v1",
            tag: "v1",
          },
        ],
      }),
    ),
    ...inBothFormats(
      "exports: a new live entry is a created class",
      {
        toml: `
name = "search"

[exports.Index]
type = "durable-object"
storage = "sqlite"
+
+[exports.Crawler] # @@crawler
+type = "durable-object"
+storage = "sqlite"
`,
        jsonc: `
{
  "name": "search",
  "exports": {
    "Index": { "type": "durable-object", "storage": "sqlite" },
+    "Crawler": { // @@crawler
+      "type": "durable-object",
+      "storage": "sqlite",
+    },
  },
}
`,
      },
      [{ ...created, classes: ["Crawler"], worker: "search", line: "@@crawler" }],
    ),
    ...inBothFormats(
      "renamed_classes with the binding moved in the same change",
      {
        toml: `
name = "chat"

[[durable_objects.bindings]]
name = "ROOMS"
-class_name = "Room"
+class_name = "ChatRoom"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
+
+[[migrations]] # @@v2
+tag = "v2"
+renamed_classes = [{ from = "Room", to = "ChatRoom" }]
`,
        jsonc: `
{
  "name": "chat",
  "durable_objects": {
-    "bindings": [{ "name": "ROOMS", "class_name": "Room" }],
+    "bindings": [{ "name": "ROOMS", "class_name": "ChatRoom" }],
  },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room"] },
+    { // @@v2
+      "tag": "v2",
+      "renamed_classes": [{ "from": "Room", "to": "ChatRoom" }],
+    },
  ],
}
`,
      },
      [
        {
          ...renamed,
          classes: ["Room", "ChatRoom"],
          worker: "chat",
          line: "@@v2",
          tag: "v2",
          says: ["`ChatRoom`"],
        },
      ],
    ),
    ...inBothFormats(
      "exports: a renamed tombstone and its live target are one rename, not a rename plus a new empty class",
      {
        toml: `
name = "chat"

[exports.Room] # @@room
type = "durable-object"
-storage = "sqlite"
+state = "renamed"
+renamed_to = "ChatRoom"
+
+[exports.ChatRoom]
+type = "durable-object"
+storage = "sqlite"
`,
        jsonc: `
{
  "name": "chat",
  "exports": {
-    "Room": { "type": "durable-object", "storage": "sqlite" },
+    "Room": { "type": "durable-object", "state": "renamed", "renamed_to": "ChatRoom" }, // @@room
+    "ChatRoom": { "type": "durable-object", "storage": "sqlite" },
  },
}
`,
      },
      [{ ...renamed, classes: ["Room", "ChatRoom"], worker: "chat", line: "@@room" }],
    ),
    ...inBothFormats(
      "transferred_classes brings a class (and its objects) in from another Worker",
      {
        toml: `
name = "counter-v2"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Session"]
+
+[[migrations]] # @@v2
+tag = "v2"
+
+[[migrations.transferred_classes]]
+from = "Counter"
+from_script = "counter-v1"
+to = "Counter"
`,
        jsonc: `
{
  "name": "counter-v2",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Session"] },
+    { // @@v2
+      "tag": "v2",
+      "transferred_classes": [{ "from": "Counter", "from_script": "counter-v1", "to": "Counter" }],
+    },
  ],
}
`,
      },
      [{ ...transferred, classes: ["Counter"], worker: "counter-v2", line: "@@v2", tag: "v2" }],
    ),
    {
      name: "exports: transferred (source side) and expecting-transfer (receiving side)",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "monolith",
  "exports": {
-    "Cart": { "type": "durable-object", "storage": "sqlite" },
+    "Cart": { "type": "durable-object", "state": "transferred", "transferred_to": "cart-service" }, // @@out
+    "Wishlist": { // @@in
+      "type": "durable-object",
+      "state": "expecting-transfer",
+      "storage": "sqlite",
+      "transfer_from": "legacy-shop",
+    },
  },
}
`,
      expect: [
        { ...transferred, classes: ["Cart"], worker: "monolith", line: "@@out", says: ["`Cart`"] },
        { ...transferred, classes: ["Wishlist"], worker: "monolith", line: "@@in" },
      ],
    },
    ...inBothFormats(
      "a class name deleted earlier and created again",
      {
        toml: `
name = "app"

[[migrations]]
tag = "v1"
new_classes = ["Cache"]

[[migrations]]
tag = "v2"
deleted_classes = ["Cache"]
+
+[[migrations]] # @@v3
+tag = "v3"
+new_sqlite_classes = ["Cache"]
`,
        jsonc: `
{
  "name": "app",
  "migrations": [
    { "tag": "v1", "new_classes": ["Cache"] },
    { "tag": "v2", "deleted_classes": ["Cache"] },
+    { "tag": "v3", "new_sqlite_classes": ["Cache"] }, // @@v3
  ],
}
`,
      },
      [{ ...recreated, classes: ["Cache"], worker: "app", line: "@@v3", tag: "v3", says: ["`Cache`"] }],
    ),
    {
      name: "exports: a tombstone turned back into a live entry",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "app",
  "exports": {
-    "Cache": { "type": "durable-object", "state": "deleted" },
+    "Cache": { "type": "durable-object", "storage": "sqlite" }, // @@cache
  },
}
`,
      expect: [{ ...recreated, classes: ["Cache"], worker: "app", line: "@@cache" }],
    },
  ]);
});

describe("storage-changed and export-removed (exports)", () => {
  runAnalysisCases([
    {
      name: "exports: a live class switches from sqlite to legacy-kv",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "app",
  "exports": {
-    "Store": { "type": "durable-object", "storage": "sqlite" },
+    "Store": { "type": "durable-object", "storage": "legacy-kv" }, // @@store
  },
}
`,
      expect: [
        {
          code: "DO305",
          kind: "storage-changed",
          severity: "error",
          classes: ["Store"],
          worker: "app",
          line: "@@store",
        },
      ],
    },
    ...inBothFormats(
      "exports: a live class dropped from an env's own exports",
      {
        toml: `
name = "docs"

[env.staging]

[env.staging.exports.Index] # @@index
type = "durable-object"
storage = "sqlite"
-
-[env.staging.exports.Cache]
-type = "durable-object"
-storage = "sqlite"
`,
        jsonc: `
{
  "name": "docs",
  "env": {
    "staging": {
      "exports": {
        "Index": { "type": "durable-object", "storage": "sqlite" }, // @@index
-        "Cache": { "type": "durable-object", "storage": "sqlite" },
      },
    },
  },
}
`,
      },
      [
        {
          code: "DO306",
          kind: "export-removed",
          severity: "error",
          classes: ["Cache"],
          env: "staging",
          worker: "docs-staging",
          line: "@@index",
        },
      ],
    ),
    {
      name: "exports: a live class dropped from the top-level exports points at the first remaining exports entry",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "docs",
  "exports": {
    "Index": { "type": "durable-object", "storage": "sqlite" }, // @@index
-    "Cache": { "type": "durable-object", "storage": "sqlite" },
  },
}
`,
      expect: [
        {
          code: "DO306",
          kind: "export-removed",
          severity: "error",
          classes: ["Cache"],
          worker: "docs",
          line: "@@index",
        },
      ],
    },
  ]);
});

describe("binding-removed and binding-unknown-class", () => {
  const unknownClass = { code: "DO402", kind: "binding-unknown-class" } as const;
  runAnalysisCases([
    ...inBothFormats(
      "a binding removed from an env, the class kept: the finding points at the remaining bindings",
      {
        toml: `
name = "chat"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Presence"]

[env.production]
[[env.production.durable_objects.bindings]] # @@bindings
name = "ROOMS"
class_name = "Room"
-
-[[env.production.durable_objects.bindings]]
-name = "PRESENCE"
-class_name = "Presence"
`,
        jsonc: `
{
  "name": "chat",
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Room", "Presence"] }],
  "env": {
    "production": {
      "durable_objects": {
        "bindings": [ // @@bindings
          { "name": "ROOMS", "class_name": "Room" },
-          { "name": "PRESENCE", "class_name": "Presence" },
        ],
      },
    },
  },
}
`,
      },
      [
        {
          code: "DO401",
          kind: "binding-removed",
          severity: "warning",
          classes: ["Presence"],
          env: "production",
          worker: "chat-production",
          line: "@@bindings",
          says: ["PRESENCE", "10064"],
        },
      ],
    ),
    {
      name: "a top-level binding removed points at the remaining bindings",
      file: "wrangler.toml",
      diff: `
name = "chat"

[[durable_objects.bindings]] # @@bindings
name = "ROOMS"
class_name = "Room"
-
-[[durable_objects.bindings]]
-name = "PRESENCE"
-class_name = "Presence"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Presence"]
`,
      expect: [
        {
          code: "DO401",
          kind: "binding-removed",
          severity: "warning",
          classes: ["Presence"],
          worker: "chat",
          line: "@@bindings",
        },
      ],
    },
    ...inBothFormats(
      "a new binding to a class no migration creates; script_name bindings belong to other Workers",
      {
        toml: `
name = "shop"

[[durable_objects.bindings]]
name = "CART"
class_name = "Cart"
+
+[[durable_objects.bindings]] # @@bad
+name = "ORDERS"
+class_name = "Order"
+
+[[durable_objects.bindings]]
+name = "STOCK"
+class_name = "Stock"
+script_name = "inventory"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Cart"]
`,
        jsonc: `
{
  "name": "shop",
  "durable_objects": {
    "bindings": [
      { "name": "CART", "class_name": "Cart" },
+      { "name": "ORDERS", "class_name": "Order" }, // @@bad
+      { "name": "STOCK", "class_name": "Stock", "script_name": "inventory" },
    ],
  },
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Cart"] }],
}
`,
      },
      [
        {
          ...unknownClass,
          severity: "error",
          classes: ["Order"],
          worker: "shop",
          line: "@@bad",
          says: ["ORDERS", "10061"],
        },
      ],
    ),
    {
      name: "a binding in a config without any lifecycle is only a warning (the class may be created elsewhere)",
      file: "wrangler.toml",
      base: null,
      head: `name = "edge"

[[durable_objects.bindings]] # @@bind
name = "LIMITER"
class_name = "RateLimiter"
`,
      expect: [
        { ...unknownClass, severity: "warning", classes: ["RateLimiter"], worker: "edge", line: "@@bind" },
      ],
    },
    {
      name: "a binding to an uncreated class that was already there at base is info, marked as not introduced",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "shop",
-  "vars": { "MODE": "a" },
+  "vars": { "MODE": "b" },
  "durable_objects": {
    "bindings": [{ "name": "ORDERS", "class_name": "Order" }], // @@bind
  },
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Cart"] }],
}
`,
      expect: [
        {
          ...unknownClass,
          severity: "info",
          classes: ["Order"],
          worker: "shop",
          line: "@@bind",
          introduced: false,
          says: ["Already at the base revision:", "ORDERS"],
        },
      ],
    },
  ]);
});

describe("env-removed and worker-renamed", () => {
  const envRemoved = { code: "DO501", kind: "env-removed", severity: "warning" } as const;
  const workerRenamed = { code: "DO502", kind: "worker-renamed", severity: "warning" } as const;
  runAnalysisCases([
    {
      name: "JSONC: envs with their own lifecycle or bindings removed; an env that only inherited live classes is info",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "chat",
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Room"] }],
  "env": { // @@env
-    "preview": { "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "Room" }] } },
-    "eu": { "migrations": [{ "tag": "eu1", "new_sqlite_classes": ["Room"] }] },
-    "scratch": {},
    "production": {},
  },
}
`,
      expect: [
        { ...envRemoved, classes: ["Room"], env: "eu", worker: "chat-eu", line: "@@env" },
        { ...envRemoved, classes: ["Room"], env: "preview", worker: "chat-preview", line: "@@env" },
        {
          ...envRemoved,
          severity: "info",
          classes: ["Room"],
          env: "scratch",
          worker: "chat-scratch",
          line: "@@env",
        },
      ],
    },
    {
      name: "TOML: the env-removed finding points at the first [env.*] table of the head",
      file: "wrangler.toml",
      diff: `
name = "chat"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

-[env.preview]
-[[env.preview.durable_objects.bindings]]
-name = "ROOMS"
-class_name = "Room"
-
[env.production] # @@env
`,
      expect: [{ ...envRemoved, classes: ["Room"], env: "preview", worker: "chat-preview", line: "@@env" }],
    },
    {
      name: "a deleted config file: every Worker with live classes is reported, without a line",
      file: "apps/chat/wrangler.toml",
      base: `name = "chat"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[env.staging]
`,
      head: null,
      expect: [
        { ...envRemoved, classes: ["Room"], worker: "chat", line: null },
        { ...envRemoved, classes: ["Room"], env: "staging", worker: "chat-staging", line: null },
      ],
    },
    {
      name: "a deleted config file without Durable Objects is not reported",
      file: "wrangler.toml",
      base: `name = "static-site"\nmain = "src/index.ts"\n`,
      head: null,
      expect: [],
    },
    ...inBothFormats(
      "a new top-level name renames the top-level Worker and every env that derives its name from it",
      {
        toml: `
-name = "chat"
+name = "chat-app" # @@name

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[env.staging] # @@staging

[env.production]
name = "chat-prod"
`,
        jsonc: `
{
-  "name": "chat",
+  "name": "chat-app", // @@name
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Room"] }],
  "env": {
    "staging": {}, // @@staging
    "production": { "name": "chat-prod" },
  },
}
`,
      },
      [
        {
          ...workerRenamed,
          classes: ["Room"],
          worker: "chat-app",
          line: "@@name",
          says: ["`chat`", "`chat-app`"],
        },
        {
          ...workerRenamed,
          classes: ["Room"],
          env: "staging",
          worker: "chat-app-staging",
          line: "@@staging",
        },
      ],
    ),
    {
      name: "an env given an explicit name equal to its derived one is not a rename",
      file: "wrangler.toml",
      diff: `
name = "chat"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
[env.staging]
+name = "chat-staging"
`,
      expect: [],
    },
  ]);
});

describe("account-changed: a Worker moved to another account", () => {
  const moved = { code: "DO503", kind: "account-changed", severity: "error" } as const;
  const A = "0123456789abcdef0123456789abcdef";
  const B = "fedcba9876543210fedcba9876543210";
  runAnalysisCases([
    ...inBothFormats(
      "the top-level account_id changes: a new Worker in the other account; an env with its own account stays",
      {
        toml: `
name = "chat"
-account_id = "${A}"
+account_id = "${B}" # @@account

[[durable_objects.bindings]]
name = "ROOM"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[env.staging] # @@staging

[env.eu]
account_id = "${A}"
`,
        jsonc: `
{
  "name": "chat",
-  "account_id": "${A}",
+  "account_id": "${B}", // @@account
  "durable_objects": { "bindings": [{ "name": "ROOM", "class_name": "Room" }] },
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Room"] }],
  "env": {
    "staging": {}, // @@staging
    "eu": { "account_id": "${A}" },
  },
}
`,
      },
      [
        {
          ...moved,
          classes: ["Room"],
          worker: "chat",
          line: "@@account",
          says: [
            "moves from account `0123…cdef` to account `fedc…3210`",
            "the next deploy goes to `fedc…3210`",
            "`chat` in `0123…cdef` keeps all its objects and data, with no config managing it any more",
            "Unless `fedc…3210` already has a Worker `chat`, that deploy creates one that starts with no objects",
          ],
          // The history deletes nothing: no word of a rejected delete.
          never: ["10074"],
        },
        // An env inherits the top level's account_id (its line is the top level's).
        { ...moved, classes: ["Room"], env: "staging", worker: "chat-staging", line: "@@account" },
      ],
    ),
    {
      name: "a moved Worker whose history deletes a class: its first deploy in the other account is rejected",
      file: "wrangler.toml",
      diff: `
name = "chat"
-account_id = "${A}"
+account_id = "${B}"
[[durable_objects.bindings]]
name = "ROOM"
class_name = "Room"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Lobby"]
[[migrations]]
tag = "v2"
deleted_classes = ["Lobby"]
`,
      expect: [
        { ...moved, classes: ["Room"], worker: "chat", line: 2, says: ["10074", "Unless `fedc…3210`"] },
      ],
    },
    {
      name: "renamed and moved in one change: one finding, DO503, that names the rename (not DO502 besides)",
      file: "wrangler.toml",
      diff: `
-name = "chat"
+name = "chat-eu"
-account_id = "${A}"
+account_id = "${B}"
[[durable_objects.bindings]]
name = "ROOM"
class_name = "Room"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
`,
      expect: [
        {
          ...moved,
          classes: ["Room"],
          worker: "chat-eu",
          line: 2,
          says: ["and is renamed from `chat` to `chat-eu`", "`chat` in `0123…cdef` keeps all its objects"],
        },
      ],
    },
    {
      name: "a template's placeholder account_id is neither reported nor used",
      file: "wrangler.toml",
      diff: `
name = "<< todo >>"
-account_id = "<< todo >>"
+account_id = "\${CLOUDFLARE_ACCOUNT_ID}"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
`,
      expect: [],
    },
    {
      name: "an account_id added where there was none may be the account it deployed to: not a move",
      file: "wrangler.toml",
      diff: `
name = "chat"
+account_id = "${B}"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
`,
      expect: [],
    },
    ...inBothFormats(
      "an account_id that is not an account ID is reported where it is written, and never used",
      {
        toml: `
name = "chat"
-account_id = "${A}"
+account_id = ".." # @@account
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
`,
        jsonc: `
{
  "name": "chat",
-  "account_id": "${A}",
+  "account_id": "..", // @@account
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Room"] }],
}
`,
      },
      [
        {
          code: "DO002",
          kind: "invalid-config",
          severity: "error",
          classes: [],
          worker: "chat",
          line: "@@account",
          says: ["`account_id` `..` is not a Cloudflare account ID"],
        },
      ],
    ),
  ]);
});

describe("no change, unrelated changes, env filter", () => {
  const config = `name = "chat"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[env.staging]
[[env.staging.migrations]]
tag = "s1"
new_sqlite_classes = ["Room"]
`;
  const cases: AnalysisCase[] = [
    { name: "identical revisions", file: "wrangler.toml", base: config, head: config, expect: [] },
    {
      name: "a change outside the Durable Object lifecycle",
      file: "wrangler.toml",
      base: config,
      head: config.replace('name = "chat"', 'name = "chat"\ncompatibility_date = "2025-06-01"'),
      expect: [],
    },
    {
      name: "the envs option limits the analysis to the chosen Workers",
      file: "wrangler.toml",
      envs: ["staging"],
      base: config,
      head: `${config}
[[env.staging.migrations]] # @@s2
tag = "s2"
deleted_classes = ["Room"]
`,
      expect: [
        { ...deleted, classes: ["Room"], env: "staging", worker: "chat-staging", line: "@@s2", tag: "s2" },
      ],
    },
    {
      name: "the envs option with null selects the top level only",
      file: "wrangler.toml",
      envs: [null],
      base: config,
      head: `${config}
[[env.staging.migrations]]
tag = "s2"
deleted_classes = ["Room"]
`,
      expect: [],
    },
  ];
  runAnalysisCases(cases);
});

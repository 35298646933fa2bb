// Issue 21's engine patterns: findings a reviewer agrees with. Each case is one the check used to
// get wrong (an error where nothing fails or nothing is destroyed, or a detail that is not so).
import { describe } from "node:test";
import { inBothFormats, runAnalysisCases } from "../support/core-cases.ts";

const renamedWorker = { code: "DO502", kind: "worker-renamed" } as const;

describe("DO502: a Worker rename destroys nothing; it is an error only when its deploy fails", () => {
  runAnalysisCases([
    ...inBothFormats(
      "a scaffold's default name replaced by the real one: a warning that says nothing is destroyed",
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
          severity: "warning",
          classes: ["Room"],
          worker: "chat-api",
          line: "@@name",
          says: ["`my-worker`", "`chat-api`", "nothing is destroyed"],
          never: ["10074"],
        },
      ],
    ),
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

describe("a retirement (migrations and bindings dropped together) fails nothing", () => {
  runAnalysisCases([
    ...inBothFormats(
      "the top level and an env drop their migrations and their binding: warnings, no failing deploy",
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
          severity: "warning",
          classes: ["Room"],
          worker: "chat",
          line: null,
          tag: "v1",
          says: ["Nothing is destroyed", "the deploy goes through", "while the code exports `Room`"],
          never: ["bindings fail", "the next deploy fails"],
        },
        { ...bindingRemoved, classes: ["Room"], worker: "chat", line: null, says: ["stay"] },
        {
          ...removedHistory,
          severity: "warning",
          classes: ["Room"],
          env: "staging",
          worker: "chat-staging",
          line: null,
          tag: "s1",
          says: ["Nothing is destroyed"],
          never: ["bindings fail", "the next deploy fails"],
        },
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

[[migrations]]
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
    { "tag": "v2", "new_sqlite_classes": ["Chat"] },
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

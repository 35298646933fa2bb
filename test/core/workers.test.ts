// How a parsed config becomes deployed Workers (one per env: names, inheritance of the lifecycle,
// bindings that are not inherited) and the config problems wrangler only warns about or rejects.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeRepository } from "../../src/core/analyze/analyze.ts";
import { parseConfigText } from "../../src/core/config/parse.ts";
import {
  canonicalJson,
  isLocalBinding,
  isPlaceholderName,
  readWorkers,
} from "../../src/core/config/workers.ts";
import type { Worker } from "../../src/core/model.ts";
import {
  type AnalysisCase,
  inBothFormats,
  markedLine,
  revisions,
  runAnalysisCases,
} from "../support/core-cases.ts";

/** A Worker in one line per fact; bindings as `NAME->Class[@script]:line`. */
function summary(worker: Worker, text: string) {
  const lifecycle = worker.lifecycle;
  return {
    env: worker.env,
    name: worker.name,
    main: worker.main,
    lifecycle:
      lifecycle.model === "none"
        ? "none"
        : lifecycle.model === "migrations"
          ? `migrations ${lifecycle.steps.map((s) => s.tag).join(",")}${lifecycle.inherited ? " (inherited)" : ""}`
          : `exports ${lifecycle.entries.map((e) => `${e.className}:${e.state}`).join(",")}${lifecycle.inherited ? " (inherited)" : ""}`,
    owns: worker.ownsLifecycle,
    bindings: worker.bindings.map(
      (b) => `${b.name}->${b.className}${b.scriptName ? `@${b.scriptName}` : ""}:${b.line}`,
    ),
    lines: { name: worker.nameLine, env: worker.envLine, marker: lineMarkers(text, worker.env) },
  };
}

/** The expected `nameLine`/`envLine` written as markers `@@name-<env>` / `@@env-<env>`. */
function lineMarkers(text: string, env: string | null) {
  const id = env ?? "top";
  const find = (name: string) => (text.includes(`@@${name}`) ? markedLine(text, name) : null);
  return { name: find(`name-${id}`), env: find(`env-${id}`) };
}

function workersOf(file: string, text: string) {
  const parsed = parseConfigText(file, text);
  assert.ok(parsed.ok, "the test config parses");
  return readWorkers(parsed);
}

describe("readWorkers: one Worker per environment", () => {
  const cases: Array<{ name: string; file: string; text: string; expect: ReturnType<typeof summary>[] }> = [];
  const toml = `name = "chat" # @@name-top
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[[migrations]]
tag = "v2"
new_classes = ["Legacy"]

[env.staging] # @@env-staging

[env.eu] # @@env-eu
name = "chat-europe" # @@name-eu
main = "src/eu.ts"

[[env.eu.durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"
script_name = "chat"
environment = "production"

[env.eu.exports.Room]
type = "durable-object"
storage = "sqlite"

[env.beta] # @@env-beta
[[env.beta.migrations]]
tag = "b1"
new_sqlite_classes = ["Room"]
`;
  cases.push({
    name: "TOML: derived and explicit names, main, inherited and own lifecycles, bindings not inherited",
    file: "wrangler.toml",
    text: toml,
    expect: [
      {
        env: null,
        name: "chat",
        main: "src/index.ts",
        lifecycle: "migrations v1,v2",
        owns: true,
        bindings: ["ROOMS->Room:4"],
        lines: { name: 1, env: null, marker: { name: 1, env: null } },
      },
      {
        env: "staging",
        name: "chat-staging",
        main: "src/index.ts",
        lifecycle: "migrations v1,v2 (inherited)",
        owns: false,
        bindings: [],
        lines: { name: 16, env: 16, marker: { name: null, env: 16 } },
      },
      {
        env: "eu",
        name: "chat-europe",
        main: "src/eu.ts",
        lifecycle: "exports Room:created",
        owns: true,
        bindings: ["ROOMS->Room@chat:22"],
        lines: { name: 19, env: 18, marker: { name: 19, env: 18 } },
      },
      {
        env: "beta",
        name: "chat-beta",
        main: "src/index.ts",
        lifecycle: "migrations b1",
        owns: true,
        bindings: [],
        lines: { name: 32, env: 32, marker: { name: null, env: 32 } },
      },
    ],
  });
  const jsonc = `{
  // no top-level name: env Workers have no derived name either
  "main": "src/index.ts",
  "exports": {
    "default": { "type": "worker" },
    "Room": { "type": "durable-object", "storage": "sqlite" },
    "Old": { "type": "durable-object", "state": "deleted" },
  },
  "env": {
    "staging": {}, // @@env-staging
    "production": { // @@env-production
      "name": "chat-prod", // @@name-production
      "durable_objects": {
        "bindings": [
          { "name": "ROOMS", "class_name": "Room" },
        ],
      },
    },
  },
}
`;
  cases.push({
    name: "JSONC: no top-level name, inherited exports (worker entries skipped), env bindings",
    file: "wrangler.jsonc",
    text: jsonc,
    expect: [
      {
        env: null,
        name: null,
        main: "src/index.ts",
        lifecycle: "exports Room:created,Old:deleted",
        owns: true,
        bindings: [],
        lines: { name: null, env: null, marker: { name: null, env: null } },
      },
      {
        env: "staging",
        name: null,
        main: "src/index.ts",
        lifecycle: "exports Room:created,Old:deleted (inherited)",
        owns: false,
        bindings: [],
        lines: { name: 10, env: 10, marker: { name: null, env: 10 } },
      },
      {
        env: "production",
        name: "chat-prod",
        main: "src/index.ts",
        lifecycle: "exports Room:created,Old:deleted (inherited)",
        owns: false,
        bindings: ["ROOMS->Room:15"],
        lines: { name: 12, env: 11, marker: { name: 12, env: 11 } },
      },
    ],
  });
  for (const c of cases) {
    it(c.name, () => {
      const reading = workersOf(c.file, c.text);
      assert.deepEqual(reading.drafts, []);
      assert.deepEqual(
        reading.workers.map((w) => summary(w, c.text)),
        c.expect,
      );
    });
  }

  it("reads every operation of a step; the canonical form drops the tag and sorts keys", () => {
    const { workers } = workersOf(
      "wrangler.jsonc",
      `{ "migrations": [{
        "tag": "v9",
        "transferred_classes": [{ "from": "Cart", "from_script": "shop", "to": "Basket" }],
        "deleted_classes": ["Gone"],
        "renamed_classes": [{ "to": "New", "from": "Old" }],
        "new_classes": ["Kv"],
        "new_sqlite_classes": ["Sql"],
      }] }`,
    );
    const lifecycle = workers[0]!.lifecycle;
    assert.equal(lifecycle.model, "migrations");
    if (lifecycle.model !== "migrations") return;
    const step = lifecycle.steps[0]!;
    assert.equal(step.tag, "v9");
    assert.deepEqual(step.ops, [
      { type: "create", className: "Kv", storage: "kv" },
      { type: "create", className: "Sql", storage: "sqlite" },
      { type: "rename", from: "Old", to: "New" },
      { type: "delete", className: "Gone" },
      { type: "transfer-in", className: "Basket", from: "Cart", fromScript: "shop" },
    ]);
    assert.equal(
      step.canonical,
      canonicalJson({
        deleted_classes: ["Gone"],
        new_classes: ["Kv"],
        new_sqlite_classes: ["Sql"],
        renamed_classes: [{ from: "Old", to: "New" }],
        transferred_classes: [{ from: "Cart", from_script: "shop", to: "Basket" }],
      }),
    );
    assert.ok(!step.canonical.includes("v9"));
  });

  it("a binding is local unless its script_name names another Worker", () => {
    const { workers } = workersOf(
      "wrangler.toml",
      `name = "chat"
durable_objects.bindings = [
  { name = "A", class_name = "A" },
  { name = "B", class_name = "B", script_name = "chat" },
  { name = "C", class_name = "C", script_name = "other" },
]
`,
    );
    const worker = workers[0]!;
    assert.deepEqual(
      worker.bindings.map((b) => [b.name, isLocalBinding(b, worker), b.line]),
      [
        ["A", true, 3],
        ["B", true, 4],
        ["C", false, 5],
      ],
    );
  });
});

const unknownKey = { code: "DO003", kind: "unknown-key", severity: "error" } as const;
const invalid = { code: "DO002", kind: "invalid-config", severity: "error" } as const;
const conflict = { code: "DO004", kind: "lifecycle-conflict", severity: "error" } as const;

describe("unknown-key: keys wrangler only warns about", () => {
  runAnalysisCases([
    ...inBothFormats(
      "`delete_classes` (typo) in a new step: the class is not deleted as the author thinks",
      {
        toml: `
name = "chat"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Typing"]
+
+[[migrations]]
+tag = "v2"
+delete_classes = ["Typing"] # @@typo
`,
        jsonc: `
{
  "name": "chat",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room", "Typing"] },
+    {
+      "tag": "v2",
+      "delete_classes": ["Typing"], // @@typo
+    },
  ],
}
`,
      },
      [
        {
          ...unknownKey,
          classes: ["Typing"],
          worker: "chat",
          line: "@@typo",
          tag: "v2",
          says: ["`delete_classes`"],
        },
      ],
    ),
    ...inBothFormats(
      "`migration` (singular): wrangler ignores the whole list",
      {
        toml: `
name = "chat"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
+
+[[migration]] # @@singular
+tag = "v2"
+deleted_classes = ["Room"]
`,
        jsonc: `
{
  "name": "chat",
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Room"] }],
+  "migration": [{ "tag": "v2", "deleted_classes": ["Room"] }], // @@singular
}
`,
      },
      [{ ...unknownKey, classes: [], worker: "chat", line: "@@singular", says: ["`migration`"] }],
    ),
    {
      name: "TOML: `class` for `class_name` in a binding, and `durable_objects.binding`",
      file: "wrangler.toml",
      diff: `
name = "chat"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
+
+[[durable_objects.bindings]] # @@binding
+name = "ROOMS"
+class = "Room" # @@class
+
+[durable_objects.binding] # @@singular
+name = "LOBBY"
`,
      expect: [
        { ...invalid, classes: [], worker: "chat", line: "@@binding", says: ["`class_name`"] },
        { ...unknownKey, classes: ["Room"], worker: "chat", line: "@@class", says: ["`class`"] },
        { ...unknownKey, classes: [], worker: "chat", line: "@@singular", says: ["`binding`"] },
      ],
    },
    {
      name: "JSONC: `durable_object` at the top level and `Migrations` in an env",
      file: "wrangler.jsonc",
      base: null,
      head: `{
  "name": "chat",
  "durable_object": { "bindings": [] }, // @@top
  "env": {
    "staging": {
      "Migrations": [], // @@env
    },
  },
}
`,
      expect: [
        { ...unknownKey, classes: [], worker: "chat", line: "@@top", says: ["`durable_object`"] },
        {
          ...unknownKey,
          classes: [],
          env: "staging",
          worker: "chat-staging",
          line: "@@env",
          says: ["`Migrations`"],
        },
      ],
    },
    {
      name: "an unknown key already there at base is info and not introduced",
      file: "wrangler.toml",
      diff: `
name = "chat"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Typing"]
[[migrations]]
tag = "v2"
delete_classes = ["Typing"] # @@typo
+[[migrations]] # @@v3
+tag = "v3"
+new_sqlite_classes = ["Lobby"]
`,
      expect: [
        {
          ...unknownKey,
          severity: "info",
          introduced: false,
          classes: ["Typing"],
          worker: "chat",
          line: "@@typo",
          tag: "v2",
          says: ["Already at the base revision"],
        },
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
  ]);
});

describe("invalid-config: what wrangler rejects", () => {
  runAnalysisCases([
    {
      name: "TOML: `migrations` not a list, `env` not a table",
      file: "wrangler.toml",
      base: null,
      head: `migrations = "v1" # @@migrations
env = 3 # @@env
`,
      expect: [
        { ...invalid, classes: [], line: "@@migrations", says: ["`migrations`"] },
        { ...invalid, classes: [], line: "@@env", says: ["`env`"] },
      ],
    },
    {
      name: "JSONC: malformed steps, renames, transfers and bindings in one env",
      file: "wrangler.jsonc",
      base: null,
      head: `{
  "name": "app",
  "env": {
    "staging": {
      "migrations": [
        1, // @@m1
        { "new_classes": ["A"] }, // @@m2
        { "tag": "v3", "deleted_classes": "A" }, // @@m3
        { "tag": "v4", "renamed_classes": [{ "from": "A" }] }, // @@m4
        { "tag": "v5", "transferred_classes": [{ "from": "A", "to": "B" }] }, // @@m5
      ],
      "durable_objects": {
        "bindings": [
          "ROOMS", // @@b1
          { "name": "LOBBY" }, // @@b2
        ],
      },
    },
    "dev": 4, // @@dev
  },
}
`,
      expect: [
        { ...invalid, classes: [], env: "dev", line: "@@dev", says: ["`dev`"] },
        { ...invalid, classes: [], env: "staging", worker: "app-staging", line: "@@m1", says: ["#1"] },
        { ...invalid, classes: [], env: "staging", worker: "app-staging", line: "@@m2", says: ["`tag`"] },
        {
          ...invalid,
          classes: [],
          env: "staging",
          worker: "app-staging",
          line: "@@m3",
          says: ["`deleted_classes`"],
        },
        {
          ...invalid,
          classes: [],
          env: "staging",
          worker: "app-staging",
          line: "@@m4",
          says: ["`from`", "`to`"],
        },
        {
          ...invalid,
          classes: [],
          env: "staging",
          worker: "app-staging",
          line: "@@m5",
          says: ["`from_script`"],
        },
        { ...invalid, classes: [], env: "staging", worker: "app-staging", line: "@@b1" },
        {
          ...invalid,
          classes: [],
          env: "staging",
          worker: "app-staging",
          line: "@@b2",
          says: ["`class_name`"],
        },
        {
          code: "DO301",
          kind: "class-created",
          severity: "info",
          classes: ["A"],
          env: "staging",
          worker: "app-staging",
          line: "@@m2",
        },
      ],
    },
    {
      name: "TOML: `durable_objects` not a table, `bindings` not a list",
      file: "wrangler.toml",
      base: null,
      head: `name = "app"
durable_objects = 3 # @@top

[env.staging.durable_objects]
bindings = 4 # @@staging
`,
      expect: [
        { ...invalid, classes: [], worker: "app", line: "@@top", says: ["`durable_objects`"] },
        { ...invalid, classes: [], env: "staging", worker: "app-staging", line: "@@staging" },
      ],
    },
    {
      name: "JSONC: an exports state that does not exist",
      file: "wrangler.jsonc",
      base: null,
      head: `{
  "name": "app",
  "exports": {
    "Room": {
      "type": "durable-object",
      "state": "delete", // @@state
    },
  },
}
`,
      expect: [{ ...invalid, classes: [], worker: "app", line: "@@state", says: ["`delete`"] }],
    },
    {
      name: "exports: a live entry without storage, a rename without renamed_to (wrangler errors)",
      file: "wrangler.jsonc",
      base: null,
      head: `{
  "name": "app",
  "exports": {
    "Room": { "type": "durable-object" }, // @@room
    "Old": { "type": "durable-object", "state": "renamed" }, // @@old
  },
}
`,
      expect: [
        { ...invalid, classes: [], worker: "app", line: "@@room", says: ["`storage`"] },
        { ...invalid, classes: [], worker: "app", line: "@@old", says: ["`renamed_to`"] },
      ],
    },
  ]);
});

describe("lifecycle-conflict and lifecycle-model-changed", () => {
  runAnalysisCases([
    ...inBothFormats(
      "a new config with both a migrations list and Durable Object exports",
      {
        toml: `
+name = "api"
+
+[[migrations]]
+tag = "v1"
+new_sqlite_classes = ["Session"]
+
+[exports] # @@exports
+Session = { type = "durable-object", storage = "sqlite" } # @@session
`,
        jsonc: `
+{
+  "name": "api",
+  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Session"] }],
+  "exports": { // @@exports
+    "Session": { "type": "durable-object", "storage": "sqlite" }, // @@session
+  },
+}
`,
      },
      [
        { ...conflict, classes: [], worker: "api", line: "@@exports", says: ["100403"] },
        {
          code: "DO301",
          kind: "class-created",
          severity: "info",
          classes: ["Session"],
          worker: "api",
          line: "@@session",
        },
      ],
    ).map((c): AnalysisCase => ({ ...c, base: null, head: revisions(c.diff ?? "").head, diff: undefined })),
    {
      name: "both in one env",
      file: "wrangler.jsonc",
      base: null,
      head: `{
  "name": "api",
  "env": {
    "staging": {
      "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Session"] }],
      "exports": { "Session": { "type": "durable-object", "storage": "sqlite" } }, // @@exports
    },
  },
}
`,
      expect: [
        { ...conflict, classes: [], env: "staging", worker: "api-staging", line: "@@exports" },
        {
          code: "DO301",
          kind: "class-created",
          severity: "info",
          classes: ["Session"],
          env: "staging",
          worker: "api-staging",
          line: "@@exports",
        },
      ],
    },
    {
      name: "exports of type worker only are no Durable Object lifecycle: no conflict",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "api",
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Session"] }],
+  "exports": { "default": { "type": "worker" } },
}
`,
      expect: [],
    },
    {
      name: "an empty migrations list next to exports is not a conflict",
      file: "wrangler.jsonc",
      base: null,
      head: `{
  "name": "api",
  "migrations": [],
  "exports": {
    "Session": { "type": "durable-object", "storage": "sqlite" }, // @@session
  },
}
`,
      expect: [
        {
          code: "DO301",
          kind: "class-created",
          severity: "info",
          classes: ["Session"],
          worker: "api",
          line: "@@session",
        },
      ],
    },
    {
      name: "an env moving from migrations to exports: one-way, a warning",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "api",
  "env": {
    "staging": {
-      "migrations": [{ "tag": "s1", "new_sqlite_classes": ["Session"] }],
+      "exports": {
+        "Session": { "type": "durable-object", "storage": "sqlite" }, // @@session
+      },
    },
  },
}
`,
      expect: [
        {
          code: "DO005",
          kind: "lifecycle-model-changed",
          severity: "warning",
          classes: [],
          env: "staging",
          worker: "api-staging",
          line: "@@session",
          says: ["100403"],
        },
      ],
    },
    {
      name: "an env going back from exports to migrations: the API refuses it, an error",
      file: "wrangler.toml",
      diff: `
name = "api"

[env.staging]
-[env.staging.exports.Session]
-type = "durable-object"
-storage = "sqlite"
+[[env.staging.migrations]] # @@s1
+tag = "s1"
+new_sqlite_classes = ["Session"]
`,
      expect: [
        {
          code: "DO005",
          kind: "lifecycle-model-changed",
          severity: "error",
          classes: [],
          env: "staging",
          worker: "api-staging",
          line: "@@s1",
          says: ["100403"],
        },
      ],
    },
    {
      name: "a top-level move to exports is reported for every Worker that inherits it, at the first exports entry",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "api",
-  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Session"] }],
+  "exports": {
+    "Session": { "type": "durable-object", "storage": "sqlite" }, // @@session
+  },
  "env": { "staging": {} },
}
`,
      expect: [
        {
          code: "DO005",
          kind: "lifecycle-model-changed",
          severity: "warning",
          classes: [],
          worker: "api",
          line: "@@session",
        },
        {
          code: "DO005",
          kind: "lifecycle-model-changed",
          severity: "warning",
          classes: [],
          env: "staging",
          worker: "api-staging",
          line: "@@session",
        },
      ],
    },
  ]);
});

describe("placeholder Worker names: a template is not a Worker identity", () => {
  const placeholders = [
    "{{WORKER_NAME}}",
    "{{project-name}}",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder, written as in a config
    "${WORKER_NAME}",
    "<WORKER_NAME>",
    "<TBD>",
    "<< todo >>",
    "<PLACEHOLDER>",
    "__CUSTOM_NAME__",
    "__NAME__-staging",
    "%APP_NAME%",
    "REPLACE_ME",
    "replace-me",
    "CHANGEME",
    "TODO",
    "your-worker-name",
    "YOUR_APP_NAME",
    "my worker",
    "",
  ];
  const names = [
    "chat",
    "todo-app",
    "my-worker",
    "api-production",
    "mcp-cloudflare-dev",
    "worker",
    "tbd-service",
    "api__v2__prod",
  ];
  for (const name of placeholders) {
    it(`${JSON.stringify(name)} is a placeholder`, () => assert.equal(isPlaceholderName(name), true));
  }
  for (const name of names) {
    it(`${JSON.stringify(name)} is a name`, () => assert.equal(isPlaceholderName(name), false));
  }
  it("an env Worker derived from a placeholder top-level name is a template too; an env with its own name is not", () => {
    const { workers } = workersOf(
      "wrangler.jsonc",
      '{ "name": "{{WORKER_NAME}}", "env": { "staging": {}, "production": { "name": "app-prod" } } }',
    );
    assert.deepEqual(
      workers.map((w) => [w.env, w.name, w.placeholderName ?? null]),
      [
        [null, "{{WORKER_NAME}}", "{{WORKER_NAME}}"],
        ["staging", "{{WORKER_NAME}}-staging", "{{WORKER_NAME}}"],
        ["production", "app-prod", null],
      ],
    );
  });
});

describe("wrangler v1 configs: their own schema, said once", () => {
  const v1 = { code: "DO006", kind: "legacy-wrangler-config", severity: "info" } as const;
  // wrangler v1 only read TOML, so these cases have no JSONC twin.
  runAnalysisCases([
    {
      name: "`type`, `[build] upload_format` and `[durable_objects] classes`: no unknown key, no class-without-migration error",
      file: "wrangler.toml",
      base: null,
      head: `name = "counter"
type = "javascript" # @@type
workers_dev = true

[build]
upload_format = "modules"

[durable_objects]
classes = [{ binding = "COUNTER", class_name = "Counter" }]
`,
      expect: [
        {
          ...v1,
          classes: [],
          worker: "counter",
          line: "@@type",
          says: [
            '`type = "javascript"`',
            "`[build] upload_format`",
            "`[durable_objects] classes`",
            "--new-class",
          ],
        },
      ],
    },
    {
      name: "a v1 config (`[build.upload]`) that deletes a class still reports the data loss: `migrations` read alike",
      file: "wrangler.toml",
      diff: `
type = "javascript" # @@type
name = "counter"

[build.upload]
format = "modules"
main = "./index.mjs"

[durable_objects]
bindings = [{ name = "LOBBY", class_name = "Lobby" }]

[[migrations]]
tag = "v1"
new_classes = ["Counter", "Lobby"]
+
+[[migrations]] # @@v2
+tag = "v2"
+deleted_classes = ["Counter"]
`,
      expect: [
        {
          code: "DO101",
          kind: "class-deleted",
          severity: "critical",
          dataLoss: true,
          classes: ["Counter"],
          worker: "counter",
          line: "@@v2",
          tag: "v2",
        },
        { ...v1, classes: [], worker: "counter", line: "@@type", introduced: false },
      ],
    },
    {
      name: "an untouched v1 config says nothing (said once, where the file changes)",
      file: "wrangler.toml",
      base: 'type = "webpack"\nname = "site"\n',
      head: 'type = "webpack"\nname = "site"\n',
      expect: [],
    },
  ]);
});

describe("local-only top levels: one note, how to narrow `environments`", () => {
  const config = (topBinding: string) => `{
  "name": "mcp-auditlogs-dev",
  "kv_namespaces": [{ "binding": "OAUTH_KV", "id": "DEV_KV" }],
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["AuditlogMCP"] }],
  "durable_objects": { "bindings": [{ "name": "MCP_OBJECT", "class_name": "AuditlogMCP" }${topBinding}] },
  "env": {
    "staging": {
      "name": "mcp-auditlogs-staging",
      "kv_namespaces": [{ "binding": "OAUTH_KV", "id": "bff0ee5812834b8a8cc9bd5575a8f9d8" }],
      "durable_objects": { "bindings": [{ "name": "MCP_OBJECT", "class_name": "AuditlogMCP" }] },
    },
    "production": {
      "name": "mcp-auditlogs-production",
      "durable_objects": { "bindings": [{ "name": "MCP_OBJECT", "class_name": "AuditlogMCP" }] },
    },
  },
}
`;
  it("a `-dev` top level with a placeholder KV id that has a finding is named once, with the envs to list", () => {
    const report = analyzeRepository([
      {
        file: "apps/auditlogs/wrangler.jsonc",
        baseText: config(""),
        headText: config(', { "name": "USER_DETAILS", "class_name": "UserDetails" }'),
      },
    ]);
    assert.deepEqual(
      report.findings.map((f) => [f.code, f.env, f.severity]),
      [["DO402", null, "error"]],
    );
    assert.deepEqual(report.notes, [
      "The top level of `apps/auditlogs/wrangler.jsonc` (name `mcp-auditlogs-dev`, KV namespace id `DEV_KV`) looks local-only (for `wrangler dev`); its findings only matter if it is deployed. If it never is, list the environments you deploy in the `environments` input (CLI: `--env NAME`), e.g. `staging, production`.",
    ]);
  });
  it("no note when the top level has no finding, or when it looks deployed", () => {
    const quiet = analyzeRepository([
      { file: "wrangler.jsonc", baseText: config(""), headText: `// reformatted\n${config("")}` },
    ]);
    assert.equal(quiet.notes, undefined);
    const deployed = config(', { "name": "USER_DETAILS", "class_name": "UserDetails" }')
      .replace("mcp-auditlogs-dev", "mcp-auditlogs")
      .replace('"DEV_KV"', '"0123456789abcdef0123456789abcdef"');
    const report = analyzeRepository([
      {
        file: "wrangler.jsonc",
        baseText: config("").replace("mcp-auditlogs-dev", "mcp-auditlogs"),
        headText: deployed,
      },
    ]);
    assert.equal(report.findings.length, 1);
    assert.equal(report.notes, undefined);
  });
});

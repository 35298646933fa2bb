// The declarative `exports` model in its own terms (src/core/analyze/exports-rules.ts): each
// scenario the server enforces (DOMAIN.md section 1) predicted on the pull request, with its cause,
// file, line and fix, in TOML and JSONC; and no legacy `migrations` advice on an `exports` config.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeFiles, analyzeRepository, reportFor } from "../../src/core/analyze/analyze.ts";
import { codeFindings } from "../../src/core/analyze/code-exports.ts";
import type { WorkerExports } from "../../src/core/code/worker-exports.ts";
import type { ConfigChange } from "../../src/core/model.ts";
import { assertFindings, inBothFormats, revisions, runAnalysisCases } from "../support/core-cases.ts";

/** What is never said of an `exports` config: the legacy model's advice. */
const LEGACY = [
  "renamed_classes",
  "deleted_classes",
  "transferred_classes",
  "new_sqlite_classes",
  "eep exporting",
  "stub",
  "two deploys",
  "two-phase",
  "10064",
  "migration",
];
const deleted = { code: "DO101", kind: "class-deleted", severity: "critical", dataLoss: true } as const;

describe("exports: a delete (one deploy, the class gone from the code, no binding left)", () => {
  runAnalysisCases([
    ...inBothFormats(
      "a tombstone with the Worker's own binding removed in the same deploy: data loss, no legacy binding warning",
      {
        toml: `
name = "notes"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "COUNTER"
class_name = "Counter"
-
-[[durable_objects.bindings]]
-name = "LEGACY"
-class_name = "Legacy"

[exports.Counter]
type = "durable-object"
storage = "sqlite"

[exports.Legacy] # @@legacy
type = "durable-object"
-storage = "sqlite"
+state = "deleted"
`,
        jsonc: `
{
  "name": "notes",
  "main": "src/index.ts",
  "durable_objects": {
    "bindings": [
      { "name": "COUNTER", "class_name": "Counter" },
-      { "name": "LEGACY", "class_name": "Legacy" },
    ],
  },
  "exports": {
    "Counter": { "type": "durable-object", "storage": "sqlite" },
-    "Legacy": { "type": "durable-object", "storage": "sqlite" },
+    "Legacy": { "type": "durable-object", "state": "deleted" }, // @@legacy
  },
}
`,
      },
      [
        {
          ...deleted,
          classes: ["Legacy"],
          worker: "notes",
          line: "@@legacy",
          says: [
            "one deploy",
            "tombstone_delete_class_still_in_code",
            "tombstone_delete_blocked_by_external_bindings",
            '"state": "renamed"',
          ],
          never: LEGACY,
        },
      ],
    ),
    ...inBothFormats(
      "a tombstone while the Worker's own binding still points at the class: rejected (10061)",
      {
        toml: `
name = "notes"

[[durable_objects.bindings]] # @@binding
name = "LEGACY"
class_name = "Legacy"

[exports.Legacy] # @@legacy
type = "durable-object"
-storage = "sqlite"
+state = "deleted"
`,
        jsonc: `
{
  "name": "notes",
  "durable_objects": { "bindings": [{ "name": "LEGACY", "class_name": "Legacy" }] }, // @@binding
  "exports": {
-    "Legacy": { "type": "durable-object", "storage": "sqlite" },
+    "Legacy": { "type": "durable-object", "state": "deleted" }, // @@legacy
  },
}
`,
      },
      [
        { ...deleted, classes: ["Legacy"], worker: "notes", line: "@@legacy", never: LEGACY },
        {
          code: "DO103",
          kind: "delete-still-bound",
          severity: "error",
          classes: ["Legacy"],
          worker: "notes",
          line: "@@binding",
          says: ["10061", "same deploy"],
          never: LEGACY,
        },
      ],
    ),
    {
      name: "another Worker still binds the tombstoned class: tombstone_delete_blocked_by_external_bindings, that Worker first",
      changes: [
        {
          file: "owner/wrangler.jsonc",
          baseText: revisions(`
{
  "name": "owner",
  "exports": {
-    "Room": { "type": "durable-object", "storage": "sqlite" },
+    "Room": { "type": "durable-object", "state": "deleted" }, // @@room
  },
}
`).base,
          headText: revisions(`
{
  "name": "owner",
  "exports": {
-    "Room": { "type": "durable-object", "storage": "sqlite" },
+    "Room": { "type": "durable-object", "state": "deleted" }, // @@room
  },
}
`).head,
        },
        {
          file: "client/wrangler.toml",
          baseText:
            'name = "client"\n\n[[durable_objects.bindings]] # @@remote\nname = "ROOMS"\nclass_name = "Room"\nscript_name = "owner"\n',
          headText:
            'name = "client"\n\n[[durable_objects.bindings]] # @@remote\nname = "ROOMS"\nclass_name = "Room"\nscript_name = "owner"\n',
        },
      ],
      expect: [
        {
          ...deleted,
          classes: ["Room"],
          worker: "owner",
          line: "@@room",
          file: "owner/wrangler.jsonc",
          never: LEGACY,
        },
        {
          code: "DO105",
          kind: "cross-worker-binding",
          severity: "error",
          classes: ["Room"],
          worker: "client",
          line: "@@remote",
          file: "client/wrangler.toml",
          says: [
            "tombstone_delete_blocked_by_external_bindings",
            "100402",
            "referencing_scripts",
            "`client` without binding `ROOMS` first",
          ],
          never: LEGACY,
        },
      ],
    },
  ]);
});

describe("exports: interlocks of a live class", () => {
  runAnalysisCases([
    ...inBothFormats(
      "a class dropped from exports: orphaned_provisioned_namespace (100402), removing an entry deletes nothing",
      {
        toml: `
name = "app"

[exports.Index] # @@index
type = "durable-object"
storage = "sqlite"
-
-[exports.Cache]
-type = "durable-object"
-storage = "legacy-kv"
`,
        jsonc: `
{
  "name": "app",
  "exports": {
    "Index": { "type": "durable-object", "storage": "sqlite" }, // @@index
-    "Cache": { "type": "durable-object", "storage": "legacy-kv" },
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
          worker: "app",
          line: "@@index",
          says: [
            "orphaned_provisioned_namespace",
            "provisioned_class_missing_from_config",
            '"storage": "legacy-kv"',
            "deletes nothing",
          ],
          never: LEGACY,
        },
      ],
    ),
    ...inBothFormats(
      "storage changed: storage_type_mismatch (100402)",
      {
        toml: `
name = "app"

[exports.Cache] # @@cache
type = "durable-object"
-storage = "sqlite"
+storage = "legacy-kv"
`,
        jsonc: `
{
  "name": "app",
  "exports": {
-    "Cache": { "type": "durable-object", "storage": "sqlite" }, // @@cache
+    "Cache": { "type": "durable-object", "storage": "legacy-kv" }, // @@cache
  },
}
`,
      },
      [
        {
          code: "DO305",
          kind: "storage-changed",
          severity: "error",
          classes: ["Cache"],
          worker: "app",
          line: "@@cache",
          says: ["storage_type_mismatch", "100402", '"storage": "sqlite"'],
          never: LEGACY,
        },
      ],
    ),
    ...inBothFormats(
      "back from exports to migrations: 100403",
      {
        toml: `
name = "app"
-
-[exports.Cache]
-type = "durable-object"
-storage = "sqlite"
+
+[[migrations]] # @@v1
+tag = "v1"
+new_sqlite_classes = ["Cache"]
`,
        jsonc: `
{
  "name": "app",
-  "exports": { "Cache": { "type": "durable-object", "storage": "sqlite" } },
+  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Cache"] }], // @@v1
}
`,
      },
      [
        {
          code: "DO005",
          kind: "lifecycle-model-changed",
          severity: "error",
          classes: [],
          worker: "app",
          line: "@@v1",
          says: ["100403"],
        },
      ],
    ),
    ...inBothFormats(
      "the move from migrations to exports: one-way (100403), with the generator that writes it",
      {
        toml: `
name = "app"
-
-[[migrations]]
-tag = "v1"
-new_sqlite_classes = ["Cache"]
+
+[exports.Cache] # @@cache
+type = "durable-object"
+storage = "sqlite"
`,
        jsonc: `
{
  "name": "app",
-  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Cache"] }],
+  "exports": { "Cache": { "type": "durable-object", "storage": "sqlite" } }, // @@cache
}
`,
      },
      [
        {
          code: "DO005",
          kind: "lifecycle-model-changed",
          severity: "warning",
          classes: [],
          worker: "app",
          line: "@@cache",
          says: ["100403", "do-migrate to-exports"],
        },
      ],
    ),
    ...inBothFormats(
      "dropping a tombstone after it applied is cleanup: no finding, never data loss",
      {
        toml: `
name = "app"

[exports.Index]
type = "durable-object"
storage = "sqlite"
-
-[exports.Cache]
-type = "durable-object"
-state = "deleted"
`,
        jsonc: `
{
  "name": "app",
  "exports": {
    "Index": { "type": "durable-object", "storage": "sqlite" },
-    "Cache": { "type": "durable-object", "state": "deleted" },
  },
}
`,
      },
      [],
    ),
  ]);
});

describe("exports: rename and transfer", () => {
  const renamed = { code: "DO302", kind: "class-renamed", severity: "warning" } as const;
  runAnalysisCases([
    ...inBothFormats(
      "a rename: three deploys for zero downtime, in exports terms",
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
      [
        {
          ...renamed,
          classes: ["Room", "ChatRoom"],
          worker: "chat",
          line: "@@room",
          says: ["three deploys", "export { Room as ChatRoom }", "removable_entries"],
          never: LEGACY,
        },
      ],
    ),
    ...inBothFormats(
      "renamed_to onto a class that already has a namespace: tombstone_renamed_to_occupied",
      {
        toml: `
name = "chat"

[exports.Room] # @@room
type = "durable-object"
-storage = "sqlite"
+state = "renamed"
+renamed_to = "Lobby"

[exports.Lobby]
type = "durable-object"
storage = "sqlite"
`,
        jsonc: `
{
  "name": "chat",
  "exports": {
-    "Room": { "type": "durable-object", "storage": "sqlite" },
+    "Room": { "type": "durable-object", "state": "renamed", "renamed_to": "Lobby" }, // @@room
    "Lobby": { "type": "durable-object", "storage": "sqlite" },
  },
}
`,
      },
      [
        {
          code: "DO902",
          kind: "exports-rename-refused",
          severity: "error",
          classes: ["Room", "Lobby"],
          worker: "chat",
          line: "@@room",
          says: ["tombstone_renamed_to_occupied", "100402"],
          never: LEGACY,
        },
        { ...renamed, classes: ["Room", "Lobby"], worker: "chat", line: "@@room", never: LEGACY },
      ],
    ),
    {
      name: "a transfer to a Worker of the repository that does not expect it: transfer_target_not_expecting (TOML and JSONC)",
      changes: [
        {
          file: "shop/wrangler.jsonc",
          baseText:
            '{\n  "name": "shop",\n  "exports": { "Cart": { "type": "durable-object", "storage": "sqlite" } },\n}\n',
          headText:
            '{\n  "name": "shop",\n  "exports": {\n    "Cart": { "type": "durable-object", "state": "transferred", "transferred_to": "carts" }, // @@cart\n  },\n}\n',
        },
        {
          file: "carts/wrangler.toml",
          baseText: 'name = "carts"\n',
          headText: 'name = "carts"\n\n[exports.Cart]\ntype = "durable-object"\nstorage = "sqlite"\n',
        },
      ],
      expect: [
        {
          code: "DO903",
          kind: "exports-transfer-not-expected",
          severity: "error",
          classes: ["Cart"],
          worker: "shop",
          line: "@@cart",
          file: "shop/wrangler.jsonc",
          says: [
            "transfer_target_not_expecting",
            '"state": "expecting-transfer"',
            '"transfer_from": "shop"',
            "`carts/wrangler.toml`",
          ],
          never: LEGACY,
        },
        {
          code: "DO303",
          kind: "class-transferred",
          severity: "warning",
          classes: ["Cart"],
          worker: "shop",
          line: "@@cart",
          file: "shop/wrangler.jsonc",
          says: ["four deploys"],
          never: LEGACY,
        },
        {
          code: "DO301",
          kind: "class-created",
          severity: "info",
          classes: ["Cart"],
          worker: "carts",
          line: 3,
          file: "carts/wrangler.toml",
        },
      ],
    },
    {
      name: "the receiving Worker expects the transfer: no interlock, each side names its step",
      changes: [
        {
          file: "shop/wrangler.toml",
          baseText: 'name = "shop"\n\n[exports.Cart]\ntype = "durable-object"\nstorage = "sqlite"\n',
          headText:
            'name = "shop"\n\n[exports.Cart] # @@cart\ntype = "durable-object"\nstate = "transferred"\ntransferred_to = "carts"\n',
        },
        {
          file: "carts/wrangler.jsonc",
          baseText: '{ "name": "carts" }\n',
          headText:
            '{\n  "name": "carts",\n  "exports": {\n    "Cart": { "type": "durable-object", "state": "expecting-transfer", "transfer_from": "shop", "storage": "sqlite" }, // @@in\n  },\n}\n',
        },
      ],
      expect: [
        {
          code: "DO303",
          kind: "class-transferred",
          severity: "warning",
          classes: ["Cart"],
          worker: "carts",
          line: "@@in",
          file: "carts/wrangler.jsonc",
          says: ["step 1 of 4", "deploy `carts` first"],
          never: LEGACY,
        },
        {
          code: "DO303",
          kind: "class-transferred",
          severity: "warning",
          classes: ["Cart"],
          worker: "shop",
          line: "@@cart",
          file: "shop/wrangler.toml",
          says: ["four deploys", "transfer_target_not_expecting"],
          never: LEGACY,
        },
      ],
    },
  ]);
});

function exporting(...names: string[]): WorkerExports {
  return { status: "known", classes: new Set(names), names: new Set(names), files: [], notes: [] };
}

describe("exports: what the server checks against the code", () => {
  const cases: { format: string; file: string; diff: string }[] = [
    {
      format: "TOML",
      file: "wrangler.toml",
      diff: `
name = "notes"
main = "src/index.ts"

[exports.Counter] # @@counter
type = "durable-object"
storage = "sqlite"

[exports.Legacy] # @@legacy
type = "durable-object"
-storage = "sqlite"
+state = "deleted"
`,
    },
    {
      format: "JSONC",
      file: "wrangler.jsonc",
      diff: `
{
  "name": "notes",
  "main": "src/index.ts",
  "exports": {
    "Counter": { "type": "durable-object", "storage": "sqlite" }, // @@counter
-    "Legacy": { "type": "durable-object", "storage": "sqlite" },
+    "Legacy": { "type": "durable-object", "state": "deleted" }, // @@legacy
  },
}
`,
    },
  ];
  for (const c of cases) {
    const { base, head } = revisions(c.diff);
    const changes: ConfigChange[] = [{ file: c.file, baseText: base, headText: head }];
    const check = (exports: WorkerExports) => {
      const analyses = analyzeFiles(changes);
      return reportFor(
        analyses,
        codeFindings(analyses, () => exports),
      ).findings;
    };
    it(`a tombstone while the code still exports the class: tombstone_delete_class_still_in_code (${c.format})`, () => {
      assertFindings(
        check(exporting("Counter", "Legacy", "default")),
        [
          { ...deleted, classes: ["Legacy"], worker: "notes", line: "@@legacy", never: LEGACY },
          {
            code: "DO901",
            kind: "exports-tombstone-in-code",
            severity: "error",
            classes: ["Legacy"],
            worker: "notes",
            line: "@@legacy",
            says: ["tombstone_delete_class_still_in_code", "100402", "same deploy as the tombstone"],
            never: LEGACY,
          },
        ],
        c.file,
        () => head,
      );
    });
    it(`the class gone from the code with its tombstone: only the data loss (${c.format})`, () => {
      assertFindings(
        check(exporting("Counter", "default")),
        [{ ...deleted, classes: ["Legacy"], worker: "notes", line: "@@legacy", never: LEGACY }],
        c.file,
        () => head,
      );
    });
    it(`a live entry the code does not export: config_export_not_in_code (${c.format})`, () => {
      assertFindings(
        check(exporting("default")),
        [
          { ...deleted, classes: ["Legacy"], worker: "notes", line: "@@legacy", never: LEGACY },
          {
            code: "DO601",
            kind: "class-not-exported",
            severity: "error",
            classes: ["Counter"],
            worker: "notes",
            line: "@@counter",
            says: ["config_export_not_in_code", "100402"],
            never: LEGACY,
          },
        ],
        c.file,
        () => head,
      );
    });
  }
  it("a migrations config keeps the legacy rules (the stub class of phase 1)", () => {
    const { base, head } = revisions(`
name = "notes"
main = "src/index.ts"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Counter", "Legacy"]
+[[migrations]]
+tag = "v2"
+deleted_classes = ["Legacy"]
`);
    const analyses = analyzeFiles([{ file: "wrangler.toml", baseText: base, headText: head }]);
    const findings = reportFor(
      analyses,
      codeFindings(analyses, () => exporting("Counter", "default")),
    ).findings;
    assert.deepEqual(
      findings.map((f) => f.code),
      ["DO101", "DO603"],
    );
  });
});

describe("exports: another Worker's binding dropped in the same change as the tombstone (DO105)", () => {
  const owner = (deleted: boolean) =>
    `{\n  "name": "owner",\n  "exports": {\n    "Room": { "type": "durable-object", ${deleted ? '"state": "deleted"' : '"storage": "sqlite"'} },\n  },\n}\n`;
  const client = (bound: boolean) =>
    `name = "client"\n${bound ? '\n[[durable_objects.bindings]]\nname = "ROOMS"\nclass_name = "Room"\nscript_name = "owner"\n' : ""}`;
  const cross = (keep: boolean) =>
    analyzeRepository([
      { file: "owner/wrangler.jsonc", baseText: owner(false), headText: owner(true) },
      { file: "client/wrangler.toml", baseText: client(true), headText: client(keep) },
    ]).findings.filter((f) => f.code === "DO105");

  it("a binding kept blocks the tombstone; a binding dropped now is said as dropped, live until it deploys", () => {
    assert.deepEqual(
      cross(true).map((f) => f.message),
      [
        "Worker `client` still binds `Room` of `owner` through `script_name` (binding `ROOMS`): while it does, the `deleted` tombstone in `owner/wrangler.jsonc` is refused (code 100402, `tombstone_delete_blocked_by_external_bindings`, naming `client` in `referencing_scripts`).",
      ],
    );
    assert.deepEqual(
      cross(false).map((f) => f.message),
      [
        "Worker `client` drops its binding `ROOMS` to `Room` of `owner` in the same change that tombstones the class in `owner/wrangler.jsonc`, but the live binding stays until `client` has deployed without it: if `owner` deploys first, the server refuses the deploy (code 100402, `tombstone_delete_blocked_by_external_bindings`) and nothing changes, naming `client` in `referencing_scripts`.",
      ],
    );
  });
});

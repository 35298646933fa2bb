// Issue 19, route 1: a target is judged against the base history of the Worker it deploys to
// (account, name), wherever that history was declared: not by its place in a file.
import { describe } from "node:test";
import { inBothFormats, runAnalysisCases } from "../support/core-cases.ts";

const deleted = { code: "DO101", kind: "class-deleted", severity: "critical", dataLoss: true } as const;
const oneShot = { code: "DO107", kind: "delete-binding-removed", severity: "warning" } as const;
const twice = { code: "DO505", kind: "worker-deployed-twice", severity: "warning" } as const;
const taken = { code: "DO504", kind: "worker-name-taken", severity: "warning" } as const;

describe("an env that takes the top-level Worker's name deploys onto that Worker's history", () => {
  runAnalysisCases(
    inBothFormats(
      "its own migrations delete a class the production Worker has",
      {
        toml: `
name = "api"
[[durable_objects.bindings]]
name = "ROOM"
class_name = "Room"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[env.staging]
-name = "api-staging"
+name = "api" # @@name
+[[env.staging.migrations]]
+tag = "v1"
+new_sqlite_classes = ["Room"]
+[[env.staging.migrations]] # @@v2
+tag = "v2"
+deleted_classes = ["Room"]
`,
        jsonc: `
{
  "name": "api",
  "durable_objects": { "bindings": [{ "name": "ROOM", "class_name": "Room" }] },
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Room"] }],
  "env": {
    "staging": {
-      "name": "api-staging",
+      "name": "api", // @@name
+      "migrations": [
+        { "tag": "v1", "new_sqlite_classes": ["Room"] },
+        { "tag": "v2", "deleted_classes": ["Room"] }, // @@v2
+      ],
    },
  },
}
`,
      },
      [
        {
          ...deleted,
          classes: ["Room"],
          env: "staging",
          worker: "api",
          line: "@@v2",
          tag: "v2",
          says: ["`api`"],
        },
        {
          ...twice,
          classes: [],
          env: "staging",
          worker: "api",
          line: "@@name",
          says: ["and so does the top level", "Give each target its own `name`"],
        },
        { ...oneShot, classes: ["Room"], env: "staging", worker: "api", line: "@@v2", tag: "v2" },
      ],
    ),
  );
});

describe("a config that takes another config's Worker name is compared with that Worker's history", () => {
  const other = `name = "beta"
[[durable_objects.bindings]]
name = "ROOM"
class_name = "Room"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
`;
  runAnalysisCases([
    {
      name: "the top level renamed onto `beta` with a fresh history that deletes `Room`; beta's own config removed",
      changes: [
        {
          file: "a/wrangler.toml",
          baseText: 'name = "alpha"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Chat"]\n',
          headText:
            'name = "beta"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room"]\n[[migrations]] # @@v2\ntag = "v2"\ndeleted_classes = ["Room"]\n',
        },
        { file: "b/wrangler.toml", baseText: other, headText: null },
      ],
      expect: [
        { ...deleted, classes: ["Room"], worker: "beta", file: "a/wrangler.toml", line: "@@v2", tag: "v2" },
        {
          ...taken,
          classes: [],
          worker: "beta",
          file: "a/wrangler.toml",
          line: 1,
          says: ["which the top level of `b/wrangler.toml` deployed", "Worker `alpha`", "keeps its objects"],
        },
        { ...oneShot, classes: ["Room"], worker: "beta", file: "a/wrangler.toml", line: "@@v2", tag: "v2" },
      ],
    },
    {
      name: "a second config for the same Worker, whose history deletes a class: both deploy `beta`",
      changes: [
        { file: "b/wrangler.toml", baseText: other, headText: other },
        {
          file: "copy/wrangler.toml",
          baseText: null,
          headText:
            'name = "beta"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room"]\n[[migrations]] # @@v2\ntag = "v2"\ndeleted_classes = ["Room"]\n',
        },
      ],
      expect: [
        {
          ...deleted,
          classes: ["Room"],
          worker: "beta",
          file: "copy/wrangler.toml",
          line: "@@v2",
          tag: "v2",
        },
        {
          ...twice,
          classes: [],
          worker: "beta",
          file: "copy/wrangler.toml",
          line: 1,
          says: ["the top level of `b/wrangler.toml`"],
        },
        {
          ...oneShot,
          classes: ["Room"],
          worker: "beta",
          file: "copy/wrangler.toml",
          line: "@@v2",
          tag: "v2",
        },
      ],
    },
    {
      name: "a config moved to another directory, unchanged: paired as a move (DO009), nothing lost",
      changes: [
        { file: "old/wrangler.toml", baseText: other, headText: null },
        { file: "new/wrangler.toml", baseText: null, headText: other },
      ],
      expect: [
        {
          code: "DO009",
          kind: "config-replaced",
          severity: "info",
          classes: [],
          worker: "beta",
          file: "new/wrangler.toml",
          line: null,
        },
      ],
    },
    {
      name: "two accounts, one name: not the same Worker",
      changes: [
        {
          file: "b/wrangler.toml",
          baseText: `account_id = "1111"\n${other}`,
          headText: `account_id = "1111"\n${other}`,
        },
        {
          file: "c/wrangler.toml",
          baseText: null,
          headText: `account_id = "2222"\n${other}`,
        },
      ],
      expect: [
        {
          code: "DO301",
          kind: "class-created",
          severity: "info",
          classes: ["Room"],
          worker: "beta",
          file: "c/wrangler.toml",
          line: 6,
          tag: "v1",
        },
      ],
    },
  ]);
});

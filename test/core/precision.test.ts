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

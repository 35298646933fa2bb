// The code-aware checks over analysed configs: which classes a Worker's code must export, given
// its lifecycle at both revisions. The export names are given directly (src/core/code reads them).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeFiles, reportFor } from "../../src/core/analyze/analyze.ts";
import { codeFindings, settleRetirements } from "../../src/core/analyze/code-exports.ts";
import type { WorkerExports } from "../../src/core/code/worker-exports.ts";
import type { ConfigChange } from "../../src/core/model.ts";
import { revisions } from "../support/core-cases.ts";

function exporting(...names: string[]): WorkerExports {
  return { status: "known", classes: new Set(names), names: new Set(names), files: [], notes: [] };
}

function check(changes: ConfigChange[], exports: WorkerExports) {
  const analyses = analyzeFiles(changes);
  return reportFor(
    analyses.map((a) => settleRetirements(a, () => exports)),
    codeFindings(analyses, () => exports),
  );
}

describe("code-aware checks", () => {
  it("migrations, class and binding dropped together: every Worker that ran them fails with 10064 (DO601), said instead of DO401", () => {
    const { base, head } = revisions(`
{
  "name": "kody",
  "main": "src/index.ts",
  "migrations": [
    { "tag": "v4", "new_sqlite_classes": ["Scheduler"] },
-    { "tag": "v5", "new_sqlite_classes": ["AppRunner"] },
    { "tag": "v6", "new_sqlite_classes": ["JobManager"] },
  ],
  "env": {
    "production": {
      "durable_objects": {
        "bindings": [
          { "name": "SCHEDULER", "class_name": "Scheduler" },
          { "name": "JOBS", "class_name": "JobManager" },
-          { "name": "APP_RUNNER", "class_name": "AppRunner" },
        ],
      },
    },
  },
}
`);
    const report = check(
      [{ file: "wrangler.jsonc", baseText: base, headText: head }],
      exporting("Scheduler", "JobManager"),
    );
    assert.deepEqual(
      report.findings.map((f) => [f.code, f.severity, f.env, f.classes.join(), f.tag]),
      [
        ["DO202", "error", null, "AppRunner", "v5"],
        ["DO601", "error", null, "AppRunner", "v5"],
        ["DO601", "error", "production", "AppRunner", "v5"],
      ],
    );
    const production = report.findings[2]!;
    assert.match(production.message, /`kody-production`.*`AppRunner` namespace still exists.*10064/);
    assert.match(production.fix, /stub class/);
  });

  it("still exported: no DO601; a retirement fails nothing, so the history removal is a warning too", () => {
    const { base, head } = revisions(`
{
  "name": "app",
  "main": "src/index.ts",
-  "durable_objects": { "bindings": [{ "name": "COUNTER", "class_name": "Counter" }] },
-  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Counter"] }],
}
`);
    const report = check([{ file: "wrangler.jsonc", baseText: base, headText: head }], exporting("Counter"));
    assert.deepEqual(
      report.findings.map((f) => [f.code, f.severity]),
      [
        ["DO202", "warning"],
        ["DO401", "warning"],
      ],
    );
  });

  it("a template whose code does not export a class: its first deploy creates the class and fails with 10070", () => {
    const text = `name = "__CUSTOM_NAME__"
main = "src/worker.ts"

[[migrations]]
tag = "v1"
new_classes = ["DurableObjectRatelimiter"]
`;
    const report = check(
      [{ file: "wrangler.custom.toml", baseText: text, headText: text }],
      exporting("DurableObjectUsagelimiter"),
    );
    assert.deepEqual(
      report.findings.map((f) => [f.code, f.severity, f.classes.join()]),
      [["DO602", "error", "DurableObjectRatelimiter"]],
    );
    assert.match(report.findings[0]!.message, /10070/);
  });
});

// The check over a real git repository: configs at two revisions and, where a finding needs it,
// the Workers' code at either revision, read as data from git.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { runCheck } from "../../src/check/run-check.ts";
import { createGitRepo, type GitRepo } from "../support/git-repo.ts";

const config = (v2: string) => `{
  "name": "app",
  "main": "src/index.ts",
  "durable_objects": { "bindings": [{ "name": "COUNTER", "class_name": "Counter" }] },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Counter"] },
    { "tag": "v2", "new_sqlite_classes": ["${v2}"] },
  ],
}
`;

let repo: GitRepo;
before(() => {
  repo = createGitRepo({
    base: {
      // The last step creates a class the code of that revision does not define: it never deployed.
      "wrangler.jsonc": config("MyDurableObject"),
      "src/index.ts": "export class Counter {}\nexport default { fetch() { return new Response(); } };\n",
      // Another Worker whose last step the base code does export: its edit stays an error.
      "other/wrangler.jsonc": config("Room").replace('"app"', '"other"'),
      "other/src/index.ts": "export class Counter {}\nexport class Room {}\nexport default {};\n",
    },
    head: {
      "wrangler.jsonc": config("Room"),
      "src/index.ts": "export class Counter {}\nexport class Room {}\nexport default {};\n",
      "other/wrangler.jsonc": config("Lobby").replace('"app"', '"other"'),
      "other/src/index.ts": "export class Counter {}\nexport class Lobby {}\nexport default {};\n",
    },
  });
});
after(() => repo.cleanup());

describe("runCheck reads the base revision's code for a history edit", () => {
  test("an edit of a step the base code could never deploy is a warning; the other stays an error", async () => {
    const { report } = await runCheck({ cwd: repo.dir, base: repo.baseSha, head: repo.headSha, paths: [] });
    const history = report.findings
      .filter((f) => f.kind === "history-edited")
      .map((f) => [f.file, f.severity, f.tag]);
    assert.deepEqual(history, [
      ["other/wrangler.jsonc", "error", "v2"],
      ["wrangler.jsonc", "warning", "v2"],
    ]);
    const edited = report.findings.find((f) => f.kind === "history-edited" && f.file === "wrangler.jsonc");
    assert.match(edited?.message ?? "", /10070/);
  });
});

describe("runCheck: a class the code does not export is this change's only if the base had it exported", () => {
  const worker = (name: string) => `name = "${name}"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "COUNTER"
class_name = "Counter"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Counter"]
`;
  let codeRepo: GitRepo;
  before(() => {
    codeRepo = createGitRepo({
      base: {
        // Already broken at the base: its code never exported Counter.
        "apps/a/wrangler.toml": worker("a"),
        "apps/a/wrangler.custom.toml": worker("a-custom"),
        "apps/a/src/index.ts": "export default {};\n",
        // Exported at the base, dropped by the change: the change breaks the deploy (10064).
        "apps/b/wrangler.toml": worker("b"),
        "apps/b/src/index.ts": "export class Counter {}\nexport default {};\n",
      },
      head: {
        // The change only edits a variable in one config of the directory.
        "apps/a/wrangler.toml": `${worker("a")}\n[vars]\nMODE = "x"\n`,
        "apps/a/wrangler.custom.toml": worker("a-custom"),
        "apps/a/src/index.ts": "export default {};\n",
        "apps/b/wrangler.toml": worker("b"),
        "apps/b/src/index.ts": "export default {};\n",
      },
    });
  });
  after(() => codeRepo.cleanup());

  test("the base's own problem is info, already at the base; the one the change makes stays an error", async () => {
    const { report } = await runCheck({
      cwd: codeRepo.dir,
      base: codeRepo.baseSha,
      head: codeRepo.headSha,
      paths: [],
    });
    const unexported = report.findings
      .filter((f) => f.kind === "class-not-exported")
      .map((f) => [f.file, f.severity, f.introduced]);
    assert.deepEqual(unexported, [
      ["apps/b/wrangler.toml", "error", true],
      ["apps/a/wrangler.custom.toml", "info", false],
      ["apps/a/wrangler.toml", "info", false],
    ]);
  });
});

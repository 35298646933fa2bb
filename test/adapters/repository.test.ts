// The check over a real git repository: configs at two revisions and, where a finding needs it,
// the Workers' code at either revision, read as data from git.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { checkAdapters } from "../../src/check/adapters.ts";
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
    const { report } = await runCheck(
      { cwd: repo.dir, base: repo.baseSha, head: repo.headSha, paths: [] },
      checkAdapters,
    );
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
    const { report } = await runCheck(
      {
        cwd: codeRepo.dir,
        base: codeRepo.baseSha,
        head: codeRepo.headSha,
        paths: [],
      },
      checkAdapters,
    );
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

describe("runCheck: the config wrangler deploys in place of another is read against it", () => {
  const SRC = "export class Room {}\nexport class Lobby {}\nexport default {};\n";
  const TOML = `name = "chat"
main = "src/index.js"

[[durable_objects.bindings]]
name = "ROOM"
class_name = "Room"

[[durable_objects.bindings]]
name = "LOBBY"
class_name = "Lobby"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Lobby"]
`;
  const json = (main: string) =>
    JSON.stringify(
      {
        name: "chat",
        main,
        durable_objects: { bindings: [{ name: "ROOM", class_name: "Room" }] },
        migrations: [
          { tag: "v1", new_sqlite_classes: ["Room", "Lobby"] },
          { tag: "v2", deleted_classes: ["Lobby"] },
        ],
      },
      null,
      2,
    );
  const check = async (base: Record<string, string>, head: Record<string, string | null>) => {
    const r = createGitRepo({ base, head });
    try {
      const { report } = await runCheck(
        { cwd: r.dir, base: r.baseSha, head: r.headSha, paths: [] },
        checkAdapters,
      );
      return report.findings
        .filter((f) => f.kind !== "exports-unknown")
        .map(
          (f) => `${f.code} ${f.severity}${f.dataLoss ? " data-loss" : ""} ${f.file} ${f.classes.join(",")}`,
        );
    } finally {
      r.cleanup();
    }
  };

  test("a wrangler.json added beside an unchanged wrangler.toml deploys instead: its delete is data loss", async () => {
    assert.deepEqual(
      await check({ "wrangler.toml": TOML, "src/index.js": SRC }, { "wrangler.json": json("src/index.js") }),
      [
        "DO101 critical data-loss wrangler.json Lobby",
        "DO007 warning wrangler.json ",
        "DO107 warning wrangler.json Lobby",
      ],
    );
  });

  test("wrangler.toml moved to wrangler.jsonc with a delete slipped in: data loss, and no false DO501", async () => {
    assert.deepEqual(
      await check(
        { "wrangler.toml": TOML, "src/index.js": SRC },
        { "wrangler.toml": null, "wrangler.jsonc": json("src/index.js") },
      ),
      [
        "DO101 critical data-loss wrangler.jsonc Lobby",
        "DO107 warning wrangler.jsonc Lobby",
        "DO009 info wrangler.jsonc ",
      ],
    );
  });

  test("a config moved to another directory under the same Worker name", async () => {
    assert.deepEqual(
      await check(
        { "apps/chat/wrangler.toml": TOML, "apps/chat/src/index.js": SRC },
        {
          "apps/chat/wrangler.toml": null,
          "apps/chat/src/index.js": null,
          "services/chat/wrangler.jsonc": json("src/index.js"),
          "services/chat/src/index.js": SRC,
        },
      ),
      [
        "DO101 critical data-loss services/chat/wrangler.jsonc Lobby",
        "DO107 warning services/chat/wrangler.jsonc Lobby",
        "DO009 info services/chat/wrangler.jsonc ",
      ],
    );
  });

  test("a committed .wrangler/deploy/config.json: said, and the config it points at (in dist/) is read", async () => {
    assert.deepEqual(
      await check(
        { "wrangler.toml": TOML, "src/index.js": SRC },
        {
          ".wrangler/deploy/config.json": JSON.stringify({ configPath: "../../dist/wrangler.json" }),
          "dist/wrangler.json": json("../src/index.js"),
        },
      ),
      [
        "DO101 critical data-loss dist/wrangler.json Lobby",
        "DO008 warning .wrangler/deploy/config.json ",
        "DO107 warning dist/wrangler.json Lobby",
      ],
    );
  });

  test("an edit of a base step that may not have deployed, adding a delete, is data loss (conditional)", async () => {
    const base = TOML.replace(/\[\[durable_objects[^[]*LOBBY"\nclass_name = "Lobby"\n\n/, "").concat(
      '\n[[migrations]]\ntag = "v2"\ndeleted_classes = ["Lobby"]\n',
    );
    const head = base
      .replace('deleted_classes = ["Lobby"]', 'deleted_classes = ["Lobby", "Room"]')
      .replace('[[durable_objects.bindings]]\nname = "ROOM"\nclass_name = "Room"\n\n', "");
    assert.deepEqual(await check({ "wrangler.toml": base, "src/index.js": SRC }, { "wrangler.toml": head }), [
      "DO101 critical data-loss wrangler.toml Room",
      "DO201 error wrangler.toml Lobby,Room",
    ]);
  });
});

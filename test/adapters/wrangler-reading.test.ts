/**
 * What the REAL pinned wrangler reads from a config, against the local Cloudflare API stand-in:
 * the facts config/parse.ts encodes (DOMAIN.md section 2), checked against the upload wrangler
 * actually sends, and the check's reading of the same text.
 *
 * - A JSON `"__proto__"` key: jsonc-parser builds objects by assignment, so its value becomes the
 *   prototype and wrangler reads the fields inside it: `migrations` at the top level and in an
 *   env, env tables inside `env`, `durable_objects.bindings`. The delete inside is uploaded.
 * - A TOML number with several signs after its exponent (`1e+-5`): wrangler's bundled smol-toml
 *   (1.9.0) accepts it; the check reads it too.
 * - A `.wrangler/deploy/config.json` redirect whose `configPath` is absolute, or leaves the
 *   project's folder and comes back in: wrangler deploys the config it leads to.
 *
 * The base each change is deployed over is seeded as a deploy leaves it (a seeded Worker reads the
 * same as one wrangler deployed: test/deploy/two-phase.test.ts). Each real deploy takes a few
 * seconds; the runs are sequential.
 */
import assert from "node:assert/strict";
import { basename } from "node:path";
import { after, before, describe, it } from "node:test";
import { analyzeFile } from "../../src/core/analyze/analyze.ts";
import { redirectTarget } from "../../src/core/analyze/config-files.ts";
import { parseConfigText } from "../../src/core/config/parse.ts";
import { type CloudflareApi, startCloudflareApi } from "../support/cloudflare-api.ts";
import { createWorkerProject, runWrangler, workerSource, wranglerDeploy } from "../support/wrangler.ts";

const ACCT = "0123456789abcdef0123456789abcdef";
const TOKEN = "wrangler-reading-token-3f9a";

const BASE = {
  name: "w",
  main: "src/index.js",
  compatibility_date: "2025-01-01",
  durable_objects: { bindings: [{ name: "A", class_name: "A" }] },
  migrations: [{ tag: "v1", new_sqlite_classes: ["A", "B"] }],
};
const HEAD_TOP = `{"name": "w", "main": "src/index.js", "compatibility_date": "2025-01-01",
  "durable_objects": {"bindings": [{"name": "A", "class_name": "A"}]},
  "__proto__": {"migrations": [{"tag": "v1", "new_sqlite_classes": ["A", "B"]}, {"tag": "v2", "deleted_classes": ["B"]}]}}`;
const HEAD_ENV = `{"name": "w", "main": "src/index.js", "compatibility_date": "2025-01-01",
  "durable_objects": {"bindings": [{"name": "A", "class_name": "A"}]},
  "migrations": [{"tag": "v1", "new_sqlite_classes": ["A", "B"]}],
  "env": {"__proto__": {"staging": {
    "durable_objects": {"__proto__": {"bindings": [{"name": "A", "class_name": "A"}]}},
    "__proto__": {"migrations": [{"tag": "v1", "new_sqlite_classes": ["A", "B"]}, {"tag": "v2", "deleted_classes": ["B"]}]}}}}}`;

/** The base with a `staging` env (Worker `w-staging`, the top level's history inherited). */
const BASE_ENV = { ...BASE, env: { staging: { durable_objects: BASE.durable_objects } } };

describe("the real wrangler reads what the check reads", () => {
  let api: CloudflareApi;
  before(async () => {
    api = await startCloudflareApi();
  });
  after(async () => {
    await api.close();
  });

  for (const [name, baseConfig, head, env] of [
    ['a top-level "__proto__" holding the migrations', BASE, HEAD_TOP, undefined],
    ['"__proto__" in env, in an env and in its durable_objects', BASE_ENV, HEAD_ENV, "staging"],
  ] as const) {
    const worker = env ? `w-${env}` : "w";
    it(`${name}: wrangler uploads the delete inside it, and the check reports it as data loss`, async () => {
      const project = await createWorkerProject({
        config: baseConfig,
        files: { "src/index.js": workerSource(["A", "B"]) },
      });
      try {
        const options = { apiBaseUrl: api.apiBaseUrl, accountId: ACCT, token: TOKEN };
        // the base deployed: v1 created A and B, A bound, the code exports both
        api.state.seedWorker(ACCT, worker, {
          migrationTag: "v1",
          classes: { A: "sqlite", B: "sqlite" },
          bindings: [{ name: "A", className: "A" }],
        });
        await project.writeFile("src/index.js", workerSource(["A"]));
        await project.writeConfig(head);
        api.clearRequests();
        const deployed = await wranglerDeploy(project, { ...options, ...(env ? { env } : {}) });
        assert.equal(deployed.exitCode, 0, deployed.stderr);
        const migrations = api.uploads().map((u) => u.metadata?.migrations);
        assert.deepEqual(migrations, [{ old_tag: "v1", new_tag: "v2", steps: [{ deleted_classes: ["B"] }] }]);
        const namespaces = api.state.worker(ACCT, worker)?.namespaces ?? [];
        assert.deepEqual(
          namespaces.map((n) => [n.className, n.state]),
          [
            ["A", "live"],
            ["B", "deleted"],
          ],
        );

        const { findings } = analyzeFile(
          { file: "wrangler.jsonc", baseText: JSON.stringify(baseConfig), headText: head },
          env ? { envs: [env] } : {},
        );
        const losses = findings.filter((f) => f.dataLoss).map((f) => [f.code, f.env, f.classes]);
        assert.deepEqual(losses, [["DO101", env ?? null, ["B"]]]);
        assert.ok(findings.some((f) => f.code === "DO010"));
      } finally {
        await project.cleanup();
      }
    });
  }

  for (const [name, configPath] of [
    ["an absolute path", (dir: string) => `${dir}/sub/wrangler.json`],
    ["a path out of the folder and back in", (dir: string) => `../../../${basename(dir)}/sub/wrangler.json`],
  ] as const) {
    it(`a redirect through ${name}: wrangler deploys the config it leads to, where the check maps it`, async () => {
      const project = await createWorkerProject({
        config: `name = "own"\nmain = "src/index.js"\ncompatibility_date = "2025-01-01"\n`,
        configFile: "wrangler.toml",
        files: {
          "src/index.js": workerSource([]),
          "sub/wrangler.json": JSON.stringify({
            name: "redirected",
            main: "../src/index.js",
            compatibility_date: "2025-01-01",
          }),
        },
      });
      try {
        const redirect = JSON.stringify({ configPath: configPath(project.dir) });
        await project.writeFile(".wrangler/deploy/config.json", redirect);
        api.clearRequests();
        const run = await runWrangler(["deploy"], {
          cwd: project.dir,
          apiBaseUrl: api.apiBaseUrl,
          accountId: ACCT,
          token: TOKEN,
        });
        assert.equal(run.exitCode, 0, run.stderr);
        assert.deepEqual(
          api.uploads().map((u) => /\/scripts\/([^/]+)/.exec(u.route)?.[1]),
          ["redirected"],
        );
        const target = redirectTarget(".wrangler/deploy/config.json", redirect, project.dir);
        assert.equal(target.ok && target.target, "sub/wrangler.json");
      } finally {
        await project.cleanup();
      }
    });
  }

  it("a TOML number with two signs after its exponent (1e+-5): wrangler deploys it, the check reads it", async () => {
    const toml = `name = "num"\nmain = "src/index.js"\ncompatibility_date = "2025-01-01"\n\n[limits]\ncpu_ms = 1e+-5\n`;
    const project = await createWorkerProject({
      config: toml,
      configFile: "wrangler.toml",
      files: { "src/index.js": workerSource([]) },
    });
    try {
      const run = await wranglerDeploy(project, {
        apiBaseUrl: api.apiBaseUrl,
        accountId: ACCT,
        token: TOKEN,
      });
      assert.equal(run.exitCode, 0, run.stderr);
      const parsed = parseConfigText("wrangler.toml", toml);
      assert.ok(parsed.ok, parsed.ok ? "" : parsed.message);
      assert.deepEqual(JSON.parse(JSON.stringify(parsed.value.limits)), { cpu_ms: 1 });
    } finally {
      await project.cleanup();
    }
  });
});

/**
 * The wrangler adapter's pure helpers, and the REAL wrangler (devDependency) against the local
 * Cloudflare API stand-in for what no other test runs through it: a class dropped from the code
 * (10064) and wrangler's own local refusal. The delete story (the first deploy, the one-shot
 * 10061, phase 1, phase 2 through a retried 500, a 10079) runs once, through the adapter and the
 * use case, in test/deploy/two-phase.test.ts; a tombstone refused with 100402 in
 * test/adapters/wrangler-exports.test.ts.
 *
 * Each real deploy takes about 2 s (two Node processes plus esbuild); the runs are sequential.
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  explainCloudflareError,
  extractWranglerError,
  findWrangler,
  parseWranglerOutput,
  type RunWranglerDeployOptions,
  resolveWranglerCommand,
  runWranglerDeploy,
  stripAnsi,
  type WranglerDeployResult,
} from "../../src/adapters/wrangler.ts";
import { EXPLAINED_CLOUDFLARE_ERROR_CODES } from "../../src/core/cloudflare-errors.ts";
import { type CloudflareApi, startCloudflareApi } from "../support/cloudflare-api.ts";
import {
  COMPILE_CACHE,
  createWorkerProject,
  REPO_ROOT,
  type WorkerProject,
  WRANGLER_BIN,
  workerSource,
  wranglerDeploy,
} from "../support/wrangler.ts";

const ACCT = "acct-wrangler";
const TOKEN = "wrangler-secret-token-5b7e1d";

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

describe("wrangler adapter: pure helpers", () => {
  it("parses ND-JSON records and skips torn lines", () => {
    const text =
      '{"type":"wrangler-session","version":1}\n\n{"type":"deploy","version_id":"abc"}\n{"type":"dep';
    assert.deepEqual(
      parseWranglerOutput(text).map((r) => r.type),
      ["wrangler-session", "deploy"],
    );
  });

  it("takes the code from the command-failed record and the words from the [code: N] line", () => {
    const stderr =
      "\u001b[31m✘ \u001b[41;31m[\u001b[41;97mERROR\u001b[41;31m]\u001b[0m \u001b[1mA request to the Cloudflare API (/accounts/a/workers/scripts/w) failed.\u001b[0m\n\n" +
      "  Cannot apply --delete-class migration to class 'Legacy' without also removing the binding that references it. [code: 10061]\n" +
      "  If you think this is a bug, please open an issue\n";
    const records = parseWranglerOutput(
      '{"type":"command-failed","version":1,"code":10061,"message":"A request to the Cloudflare API (/accounts/a/workers/scripts/w) failed."}',
    );
    assert.deepEqual(extractWranglerError(records, stderr, 1), {
      code: 10061,
      message:
        "Cannot apply --delete-class migration to class 'Legacy' without also removing the binding that references it.",
    });
    // no output file (e.g. an old wrangler): the code still comes from the text
    assert.equal(extractWranglerError([], stderr, 1).code, 10061);
    assert.ok(!stripAnsi(stderr).includes("\u001b"));
  });

  it("falls back to the record message, the ERROR line, then the exit code", () => {
    const exportsFailure = parseWranglerOutput(
      JSON.stringify({
        type: "command-failed",
        message: "Durable Object exports reconciliation failed:\n  ✘ [x] class 'A': y",
      }),
    );
    assert.equal(extractWranglerError(exportsFailure, "", 1).code, 100402);
    assert.deepEqual(
      extractWranglerError(
        [],
        "✘ [ERROR] Cannot apply deleted_classes migration to non-existent class Ghost\n",
        1,
      ),
      {
        message: "Cannot apply deleted_classes migration to non-existent class Ghost",
      },
    );
    assert.deepEqual(extractWranglerError([], "", 7), { message: "wrangler exited with code 7" });
  });

  it("explains every Durable Object error code the project knows", () => {
    for (const code of [
      10007, 10061, 10064, 10070, 10074, 10079, 10097, 10211, 100402, 100403, 100405, 100406,
    ]) {
      const e = explainCloudflareError(code);
      assert.ok(e, `code ${code}`);
      assert.equal(e.code, code);
      assert.ok(e.title && e.explanation && e.fix);
    }
    assert.equal(EXPLAINED_CLOUDFLARE_ERROR_CODES.length, 12);
    assert.equal(explainCloudflareError(12345), undefined);
    assert.match(explainCloudflareError(10061)?.fix ?? "", /two phases/);
    assert.match(
      explainCloudflareError(
        10061,
        "Cannot create binding for class 'X' because it is not currently configured",
      )?.fix ?? "",
      /creates the class/,
    );
  });

  it("runs a .js wrangler entry (or a .bin link to one) under the current Node", async () => {
    const [node, script] = await resolveWranglerCommand(WRANGLER_BIN);
    assert.equal(node, process.execPath);
    assert.match(script ?? "", /wrangler\/bin\/wrangler\.js$/);
    assert.deepEqual(await resolveWranglerCommand("node_modules/.bin/wrangler", REPO_ROOT), [
      process.execPath,
      join(REPO_ROOT, "node_modules/wrangler/bin/wrangler.js"),
    ]);
    assert.deepEqual(await resolveWranglerCommand(["npx", "wrangler"]), ["npx", "wrangler"]);
    assert.deepEqual(await resolveWranglerCommand("/usr/local/bin/not-js"), ["/usr/local/bin/not-js"]);
  });

  it("finds node_modules/.bin/wrangler in the directory or a parent, else null", async () => {
    assert.equal(
      await findWrangler(join(REPO_ROOT, "src", "adapters")),
      join(REPO_ROOT, "node_modules/.bin/wrangler"),
    );
    const root = await mkdtemp(join(tmpdir(), "find-wrangler-"));
    try {
      assert.equal(await findWrangler(root), null);
      await mkdir(join(root, "node_modules/.bin"), { recursive: true });
      await symlink(WRANGLER_BIN, join(root, "node_modules/.bin/wrangler"));
      await mkdir(join(root, "packages/app"), { recursive: true });
      assert.equal(await findWrangler(join(root, "packages/app")), join(root, "node_modules/.bin/wrangler"));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("reports a wrangler that cannot start as data", async () => {
    const result = await runWranglerDeploy({
      wranglerBin: "/nonexistent/wrangler-bin",
      cwd: tmpdir(),
      configPath: "wrangler.jsonc",
      env: null,
      accountId: ACCT,
      token: TOKEN,
      silent: true,
    });
    assert.equal(result.ok, false);
    assert.match(result.error?.message ?? "", /could not start wrangler/);
  });
});

describe("real wrangler against the stand-in API", () => {
  let api: CloudflareApi;
  let home: string;
  const projects: WorkerProject[] = [];
  const outputs: string[] = [];
  const durations: number[] = [];

  before(async () => {
    api = await startCloudflareApi({ token: TOKEN });
    home = await mkdtemp(join(tmpdir(), "wrangler-home-"));
  });
  after(async () => {
    await api.close();
    for (const p of projects) await p.cleanup();
    await rm(home, { recursive: true, force: true });
  });

  /** A minimal, hermetic environment for the child (no developer shell variables). */
  function baseEnv(): Record<string, string> {
    return {
      PATH: `${join(REPO_ROOT, "node_modules/.bin")}:${process.env.PATH ?? "/usr/bin:/bin"}`,
      HOME: home,
      XDG_CONFIG_HOME: join(home, ".config"),
      CI: "true",
      WRANGLER_SEND_METRICS: "false",
      WRANGLER_HIDE_BANNER: "true",
      NODE_COMPILE_CACHE: COMPILE_CACHE,
      // must be ignored: the adapter passes --env explicitly
      CLOUDFLARE_ENV: "not-an-env",
      CLOUDFLARE_API_TOKEN: "parent-token-must-not-win",
    };
  }

  async function deploy(project: WorkerProject, env: string | null = null): Promise<WranglerDeployResult> {
    const options: RunWranglerDeployOptions = {
      wranglerBin: WRANGLER_BIN,
      cwd: project.dir,
      configPath: project.configPath,
      env,
      accountId: ACCT,
      token: TOKEN,
      apiBaseUrl: api.apiBaseUrl,
      baseEnv: baseEnv(),
      outputFile: join(home, "output.ndjson"),
      silent: true,
    };
    const started = performance.now();
    const result = await runWranglerDeploy(options);
    durations.push(performance.now() - started);
    outputs.push(result.stdout, result.stderr, JSON.stringify(result.records));
    return result;
  }

  function doConfig(name: string, bindings: string[], migrations: object[], extra: object = {}): object {
    return {
      name,
      main: "src/index.js",
      compatibility_date: "2025-01-01",
      durable_objects: { bindings: bindings.map((c) => ({ name: c.toUpperCase(), class_name: c })) },
      migrations,
      ...extra,
    };
  }

  const V1 = { tag: "v1", new_sqlite_classes: ["Counter", "Legacy"] };

  it("dropping a class from the code while its namespace is live fails with 10064", async () => {
    api.state.seedWorker(ACCT, "do-drop", {
      migrationTag: "v1",
      classes: { Counter: "sqlite", Legacy: "sqlite" },
      bindings: [{ name: "COUNTER", className: "Counter" }],
    });
    const before = api.state.snapshot(ACCT, "do-drop");
    const project = await createWorkerProject({
      config: doConfig("do-drop", ["Counter"], [V1]),
      files: { "src/index.js": workerSource(["Counter"]) },
    });
    projects.push(project);
    const result = await deploy(project);
    assert.equal(result.error?.code, 10064);
    assert.match(result.error?.message ?? "", /does not export class 'Legacy'/);
    assert.deepEqual(api.state.snapshot(ACCT, "do-drop"), before);
  });

  it("wrangler 4.156 replays the history locally and refuses a delete of an unknown class before uploading", async () => {
    const project = await createWorkerProject({
      config: doConfig(
        "do-ghost",
        ["Counter"],
        [
          { tag: "v1", new_sqlite_classes: ["Counter"] },
          { tag: "v2", deleted_classes: ["Ghost"] },
        ],
      ),
      files: { "src/index.js": workerSource(["Counter"]) },
    });
    projects.push(project);
    api.clearRequests();
    // the test helper (minimal env, fresh HOME) rather than the adapter, to time a bare run
    const run = await wranglerDeploy(project, { apiBaseUrl: api.apiBaseUrl, accountId: ACCT, token: TOKEN });
    durations.push(run.durationMs);
    outputs.push(run.stdout, run.stderr, run.outputFile);
    assert.equal(run.exitCode, 1);
    assert.match(stripAnsi(run.stderr), /Cannot apply deleted_classes migration to non-existent class Ghost/);
    const failed = run.records.find((r) => r.type === "command-failed");
    assert.equal(failed?.code, undefined, "a local UserError carries no API code");
    assert.deepEqual(api.uploads(), [], "nothing was uploaded");
    assert.ok(api.requests.length > 0, "it still read the deployed state first");
  });

  it("never lets the token reach the API recordings, argv, output or log files", async () => {
    assert.ok(outputs.length > 0);
    for (const text of outputs) assert.ok(!text.includes(TOKEN));
    assert.ok(!JSON.stringify(api.requests).includes(TOKEN));
    for (const file of await filesUnder(home)) {
      assert.ok(!(await readFile(file, "utf8")).includes(TOKEN), file);
    }
    const sessions = outputs.filter((o) => o.includes("wrangler-session"));
    assert.ok(sessions.length > 0);
  });

  it("reports the time per deploy", (t) => {
    const sorted = [...durations].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    t.diagnostic(
      `wrangler deploy: ${durations.length} runs, median ${Math.round(median)} ms, ` +
        `min ${Math.round(sorted[0] ?? 0)} ms, max ${Math.round(sorted.at(-1) ?? 0)} ms`,
    );
    assert.equal(durations.length, 2);
  });
});

/**
 * The guarded two-phase deploy, end to end: the use case runs the REAL wrangler (the project's
 * devDependency, under Node 24) against the local Cloudflare API stand-in, which keeps per-Worker
 * state and rejects uploads the way the real API does. Loopback only.
 *
 * This is the one file where the delete story runs through the real wrangler from the first
 * deploy on: what wrangler uploads and how the adapter reads its output (a success, a 10061, a
 * retried 500, a 10079) is asserted here. Every other test starts from a seeded live state; the
 * first test shows a seeded Worker reads the same as one wrangler deployed.
 *
 * Each real deploy takes about 2 s; the scenarios run one after the other.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createCloudflareClient } from "../../src/adapters/cloudflare-api.ts";
import type { RunWranglerDeployOptions, WranglerDeployResult } from "../../src/adapters/wrangler.ts";
import { runWranglerDeploy } from "../../src/adapters/wrangler.ts";
import { createDeployAdapters } from "../../src/deploy/adapters.ts";
import { type DeployAdapters, type ReleaseRequest, runRelease } from "../../src/deploy/release.ts";
import { singleResult, type TwoPhaseResult } from "../../src/deploy/two-phase.ts";

type TwoPhaseAdapters = DeployAdapters;
/** The release's request for one Worker: the config path (null: wrangler's own search). */
type TwoPhaseRequest = Omit<ReleaseRequest, "selection" | "maxParallel" | "skipUnchanged"> & {
  readonly config: string | null;
};

/** One Worker's release, as the entry points run it (src/deploy/run-deploy.ts). */
async function runTwoPhaseDeploy(
  request: TwoPhaseRequest,
  adapters: TwoPhaseAdapters,
): Promise<TwoPhaseResult> {
  const result = await runRelease(
    { ...request, selection: { kind: "single", config: request.config } },
    adapters,
  );
  return singleResult(result, request.phase);
}

import { type CloudflareApi, startCloudflareApi } from "../support/cloudflare-api.ts";
import {
  COMPILE_CACHE,
  createWorkerProject,
  REPO_ROOT,
  type WorkerProject,
  WRANGLER_BIN,
  workerSource,
} from "../support/wrangler.ts";

const ACCT = "acct-two-phase";
const TOKEN = "two-phase-secret-token-3c9e71aa";

const V1 = { tag: "v1", new_sqlite_classes: ["Counter", "Legacy"] };
const V2_DELETE = { tag: "v2", deleted_classes: ["Legacy"] };

function config(name: string, bindings: string[], migrations: object[] | null, extra: object = {}): object {
  return {
    name,
    main: "src/index.js",
    compatibility_date: "2025-01-01",
    durable_objects: { bindings: bindings.map((c) => ({ name: c.toUpperCase(), class_name: c })) },
    ...(migrations ? { migrations } : {}),
    ...extra,
  };
}

/** Every file under `dir` (recursively), `node_modules` skipped. */
async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && !entry.parentPath.includes("node_modules"))
      out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

/** Kill (SIGKILL) the wrangler process this test started for `marker` (a path in its argv). */
function killWrangler(marker: string): number {
  let killed = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ");
    } catch {
      continue;
    }
    // wrangler's launcher runs the real CLI (wrangler-dist/cli.js) as a child: kill that one.
    if (!cmdline.includes("wrangler-dist/cli.js") || !cmdline.includes(marker)) continue;
    if (!descendsFromThisProcess(Number(entry))) continue;
    process.kill(Number(entry), "SIGKILL");
    killed++;
  }
  return killed;
}

function descendsFromThisProcess(pid: number): boolean {
  let current = pid;
  for (let depth = 0; depth < 4; depth++) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${current}/stat`, "utf8");
    } catch {
      return false;
    }
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid === process.pid) return true;
    current = ppid;
  }
  return false;
}

describe("two-phase deploy with the real wrangler", () => {
  let api: CloudflareApi;
  let home: string;
  const projects: WorkerProject[] = [];
  /** Everything the runs printed or returned, for the token check. */
  const seen: string[] = [];
  const deployDurations: number[] = [];
  let deploys = 0;
  /** What the adapter made of the last wrangler run. */
  let lastDeploy: WranglerDeployResult | undefined;

  before(async () => {
    api = await startCloudflareApi({ token: TOKEN });
    home = await mkdtemp(join(tmpdir(), "two-phase-home-"));
  });
  after(async () => {
    await api.close();
    for (const p of projects) await p.cleanup();
    await rm(home, { recursive: true, force: true });
  });

  function baseEnv(): Record<string, string> {
    return {
      PATH: `${join(REPO_ROOT, "node_modules/.bin")}:${process.env.PATH ?? "/usr/bin:/bin"}`,
      HOME: home,
      XDG_CONFIG_HOME: join(home, ".config"),
      CI: "true",
      WRANGLER_SEND_METRICS: "false",
      WRANGLER_HIDE_BANNER: "true",
      NODE_COMPILE_CACHE: COMPILE_CACHE,
      NO_COLOR: "1",
      // must be ignored: the adapter passes --env explicitly, and the token it is given
      CLOUDFLARE_ENV: "not-an-env",
      CLOUDFLARE_API_TOKEN: "parent-token-must-not-win",
    };
  }

  function adapters(logLines: string[]): TwoPhaseAdapters {
    const real = createDeployAdapters({
      log: {
        info: (m) => logLines.push(`info: ${m}`),
        warning: (m) => logLines.push(`warning: ${m}`),
      },
      token: TOKEN,
      apiBaseUrl: api.apiBaseUrl,
      wranglerBin: WRANGLER_BIN,
    });
    return {
      ...real,
      deploy: async (options: RunWranglerDeployOptions): Promise<WranglerDeployResult> => {
        deploys++;
        const started = performance.now();
        const result = await runWranglerDeploy(options);
        deployDurations.push(performance.now() - started);
        seen.push(result.stdout, result.stderr, JSON.stringify(result.records));
        lastDeploy = result;
        return result;
      },
    };
  }

  /** `wrangler deploy` of the project as it is, through the adapter alone (no use case). */
  async function plainDeploy(p: WorkerProject): Promise<WranglerDeployResult> {
    return adapters([]).deploy({
      wranglerBin: WRANGLER_BIN,
      cwd: p.dir,
      configPath: p.configPath,
      env: null,
      accountId: ACCT,
      token: TOKEN,
      apiBaseUrl: api.apiBaseUrl,
      baseEnv: baseEnv(),
      outputFile: join(home, "output.ndjson"),
      silent: true,
    });
  }

  /** What the live read sees of a Worker (the client the check and the deploy read with), ids left out. */
  async function liveView(name: string): Promise<unknown> {
    const client = createCloudflareClient({ apiBaseUrl: api.apiBaseUrl, accountId: ACCT, token: TOKEN });
    const script = (await client.listScripts()).find((s) => s.name === name);
    const namespaces = (await client.listDurableObjectNamespaces((ns) => ns.script === name)).map(
      ({ id: _id, ...ns }) => ns,
    );
    const view = {
      script,
      namespaces,
      settings: await client.readSettings(name),
      exports: await client.readLiveExports(name),
    };
    return JSON.parse(JSON.stringify(view).replaceAll(`"${name}"`, '"<worker>"'));
  }

  async function project(
    files: Record<string, string>,
    cfg: object | string,
    configFile?: string,
  ): Promise<WorkerProject> {
    const p = await createWorkerProject({ config: cfg, files, ...(configFile ? { configFile } : {}) });
    projects.push(p);
    return p;
  }

  /** Run the use case; every run must leave no temporary file behind. */
  async function run(
    p: WorkerProject | string,
    fields: Partial<TwoPhaseRequest> = {},
  ): Promise<TwoPhaseResult & { log: string[] }> {
    const dir = typeof p === "string" ? p : p.dir;
    const log: string[] = [];
    const result = await runTwoPhaseDeploy(
      {
        workingDirectory: dir,
        config: null,
        environment: null,
        phase: "auto",
        confirmDataLoss: [],
        accountId: ACCT,
        token: TOKEN,
        apiBaseUrl: api.apiBaseUrl,
        wranglerVersion: null,
        baseEnv: baseEnv(),
        silent: true,
        ...fields,
      },
      adapters(log),
    );
    seen.push(result.markdown, result.text, JSON.stringify(result), ...log);
    const leftovers = (await filesUnder(dir)).filter((f) => f.includes(".do-migrate-phase1."));
    assert.deepEqual(leftovers, [], "temporary files are removed");
    return { ...result, log };
  }

  const liveBindings = (name: string) => api.state.liveBindings(ACCT, name).map((b) => b.className);
  const namespaceState = (name: string, className: string) =>
    api.state.worker(ACCT, name)?.namespaces.find((n) => n.className === className)?.state;

  function seed(name: string, bindings: string[], exported = ["Counter", "Legacy", "default"]): void {
    api.state.seedWorker(ACCT, name, {
      migrationTag: "v1",
      classes: { Counter: "sqlite", Legacy: "sqlite" },
      bindings: bindings.map((c) => ({ name: c.toUpperCase(), className: c })),
      exportedClasses: exported,
    });
  }

  describe("the delete story: the first deploy, a one-shot delete fails, phase 1 then phase 2 succeed", () => {
    let p: WorkerProject;
    const W = "story";

    it("the first deploy creates both classes; a seeded Worker reads the same", async () => {
      p = await project(
        { "src/index.js": workerSource(["Counter", "Legacy"]) },
        config(W, ["Counter", "Legacy"], [V1]),
      );
      api.clearRequests();
      const result = await plainDeploy(p);
      assert.equal(result.ok, true, result.stderr);
      assert.equal(typeof result.versionId, "string");
      assert.deepEqual(
        result.records.map((r) => r.type),
        ["wrangler-session", "deploy"],
      );
      assert.equal(api.state.worker(ACCT, W)?.migrationTag, "v1");
      assert.deepEqual(api.state.liveClasses(ACCT, W), ["Counter", "Legacy"]);
      const [upload] = api.uploads();
      assert.equal(upload?.method, "PUT");
      assert.deepEqual(upload?.query, { excludeScript: "true", bindings_inherit: "strict" });
      assert.deepEqual(upload?.metadata?.migrations, {
        new_tag: "v1",
        steps: [{ new_sqlite_classes: ["Counter", "Legacy"] }],
      });
      assert.deepEqual(api.unhandled(), [], "every request wrangler made had a route");
      // The other tests seed their live states: the reads see no difference.
      seed("story-seeded", ["Counter", "Legacy"]);
      assert.deepEqual(await liveView("story-seeded"), await liveView(W));
      api.state.deleteWorker(ACCT, "story-seeded");
    });

    it("a one-shot delete (binding removed + deleted_classes in one deploy) fails at the stand-in with 10061 and changes nothing", async () => {
      await p.writeConfig(config(W, ["Counter"], [V1, V2_DELETE]));
      const snapshot = api.state.snapshot(ACCT, W);
      api.clearRequests();
      const plain = await plainDeploy(p);
      assert.equal(plain.ok, false);
      assert.equal(plain.exitCode, 1);
      assert.match(plain.stderr, /\[code: 10061\]/);
      assert.equal(plain.error?.code, 10061);
      assert.match(plain.error?.message ?? "", /^Cannot apply --delete-class migration to class 'Legacy'/);
      assert.deepEqual(api.state.snapshot(ACCT, W), snapshot);
      assert.deepEqual(api.uploads()[0]?.metadata?.migrations, {
        old_tag: "v1",
        new_tag: "v2",
        steps: [{ deleted_classes: ["Legacy"] }],
      });
    });

    it("plan: shows the plan and changes nothing", async () => {
      api.clearRequests();
      const r = await run(p, { phase: "plan" });
      assert.equal(r.ok, true);
      assert.equal(r.outcome, "planned");
      assert.equal(r.phase, "none");
      assert.equal(r.nextPhase, "1");
      assert.equal(r.migrationTag, "v1");
      assert.deepEqual(r.deletedClasses, [{ worker: W, env: null, class: "Legacy" }]);
      assert.match(r.markdown, /\| Destroys \(all objects and storage\) \| \*\*`Legacy`\*\* \|/);
      assert.match(r.markdown, /story: LEGACY -> Legacy/);
      assert.deepEqual(api.uploads(), []);
      assert.ok(api.requests.every((r) => r.method === "GET"));
    });

    it("phase 2 before phase 1 refuses and deploys nothing", async () => {
      api.clearRequests();
      const before = deploys;
      const r = await run(p, { phase: "2", confirmDataLoss: ["Legacy"] });
      assert.equal(r.ok, false);
      assert.equal(r.outcome, "refused");
      assert.match(r.message ?? "", /Phase 1 has not landed: story still binds LEGACY \(Legacy\) live/);
      assert.match(r.message ?? "", /Run phase 1 first/);
      assert.deepEqual(api.uploads(), []);
      assert.equal(deploys, before, "wrangler never ran");
    });

    it("phase 1 removes the binding and holds the delete back", async () => {
      api.clearRequests();
      const r = await run(p, { phase: "1" });
      assert.equal(r.ok, true, r.message ?? "");
      assert.equal(r.phase, "1");
      assert.equal(r.nextPhase, "2");
      assert.equal(r.migrationTag, "v1");
      assert.deepEqual(r.standIns, []);
      assert.deepEqual(liveBindings(W), ["Counter"]);
      assert.equal(namespaceState(W, "Legacy"), "live");
      assert.deepEqual(api.state.liveClasses(ACCT, W), ["Counter", "Legacy"]);
      assert.equal(api.state.worker(ACCT, W)?.migrationTag, "v1");
      const [upload] = api.uploads();
      assert.equal(upload?.metadata?.migrations, undefined, "no migration step in phase 1");
      // no migration to send: wrangler uses the versions API, then a 100% deployment
      assert.deepEqual(
        api.requests
          .filter((r) => r.method !== "GET")
          .map((r) => `${r.method} ${r.route.split("/").slice(5).join("/")}`),
        [`POST ${W}/versions`, `POST ${W}/deployments`, `PATCH ${W}/script-settings`, `POST ${W}/subdomain`],
      );
      assert.match(r.markdown, /set `confirm-data-loss` to exactly: `Legacy`/);
    });

    it("phase 2 without, or with a wrong, confirmation refuses and deploys nothing", async () => {
      for (const confirmDataLoss of [[], ["Counter"], ["Legacy", "Counter"], ["legacy"]]) {
        api.clearRequests();
        const r = await run(p, { phase: confirmDataLoss.length ? "2" : "auto", confirmDataLoss });
        assert.equal(r.ok, false);
        assert.equal(r.outcome, "refused");
        assert.match(r.message ?? "", /confirm-data-loss set to exactly: Legacy$/);
        assert.deepEqual(api.uploads(), [], `no upload for ${JSON.stringify(confirmDataLoss)}`);
      }
      assert.equal(namespaceState(W, "Legacy"), "live");
    });

    it("phase 2 with the exact confirmation deletes the class (wrangler retries a 500 on the upload)", async () => {
      api.clearRequests();
      api.failNext(new RegExp(`/workers/scripts/${W}$`), { method: "PUT", status: 500 });
      const r = await run(p, { phase: "2", confirmDataLoss: [" Legacy "] });
      assert.equal(r.ok, true, r.message ?? "");
      assert.deepEqual(
        api.uploads().map((u) => u.status),
        [500, 200],
        "wrangler retried the failed upload",
      );
      assert.equal(r.phase, "2");
      assert.equal(r.nextPhase, "none");
      assert.equal(r.migrationTag, "v2");
      assert.deepEqual(r.deletedClasses, [{ worker: W, env: null, class: "Legacy" }]);
      assert.equal(namespaceState(W, "Legacy"), "deleted");
      assert.deepEqual(api.state.liveClasses(ACCT, W), ["Counter"]);
      assert.match(r.text, /Phase 2 deployed: Legacy was deleted/, "what the CLI prints");
      assert.deepEqual(api.uploads().at(-1)?.metadata?.migrations, {
        old_tag: "v1",
        new_tag: "v2",
        steps: [{ deleted_classes: ["Legacy"] }],
      });
    });

    it("phase 2 again: already applied, nothing deployed", async () => {
      api.clearRequests();
      const r = await run(p, { phase: "2", confirmDataLoss: ["Legacy"] });
      assert.equal(r.ok, true);
      assert.equal(r.outcome, "skipped");
      assert.match(r.report?.headline ?? "", /already applied/);
      assert.deepEqual(api.uploads(), []);
    });

    it("auto with nothing pending does a normal deploy", async () => {
      api.clearRequests();
      const r = await run(p);
      assert.equal(r.ok, true, r.message ?? "");
      assert.equal(r.outcome, "deployed");
      assert.equal(r.deployed, "normal");
      assert.equal(r.phase, "none");
      assert.equal(r.nextPhase, "none");
      assert.equal(r.migrationTag, "v2");
      assert.equal(api.uploads().length, 1);
    });
  });

  describe("a class already removed from the code (TOML), a 5xx in the middle of phase 1, then re-runs", () => {
    let p: WorkerProject;
    const W = "toml-gone";
    const toml = `# the Worker
name = "${W}"
main = "src/index.js"
compatibility_date = "2025-01-01"

[[durable_objects.bindings]]
name = "COUNTER"
class_name = "Counter"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Counter", "Legacy"]

[[migrations]]
tag = "v2"
deleted_classes = ["Legacy"] # goes in phase 2
`;

    it("phase 1 fails on a 5xx (every retry) and leaves the live state as it was", async () => {
      seed(W, ["Counter", "Legacy"]);
      p = await project({ "src/index.js": workerSource(["Counter"]) }, toml, "wrangler.toml");
      const snapshot = api.state.snapshot(ACCT, W);
      api.clearRequests();
      api.failNext(`/workers/scripts/${W}/versions`, { method: "POST", status: 500, times: 5 });
      const r = await run(p);
      api.clearFaults();
      assert.equal(r.ok, false);
      assert.equal(r.outcome, "failed");
      assert.equal(r.phase, "none");
      assert.equal(r.nextPhase, "1");
      assert.match(r.report?.headline ?? "", /^Phase 1 failed/);
      assert.match(r.message ?? "", /re-run/i);
      assert.deepEqual(api.state.snapshot(ACCT, W), snapshot);
    });

    it("the re-run deploys phase 1 with a stand-in export for the class the code dropped", async () => {
      api.clearRequests();
      const r = await run(p);
      assert.equal(r.ok, true, r.message ?? "");
      assert.equal(r.phase, "1");
      assert.deepEqual(r.standIns, ["Legacy"]);
      assert.match(r.markdown, /Phase 1 supplied a minimal stand-in export for `Legacy`/);
      assert.match(r.text, /stand-in export supplied for Legacy/);
      const upload = api.uploads().at(-1);
      assert.ok(upload?.exportedClasses?.includes("Legacy"), "the uploaded code exports Legacy");
      assert.ok(upload?.exportedClasses?.includes("Counter"));
      assert.deepEqual(liveBindings(W), ["Counter"]);
      assert.equal(namespaceState(W, "Legacy"), "live");
      assert.equal(await readFile(p.configPath, "utf8"), toml, "the original config is untouched");
    });

    it("phase 2 then deletes the class the code no longer has", async () => {
      const r = await run(p, { confirmDataLoss: ["Legacy"] });
      assert.equal(r.ok, true, r.message ?? "");
      assert.equal(r.phase, "2");
      assert.equal(r.migrationTag, "v2");
      assert.equal(namespaceState(W, "Legacy"), "deleted");
    });
  });

  describe("wrangler killed in the middle of each phase, then re-runs", () => {
    let p: WorkerProject;
    const W = "killed";

    it("phase 1 killed during its upload: not landed; the re-run deploys phase 1", async () => {
      seed(W, ["Counter", "Legacy"]);
      p = await project(
        { "src/index.js": workerSource(["Counter", "Legacy"]) },
        config(W, ["Counter"], [V1, V2_DELETE]),
      );
      let killed = 0;
      api.beforeNextUpload(() => {
        killed = killWrangler(p.dir);
      });
      const r = await run(p);
      assert.equal(killed, 1);
      assert.equal(r.ok, false);
      assert.equal(r.outcome, "failed");
      assert.equal(r.nextPhase, "1", "the version was uploaded but never deployed");
      assert.deepEqual(liveBindings(W).sort(), ["Counter", "Legacy"]);

      const again = await run(p);
      assert.equal(again.ok, true, again.message ?? "");
      assert.equal(again.phase, "1");
      assert.deepEqual(liveBindings(W), ["Counter"]);
    });

    it("phase 2 killed after its upload landed: the re-run sees it applied", async () => {
      let killed = 0;
      api.beforeNextUpload(() => {
        killed = killWrangler(p.dir);
      });
      const r = await run(p, { confirmDataLoss: ["Legacy"] });
      assert.equal(killed, 1);
      assert.equal(r.ok, false, "wrangler did not report a finished deploy");
      assert.match(
        r.report?.headline ?? "",
        /^Phase 2 did not finish: wrangler stopped without reporting a deploy/,
      );
      assert.equal(r.migrationTag, "v2", "the upload itself landed");
      assert.equal(r.nextPhase, "none");
      assert.equal(namespaceState(W, "Legacy"), "deleted");

      const again = await run(p, { phase: "2", confirmDataLoss: ["Legacy"] });
      assert.equal(again.ok, true);
      assert.equal(again.outcome, "skipped");
    });
  });

  it("an env with its own migrations: phase 1 then phase 2 on that env's Worker only", async () => {
    const W = "envs-staging";
    api.state.seedWorker(ACCT, W, {
      migrationTag: "s1",
      classes: { Counter: "sqlite", Legacy: "sqlite" },
      bindings: [
        { name: "COUNTER", className: "Counter" },
        { name: "LEGACY", className: "Legacy" },
      ],
    });
    const p = await project(
      { "src/index.js": workerSource(["Counter", "Legacy", "Top"]) },
      config("envs", ["Top"], [{ tag: "t1", new_sqlite_classes: ["Top"] }], {
        env: {
          staging: {
            durable_objects: { bindings: [{ name: "COUNTER", class_name: "Counter" }] },
            migrations: [
              { tag: "s1", new_sqlite_classes: ["Counter", "Legacy"] },
              { tag: "s2", deleted_classes: ["Legacy"] },
            ],
          },
        },
      }),
    );
    // --env is passed explicitly (CLOUDFLARE_ENV in the environment is not read): only the env's Worker
    const onlyTheEnv = () =>
      assert.ok(api.requests.every((r) => r.route.includes(W) || !r.route.includes("/scripts/envs")));
    api.clearRequests();
    const first = await run(p, { environment: "staging" });
    assert.equal(first.ok, true, first.message ?? "");
    onlyTheEnv();
    assert.equal(first.phase, "1");
    assert.deepEqual(first.deletedClasses, [{ worker: W, env: "staging", class: "Legacy" }]);
    assert.deepEqual(liveBindings(W), ["Counter"]);

    api.clearRequests();
    const second = await run(p, { environment: "staging", confirmDataLoss: ["Legacy"] });
    assert.equal(second.ok, true, second.message ?? "");
    assert.equal(second.phase, "2");
    assert.equal(second.migrationTag, "s2");
    assert.deepEqual(api.uploads()[0]?.metadata?.migrations, {
      old_tag: "s1",
      new_tag: "s2",
      steps: [{ deleted_classes: ["Legacy"] }],
    });
    assert.equal(namespaceState(W, "Legacy"), "deleted");
    assert.equal(api.state.worker(ACCT, "envs"), undefined, "the top-level Worker was never deployed");
    onlyTheEnv();

    const unknown = await run(p, { environment: "prod", phase: "plan" });
    assert.equal(unknown.ok, false);
    assert.match(unknown.message ?? "", /no environment "prod" \(it has: staging\)/);
  });

  it("the exports model: no phase 1; one confirmed deploy with the tombstone, the class gone from the code and its binding", async () => {
    const W = "exported";
    const created = { type: "durable-object", storage: "sqlite" };
    api.state.seedWorker(ACCT, W, {
      classes: { Counter: "sqlite", Legacy: "sqlite" },
      bindings: [
        { name: "COUNTER", className: "Counter" },
        { name: "LEGACY", className: "Legacy" },
      ],
      exports: { Counter: created, Legacy: created },
    });
    const config = () => ({
      name: W,
      main: "src/index.js",
      compatibility_date: "2025-01-01",
      durable_objects: { bindings: [{ name: "COUNTER", class_name: "Counter" }] },
      exports: { Counter: created, Legacy: { type: "durable-object", state: "deleted" } },
    });
    // The class still in the code: refused before any upload (the server would refuse the
    // tombstone, tombstone_delete_class_still_in_code).
    const inCode = await project({ "src/index.js": workerSource(["Counter", "Legacy"]) }, config());
    api.clearRequests();
    const refusedInCode = await run(inCode, { confirmDataLoss: ["Legacy"] });
    assert.equal(refusedInCode.ok, false);
    assert.match(refusedInCode.message ?? "", /tombstone_delete_class_still_in_code/);
    assert.deepEqual(api.uploads(), []);

    const p = await project({ "src/index.js": workerSource(["Counter"]) }, config());
    const plan = await run(p, { phase: "plan" });
    assert.equal(plan.nextPhase, "2", "no phase 1 with exports: the own binding goes with the tombstone");
    const phase1 = await run(p, { phase: "1" });
    assert.equal(phase1.ok, false);
    assert.match(phase1.message ?? "", /has no phase 1/);
    api.clearRequests();
    const unconfirmed = await run(p);
    assert.equal(unconfirmed.ok, false);
    assert.deepEqual(api.uploads(), []);

    const one = await run(p, { confirmDataLoss: ["Legacy"] });
    assert.equal(one.ok, true, one.message ?? "");
    assert.equal(one.phase, "2");
    assert.deepEqual(one.standIns, []);
    assert.equal(api.uploads().length, 1, "one deploy");
    assert.deepEqual(api.uploads()[0]?.metadata?.exports, {
      Counter: created,
      Legacy: { type: "durable-object", state: "deleted" },
    });
    assert.equal(namespaceState(W, "Legacy"), "deleted");
    assert.deepEqual(liveBindings(W), ["Counter"]);
    assert.match(one.text, /The "deleted" tombstone of Legacy has applied: it may be removed from `exports`/);

    const after = await run(p, { phase: "plan" });
    assert.equal(after.nextPhase, "none");
    assert.deepEqual(after.deletedClasses, []);
  });

  it("a Worker live on exports (read from its version detail) is never deployed with migrations again (100403)", async () => {
    const W = "moved-on";
    api.state.seedWorker(ACCT, W, {
      classes: { Counter: "sqlite" },
      bindings: [{ name: "COUNTER", className: "Counter" }],
      exports: { Counter: { type: "durable-object", storage: "sqlite" } },
    });
    const p = await project(
      { "src/index.js": workerSource(["Counter"]) },
      config(W, ["Counter"], [{ tag: "v1", new_sqlite_classes: ["Counter"] }]),
    );
    api.clearRequests();
    const refused = await run(p);
    assert.equal(refused.ok, false);
    assert.match(refused.message ?? "", /deployed with `exports`.*100403/);
    assert.deepEqual(api.uploads(), []);
    assert.ok(
      api.requests.some((r) => /\/versions\/[^/]+$/.test(r.route)),
      "read the version detail",
    );
  });

  it("another Worker in the repository still binds the class: phase 2 refused until it is unbound", async () => {
    const W = "owner";
    seed(W, ["Counter"]);
    api.state.seedWorker(ACCT, "consumer", {
      bindings: [{ name: "REMOTE", className: "Legacy", scriptName: W }],
      exportedClasses: ["default"],
    });
    const p = await project(
      {
        "src/index.js": workerSource(["Counter", "Legacy"]),
        "consumer/src/index.js": workerSource([]),
        "consumer/wrangler.jsonc": JSON.stringify(
          config("consumer", [], null, {
            durable_objects: { bindings: [{ name: "REMOTE", class_name: "Legacy", script_name: W }] },
          }),
        ),
      },
      config(W, ["Counter"], [V1, V2_DELETE]),
    );
    const plan = await run(p, { phase: "plan" });
    assert.equal(plan.nextPhase, "2");
    assert.match(plan.text, /Worker consumer still binds Legacy of owner \(binding REMOTE\)/);

    api.clearRequests();
    const refused = await run(p, { phase: "2", confirmDataLoss: ["Legacy"] });
    assert.equal(refused.ok, false);
    assert.equal(refused.outcome, "refused");
    assert.match(refused.message ?? "", /Deploy consumer without binding REMOTE first/);
    assert.deepEqual(api.uploads(), []);

    // the consumer drops the binding and deploys (a Worker without Durable Objects: a normal deploy)
    await p.writeFile("consumer/wrangler.jsonc", JSON.stringify(config("consumer", [], null)));
    const consumer = await run(join(p.dir, "consumer"));
    assert.equal(consumer.ok, true, consumer.message ?? "");
    assert.equal(consumer.deployed, "normal");
    assert.deepEqual(liveBindings("consumer"), []);

    const done = await run(p, { phase: "2", confirmDataLoss: ["Legacy"] });
    assert.equal(done.ok, true, done.message ?? "");
    assert.equal(done.phase, "2");
    assert.equal(namespaceState(W, "Legacy"), "deleted");
  });

  it("a concurrent deploy (10079) aborts cleanly and says to re-run", async () => {
    const W = "race";
    seed(W, ["Counter"]);
    const p = await project(
      { "src/index.js": workerSource(["Counter", "Legacy"]) },
      config(W, ["Counter"], [V1, V2_DELETE]),
    );
    api.simulateConcurrentDeploy(ACCT, W, "v1-from-another-branch");
    const r = await run(p, { confirmDataLoss: ["Legacy"] });
    assert.equal(r.ok, false);
    assert.equal(r.outcome, "failed");
    assert.match(r.report?.headline ?? "", /someone else deployed race at the same time/);
    assert.match(r.message ?? "", /code 10079.*This run changed nothing\. Re-run/);
    assert.deepEqual(lastDeploy?.error, {
      code: 10079,
      message: "Migration tag precondition failed; current tag is v1-from-another-branch",
    });
    assert.equal(r.migrationTag, "v1-from-another-branch");
    assert.equal(namespaceState(W, "Legacy"), "live");
    assert.deepEqual(api.state.liveClasses(ACCT, W), ["Counter", "Legacy"]);
  });

  it("refuses a mixed step before running wrangler", async () => {
    const W = "mixed";
    seed(W, ["Counter", "Legacy"]);
    const p = await project(
      { "src/index.js": workerSource(["Counter", "Legacy", "Other"]) },
      config(W, ["Counter"], [V1, { tag: "v2", deleted_classes: ["Legacy"], new_sqlite_classes: ["Other"] }]),
    );
    const before = deploys;
    const r = await run(p);
    assert.equal(r.ok, false);
    assert.match(r.message ?? "", /Move the deletes into a migration of their own/);
    assert.equal(deploys, before);
  });

  it("never lets the token reach the output, logs, API recordings or files", async () => {
    assert.ok(seen.length > 20);
    for (const text of seen) assert.ok(!text.includes(TOKEN));
    assert.ok(!JSON.stringify(api.requests).includes(TOKEN));
    for (const p of projects) {
      for (const file of await filesUnder(p.dir))
        assert.ok(!(await readFile(file, "utf8")).includes(TOKEN), file);
    }
    for (const file of await filesUnder(home))
      assert.ok(!(await readFile(file, "utf8")).includes(TOKEN), file);
  });

  it("reports the deploy count and time", (t) => {
    const sorted = [...deployDurations].sort((a, b) => a - b);
    t.diagnostic(
      `${deploys} real wrangler deploys; median ${Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0)} ms`,
    );
    assert.ok(deploys <= 30);
  });
});

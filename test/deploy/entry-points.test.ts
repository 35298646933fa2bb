/**
 * The two-phase deploy through the bundled entry points (run `npm run build` first):
 * `node dist/cli.js deploy ...` and the action `dist/index.js` with `mode: deploy`, each with the
 * REAL wrangler against the local Cloudflare API stand-in. Loopback only. One Worker goes through
 * both: the CLI plans it and deploys phase 1, the action plans what is left and deploys phase 2
 * (the story itself, every step and refusal, is test/deploy/two-phase.test.ts).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { type CloudflareApi, startCloudflareApi } from "../support/cloudflare-api.ts";
import {
  actionInputDefaults,
  inputVariable,
  parseOutputFile,
  parseWorkflowCommands,
} from "../support/run-action.ts";
import {
  COMPILE_CACHE,
  createWorkerProject,
  NODE_BIN,
  REPO_ROOT,
  type WorkerProject,
  WRANGLER_BIN,
  workerSource,
} from "../support/wrangler.ts";

const ACCT = "acct-entry-points";
const TOKEN = "entry-points-secret-token-e81f0b";
const CLI = join(REPO_ROOT, "dist/cli.js");
const ACTION = join(REPO_ROOT, "dist/index.js");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runNode(args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE_BIN, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("two-phase deploy through dist/", { skip: !existsSync(CLI) && "run npm run build first" }, () => {
  let api: CloudflareApi;
  let home: string;
  const projects: WorkerProject[] = [];
  const seen: string[] = [];

  before(async () => {
    api = await startCloudflareApi({ token: TOKEN });
    home = await mkdtemp(join(tmpdir(), "entry-points-home-"));
  });
  after(async () => {
    await api.close();
    for (const p of projects) await p.cleanup();
    await rm(home, { recursive: true, force: true });
  });

  function env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      PATH: "/usr/local/bin:/usr/bin:/bin",
      HOME: home,
      XDG_CONFIG_HOME: join(home, ".config"),
      CI: "true",
      WRANGLER_SEND_METRICS: "false",
      WRANGLER_HIDE_BANNER: "true",
      NODE_COMPILE_CACHE: COMPILE_CACHE,
      NO_COLOR: "1",
      CLOUDFLARE_API_BASE_URL: api.apiBaseUrl,
      ...extra,
    };
  }

  /** A Worker project with the repository's wrangler linked in, as an installed devDependency. */
  async function workerProject(name: string): Promise<WorkerProject> {
    api.state.seedWorker(ACCT, name, {
      migrationTag: "v1",
      classes: { Counter: "sqlite", Legacy: "sqlite" },
      bindings: [
        { name: "COUNTER", className: "Counter" },
        { name: "LEGACY", className: "Legacy" },
      ],
    });
    const p = await createWorkerProject({
      config: {
        name,
        main: "src/index.js",
        compatibility_date: "2025-01-01",
        durable_objects: { bindings: [{ name: "COUNTER", class_name: "Counter" }] },
        migrations: [
          { tag: "v1", new_sqlite_classes: ["Counter", "Legacy"] },
          { tag: "v2", deleted_classes: ["Legacy"] },
        ],
      },
      files: { "src/index.js": workerSource(["Counter", "Legacy"]) },
    });
    projects.push(p);
    await mkdir(join(p.dir, "node_modules/.bin"), { recursive: true });
    await symlink(WRANGLER_BIN, join(p.dir, "node_modules/.bin/wrangler"));
    return p;
  }

  /** The Worker both entry points deploy: the CLI's phase 1, then the action's phase 2. */
  let p: WorkerProject;

  describe("CLI: do-migrate deploy", () => {
    const cli = async (args: string[], extra: Record<string, string> = {}) => {
      const result = await runNode([CLI, "deploy", ...args], p.dir, env(extra));
      seen.push(result.stdout, result.stderr);
      return result;
    };
    const withToken = { CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_ACCOUNT_ID: ACCT };

    it("usage errors exit 2: a bad phase, a token flag, no token", async () => {
      p = await workerProject("entry-w");
      const badPhase = await cli(["--phase", "3"], withToken);
      assert.equal(badPhase.code, 2);
      assert.match(badPhase.stderr, /--phase must be one of auto, plan, 1, 2/);
      const tokenFlag = await cli(["--api-token", "x"], withToken);
      assert.equal(tokenFlag.code, 2);
      assert.match(tokenFlag.stderr, /Unknown option '--api-token'/);
      const noToken = await cli(["--phase", "plan"]);
      assert.equal(noToken.code, 2);
      assert.match(noToken.stderr, /CLOUDFLARE_API_TOKEN/);
    });

    it("plan exits 0; phase 2 before phase 1 exits 1 and uploads nothing", async () => {
      const plan = await cli(["--phase", "plan"], withToken);
      assert.equal(plan.code, 0, plan.stderr);
      assert.match(plan.stdout, /destroys: {11}Legacy/);
      assert.match(plan.stdout, /next: {15}phase 1/);
      api.clearRequests();
      const early = await cli(["--phase", "2", "--confirm-data-loss", "Legacy"], withToken);
      assert.equal(early.code, 1);
      assert.match(early.stdout, /Phase 1 has not landed/);
      assert.deepEqual(api.uploads(), []);
    });

    it("phase 1 (account id as a flag)", async () => {
      const one = await cli(["--account-id", ACCT], { CLOUDFLARE_API_TOKEN: TOKEN });
      assert.equal(one.code, 0, one.stderr);
      assert.match(one.stdout, /Phase 1 deployed/);
      assert.deepEqual(
        api.state.liveBindings(ACCT, "entry-w").map((b) => b.className),
        ["Counter"],
      );
    });
  });

  it("SIGTERM to the process group during phase 1 (a cancelled job) still removes the temporary files", async () => {
    const p = await workerProject("sig-w");
    api.clearRequests();
    api.hangNext("/workers/scripts/sig-w/versions", { method: "POST", ms: 30_000 });
    const child = spawn(NODE_BIN, [CLI, "deploy"], {
      cwd: p.dir,
      env: env({ CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_ACCOUNT_ID: ACCT }),
      detached: true,
      stdio: ["ignore", "ignore", "ignore"],
    });
    const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on("close", (code, signal) => resolve([code, signal])),
    );
    const deadline = Date.now() + 60_000;
    while (!api.requests.some((r) => r.fault === "hang")) {
      assert.ok(Date.now() < deadline, "the phase-1 upload never arrived");
      await new Promise((r) => setTimeout(r, 100));
    }
    const during = (await readdir(p.dir)).filter((f) => f.startsWith(".do-migrate-phase1."));
    assert.equal(during.length, 1, "the derived config exists while wrangler runs");
    process.kill(-(child.pid as number), "SIGTERM");
    const [, signal] = await closed;
    api.clearFaults();
    assert.equal(signal, "SIGTERM");
    assert.deepEqual(
      (await readdir(p.dir)).filter((f) => f.startsWith(".do-migrate-phase1.")),
      [],
    );
    assert.deepEqual(
      api.state
        .liveBindings(ACCT, "sig-w")
        .map((b) => b.className)
        .sort(),
      ["Counter", "Legacy"],
    );
  });

  describe("action: mode deploy", () => {
    async function action(inputs: Record<string, string>) {
      const runner = await mkdtemp(join(tmpdir(), "entry-points-runner-"));
      try {
        const output = join(runner, "output");
        const summary = join(runner, "summary");
        await writeFile(output, "");
        await writeFile(summary, "");
        const vars = env({
          GITHUB_ACTIONS: "true",
          GITHUB_WORKSPACE: p.dir,
          GITHUB_OUTPUT: output,
          GITHUB_STEP_SUMMARY: summary,
          RUNNER_TEMP: runner,
        });
        const given = {
          mode: "deploy",
          "cloudflare-api-token": TOKEN,
          "cloudflare-account-id": ACCT,
          ...inputs,
        };
        for (const [name, fallback] of actionInputDefaults()) {
          vars[inputVariable(name)] =
            given[name as keyof typeof given] ?? (fallback.includes("${{") ? "" : fallback);
        }
        const run = await runNode([ACTION], p.dir, vars);
        const outputs = parseOutputFile(await readFile(output, "utf8"));
        const summaryText = await readFile(summary, "utf8");
        seen.push(summaryText, JSON.stringify(outputs));
        // The runner needs the token once, to mask it: `::add-mask::` is the only place it may be.
        const unmasked = run.stdout
          .split("\n")
          .filter((line) => !line.startsWith("::add-mask::"))
          .join("\n");
        seen.push(unmasked, run.stderr);
        return { ...run, outputs, summary: summaryText, commands: parseWorkflowCommands(run.stdout) };
      } finally {
        await rm(runner, { recursive: true, force: true });
      }
    }

    it("plan: outputs and the job summary, nothing deployed", async () => {
      api.clearRequests();
      const run = await action({ phase: "plan" });
      assert.equal(run.code, 0, run.stdout);
      assert.equal(run.outputs.phase, "none");
      assert.equal(run.outputs["next-phase"], "2");
      assert.equal(run.outputs["migration-tag"], "v1");
      assert.deepEqual(JSON.parse(run.outputs["deleted-classes"] ?? ""), [
        { worker: "entry-w", env: null, class: "Legacy" },
      ]);
      assert.match(run.summary, /### Durable Object deploy: `entry-w` \(top level\)/);
      assert.match(run.summary, /set `confirm-data-loss` to exactly: `Legacy`/);
      assert.deepEqual(api.uploads(), []);
      assert.ok(run.commands.some((c) => c.command === "add-mask"));
    });

    it("phase 2 without confirmation fails the step with what to type; with it, Legacy is deleted", async () => {
      api.clearRequests();
      const refused = await action({ phase: "2" });
      assert.equal(refused.code, 1);
      const failure = refused.commands.find((c) => c.command === "error")?.message ?? "";
      assert.match(failure, /confirm-data-loss set to exactly: Legacy/);
      assert.equal(refused.outputs.phase, "none");
      assert.equal(refused.outputs["next-phase"], "2");
      assert.deepEqual(api.uploads(), []);

      const two = await action({ "confirm-data-loss": "Legacy" });
      assert.equal(two.code, 0, two.stdout);
      assert.equal(two.outputs.phase, "2");
      assert.equal(two.outputs["next-phase"], "none");
      assert.equal(two.outputs["migration-tag"], "v2");
      assert.equal(api.state.worker(ACCT, "entry-w")?.migrationTag, "v2");
    });
  });

  it("the token appears nowhere but in the mask command", () => {
    assert.ok(seen.length > 10);
    for (const text of seen) assert.ok(!text.includes(TOKEN));
    assert.ok(!JSON.stringify(api.requests).includes(TOKEN));
  });
});

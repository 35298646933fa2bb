/**
 * A monorepo release through the bundled entry points (run `npm run build` first): three Workers
 * (an owner of Durable Object classes, a consumer that binds them through `script_name`, an
 * independent API Worker) released by `node dist/cli.js deploy --all` and the action
 * `dist/index.js`, each Worker deployed by the REAL wrangler against the local Cloudflare API
 * stand-in. The order is read from the stand-in's request log. Loopback only.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { type CloudflareApi, startCloudflareApi } from "../support/cloudflare-api.ts";
import {
  actionInputDefaults,
  inputVariable,
  parseOutputFile,
  parseWorkflowCommands,
  spawnCollect,
} from "../support/run-action.ts";
import { COMPILE_CACHE, NODE_BIN, REPO_ROOT, WRANGLER_BIN, workerSource } from "../support/wrangler.ts";

const ACCT = "acct-release";
const TOKEN = "release-secret-token-5d02c9ab";
const CLI = join(REPO_ROOT, "dist/cli.js");
const ACTION = join(REPO_ROOT, "dist/index.js");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function runNode(args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  const run = await spawnCollect(NODE_BIN, args, { cwd, env }, 180_000);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function config(name: string, bindings: object[], migrations: object[] | null): string {
  return `${JSON.stringify(
    {
      name,
      main: "src/index.js",
      compatibility_date: "2025-01-01",
      ...(bindings.length ? { durable_objects: { bindings } } : {}),
      ...(migrations ? { migrations } : {}),
    },
    null,
    2,
  )}\n`;
}

/** The Worker each upload of the request log went to, in order. */
function uploadOrder(api: CloudflareApi): string[] {
  return api.uploads().map((r) => /\/workers\/scripts\/([^/]+)/.exec(r.route)?.[1] ?? "?");
}

describe("monorepo release through dist/", { skip: !existsSync(CLI) && "run npm run build first" }, () => {
  let api: CloudflareApi;
  let home: string;
  let repo: string;
  const seen: string[] = [];

  const write = async (path: string, text: string) => {
    await mkdir(dirname(join(repo, path)), { recursive: true });
    await writeFile(join(repo, path), text);
  };

  before(async () => {
    api = await startCloudflareApi({ token: TOKEN });
    home = await mkdtemp(join(tmpdir(), "release-home-"));
    repo = await mkdtemp(join(tmpdir(), "release-repo-"));
    // The live state before the release: the owner has Room (with objects) and Legacy, and binds
    // both; the consumer binds the owner's Legacy; the API Worker was never deployed.
    api.state.seedWorker(ACCT, "owner", {
      migrationTag: "v1",
      classes: { Room: "sqlite", Legacy: "sqlite" },
      bindings: [
        { name: "ROOM", className: "Room" },
        { name: "LEGACY", className: "Legacy" },
      ],
    });
    api.state.setObjects(ACCT, "owner", "Room", 25);
    api.state.setObjects(ACCT, "owner", "Legacy", 3);
    api.state.seedWorker(ACCT, "consumer", {
      bindings: [{ name: "OLD", className: "Legacy", scriptName: "owner" }],
      exportedClasses: ["default"],
    });
    // The release: the owner creates Lobby and deletes Legacy; the consumer moves from the
    // owner's Legacy to its new Lobby; the API Worker deploys for the first time with its own class.
    await write(
      "apps/owner/wrangler.jsonc",
      config(
        "owner",
        [
          { name: "ROOM", class_name: "Room" },
          { name: "LOBBY", class_name: "Lobby" },
        ],
        [
          { tag: "v1", new_sqlite_classes: ["Room", "Legacy"] },
          { tag: "v2", new_sqlite_classes: ["Lobby"] },
          { tag: "v3", deleted_classes: ["Legacy"] },
        ],
      ),
    );
    await write("apps/owner/src/index.js", workerSource(["Room", "Lobby"]));
    await write(
      "apps/consumer/wrangler.jsonc",
      config("consumer", [{ name: "LOBBY", class_name: "Lobby", script_name: "owner" }], null),
    );
    await write("apps/consumer/src/index.js", workerSource([]));
    await write(
      "apps/api/wrangler.jsonc",
      config("api", [{ name: "CACHE", class_name: "Cache" }], [{ tag: "c1", new_sqlite_classes: ["Cache"] }]),
    );
    // The API's code does not export Cache yet: the first release is refused by the preflight.
    await write("apps/api/src/index.js", workerSource([]));
    await mkdir(join(repo, "node_modules/.bin"), { recursive: true });
    await symlink(WRANGLER_BIN, join(repo, "node_modules/.bin/wrangler"));
  });
  after(async () => {
    await api.close();
    await rm(repo, { recursive: true, force: true });
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

  async function cli(args: string[]): Promise<Run> {
    const result = await runNode(
      [CLI, "deploy", ...args],
      repo,
      env({ CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_ACCOUNT_ID: ACCT }),
    );
    seen.push(result.stdout, result.stderr);
    return result;
  }

  async function action(inputs: Record<string, string>) {
    const runner = await mkdtemp(join(tmpdir(), "release-runner-"));
    try {
      const output = join(runner, "output");
      const summary = join(runner, "summary");
      await writeFile(output, "");
      await writeFile(summary, "");
      const vars = env({
        GITHUB_ACTIONS: "true",
        GITHUB_EVENT_NAME: "workflow_dispatch",
        GITHUB_WORKSPACE: repo,
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
        RUNNER_TEMP: runner,
      });
      const given: Record<string, string> = {
        mode: "deploy",
        "cloudflare-api-token": TOKEN,
        "cloudflare-account-id": ACCT,
        ...inputs,
      };
      for (const [name, fallback] of actionInputDefaults()) {
        vars[inputVariable(name)] = given[name] ?? (fallback.includes("${{") ? "" : fallback);
      }
      const run = await runNode([ACTION], repo, vars);
      const outputs = parseOutputFile(await readFile(output, "utf8"));
      const summaryText = await readFile(summary, "utf8");
      seen.push(summaryText, JSON.stringify(outputs), run.stderr);
      seen.push(
        run.stdout
          .split("\n")
          .filter((l) => !l.startsWith("::add-mask::"))
          .join("\n"),
      );
      return { ...run, outputs, summary: summaryText, commands: parseWorkflowCommands(run.stdout) };
    } finally {
      await rm(runner, { recursive: true, force: true });
    }
  }

  const namespace = (worker: string, className: string) =>
    api.state.worker(ACCT, worker)?.namespaces.find((n) => n.className === className);
  const liveBindings = (worker: string) =>
    api.state
      .liveBindings(ACCT, worker)
      .map((b) => `${b.scriptName ? `${b.scriptName}:` : ""}${b.className}`)
      .sort();

  let roomId = "";

  it("a preflight failure (a class the code does not export) deploys nothing, and the summary lists the blocker with its fix", async () => {
    roomId = namespace("owner", "Room")?.id ?? "";
    api.clearRequests();
    const run = await action({ "working-directory": "." });
    assert.equal(run.code, 1, run.stdout);
    assert.deepEqual(api.uploads(), [], "nothing uploaded");
    assert.ok(
      api.requests.every((r) => r.method === "GET"),
      "only reads",
    );
    assert.match(run.summary, /### Durable Object release: 3 Workers/);
    assert.match(run.summary, /Preflight refused the release: nothing was deployed/);
    assert.match(run.summary, /api's config creates Cache but its code does not export it.*10070/);
    assert.match(run.summary, /\*\*Fix:\*\* Export class Cache/);
    const workers = JSON.parse(run.outputs.workers ?? "[]") as { worker: string; status: string }[];
    assert.deepEqual(Object.fromEntries(workers.map((w) => [w.worker, w.status])), {
      api: "blocked",
      owner: "not-started",
      consumer: "not-started",
    });
    const failure = run.commands.find((c) => c.command === "error")?.message ?? "";
    assert.match(failure, /api: api's config creates Cache/);
  });

  it("plan: the order and what each Worker runs, nothing deployed", async (t) => {
    await write("apps/api/src/index.js", workerSource(["Cache"]));
    api.clearRequests();
    const run = await cli(["--all", "--phase", "plan"]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(api.uploads(), []);
    assert.match(run.stdout, /In order, this release deploys: api, owner, consumer/);
    assert.match(run.stdout, /order: owner creates Lobby, which consumer starts binding \(LOBBY\)/);
    assert.match(run.stdout, /owner \[apps\/owner\/wrangler.jsonc\]: planned, phase 1/);
    // One read of the account for the three Workers.
    const requests = Number(
      /Live state: 1 account read, (\d+) Cloudflare API requests/.exec(run.stdout)?.[1],
    );
    assert.ok(requests > 0 && requests === api.requests.length, `${requests} vs ${api.requests.length}`);
    t.diagnostic(`release plan of 3 Workers: ${requests} Cloudflare API requests`);
  });

  it("a fault on the consumer's upload: the owner and the API deployed, in order, and the consumer failed", async () => {
    api.clearRequests();
    api.failNext("/workers/scripts/consumer/versions", { method: "POST", status: 500, times: 5 });
    const run = await cli(["--all"]);
    api.clearFaults();
    assert.equal(run.code, 1, run.stdout);
    // wrangler retried the consumer's failing upload; the order is api, owner (phase 1), consumer.
    const order = uploadOrder(api);
    assert.deepEqual([...new Set(order)], ["api", "owner", "consumer"], order.join(", "));
    assert.match(run.stdout, /consumer failed after api, owner deployed/);
    assert.match(run.stdout, /consumer \[apps\/consumer\/wrangler.jsonc\]: FAILED/);
    assert.match(run.stdout, /next: Re-run with the same inputs/);
    // owner's phase 1: its own Legacy binding gone, Lobby created, Legacy kept with its objects
    assert.deepEqual(liveBindings("owner"), ["Lobby", "Room"]);
    assert.equal(namespace("owner", "Legacy")?.state, "live");
    assert.equal(namespace("owner", "Lobby")?.state, "live");
    assert.deepEqual(liveBindings("consumer"), ["owner:Legacy"], "the consumer still runs its old version");
    assert.equal(api.state.worker(ACCT, "api")?.migrationTag, "c1");
  });

  it("the re-run plans again from the live state and deploys only what is left (skip-unchanged)", async () => {
    api.clearRequests();
    const run = await cli(["--all", "--skip-unchanged", "--json"]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(uploadOrder(api), ["consumer"], "api and the owner's phase 1 are not deployed again");
    const out = JSON.parse(run.stdout) as {
      nextPhase: string;
      nextConfirmation: string;
      workers: { worker: string; status: string; ran: string | null }[];
    };
    assert.deepEqual(Object.fromEntries(out.workers.map((w) => [w.worker, w.status])), {
      api: "unchanged",
      consumer: "deployed",
      owner: "waiting",
    });
    assert.equal(out.nextPhase, "2");
    assert.equal(out.nextConfirmation, "owner:Legacy");
    assert.deepEqual(liveBindings("consumer"), ["owner:Lobby"]);
    assert.equal(namespace("owner", "Legacy")?.state, "live", "nothing destroyed without the confirmation");
  });

  it("phase 2 needs the worker:Class pair exactly: a bare class name deploys nothing", async () => {
    api.clearRequests();
    const run = await cli(["--all", "--skip-unchanged", "--confirm-data-loss", "Legacy"]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /names Legacy without its Worker/);
    assert.deepEqual(api.uploads(), []);
  });

  it("phase 2 with the confirmation destroys Legacy only; the release has converged with no other data lost", async () => {
    api.clearRequests();
    const run = await action({
      "skip-unchanged": "true",
      "confirm-data-loss": "owner:Legacy",
      "max-parallel": "2",
    });
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual(uploadOrder(api), ["owner"]);
    assert.equal(run.outputs.phase, "2");
    assert.equal(run.outputs["next-phase"], "none");
    assert.deepEqual(JSON.parse(run.outputs["deleted-classes"] ?? ""), [
      { worker: "owner", env: null, class: "Legacy" },
    ]);
    assert.equal(namespace("owner", "Legacy")?.state, "deleted");
    assert.equal(api.state.worker(ACCT, "owner")?.migrationTag, "v3");
    // No data lost: Room is the same namespace with its objects; Lobby and Cache are live.
    assert.equal(namespace("owner", "Room")?.id, roomId);
    assert.equal(namespace("owner", "Room")?.objects?.count, 25);
    assert.equal(namespace("owner", "Lobby")?.state, "live");
    assert.equal(namespace("api", "Cache")?.state, "live");

    api.clearRequests();
    const again = await cli(["--all", "--skip-unchanged", "--phase", "plan"]);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /api \[apps\/api\/wrangler.jsonc\]: unchanged/);
    assert.match(again.stdout, /owner \[apps\/owner\/wrangler.jsonc\]: unchanged/);
    assert.match(again.stdout, /consumer \[apps\/consumer\/wrangler.jsonc\]: unchanged/);
    assert.deepEqual(api.uploads(), []);
  });

  it("two configs that deploy the same Worker are refused", async () => {
    await write(
      "apps/copy/wrangler.jsonc",
      config("api", [{ name: "CACHE", class_name: "Cache" }], [{ tag: "c1", new_sqlite_classes: ["Cache"] }]),
    );
    try {
      api.clearRequests();
      const run = await cli(["--all"]);
      assert.equal(run.code, 1);
      assert.match(
        run.stdout,
        /apps\/copy\/wrangler.jsonc deploys Worker api, which apps\/api\/wrangler.jsonc deploys too/,
      );
      assert.deepEqual(api.uploads(), []);
    } finally {
      await rm(join(repo, "apps/copy"), { recursive: true, force: true });
    }
  });

  it("a template (its Worker name a placeholder) is left out of a release, and refused on its own", async () => {
    await write(
      "templates/starter/wrangler.jsonc",
      config(
        "<< worker-name >>",
        [{ name: "ROOM", class_name: "Room" }],
        [{ tag: "v1", new_sqlite_classes: ["Room"] }],
      ),
    );
    try {
      api.clearRequests();
      const run = await cli(["--all", "--phase", "plan"]);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.match(
        run.stdout + run.stderr,
        /Not in this release \(templates: the Worker name is a placeholder\): templates\/starter\/wrangler.jsonc/,
      );
      assert.doesNotMatch(run.stdout, /In order, this release deploys:.*worker-name/);
      const alone = await cli(["--config", "templates/starter/wrangler.jsonc", "--phase", "plan"]);
      assert.notEqual(alone.code, 0);
      assert.match(
        alone.stderr + alone.stdout,
        /is a template: the Worker name "<< worker-name >>" is a placeholder/,
      );
      assert.doesNotMatch(alone.stderr, /\n\s+at /, "no stack trace");
      assert.deepEqual(api.uploads(), []);
    } finally {
      await rm(join(repo, "templates"), { recursive: true, force: true });
    }
  });

  it("the token appears nowhere but in the mask command", () => {
    assert.ok(seen.length > 10);
    for (const text of seen) assert.ok(!text.includes(TOKEN));
    assert.ok(!JSON.stringify(api.requests).includes(TOKEN));
  });
});

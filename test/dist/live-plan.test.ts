// The live plan end to end: the committed dist/ (the CLI's `check --live` and the action in check
// mode) as child processes, against the local Cloudflare API stand-in whose live states are seeded
// as a deploy leaves them (test/deploy/two-phase.test.ts deploys one with the REAL wrangler and
// shows a seeded Worker reads the same), and a local GitHub API stand-in for the comment. Each scenario is one of issue 13's: a delete with objects, a delete
// of a class with no objects, a Worker not deployed, a live tag missing from the branch, an
// undeployed delete already on the base, a binding from a Worker outside the repository, a 403
// and a 5xx. Loopback only. And the token: masked, sent to the API base URL only, never to a child
// process, never in any output.
import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { type CloudflareApi, startCloudflareApi } from "../support/cloudflare-api.ts";
import { createGitRepo, type GitRepo } from "../support/git-repo.ts";
import { BOT_LOGIN, type GitHubApi, startGitHubApi } from "../support/github-api.ts";
import { type ActionRun, pullRequestPayload, ROOT, runAction, spawnCollect } from "../support/run-action.ts";
import { NODE_BIN, workerSource } from "../support/wrangler.ts";

const ACCT = "0123456789abcdef0123456789abcdef";
const CF_TOKEN = "cfLIVEplanTOKENmustNEVERleak0000000007f3a";
const GH_TOKEN = "ghs_livePLANwriteTOKEN000000000000000001";
const OWNER = "acme";
const REPO = "workers";
const repository = { owner: OWNER, name: REPO };
const CLI = join(ROOT, "dist/cli.js");

let cf: CloudflareApi;
let gh: GitHubApi;
const repos: GitRepo[] = [];
/** Everything any run printed or wrote, for the token check at the end. */
const seen: string[] = [];
let shimDir = "";
let envLog = "";

interface Binding {
  name: string;
  class_name: string;
  script_name?: string;
}

function cfg(name: string, bindings: (string | Binding)[], migrations: object[], extra: object = {}): string {
  return `${JSON.stringify(
    {
      name,
      main: "src/index.js",
      compatibility_date: "2025-01-01",
      durable_objects: {
        bindings: bindings.map((b) => (typeof b === "string" ? { name: b.toUpperCase(), class_name: b } : b)),
      },
      migrations,
      ...extra,
    },
    null,
    2,
  )}\n`;
}

/**
 * The live state a deploy leaves: the Worker with its live migration tag, a namespace per class
 * its migrations created, the config's bindings, and the code's exports.
 */
function deployed(
  name: string,
  live: {
    tag: string | null;
    classes: readonly string[];
    bindings: readonly (string | Binding)[];
    exports: readonly string[];
  },
): void {
  cf.state.seedWorker(ACCT, name, {
    migrationTag: live.tag,
    classes: Object.fromEntries(live.classes.map((c) => [c, "sqlite" as const])),
    bindings: live.bindings.map((b) =>
      typeof b === "string"
        ? { name: b.toUpperCase(), className: b }
        : { name: b.name, className: b.class_name, ...(b.script_name ? { scriptName: b.script_name } : {}) },
    ),
    exportedClasses: [...live.exports, "default"],
  });
}

function repoOf(base: string, head: string, classes: { base: string[]; head: string[] }): GitRepo {
  const repo = createGitRepo({
    base: { "wrangler.jsonc": base, "src/index.js": workerSource(classes.base) },
    head: { "wrangler.jsonc": head, "src/index.js": workerSource(classes.head) },
  });
  repos.push(repo);
  return repo;
}

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  json: {
    risk: string;
    findings: {
      code: string;
      kind: string;
      severity: string;
      dataLoss: boolean;
      classes: string[];
      worker: string;
      message: string;
    }[];
    notes: string[];
    workers: {
      name: string;
      env: string | null;
      deployed: boolean | null;
      liveTag: string | null;
      sends: string[];
      destroys: { class: string; objects: number | null; objectsWithData: number | null; capped: boolean }[];
      live: string;
      sendKind: string | null;
      fromBase: string[];
    }[];
  };
}

/** `do-migrate check --live --format json` in the repository, as a user would run it. */
async function cli(repo: GitRepo, args: string[] = [], env: Record<string, string> = {}): Promise<CliRun> {
  const run = await check(repo, ["--format", "json", ...args], env);
  try {
    return { ...run, json: JSON.parse(run.stdout) };
  } catch {
    throw new Error(`not JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** `do-migrate check --live` with the Cloudflare variables a user sets. */
async function check(repo: GitRepo, args: string[], env: Record<string, string> = {}) {
  const run = await spawnCollect(
    NODE_BIN,
    [CLI, "check", "--base", repo.baseSha, "--head", repo.headSha, "--live", ...args],
    {
      cwd: repo.dir,
      env: {
        PATH: `${shimDir}:/usr/local/bin:/usr/bin:/bin`,
        HOME: repo.dir,
        CLOUDFLARE_API_TOKEN: CF_TOKEN,
        CLOUDFLARE_ACCOUNT_ID: ACCT,
        CLOUDFLARE_API_BASE_URL: cf.apiBaseUrl,
        DO_MIGRATE_ENV_LOG: envLog,
        ...env,
      },
    },
    60_000,
  );
  seen.push(run.stdout, run.stderr);
  return run;
}

function codes(run: CliRun): string[] {
  return run.json.findings.map((f) => `${f.code} ${f.severity}${f.dataLoss ? " data-loss" : ""}`);
}

function finding(run: CliRun, code: string) {
  const f = run.json.findings.find((x) => x.code === code);
  assert.ok(f, `no ${code} in ${codes(run).join(", ")}`);
  return f;
}

const V1 = { tag: "v1", new_sqlite_classes: ["Counter", "Legacy"] };
const V2_DELETE = { tag: "v2", deleted_classes: ["Legacy"] };
const BOTH = ["Counter", "Legacy"];

before(async () => {
  assert.ok(process.versions.node.startsWith("24."), `tests must run under Node 24, not ${process.version}`);
  cf = await startCloudflareApi({ token: CF_TOKEN, objectsCursor: "cursors.after" });
  gh = await startGitHubApi({ tokens: [{ token: GH_TOKEN, label: "write-token", permission: "write" }] });
  // A `git` first on PATH that records the environment it was given, then runs the real git.
  shimDir = mkdtempSync(join(tmpdir(), "do-migrate-git-shim-"));
  envLog = join(shimDir, "env.log");
  writeFileSync(envLog, "");
  writeFileSync(
    join(shimDir, "git"),
    `#!/bin/sh\nenv >> "\${DO_MIGRATE_ENV_LOG:-${envLog}}"\necho ---- >> "\${DO_MIGRATE_ENV_LOG:-${envLog}}"\nexec /usr/bin/git "$@"\n`,
  );
  chmodSync(join(shimDir, "git"), 0o755);
});

after(async () => {
  await cf.close();
  await gh.close();
  for (const repo of repos) repo.cleanup();
  rmSync(shimDir, { recursive: true, force: true });
});

describe("do-migrate check --live (dist/cli.js)", () => {
  test("a delete with objects: the plan counts them, the finding gives the blast radius", async () => {
    deployed("with-objects", { tag: "v1", classes: BOTH, bindings: BOTH, exports: BOTH });
    cf.state.setObjects(ACCT, "with-objects", "Legacy", 12_408, 9_876);
    const repo = repoOf(cfg("with-objects", BOTH, [V1]), cfg("with-objects", ["Counter"], [V1, V2_DELETE]), {
      base: BOTH,
      head: BOTH,
    });
    cf.clearRequests();
    const run = await cli(repo);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(codes(run), ["DO101 critical data-loss", "DO107 warning"]);
    assert.match(
      finding(run, "DO101").message,
      /destroys 12,408 objects \(9,876 with stored data\) of `Legacy`/,
    );
    assert.match(finding(run, "DO107").message, /Live: `with-objects` binds `Legacy` right now/);
    const [w] = run.json.workers;
    assert.deepEqual(
      { deployed: w?.deployed, liveTag: w?.liveTag, sends: w?.sends, destroys: w?.destroys },
      {
        deployed: true,
        liveTag: "v1",
        sends: ["v2"],
        destroys: [{ class: "Legacy", tag: "v2", objects: 12_408, objectsWithData: 9_876, capped: false }],
      },
    );
    // The budget: two account lists, one settings read, then (a class is doomed) the one other
    // Worker outside the repository, and the objects in two pages of 10,000.
    const reads = cf.requests.map((r) =>
      r.route.replace(`/accounts/${ACCT}/workers`, "").replace(/namespaces\/\w+/, "namespaces/ID"),
    );
    assert.ok(cf.requests.every((r) => r.method === "GET"));
    assert.equal(reads.filter((r) => r === "/scripts").length, 1);
    assert.equal(reads.filter((r) => r === "/durable_objects/namespaces").length, 1);
    assert.equal(reads.filter((r) => r === "/durable_objects/namespaces/ID/objects").length, 2);
    assert.match(
      run.stderr,
      /live state: 1 Worker\(s\) planned, 0 judged from the config alone, \d+ Cloudflare API request/,
    );

    // The text output puts the plan above the findings.
    const { stdout: text } = await check(repo, []);
    assert.match(
      text,
      /plan: 1 Worker read · 1 destroys data \(12,408 objects\)\n {2}with-objects \(wrangler\.jsonc\): live tag v1; sends v2; destroys Legacy: 12,408 objects/,
    );
    assert.ok(text.indexOf("plan:") < text.indexOf("DO101"));
  });

  test("a delete of a class that never got a namespace destroys nothing; its create is shipped from the base", async () => {
    // Deployed from an older commit: v1 creates Counter only. The base added v2 (Legacy) and never
    // deployed it; this change deletes Legacy again.
    const v1 = { tag: "v1", new_sqlite_classes: ["Counter"] };
    const v2 = { tag: "v2", new_sqlite_classes: ["Legacy"] };
    const v3 = { tag: "v3", deleted_classes: ["Legacy"] };
    deployed("never-created", {
      tag: "v1",
      classes: ["Counter"],
      bindings: ["Counter"],
      exports: ["Counter"],
    });
    const repo = repoOf(
      cfg("never-created", ["Counter"], [v1, v2]),
      cfg("never-created", ["Counter"], [v1, v2, v3]),
      {
        base: BOTH,
        head: BOTH,
      },
    );
    const run = await cli(repo);
    assert.equal(run.status, 0, run.stdout);
    assert.deepEqual(codes(run), ["DO802 info", "DO806 info"]);
    assert.match(
      finding(run, "DO806").message,
      /`Legacy` has no Durable Object namespace in `never-created`: deleting it \(migration `v3`\) destroys nothing/,
    );
    assert.match(
      finding(run, "DO802").message,
      /Migration `v2` \(creates `Legacy`\) is already on the base branch/,
    );
    assert.deepEqual(run.json.workers[0]?.sends, ["v2", "v3"]);
    assert.deepEqual(run.json.workers[0]?.fromBase, ["v2"]);
    assert.equal(run.json.risk, "low");
  });

  test("a Worker that is not deployed: its history findings are info, its first deploy is rejected", async () => {
    // Only the top level is deployed; env staging (its own history) never was. Both histories are edited.
    const stagingEnv = (migrations: object[]) => ({
      staging: { durable_objects: { bindings: [{ name: "COUNTER", class_name: "Counter" }] }, migrations },
    });
    const s1 = { tag: "s1", new_sqlite_classes: ["Counter"] };
    const base = cfg("fresh", BOTH, [V1], { env: stagingEnv([s1]) });
    deployed("fresh", { tag: "v1", classes: BOTH, bindings: BOTH, exports: BOTH });
    const head = cfg("fresh", BOTH, [{ ...V1, new_sqlite_classes: [...BOTH, "Extra"] }], {
      env: stagingEnv([
        { ...s1, new_sqlite_classes: ["Counter", "Extra"] },
        { tag: "s2", deleted_classes: ["Extra"] },
      ]),
    });
    const repo = repoOf(base, head, { base: BOTH, head: [...BOTH, "Extra"] });
    const run = await cli(repo);
    const staging = run.json.findings.filter((f) => f.worker === "fresh-staging");
    const top = run.json.findings.filter((f) => f.worker === "fresh");
    assert.ok(
      top.some((f) => f.code === "DO201" && f.severity === "error"),
      JSON.stringify(top),
    );
    const edit = staging.find((f) => f.code === "DO201");
    assert.equal(edit?.severity, "info");
    assert.match(
      edit?.message ?? "",
      /Not deployed \(`fresh-staging` is not in account `0123…cdef`: its first deploy creates it and replays the whole history\)/,
    );
    assert.ok(
      staging.some((f) => f.code === "DO807" && f.severity === "error"),
      JSON.stringify(staging),
    );
    const plan = run.json.workers.find((w) => w.name === "fresh-staging");
    assert.deepEqual([plan?.deployed, plan?.sendKind, plan?.sends], [false, "first", ["s1", "s2"]]);
  });

  test("a live tag missing from the branch (a preview deployed its own step): an error saying what wrangler does", async () => {
    deployed("previewed", {
      tag: "v2-preview",
      classes: [...BOTH, "Draft"],
      bindings: BOTH,
      exports: [...BOTH, "Draft"],
    });
    const repo = repoOf(
      cfg("previewed", BOTH, [V1]),
      cfg("previewed", [...BOTH, "Room"], [V1, { tag: "v2", new_sqlite_classes: ["Room"] }]),
      { base: BOTH, head: [...BOTH, "Room"] },
    );
    const run = await cli(repo);
    assert.equal(run.status, 0);
    const f = finding(run, "DO801");
    assert.equal(f.severity, "error");
    assert.match(
      f.message,
      /The live migration tag of `previewed` is `v2-preview`, which this branch's migrations do not have/,
    );
    assert.match(f.message, /sends all 2 steps again.*rejected \(code 10074\)/);
    // Draft is live but unknown to this config.
    assert.equal(finding(run, "DO805").severity, "info");
    assert.deepEqual(run.json.workers[0]?.sendKind, "replay");
    // --fail-on error fails it.
    assert.equal((await cli(repo, ["--fail-on", "error"])).status, 1);
  });

  test("an undeployed delete already on the base: data loss on the next deploy, though this change does not touch it", async () => {
    deployed("lagging", { tag: "v1", classes: BOTH, bindings: ["Counter"], exports: BOTH });
    cf.state.setObjects(ACCT, "lagging", "Legacy", 31, 2);
    const repo = repoOf(
      cfg("lagging", ["Counter"], [V1, V2_DELETE]),
      cfg("lagging", ["Counter", "Room"], [V1, V2_DELETE, { tag: "v3", new_sqlite_classes: ["Room"] }]),
      { base: BOTH, head: [...BOTH, "Room"] },
    );
    const static_ = await cli(repo, [], { CLOUDFLARE_API_TOKEN: "" }).catch((e: Error) => e);
    assert.ok(static_ instanceof Error, "--live without a token is a usage error");
    const run = await cli(repo);
    assert.equal(run.status, 1);
    const f = finding(run, "DO802");
    assert.equal(f.severity, "critical");
    assert.equal(f.dataLoss, true);
    assert.match(
      f.message,
      /Migration `v2` is already on the base branch, but `lagging` has not deployed it \(live tag `v1`\).*31 objects \(2 with stored data\)/,
    );
    assert.deepEqual(run.json.workers[0]?.sends, ["v2", "v3"]);
    assert.deepEqual(run.json.workers[0]?.fromBase, ["v2"]);
  });

  test("a binding from a Worker outside the repository blocks the delete (10061)", async () => {
    deployed("owner", { tag: "v1", classes: BOTH, bindings: ["Counter"], exports: BOTH });
    deployed("outsider", {
      tag: null,
      classes: [],
      bindings: [{ name: "LEGACY", class_name: "Legacy", script_name: "owner" }],
      exports: [],
    });
    const repo = repoOf(cfg("owner", ["Counter"], [V1]), cfg("owner", ["Counter"], [V1, V2_DELETE]), {
      base: BOTH,
      head: BOTH,
    });
    const run = await cli(repo);
    assert.equal(run.status, 1);
    const f = finding(run, "DO804");
    assert.equal(f.severity, "error");
    assert.match(
      f.message,
      /Worker `outsider` \(not in this repository\) binds `Legacy` of `owner` live.*\(code 10061\)/,
    );
  });

  test("a Worker of this repository whose live version still binds the class (its config no longer does) blocks the delete (10061)", async () => {
    cf.state.seedWorker(ACCT, "keeper", {
      migrationTag: "v1",
      classes: { Counter: "sqlite", Legacy: "sqlite" },
    });
    cf.state.seedWorker(ACCT, "reader", {
      bindings: [{ name: "LEGACY", className: "Legacy", scriptName: "keeper" }],
    });
    const reader = `${JSON.stringify({ name: "reader", main: "index.js" })}\n`;
    const repo = createGitRepo({
      base: {
        "wrangler.jsonc": cfg("keeper", ["Counter"], [V1]),
        "src/index.js": workerSource(BOTH),
        "reader/wrangler.jsonc": reader,
      },
      head: { "wrangler.jsonc": cfg("keeper", ["Counter"], [V1, V2_DELETE]) },
    });
    repos.push(repo);
    const run = await cli(repo);
    assert.match(
      finding(run, "DO804").message,
      /Worker `reader` \(in this repository, deployed with a binding its config no longer has\) binds `Legacy` of `keeper` live/,
    );
  });

  test("a template (placeholder name) is not planned: its data loss stays, the plan says why it was left out", async () => {
    cf.state.seedWorker(ACCT, "tmpl-chat", {
      migrationTag: "v1",
      classes: { Counter: "sqlite", Legacy: "sqlite" },
    });
    cf.state.setObjects(ACCT, "tmpl-chat", "Legacy", 500, 400);
    const repo = repoOf(cfg("tmpl-chat", BOTH, [V1]), cfg("{{WORKER_NAME}}", ["Counter"], [V1, V2_DELETE]), {
      base: BOTH,
      head: BOTH,
    });
    cf.clearRequests();
    const run = await cli(repo);
    assert.equal(run.status, 1, run.stdout);
    assert.ok(codes(run).includes("DO101 critical data-loss"), codes(run).join(", "));
    assert.ok(!codes(run).some((c) => c.startsWith("DO806")));
    assert.equal(run.json.workers[0]?.live, "skipped");
    assert.match(run.json.notes.join("\n"), /The live plan leaves out `\{\{WORKER_NAME\}\}`/);
    assert.doesNotMatch(run.stderr, /warning:/);
    assert.equal(cf.requests.length, 0, "nothing to read");
  });

  test("a 403 (a token without the permission): one warning naming the Worker and the status; the static findings stay", async () => {
    deployed("denied", { tag: "v1", classes: BOTH, bindings: BOTH, exports: BOTH });
    const repo = repoOf(cfg("denied", BOTH, [V1]), cfg("denied", ["Counter"], [V1, V2_DELETE]), {
      base: BOTH,
      head: BOTH,
    });
    const offline = await cli(repo, [], { CLOUDFLARE_API_BASE_URL: "http://127.0.0.1:9/client/v4" });
    cf.failNext("/scripts/denied/settings", { status: 403, code: 10000, message: "Authentication error" });
    const run = await cli(repo);
    assert.equal(run.status, 1);
    assert.deepEqual(codes(run), ["DO101 critical data-loss", "DO107 warning"]);
    const warnings = run.stderr.split("\n").filter((l) => l.startsWith("warning:"));
    assert.equal(warnings.length, 1, run.stderr);
    assert.match(
      warnings[0]!,
      /Worker `denied` could not be read \(.*HTTP 403.*\): it is judged from the config alone/,
    );
    assert.equal(run.json.workers[0]?.live, "failed");
    assert.equal(run.json.workers[0]?.deployed, null);
    assert.equal(run.json.notes.filter((n) => !n.startsWith("Base: ")).length, 1);
    // Unreachable API: the same degradation.
    assert.deepEqual(codes(offline), codes(run));
    assert.equal(offline.json.workers[0]?.live, "failed");
  });

  test("a 5xx after the retries: static, with a warning; the next run reads it", async () => {
    deployed("flaky", { tag: "v1", classes: BOTH, bindings: BOTH, exports: BOTH });
    const repo = repoOf(cfg("flaky", BOTH, [V1]), cfg("flaky", ["Counter"], [V1, V2_DELETE]), {
      base: BOTH,
      head: BOTH,
    });
    cf.clearRequests();
    cf.failNext("/workers/scripts", { status: 503, times: 3, message: "Service unavailable" });
    const run = await cli(repo);
    assert.equal(run.status, 1);
    assert.match(
      run.stderr,
      /warning: The live state of Worker `flaky` could not be read \(.*HTTP 503.*Service unavailable/,
    );
    assert.equal(
      cf.requests.filter((r) => r.route.endsWith("/workers/scripts")).length,
      3,
      "retried, then gave up",
    );
    assert.equal(run.json.workers[0]?.live, "failed");
    cf.clearFaults();
    const again = await cli(repo);
    assert.equal(again.json.workers[0]?.live, "read");
  });
});

describe("the action in check mode (dist/index.js)", () => {
  function prRun(
    repo: GitRepo,
    number: number,
    fields: { with?: Record<string, string>; fork?: boolean } = {},
  ): Promise<ActionRun> {
    gh.setPull(OWNER, REPO, number, {
      body: null,
      base: { sha: repo.baseSha, ref: "main", repoFullName: `${OWNER}/${REPO}` },
      head: {
        sha: repo.headSha,
        ref: "feature",
        repoFullName: fields.fork ? "mallory/workers" : `${OWNER}/${REPO}`,
      },
    });
    return runAction({
      workspace: repo.dir,
      eventName: "pull_request",
      payload: pullRequestPayload({
        number,
        base: { sha: repo.baseSha },
        head: { sha: repo.headSha, ...(fields.fork ? { repoFullName: "mallory/workers" } : {}) },
        repository,
      }),
      repository,
      apiUrl: gh.url,
      token: GH_TOKEN,
      sha: repo.headSha,
      ...(fields.with ? { with: fields.with } : {}),
      extraEnv: {
        CLOUDFLARE_API_BASE_URL: cf.apiBaseUrl,
        PATH: `${shimDir}:/usr/local/bin:/usr/bin:/bin`,
        DO_MIGRATE_ENV_LOG: envLog,
      },
    }).then((run) => {
      seen.push(run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs), run.reportText ?? "");
      return run;
    });
  }
  const liveInputs = { "cloudflare-api-token": CF_TOKEN, "cloudflare-account-id": ACCT };
  let repo: GitRepo;

  before(async () => {
    deployed("commented", { tag: "v1", classes: BOTH, bindings: BOTH, exports: BOTH });
    cf.state.setObjects(ACCT, "commented", "Legacy", 1_500, 1_200);
    repo = repoOf(cfg("commented", BOTH, [V1]), cfg("commented", ["Counter"], [V1, V2_DELETE]), {
      base: BOTH,
      head: BOTH,
    });
  });

  test("the comment and the job summary have the plan table above the findings; outputs say the live state was read", async () => {
    const run = await prRun(repo, 40, { with: liveInputs });
    assert.equal(run.status, 1, run.stdout);
    const comment = gh.comments(OWNER, REPO, 40).find((c) => c.user?.login === BOT_LOGIN);
    assert.ok(comment);
    seen.push(comment.body);
    const body = comment.body;
    assert.match(
      body,
      /### Live plan: what the next deploy does\n\n\| Worker \| Live tag \| Next deploy sends \| Destroys \|/,
    );
    assert.match(
      body,
      /\| `commented` \(`wrangler\.jsonc`\) \| `v1` \| `v2` \| 🛑 `Legacy`: 1,500 objects \(1,200 with stored data\) \|/,
    );
    assert.ok(body.indexOf("Live plan") < body.indexOf("\n- **`Legacy`** deleted"));
    assert.match(
      body,
      /: in Worker `commented` \(top level\): 1,500 objects \(1,200 with stored data\) live/,
    );
    assert.ok(run.summary.includes("### Live plan"));
    assert.equal(run.outputs["live-state"], "read");
    const plan = JSON.parse(run.outputs.plan ?? "[]");
    assert.deepEqual(plan[0].destroys, [
      { class: "Legacy", tag: "v2", objects: 1500, objectsWithData: 1200, capped: false },
    ]);
    assert.deepEqual(JSON.parse(run.outputs["deleted-classes"] ?? "[]"), [
      { worker: "commented", env: null, class: "Legacy" },
    ]);
    assert.match(
      run.stdout,
      /Live state: 1 Worker\(s\) planned against the live state, 0 judged from the config alone; \d+ Cloudflare API request/,
    );
  });

  test("a fork gets no secret: the static check, and the comment says so in one line", async () => {
    const run = await prRun(repo, 41, {
      fork: true,
      with: { "cloudflare-api-token": "", "cloudflare-account-id": ACCT },
    });
    assert.equal(run.outputs["live-state"], "off");
    assert.match(
      run.summary,
      /> ℹ️ This pull request comes from a fork, which gets no secrets: this is the static check, without the live plan\./,
    );
    assert.ok(!run.summary.includes("Live plan"));
    const required = await prRun(repo, 42, {
      fork: true,
      with: { "cloudflare-api-token": "", live: "required" },
    });
    assert.equal(required.status, 1);
    assert.match(
      required.failures.join("\n"),
      /live: required, but a pull request from a fork gets no secrets/,
    );
  });

  test("live: off and live: required with an API that fails", async () => {
    const off = await prRun(repo, 43, { with: { ...liveInputs, live: "off" } });
    assert.equal(off.outputs["live-state"], "off");
    cf.failNext("/workers/scripts", { status: 500, times: 3 });
    const required = await prRun(repo, 44, { with: { ...liveInputs, live: "required" } });
    cf.clearFaults();
    assert.equal(required.outputs["live-state"], "failed");
    assert.equal(required.warnings.filter((w) => w.includes("could not be read")).length, 1);
    assert.match(
      required.failures.join("\n"),
      /live: required, but the live state of 1 Worker\(s\) could not be read/,
    );
  });
});

describe("live: required with a config whose top level has no name (local only)", () => {
  test("the unnamed top level is no failed read: the deployed env is planned and the run passes", async () => {
    cf.state.seedWorker(ACCT, "site-production", {
      migrationTag: "v1",
      classes: { Counter: "sqlite" },
      bindings: [{ name: "COUNTER", className: "Counter" }],
    });
    const config = (migrations: object[]) =>
      `${JSON.stringify(
        {
          main: "src/index.js",
          durable_objects: { bindings: [{ name: "COUNTER", class_name: "Counter" }] },
          migrations,
          env: {
            production: {
              name: "site-production",
              durable_objects: { bindings: [{ name: "COUNTER", class_name: "Counter" }] },
            },
          },
        },
        null,
        2,
      )}\n`;
    const v1 = { tag: "v1", new_sqlite_classes: ["Counter"] };
    const repo = repoOf(config([v1]), config([v1, { tag: "v2", new_sqlite_classes: ["Room"] }]), {
      base: ["Counter"],
      head: ["Counter", "Room"],
    });
    gh.setPull(OWNER, REPO, 50, {
      body: null,
      base: { sha: repo.baseSha, ref: "main", repoFullName: `${OWNER}/${REPO}` },
      head: { sha: repo.headSha, ref: "feature", repoFullName: `${OWNER}/${REPO}` },
    });
    const run = await runAction({
      workspace: repo.dir,
      eventName: "pull_request",
      payload: pullRequestPayload({
        number: 50,
        base: { sha: repo.baseSha },
        head: { sha: repo.headSha },
        repository,
      }),
      repository,
      apiUrl: gh.url,
      token: GH_TOKEN,
      sha: repo.headSha,
      with: {
        "cloudflare-api-token": CF_TOKEN,
        "cloudflare-account-id": ACCT,
        live: "required",
        comment: "never",
      },
      extraEnv: { CLOUDFLARE_API_BASE_URL: cf.apiBaseUrl },
    });
    seen.push(run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs), run.reportText ?? "");
    assert.deepEqual(run.failures, []);
    assert.equal(run.status, 0, run.stdout);
    assert.equal(run.outputs["live-state"], "read");
    assert.deepEqual(run.warnings, []);
    const plan = JSON.parse(run.outputs.plan ?? "[]") as { env: string | null; live: string }[];
    assert.deepEqual(
      plan.map((w) => `${w.env ?? "top"} ${w.live}`),
      ["top skipped", "production read"],
    );
  });
});

describe("the token", () => {
  test("never reaches an output, a log, a report, a comment, the GitHub API or a child process", () => {
    assert.ok(seen.length > 20);
    // The action masks it first thing (the runner then hides it wherever it would appear)...
    const masked = seen.filter((t) => t.includes(`::add-mask::${CF_TOKEN}`));
    assert.equal(masked.length, 4, "every action run given the token masks it");
    // ...and nothing else ever contains it.
    for (const text of seen) {
      const rest = text.split(`::add-mask::${CF_TOKEN}`).join("");
      assert.ok(!rest.includes(CF_TOKEN), rest.slice(0, 400));
    }
    for (const r of gh.requests) assert.ok(!JSON.stringify(r).includes(CF_TOKEN));
    for (const c of gh.comments(OWNER, REPO, 40)) assert.ok(!c.body.includes(CF_TOKEN));
    // Every git process the check started (the shim logged each environment).
    const log = readFileSync(envLog, "utf8");
    assert.ok(log.split("----").length > 10, "the git shim ran");
    assert.ok(!log.includes(CF_TOKEN), "a child process got the Cloudflare token");
    assert.ok(!log.includes(GH_TOKEN), "a child process got the GitHub token");
    assert.ok(!/^INPUT_/m.test(log), "a child process got the action's inputs");
    // The stand-in only ever saw it in the Authorization header (which it never records).
    assert.ok(!JSON.stringify(cf.requests).includes(CF_TOKEN));
    for (const dir of [tmpdir()]) {
      for (const name of readdirSync(dir).filter((n) => n.startsWith("do-migrate-report"))) {
        assert.ok(!readFileSync(join(dir, name), "utf8").includes(CF_TOKEN));
      }
    }
  });
});

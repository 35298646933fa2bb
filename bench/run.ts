// The benchmark of issue 6 (`npm run bench`): start-up, the action on a pull request, monorepos,
// wrangler's dry run, GitHub API requests, (issue 13) the live plan's Cloudflare API requests and
// (issue 14) a monorepo release plan's, and (8) the action's suggestions on a large pull request.
// It measures the built dist/ (run `npm run build`
// first after changing src/). Every process runs under Node 24 (node_modules/.bin/node).
//
// The machine may be shared and noisy: variants are run interleaved (A, B, C, A, B, C, ...),
// each several times, and the table gives medians and ratios measured side by side, with the
// load average before and after each part. Peak memory is GNU time's maximum resident set size,
// CPU time its user + system time (less sensitive to the machine's load than wall time).
//
//   npm run bench [-- --runs 7] [-- --sizes 10,100,1000]
//                 [-- --only startup,action,monorepo,wrangler,requests,live,release,suggestions,hostile]
//                 [-- --dist DIR] [-- --compare DIR] [-- --out FILE]
//
// `--compare DIR` measures another build (say, an older dist/ checked out elsewhere) side by side
// with the one measured in the monorepo part (3): both run interleaved (A, B, A, B, ...) on the
// same repositories, and the table gives each size's ratio of medians, wall and CPU time. Sizes
// up to 10,000 Workers are generated (`--sizes 1000,10000`; the largest takes minutes to write).
//
// Prints a Markdown table and writes bench/results.json.
import { spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, release, tmpdir, totalmem } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_SCAN_CAP } from "../src/adapters/live-state.ts";
import { type CloudflareApi, startCloudflareApi } from "../test/support/cloudflare-api.ts";
import { createGitRepo, type GitRepo } from "../test/support/git-repo.ts";
import { type GitHubApi, startGitHubApi } from "../test/support/github-api.ts";
import { actionInputDefaults, inputVariable, pullRequestPayload } from "../test/support/run-action.ts";
import { historyEdits, monorepo, monorepoDeployed, storefrontConfig, storefrontSource } from "./fixtures.ts";

const ROOT = resolve(import.meta.dirname, "..");
const NODE = existsSync(join(ROOT, "node_modules/.bin/node"))
  ? join(ROOT, "node_modules/.bin/node")
  : process.execPath;
const WRANGLER = join(ROOT, "node_modules/wrangler/bin/wrangler.js");
const GNU_TIME = "/usr/bin/time";
const OWNER = "acme";
const REPO = "shop";
const TOKEN = "ghs_bench_token_not_a_secret";

const { values: flags } = parseArgs({
  options: {
    runs: { type: "string", default: "7" },
    sizes: { type: "string", default: "10,100,1000" },
    only: { type: "string" },
    out: { type: "string", default: join(ROOT, "bench/results.json") },
    // Another build to measure (say, an older dist/ checked out elsewhere), for before/after.
    dist: { type: "string", default: join(ROOT, "dist") },
    // A reference build measured side by side with --dist in the monorepo part (see the header).
    compare: { type: "string" },
  },
});
const DIST = resolve(flags.dist);
const CLI = join(DIST, "cli.js");
const ACTION = join(DIST, "index.js");
const COMPARE = flags.compare ? resolve(flags.compare) : null;
const RUNS = Math.max(1, Number(flags.runs));
const SIZES = flags.sizes.split(",").map(Number);
const ONLY = new Set(
  flags.only
    ? flags.only.split(",")
    : ["startup", "action", "monorepo", "wrangler", "requests", "live", "release", "suggestions", "hostile"],
);

// ---------------------------------------------------------------------------------------------
// Measuring

interface Sample {
  ms: number;
  /** Peak resident set size in KiB (GNU time), null when it is not available. */
  rssKiB: number | null;
  /** User + system CPU time in ms (GNU time), null when it is not available. */
  cpuMs: number | null;
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Command {
  command: string;
  args: readonly string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Runs before each sample, not timed (resetting state). */
  before?: () => void | Promise<void>;
  /** Exit codes that count as success (default 0 and 1: 1 is "findings at or above --fail-on"). */
  okCodes?: readonly number[];
}

const scratch = mkdtempSync(join(tmpdir(), "do-migrate-bench-"));
const hasGnuTime = existsSync(GNU_TIME);

/** Runs a command once, timing it from spawn to exit; peak memory through GNU time. */
function runOnce(cmd: Command): Promise<Sample> {
  const rssFile = join(scratch, "rss.txt");
  const [command, args] = hasGnuTime
    ? [GNU_TIME, ["-f", "%M %U %S", "-o", rssFile, cmd.command, ...cmd.args]]
    : [cmd.command, [...cmd.args]];
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: cmd.cwd ?? ROOT,
      env: cmd.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      let rssKiB: number | null = null;
      let cpuMs: number | null = null;
      if (hasGnuTime) {
        const text = readFileSync(rssFile, "utf8");
        const last = text.trim().split("\n").pop() ?? "";
        const m = /^(\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/.exec(last);
        if (m) {
          rssKiB = Number(m[1]);
          cpuMs = (Number(m[2]) + Number(m[3])) * 1000;
        }
      }
      resolvePromise({ ms, rssKiB, cpuMs, code, stdout, stderr });
    });
  });
}

async function runChecked(name: string, cmd: Command): Promise<Sample> {
  await cmd.before?.();
  const sample = await runOnce(cmd);
  if (!(cmd.okCodes ?? [0, 1]).includes(sample.code ?? -1)) {
    throw new Error(
      `${name} exited with ${sample.code}:\n${sample.stderr.slice(-2000)}\n${sample.stdout.slice(-2000)}`,
    );
  }
  if (process.env.BENCH_DEBUG)
    log(
      `${name}: ${round(sample.ms)} ms, exit ${sample.code}\n${sample.stdout.slice(-1500)}${sample.stderr.slice(-1500)}`,
    );
  return sample;
}

interface Stats {
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  medianRssMiB: number | null;
  /** Median user + system CPU time (GNU time), null when it is not available. */
  medianCpuMs: number | null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function stats(samples: readonly Sample[]): Stats {
  const ms = samples.map((s) => s.ms);
  const rss = samples.map((s) => s.rssKiB).filter((r): r is number => r !== null);
  const cpu = samples.map((s) => s.cpuMs).filter((c): c is number => c !== null);
  return {
    runs: samples.length,
    medianMs: round(median(ms)),
    minMs: round(Math.min(...ms)),
    maxMs: round(Math.max(...ms)),
    medianRssMiB: rss.length ? round(median(rss) / 1024) : null,
    medianCpuMs: cpu.length ? round(median(cpu)) : null,
  };
}

/** One warm-up run of each, then `runs` rounds A, B, C, A, B, C, ... */
async function interleaved(variants: Record<string, Command>, runs = RUNS): Promise<Record<string, Stats>> {
  const names = Object.keys(variants);
  const samples: Record<string, Sample[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const name of names) await runChecked(name, variants[name]!);
  for (let round = 0; round < runs; round++) {
    for (const name of names) samples[name]!.push(await runChecked(name, variants[name]!));
  }
  return Object.fromEntries(names.map((n) => [n, stats(samples[n]!)]));
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const ratio = (a: Stats, b: Stats) => round(a.medianMs / b.medianMs, 2);
const load = () => loadavg().map((l) => round(l, 2)) as [number, number, number];

const bare: Command = { command: NODE, args: ["-e", ""] };

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Fixtures on disk

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** A directory with a `git` that logs its subcommand, then runs the real git. */
function gitCounter(): { dir: string; log: string; count(): Record<string, number>; reset(): void } {
  const dir = join(scratch, "git-shim");
  const logFile = join(scratch, "git-calls.txt");
  const realGit = ["/usr/bin/git", "/usr/local/bin/git", "/bin/git"].find((p) => existsSync(p));
  if (!realGit) throw new Error("git not found in /usr/bin, /usr/local/bin or /bin");
  mkdirSync(dir, { recursive: true });
  const shim = join(dir, "git");
  writeFileSync(shim, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${logFile}'\nexec '${realGit}' "$@"\n`);
  chmodSync(shim, 0o755);
  return {
    dir,
    log: logFile,
    count() {
      const counts: Record<string, number> = {};
      if (!existsSync(logFile)) return counts;
      for (const line of readFileSync(logFile, "utf8").split("\n").filter(Boolean)) {
        counts[line] = (counts[line] ?? 0) + 1;
      }
      return counts;
    },
    reset: () => rmSync(logFile, { force: true }),
  };
}

// ---------------------------------------------------------------------------------------------
// The action, run the way the runner runs it (as test/support/run-action.ts does)

interface ActionSetup {
  command: Command;
  api: GitHubApi;
  repo: GitRepo;
  cleanup(): Promise<void>;
}

async function actionSetup(
  files: { base: Record<string, string>; head: Record<string, string> },
  options: { extraPath?: string; existingComments?: number } = {},
): Promise<ActionSetup> {
  const repo = createGitRepo({ base: files.base, head: files.head });
  const api = await startGitHubApi({
    tokens: [{ token: TOKEN, label: "GITHUB_TOKEN", permission: "write" }],
  });
  const fullName = `${OWNER}/${REPO}`;
  api.setPull(OWNER, REPO, 7, {
    body: "Adds a class and renames another.",
    base: { sha: repo.baseSha, ref: "main", repoFullName: fullName },
    head: { sha: repo.headSha, ref: "feature", repoFullName: fullName },
  });
  for (let i = 0; i < (options.existingComments ?? 0); i++) {
    api.seedComment({ owner: OWNER, repo: REPO, issueNumber: 7, body: `Looks good ${i}`, login: "reviewer" });
  }
  const runner = mkdtempSync(join(scratch, "runner-"));
  const temp = join(runner, "_temp");
  const outputPath = join(temp, "_runner_file_commands", "set_output");
  const summaryPath = join(temp, "_runner_file_commands", "step_summary");
  const eventPath = join(runner, "event.json");
  mkdirSync(dirname(outputPath), { recursive: true });
  mkdirSync(join(runner, "home"));
  writeFileSync(
    eventPath,
    JSON.stringify(
      pullRequestPayload({
        number: 7,
        body: "Adds a class and renames another.",
        base: { sha: repo.baseSha },
        head: { sha: repo.headSha },
        repository: { owner: OWNER, name: REPO },
      }),
    ),
  );
  const env: NodeJS.ProcessEnv = {
    PATH: [options.extraPath, "/usr/local/bin", "/usr/bin", "/bin"].filter(Boolean).join(":"),
    HOME: join(runner, "home"),
    LANG: "C.UTF-8",
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: fullName,
    GITHUB_REPOSITORY_OWNER: OWNER,
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: "https://github.test",
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_ACTION_REPOSITORY: "acme/do-migrate-action",
    GITHUB_ACTION_REF: "v1",
    GITHUB_SHA: repo.headSha,
    GITHUB_REF: "refs/pull/7/merge",
    RUNNER_TEMP: temp,
    RUNNER_OS: "Linux",
  };
  for (const [name, value] of actionInputDefaults()) {
    env[inputVariable(name)] = value.includes("github.token") ? TOKEN : value;
  }
  return {
    api,
    repo,
    command: {
      command: NODE,
      args: [ACTION],
      cwd: repo.dir,
      env,
      before() {
        writeFileSync(outputPath, "");
        writeFileSync(summaryPath, "");
      },
    },
    async cleanup() {
      await api.close();
      repo.cleanup();
    },
  };
}

function deleteAllComments(api: GitHubApi): void {
  for (const c of api.comments(OWNER, REPO, 7)) if (c.user?.login !== "reviewer") api.deleteComment(c.id);
}

function requestsByRoute(api: GitHubApi): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of api.requests) counts[r.route] = (counts[r.route] ?? 0) + 1;
  return counts;
}

// ---------------------------------------------------------------------------------------------
// The parts

const storefront = {
  base: { "wrangler.toml": storefrontConfig("base"), "src/index.ts": storefrontSource("base") },
  head: { "wrangler.toml": storefrontConfig("head"), "src/index.ts": storefrontSource("head") },
};

const results: Record<string, unknown> = {};
const table: string[][] = [];

function row(...cells: (string | number | null)[]): void {
  table.push(cells.map((c) => (c === null ? "n/a" : String(c))));
}

const fmtMs = (s: Stats) => `${s.medianMs} ms`;
const fmtMiB = (s: Stats) => (s.medianRssMiB === null ? "n/a" : `${s.medianRssMiB} MiB`);

async function benchStartup(): Promise<void> {
  log("(1) CLI diff on one real-sized config vs bare Node start");
  const dir = join(scratch, "single");
  writeFiles(dir, {
    "base/wrangler.toml": storefront.base["wrangler.toml"],
    "head/wrangler.toml": storefront.head["wrangler.toml"],
  });
  const loadBefore = load();
  const diff: Command = {
    command: NODE,
    args: [CLI, "diff", "base/wrangler.toml", "head/wrangler.toml", "--format", "json", "--fail-on", "never"],
    cwd: dir,
  };
  const s = await interleaved({ bare, diff });
  const r = ratio(s.diff!, s.bare!);
  results.startup = {
    loadBefore,
    loadAfter: load(),
    configLines: storefront.head["wrangler.toml"].trimEnd().split("\n").length,
    ...s,
    ratio: r,
  };
  const lines = storefront.head["wrangler.toml"].trimEnd().split("\n").length;
  row(
    `(1) CLI \`diff\`, one ${lines}-line config`,
    fmtMs(s.diff!),
    fmtMs(s.bare!),
    `${r}x`,
    fmtMiB(s.diff!),
    "≤ 1.5x",
    r <= 1.5 ? "met" : "missed",
  );
}

/**
 * (9) A hostile config: one migration step creating 100,000 classes (just under the 1 MiB the
 * check reads), and the same classes deleted again by the next step. Nothing may grow faster than
 * the input (issue 19): the step used to take minutes (a grouping that copied an array on every
 * class).
 */
async function benchHostile(): Promise<void> {
  log("(9) one step creating 100,000 classes, and one deleting 40,000");
  const dir = join(scratch, "hostile");
  const names = (n: number) => Array.from({ length: n }, (_, i) => `"C${i}"`).join(",");
  const head = `name = "w"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["A"]\n`;
  const created = `${head}[[migrations]]\ntag = "v2"\nnew_sqlite_classes = [${names(100_000)}]\n`;
  const some = `${head}[[migrations]]\ntag = "v2"\nnew_sqlite_classes = [${names(40_000)}]\n`;
  writeFiles(dir, {
    "base.toml": head,
    "created.toml": created,
    "some.toml": some,
    "deleted.toml": `${some}[[migrations]]\ntag = "v3"\ndeleted_classes = [${names(40_000)}]\n`,
  });
  const diff = (base: string, to: string): Command => ({
    command: NODE,
    args: [CLI, "diff", base, to, "--format", "json", "--fail-on", "never"],
    cwd: dir,
  });
  const s = await interleaved(
    { create: diff("base.toml", "created.toml"), remove: diff("some.toml", "deleted.toml") },
    Math.min(RUNS, 3),
  );
  results.hostile = { createdBytes: created.length, ...s };
  row(
    `(9) \`diff\`, one step creating 100,000 classes (${Math.round(created.length / 1024)} KiB)`,
    fmtMs(s.create!),
    null,
    null,
    fmtMiB(s.create!),
    "5 s",
    s.create!.medianMs < 5000 ? "met" : "missed",
  );
  row(
    "(9) `diff`, one step deleting 40,000 classes",
    fmtMs(s.remove!),
    null,
    null,
    fmtMiB(s.remove!),
    "5 s",
    s.remove!.medianMs < 5000 ? "met" : "missed",
  );
}

async function benchAction(): Promise<void> {
  log("(2) dist/index.js check mode on a one-config pull request vs bare Node start");
  const setup = await actionSetup(storefront);
  try {
    const loadBefore = load();
    const unchanged: Command = setup.command;
    const fresh: Command = {
      ...setup.command,
      before: () => {
        deleteAllComments(setup.api);
        return setup.command.before?.();
      },
    };
    const s = await interleaved({ bare, "comment unchanged": unchanged, "comment new": fresh });
    const rU = ratio(s["comment unchanged"]!, s.bare!);
    const rN = ratio(s["comment new"]!, s.bare!);
    results.action = { loadBefore, loadAfter: load(), ...s, ratioUnchanged: rU, ratioNew: rN };
    row(
      "(2) action check, one-config PR, comment unchanged",
      fmtMs(s["comment unchanged"]!),
      fmtMs(s.bare!),
      `${rU}x`,
      fmtMiB(s["comment unchanged"]!),
      "≤ 1.5x",
      rU <= 1.5 ? "met" : "missed",
    );
    row(
      "(2) action check, one-config PR, comment new",
      fmtMs(s["comment new"]!),
      fmtMs(s.bare!),
      `${rN}x`,
      fmtMiB(s["comment new"]!),
      "≤ 1.5x",
      rN <= 1.5 ? "met" : "missed",
    );
  } finally {
    await setup.cleanup();
  }
}

/** `do-migrate check` of a generated repository's two commits, JSON out, never failing. */
function checkArgs(repo: GitRepo, ...extra: string[]): string[] {
  return checkArgsOf(CLI, repo, ...extra);
}

function checkArgsOf(cli: string, repo: GitRepo, ...extra: string[]): string[] {
  return [
    cli,
    "check",
    "--base",
    repo.baseSha,
    "--head",
    repo.headSha,
    "--format",
    "json",
    "--fail-on",
    "never",
    ...extra,
  ];
}

const fmtCpu = (s: Stats) => (s.medianCpuMs === null ? "" : `, CPU ${s.medianCpuMs} ms`);
const cpuRatio = (a: Stats, b: Stats) =>
  a.medianCpuMs !== null && b.medianCpuMs ? round(a.medianCpuMs / b.medianCpuMs, 2) : null;

async function benchMonorepo(): Promise<void> {
  const counter = gitCounter();
  const repos = new Map<number, GitRepo>();
  // The build measured, and (--compare) the reference build run side by side with it.
  const builds: [string, string][] = [
    ["", CLI],
    ...(COMPARE ? [[" ref", join(COMPARE, "cli.js")] as [string, string]] : []),
  ];
  try {
    for (const size of SIZES) {
      log(`(3) generating a monorepo of ${size} Workers`);
      repos.set(size, createGitRepo(monorepo(size, Math.min(size, 5))));
    }
    const check = (size: number, cli: string, env: NodeJS.ProcessEnv = process.env): Command => {
      const repo = repos.get(size)!;
      return {
        command: NODE,
        args: checkArgsOf(cli, repo),
        cwd: repo.dir,
        env,
      };
    };
    // Processes spawned: one untimed run per size and build with the counting git first on PATH;
    // the builds must agree on the findings.
    const gitCalls: Record<string, Record<string, number>> = {};
    const findings: Record<string, number> = {};
    for (const size of SIZES) {
      const seen: string[] = [];
      for (const [suffix, cli] of builds) {
        counter.reset();
        const run = await runChecked(
          `check ${size}${suffix}`,
          check(size, cli, { ...process.env, PATH: `${counter.dir}:${process.env.PATH}` }),
        );
        gitCalls[`${size}${suffix}`] = counter.count();
        const report = JSON.parse(run.stdout) as { findings: unknown[] };
        findings[`${size}${suffix}`] = report.findings.length;
        seen.push(JSON.stringify(report.findings));
      }
      if (seen.some((f) => f !== seen[0])) log(`(3) warning: the builds' findings differ at ${size} Workers`);
    }
    log(
      `(3) check on ${SIZES.join(", ")} Workers${COMPARE ? ", this build and the reference" : ""}, interleaved`,
    );
    const loadBefore = load();
    const s = await interleaved(
      Object.fromEntries(
        SIZES.flatMap((size) => builds.map(([suffix, cli]) => [`${size}${suffix}`, check(size, cli)])),
      ),
    );
    const loadAfter = load();
    // Growth between consecutive sizes: time, CPU time and memory, against the growth of the Workers.
    const growth = SIZES.slice(1).map((size, i) => {
      const from = SIZES[i]!;
      const a = s[String(from)]!;
      const b = s[String(size)]!;
      return {
        from,
        to: size,
        workers: round(size / from, 2),
        time: round(b.medianMs / a.medianMs, 2),
        cpu: a.medianCpuMs && b.medianCpuMs ? round(b.medianCpuMs / a.medianCpuMs, 2) : null,
        memory: a.medianRssMiB && b.medianRssMiB ? round(b.medianRssMiB / a.medianRssMiB, 2) : null,
      };
    });
    const growth100 = growth.find((g) => g.from === 100 && g.to === 1000);
    results.monorepo = {
      loadBefore,
      loadAfter,
      changedWorkers: 5,
      migrationsPerWorker: 50,
      environmentsPerWorker: 3,
      ...(COMPARE ? { reference: relative(ROOT, COMPARE) || "." } : {}),
      sizes: Object.fromEntries(
        SIZES.map((size) => [
          size,
          {
            ...s[String(size)],
            findings: findings[String(size)],
            gitProcesses: gitCalls[String(size)],
            ...(COMPARE
              ? {
                  reference: { ...s[`${size} ref`], findings: findings[`${size} ref`] },
                  ratio: ratio(s[String(size)]!, s[`${size} ref`]!),
                  cpuRatio: cpuRatio(s[String(size)]!, s[`${size} ref`]!),
                }
              : {}),
          },
        ]),
      ),
      growth,
      growth100to1000: growth100?.time ?? null,
      rssGrowth100to1000: growth100?.memory ?? null,
    };
    for (const size of SIZES) {
      const st = s[String(size)]!;
      const ref = s[`${size} ref`];
      const calls = gitCalls[String(size)]!;
      const total = Object.values(calls).reduce((a, b) => a + b, 0);
      const target = ref ? "≤ 1x the reference" : size === 1000 ? "< 3 s, < 300 MB" : "";
      const met = ref
        ? ratio(st, ref) <= 1
          ? "met"
          : "missed"
        : size === 1000
          ? st.medianMs < 3000 && (st.medianRssMiB ?? 0) * 1.048576 < 300
            ? "met"
            : "missed"
          : "";
      row(
        `(3) \`check\`, ${size} Workers (5 changed), ${total} git processes`,
        `${fmtMs(st)}${fmtCpu(st)}`,
        ref ? `${fmtMs(ref)}${fmtCpu(ref)}, ${fmtMiB(ref)}` : "",
        ref ? `${ratio(st, ref)}x (CPU ${cpuRatio(st, ref) ?? "n/a"}x)` : "",
        fmtMiB(st),
        target,
        met,
      );
    }
    for (const g of growth) {
      row(
        `(3) growth ${g.from} → ${g.to} Workers (${g.workers}x the Workers)`,
        `${g.time}x time${g.cpu === null ? "" : `, ${g.cpu}x CPU`}`,
        "",
        "",
        g.memory === null ? "n/a" : `${g.memory}x memory`,
        `linear (≤ ${g.workers}x)`,
        g.time <= g.workers && (g.cpu ?? 0) <= g.workers ? "met" : "missed",
      );
    }
  } finally {
    for (const repo of repos.values()) repo.cleanup();
  }
}

/** A local server that answers every request (and proxy CONNECT) with 502 and counts them. */
async function startTrap(): Promise<{ url: string; count(): number; close(): Promise<void> }> {
  let count = 0;
  const server = createServer((_req, res) => {
    count++;
    res.writeHead(502).end();
  });
  server.on("connect", (_req, socket) => {
    count++;
    socket.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    count: () => count,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

async function benchWrangler(): Promise<void> {
  log("(4) our diff and check vs wrangler deploy --dry-run on the same config");
  const project = join(scratch, "wrangler-project");
  writeFiles(project, {
    "wrangler.toml": storefront.head["wrangler.toml"],
    "src/index.ts": storefront.head["src/index.ts"],
    "base/wrangler.toml": storefront.base["wrangler.toml"],
  });
  const repo = createGitRepo(storefront);
  const trap = await startTrap();
  try {
    const home = join(scratch, "wrangler-home");
    mkdirSync(home, { recursive: true });
    const wranglerEnv: NodeJS.ProcessEnv = {
      PATH: `${join(ROOT, "node_modules/.bin")}:/usr/local/bin:/usr/bin:/bin`,
      HOME: home,
      XDG_CONFIG_HOME: join(home, ".config"),
      TMPDIR: home,
      CI: "true",
      NO_COLOR: "1",
      WRANGLER_SEND_METRICS: "false",
      WRANGLER_HIDE_BANNER: "true",
      CLOUDFLARE_API_TOKEN: "dummy-token-for-the-dry-run",
      CLOUDFLARE_ACCOUNT_ID: "0123456789abcdef0123456789abcdef",
      // Any request wrangler tried would reach the trap (and be counted), never the network.
      CLOUDFLARE_API_BASE_URL: `${trap.url}/client/v4`,
      HTTPS_PROXY: trap.url,
      HTTP_PROXY: trap.url,
      https_proxy: trap.url,
      http_proxy: trap.url,
    };
    const wrangler: Command = {
      command: NODE,
      args: [WRANGLER, "deploy", "--dry-run"],
      cwd: project,
      env: wranglerEnv,
      okCodes: [0],
    };
    const diff: Command = {
      command: NODE,
      args: [CLI, "diff", "base/wrangler.toml", "wrangler.toml", "--format", "json", "--fail-on", "never"],
      cwd: project,
    };
    const check: Command = {
      command: NODE,
      args: [
        CLI,
        "check",
        "--base",
        repo.baseSha,
        "--head",
        repo.headSha,
        "--format",
        "json",
        "--fail-on",
        "never",
      ],
      cwd: repo.dir,
    };
    const loadBefore = load();
    const s = await interleaved({ wrangler, "our diff": diff, "our check": check });
    const rDiff = round(s.wrangler!.medianMs / s["our diff"]!.medianMs, 1);
    const rCheck = round(s.wrangler!.medianMs / s["our check"]!.medianMs, 1);
    results.wrangler = {
      loadBefore,
      loadAfter: load(),
      version: JSON.parse(readFileSync(join(ROOT, "node_modules/wrangler/package.json"), "utf8")).version,
      ...s,
      fasterDiff: rDiff,
      fasterCheck: rCheck,
      requestsSeen: trap.count(),
    };
    row(
      "(4) `wrangler deploy --dry-run`, same config",
      fmtMs(s.wrangler!),
      "",
      "",
      fmtMiB(s.wrangler!),
      "",
      "",
    );
    row(
      "(4) our `diff` vs the dry run",
      fmtMs(s["our diff"]!),
      fmtMs(s.wrangler!),
      `${rDiff}x faster`,
      fmtMiB(s["our diff"]!),
      "≥ 20x faster",
      rDiff >= 20 ? "met" : "missed",
    );
    row(
      "(4) our `check` vs the dry run",
      fmtMs(s["our check"]!),
      fmtMs(s.wrangler!),
      `${rCheck}x faster`,
      fmtMiB(s["our check"]!),
      "≥ 20x faster",
      rCheck >= 20 ? "met" : "missed",
    );
    if (trap.count() > 0) log(`warning: wrangler tried ${trap.count()} request(s) (answered 502 locally)`);
  } finally {
    await trap.close();
    repo.cleanup();
  }
}

async function benchRequests(): Promise<void> {
  log("(5) GitHub API requests per run");
  const scenarios = [
    { name: "1 changed config", files: storefront, existingComments: 0 },
    { name: "100 changed configs", files: monorepo(100, 100), existingComments: 0 },
    {
      name: "100 changed configs, 250 other comments on the PR",
      files: monorepo(100, 100),
      existingComments: 250,
    },
  ];
  const out: Record<string, unknown>[] = [];
  for (const scenario of scenarios) {
    const setup = await actionSetup(scenario.files, { existingComments: scenario.existingComments });
    try {
      for (const comment of ["new", "unchanged"] as const) {
        setup.api.clearRequests();
        const run = await runChecked(`action (${scenario.name})`, setup.command);
        const byRoute = requestsByRoute(setup.api);
        const writes = setup.api.writes().length;
        const total = setup.api.requests.length;
        const action = /Sticky comment (\w+)/.exec(run.stdout)?.[1] ?? "none";
        out.push({ scenario: scenario.name, comment, total, writes, byRoute, stickyComment: action });
        const pages = byRoute["list-comments"] ?? 0;
        const ok = comment === "unchanged" ? writes === 0 : writes === 1;
        row(
          `(5) ${scenario.name}, comment ${comment}`,
          `${total} requests`,
          `${byRoute["get-pull"] ?? 0} PR read, ${pages} comment page(s)`,
          `${writes} write(s)`,
          "",
          comment === "unchanged" ? "reads only" : "one write",
          ok ? "met" : "missed",
        );
      }
    } finally {
      await setup.cleanup();
    }
  }
  results.requests = out;
}

/**
 * The account of the monorepo's Workers: every Worker deployed at its config's last tag, with a
 * namespace per live class (top level and 3 environments each). Returns the namespace count.
 */
function seedMonorepoAccount(cf: CloudflareApi, account: string, workers: number): number {
  let namespaces = 0;
  for (let i = 0; i < workers; i++) {
    const deployed = monorepoDeployed(i);
    for (const name of deployed.names) {
      cf.state.seedWorker(account, name, {
        migrationTag: deployed.tag,
        classes: Object.fromEntries(deployed.classes.map((c) => [c, "sqlite" as const])),
      });
      namespaces += deployed.classes.length;
    }
  }
  return namespaces;
}

/** The stand-in's requests by route, without the account, Worker names or namespace IDs. */
function cloudflareRequestsByRoute(cf: CloudflareApi, account: string): Record<string, number> {
  const byRoute: Record<string, number> = {};
  for (const r of cf.requests) {
    const route = r.route
      .replace(`/accounts/${account}/workers`, "")
      .replace(/\/scripts\/[^/]+\/settings$/, "/scripts/{name}/settings")
      .replace(/\/namespaces\/[^/]+\/objects$/, "/namespaces/{id}/objects");
    byRoute[route] = (byRoute[route] ?? 0) + 1;
  }
  return byRoute;
}

// ---------------------------------------------------------------------------------------------
// (6) The live plan: Cloudflare API requests of `check --live` on a 1,000-Worker monorepo

async function benchLive(): Promise<void> {
  const workers = 1000;
  const changed = 10;
  log(`(6) live plan: ${workers} Workers, ${changed} changed, against the Cloudflare API stand-in`);
  const repo = createGitRepo(monorepo(workers, changed));
  const cf = await startCloudflareApi({ token: TOKEN });
  const account = "0123456789abcdef0123456789abcdef";
  try {
    // 4,000 Workers and their namespaces, as the account would be.
    const namespaces = seedMonorepoAccount(cf, account, workers);
    // The deleted class holds objects in every Worker that deletes it.
    for (const [name, worker] of cf.state.accounts.get(account)!.workers) {
      if (worker.namespaces.some((n) => n.className === "Obj49"))
        cf.state.setObjects(account, name, "Obj49", 25_000, 20_000);
    }
    const check = (live: boolean): Command => ({
      command: NODE,
      args: checkArgs(repo, ...(live ? ["--live"] : [])),
      cwd: repo.dir,
      env: {
        ...process.env,
        CLOUDFLARE_API_TOKEN: TOKEN,
        CLOUDFLARE_ACCOUNT_ID: account,
        CLOUDFLARE_API_BASE_URL: cf.apiBaseUrl,
      },
    });
    cf.clearRequests();
    const run = await runChecked("check --live", check(true));
    const report = JSON.parse(run.stdout) as { workers: { live: string; destroys: unknown[] }[] };
    const byRoute = cloudflareRequestsByRoute(cf, account);
    const total = cf.requests.length;
    const planned = report.workers.filter((w) => w.live === "read").length;
    const destroying = report.workers.filter((w) => w.destroys.length > 0).length;
    log(`(6) check with and without --live, interleaved`);
    const s = await interleaved({ static: check(false), live: check(true) });
    results.live = {
      workers,
      changedConfigs: changed,
      deployedWorkers: workers * 4,
      namespaces,
      plannedWorkers: planned,
      destroyingWorkers: destroying,
      requests: total,
      byRoute,
      static: s.static,
      live: s.live,
    };
    const settings = byRoute["/scripts/{name}/settings"] ?? 0;
    const pages = byRoute["/durable_objects/namespaces"] ?? 0;
    const objects = byRoute["/durable_objects/namespaces/{id}/objects"] ?? 0;
    row(
      `(6) \`check --live\`, ${workers} Workers (${changed} changed: ${planned} deployed Workers planned, ${destroying} destroying), account of ${workers * 4} Workers and ${namespaces.toLocaleString("en-US")} namespaces`,
      `${total} requests`,
      `scripts list 1, namespace pages ${pages}, settings ${settings}, object pages ${objects}`,
      "",
      fmtMiB(s.live!),
      `lists once + a few per changed Worker (+ up to ${DEFAULT_SCAN_CAP} other Workers when a class is deleted)`,
      byRoute["/scripts"] === 1 && settings <= planned * 2 + DEFAULT_SCAN_CAP ? "met" : "missed",
    );
    row(
      `(6) same, time with --live vs static`,
      fmtMs(s.live!),
      fmtMs(s.static!),
      ratio(s.live!, s.static!),
      fmtMiB(s.static!),
      "",
      "",
    );
  } finally {
    await cf.close();
    repo.cleanup();
  }
}

// ---------------------------------------------------------------------------------------------
// (7) The release plan: `deploy --all --phase plan` of a 1,000-Worker monorepo (issue 14)

async function benchRelease(): Promise<void> {
  const workers = 1000;
  log(`(7) release plan: ${workers} Workers, against the Cloudflare API stand-in`);
  const repo = createGitRepo(monorepo(workers, 10));
  const cf = await startCloudflareApi({ token: TOKEN });
  const account = "0123456789abcdef0123456789abcdef";
  try {
    seedMonorepoAccount(cf, account, workers);
    const plan: Command = {
      command: NODE,
      args: [CLI, "deploy", "--all", "--phase", "plan"],
      cwd: repo.dir,
      env: {
        ...process.env,
        CLOUDFLARE_API_TOKEN: TOKEN,
        CLOUDFLARE_ACCOUNT_ID: account,
        CLOUDFLARE_API_BASE_URL: cf.apiBaseUrl,
      },
    };
    cf.clearRequests();
    await runOnce(plan);
    const byRoute = cloudflareRequestsByRoute(cf, account);
    const total = cf.requests.length;
    const s = await interleaved({ plan });
    results.release = { workers, requests: total, byRoute, plan: s.plan };
    row(
      `(7) \`deploy --all --phase plan\`, ${workers} Workers (one env each), account of ${workers * 4} Workers`,
      `${total} requests`,
      `scripts list 1, namespace pages ${byRoute["/durable_objects/namespaces"] ?? 0}, settings ${byRoute["/scripts/{name}/settings"] ?? 0}, object pages ${byRoute["/durable_objects/namespaces/{id}/objects"] ?? 0}`,
      "",
      fmtMiB(s.plan!),
      "lists once + one settings read per released Worker",
      byRoute["/scripts"] === 1 ? "met" : "missed",
    );
    row(`(7) same, time`, fmtMs(s.plan!), "", "", fmtMiB(s.plan!), "", "");
  } finally {
    await cf.close();
    repo.cleanup();
  }
}

// ---------------------------------------------------------------------------------------------
// (8) The action's suggestions on a large pull request: every config of the pull request edits its
// applied first migration, so each has one fix to prove (code review S10)

const SUGGESTION_SIZES = [100, 400, 1000];

async function benchSuggestions(): Promise<void> {
  const sizes = SUGGESTION_SIZES;
  const setups: ActionSetup[] = [];
  try {
    const variants: Record<string, Command> = {};
    for (const size of sizes) {
      log(`(8) a pull request editing the applied history of ${size} configs`);
      const setup = await actionSetup(historyEdits(size));
      setups.push(setup);
      for (const suggestions of ["false", "true"]) {
        const env = { ...setup.command.env };
        env[inputVariable("suggestions")] = suggestions;
        env[inputVariable("comment")] = "never";
        variants[`${size} suggestions ${suggestions}`] = { ...setup.command, env };
      }
    }
    const loadBefore = load();
    const s = await interleaved(variants);
    results.suggestions = { loadBefore, loadAfter: load(), ...s };
    for (const size of sizes) {
      const off = s[`${size} suggestions false`]!;
      const on = s[`${size} suggestions true`]!;
      row(
        `(8) action check, ${size} configs each editing an applied step, suggestions on`,
        fmtMs(on),
        `off: ${fmtMs(off)}`,
        `${ratio(on, off)}x`,
        fmtMiB(on),
        "grows with the configs, not their square",
        "",
      );
    }
  } finally {
    for (const setup of setups) await setup.cleanup();
  }
}

// ---------------------------------------------------------------------------------------------
// dist/ size and what each mode loads

async function distReport(): Promise<void> {
  const files = new Map<string, number>();
  const walk = (dir: string) => {
    for (const name of readdirSafe(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(relative(DIST, full), statSync(full).size);
    }
  };
  walk(DIST);
  const total = [...files.values()].reduce((a, b) => a + b, 0);
  const preload = join(ROOT, "bench/loaded-modules.ts");
  const loadedBy = async (cmd: Command): Promise<string[]> => {
    const list = join(scratch, "loaded.txt");
    rmSync(list, { force: true });
    await runChecked("load trace", {
      ...cmd,
      args: ["--import", preload, ...cmd.args],
      env: { ...(cmd.env ?? process.env), BENCH_LOADED_FILE: list },
    });
    return readFileSync(list, "utf8")
      .split("\n")
      .map((u) => decodeURIComponent(new URL(u).pathname))
      .filter((p) => p.startsWith(`${DIST}/`))
      .map((p) => relative(DIST, p))
      .sort();
  };
  const dir = join(scratch, "single");
  writeFiles(dir, {
    "base/wrangler.toml": storefront.base["wrangler.toml"],
    "head/wrangler.toml": storefront.head["wrangler.toml"],
  });
  const repo = createGitRepo(storefront);
  const setup = await actionSetup(storefront);
  try {
    const modes: Record<string, string[]> = {
      "cli diff": await loadedBy({
        command: NODE,
        args: [CLI, "diff", "base/wrangler.toml", "head/wrangler.toml", "--fail-on", "never"],
        cwd: dir,
      }),
      "cli check (code-aware checks run)": await loadedBy({
        command: NODE,
        args: [CLI, "check", "--base", repo.baseSha, "--head", repo.headSha, "--fail-on", "never"],
        cwd: repo.dir,
      }),
      "action check": await loadedBy(setup.command),
    };
    results.dist = {
      totalBytes: total,
      files: Object.fromEntries([...files].sort((a, b) => b[1] - a[1])),
      loadedBy: Object.fromEntries(
        Object.entries(modes).map(([mode, list]) => [
          mode,
          {
            bytes: list.reduce((a, f) => a + (files.get(f) ?? 0), 0),
            files: Object.fromEntries(list.map((f) => [f, files.get(f) ?? 0])),
          },
        ]),
      ),
    };
  } finally {
    repo.cleanup();
    await setup.cleanup();
  }
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!existsSync(CLI) || !existsSync(ACTION)) throw new Error("dist/ is missing: run `npm run build` first");
  const machine = {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: (await runOnce({ command: NODE, args: ["--version"] })).stdout.trim(),
    os: `${process.platform} ${release()}`,
    git: (await runOnce({ command: "git", args: ["--version"] })).stdout.trim(),
    loadAtStart: load(),
    loadAtEnd: [0, 0, 0] as number[],
    runs: RUNS,
    gnuTime: hasGnuTime,
    date: new Date().toISOString(),
  };
  results.machine = machine;
  results.measuredBuild = relative(ROOT, DIST) || ".";
  if (COMPARE) results.referenceBuild = relative(ROOT, COMPARE) || ".";
  log(
    `${machine.nproc} CPUs, ${machine.memoryGiB} GiB, Node ${machine.node}, load ${machine.loadAtStart.join(" ")}`,
  );
  if (ONLY.has("startup")) await benchStartup();
  if (ONLY.has("action")) await benchAction();
  if (ONLY.has("monorepo")) await benchMonorepo();
  if (ONLY.has("wrangler")) await benchWrangler();
  if (ONLY.has("requests")) await benchRequests();
  if (ONLY.has("live")) await benchLive();
  if (ONLY.has("release")) await benchRelease();
  if (ONLY.has("suggestions")) await benchSuggestions();
  if (ONLY.has("hostile")) await benchHostile();
  await distReport();
  machine.loadAtEnd = load();

  const header = ["Measurement", "Ours (median)", "Reference (median)", "Ratio", "Peak RSS", "Target", ""];
  const lines = [
    `Machine: ${machine.nproc} CPUs (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.os}; ` +
      `load average ${machine.loadAtStart.join(" ")} at start, ${machine.loadAtEnd.join(" ")} at end; ` +
      `medians of ${RUNS} interleaved runs.`,
    "",
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...table.map((cells) => `| ${cells.join(" | ")} |`),
  ];
  const dist = results.dist as { totalBytes: number; loadedBy: Record<string, { bytes: number }> };
  lines.push(
    "",
    `dist/: ${kib(dist.totalBytes)} in total; loaded by ${Object.entries(dist.loadedBy)
      .map(([mode, l]) => `${mode}: ${kib(l.bytes)}`)
      .join(", ")}.`,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
  writeFileSync(flags.out, `${JSON.stringify(results, null, 2)}\n`);
  // In the repository's own format, so that `npm run lint` stays clean when it is committed.
  const biome = join(ROOT, "node_modules/.bin/biome");
  if (existsSync(biome)) await runOnce({ command: biome, args: ["format", "--write", flags.out] });
  log(`wrote ${relative(ROOT, flags.out)}`);
}

const kib = (bytes: number) => `${round(bytes / 1024)} KiB`;

try {
  await main();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

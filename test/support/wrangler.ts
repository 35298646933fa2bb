/**
 * Runs the REAL wrangler (the project's devDependency) in a throw-away project directory,
 * against a local stand-in API (see cloudflare-api.ts). Test-only.
 *
 * The child gets a minimal environment: the API base URL, a fake token and account id,
 * telemetry off, CI=true, HOME/XDG dirs inside the temp dir, the banner (and so the update
 * check) off. Nothing is inherited from the developer's shell except PATH.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** Node 24 from the devDependency `node`. */
export const NODE_BIN = join(REPO_ROOT, "node_modules/.bin/node");
/** The wrangler bin shim (a node script). */
export const WRANGLER_BIN = join(REPO_ROOT, "node_modules/.bin/wrangler");
/**
 * Node's compile cache for the wrangler children (NODE_COMPILE_CACHE): V8 keeps the compiled
 * code of wrangler's bundle between runs, which saves about a sixth of the CPU of a deploy. What
 * wrangler does is the same; only the parsing of its code is skipped.
 */
export const COMPILE_CACHE = join(tmpdir(), "do-migrate-tests-node-compile-cache");

export interface WorkerProject {
  dir: string;
  /** Absolute path of the config file. */
  configPath: string;
  /** Replace the config (an object is written as JSON into wrangler.jsonc; a string as is). */
  writeConfig(config: object | string): Promise<void>;
  writeFile(relativePath: string, content: string): Promise<void>;
  cleanup(): Promise<void>;
}

export interface WorkerProjectOptions {
  /** Config object (JSONC) or raw text. */
  config: object | string;
  /** Config file name; default `wrangler.jsonc` (use `wrangler.toml` with a TOML string). */
  configFile?: string;
  /** Files relative to the project dir, e.g. `{ "src/index.js": "..." }`. */
  files?: Record<string, string>;
}

export async function createWorkerProject(options: WorkerProjectOptions): Promise<WorkerProject> {
  const dir = await mkdtemp(join(tmpdir(), "do-migrate-wrangler-"));
  const configPath = join(dir, options.configFile ?? "wrangler.jsonc");
  const project: WorkerProject = {
    dir,
    configPath,
    async writeConfig(config) {
      await writeFile(
        configPath,
        typeof config === "string" ? config : `${JSON.stringify(config, null, 2)}\n`,
      );
    },
    async writeFile(relativePath, content) {
      const target = join(dir, relativePath);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
  await project.writeConfig(options.config);
  for (const [path, content] of Object.entries(options.files ?? {})) await project.writeFile(path, content);
  return project;
}

/** A module worker source exporting the given Durable Object classes (plus a default handler). */
export function workerSource(classes: readonly string[]): string {
  const lines = ['import { DurableObject } from "cloudflare:workers";', ""];
  for (const name of classes) {
    lines.push(
      `export class ${name} extends DurableObject {`,
      `  async fetch() { return new Response("${name}"); }`,
      "}",
      "",
    );
  }
  lines.push("export default {", '  async fetch() { return new Response("ok"); },', "};", "");
  return lines.join("\n");
}

export interface RunWranglerOptions {
  cwd: string;
  apiBaseUrl: string;
  accountId: string;
  token: string;
  /** Added to (and overriding) the minimal environment. */
  extraEnv?: Record<string, string>;
  /** Kill the child after this long (default 60 s). */
  timeoutMs?: number;
}

export interface WranglerRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** Parsed ND-JSON records from WRANGLER_OUTPUT_FILE_PATH. */
  records: Record<string, unknown>[];
  /** Raw text of the output file. */
  outputFile: string;
  timedOut: boolean;
}

/** Run `wrangler <args>` with Node 24 in `cwd`. */
export async function runWrangler(
  args: readonly string[],
  options: RunWranglerOptions,
): Promise<WranglerRun> {
  const home = await mkdtemp(join(tmpdir(), "do-migrate-home-"));
  const outputPath = join(home, "wrangler-output.ndjson");
  const env: Record<string, string> = {
    PATH: `${join(REPO_ROOT, "node_modules/.bin")}:${process.env.PATH ?? "/usr/bin:/bin"}`,
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    TMPDIR: home,
    CI: "true",
    WRANGLER_SEND_METRICS: "false",
    WRANGLER_HIDE_BANNER: "true",
    NODE_COMPILE_CACHE: COMPILE_CACHE,
    NO_COLOR: "1",
    FORCE_COLOR: "0",
    CLOUDFLARE_API_BASE_URL: options.apiBaseUrl,
    CLOUDFLARE_API_TOKEN: options.token,
    CLOUDFLARE_ACCOUNT_ID: options.accountId,
    WRANGLER_OUTPUT_FILE_PATH: outputPath,
    ...options.extraEnv,
  };
  const started = performance.now();
  const child = spawn(NODE_BIN, [WRANGLER_BIN, ...args], {
    cwd: options.cwd,
    env,
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
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, options.timeoutMs ?? 60_000);
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done, fail) => {
    child.on("error", fail);
    child.on("close", (code, sig) => done([code, sig]));
  });
  clearTimeout(timer);
  const durationMs = performance.now() - started;
  const outputFile = await readFile(outputPath, "utf8").catch(() => "");
  await rm(home, { recursive: true, force: true });
  const records = outputFile
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { exitCode, signal, stdout, stderr, durationMs, records, outputFile, timedOut };
}

/** `wrangler deploy [--env X]` in the project. */
export function wranglerDeploy(
  project: WorkerProject,
  options: Omit<RunWranglerOptions, "cwd"> & { env?: string },
): Promise<WranglerRun> {
  const args = ["deploy", "--config", project.configPath];
  if (options.env) args.push("--env", options.env);
  return runWrangler(args, { ...options, cwd: project.dir });
}

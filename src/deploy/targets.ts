// Which Workers a deploy run takes: one config (the path given, else wrangler's own search from
// the working directory), or many (paths, globs and directories, or every config under the
// working directory), each read once and resolved to its Worker for the environment asked for.
// Selection goes through the one glob matcher (src/core/discover.ts, src/core/glob.ts).
import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { toRepoPatterns } from "../adapters/path-patterns.ts";
import { pathExists } from "../adapters/paths.ts";
import { parseConfigText } from "../core/config/parse.ts";
import { readWorkers } from "../core/config/workers.ts";
import { selectConfigPaths } from "../core/discover.ts";
import { isGlob } from "../core/glob.ts";
import { accountOf } from "../core/plan/live-plan.ts";
import type { DeployLog, DeployTarget } from "./worker-deploy.ts";

/** A problem that stops the run before anything is deployed, in plain words. */
export class DeployError extends Error {
  readonly fix: string;
  constructor(message: string, fix: string) {
    super(message);
    this.name = "DeployError";
    this.fix = fix;
  }
}

const CONFIG_NAMES = ["wrangler.json", "wrangler.jsonc", "wrangler.toml"] as const;

/**
 * wrangler's search: each name up the directory tree before the next name. A build tool's
 * `.wrangler/deploy/config.json` redirect is not followed: give its target as `config`.
 */
export async function findConfig(workingDirectory: string): Promise<string | null> {
  for (const name of CONFIG_NAMES) {
    let dir = resolve(workingDirectory);
    for (;;) {
      const candidate = join(dir, name);
      if (await pathExists(candidate)) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return null;
}

/** Whether the directory itself (not a parent) has a wrangler config: then it is one Worker's project. */
export async function hasOwnConfig(workingDirectory: string): Promise<boolean> {
  for (const name of CONFIG_NAMES) if (await pathExists(join(workingDirectory, name))) return true;
  return false;
}

/**
 * The configs a release selects, absolute and sorted: the patterns (relative to the working
 * directory; a directory means the configs under it; `!` takes paths back out), or with none
 * every config under the working directory, as discovery finds them.
 */
export function selectReleaseConfigs(
  root: string,
  workingDirectory: string,
  files: readonly string[],
  patterns: readonly string[],
): string[] {
  const rel = (abs: string) => relative(root, abs).split(sep).join("/");
  const wanted = (patterns.length > 0 ? patterns : ["."]).flatMap((p) =>
    toRepoPatterns(root, workingDirectory, p),
  );
  const byRel = new Map(files.map((f) => [rel(f), f]));
  return selectConfigPaths([...byRel.keys()], wanted).map((p) => byRel.get(p) as string);
}

/** One selected config and environment: its Worker, or why it cannot deploy. */
export type LoadedTarget =
  | { readonly ok: true; readonly label: string; readonly target: DeployTarget }
  | {
      readonly ok: false;
      readonly label: string;
      readonly env: string | null;
      readonly name: string | null;
      readonly message: string;
      readonly fix: string;
    };

/**
 * Reads one config and picks the Worker of `environment`. The account: the config's
 * `account_id` (an env's own, else the top level's), else the one given; wrangler decides the
 * same way (a config's `account_id` wins over CLOUDFLARE_ACCOUNT_ID).
 */
export async function loadTarget(
  configPath: string,
  environment: string | null,
  defaultAccount: string | null,
  wranglerCwd: string,
  label: string,
): Promise<LoadedTarget> {
  const fail = (message: string, fix: string, name: string | null = null): LoadedTarget => ({
    ok: false,
    label,
    env: environment,
    name,
    message,
    fix,
  });
  let configText: string;
  try {
    configText = await readFile(configPath, "utf8");
  } catch (error) {
    return fail(
      `${label} cannot be read: ${(error as NodeJS.ErrnoException).code ?? "error"}.`,
      "Check the config path.",
    );
  }
  const parsed = parseConfigText(configPath, configText);
  if (!parsed.ok) {
    return fail(
      `${basename(configPath)} does not parse${parsed.line ? ` (line ${parsed.line})` : ""}: ${parsed.message}.`,
      "Fix the config; wrangler would refuse it too.",
    );
  }
  const { workers } = readWorkers(parsed);
  const worker = workers.find((w) => w.env === environment);
  if (!worker) {
    const envs = workers.flatMap((w) => (w.env === null ? [] : [w.env]));
    return fail(
      `${basename(configPath)} has no environment "${environment}"${envs.length ? ` (it has: ${envs.join(", ")})` : ""}.`,
      "Set environment to one the config defines (empty for the top level).",
    );
  }
  if (worker.name === null) {
    return fail(
      `${basename(configPath)} gives the Worker no name${worker.env === null ? "" : ` in env ${worker.env}`}.`,
      "Set `name` in the config.",
    );
  }
  const accountId = accountOf(worker, defaultAccount);
  if (!accountId) {
    return fail(
      "No Cloudflare account ID: the deploy reads the live state of the account's Workers.",
      "Set cloudflare-account-id (CLI: --account-id or CLOUDFLARE_ACCOUNT_ID), or `account_id` in the config.",
      worker.name,
    );
  }
  return {
    ok: true,
    label,
    target: {
      workingDirectory: wranglerCwd,
      configPath,
      configText,
      worker: worker as DeployTarget["worker"],
      accountId,
    },
  };
}

/** The one Worker of a single deploy: the config given, else wrangler's search. Throws DeployError. */
export async function singleConfig(
  workingDirectory: string,
  config: string | null,
  log: DeployLog,
): Promise<string> {
  if (!(await pathExists(workingDirectory))) {
    throw new DeployError(
      `The working directory ${workingDirectory} does not exist.`,
      "Check working-directory.",
    );
  }
  if (config) {
    const configPath = isAbsolute(config) ? config : resolve(workingDirectory, config);
    if (!(await pathExists(configPath))) {
      throw new DeployError(`The config ${config} does not exist.`, "Check the config path.");
    }
    return configPath;
  }
  const found = await findConfig(workingDirectory);
  if (!found) {
    throw new DeployError(
      `No wrangler config (wrangler.json, wrangler.jsonc, wrangler.toml) in ${workingDirectory} or above.`,
      "Set working-directory to the Worker project, or give the config path.",
    );
  }
  const redirect = join(dirname(found), ".wrangler", "deploy", "config.json");
  if (await pathExists(redirect)) {
    log.warning(
      `${relative(workingDirectory, redirect)} redirects a plain \`wrangler deploy\` to a build tool's generated config; this deploy reads ${basename(found)} itself.`,
    );
  }
  return found;
}

/**
 * The selection the `config` input (or `--config` flags, `--all`) asks for: one plain path is
 * one Worker, as the single-Worker deploy always was; several, a glob, a directory or `--all` is
 * a release; none lets discovery decide (the working directory's own config, else every config
 * under it).
 */
export function selectionFor(
  workingDirectory: string,
  configs: readonly string[],
  all: boolean,
): { kind: "single"; config: string } | { kind: "select"; patterns: string[] } | { kind: "discover" } {
  if (all) return { kind: "select", patterns: [...configs] };
  if (configs.length === 0) return { kind: "discover" };
  const [only] = configs;
  if (configs.length === 1 && only && !isGlob(only) && !only.trim().startsWith("!")) {
    try {
      if (statSync(resolve(workingDirectory, only)).isDirectory())
        return { kind: "select", patterns: [only] };
    } catch {
      // a path that does not exist: the single deploy says so
    }
    return { kind: "single", config: only };
  }
  return { kind: "select", patterns: [...configs] };
}

// Which Workers a deploy run takes: one config (the path given, else wrangler's own search from
// the working directory), or many (paths, globs and directories, or every config under the
// working directory), each read once and resolved to its Worker for the environment asked for.
// Selection goes through the one glob matcher (src/core/discover.ts, src/core/glob.ts).
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { parseConfigText } from "../core/config/parse.ts";
import { readWorkers } from "../core/config/workers.ts";
import { selectConfigPaths } from "../core/discover.ts";
import { isGlob } from "../core/glob.ts";
import { accountOf } from "../core/plan/live-plan.ts";
import type { DeployFiles, DeployLog } from "./ports.ts";
import type { DeployTarget } from "./worker-deploy.ts";

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
export async function findConfig(workingDirectory: string, fs: DeployFiles): Promise<string | null> {
  for (const name of CONFIG_NAMES) {
    let dir = resolve(workingDirectory);
    for (;;) {
      const candidate = join(dir, name);
      if (await fs.exists(candidate)) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return null;
}

/** Whether the directory itself (not a parent) has a wrangler config: then it is one Worker's project. */
async function hasOwnConfig(workingDirectory: string, fs: DeployFiles): Promise<boolean> {
  for (const name of CONFIG_NAMES) if (await fs.exists(join(workingDirectory, name))) return true;
  return false;
}

/**
 * The configs a release selects, absolute and sorted: the patterns (relative to the working
 * directory; a directory means the configs under it; `!` takes paths back out), or with none
 * every config under the working directory, as discovery finds them.
 */
function selectReleaseConfigs(
  fs: DeployFiles,
  root: string,
  workingDirectory: string,
  files: readonly string[],
  patterns: readonly string[],
): string[] {
  const rel = (abs: string) => relative(root, abs).split(sep).join("/");
  const wanted = (patterns.length > 0 ? patterns : ["."]).flatMap((p) =>
    fs.repoPatterns(root, workingDirectory, p),
  );
  const byRel = new Map(files.map((f) => [rel(f), f]));
  return selectConfigPaths([...byRel.keys()], wanted).map((p) => byRel.get(p) as string);
}

/** One selected config and environment: its Worker, or why it cannot deploy. */
type LoadedTarget =
  | { readonly ok: true; readonly label: string; readonly target: DeployTarget }
  | {
      readonly ok: false;
      readonly label: string;
      readonly env: string | null;
      readonly name: string | null;
      readonly message: string;
      readonly fix: string;
      /** Why it is left out of a release of many configs, where it is not an error. */
      readonly notInRelease?: "no-env" | "template";
    };

/**
 * Reads one config and picks the Worker of `environment`. The account: the config's
 * `account_id` (an env's own, else the top level's), else the one given; wrangler decides the
 * same way (a config's `account_id` wins over CLOUDFLARE_ACCOUNT_ID).
 */
async function loadTarget(
  configPath: string,
  environment: string | null,
  defaultAccount: string | null,
  wranglerCwd: string,
  label: string,
  fs: Pick<DeployFiles, "readText">,
): Promise<LoadedTarget> {
  const fail = (
    message: string,
    fix: string,
    name: string | null = null,
    notInRelease?: "no-env" | "template",
  ): LoadedTarget => ({
    ok: false,
    label,
    env: environment,
    name,
    message,
    fix,
    ...(notInRelease ? { notInRelease } : {}),
  });
  let configText: string;
  try {
    configText = await fs.readText(configPath);
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
      null,
      "no-env",
    );
  }
  if (worker.placeholderName) {
    // wrangler does not fill in placeholders: it would send the name as written, and Cloudflare
    // refuses it (or, worse, a Worker of that name is made).
    return fail(
      `${basename(configPath)} is a template: the Worker name "${worker.placeholderName}"${worker.env === null ? "" : ` of env ${worker.env}`} is a placeholder, and wrangler deploys the name as written.`,
      "Give the Worker its real name in the config before deploying it, or leave the template out (`!path` in config).",
      worker.name,
      "template",
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
async function singleConfig(
  workingDirectory: string,
  config: string | null,
  log: DeployLog,
  fs: DeployFiles,
): Promise<string> {
  if (!(await fs.exists(workingDirectory))) {
    throw new DeployError(
      `The working directory ${workingDirectory} does not exist.`,
      "Check working-directory.",
    );
  }
  if (config) {
    const configPath = isAbsolute(config) ? config : resolve(workingDirectory, config);
    if (!(await fs.exists(configPath))) {
      throw new DeployError(`The config ${config} does not exist.`, "Check the config path.");
    }
    return configPath;
  }
  const found = await findConfig(workingDirectory, fs);
  if (!found) {
    throw new DeployError(
      `No wrangler config (wrangler.json, wrangler.jsonc, wrangler.toml) in ${workingDirectory} or above.`,
      "Set working-directory to the Worker project, or give the config path.",
    );
  }
  const redirect = join(dirname(found), ".wrangler", "deploy", "config.json");
  if (await fs.exists(redirect)) {
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
export async function selectionFor(
  workingDirectory: string,
  configs: readonly string[],
  all: boolean,
  fs: Pick<DeployFiles, "isDirectory">,
): Promise<
  { kind: "single"; config: string } | { kind: "select"; patterns: string[] } | { kind: "discover" }
> {
  if (all) return { kind: "select", patterns: [...configs] };
  if (configs.length === 0) return { kind: "discover" };
  const [only] = configs;
  if (configs.length === 1 && only && !isGlob(only) && !only.trim().startsWith("!")) {
    // A path that does not exist is not a directory: the single deploy says so.
    if (await fs.isDirectory(resolve(workingDirectory, only))) return { kind: "select", patterns: [only] };
    return { kind: "single", config: only };
  }
  return { kind: "select", patterns: [...configs] };
}

/** Which Workers: one config (the path, else wrangler's search), or a selection of many. */
export type Selection =
  | { readonly kind: "single"; readonly config: string | null }
  /**
   * No config named: the working directory's own config when it has one (one Worker, wrangler's
   * search), else every config under it, else wrangler's search upwards.
   */
  | { readonly kind: "discover" }
  /** Paths, globs and directories relative to the working directory; empty: every config under it. */
  | { readonly kind: "select"; readonly patterns: readonly string[] };

/** A selected Worker (one config and environment) as a run follows it. */
export interface Selected {
  readonly loaded: LoadedTarget;
  readonly target: DeployTarget | null;
  /** Unique in the run: the account and the Worker name (or the config and env when unknown). */
  readonly key: string;
  readonly notes: string[];
}

/**
 * The Workers a run takes, each config read once: one (the path given, else wrangler's search),
 * or a release (paths, globs, directories; none: every config under the working directory).
 * Throws DeployError when there is nothing to deploy.
 */
export async function selectWorkers(
  request: {
    readonly workingDirectory: string;
    readonly selection: Selection;
    readonly environment: string | null;
    readonly accountId: string | null;
  },
  fs: DeployFiles,
  log: DeployLog,
): Promise<{ slots: Selected[]; root: string; files: readonly string[] }> {
  const workingDirectory = request.workingDirectory;
  // The directory's configs, listed once (a `git ls-files` or a walk) whatever path is taken.
  let listing: ReturnType<DeployFiles["listConfigs"]> | null = null;
  const listed = () => {
    listing ??= fs.listConfigs(workingDirectory);
    return listing;
  };
  let selection = request.selection;
  if (selection.kind === "discover") {
    const under =
      (await hasOwnConfig(workingDirectory, fs)) || !(await fs.exists(workingDirectory))
        ? []
        : await listed()
            .then((w) => selectReleaseConfigs(fs, w.root, workingDirectory, w.files, []))
            .catch(() => []);
    selection = under.length > 0 ? { kind: "select", patterns: [] } : { kind: "single", config: null };
  }
  if (selection.kind === "single") {
    const configPath = await singleConfig(workingDirectory, selection.config, log, fs);
    const label = relative(workingDirectory, configPath) || configPath;
    const loaded = await loadTarget(
      configPath,
      request.environment,
      request.accountId,
      workingDirectory,
      label,
      fs,
    );
    if (!loaded.ok) throw new DeployError(loaded.message, loaded.fix);
    const workspace = await listed();
    return { slots: [slotOf(loaded)], root: workspace.root, files: workspace.files };
  }
  const workspace = await listed();
  const patterns = selection.kind === "select" ? selection.patterns : [];
  const paths = selectReleaseConfigs(fs, workspace.root, workingDirectory, workspace.files, patterns);
  if (paths.length === 0) {
    throw new DeployError(
      `No wrangler config matches ${patterns.length ? patterns.join(", ") : `under ${workingDirectory}`}.`,
      "Check config (paths or globs relative to working-directory).",
    );
  }
  const slots: Selected[] = [];
  const skipped: string[] = [];
  const templates: string[] = [];
  for (const path of paths) {
    const label = relative(workingDirectory, path) || path;
    const loaded = await loadTarget(path, request.environment, request.accountId, dirname(path), label, fs);
    // A config without the environment asked for, or a template (its Worker name a placeholder),
    // is not part of this release (said so).
    if (!loaded.ok && loaded.notInRelease === "no-env" && request.environment !== null) {
      skipped.push(label);
      continue;
    }
    if (!loaded.ok && loaded.notInRelease === "template") {
      templates.push(label);
      continue;
    }
    const slot = slotOf(loaded);
    const twin = slots.find((x) => x.key === slot.key);
    if (twin && slot.target) {
      // Two configs (or envs) that deploy the same Worker: each deploy would undo the other.
      slots.push(
        slotOf({
          ok: false,
          label,
          env: slot.target.worker.env,
          name: slot.target.worker.name,
          message: `${label} deploys Worker ${slot.target.worker.name}, which ${twin.loaded.label} deploys too: each deploy would replace the other's.`,
          fix: "Give each Worker its own name, or leave one of the configs out of the release (`!path` in config).",
        }),
      );
      continue;
    }
    slots.push(slot);
  }
  if (slots.length === 0) {
    throw skipped.length > 0
      ? new DeployError(
          `No selected config defines the environment "${request.environment}"${templates.length ? ` (the others are templates: ${templates.join(", ")})` : ""}.`,
          "Set environment to one the configs define (empty for the top level).",
        )
      : new DeployError(
          `Every selected config is a template (its Worker name is a placeholder): ${templates.join(", ")}.`,
          "Select the configs of real Workers (paths or globs in config), or give the Workers their names.",
        );
  }
  if (skipped.length > 0) {
    slots[0]?.notes.push(
      `Not in this release (no environment "${request.environment}"): ${skipped.join(", ")}.`,
    );
  }
  if (templates.length > 0) {
    slots[0]?.notes.push(
      `Not in this release (templates: the Worker name is a placeholder): ${templates.join(", ")}.`,
    );
  }
  return { slots, root: workspace.root, files: workspace.files };
}

function slotOf(loaded: LoadedTarget): Selected {
  const target = loaded.ok ? loaded.target : null;
  const key = target
    ? `${target.accountId}\u0000${target.worker.name}`
    : `${loaded.label}\u0000${loaded.ok ? "" : (loaded.env ?? "")}`;
  return { loaded, target, key, notes: [] };
}

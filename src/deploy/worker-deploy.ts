// One Worker's deploy, as a release runs it: phase 1 (a derived config written beside the
// original, bindings to the doomed classes removed and the destroying steps held back, plus a
// stand-in entry module when the code no longer exports a class that still has objects; both
// removed afterwards, whatever happens), or phase 2 and a normal deploy (the real config). Then
// `wrangler deploy`, and what its result means.
import { randomBytes } from "node:crypto";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { explainCloudflareError } from "../core/cloudflare-errors.ts";
import { resolveWorkerExports, type SourceReader } from "../core/code/worker-exports.ts";
import type { Worker } from "../core/model.ts";
import type { DeployRun } from "../core/plan/decide.ts";
import type { DeployPlan, LiveState } from "../core/plan/deploy-plan.ts";
import { canStandIn, derivePhase1Config, standInEntryModule } from "../core/plan/derive-config.ts";
import type { DeployFiles, DeployLog, RunWranglerDeployOptions, WranglerDeployResult } from "./ports.ts";

export type { DeployLog } from "./ports.ts";

/** A Worker to deploy: its config (read once) and where wrangler runs. */
export interface DeployTarget {
  /** Where wrangler runs (and its project's wrangler is looked for). */
  readonly workingDirectory: string;
  readonly configPath: string;
  readonly configText: string;
  readonly worker: Worker & { readonly name: string };
  readonly accountId: string;
}

export interface WorkerDeployOptions {
  readonly wranglerBin: string | readonly string[];
  readonly token: string;
  readonly apiBaseUrl?: string;
  readonly baseEnv?: Readonly<Record<string, string | undefined>>;
  readonly silent: boolean;
  /** The export names of the Worker's entry module, as the preflight found them (`codeExports`). */
  readonly exported: CodeExports;
  readonly log: DeployLog;
  readonly deploy: (options: RunWranglerDeployOptions) => Promise<WranglerDeployResult>;
  /** Writes and removes phase 1's temporary files. */
  readonly files: Pick<DeployFiles, "writeTemp" | "removeTemp">;
}

interface WorkerDeployResult {
  readonly result: WranglerDeployResult;
  /** Classes phase 1 gave a stand-in export. */
  readonly standIns: string[];
  readonly notes: string[];
}

const TEMP_PREFIX = ".do-migrate-phase1.";

export async function deployWorker(
  target: DeployTarget,
  plan: DeployPlan,
  live: LiveState,
  run: DeployRun,
  options: WorkerDeployOptions,
): Promise<WorkerDeployResult> {
  const { worker } = target;
  const deployWith = (configPath: string): Promise<WranglerDeployResult> => {
    options.log.info(
      `Running: wrangler deploy --config ${relative(target.workingDirectory, configPath)}${worker.env === null ? "" : ` --env ${worker.env}`}`,
    );
    const wrangler: RunWranglerDeployOptions = {
      wranglerBin: options.wranglerBin,
      cwd: target.workingDirectory,
      configPath,
      env: worker.env,
      accountId: target.accountId,
      token: options.token,
      silent: options.silent,
    };
    if (options.apiBaseUrl !== undefined) wrangler.apiBaseUrl = options.apiBaseUrl;
    if (options.baseEnv !== undefined) wrangler.baseEnv = options.baseEnv;
    return options.deploy(wrangler);
  };
  if (run !== "1") return { result: await deployWith(target.configPath), standIns: [], notes: [] };
  const phase1 = await preparePhase1(target, plan, live, options);
  try {
    return { result: await deployWith(phase1.configPath), standIns: phase1.standIns, notes: phase1.notes };
  } finally {
    await phase1.cleanup();
  }
}

/**
 * wrangler's launcher exits 0 when its worker process is killed: a run that wrote records but no
 * `deploy` record did not finish, whatever the exit code says.
 */
export function deployFinished(result: WranglerDeployResult): boolean {
  return result.ok && (result.records.length === 0 || result.records.some((r) => r.type === "deploy"));
}

/** A deploy that did not finish, in plain words with its fix. */
export function explainFailure(
  result: WranglerDeployResult,
  workerName: string,
  what: string,
): { headline: string; message: string; fix: string } {
  if (result.ok) {
    return {
      headline: `${what} did not finish: wrangler stopped without reporting a deploy.`,
      message:
        "wrangler exited without its `deploy` record (was it killed?). The live state above shows what landed.",
      fix: "Re-run: the deploy plans again from the live state and resumes.",
    };
  }
  const code = result.error?.code;
  const apiMessage = result.error?.message ?? `wrangler exited with code ${result.exitCode}`;
  if (code === 10079) {
    return {
      headline: `${what} aborted: someone else deployed ${workerName} at the same time.`,
      message: `Cloudflare refused the upload because the live migration tag moved while this run was deploying (code 10079: ${apiMessage}). This run changed nothing.`,
      fix: "Re-run: the deploy plans again from the new live state.",
    };
  }
  const explained = code !== undefined ? explainCloudflareError(code, apiMessage) : undefined;
  if (explained) {
    return {
      headline: `${what} failed: ${explained.title} (code ${code}).`,
      message: `${apiMessage} ${explained.explanation}`,
      fix: `${explained.fix} Then re-run: the deploy resumes from the live state.`,
    };
  }
  return {
    headline: `${what} failed${code !== undefined ? ` (code ${code})` : ""}.`,
    message: `wrangler deploy failed: ${apiMessage}`,
    fix: "Read wrangler's output above, fix the cause, and re-run: the deploy resumes from the live state.",
  };
}

export type CodeExports = { status: "known"; names: Set<string> } | { status: "unknown"; message: string };

/** The export names of a Worker's entry module, when they can be proven. */
export async function codeExports(
  worker: Worker,
  configPath: string,
  root: string,
  sourceReader: (root: string) => SourceReader,
): Promise<CodeExports> {
  if (worker.main === null) return { status: "unknown", message: "the config has no `main`" };
  const entryPath = resolve(dirname(configPath), worker.main);
  const rel = relative(root, entryPath);
  if (rel.startsWith("..") || isAbsolute(rel)) {
    return { status: "unknown", message: "the entry is outside the repository" };
  }
  try {
    const result = await resolveWorkerExports(rel.split(sep).join("/"), sourceReader(root));
    return result.status === "known"
      ? { status: "known", names: result.names }
      : { status: "unknown", message: result.message };
  } catch (error) {
    return { status: "unknown", message: (error as Error).message };
  }
}

// ---------------------------------------------------------------------------------------------
// Phase 1: the derived config and the stand-in entry, as temporary files beside the originals

interface Phase1Files {
  readonly configPath: string;
  readonly standIns: string[];
  readonly notes: string[];
  cleanup(): Promise<void>;
}

async function preparePhase1(
  target: DeployTarget,
  plan: DeployPlan,
  live: LiveState,
  options: WorkerDeployOptions,
): Promise<Phase1Files> {
  const { worker } = target;
  const configDir = dirname(target.configPath);
  const suffix = randomBytes(6).toString("hex");
  const notes: string[] = [];
  const temp: string[] = [];
  const cleanup = async (): Promise<void> => {
    for (const path of temp) await options.files.removeTemp(path);
  };
  const writeTemp = async (path: string, text: string): Promise<void> => {
    temp.push(path);
    await options.files.writeTemp(path, text);
  };

  try {
    let main: string | undefined;
    let standIns: string[] = [];
    if (worker.main === null) {
      notes.push("The config has no `main`: the classes the code exports could not be checked.");
    } else {
      const entryPath = resolve(configDir, worker.main);
      const exported = options.exported;
      if (exported.status === "unknown") {
        options.log.warning(
          `Could not list what ${worker.main} exports (${exported.message}); phase 1 deploys the code as it is.`,
        );
        notes.push(`The export names of ${worker.main} could not be determined: ${exported.message}`);
      } else {
        const missing = plan.phase1Classes.filter((c) => !exported.names.has(c));
        standIns = missing.filter(canStandIn);
        for (const c of missing.filter((m) => !canStandIn(m))) {
          notes.push(`${c} is not exported and cannot be given a stand-in export (not an identifier).`);
        }
        if (standIns.length > 0) {
          const standInPath = join(dirname(entryPath), `${TEMP_PREFIX}${suffix}.entry.js`);
          const text = standInEntryModule(`./${basename(entryPath)}`, standIns, {
            hasDefault: exported.names.has("default"),
          });
          await writeTemp(standInPath, text);
          main = relative(configDir, standInPath).split(sep).join("/");
          options.log.info(
            `Phase 1: the code no longer exports ${standIns.join(", ")}; supplying a stand-in export.`,
          );
        }
      }
    }
    const derived = derivePhase1Config(target.configPath, target.configText, worker, plan, {
      ...(live.provisioned ? { liveStorage: live.provisioned } : {}),
      ...(main !== undefined ? { main } : {}),
    });
    const configPath = join(configDir, `${TEMP_PREFIX}${suffix}.${basename(target.configPath)}`);
    await writeTemp(configPath, derived);
    return { configPath, standIns, notes, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

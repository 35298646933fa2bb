// The guarded two-phase deploy (DOMAIN.md §6), shared by the action (`mode: deploy`) and the CLI
// (`do-migrate deploy`). It reads the config and the live state, plans (src/core/plan), decides
// what this run does, and runs `wrangler deploy`:
//  - phase 1: a derived config written beside the original (bindings to the doomed classes
//    removed, the destroying steps held back), plus a stand-in entry module when the code no
//    longer exports a class that still has objects; both removed afterwards, whatever happens;
//  - phase 2 (only once phase 1 has landed and the confirmation names exactly the doomed
//    classes) and a normal deploy: the real config.
// Afterwards it reads the live state again and reports the live tag and what comes next.
// No @actions/* here: the caller passes a log and the adapters.
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { ApiBaseUrlError, CloudflareApiError, type CloudflareClient } from "../adapters/cloudflare-api.ts";
import { readLiveAccount } from "../adapters/live-state.ts";
import { pathExists } from "../adapters/paths.ts";
import type { RunWranglerDeployOptions, WranglerDeployResult } from "../adapters/wrangler.ts";
import { explainCloudflareError } from "../core/cloudflare-errors.ts";
import { resolveWorkerExports, type SourceReader } from "../core/code/worker-exports.ts";
import { parseConfigText } from "../core/config/parse.ts";
import { isRecord, readWorkers } from "../core/config/workers.ts";
import { type LiveProblem, liveStateFor, workerProblem } from "../core/live/state.ts";
import type { Worker } from "../core/model.ts";
import { type DeployRun, decideRun, nextPhaseOutput, type RequestedPhase } from "../core/plan/decide.ts";
import { type DeployPlan, type LiveState, planDeploy } from "../core/plan/deploy-plan.ts";
import { canStandIn, derivePhase1Config, standInEntryModule } from "../core/plan/derive-config.ts";
import {
  type DeployProblem,
  type DeployRunReport,
  type RunOutcome,
  renderDeployMarkdown,
  renderDeployText,
} from "../core/plan/render-plan.ts";

export interface DeployLog {
  info(message: string): void;
  warning(message: string): void;
}

export interface TwoPhaseAdapters {
  readonly log: DeployLog;
  /** A Cloudflare API client for one account (the caller holds the token and the API base URL). */
  cloudflare(accountId: string): CloudflareClient;
  /** Runs `wrangler deploy` (adapters/wrangler.ts `runWranglerDeploy`). */
  deploy(options: RunWranglerDeployOptions): Promise<WranglerDeployResult>;
  /** The wrangler to run: the project's, else installed. Throws with a plain message. */
  resolveWrangler(workingDirectory: string, version: string | null): Promise<string | readonly string[]>;
  /** The repository root and its wrangler configs (absolute paths). */
  listConfigs(workingDirectory: string): Promise<{ root: string; files: readonly string[] }>;
  /** Reads source files under a root, for the export analysis (adapters/source-files.ts). */
  sourceReader(root: string): SourceReader;
}

export interface TwoPhaseRequest {
  /** The Worker project's directory (absolute, or relative to the process's cwd). */
  readonly workingDirectory: string;
  /** Config path relative to the working directory; null = wrangler's own search. */
  readonly config: string | null;
  /** Wrangler environment; null = the top level. */
  readonly environment: string | null;
  readonly phase: RequestedPhase;
  readonly confirmDataLoss: readonly string[];
  /** null/empty = the config's `account_id`. */
  readonly accountId: string | null;
  readonly token: string;
  /** Passed to wrangler as CLOUDFLARE_API_BASE_URL when set. */
  readonly apiBaseUrl?: string;
  readonly wranglerVersion: string | null;
  /** The environment wrangler starts from (default: this process's). */
  readonly baseEnv?: Readonly<Record<string, string | undefined>>;
  /** Do not echo wrangler's output (tests). */
  readonly silent?: boolean;
}

export interface DeletedClass {
  readonly worker: string;
  readonly env: string | null;
  readonly class: string;
}

export interface TwoPhaseResult {
  /** False on a refusal or a failure. */
  readonly ok: boolean;
  readonly outcome: RunOutcome;
  /** What this run deployed: `1`, `2`, or `none` (also for a normal deploy). */
  readonly phase: "1" | "2" | "none";
  /** What this run deployed, a normal deploy included; null when nothing was deployed. */
  readonly deployed: DeployRun | null;
  readonly nextPhase: "1" | "2" | "none";
  /** The live migration tag after the run, when known. */
  readonly migrationTag: string | null;
  /** The classes the pending phase 2 destroys, or that this run's phase 2 destroyed. */
  readonly deletedClasses: readonly DeletedClass[];
  readonly standIns: readonly string[];
  /** The refusal or failure in plain words (null on success). */
  readonly message: string | null;
  /** The plan and outcome, when the run got as far as a plan. */
  readonly report: DeployRunReport | null;
  readonly markdown: string;
  readonly text: string;
}

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
const TEMP_PREFIX = ".do-migrate-phase1.";
/** Most other Workers of the repository whose live bindings are read. */
const MAX_OTHER_WORKERS = 50;

export async function runTwoPhaseDeploy(
  request: TwoPhaseRequest,
  adapters: TwoPhaseAdapters,
): Promise<TwoPhaseResult> {
  const scrub = (text: string): string =>
    request.token.length > 0 ? text.split(request.token).join("***") : text;
  const log: DeployLog = {
    info: (m) => adapters.log.info(scrub(m)),
    warning: (m) => adapters.log.warning(scrub(m)),
  };
  try {
    return await run(request, adapters, log, scrub);
  } catch (error) {
    if (error instanceof DeployError) return early(scrub(error.message), scrub(error.fix));
    if (error instanceof ApiBaseUrlError) {
      return early(
        error.message,
        "Point CLOUDFLARE_API_BASE_URL at the https:// API (or unset it): nothing was deployed.",
      );
    }
    if (error instanceof CloudflareApiError) {
      const explained = error.code !== null ? explainCloudflareError(error.code, error.message) : undefined;
      return early(
        scrub(
          `Reading the live state from the Cloudflare API failed: ${error.message}${explained ? ` (${explained.title})` : ""}`,
        ),
        explained?.fix ??
          (error.status === 401 || error.status === 403
            ? "Check the API token (it needs Workers Scripts read/edit) and the account ID."
            : "Check the account ID, the token and the network, then re-run: nothing was deployed."),
      );
    }
    throw error;
  }
}

function early(message: string, fix: string): TwoPhaseResult {
  return {
    ok: false,
    outcome: "failed",
    phase: "none",
    deployed: null,
    nextPhase: "none",
    migrationTag: null,
    deletedClasses: [],
    standIns: [],
    message: `${message} ${fix}`,
    report: null,
    markdown: `### Durable Object deploy\n\n:x: **${message.replace(/[\r\n]+/g, " ")}**\n\n**Fix:** ${fix}\n`,
    text: `do-migrate deploy: ${message}\n  fix: ${fix}\n`,
  };
}

interface Target {
  readonly workingDirectory: string;
  readonly configPath: string;
  readonly configText: string;
  readonly worker: Worker & { readonly name: string };
  readonly accountId: string;
}

async function run(
  request: TwoPhaseRequest,
  adapters: TwoPhaseAdapters,
  log: DeployLog,
  scrub: (text: string) => string,
): Promise<TwoPhaseResult> {
  const target = await loadTarget(request, log);
  const { worker } = target;
  const configLabel = relative(target.workingDirectory, target.configPath) || basename(target.configPath);
  log.info(
    `Config: ${configLabel}; Worker ${worker.name} (${worker.env === null ? "top level" : `env ${worker.env}`}).`,
  );

  const client = adapters.cloudflare(target.accountId);
  const workspace = await adapters.listConfigs(target.workingDirectory);
  const repository = repositoryWorkers(workspace.files, target, log);
  const notes: string[] = [];
  const before = await readLiveState(client, worker, repository, log, notes);
  const plan = planDeploy(worker, before);
  const decision = decideRun(plan, worker, request.phase, request.confirmDataLoss);
  if (repository.others.length > 0) {
    notes.unshift(
      `Other Workers of the repository checked for bindings to ${worker.name}: ${repository.others.join(", ")}.`,
    );
  }

  const finish = (fields: {
    outcome: RunOutcome;
    ran: DeployRun | null;
    headline: string;
    problems: DeployProblem[];
    standIns?: string[];
    after?: { plan: DeployPlan; liveTag: string | null } | null;
    deployedOk?: boolean;
  }): TwoPhaseResult => {
    const afterPlan = fields.after?.plan ?? null;
    const report: DeployRunReport = {
      configFile: configLabel,
      requested: request.phase,
      plan,
      outcome: fields.outcome,
      ran: fields.ran,
      headline: scrub(fields.headline),
      problems: fields.problems.map((p) => ({ message: scrub(p.message), fix: scrub(p.fix) })),
      standIns: fields.standIns ?? [],
      after: afterPlan
        ? {
            liveTag: fields.after?.liveTag ?? null,
            next: afterPlan.next,
            blockingBindings: afterPlan.blockingBindings,
          }
        : null,
      notes: notes.map(scrub),
    };
    const deployedOk = fields.deployedOk === true;
    const ok = fields.outcome !== "refused" && fields.outcome !== "failed";
    const nextPhase = afterPlan
      ? nextPhaseOutput(afterPlan)
      : deployedOk && fields.ran === "1"
        ? "2"
        : deployedOk
          ? "none"
          : nextPhaseOutput(plan);
    const destroyed = deployedOk && fields.ran === "2" ? plan.doomed : (afterPlan ?? plan).doomed;
    return {
      ok,
      outcome: fields.outcome,
      phase: deployedOk && (fields.ran === "1" || fields.ran === "2") ? fields.ran : "none",
      deployed: deployedOk ? fields.ran : null,
      nextPhase,
      migrationTag: fields.after ? fields.after.liveTag : plan.liveTag,
      deletedClasses: destroyed.map((c) => ({ worker: plan.worker, env: plan.env, class: c })),
      standIns: report.standIns,
      message: ok ? null : report.problems.map((p) => `${p.message} ${p.fix}`).join("\n"),
      report,
      markdown: renderDeployMarkdown(report),
      text: renderDeployText(report),
    };
  };

  if (decision.kind === "plan") {
    return finish({
      outcome: "planned",
      ran: null,
      headline: `Plan only: nothing was deployed. Next: ${describeNext(plan)}.`,
      problems: [...plan.refusals],
    });
  }
  if (decision.kind === "refuse") {
    return finish({
      outcome: "refused",
      ran: null,
      headline: "Refused: nothing was deployed.",
      problems: [...decision.refusals],
    });
  }
  if (decision.kind === "skip") {
    return finish({ outcome: "skipped", ran: null, headline: decision.message, problems: [] });
  }

  const runKind = decision.run;
  log.info(
    `${runKind === "normal" ? "Normal deploy" : `Phase ${runKind}`} of ${worker.name}: ${planSentence(plan)}`,
  );
  let wranglerBin: string | readonly string[];
  try {
    wranglerBin = await adapters.resolveWrangler(target.workingDirectory, request.wranglerVersion);
  } catch (error) {
    return finish({
      outcome: "failed",
      ran: runKind,
      headline: "No wrangler to deploy with: nothing was deployed.",
      problems: [
        {
          message: scrub((error as Error).message),
          fix: "Add wrangler to the project's devDependencies (and install them before this step), or set wrangler-version.",
        },
      ],
    });
  }

  const deployWith = (configPath: string): Promise<WranglerDeployResult> => {
    log.info(
      `Running: wrangler deploy --config ${relative(target.workingDirectory, configPath)}${worker.env === null ? "" : ` --env ${worker.env}`}`,
    );
    const options: RunWranglerDeployOptions = {
      wranglerBin,
      cwd: target.workingDirectory,
      configPath,
      env: worker.env,
      accountId: target.accountId,
      token: request.token,
      silent: request.silent ?? false,
    };
    if (request.apiBaseUrl !== undefined) options.apiBaseUrl = request.apiBaseUrl;
    if (request.baseEnv !== undefined) options.baseEnv = request.baseEnv;
    return adapters.deploy(options);
  };

  let standIns: string[] = [];
  let result: WranglerDeployResult;
  if (runKind === "1") {
    const phase1 = await preparePhase1(target, plan, before, workspace.root, adapters, log);
    standIns = phase1.standIns;
    notes.push(...phase1.notes);
    try {
      result = await deployWith(phase1.configPath);
    } finally {
      await phase1.cleanup();
    }
  } else {
    result = await deployWith(target.configPath);
  }

  // What is live now, whatever happened.
  let after: { plan: DeployPlan; liveTag: string | null } | null = null;
  try {
    const live = await readLiveState(client, worker, repository, log, []);
    after = { plan: planDeploy(worker, live), liveTag: live.exists ? live.migrationTag : null };
  } catch (error) {
    log.warning(`Could not read the live state again after the deploy: ${(error as Error).message}`);
  }

  const what = runKind === "normal" ? "The deploy" : `Phase ${runKind}`;
  // wrangler's launcher exits 0 when its worker process is killed: a run that wrote records but no
  // `deploy` record did not finish, whatever the exit code says.
  const finished =
    result.ok && (result.records.length === 0 || result.records.some((r) => r.type === "deploy"));
  if (!finished) {
    const problem = result.ok
      ? {
          headline: `${what} did not finish: wrangler stopped without reporting a deploy.`,
          message:
            "wrangler exited without its `deploy` record (was it killed?). The live state above shows what landed.",
          fix: "Re-run: the deploy plans again from the live state and resumes.",
        }
      : explainFailure(result, worker.name, what);
    return finish({
      outcome: "failed",
      ran: runKind,
      headline: problem.headline,
      problems: [{ message: problem.message, fix: problem.fix }],
      standIns,
      after,
    });
  }

  if (after && runKind === "1" && after.plan.next === "1") {
    notes.push(
      `Phase 1 deployed, but ${worker.name} still binds ${after.plan.blockingBindings.map((b) => b.className).join(", ")} live (a gradual deployment still serving an older version?). Phase 2 waits until no live version binds them.`,
    );
  }
  const headline =
    runKind === "1"
      ? `Phase 1 deployed: ${worker.name} no longer binds ${plan.doomed.join(", ")}; the delete is held back. Next: phase 2.`
      : runKind === "2"
        ? `Phase 2 deployed: ${plan.doomed.join(", ")} ${plan.doomed.length === 1 ? "was" : "were"} deleted with all ${plan.doomed.length === 1 ? "its" : "their"} objects.`
        : `Deployed ${worker.name}${plan.pendingTags.length ? ` (migrations ${plan.pendingTags.join(", ")})` : ""}.`;
  return finish({
    outcome: "deployed",
    ran: runKind,
    headline,
    problems: [],
    standIns,
    after,
    deployedOk: true,
  });
}

function describeNext(plan: DeployPlan): string {
  switch (plan.next) {
    case "1":
      return "phase 1";
    case "2":
      return "phase 2";
    case "deploy":
      return "a normal deploy";
    default:
      return "nothing pending (a normal deploy)";
  }
}

function planSentence(plan: DeployPlan): string {
  if (plan.doomed.length === 0) return "no Durable Object class is destroyed.";
  return `destroys ${plan.doomed.join(", ")}; live bindings to ${plan.doomed.length === 1 ? "it" : "them"}: ${
    plan.blockingBindings.length
      ? plan.blockingBindings.map((b) => `${b.worker}: ${b.binding}`).join(", ")
      : "none"
  }.`;
}

function explainFailure(
  result: WranglerDeployResult,
  workerName: string,
  what: string,
): { headline: string; message: string; fix: string } {
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

// ---------------------------------------------------------------------------------------------
// Config and live state

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

async function loadTarget(request: TwoPhaseRequest, log: DeployLog): Promise<Target> {
  const workingDirectory = resolve(request.workingDirectory);
  if (!(await pathExists(workingDirectory))) {
    throw new DeployError(
      `The working directory ${workingDirectory} does not exist.`,
      "Check working-directory.",
    );
  }
  let configPath: string;
  if (request.config) {
    configPath = isAbsolute(request.config) ? request.config : resolve(workingDirectory, request.config);
    if (!(await pathExists(configPath))) {
      throw new DeployError(`The config ${request.config} does not exist.`, "Check the config path.");
    }
  } else {
    const found = await findConfig(workingDirectory);
    if (!found) {
      throw new DeployError(
        `No wrangler config (wrangler.json, wrangler.jsonc, wrangler.toml) in ${workingDirectory} or above.`,
        "Set working-directory to the Worker project, or give the config path.",
      );
    }
    configPath = found;
    const redirect = join(dirname(found), ".wrangler", "deploy", "config.json");
    if (await pathExists(redirect)) {
      log.warning(
        `${relative(workingDirectory, redirect)} redirects a plain \`wrangler deploy\` to a build tool's generated config; this deploy reads ${basename(found)} itself.`,
      );
    }
  }
  const configText = await readFile(configPath, "utf8");
  const parsed = parseConfigText(configPath, configText);
  if (!parsed.ok) {
    throw new DeployError(
      `${basename(configPath)} does not parse${parsed.line ? ` (line ${parsed.line})` : ""}: ${parsed.message}.`,
      "Fix the config; wrangler would refuse it too.",
    );
  }
  const { workers } = readWorkers(parsed);
  const worker = workers.find((w) => w.env === request.environment);
  if (!worker) {
    const envs = workers.flatMap((w) => (w.env === null ? [] : [w.env]));
    throw new DeployError(
      `${basename(configPath)} has no environment "${request.environment}"${envs.length ? ` (it has: ${envs.join(", ")})` : ""}.`,
      "Set environment to one the config defines (empty for the top level).",
    );
  }
  if (worker.name === null) {
    throw new DeployError(
      `${basename(configPath)} gives the Worker no name${worker.env === null ? "" : ` in env ${worker.env}`}.`,
      "Set `name` in the config.",
    );
  }
  const accountId = request.accountId || configAccountId(parsed.value, worker.env);
  if (!accountId) {
    throw new DeployError(
      "No Cloudflare account ID: the deploy reads the live state of the account's Workers.",
      "Set cloudflare-account-id (CLI: --account-id or CLOUDFLARE_ACCOUNT_ID), or `account_id` in the config.",
    );
  }
  return { workingDirectory, configPath, configText, worker: worker as Target["worker"], accountId };
}

function configAccountId(value: Record<string, unknown>, env: string | null): string | null {
  const envs = value.env;
  const scope = env !== null && isRecord(envs) && isRecord(envs[env]) ? envs[env] : null;
  const fromEnv = scope?.account_id;
  if (typeof fromEnv === "string" && fromEnv) return fromEnv;
  return typeof value.account_id === "string" && value.account_id ? value.account_id : null;
}

/** The repository's Workers (every config, every env): all their names, and the others to read. */
interface RepositoryWorkers {
  readonly all: ReadonlySet<string>;
  /** The other Workers whose live bindings are read (at most MAX_OTHER_WORKERS), sorted. */
  readonly others: readonly string[];
}

function repositoryWorkers(files: readonly string[], target: Target, log: DeployLog): RepositoryWorkers {
  const names = new Set<string>([target.worker.name]);
  for (const file of files) {
    let text: string;
    try {
      text = file === target.configPath ? target.configText : readFileSync(file, "utf8");
    } catch {
      continue;
    }
    const parsed = parseConfigText(file, text);
    if (!parsed.ok) continue;
    for (const w of readWorkers(parsed).workers) if (w.name) names.add(w.name);
  }
  const all = [...names].filter((n) => n !== target.worker.name).sort();
  if (all.length > MAX_OTHER_WORKERS) {
    log.warning(
      `The repository defines ${all.length} other Workers; only the first ${MAX_OTHER_WORKERS} are checked for bindings to ${target.worker.name}. Cloudflare still refuses a delete while any Worker binds the class (code 10061).`,
    );
  }
  return { all: names, others: all.slice(0, MAX_OTHER_WORKERS) };
}

/**
 * The live state the plan needs, read by the shared live-state reader: the account's lists, this
 * Worker's settings and those of the repository's other Workers, and, when the plan destroys a
 * class, the bindings of the account's Workers outside the repository and the objects it
 * destroys. This Worker's own state must be read; the rest degrades to a warning.
 */
async function readLiveState(
  client: CloudflareClient,
  worker: Target["worker"],
  repository: RepositoryWorkers,
  log: DeployLog,
  notes: string[],
): Promise<LiveState> {
  const name = worker.name;
  const account = await readLiveAccount(client, {
    workers: [name],
    alsoRead: repository.others,
    repositoryWorkers: repository.all,
    doomed: (read) =>
      workerProblem(read, name)
        ? []
        : planDeploy(worker, liveStateFor(read, name)).destroys.map((d) => ({
            worker: name,
            origin: d.origin,
          })),
  });
  const problem = workerProblem(account, name);
  if (problem) throw apiError(problem);
  for (const other of repository.others) {
    const read = account.settings.get(other);
    if (read && !read.ok) {
      log.warning(
        `Could not read the live bindings of Worker ${other}: ${read.problem.message}. If it binds a class of ${name}, Cloudflare refuses the delete (code 10061).`,
      );
    }
  }
  if (!account.namespaces.ok) {
    log.warning(
      `Could not list the account's Durable Object namespaces: ${account.namespaces.problem.message}`,
    );
  }
  for (const read of account.objects.values()) {
    if (!read.ok)
      log.warning(`Could not count the objects of a class the deploy destroys: ${read.problem.message}`);
  }
  const { workers: scanned, skipped } = account.scanned;
  if (scanned.length > 0) {
    notes.push(
      `Workers of the account outside the repository checked for bindings to ${name}: ${scanned.length}${skipped > 0 ? ` (${skipped} more not checked)` : ""}.`,
    );
  }
  return liveStateFor(account, name);
}

function apiError(problem: LiveProblem): CloudflareApiError {
  return new CloudflareApiError({
    kind: problem.status === null ? "network" : "api",
    message: problem.message,
    code: problem.code,
    status: problem.status,
    request: problem.request,
    attempts: 1,
  });
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
  target: Target,
  plan: DeployPlan,
  live: LiveState,
  root: string,
  adapters: TwoPhaseAdapters,
  log: DeployLog,
): Promise<Phase1Files> {
  const { worker } = target;
  const configDir = dirname(target.configPath);
  const suffix = randomBytes(6).toString("hex");
  const notes: string[] = [];
  const temp: string[] = [];
  const cleanup = async (): Promise<void> => {
    for (const path of temp) {
      await rm(path, { force: true });
      tempFiles.delete(path);
    }
    if (tempFiles.size === 0) uninstallSignalCleanup();
  };

  try {
    let main: string | undefined;
    let standIns: string[] = [];
    if (worker.main === null) {
      notes.push("The config has no `main`: the classes the code exports could not be checked.");
    } else {
      const entryPath = resolve(configDir, worker.main);
      const exported = await codeExports(entryPath, root, adapters);
      if (exported.status === "unknown") {
        log.warning(
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
          await writeTemp(standInPath, text, temp);
          main = relative(configDir, standInPath).split(sep).join("/");
          log.info(
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
    await writeTemp(configPath, derived, temp);
    return { configPath, standIns, notes, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

async function codeExports(
  entryPath: string,
  root: string,
  adapters: TwoPhaseAdapters,
): Promise<{ status: "known"; names: Set<string> } | { status: "unknown"; message: string }> {
  const rel = relative(root, entryPath);
  if (rel.startsWith("..") || isAbsolute(rel)) {
    return { status: "unknown", message: "the entry is outside the repository" };
  }
  try {
    const result = await resolveWorkerExports(rel.split(sep).join("/"), adapters.sourceReader(root));
    return result.status === "known"
      ? { status: "known", names: result.names }
      : { status: "unknown", message: result.message };
  } catch (error) {
    return { status: "unknown", message: (error as Error).message };
  }
}

// Temporary files are removed in `finally`, and also if the process is interrupted.
const tempFiles = new Set<string>();
let signalCleanupInstalled = false;

function removeTempFilesNow(): void {
  for (const path of tempFiles) rmSync(path, { force: true });
  tempFiles.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeTempFilesNow();
  uninstallSignalCleanup();
  process.kill(process.pid, signal);
}

function installSignalCleanup(): void {
  if (signalCleanupInstalled) return;
  signalCleanupInstalled = true;
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("exit", removeTempFilesNow);
}

function uninstallSignalCleanup(): void {
  if (!signalCleanupInstalled) return;
  signalCleanupInstalled = false;
  process.removeListener("SIGINT", onSignal);
  process.removeListener("SIGTERM", onSignal);
  process.removeListener("exit", removeTempFilesNow);
}

async function writeTemp(path: string, text: string, temp: string[]): Promise<void> {
  installSignalCleanup();
  tempFiles.add(path);
  temp.push(path);
  await writeFile(path, text, { flag: "wx" });
}

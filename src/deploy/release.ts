// The deploy use case, for one Worker or a monorepo's many, shared by the action (`mode: deploy`)
// and the CLI (`do-migrate deploy`). Atlantis-style: plan everything, then apply.
//  1. select the Workers (targets.ts) and read each config once;
//  2. read the live state once per account (the shared reader, src/adapters/live-state.ts) and
//     plan every Worker (`planDeploy`, the pull request's live plan too);
//  3. preflight and order (src/core/release/): what each Worker's deploy runs, whether the API
//     will accept it, who deploys before whom; any blocker, or no wrangler to run, and nothing
//     deploys;
//  4. run: each Worker's deploy (worker-deploy.ts) in order, `max-parallel` at a time, stopping
//     at the first failure (a re-run plans again from the live state and continues);
//  5. read the live state again and report (src/core/release/report.ts).
// No @actions/* here: the caller passes a log and the adapters.
import { readFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { ApiBaseUrlError, CloudflareApiError, type CloudflareClient } from "../adapters/cloudflare-api.ts";
import { readLiveAccount } from "../adapters/live-state.ts";
import { pathExists } from "../adapters/paths.ts";
import type { RunWranglerDeployOptions, WranglerDeployResult } from "../adapters/wrangler.ts";
import { explainCloudflareError } from "../core/cloudflare-errors.ts";
import type { SourceReader } from "../core/code/worker-exports.ts";
import { parseConfigText } from "../core/config/parse.ts";
import { readWorkers } from "../core/config/workers.ts";
import {
  type LiveAccount,
  type LiveProblem,
  liveStateFor,
  namespacesOf,
  workerProblem,
} from "../core/live/state.ts";
import type { DeployRun, RequestedPhase } from "../core/plan/decide.ts";
import { type DeployPlan, type LiveState, planDeploy } from "../core/plan/deploy-plan.ts";
import type { DeployProblem } from "../core/plan/render-plan.ts";
import { confirmationFor, type ReleaseCandidate } from "../core/release/preflight.ts";
import { planRelease, type ReleasePlan } from "../core/release/release-plan.ts";
import type { ReleaseReport, WorkerReport, WorkerRunStatus } from "../core/release/report.ts";
import { runInOrder } from "./schedule.ts";
import {
  DeployError,
  hasOwnConfig,
  type LoadedTarget,
  loadTarget,
  selectReleaseConfigs,
  singleConfig,
} from "./targets.ts";
import {
  codeExports,
  type DeployLog,
  type DeployTarget,
  deployFinished,
  deployWorker,
  explainFailure,
} from "./worker-deploy.ts";

export type { DeployLog } from "./worker-deploy.ts";

export interface DeployAdapters {
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

export interface ReleaseRequest {
  /** Absolute, or relative to the process's cwd. */
  readonly workingDirectory: string;
  readonly selection: Selection;
  /** Wrangler environment; null = the top level. */
  readonly environment: string | null;
  readonly phase: RequestedPhase;
  readonly confirmDataLoss: readonly string[];
  /** The account of Workers whose config has no `account_id` (the config's wins, as for wrangler). */
  readonly accountId: string | null;
  readonly token: string;
  /** Passed to wrangler as CLOUDFLARE_API_BASE_URL when set. */
  readonly apiBaseUrl?: string;
  readonly wranglerVersion: string | null;
  /** The environment wrangler starts from (default: this process's). */
  readonly baseEnv?: Readonly<Record<string, string | undefined>>;
  /** Do not echo wrangler's output (tests). */
  readonly silent?: boolean;
  /** Most Workers deployed side by side (default 1). */
  readonly maxParallel?: number;
  /** Do not redeploy a Worker the live state shows at the head (default false). */
  readonly skipUnchanged?: boolean;
}

/** One Worker's run, with what the one-Worker rendering needs besides the report. */
export interface WorkerRun extends WorkerReport {
  readonly configLabel: string;
  readonly notes: readonly string[];
}

export interface ReleaseResult {
  readonly ok: boolean;
  /** One Worker selected: rendered and decided as the single-Worker deploy always was. */
  readonly single: boolean;
  /** Set when the run stopped before there was a plan. */
  readonly early: DeployProblem | null;
  readonly report: ReleaseReport | null;
  /** Same Workers as `report.workers`, in the same order. */
  readonly runs: readonly WorkerRun[];
}

/** Most other Workers of the repository whose live bindings are read. */
const MAX_OTHER_WORKERS = 50;

export async function runRelease(request: ReleaseRequest, adapters: DeployAdapters): Promise<ReleaseResult> {
  const scrub = (text: string): string =>
    request.token.length > 0 ? text.split(request.token).join("***") : text;
  const log: DeployLog = {
    info: (m) => adapters.log.info(scrub(m)),
    warning: (m) => adapters.log.warning(scrub(m)),
  };
  const early = (message: string, fix: string): ReleaseResult => ({
    ok: false,
    single: request.selection.kind !== "select",
    early: { message: scrub(message), fix: scrub(fix) },
    report: null,
    runs: [],
  });
  try {
    return await run(request, adapters, log, scrub);
  } catch (error) {
    if (error instanceof DeployError) return early(error.message, error.fix);
    if (error instanceof ApiBaseUrlError) {
      return early(
        error.message,
        "Point CLOUDFLARE_API_BASE_URL at the https:// API (or unset it): nothing was deployed.",
      );
    }
    if (error instanceof CloudflareApiError) {
      const explained = error.code !== null ? explainCloudflareError(error.code, error.message) : undefined;
      return early(
        `Reading the live state from the Cloudflare API failed: ${error.message}${explained ? ` (${explained.title})` : ""}`,
        explained?.fix ??
          (error.status === 401 || error.status === 403
            ? "Check the API token (it needs Workers Scripts read/edit) and the account ID."
            : "Check the account ID, the token and the network, then re-run: nothing was deployed."),
      );
    }
    throw error;
  }
}

/** A selected Worker as the run follows it. */
interface Slot {
  readonly loaded: LoadedTarget;
  readonly target: DeployTarget | null;
  readonly key: string;
  candidate: ReleaseCandidate | null;
  notes: string[];
}

async function run(
  request: ReleaseRequest,
  adapters: DeployAdapters,
  log: DeployLog,
  scrub: (text: string) => string,
): Promise<ReleaseResult> {
  const { slots, root, files } = await selectTargets(request, adapters, log);
  const single = slots.length === 1;
  for (const s of slots) {
    if (s.target) {
      const w = s.target.worker;
      log.info(
        `Config: ${s.loaded.label}; Worker ${w.name} (${w.env === null ? "top level" : `env ${w.env}`}).`,
      );
    }
  }
  if (single && !slots[0]?.target && slots[0]) {
    const l = slots[0].loaded;
    if (!l.ok) throw new DeployError(l.message, l.fix);
  }

  // 2. One read of the live state per account; every Worker planned from it.
  const repositoryNames = repositoryWorkerNames(files, slots);
  const accounts = await readAccounts(slots, repositoryNames, adapters, log, single);
  const outsideClasses = new Map<string, ReadonlySet<string> | null>();
  for (const s of slots) {
    if (!s.target) continue;
    const account = accounts.get(s.target.accountId);
    const problem = account ? workerProblem(account, s.target.worker.name) : null;
    if (problem && single) throw apiError(problem);
    const exported = await codeExports(s.target.worker, s.target.configPath, root, adapters.sourceReader);
    if (exported.status === "unknown" && s.target.worker.main !== null) {
      s.notes.push(
        `The export names of ${s.target.worker.main} could not be determined: ${exported.message}`,
      );
    }
    const live = account && !problem ? liveStateFor(account, s.target.worker.name) : null;
    const settings = account?.settings.get(s.target.worker.name);
    s.candidate = {
      key: s.key,
      file: s.loaded.label,
      env: s.target.worker.env,
      name: s.target.worker.name,
      accountId: s.target.accountId,
      worker: s.target.worker,
      plan: live ? planDeploy(s.target.worker, live) : null,
      live,
      liveBindings: settings?.ok && settings.value.exists ? settings.value.bindings : [],
      liveUsesExports: Boolean(settings?.ok && settings.value.exportsState !== undefined),
      codeExports: exported.status === "known" ? exported.names : null,
      problems: problem
        ? [
            {
              message: `The live state of ${s.target.worker.name} could not be read: ${problem.message}.`,
              fix: "Check the account ID, the token and the network, then re-run: nothing was deployed.",
            },
          ]
        : [],
    };
    for (const b of s.target.worker.bindings) {
      if (b.scriptName === null || b.scriptName === s.target.worker.name || !account) continue;
      const ns = namespacesOf(account, b.scriptName);
      outsideClasses.set(`${s.target.accountId}\u0000${b.scriptName}`, ns ? new Set(ns.keys()) : null);
    }
  }
  const candidates = slots.map(
    (s): ReleaseCandidate =>
      s.candidate ?? {
        key: s.key,
        file: s.loaded.label,
        env: s.loaded.ok ? s.loaded.target.worker.env : s.loaded.env,
        name: s.loaded.ok ? s.loaded.target.worker.name : s.loaded.name,
        accountId: null,
        worker: null,
        plan: null,
        live: null,
        liveBindings: [],
        liveUsesExports: false,
        codeExports: null,
        problems: s.loaded.ok ? [] : [{ message: s.loaded.message, fix: s.loaded.fix }],
      },
  );

  // 3. Preflight and order.
  const plan = planRelease(candidates, {
    requested: request.phase,
    confirm: request.confirmDataLoss,
    single,
    skipUnchanged: request.skipUnchanged ?? false,
    outsideClasses,
  });
  const decisions = new Map(plan.workers.map((d) => [d.key, d]));
  const runs = new Map<string, Mutable<WorkerRun>>();
  for (const s of slots) {
    const c = candidates.find((x) => x.key === s.key) as ReleaseCandidate;
    const d = decisions.get(s.key);
    runs.set(s.key, {
      key: s.key,
      file: c.file,
      configLabel: c.file,
      env: c.env,
      name: c.name,
      status: statusOf(d?.status ?? "blocked"),
      ran: d?.run ?? null,
      deployedOk: false,
      plan: c.plan,
      after: null,
      headline: headlineOf(d, c.plan, single),
      problems: [...(d?.blockers ?? [])],
      standIns: [],
      waitsFor: (plan.waitsFor.get(s.key) ?? []).map((k) => candidates.find((x) => x.key === k)?.name ?? k),
      notes: s.notes,
    });
  }
  const deploying = plan.order.filter((k) => decisions.get(k)?.status === "deploy");

  // No wrangler, no deploy: resolved for every Worker before the first write.
  const wranglers = new Map<string, string | readonly string[]>();
  let wranglerOk = true;
  if (plan.ok && request.phase !== "plan") {
    for (const key of deploying) {
      const s = slots.find((x) => x.key === key) as Slot;
      const dir = (s.target as DeployTarget).workingDirectory;
      if (wranglers.has(dir)) continue;
      try {
        wranglers.set(dir, await adapters.resolveWrangler(dir, request.wranglerVersion));
      } catch (error) {
        wranglerOk = false;
        for (const k of deploying) {
          const t = slots.find((x) => x.key === k)?.target;
          if (t?.workingDirectory !== dir) continue;
          const r = runs.get(k) as Mutable<WorkerRun>;
          r.status = single ? "failed" : "blocked";
          r.headline = "No wrangler to deploy with: nothing was deployed.";
          r.problems.push({
            message: scrub((error as Error).message),
            fix: "Add wrangler to the project's devDependencies (and install them before this step), or set wrangler-version.",
          });
        }
      }
    }
  }
  const mayDeploy = plan.ok && wranglerOk && request.phase !== "plan";

  // 4. Run, in order.
  let attempted = false;
  if (mayDeploy && deploying.length > 0) {
    attempted = true;
    await runInOrder(deploying, plan.waitsFor, request.maxParallel ?? 1, async (key) => {
      const s = slots.find((x) => x.key === key) as Slot;
      const r = runs.get(key) as Mutable<WorkerRun>;
      const c = s.candidate as ReleaseCandidate;
      const target = s.target as DeployTarget;
      const runKind = r.ran as DeployRun;
      const p = c.plan as DeployPlan;
      log.info(
        `${runKind === "normal" ? "Normal deploy" : `Phase ${runKind}`} of ${target.worker.name}: ${planSentence(p)}`,
      );
      const done = await deployWorker(target, p, c.live as LiveState, runKind, {
        wranglerBin: wranglers.get(target.workingDirectory) as string | readonly string[],
        token: request.token,
        ...(request.apiBaseUrl !== undefined ? { apiBaseUrl: request.apiBaseUrl } : {}),
        ...(request.baseEnv !== undefined ? { baseEnv: request.baseEnv } : {}),
        silent: request.silent ?? false,
        root,
        log,
        deploy: (o) => adapters.deploy(o),
        sourceReader: adapters.sourceReader,
      });
      r.standIns = done.standIns;
      r.notes.push(...done.notes);
      const what = runKind === "normal" ? "The deploy" : `Phase ${runKind}`;
      if (!deployFinished(done.result)) {
        const problem = explainFailure(done.result, target.worker.name, what);
        r.status = "failed";
        r.headline = scrub(problem.headline);
        r.problems.push({ message: scrub(problem.message), fix: scrub(problem.fix) });
        return false;
      }
      r.status = "deployed";
      r.deployedOk = true;
      r.headline =
        runKind === "1"
          ? `Phase 1 deployed: ${target.worker.name} no longer binds ${p.doomed.join(", ")}; the delete is held back. Next: phase 2.`
          : runKind === "2"
            ? `Phase 2 deployed: ${p.doomed.join(", ")} ${p.doomed.length === 1 ? "was" : "were"} deleted with all ${p.doomed.length === 1 ? "its" : "their"} objects.`
            : `Deployed ${target.worker.name}${p.pendingTags.length ? ` (migrations ${p.pendingTags.join(", ")})` : ""}.`;
      return true;
    });
    for (const key of deploying) {
      const r = runs.get(key) as Mutable<WorkerRun>;
      if (r.status === "not-started") {
        r.status = "not-started";
        r.headline = "Not started: an earlier Worker of the release failed. Re-run to continue.";
      }
    }
  }

  // 5. What is live now, whatever happened.
  if (attempted) {
    try {
      const after = await readAccounts(slots, repositoryNames, adapters, log, single, true);
      for (const s of slots) {
        if (!s.target) continue;
        const account = after.get(s.target.accountId);
        if (!account || workerProblem(account, s.target.worker.name)) continue;
        const live = liveStateFor(account, s.target.worker.name);
        const r = runs.get(s.key) as Mutable<WorkerRun>;
        r.after = {
          plan: planDeploy(s.target.worker, live),
          liveTag: live.exists ? live.migrationTag : null,
        };
        if (r.deployedOk && r.ran === "1" && r.after.plan.next === "1") {
          r.notes.push(
            `Phase 1 deployed, but ${s.target.worker.name} still binds ${r.after.plan.blockingBindings.map((b) => b.className).join(", ")} live (a gradual deployment still serving an older version?). Phase 2 waits until no live version binds them.`,
          );
        }
      }
    } catch (error) {
      log.warning(`Could not read the live state again after the deploy: ${(error as Error).message}`);
    }
  }

  const ordered = [
    ...plan.order.map((k) => runs.get(k) as WorkerRun),
    ...slots.filter((s) => !plan.order.includes(s.key)).map((s) => runs.get(s.key) as WorkerRun),
  ];
  if (!mayDeploy && request.phase !== "plan") {
    for (const r of ordered as Mutable<WorkerRun>[]) {
      if (r.status === "not-started")
        r.headline = "Not deployed: the release was refused (see the blockers).";
    }
  }
  const report = releaseReport(request, plan, ordered, accounts, mayDeploy, scrub);
  return { ok: report.ok, single, early: null, report, runs: ordered };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/** A Worker the preflight lets deploy has not started until the run gets to it. */
function statusOf(status: string): WorkerRunStatus {
  return status === "deploy" ? "not-started" : (status as WorkerRunStatus);
}

function headlineOf(
  d: { status: string; reason: string; decision: { kind: string } | null } | undefined,
  plan: DeployPlan | null,
  single: boolean,
): string {
  if (!d) return "";
  if (!single) return d.status === "blocked" ? "Blocked: see what stops the release." : d.reason;
  if (d.status === "planned")
    return `Plan only: nothing was deployed. Next: ${plan ? describeNext(plan) : "nothing"}.`;
  if (d.status === "blocked") return "Refused: nothing was deployed.";
  if (d.status === "unchanged" || d.status === "waiting" || d.status === "skipped") return d.reason;
  return "";
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

// ---------------------------------------------------------------------------------------------
// Selection and the live state

async function selectTargets(
  request: ReleaseRequest,
  adapters: DeployAdapters,
  log: DeployLog,
): Promise<{ slots: Slot[]; root: string; files: readonly string[] }> {
  const workingDirectory = request.workingDirectory;
  let selection = request.selection;
  if (selection.kind === "discover") {
    const under =
      (await hasOwnConfig(workingDirectory)) || !(await pathExists(workingDirectory))
        ? []
        : await adapters
            .listConfigs(workingDirectory)
            .then((w) => selectReleaseConfigs(w.root, workingDirectory, w.files, []))
            .catch(() => []);
    selection = under.length > 0 ? { kind: "select", patterns: [] } : { kind: "single", config: null };
  }
  if (selection.kind === "single") {
    const configPath = await singleConfig(workingDirectory, selection.config, log);
    const label = relative(workingDirectory, configPath) || configPath;
    const loaded = await loadTarget(
      configPath,
      request.environment,
      request.accountId,
      workingDirectory,
      label,
    );
    if (!loaded.ok) throw new DeployError(loaded.message, loaded.fix);
    const workspace = await adapters.listConfigs(workingDirectory);
    return { slots: [slotOf(loaded)], root: workspace.root, files: workspace.files };
  }
  const workspace = await adapters.listConfigs(workingDirectory);
  const patterns = selection.kind === "select" ? selection.patterns : [];
  const paths = selectReleaseConfigs(workspace.root, workingDirectory, workspace.files, patterns);
  if (paths.length === 0) {
    throw new DeployError(
      `No wrangler config matches ${patterns.length ? patterns.join(", ") : `under ${workingDirectory}`}.`,
      "Check config (paths or globs relative to working-directory).",
    );
  }
  const slots: Slot[] = [];
  const skipped: string[] = [];
  for (const path of paths) {
    const label = relative(workingDirectory, path) || path;
    const loaded = await loadTarget(path, request.environment, request.accountId, dirname(path), label);
    // A config without the environment asked for is not part of this release (said so).
    if (!loaded.ok && request.environment !== null && /has no environment/.test(loaded.message)) {
      skipped.push(label);
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
    throw new DeployError(
      `No selected config defines the environment "${request.environment}".`,
      "Set environment to one the configs define (empty for the top level).",
    );
  }
  if (skipped.length > 0) {
    slots[0]?.notes.push(
      `Not in this release (no environment "${request.environment}"): ${skipped.join(", ")}.`,
    );
  }
  return { slots, root: workspace.root, files: workspace.files };
}

function slotOf(loaded: LoadedTarget): Slot {
  const target = loaded.ok ? loaded.target : null;
  const key = target
    ? `${target.accountId}\u0000${target.worker.name}`
    : `${loaded.label}\u0000${loaded.ok ? "" : (loaded.env ?? "")}`;
  return { loaded, target, key, candidate: null, notes: [] };
}

/** Every Worker name the repository's configs define (every env), the selected ones included. */
function repositoryWorkerNames(files: readonly string[], slots: readonly Slot[]): Set<string> {
  const names = new Set<string>();
  for (const s of slots) if (s.target) names.add(s.target.worker.name);
  const texts = new Map(slots.flatMap((s) => (s.target ? [[s.target.configPath, s.target.configText]] : [])));
  for (const file of files) {
    let text = texts.get(file);
    if (text === undefined) {
      try {
        text = readFileSync(file, "utf8");
      } catch {
        continue;
      }
    }
    const parsed = parseConfigText(file, text);
    if (!parsed.ok) continue;
    for (const w of readWorkers(parsed).workers) if (w.name) names.add(w.name);
  }
  return names;
}

/**
 * One read per account: the selected Workers (and the Workers outside the release they bind),
 * the repository's other Workers (for bindings to their classes), and when a class is about to be
 * destroyed, the account's other Workers and the objects it destroys.
 */
async function readAccounts(
  slots: readonly Slot[],
  repositoryNames: ReadonlySet<string>,
  adapters: DeployAdapters,
  log: DeployLog,
  single: boolean,
  quiet = false,
): Promise<Map<string, LiveAccount>> {
  const byAccount = new Map<string, DeployTarget[]>();
  for (const s of slots) {
    if (!s.target) continue;
    byAccount.set(s.target.accountId, [...(byAccount.get(s.target.accountId) ?? []), s.target]);
  }
  const out = new Map<string, LiveAccount>();
  for (const [accountId, targets] of byAccount) {
    const names = new Set(targets.map((t) => t.worker.name));
    const owners = new Set(
      targets.flatMap((t) =>
        t.worker.bindings.flatMap((b) =>
          b.scriptName !== null && b.scriptName !== t.worker.name && !names.has(b.scriptName)
            ? [b.scriptName]
            : [],
        ),
      ),
    );
    const others = [...repositoryNames].filter((n) => !names.has(n) && !owners.has(n)).sort();
    if (others.length > MAX_OTHER_WORKERS && !quiet) {
      log.warning(
        `The repository defines ${others.length} other Workers; only the first ${MAX_OTHER_WORKERS} are checked for bindings to ${[...names].join(", ")}. Cloudflare still refuses a delete while any Worker binds the class (code 10061).`,
      );
    }
    const alsoRead = others.slice(0, MAX_OTHER_WORKERS);
    const account = await readLiveAccount(adapters.cloudflare(accountId), {
      workers: [...names, ...owners],
      alsoRead,
      repositoryWorkers: new Set(repositoryNames),
      doomed: (read) =>
        targets.flatMap((t) =>
          workerProblem(read, t.worker.name)
            ? []
            : planDeploy(t.worker, liveStateFor(read, t.worker.name)).destroys.map((d) => ({
                worker: t.worker.name,
                origin: d.origin,
              })),
        ),
    });
    if (!account.scripts.ok && single) throw apiError(account.scripts.problem);
    out.set(accountId, account);
    if (quiet) continue;
    const subject = [...names].join(", ");
    for (const other of [...alsoRead, ...owners]) {
      const read = account.settings.get(other);
      if (read && !read.ok) {
        log.warning(
          `Could not read the live bindings of Worker ${other}: ${read.problem.message}. If it binds a class of ${subject}, Cloudflare refuses the delete (code 10061).`,
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
    const first = slots.find((s) => s.target && s.target.accountId === accountId) as Slot;
    const { workers: scanned, skipped } = account.scanned;
    if (alsoRead.length > 0) {
      first.notes.unshift(
        `Other Workers of the repository checked for bindings to ${subject}: ${alsoRead.join(", ")}.`,
      );
    }
    if (scanned.length > 0) {
      first.notes.push(
        `Workers of the account outside the repository checked for bindings to ${subject}: ${scanned.length}${skipped > 0 ? ` (${skipped} more not checked)` : ""}.`,
      );
    }
  }
  return out;
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
// The report

function releaseReport(
  request: ReleaseRequest,
  plan: ReleasePlan,
  workers: readonly WorkerRun[],
  accounts: ReadonlyMap<string, LiveAccount>,
  mayDeploy: boolean,
  scrub: (text: string) => string,
): ReleaseReport {
  const count = (status: WorkerRunStatus) => workers.filter((w) => w.status === status).length;
  const failed = workers.find((w) => w.status === "failed");
  const blocked = !plan.ok || workers.some((w) => w.status === "blocked");
  const planned = request.phase === "plan";
  const ok = !blocked && !failed && count("not-started") === 0;
  const names = (list: readonly WorkerRun[]) => list.map((w) => w.name ?? w.file).join(", ");
  let headline: string;
  if (blocked && !planned) {
    const n = workers.filter((w) => w.problems.length > 0).length + (plan.blockers.length > 0 ? 1 : 0);
    headline = `Preflight refused the release: nothing was deployed (${n} ${n === 1 ? "blocker" : "blockers"} below).`;
  } else if (planned) {
    const order = workers.filter((w) => w.status === "planned" && w.ran);
    headline = `Plan only: nothing was deployed.${blocked ? " The release would be refused (blockers below)." : ""}${order.length ? ` In order, this release deploys: ${names(order)}.` : ""}`;
  } else if (failed) {
    const before = workers.filter((w) => w.status === "deployed");
    headline = `${failed.name ?? failed.file} failed${before.length ? ` after ${names(before)} deployed` : ""}; ${count("not-started")} not started. Re-run to continue from the live state.`;
  } else {
    const parts = [`${count("deployed")} deployed`];
    if (count("unchanged")) parts.push(`${count("unchanged")} unchanged`);
    if (count("waiting")) parts.push(`${count("waiting")} waiting for phase 2`);
    if (count("skipped")) parts.push(`${count("skipped")} skipped`);
    headline = `Release done: ${parts.join(", ")}.`;
  }
  // What the pending phase 2s need: from the live state after the run when it was read.
  const pending = workers.flatMap((w) => {
    const p = w.after?.plan ?? w.plan;
    return p && p.next === "2" && p.doomed.length > 0 ? [p] : [];
  });
  const confirmation = mayDeploy || planned ? confirmationFor(pending) : plan.confirmation;
  const next: string[] = [];
  if (planned) {
    next.push(
      blocked
        ? "Fix the blockers, then run with phase auto."
        : "Run with phase auto: it deploys the Workers in this order.",
    );
  }
  if (blocked && !planned)
    next.push("Fix the blockers and re-run: nothing was deployed, so the release starts again from the top.");
  if (failed || count("not-started") > 0) {
    next.push(
      "Re-run with the same inputs: the release plans again from the live state and continues (phases that landed are not run again).",
    );
  }
  if (confirmation) {
    next.push(
      `Phase 2: run again with confirm-data-loss set to exactly ${confirmation} (from the protected environment): it destroys those classes' objects.`,
    );
  }
  if (!planned && workers.some((w) => (w.after?.plan ?? w.plan)?.next === "1")) {
    next.push("Run the release again: some Workers still need phase 1.");
  }
  const notes = [...new Set(workers.flatMap((w) => w.notes))];
  const requests = [...accounts.values()].reduce((n, a) => n + a.requests, 0);
  notes.push(
    `Live state: ${accounts.size} ${accounts.size === 1 ? "account" : "accounts"} read, ${requests} Cloudflare API requests.`,
  );
  return {
    requested: request.phase,
    ok: planned ? !blocked : ok,
    headline: scrub(headline),
    workers,
    edges: plan.edges.filter((e) => plan.order.includes(e.before) && plan.order.includes(e.after)),
    blockers: plan.blockers,
    confirmation,
    next,
    notes: notes.map(scrub),
  };
}

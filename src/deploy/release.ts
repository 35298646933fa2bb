// The deploy use case, for one Worker or a monorepo's many, shared by the action (`mode: deploy`)
// and the CLI (`do-migrate deploy`). Atlantis-style: plan everything, then apply.
//  1. select the Workers and read each config once (targets.ts);
//  2. read the live state once per account (live-read.ts, through the shared reader) and plan
//     every Worker (`planDeploy`, the pull request's live plan too);
//  3. preflight and order (src/core/release/): what each Worker's deploy runs, whether the API
//     will accept it, who deploys before whom; any blocker, or no wrangler to run, and nothing
//     deploys;
//  4. run each Worker's deploy (worker-deploy.ts) in that order, `max-parallel` at a time
//     (schedule.ts), stopping at the first failure (a re-run plans again and continues);
//  5. read the live state again and report (src/core/release/report.ts).
// No @actions/* here: the caller passes a log and the adapters.
import { explainCloudflareError } from "../core/cloudflare-errors.ts";
import { liveStateFor, namespacesOf, workerProblem } from "../core/live/state.ts";
import type { DeployRun, RequestedPhase } from "../core/plan/decide.ts";
import { type DeployPlan, type LiveState, planDeploy } from "../core/plan/deploy-plan.ts";
import { exportsNextSteps } from "../core/plan/exports-steps.ts";
import type { DeployProblem } from "../core/plan/render-plan.ts";
import { releaseCandidate, unplannedCandidate } from "../core/release/candidate.ts";
import type { ReleaseCandidate } from "../core/release/preflight.ts";
import { planRelease } from "../core/release/release-plan.ts";
import {
  type ReleaseReport,
  summarizeRelease,
  type WorkerReport,
  type WorkerRunStatus,
} from "../core/release/report.ts";
import { LiveReadError, readAccounts, repositoryWorkersOnDisk } from "./live-read.ts";
import { type DeployAdapters, type DeployLog, UnusableApiBaseUrl } from "./ports.ts";
import { runInOrder } from "./schedule.ts";
import { DeployError, type Selected, type Selection, selectWorkers } from "./targets.ts";
import {
  type CodeExports,
  codeExports,
  type DeployTarget,
  deployFinished,
  deployWorker,
  explainFailure,
} from "./worker-deploy.ts";

export type { DeployAdapters, DeployLog } from "./ports.ts";

export type { Selection } from "./targets.ts";

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
    if (error instanceof UnusableApiBaseUrl) {
      return early(
        error.message,
        "Point CLOUDFLARE_API_BASE_URL at the https:// API (or unset it): nothing was deployed.",
      );
    }
    if (error instanceof LiveReadError) {
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
interface Slot extends Selected {
  candidate: ReleaseCandidate | null;
  /** The entry module's export names, read once for the preflight and phase 1. */
  exported: CodeExports | null;
}

async function run(
  request: ReleaseRequest,
  adapters: DeployAdapters,
  log: DeployLog,
  scrub: (text: string) => string,
): Promise<ReleaseResult> {
  const selected = await selectWorkers(request, adapters, log);
  const { root, files } = selected;
  const slots: Slot[] = selected.slots.map((x) => ({ ...x, candidate: null, exported: null }));
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
  const repositoryNames = await repositoryWorkersOnDisk(files, slots, adapters);
  const accounts = await readAccounts(slots, repositoryNames, adapters, log, single);
  const outsideClasses = new Map<string, ReadonlySet<string> | null>();
  for (const s of slots) {
    if (!s.target) continue;
    const account = accounts.get(s.target.accountId);
    const problem = account ? workerProblem(account, s.target.worker.name) : null;
    if (problem && single) throw new LiveReadError(problem);
    const exported = await codeExports(s.target.worker, s.target.configPath, root, adapters.sourceReader);
    s.exported = exported;
    if (exported.status === "unknown" && s.target.worker.main !== null) {
      s.notes.push(
        `The export names of ${s.target.worker.main} could not be determined: ${exported.message}`,
      );
    }
    s.candidate = releaseCandidate({
      key: s.key,
      file: s.loaded.label,
      worker: s.target.worker,
      accountId: s.target.accountId,
      account,
      codeExports: exported.status === "known" ? exported.names : null,
    });
    for (const b of s.target.worker.bindings) {
      if (b.scriptName === null || b.scriptName === s.target.worker.name || !account) continue;
      const ns = namespacesOf(account, b.scriptName);
      outsideClasses.set(`${s.target.accountId}\u0000${b.scriptName}`, ns ? new Set(ns.keys()) : null);
    }
  }
  const candidates = slots.map(
    (s): ReleaseCandidate =>
      s.candidate ??
      unplannedCandidate(
        s.key,
        s.loaded.label,
        s.loaded.ok ? s.loaded.target.worker : s.loaded,
        s.loaded.ok ? [] : [{ message: s.loaded.message, fix: s.loaded.fix }],
      ),
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
        exported: s.exported as CodeExports,
        log,
        deploy: (o) => adapters.deploy(o),
        files: adapters,
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
        if (r.deployedOk) r.notes.push(...exportsNextSteps(s.target.worker, r.after.plan, live));
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
  const summary = summarizeRelease({
    requested: request.phase,
    plan,
    workers: ordered,
    accounts: accounts.size,
    requests: [...accounts.values()].reduce((n, a) => n + a.requests, 0),
    mayDeploy,
  });
  const report: ReleaseReport = {
    ...summary,
    headline: scrub(summary.headline),
    notes: summary.notes.map(scrub),
  };
  return { ok: report.ok, single, early: null, report, runs: ordered };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/** A Worker the preflight lets deploy has not started until the run gets to it. */
function statusOf(status: string): WorkerRunStatus {
  return status === "deploy" ? "not-started" : (status as WorkerRunStatus);
}

function headlineOf(
  d: { status: string; reason: string } | undefined,
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

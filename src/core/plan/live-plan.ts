// The live plan of a change: which Workers it touches, and for each of them what the next deploy
// of the head does against the live state (one `planDeploy` per Worker, the deploy's own plan).
// Plain data in (the analyses, the live accounts read), plain data out. Built so that a
// multi-Worker deploy can plan every Worker from one read per account.
import type { FileAnalysis } from "../analyze/analyze.ts";
import { canonicalJson } from "../config/workers.ts";
import {
  type LiveAccount,
  type LiveNamespace,
  type LiveProblem,
  liveStateFor,
  namespacesOf,
  workerExists,
  workerProblem,
} from "../live/state.ts";
import type { PlannedWorker, Worker } from "../model.ts";
import { type DeployPlan, type LiveState, planDeploy } from "./deploy-plan.ts";

/** A Worker the live plan looks at: one (config file, environment) of the head revision. */
export interface PlanTarget {
  readonly file: string;
  readonly env: string | null;
  readonly name: string | null;
  /** The Worker at the head revision. */
  readonly worker: Worker;
  /** The same environment at the base revision (null: new file or new environment). */
  readonly base: Worker | null;
  /** `changed`: its lifecycle, bindings or name change; `binds`: it binds a class of one that does. */
  readonly reason: "changed" | "binds";
}

/**
 * The Workers a change touches: every (config, environment) of the head whose lifecycle, Durable
 * Object bindings or name differ from the base (or that is new), and the Workers that bind one of
 * their classes through `script_name`. A monorepo's untouched Workers are not planned.
 */
export function planTargets(
  analyses: readonly FileAnalysis[],
  envs: readonly (string | null)[] | null = null,
): PlanTarget[] {
  const wanted = (env: string | null) => !envs || envs.includes(env);
  const changed: PlanTarget[] = [];
  const others: { worker: Worker; base: Worker | null }[] = [];
  for (const analysis of analyses) {
    const baseByEnv = new Map((analysis.baseWorkers ?? []).map((w) => [w.env, w]));
    for (const worker of analysis.headWorkers) {
      if (!wanted(worker.env)) continue;
      const base = baseByEnv.get(worker.env) ?? null;
      if (base && base === worker) {
        others.push({ worker, base });
        continue;
      }
      if (base && sameDurableObjects(base, worker)) others.push({ worker, base });
      else changed.push(target(worker, base, "changed"));
    }
  }
  const names = new Set(changed.flatMap((t) => (t.name ? [t.name] : [])));
  const binders = others
    .filter(({ worker }) =>
      worker.bindings.some(
        (b) => b.scriptName !== null && b.scriptName !== worker.name && names.has(b.scriptName),
      ),
    )
    .map(({ worker, base }) => target(worker, base, "binds"));
  return [...changed, ...binders];
}

function target(worker: Worker, base: Worker | null, reason: PlanTarget["reason"]): PlanTarget {
  return { file: worker.file, env: worker.env, name: worker.name, worker, base, reason };
}

function sameDurableObjects(a: Worker, b: Worker): boolean {
  return a.name === b.name && lifecycleKey(a) === lifecycleKey(b) && bindingsKey(a) === bindingsKey(b);
}

function lifecycleKey(w: Worker): string {
  const l = w.lifecycle;
  if (l.model === "migrations")
    return `m${l.steps.map((s) => `${s.tag}\u0000${s.canonical}`).join("\u0001")}`;
  if (l.model === "exports") return `e${canonicalJson(l.entries.map((e) => ({ ...e, line: null })))}`;
  return "none";
}

function bindingsKey(w: Worker): string {
  return w.bindings
    .map((b) => `${b.name}\u0000${b.className}\u0000${b.scriptName}\u0000${b.environment}`)
    .join("\u0001");
}

/** Every Worker name the repository defines (head and base, every environment). */
export function repositoryWorkerNames(analyses: readonly FileAnalysis[]): Set<string> {
  const names = new Set<string>();
  for (const a of analyses)
    for (const w of [...a.headWorkers, ...(a.baseWorkers ?? [])]) if (w.name) names.add(w.name);
  return names;
}

/** One Worker's live plan, or why there is none. */
export interface WorkerPlan {
  readonly target: PlanTarget;
  /** `read`: planned against the live state; `static`: not asked; `failed`: the read failed. */
  readonly status: "read" | "static" | "failed";
  readonly problem: LiveProblem | null;
  readonly accountId: string | null;
  readonly plan: DeployPlan | null;
  readonly live: LiveState | null;
  /** The Worker's live namespaces by class (null when not known). */
  readonly namespaces: ReadonlyMap<string, LiveNamespace> | null;
  /** Of the tags the next deploy sends, those the base revision already has (not yet deployed). */
  readonly fromBase: readonly string[];
}

export interface LiveInput {
  /** The accounts read, by ID. */
  readonly accounts: ReadonlyMap<string, LiveAccount>;
  /** The account of Workers whose config has no `account_id` (input, flag or variable). */
  readonly defaultAccount: string | null;
}

/** The account a Worker deploys to: its config's `account_id`, as wrangler decides, else the default. */
export function accountOf(worker: Worker, defaultAccount: string | null): string | null {
  return worker.accountId ?? defaultAccount;
}

/** Plans every target against its account; `live` null when the live state was not asked for. */
export function planWorkers(targets: readonly PlanTarget[], live: LiveInput | null): WorkerPlan[] {
  return targets.map((t) => planWorker(t, live));
}

export function planWorker(t: PlanTarget, live: LiveInput | null): WorkerPlan {
  const none = { plan: null, live: null, namespaces: null, fromBase: [] };
  if (!live) return { target: t, status: "static", problem: null, accountId: null, ...none };
  const accountId = accountOf(t.worker, live.defaultAccount);
  const failed = (message: string, problem?: LiveProblem | null): WorkerPlan => ({
    target: t,
    status: "failed",
    problem: problem ?? { request: "(none)", status: null, code: null, message },
    accountId,
    ...none,
  });
  if (t.name === null) return failed("the config gives this Worker no `name`");
  if (accountId === null)
    return failed(
      "no Cloudflare account ID (input, `--account-id`, `CLOUDFLARE_ACCOUNT_ID` or `account_id` in the config)",
    );
  const account = live.accounts.get(accountId);
  if (!account) return failed("the account was not read");
  const problem = workerProblem(account, t.name);
  if (problem) return failed(problem.message, problem);
  const state = liveStateFor(account, t.name);
  const plan = planDeploy(t.worker, state);
  // The steps the base revision already has, unchanged (an edited one belongs to this change).
  const headSteps = t.worker.lifecycle.model === "migrations" ? t.worker.lifecycle.steps : [];
  const baseSteps = t.base?.lifecycle.model === "migrations" ? t.base.lifecycle.steps : [];
  const baseTags = new Set(
    baseSteps
      .filter((b) => b.tag !== null && headSteps.some((h) => h.tag === b.tag && h.canonical === b.canonical))
      .map((b) => b.tag as string),
  );
  const fromBase =
    plan.deployed && (plan.sendKind === "after" || plan.sendKind === "first")
      ? plan.sends.filter((tag) => baseTags.has(tag))
      : [];
  return {
    target: t,
    status: "read",
    problem: null,
    accountId,
    plan,
    live: state,
    namespaces: plan.deployed ? namespacesOf(account, t.name) : new Map(),
    fromBase,
  };
}

/** What the reader must count: the namespaces the plans of an account's targets destroy. */
export function destroyedNamespaces(
  targets: readonly PlanTarget[],
  account: LiveAccount,
  defaultAccount: string | null,
): { worker: string; origin: string }[] {
  const live: LiveInput = { accounts: new Map([[account.accountId, account]]), defaultAccount };
  const out: { worker: string; origin: string }[] = [];
  for (const t of targets) {
    if (t.name === null || accountOf(t.worker, defaultAccount) !== account.accountId) continue;
    const planned = planWorker(t, live);
    for (const d of planned.plan?.destroys ?? []) out.push({ worker: t.name, origin: d.origin });
  }
  return out;
}

/** Whether a Worker name exists in its account: null when that is not known. */
export function existsIn(live: LiveInput, name: string, accountId: string | null): boolean | null {
  const account = accountId === null ? undefined : live.accounts.get(accountId);
  return account ? workerExists(account, name) : null;
}

/** The report's entry for one planned Worker (the JSON `workers` array, the plan table). */
export function plannedWorker(p: WorkerPlan): PlannedWorker {
  const t = p.target;
  if (p.status !== "read" || !p.plan) {
    return {
      file: t.file,
      env: t.env,
      name: t.name,
      model: t.worker.lifecycle.model,
      live: p.status,
      problem: p.problem?.message ?? null,
      deployed: null,
      liveTag: null,
      sendKind: null,
      sends: [],
      fromBase: [],
      destroys: [],
      rejected: null,
    };
  }
  return plannedFromPlan(p.plan, t.file, p.fromBase);
}

/** A plan as the report shows it: the check's entries and the deploy's `phase: plan` alike. */
export function plannedFromPlan(
  plan: DeployPlan,
  file: string,
  fromBase: readonly string[] = [],
): PlannedWorker {
  return {
    file,
    env: plan.env,
    name: plan.worker,
    model: plan.model,
    live: "read",
    problem: null,
    deployed: plan.deployed,
    liveTag: plan.liveTag,
    sendKind: plan.sendKind,
    sends: plan.sends,
    fromBase,
    destroys: plan.destroys.map((d) => ({
      className: d.className,
      tag: d.tag,
      objects: d.objects?.objects ?? null,
      objectsWithData: d.objects?.withData ?? null,
      capped: d.objects?.capped ?? false,
    })),
    rejected: plan.rejected,
  };
}

// The live plan of a change: which Workers it touches, and for each of them what the next deploy
// of the head does against the live state (one `planDeploy` per Worker, the deploy's own plan).
// Plain data in (the analyses, the live accounts read), plain data out. Built so that a
// multi-Worker deploy can plan every Worker from one read per account.
import type { FileAnalysis } from "../analyze/file-analysis.ts";
import { canonicalJson, notDeployedAsWritten } from "../config/workers.ts";
import { q } from "../diagnostics.ts";
import { replayLifecycle } from "../lifecycle/replay.ts";
import {
  type LiveAccount,
  type LiveNamespace,
  type LiveProblem,
  liveStateFor,
  type NamespaceRef,
  namespacesOf,
  ownerlessClasses,
  workerExists,
  workerProblem,
} from "../live/state.ts";
import type { PlannedWorker, Worker } from "../model.ts";
import { type DeployPlan, planDeploy } from "./deploy-plan.ts";
import type { WorkerPlanBase } from "./worker-plan.ts";

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
  const names = new Set(changed.flatMap((t) => (plannable(t) ? [t.name as string] : [])));
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

/** Whether a Worker's Durable Objects are unchanged: same name, account, lifecycle and bindings. */
function sameDurableObjects(a: Worker, b: Worker): boolean {
  return (
    a.name === b.name &&
    (a.accountId ?? null) === (b.accountId ?? null) &&
    lifecycleKey(a) === lifecycleKey(b) &&
    bindingsKey(a) === bindingsKey(b)
  );
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

/**
 * Whether the live state can say anything about a target: a Worker that is not deployed as
 * written (a template's placeholder name, a config without `name`) is deployed under another
 * name, so the live state of the name as written is not its own.
 */
export function plannable(t: PlanTarget): boolean {
  return t.name !== null && notDeployedAsWritten(t.worker) === null;
}

/**
 * Every Worker name the repository's configs define (every environment): the check passes the
 * Workers of both revisions, the deploy those of its configs on disk.
 */
export function workerNames(workers: Iterable<Worker>): Set<string> {
  const names = new Set<string>();
  for (const w of workers) if (w.name && !w.placeholderName) names.add(w.name);
  return names;
}

/** The Workers of both revisions of every analysed config. */
export function analysedWorkers(analyses: readonly FileAnalysis[]): Worker[] {
  return analyses.flatMap((a) => [...a.headWorkers, ...(a.baseWorkers ?? [])]);
}

/** A Worker of the base revision that the head no longer has (an environment or a config removed). */
export interface RemovedWorker {
  readonly file: string;
  readonly env: string | null;
  readonly name: string;
  /** The account it was deployed to, as the base revision says (its `account_id`, else the default). */
  readonly accountId: string | null;
}

/** The Workers this change removes: read too, so "is it deployed?" has an answer. */
export function removedWorkers(
  analyses: readonly FileAnalysis[],
  defaultAccount: string | null,
  envs: readonly (string | null)[] | null = null,
): RemovedWorker[] {
  const out: RemovedWorker[] = [];
  for (const a of analyses) {
    const head = new Set(a.headWorkers.map((w) => w.env));
    for (const w of a.baseWorkers ?? []) {
      if (head.has(w.env) || (envs && !envs.includes(w.env))) continue;
      if (w.name === null || notDeployedAsWritten(w) !== null) continue;
      out.push({ file: w.file, env: w.env, name: w.name, accountId: accountOf(w, defaultAccount) });
    }
  }
  return out;
}

/**
 * One Worker's live plan, or why there is none. `status`, as the JSON report's `workers[].live`:
 * `read`: planned against the live state; `off`: the live state was not asked for; `failed`:
 * the read failed; `skipped`: the Worker is not deployed as written (a template, no `name`), so
 * the live state of its name says nothing about it and it is judged from the config alone.
 */
export interface WorkerPlan extends WorkerPlanBase {
  readonly target: PlanTarget;
  readonly status: PlannedWorker["live"];
  readonly problem: LiveProblem | null;
  /** The Worker's live namespaces by class (null when not known). */
  readonly namespaces: ReadonlyMap<string, LiveNamespace> | null;
  /** Classes of namespaces in the account whose owner the API did not name (each may be this Worker's). */
  readonly ownerless: ReadonlySet<string>;
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
  const none = { plan: null, live: null, namespaces: null, ownerless: new Set<string>(), fromBase: [] };
  if (!live) return { target: t, status: "off", problem: null, accountId: null, ...none };
  const why = notDeployedAsWritten(t.worker);
  if (why !== null) {
    const problem = { request: "(none)", status: null, code: null, message: why };
    return { target: t, status: "skipped", problem, accountId: null, ...none };
  }
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
    ownerless: ownerlessClasses(account),
    fromBase,
  };
}

/** What the reader must count: the namespaces the plans of an account's targets destroy. */
export function destroyedNamespaces(
  targets: readonly PlanTarget[],
  account: LiveAccount,
  defaultAccount: string | null,
): NamespaceRef[] {
  return inAccount(targets, account, defaultAccount).flatMap((t) =>
    destroyedBy(account, t.worker, t.name as string),
  );
}

/** The namespaces the plan of one Worker, read in `account`, destroys (none when it cannot be read). */
export function destroyedBy(account: LiveAccount, worker: Worker, name: string): NamespaceRef[] {
  if (workerProblem(account, name)) return [];
  return planDeploy(worker, liveStateFor(account, name)).destroys.map((d) => ({
    worker: name,
    origin: d.origin,
  }));
}

/**
 * The other namespaces whose objects the reader counts: the live classes of a planned Worker
 * that its config does not know (DO805), whose objects decide whether the deploy is rejected.
 */
export function unknownNamespaces(
  targets: readonly PlanTarget[],
  account: LiveAccount,
  defaultAccount: string | null,
): NamespaceRef[] {
  const out: NamespaceRef[] = [];
  for (const t of inAccount(targets, account, defaultAccount)) {
    const name = t.name as string;
    if (workerProblem(account, name) || workerExists(account, name) !== true) continue;
    const known = replayLifecycle(t.worker.lifecycle).classes;
    for (const className of namespacesOf(account, name)?.keys() ?? []) {
      if (!known.has(className)) out.push({ worker: name, origin: className });
    }
  }
  return out;
}

function inAccount(
  targets: readonly PlanTarget[],
  account: LiveAccount,
  defaultAccount: string | null,
): PlanTarget[] {
  return targets.filter((t) => plannable(t) && accountOf(t.worker, defaultAccount) === account.accountId);
}

/** An account ID as reports show it: shortened (reports may be public), enough to tell accounts apart. */
export function accountLabel(accountId: string | null): string {
  if (accountId === null) return "the default account";
  const id = accountId.length > 12 ? `${accountId.slice(0, 4)}…${accountId.slice(-4)}` : accountId;
  return `account ${q(id)}`;
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
    ...(plan.model === "exports" && plan.tombstones.length > 0 ? { tombstones: plan.tombstones } : {}),
  };
}

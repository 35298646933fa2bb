// One Worker's plan, decided from its config and the live state (DOMAIN.md §4 and §6): what the
// next `wrangler deploy` of this config sends (the steps after the live tag, all of them for a
// Worker without a tag, all of them again when the live tag is not in the config, or the whole
// `exports` map), what it destroys (with the objects the live state counted), and how the guarded
// two-phase deploy gets there:
//  phase 1 deploys with every binding to the doomed classes removed and the destroying steps held
//  back (the classes still exported); phase 2 deploys the real config, which applies the delete.
// The pull request's live plan and the deploy's `phase: plan` are this one function.
// Pure: the caller reads the live state (src/adapters/live-state.ts) and runs wrangler.
import { destructions } from "../lifecycle/engine.ts";
import { replayLifecycle, replaySteps } from "../lifecycle/replay.ts";
import type { LiveBindingRef, LiveState, ObjectCount } from "../live/state.ts";
import type {
  DurableObjectBinding,
  ExportEntry,
  LifecycleStep,
  Rejection,
  SendKind,
  Storage,
  TombstoneStatus,
  Worker,
} from "../model.ts";
import {
  configStillBinds,
  confirmationMismatch,
  confirmationMissing,
  mixedStep as mixedStepWords,
  otherWorkerBinds,
  tagNotInConfig,
} from "../rules/live-deploy.ts";

export type { LiveBindingRef, LiveState } from "../live/state.ts";
export type { Rejection, SendKind } from "../model.ts";

export type Phase = "1" | "2";
export type NextStep = "none" | "deploy" | Phase;

/** A class the next deploy destroys, with what the live state says about its objects. */
export interface PlannedDestruction {
  /** The class the delete names. */
  readonly className: string;
  /** The class whose objects these are now (another name when a pending step renames it first). */
  readonly origin: string;
  /** The migration tag that deletes it (null for an `exports` tombstone). */
  readonly tag: string | null;
  /** Counted objects; null when they were not counted. */
  readonly objects: ObjectCount | null;
}

export interface Refusal {
  readonly reason:
    | "mixed-step"
    | "tag-not-in-config"
    | "config-still-binds"
    | "other-worker-binds"
    | "no-lifecycle-change"
    | "confirmation-missing"
    | "confirmation-mismatch"
    | "phase-1-not-landed"
    | "phase-1-not-needed"
    | "nothing-to-destroy";
  readonly message: string;
  readonly fix: string;
}

export interface DeployPlan {
  readonly worker: string;
  readonly env: string | null;
  readonly model: "migrations" | "exports" | "none";
  /** Whether the Worker exists in the account. */
  readonly deployed: boolean;
  readonly liveTag: string | null;
  /** The tag the config ends with. */
  readonly targetTag: string | null;
  /** The steps after the live tag (empty when the live tag is not in the config). */
  readonly pendingTags: readonly string[];
  readonly sendKind: SendKind;
  /** What the next deploy sends: migration tags, or the `exports` entries (class names). */
  readonly sends: readonly string[];
  /** What the next plain `wrangler deploy` of this config destroys, in order. */
  readonly destroys: readonly PlannedDestruction[];
  /** The server rejects what the next deploy sends (nothing changes then), when it can be told. */
  readonly rejected: Rejection | null;
  /** Classes the two-phase deploy destroys (its phase 2), sorted. */
  readonly doomed: readonly string[];
  /** Live bindings that must be gone before the delete can apply (this Worker and others). */
  readonly blockingBindings: readonly LiveBindingRef[];
  /** What `auto` runs next: a normal deploy, phase 1, phase 2, or nothing. */
  readonly next: NextStep;
  /** Phase 1: the tag to stop at (the last step before the first destroying one), or null for none. */
  readonly phase1Tag: string | null;
  /** Classes with a namespace once phase 1 has applied: the code must export them all (sorted). */
  readonly phase1Classes: readonly string[];
  /**
   * Classes whose bindings (in this Worker's config) phase 1 removes: the doomed ones, and those
   * only created by the steps phase 1 holds back (sorted).
   */
  readonly phase1Unbound: readonly string[];
  /** Problems that stop the two-phase deploy whatever the phase. */
  readonly refusals: readonly Refusal[];
  /** `exports`: each tombstone against the live namespaces (empty for `migrations`). */
  readonly tombstones: readonly TombstoneStatus[];
}

type Partial1 = Omit<
  DeployPlan,
  "doomed" | "blockingBindings" | "next" | "refusals" | "deployed" | "destroys" | "rejected" | "tombstones"
> & {
  readonly destroys?: readonly PlannedDestruction[];
  readonly rejected?: Rejection | null;
  readonly tombstones?: readonly TombstoneStatus[];
};

/** One plan in the making: the Worker, its live state, and the refusals found so far, in order. */
interface Planning {
  readonly worker: Worker;
  readonly live: LiveState;
  readonly name: string;
  readonly liveTag: string | null;
  readonly refusals: Refusal[];
}

export function planDeploy(worker: Worker, live: LiveState): DeployPlan {
  const at: Planning = {
    worker,
    live,
    name: worker.name ?? "(unnamed)",
    liveTag: live.exists ? live.migrationTag : null,
    refusals: [],
  };
  const lifecycle = worker.lifecycle;
  if (lifecycle.model === "exports") return planExports(at, lifecycle.entries);
  if (lifecycle.model === "none") {
    return finish(
      at,
      {
        ...identity(at),
        model: "none",
        targetTag: null,
        pendingTags: [],
        sendKind: "none",
        sends: [],
        phase1Tag: null,
        phase1Classes: [],
        phase1Unbound: [],
      },
      [],
    );
  }
  return planMigrations(at, lifecycle.steps);
}

function identity(at: Planning): Pick<DeployPlan, "worker" | "env" | "liveTag"> {
  return { worker: at.name, env: at.worker.env, liveTag: at.liveTag };
}

function countOf(live: LiveState): (className: string) => ObjectCount | null {
  return (className) => live.objects?.get(className) ?? null;
}

/** `exports`: the whole map is sent; a tombstone of a class with a namespace destroys it. */
function planExports(at: Planning, entries: readonly ExportEntry[]): DeployPlan {
  const { live } = at;
  const provisioned = live.provisioned ?? new Map<string, Storage | null>();
  // A fresh Worker has no objects; with no namespace list, every tombstone counts (the safe side).
  const doomed = live.exists
    ? entries
        .filter((e) => e.state === "deleted" && (live.provisioned === null || provisioned.has(e.className)))
        .map((e) => e.className)
        .sort()
    : [];
  const kept = [...replayLifecycle(at.worker.lifecycle).classes.values()]
    .filter((c) => c.status === "live")
    .map((c) => c.className);
  const count = countOf(live);
  return finish(
    at,
    {
      ...identity(at),
      model: "exports",
      targetTag: null,
      pendingTags: [],
      sendKind: "exports",
      sends: entries.map((e) => e.className),
      destroys: doomed.map((c) => ({ className: c, origin: c, tag: null, objects: count(c) })),
      phase1Tag: null,
      phase1Classes: sorted([...kept, ...doomed]),
      phase1Unbound: doomed,
      tombstones: tombstonesOf(at.worker, live),
    },
    doomed,
  );
}

/** Where the next deploy of a `migrations` config starts, and what the server rejects of it. */
interface Start {
  readonly pending: readonly LifecycleStep[];
  readonly sendKind: SendKind;
  readonly rejected: Rejection | null;
  /** A replay's destructions (only for `replay`). */
  readonly replayDestroys: PlannedDestruction[];
}

function planMigrations(at: Planning, steps: readonly LifecycleStep[]): DeployPlan {
  const { live } = at;
  const tags = (list: readonly LifecycleStep[]) => list.flatMap((s) => (s.tag ? [s.tag] : []));
  const targetTag = steps[steps.length - 1]?.tag ?? null;
  // The live namespaces, when the account's list says: what the deploy starts from.
  const liveClasses =
    live.exists && live.namespacesKnown && live.provisioned ? [...live.provisioned.keys()] : null;
  const { pending, sendKind, rejected, replayDestroys } = startOf(at, steps, liveClasses);
  const applied = steps.slice(0, steps.length - pending.length);
  const walk =
    liveClasses && sendKind !== "replay"
      ? walkLive(at, liveClasses, pending)
      : walkHistory(at, replaySteps(applied), pending);
  const { doomed, found, firstDestroying } = walk;
  if (!live.exists) doomed.clear(); // a fresh Worker has no objects to destroy (finish drops `found`)
  const phase1Tag =
    firstDestroying < 0
      ? targetTag
      : firstDestroying === 0
        ? at.liveTag
        : (pending[firstDestroying - 1]?.tag ?? at.liveTag);
  const appliedCount = applied.length + (firstDestroying < 0 ? pending.length : firstDestroying);
  const liveAfter = (upTo: number) =>
    [...replaySteps(steps.slice(0, upTo)).classes.values()]
      .filter((c) => c.status === "live")
      .map((c) => c.className);
  const phase1Classes = liveAfter(appliedCount);
  const atPhase1 = new Set(phase1Classes);
  const createdLater = liveAfter(steps.length).filter((c) => !atPhase1.has(c));
  return finish(
    at,
    {
      ...identity(at),
      model: "migrations",
      targetTag,
      pendingTags: tags(pending),
      sendKind,
      sends: sendKind === "replay" || sendKind === "first" ? tags(steps) : tags(pending),
      destroys: sendKind === "replay" ? replayDestroys : rejected ? [] : found,
      rejected,
      phase1Tag,
      phase1Classes: sorted(phase1Classes),
      phase1Unbound: sorted([...doomed, ...createdLater]),
    },
    [...doomed].sort(),
  );
}

/**
 * The steps the next deploy sends: those after the live tag; all of them for a Worker without
 * one; all of them again (a replay, refused) when the live tag is not in the config.
 */
function startOf(
  at: Planning,
  steps: readonly LifecycleStep[],
  liveClasses: readonly string[] | null,
): Start {
  const { live, liveTag } = at;
  if (liveTag !== null) {
    const index = steps.findIndex((s) => s.tag === liveTag);
    if (index >= 0) {
      const pending = steps.slice(index + 1);
      return {
        pending,
        sendKind: pending.length === 0 ? "nothing" : "after",
        rejected: null,
        replayDestroys: [],
      };
    }
    at.refusals.push({ reason: "tag-not-in-config", ...tagNotInConfig({ worker: at.name, liveTag }) });
    const rejected = liveClasses ? firstRejection(liveClasses, steps) : null;
    const replayDestroys =
      liveClasses && !rejected ? destroyed(destructions(liveClasses, steps), countOf(live)) : [];
    return { pending: [], sendKind: "replay", rejected, replayDestroys };
  }
  if (steps.length === 0) return { pending: steps, sendKind: "nothing", rejected: null, replayDestroys: [] };
  const rejected = !live.exists
    ? firstDeployRejection(steps)
    : liveClasses
      ? firstRejection(liveClasses, steps)
      : null;
  return { pending: steps, sendKind: "first", rejected, replayDestroys: [] };
}

/** What the walk of the pending steps destroys, and the index of the first destroying step (-1: none). */
interface Walk {
  readonly doomed: Set<string>;
  readonly found: PlannedDestruction[];
  readonly firstDestroying: number;
}

/**
 * The pending steps from the live namespaces (the account's list): a delete of a class that has
 * a namespace destroys its objects, followed through renames.
 */
function walkLive(at: Planning, liveClasses: readonly string[], pending: readonly LifecycleStep[]): Walk {
  const list = destructions(liveClasses, pending);
  const doomed = new Set<string>();
  const destroying = new Set<LifecycleStep>();
  for (const d of list) {
    const step = pending.find((s) => s.tag === d.tag && s.line === d.line);
    if (step) destroying.add(step);
    doomed.add(d.className);
  }
  let firstDestroying = -1;
  pending.forEach((step, index) => {
    if (!destroying.has(step)) return;
    if (firstDestroying < 0) firstDestroying = index;
    mixedStep(at, step);
  });
  return { doomed, found: destroyed(list, countOf(at.live)), firstDestroying };
}

/**
 * The pending steps without the namespace list: the objects are those of every class the
 * config's history had created by the live tag, or creates on the way (the safe side).
 */
function walkHistory(
  at: Planning,
  replayed: ReturnType<typeof replaySteps>,
  pending: readonly LifecycleStep[],
): Walk {
  const alive = new Set(
    [...replayed.classes.values()].filter((c) => c.status === "live").map((c) => c.className),
  );
  const doomed = new Set<string>();
  const found: PlannedDestruction[] = [];
  let firstDestroying = -1;
  pending.forEach((step, index) => {
    let destroys = false;
    for (const op of step.ops) {
      if (op.type === "create" || op.type === "transfer-in") alive.add(op.className);
      else if (op.type === "rename") {
        alive.delete(op.from);
        alive.add(op.to);
      } else if (op.type === "delete" && alive.delete(op.className)) {
        doomed.add(op.className);
        found.push({ className: op.className, origin: op.className, tag: step.tag, objects: null });
        destroys = true;
        if (firstDestroying < 0) firstDestroying = index;
      }
    }
    if (destroys) mixedStep(at, step);
  });
  return { doomed, found, firstDestroying };
}

/** Only a step that destroys live objects needs phasing (a fresh Worker destroys nothing). */
function mixedStep(at: Planning, step: LifecycleStep): void {
  const deletes = step.ops.filter((op) => op.type === "delete");
  if (at.live.exists && deletes.length < step.ops.length) {
    const words = mixedStepWords({ tag: step.tag, deletes: deletes.map((d) => d.className) });
    at.refusals.push({ reason: "mixed-step", ...words });
  }
}

/** The plan with what every model shares: the bindings that block the delete, the next step, the refusals. */
function finish(at: Planning, partial: Partial1, doomedClasses: readonly string[]): DeployPlan {
  const { live, name, refusals } = at;
  const doomedSet = new Set(doomedClasses);
  const blockingBindings = live.bindingsToThisWorker.filter((b) => doomedSet.has(b.className));
  const exportsModel = partial.model === "exports";
  for (const className of doomedClasses) {
    const localBound = at.worker.bindings.filter(
      (b) => b.className === className && (b.scriptName === null || b.scriptName === name),
    );
    for (const binding of localBound) refusals.push(stillBound(className, binding, exportsModel));
  }
  for (const b of blockingBindings.filter((b) => b.worker !== name)) {
    const words = otherWorkerBinds({
      holder: b.worker,
      className: b.className,
      worker: name,
      binding: b.binding,
      exportsModel,
    });
    refusals.push({ reason: "other-worker-binds", ...words });
  }
  return {
    ...partial,
    deployed: live.exists,
    destroys: live.exists ? (partial.destroys ?? []) : [],
    rejected: partial.rejected ?? null,
    tombstones: partial.tombstones ?? [],
    doomed: doomedClasses,
    blockingBindings,
    next: nextStep(partial, doomedClasses, blockingBindings, at),
    refusals,
  };
}

/** What `auto` runs next: nothing, a normal deploy, phase 1 (own bindings first) or phase 2. */
function nextStep(
  partial: Partial1,
  doomedClasses: readonly string[],
  blockingBindings: readonly LiveBindingRef[],
  at: Planning,
): NextStep {
  if (doomedClasses.length === 0) {
    return partial.model === "migrations" && partial.pendingTags.length === 0 && at.live.exists
      ? "none"
      : "deploy";
  }
  // With `exports` the Worker's own bindings go in the deploy that applies the tombstone (with
  // the class gone from the code): there is no phase 1, only other Workers' bindings come first.
  const ownBindingsFirst = partial.model !== "exports" && blockingBindings.some((b) => b.worker === at.name);
  return ownBindingsFirst ? "1" : "2";
}

function destroyed(
  list: ReturnType<typeof destructions>,
  countOf: (className: string) => ObjectCount | null,
): PlannedDestruction[] {
  return list.map((d) => ({
    className: d.className,
    origin: d.origin,
    tag: d.tag,
    objects: countOf(d.origin),
  }));
}

/** The first step the server rejects when applied on top of these live classes, if any. */
function firstRejection(liveClasses: readonly string[], steps: readonly LifecycleStep[]): Rejection | null {
  const live = new Set(liveClasses);
  for (const step of steps) {
    for (const op of step.ops) {
      if (op.type === "create" || op.type === "transfer-in") {
        if (live.has(op.className))
          return { tag: step.tag, className: op.className, reason: "create-existing" };
        live.add(op.className);
      } else if (op.type === "rename") {
        live.delete(op.from);
        live.add(op.to);
      } else if (op.type === "delete" || op.type === "transfer-out") {
        live.delete(op.className);
      }
    }
  }
  return null;
}

/** A new Worker's first deploy sends the whole history: a delete in it cannot apply (10074). */
function firstDeployRejection(steps: readonly LifecycleStep[]): Rejection | null {
  for (const step of steps) {
    const del = step.ops.find((op) => op.type === "delete");
    if (del && del.type === "delete")
      return { tag: step.tag, className: del.className, reason: "delete-first-deploy" };
  }
  return null;
}

function sorted(names: Iterable<string>): string[] {
  return [...new Set(names)].sort();
}

/**
 * Where each tombstone of an `exports` config stands: pending while its namespace is live (the
 * account's namespace list, else the live `exports` map), applied once it is gone. A Worker that
 * does not exist has no namespace: every tombstone is a no-op there, so applied (removable).
 */
function tombstonesOf(worker: Worker, live: LiveState): TombstoneStatus[] {
  if (worker.lifecycle.model !== "exports") return [];
  const out: TombstoneStatus[] = [];
  for (const e of worker.lifecycle.entries) {
    if (e.state !== "deleted" && e.state !== "renamed" && e.state !== "transferred") continue;
    const status: TombstoneStatus["status"] = !live.exists
      ? "applied"
      : live.provisioned === null
        ? "unknown"
        : live.provisioned.has(e.className)
          ? "pending"
          : "applied";
    out.push({ className: e.className, state: e.state, status });
  }
  return out;
}

function stillBound(className: string, binding: DurableObjectBinding, exportsModel: boolean): Refusal {
  const words = configStillBinds({ className, binding: binding.name, line: binding.line, exportsModel });
  return { reason: "config-still-binds", ...words };
}

/** Phase 2 needs a confirmation that names exactly the classes it destroys: no more, no fewer. */
export function checkConfirmation(plan: DeployPlan, confirmed: readonly string[]): Refusal | null {
  const wanted = [...plan.doomed].sort();
  const given = [...new Set(confirmed.map((c) => c.trim()).filter(Boolean))].sort();
  if (given.length === 0) {
    return { reason: "confirmation-missing", ...confirmationMissing({ worker: plan.worker, wanted }) };
  }
  if (given.join(",") !== wanted.join(",")) {
    const missing = wanted.filter((c) => !given.includes(c));
    const extra = given.filter((c) => !wanted.includes(c));
    const words = confirmationMismatch({ worker: plan.worker, wanted, missing, extra });
    return { reason: "confirmation-mismatch", ...words };
  }
  return null;
}

// One deployed Worker at two revisions, read once for every rule family: both lifecycles
// replayed into class states, the base as deployed Workers most likely have it (without a tail
// of steps its own deploy gets rejected), and the pending deletes. The family detectors
// (analyze/rules/<family>.ts) read a Comparison and return drafts; compareWorker runs them.
import { isLocalBinding } from "../config/workers.ts";
import type { Destruction } from "../lifecycle/engine.ts";
import { liveClassNames, type Replay, replayLifecycle } from "../lifecycle/replay.ts";
import type { ClassState, DurableObjectBinding, LifecycleStep, Storage, Worker } from "../model.ts";
import { type PredictedRejection, predictRejection } from "./history.ts";
import { pendingDestructions } from "./lineage.ts";

/** What the repository tells the comparison of one Worker beyond its two configs. */
export interface CompareContext {
  /** The export names of the base Worker's entry module at the base revision, when read. */
  readonly baseExports?: ReadonlySet<string> | null;
  /**
   * Bindings of other targets of the repository at the base revision that name a class of the
   * base Worker through `script_name` (by class name): they get a delete of that class rejected.
   */
  readonly boundElsewhere?: ReadonlyMap<string, { readonly binding: string; readonly worker: string }>;
}

/** A class whose binding moved to a live class of another storage backend (see `storageSwitch`). */
export interface StorageSwitch {
  readonly binding: DurableObjectBinding;
  readonly target: ClassState;
  readonly from: Storage;
  readonly to: Storage;
}

export interface Comparison {
  readonly env: string | null;
  /** null for a new Worker (new file or env). */
  readonly base: Worker | null;
  readonly head: Worker;
  /** The base's own bindings (not another Worker's through `script_name`). */
  readonly baseLocal: readonly DurableObjectBinding[];
  /** The head's own bindings. */
  readonly localBindings: readonly DurableObjectBinding[];
  /** The steps at the end of the base history whose deploy the base itself predicts fails. */
  readonly predicted: PredictedRejection | null;
  /** A rejected base tail this change lets apply (it drops what got it rejected). */
  readonly unblocked: PredictedRejection | null;
  /** The base as deployed Workers most likely have it. */
  readonly deployedBase: Worker | null;
  /** The whole base history replayed (null for a new Worker). */
  readonly fullBefore: Replay | null;
  readonly after: Replay;
  /** The class states of `deployedBase`. */
  readonly baseClasses: ReadonlyMap<string, ClassState>;
  /** Which pending steps destroy objects the deployed Worker has (null: read from end states). */
  readonly destroyed: readonly Destruction[] | null;
  readonly baseSteps: readonly LifecycleStep[];
  readonly headSteps: readonly LifecycleStep[];
  /** The tags of the unblocked tail, and the base tag before it. */
  readonly unblockedTags: ReadonlySet<string | null>;
  readonly unblockedFrom: string | null;
  /** Filled by the detectors as they go: the classes this change deletes and creates. */
  readonly deleted: ClassState[];
  readonly created: ClassState[];
}

export function compare(base: Worker | null, head: Worker, context: CompareContext = {}): Comparison {
  const baseLocal = base ? base.bindings.filter((b) => isLocalBinding(b, base)) : [];
  // A Worker the change leaves alone (read once for both sides) has no tail to predict.
  const predicted =
    base && base !== head
      ? rejectedTail(base, baseLocal, context.baseExports ?? null, context.boundElsewhere)
      : null;
  // What the history findings say of the steps a deploy from the base cannot apply. Below, the
  // base is read without them only for the tail the config itself predicts: a class missing from
  // the base code since an older step says no deploy from the base succeeds, not that the Worker
  // never ran the later steps from an earlier revision, so their classes stay live for the
  // data-loss checks.
  const rejected =
    predicted &&
    (predicted.cause !== "not-exported" ||
      (base?.lifecycle.model === "migrations" && predicted.index === base.lifecycle.steps.length - 1))
      ? predicted
      : null;
  const touched = base !== null && rejected !== null && touchesTail(base, head, rejected.index);
  // A rejected delete this change lets through: the head keeps the steps and drops every binding
  // that got them rejected, so the next deploy applies them (the fix PR of executor#1191).
  const unblocked = base && rejected && !touched && unblocks(base, head, rejected) ? rejected : null;
  // The base as deployed Workers most likely have it: without the steps whose deploy the base
  // itself gets rejected, when the change touches them (a retried delete, a withdrawn step) or
  // lets them apply.
  const deployedBase = base && rejected && (touched || unblocked) ? withoutTail(base, rejected.index) : base;
  const fullBefore = base ? replayLifecycle(base.lifecycle) : null;
  const before = deployedBase ? replayLifecycle(deployedBase.lifecycle) : null;
  const after = replayLifecycle(head.lifecycle);
  const baseClasses = before?.classes ?? new Map<string, ClassState>();
  // Which pending steps destroy objects the deployed Worker has: step by step when the history
  // was appended to, else (null) from the end states below.
  const destroyed = deployedBase
    ? pendingDestructions(deployedBase.lifecycle, head.lifecycle, liveClassNames(baseClasses))
    : null;
  const baseSteps = base?.lifecycle.model === "migrations" ? base.lifecycle.steps : [];
  return {
    env: head.env,
    base,
    head,
    baseLocal,
    localBindings: head.bindings.filter((b) => isLocalBinding(b, head)),
    predicted,
    unblocked,
    deployedBase,
    fullBefore,
    after,
    baseClasses,
    destroyed,
    baseSteps,
    headSteps: head.lifecycle.model === "migrations" ? head.lifecycle.steps : [],
    unblockedTags: new Set(unblocked ? baseSteps.slice(unblocked.index).map((step) => step.tag) : []),
    unblockedFrom: unblocked ? (baseSteps[unblocked.index - 1]?.tag ?? null) : null,
    deleted: [],
    created: [],
  };
}

/** Whether a class is live in the deployed base. */
export function isLiveAtBase(c: Comparison, name: string): boolean {
  return c.baseClasses.get(name)?.status === "live";
}

/** The classes live in the deployed base. */
export function liveAtBase(c: Comparison): string[] {
  // A copy: the list goes into drafts, and the shared one is read by every target of the history.
  return [...liveClassNames(c.baseClasses)];
}

/**
 * A base binding that keeps its name at head but points at another live class of this Worker:
 * the old class is being replaced (a rename written as delete + create, or a storage switch).
 */
function replacedBy(c: Comparison, className: string) {
  for (const old of c.baseLocal.filter((b) => b.className === className)) {
    const moved = c.localBindings.find((b) => b.name === old.name && b.className !== className);
    const target = moved && c.after.classes.get(moved.className);
    if (moved && target?.status === "live") return { binding: moved, target };
  }
  return null;
}

/** A deleted class replaced by a live class of another storage backend, if it is. */
export function storageSwitch(c: Comparison, gone: ClassState): StorageSwitch | null {
  const replacement = replacedBy(c, gone.className);
  const from = gone.storage ?? c.baseClasses.get(gone.className)?.storage ?? null;
  const to = replacement?.target.storage ?? null;
  return replacement && from && to && from !== to ? { ...replacement, from, to } : null;
}

/** The steps at the end of a base `migrations` history whose deploy the base itself predicts fails. */
function rejectedTail(
  base: Worker,
  baseLocal: readonly DurableObjectBinding[],
  baseExports: ReadonlySet<string> | null,
  boundElsewhere: CompareContext["boundElsewhere"],
): PredictedRejection | null {
  if (base.lifecycle.model !== "migrations") return null;
  const boundAtBase = new Map<string, string>();
  for (const b of baseLocal) if (!boundAtBase.has(b.className)) boundAtBase.set(b.className, b.name);
  // A binding that names a class of this Worker with another Worker's `script_name` counts too:
  // the API matches a delete against bindings by class name.
  const elsewhere = new Map(boundElsewhere ?? []);
  for (const b of base.bindings) {
    if (!isLocalBinding(b, base) && !boundAtBase.has(b.className) && !elsewhere.has(b.className))
      elsewhere.set(b.className, { binding: b.name, worker: base.name ?? "this Worker" });
  }
  // DO402 at the base: a binding to a class no step creates gets every deploy rejected (10061).
  // wrangler v1 created classes at publish time, so its configs are left out.
  const named = new Set(
    base.lifecycle.steps.flatMap((step) =>
      step.ops.flatMap((op) => (op.type === "rename" ? [op.from, op.to] : [op.className])),
    ),
  );
  const unknown = new Map<string, string>();
  if (!base.wranglerV1) {
    for (const [className, binding] of boundAtBase)
      if (!named.has(className)) unknown.set(className, binding);
  }
  return predictRejection(base.lifecycle.steps, boundAtBase, baseExports, { elsewhere, unknown });
}

/**
 * Whether the head lets a rejected tail apply: the rejection was a delete of a class the config
 * still binds, and the head binds none of the classes those steps delete (the API matches a
 * delete against bindings by class name, `script_name` or not); or it was a binding to a class no
 * step creates, and the head's history names every class its bindings point at.
 */
function unblocks(base: Worker, head: Worker, rejected: PredictedRejection): boolean {
  if (base.lifecycle.model !== "migrations") return false;
  if (rejected.cause === "unknown-class") {
    // Every binding of the head names a class its history has: the base's 10061 is gone, and
    // the next deploy applies the steps no deploy from the base could.
    if (head.lifecycle.model !== "migrations" || head.wranglerV1) return false;
    const named = new Set(
      head.lifecycle.steps.flatMap((step) =>
        step.ops.flatMap((op) => (op.type === "rename" ? [op.from, op.to] : [op.className])),
      ),
    );
    return head.bindings.filter((b) => isLocalBinding(b, head)).every((b) => named.has(b.className));
  }
  if (rejected.cause !== "still-bound") return false;
  const deletes = new Set(
    base.lifecycle.steps
      .slice(rejected.index)
      .flatMap((step) => step.ops.flatMap((op) => (op.type === "delete" ? [op.className] : []))),
  );
  return !head.bindings.some((b) => deletes.has(b.className));
}

/** Whether the head edits or removes any base step from `index` on. */
function touchesTail(base: Worker, head: Worker, index: number): boolean {
  if (base.lifecycle.model !== "migrations") return false;
  const headSteps = head.lifecycle.model === "migrations" ? head.lifecycle.steps : [];
  return base.lifecycle.steps
    .slice(index)
    .some((step) => !headSteps.some((s) => s.tag === step.tag && s.canonical === step.canonical));
}

function withoutTail(base: Worker, index: number): Worker {
  const lifecycle = base.lifecycle;
  if (lifecycle.model !== "migrations") return base;
  return { ...base, lifecycle: { ...lifecycle, steps: lifecycle.steps.slice(0, index) } };
}

/** The first line of a Worker's lifecycle declaration (its first step or `exports` entry). */
export function lifecycleLine(worker: Worker): number | null {
  const lifecycle = worker.lifecycle;
  const first =
    lifecycle.model === "migrations"
      ? lifecycle.steps[0]?.line
      : lifecycle.model === "exports"
        ? lifecycle.entries[0]?.line
        : null;
  return first ?? worker.envLine;
}

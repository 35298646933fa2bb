// The append-only rules of a `migrations` list. wrangler sends the steps after the deployed tag,
// matched by tag (the first copy of a duplicate): an edited or removed step is silently ignored
// by Workers that already ran it, and a missing deployed tag makes wrangler replay everything.
import type { Draft } from "../diagnostics.ts";
import { liveClasses, replayLifecycle } from "../lifecycle/replay.ts";
import type { LifecycleOp, LifecycleStep } from "../model.ts";
import {
  duplicateTag,
  historyEdited,
  historyRemoved,
  historyReordered,
  historyRetired,
  rejectionReason,
  stepInsertedBeforeDeployed,
  stepInsertedBeforeRejected,
  stepRemoved,
  type Unapplied,
} from "../rules/history.ts";

/** The steps a Worker deployed at the base revision's last tag would receive from the head. */
export function pendingSteps(
  base: readonly LifecycleStep[],
  head: readonly LifecycleStep[],
): LifecycleStep[] {
  const deployedTag = base[base.length - 1]?.tag ?? null;
  if (deployedTag === null) return [...head];
  const at = head.findIndex((step) => step.tag === deployedTag);
  return at < 0 ? [...head] : head.slice(at + 1);
}

/**
 * A step at the end of the base history that most likely never reached a Worker: the base revision
 * itself has the error that gets its deploy rejected (a delete while the config still binds the
 * class, creating a class that already exists). Deployed Workers then have the tag before it.
 */
export interface PredictedRejection {
  /** Index of the first base step that never applied; every step from there on did not either. */
  readonly index: number;
  readonly tag: string | null;
  /** Why its deploy is rejected, e.g. "binding `X` still points at `Y`, which it deletes". */
  readonly reason: string;
  /** The Cloudflare error code of the rejection, when there is one. */
  readonly code: string | null;
  /**
   * What gets the deploy rejected: `still-bound`, a binding of the config points at a class the
   * step deletes (a change that removes every such binding lets the step apply); `repointed`, a
   * binding moved in that same deploy from the deleted class to one the step creates (the live
   * binding still points at the old class); `create-existing`, `rename-onto-existing`;
   * `not-exported`, the base code does not export a class the step creates.
   */
  readonly cause:
    | "still-bound"
    | "bound-elsewhere"
    | "unknown-class"
    | "repointed"
    | "create-existing"
    | "rename-onto-existing"
    | "not-exported";
}

/** Bindings of the base revision that a deploy of this Worker is checked against, beyond its own. */
export interface BaseBindingsContext {
  /**
   * Another Worker's binding (or this config's binding of another target) that names a class of
   * this Worker through `script_name`: the API matches a delete against it by class name (10061).
   * By class name: the binding's name and the Worker it is declared in.
   */
  readonly elsewhere?: ReadonlyMap<string, { readonly binding: string; readonly worker: string }>;
  /**
   * This Worker's own bindings to a class no step of its history creates (DO402): every deploy
   * from the base revision is rejected (10061), so its last step never applied from there.
   */
  readonly unknown?: ReadonlyMap<string, string>;
}

/** What the history rules need to know about the Worker beyond its two lists of steps. */
export interface HistoryContext {
  readonly rejected: PredictedRejection | null;
  /** Classes the head still has a lifecycle for (live) or binds locally. */
  readonly keptAtHead: ReadonlySet<string>;
  /** Classes the head binds locally. */
  readonly boundAtHead: ReadonlySet<string>;
  /** Base steps whose edit at head repairs a history wrangler's replay rejects at base. */
  readonly repairs: ReadonlySet<string>;
}

const NO_CONTEXT: HistoryContext = {
  rejected: null,
  keptAtHead: new Set(),
  boundAtHead: new Set(),
  repairs: new Set(),
};

/**
 * The last steps of a base history whose deploy the base revision itself predicts is rejected:
 * the last step deletes a class the config still binds (code 10061; also when the step after it
 * creates the class again), deletes a class while creating another that a binding now points at
 * (the binding moved in the same deploy, DO106's case (b): 10061), creates a class that already
 * exists at that point (code 10074), or creates a class the base revision's code does not export
 * (code 10070, when the code is known). Only the tail is considered: an older step may well have
 * applied before the config changed. The one exception is an older step that creates a class the
 * base code does not export, while that code exports every class before it (there are some), and
 * the class stays live to the end: then no deploy from the base revision succeeds at all (10070
 * before the step, 10064 after it), so Workers are most likely before it.
 */
export function predictRejection(
  steps: readonly LifecycleStep[],
  boundAtBase: ReadonlyMap<string, string>,
  /** The base revision's code, when known: the names its entry module exports. */
  exportedAtBase: ReadonlySet<string> | null = null,
  bindings: BaseBindingsContext = {},
): PredictedRejection | null {
  const last = steps.length - 1;
  // The classes the whole base history leaves live: one of them that the base code does not
  // export makes every deploy from the base revision fail (10070 before its step, 10064 after).
  const liveAtEnd = new Set(exportedAtBase ? liveAfter(steps) : []);
  const live = new Set<string>();
  for (const [index, step] of steps.entries()) {
    for (const op of step.ops) {
      const inTail =
        index === last ||
        (index === last - 1 &&
          op.type === "delete" &&
          steps[last]!.ops.some((o) => o.type === "create" && o.className === op.className));
      const at = { index, tag: step.tag };
      switch (op.type) {
        case "create":
          if (inTail && live.has(op.className)) {
            return {
              ...at,
              code: "10074",
              cause: "create-existing",
              reason: rejectionReason({ cause: "create-existing", className: op.className }),
            };
          }
          // Only when the base code exports every class the earlier steps leave live: then it is
          // a faithful reading of that Worker, and only this step's class is missing. A step
          // before the last counts when its class stays live to the end of the base history: no
          // deploy from the base revision succeeds then, so no Worker ran the step from there.
          if (
            (index === last || (live.size > 0 && liveAtEnd.has(op.className))) &&
            exportedAtBase &&
            !exportedAtBase.has(op.className) &&
            [...live].every((name) => exportedAtBase.has(name))
          ) {
            return {
              ...at,
              code: "10070",
              cause: "not-exported",
              reason: rejectionReason({ cause: "not-exported", className: op.className }),
            };
          }
          live.add(op.className);
          break;
        case "transfer-in":
          live.add(op.className);
          break;
        case "delete": {
          const binding = boundAtBase.get(op.className);
          if (inTail && binding !== undefined) {
            return {
              ...at,
              code: "10061",
              cause: "still-bound",
              reason: rejectionReason({ cause: "still-bound", binding, className: op.className }),
            };
          }
          const other = bindings.elsewhere?.get(op.className);
          if (inTail && other !== undefined) {
            return {
              ...at,
              code: "10061",
              cause: "bound-elsewhere",
              reason: rejectionReason({
                cause: "bound-elsewhere",
                binding: other.binding,
                worker: other.worker,
                className: op.className,
              }),
            };
          }
          const moved = index === last && live.has(op.className) ? repointedTo(step, boundAtBase) : null;
          if (moved) {
            return {
              ...at,
              code: "10061",
              cause: "repointed",
              reason: rejectionReason({
                cause: "repointed",
                className: op.className,
                created: moved.className,
                binding: moved.binding,
              }),
            };
          }
          live.delete(op.className);
          break;
        }
        case "transfer-out":
          live.delete(op.className);
          break;
        case "rename":
          if (inTail && live.has(op.to)) {
            return {
              ...at,
              code: null,
              cause: "rename-onto-existing",
              reason: rejectionReason({ cause: "rename-onto-existing", className: op.to }),
            };
          }
          live.delete(op.from);
          live.add(op.to);
          break;
      }
    }
  }
  // A binding to a class no step creates: the API rejects every deploy from the base revision
  // (10061), so at least its last step never applied from there.
  const [unknownClass, unknownBinding] = [...(bindings.unknown ?? [])][0] ?? [];
  if (last >= 0 && unknownClass !== undefined) {
    return {
      index: last,
      tag: steps[last]!.tag,
      code: "10061",
      cause: "unknown-class",
      reason: rejectionReason({ cause: "unknown-class", binding: unknownBinding, className: unknownClass }),
    };
  }
  return null;
}

/**
 * A class the step creates that a base binding points at, while the step deletes another: the
 * shape of a binding repointed in the deploy that deletes its old class (a storage switch done in
 * one step, executor#1191), whose deploy the API rejects against the live binding.
 */
function repointedTo(
  step: LifecycleStep,
  boundAtBase: ReadonlyMap<string, string>,
): { className: string; binding: string } | null {
  for (const op of step.ops) {
    if (op.type !== "create") continue;
    const binding = boundAtBase.get(op.className);
    if (binding !== undefined) return { className: op.className, binding };
  }
  return null;
}

export function compareHistories(
  env: string | null,
  base: readonly LifecycleStep[],
  head: readonly LifecycleStep[],
  context: HistoryContext = NO_CONTEXT,
) {
  const drafts: Draft[] = [];
  // The same list at both sides (a file the change leaves alone, read once): nothing below can
  // differ, so there is nothing to report.
  if (base === head) return drafts;
  const firstByTag = (steps: readonly LifecycleStep[]) => {
    const map = new Map<string, LifecycleStep>();
    for (const step of steps) if (step.tag !== null && !map.has(step.tag)) map.set(step.tag, step);
    return map;
  };
  const baseTags = firstByTag(base);
  const headTags = firstByTag(head);
  const { rejected } = context;
  // The tag a Worker deployed from the base revision has: the last one, or the one before the
  // steps whose deploy is rejected.
  const lastAppliable = rejected ? rejected.index - 1 : base.length - 1;
  const deployedTag = base[lastAppliable]?.tag ?? null;
  const neverApplied = (step: LifecycleStep) => rejected !== null && step.index >= rejected.index;
  // Said of the steps whose deploy the base gets rejected (only when it does).
  const unapplied = (tag: string | null): Unapplied => ({
    tag: rejected?.tag ?? tag,
    code: rejected?.code ?? null,
    reason: rejected?.reason ?? "",
    deployedTag,
  });
  // Classes the removed steps leave behind on a deployed Worker with neither a lifecycle nor a
  // binding at head: the namespace stays, and a deploy without the class exported fails (10064).
  const liveAtBaseEnd = liveAfter(base);
  const abandoned = (steps: readonly LifecycleStep[]) =>
    liveAtBaseEnd.filter(
      (name) => !context.keptAtHead.has(name) && steps.some((s) => classesOf(s.ops).includes(name)),
    );

  // What an edited step means: never applied, a repair of the replay, or (the default) ignored
  // by the Workers that have it.
  const editedText = (
    step: LifecycleStep,
    now: LifecycleStep,
  ): Pick<Draft, "severity" | "message" | "fix"> => {
    if (neverApplied(step)) {
      return {
        severity: "warning",
        ...historyEdited({ env, tag: step.tag, why: "unapplied", unapplied: unapplied(step.tag) }),
      };
    }
    if (step.tag !== null && context.repairs.has(step.tag)) {
      return { severity: "warning", ...historyEdited({ env, tag: step.tag, why: "repair" }) };
    }
    const creates = (ops: readonly LifecycleOp[]) =>
      new Set(ops.flatMap((op) => (op.type === "create" ? [op.className] : [])));
    const [had, has] = [creates(step.ops), creates(now.ops)];
    // Said of a Worker that ran the step as written: a class the edit adds is never created
    // there unless another step of the head creates it; one the edit drops stays created there
    // only if the base history leaves it live.
    const createdElsewhere = (c: string) =>
      head.some(
        (s) =>
          s !== now &&
          s.ops.some(
            (op) =>
              ((op.type === "create" || op.type === "transfer-in") && op.className === c) ||
              (op.type === "rename" && op.to === c),
          ),
      );
    const added = [...has].filter((c) => !had.has(c) && !createdElsewhere(c));
    const dropped = [...had].filter((c) => !has.has(c) && liveAtBaseEnd.includes(c));
    const bound = added.filter((c) => context.boundAtHead.has(c));
    return historyEdited({ env, tag: step.tag, why: "ignored", added, bound, dropped });
  };

  if (head.length === 0 && base.length > 0) {
    const gone = abandoned(base);
    const tags = [...baseTags.keys()];
    const classes = classesOf(base.flatMap((s) => s.ops));
    if (!classes.some((name) => context.boundAtHead.has(name))) {
      // A retirement: the history and every binding to its classes go together. Nothing fails
      // (a Worker that ran the steps keeps its namespaces, a fresh one gets none and binds none)
      // and nothing is destroyed; only a class that also leaves the code fails the deploy.
      drafts.push({
        kind: "history-removed",
        env,
        line: null,
        tag: deployedTag ?? base[base.length - 1]?.tag ?? null,
        classes,
        // Whether the deploy goes through depends on the code, which this rule does not read: a
        // class with objects that also leaves the code fails it (10064). Only with no such class
        // can nothing fail.
        severity: gone.length > 0 ? "error" : "warning",
        ...historyRetired({ env, tags, steps: base.length, classes, gone }),
      });
      return drafts;
    }
    drafts.push({
      kind: "history-removed",
      env,
      line: null,
      tag: deployedTag ?? base[base.length - 1]?.tag ?? null,
      classes: classesOf(base.flatMap((s) => s.ops)),
      ...historyRemoved({ env, tags, steps: base.length, gone }),
    });
    return drafts;
  }

  for (const [tag, step] of baseTags) {
    const now = headTags.get(tag);
    if (!now) {
      const retagged = head.find(
        (s) => s.canonical === step.canonical && s.tag !== null && !baseTags.has(s.tag),
      );
      const retaggedAs = retagged?.tag ?? null;
      if (neverApplied(step)) {
        drafts.push({
          kind: "history-removed",
          env,
          line: null,
          tag,
          classes: classesOf(step.ops),
          severity: "warning",
          ...stepRemoved({ env, tag, retaggedAs, why: "unapplied", unapplied: unapplied(tag) }),
        });
        continue;
      }
      const gone = abandoned([step]);
      const replay = tag === deployedTag;
      drafts.push({
        kind: "history-removed",
        env,
        line: null,
        tag,
        classes: classesOf(step.ops),
        ...stepRemoved({ env, tag, retaggedAs, why: replay ? "deployed-tag" : "shortened", gone }),
      });
      continue;
    }
    if (now.canonical !== step.canonical) {
      drafts.push({
        kind: "history-edited",
        env,
        line: now.line,
        tag,
        classes: classesOf([...step.ops, ...now.ops]),
        ...editedText(step, now),
      });
    }
  }

  const order = (steps: readonly LifecycleStep[], keep: (tag: string) => boolean) =>
    steps.flatMap((s) => (s.tag !== null && keep(s.tag) ? [s.tag] : []));
  const common = [...new Set(order(base, (t) => headTags.has(t)))];
  const commonInHead = order(head, (t) => baseTags.has(t));
  if (common.join("\u0000") !== [...new Set(commonInHead)].join("\u0000")) {
    drafts.push({
      kind: "history-reordered",
      env,
      line: head[0]?.line ?? null,
      ...historyReordered({ env, was: common, now: [...new Set(commonInHead)] }),
    });
  }
  if (deployedTag !== null) {
    const deployedAt = head.findIndex((s) => s.tag === deployedTag);
    for (const step of head.slice(0, Math.max(deployedAt, 0))) {
      if (step.tag === null || baseTags.has(step.tag)) continue;
      drafts.push({
        kind: "history-reordered",
        env,
        line: step.line,
        tag: step.tag,
        classes: classesOf(step.ops),
        ...stepInsertedBeforeDeployed({ env, tag: step.tag, deployedTag }),
      });
    }
    // A new step inserted after the deployed tag but before steps whose deploy the base gets
    // rejected: Workers at the deployed tag receive it, in order (a repair, e.g. the step that
    // creates the class a binding names). Only a Worker that did run the rejected steps skips it.
    const lastBaseTag = base[base.length - 1]?.tag ?? null;
    const lastAt = rejected && lastBaseTag !== null ? head.findIndex((s) => s.tag === lastBaseTag) : -1;
    for (const step of head.slice(Math.max(deployedAt + 1, 0), Math.max(lastAt, 0))) {
      if (step.tag === null || baseTags.has(step.tag)) continue;
      drafts.push({
        kind: "history-reordered",
        env,
        line: step.line,
        tag: step.tag,
        classes: classesOf(step.ops),
        severity: "warning",
        ...stepInsertedBeforeRejected({ env, tag: step.tag, lastBaseTag, unapplied: unapplied(lastBaseTag) }),
      });
    }
  }

  const duplicates = (steps: readonly LifecycleStep[]) => {
    const seen = new Map<string, number>();
    for (const step of steps) if (step.tag !== null) seen.set(step.tag, (seen.get(step.tag) ?? 0) + 1);
    return seen;
  };
  const baseDup = duplicates(base);
  for (const [tag, count] of duplicates(head)) {
    if (count < 2 || (baseDup.get(tag) ?? 0) >= count) continue;
    const copies = head.filter((s) => s.tag === tag);
    drafts.push({
      kind: "duplicate-tag",
      env,
      line: copies[1]?.line ?? null,
      tag,
      classes: classesOf(copies.flatMap((s) => s.ops)),
      ...duplicateTag({ env, tag, count }),
    });
  }
  return drafts;
}

/** The class names a list of steps leaves live, replayed from scratch. */
export function liveAfter(steps: readonly LifecycleStep[]): string[] {
  return [...liveClasses(replayLifecycle({ model: "migrations", steps, inherited: false }).classes)];
}

export function classesOf(ops: readonly LifecycleOp[]): string[] {
  const names = ops.flatMap((op) => (op.type === "rename" ? [op.from, op.to] : [op.className]));
  return [...new Set(names)];
}

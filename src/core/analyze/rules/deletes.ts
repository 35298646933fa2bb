// Detection of the DO1xx rules (rules/deletes.ts words them): the classes this change deletes
// (certain, or conditional on the live migration tag), and the deploys that reject or endanger a
// delete (a binding still there, moved, or removed in the same deploy; a step mixing deletes).
import { isLocalBinding } from "../../config/workers.ts";
import type { Draft } from "../../diagnostics.ts";
import { type PossibleDestruction, possibleDestructions } from "../../lifecycle/engine.ts";
import type { ClassState, DurableObjectBinding } from "../../model.ts";
import {
  classDeleted,
  deleteBindingRemoved,
  deleteBindingRepointed,
  deleteMixedStep,
  deleteStillBound,
  deleteTransferredBound,
  editedStepDelete,
  probableRename,
  ranStepDelete,
} from "../../rules/deletes.ts";
import { type Comparison, storageSwitch } from "../comparison.ts";
import { pendingSteps } from "../history.ts";
import { type ConditionalDestruction, editedStepDestructions } from "../lineage.ts";

/** DO101 for a class this change deletes (`origin`: whose objects these are). */
export function classDeletedDraft(c: Comparison, gone: ClassState, origin: string): Draft {
  const switched = storageSwitch(c, gone);
  const unblocked = c.unblocked && c.unblockedTags.has(gone.tag) ? c.unblocked : null;
  return {
    kind: "class-deleted",
    env: c.env,
    classes: [gone.className],
    line: gone.line,
    tag: gone.tag,
    ...(unblocked && gone.tag ? { unlessRan: gone.tag } : {}),
    ...classDeleted({
      className: gone.className,
      env: c.env,
      tag: gone.tag,
      inherited: c.head.lifecycle.model !== "none" && c.head.lifecycle.inherited,
      worker: c.head.name,
      origin,
      unblocked: unblocked ? { code: unblocked.code, reason: unblocked.reason, from: c.unblockedFrom } : null,
      switched: switched
        ? {
            binding: switched.binding.name,
            target: switched.target.className,
            from: switched.from,
            to: switched.to,
          }
        : null,
    }),
  };
}

/**
 * The deletes of pending steps that destroy objects the deployed Worker has, then the conditional
 * ones: an edit of a base step (where it has not deployed yet) and a step the base does not have
 * (where a Worker ran it). Fills `c.deleted`.
 */
export function destroyedClassDrafts(c: Comparison): Draft[] {
  const drafts: Draft[] = [];
  const { base, head, deployedBase, baseClasses } = c;
  for (const d of c.destroyed ?? []) {
    const gone: ClassState = {
      className: d.className,
      status: "deleted",
      storage: baseClasses.get(d.origin)?.storage ?? null,
      tag: d.tag,
      line: d.line,
      renamedTo: null,
      deletedBefore: false,
      via: d.origin === d.className ? "create" : "rename",
    };
    c.deleted.push(gone);
    drafts.push(classDeletedDraft(c, gone, d.origin));
  }
  // What an edit of a base step destroys where that step has not deployed yet (only the live
  // tag says): conditional data loss, so the acknowledgement binds to it.
  if (deployedBase && !c.unblocked) {
    const reported = new Set((c.destroyed ?? []).map((d) => `${d.className}\u0000${d.tag}`));
    for (const d of editedStepDestructions(deployedBase.lifecycle, head.lifecycle)) {
      if (!reported.has(`${d.className}\u0000${d.tag}`)) drafts.push(editedDelete(c, d));
    }
  }
  // Deletes that destroy objects only on a Worker at another tag than the likely one: a step the
  // base revision does not have (restored from an earlier revision, deployed from another branch)
  // or an earlier base tag. Conditional data loss: the live migration tag settles it.
  // (A base without a step is a Worker that ran none: a new history's creates and deletes are
  // said by the checks of new classes.)
  if (
    base?.lifecycle.model === "migrations" &&
    base.lifecycle.steps.length > 0 &&
    deployedBase &&
    head.lifecycle.model === "migrations"
  ) {
    const deployedIndex =
      deployedBase.lifecycle.model === "migrations" ? deployedBase.lifecycle.steps.length - 1 : -1;
    const reported = new Set(
      drafts.filter((d) => d.kind === "class-deleted").map((d) => `${d.classes?.[0]}\u0000${d.tag}`),
    );
    for (const d of possibleDestructions(base.lifecycle.steps, head.lifecycle.steps, deployedIndex)) {
      if (reported.has(`${d.className}\u0000${d.tag}`)) continue;
      reported.add(`${d.className}\u0000${d.tag}`);
      drafts.push(d.unlessRan ? editedDelete(c, { ...d, unlessRan: d.unlessRan }) : ranDelete(c, d));
    }
  }
  return drafts;
}

/** The head's own binding that still points at a class, by name (null when none does). */
function boundName(c: Comparison, className: string): string | null {
  return c.localBindings.find((b) => b.className === className)?.name ?? null;
}

/** The conditional delete of an edited base step (see editedStepDestructions). */
function editedDelete(c: Comparison, d: ConditionalDestruction): Draft {
  const head = c.head;
  const verb =
    head.lifecycle.model === "migrations" && !head.lifecycle.steps.some((s) => s.tag === d.unlessRan)
      ? "removed"
      : "edited";
  return {
    kind: "class-deleted",
    env: c.env,
    classes: [d.className],
    line: d.line,
    tag: d.tag,
    unlessRan: d.unlessRan,
    ...editedStepDelete({
      env: c.env,
      unlessRan: d.unlessRan,
      verb,
      tag: d.tag,
      className: d.className,
      origin: d.origin,
      worker: head.name,
      bound: boundName(c, d.className),
    }),
  };
}

/** The delete of objects a Worker has only if it already ran a step the base does not have. */
function ranDelete(c: Comparison, d: PossibleDestruction): Draft {
  return {
    kind: "class-deleted",
    env: c.env,
    classes: [d.className],
    line: d.line,
    tag: d.tag,
    ...(d.ifRan ? { ifRan: d.ifRan } : {}),
    ...ranStepDelete({
      env: c.env,
      tag: d.tag,
      className: d.className,
      origin: d.origin,
      ifRan: d.ifRan,
      worker: c.head.name,
      bound: boundName(c, d.className),
    }),
  };
}

/** DO104: pending steps that delete and do other operations. */
export function mixedStepDrafts(c: Comparison): Draft[] {
  const drafts: Draft[] = [];
  if (c.deployedBase?.lifecycle.model !== "migrations" || c.head.lifecycle.model !== "migrations")
    return drafts;
  for (const step of pendingSteps(c.deployedBase.lifecycle.steps, c.headSteps)) {
    const deletes = step.ops.filter((op) => op.type === "delete");
    if (deletes.length === 0 || deletes.length === step.ops.length) continue;
    drafts.push({
      kind: "delete-mixed-step",
      env: c.env,
      line: step.line,
      tag: step.tag,
      classes: deletes.map((op) => op.className),
      ...deleteMixedStep({ tag: step.tag, env: c.env }),
    });
  }
  return drafts;
}

/**
 * The bindings of a deleted class: still there at head (DO103), or, for the Worker's own base
 * binding, moved or removed in the deploy that deletes it (DO102, DO106, DO108, DO107).
 */
export function boundDeleteDrafts(c: Comparison): Draft[] {
  const drafts: Draft[] = [];
  const { env, head } = c;
  for (const gone of c.deleted) {
    // Case (a): the config still binds the class it deletes. The API matches a delete against
    // bindings by class name, so a binding that names it with another Worker's `script_name` counts.
    for (const binding of head.bindings.filter((b) => b.className === gone.className)) {
      const local = isLocalBinding(binding, head);
      drafts.push({
        kind: "delete-still-bound",
        env,
        classes: [gone.className],
        line: binding.line,
        tag: gone.tag,
        ...deleteStillBound({
          className: gone.className,
          env,
          binding: binding.name,
          scriptName: binding.scriptName,
          local,
        }),
      });
    }
  }
  if (!c.base) return drafts;
  for (const gone of c.deleted) {
    if (head.bindings.some((b) => b.className === gone.className)) continue; // case (a), above
    for (const old of c.baseLocal.filter((b) => b.className === gone.className)) {
      drafts.push(baseBindingOfDeleted(c, gone, old));
    }
  }
  return drafts;
}

/** What became of the Worker's own base binding `old` of a class the deploy deletes. */
function baseBindingOfDeleted(c: Comparison, gone: ClassState, old: DurableObjectBinding): Draft {
  const { env, head, created } = c;
  const now = head.bindings.find((b) => b.name === old.name);
  const target = now ? c.after.classes.get(now.className) : undefined;
  const sameBackend =
    now !== undefined &&
    isLocalBinding(now, head) &&
    created.some((x) => x.className === now.className) &&
    target?.storage === (gone.storage ?? c.baseClasses.get(gone.className)?.storage ?? null);
  // What is known of the rejection: a deploy whose one step deletes the old class and
  // creates the binding's new one was rejected (executor#1191); with the two in separate
  // steps of the deploy, one went through (and destroyed the old objects, DO101).
  const separateSteps =
    now !== undefined && created.some((x) => x.className === now.className && x.tag !== gone.tag);
  if (now && sameBackend) {
    // Case (b) shaped like a rename: the rename is the fix for both the data and the deploy.
    return {
      kind: "probable-rename",
      env,
      classes: [gone.className, now.className],
      line: gone.line,
      tag: gone.tag,
      dataLoss: true,
      ...probableRename({ binding: old.name, gone: gone.className, now: now.className, separateSteps }),
    };
  }
  if (now) {
    // Case (b): the binding keeps its name and points at another class in the same deploy.
    return {
      kind: "delete-binding-repointed",
      env,
      classes: [gone.className, now.className],
      line: now.line,
      tag: gone.tag,
      ...(separateSteps ? { severity: "warning" as const } : {}),
      ...deleteBindingRepointed({
        binding: old.name,
        gone: gone.className,
        now: now.className,
        nowWorker: now.scriptName && !isLocalBinding(now, head) ? now.scriptName : null,
        env,
        separateSteps,
      }),
    };
  }
  if (c.baseClasses.get(gone.className)?.via === "transfer") {
    // Case (d): a class that came through `transferred_classes` keeps a remote binding.
    return {
      kind: "delete-transferred-bound",
      env,
      classes: [gone.className],
      line: gone.line,
      tag: gone.tag,
      ...deleteTransferredBound({ className: gone.className, worker: head.name, env, binding: old.name }),
    };
  }
  // The plain case: the Worker's own binding removed outright in the deploy that deletes it.
  return {
    kind: "delete-binding-removed",
    env,
    classes: [gone.className],
    line: gone.line,
    tag: gone.tag,
    ...deleteBindingRemoved({ binding: old.name, className: gone.className, env }),
  };
}

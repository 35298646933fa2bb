// Detection of the DO3xx rules (rules/classes.ts words them): what happens to each class of the
// Worker between the two revisions (renamed, transferred, created, created again, storage switched,
// dropped from `exports`), and the switch between `migrations` and `exports` (DO005). A live class
// the end states show deleted, when the pending steps could not be read one by one, is a DO101.
import type { Draft } from "../../diagnostics.ts";
import { destructions } from "../../lifecycle/engine.ts";
import { liveClassNames } from "../../lifecycle/replay.ts";
import type { ClassState } from "../../model.ts";
import {
  classCreated,
  classDeletedAndRecreated,
  classRecreated,
  classRenamed,
  classTransferred,
  exportRemoved,
  storageChanged,
} from "../../rules/classes.ts";
import { lifecycleModelChanged } from "../../rules/config-files.ts";
import { type Comparison, lifecycleLine } from "../comparison.ts";
import { classDeletedDraft } from "./deletes.ts";

/**
 * Each class's fate, in the order of the head's class states, then the classes created. Reads and
 * extends `drafts` (a conditional delete the end states show certain is said once, as certain);
 * fills `c.deleted` and `c.created`.
 */
export function classStateDrafts(c: Comparison, drafts: Draft[]): void {
  const { env, head, baseClasses, after, predicted } = c;
  const firstDestruction = (name: string) =>
    head.lifecycle.model === "migrations"
      ? destructions(liveClassNames(baseClasses), head.lifecycle.steps).find(
          (d) => d.origin === name && d.className === name,
        )
      : undefined;
  const destroyedAndCreatedAgain = (now: ClassState) =>
    now.status === "live" && (c.destroyed ?? []).some((d) => d.className === now.className);

  // A Worker whose head replays to the very states of its deployed base (a config the change
  // leaves alone: one shared replay) with nothing pending: every class is its own base state, and
  // no branch below says anything of a class that did not change. Skipped for every such target.
  const unchanged = after.classes === baseClasses && (c.destroyed ?? []).length === 0;
  for (const now of unchanged ? [] : after.classes.values()) {
    const name = now.className;
    const was = baseClasses.get(name);
    if (now.status === "renamed" && was?.status !== "renamed") {
      drafts.push({
        kind: "class-renamed",
        env,
        classes: [name, now.renamedTo ?? ""],
        line: now.line,
        tag: now.tag,
        ...classRenamed({ className: name, renamedTo: now.renamedTo, env }),
      });
      continue;
    }
    if (now.status === "transferred-out" && was?.status !== "transferred-out") {
      drafts.push({
        kind: "class-transferred",
        env,
        classes: [name],
        line: now.line,
        tag: now.tag,
        ...classTransferred({ className: name, worker: head.name, env, direction: "out" }),
      });
      continue;
    }
    if (was?.status === "live") {
      if (now.status === "deleted") {
        if (c.destroyed === null) {
          // The step that destroys the objects is the first delete of them along the head's
          // steps (wrangler sends them all), not the last delete of the name (a later step may
          // delete a re-created class again): the acknowledgement names that step.
          const first = firstDestruction(name);
          const gone = first ? { ...now, tag: first.tag, line: first.line } : now;
          // A conditional report of the same delete is said once, as certain.
          for (let i = drafts.length - 1; i >= 0; i--) {
            const d = drafts[i]!;
            if (
              d.kind === "class-deleted" &&
              (d.unlessRan || d.ifRan) &&
              d.classes?.[0] === name &&
              d.tag === gone.tag
            )
              drafts.splice(i, 1);
          }
          c.deleted.push(gone);
          drafts.push(classDeletedDraft(c, gone, name));
        }
      } else if (destroyedAndCreatedAgain(now)) {
        drafts.push({
          kind: "class-recreated",
          env,
          classes: [name],
          line: now.line,
          tag: now.tag,
          ...classDeletedAndRecreated({
            className: name,
            env,
            newStorage: was.storage && now.storage && was.storage !== now.storage ? now.storage : null,
          }),
        });
      } else if (was.storage && now.storage && was.storage !== now.storage) {
        drafts.push({
          kind: "storage-changed",
          env,
          classes: [name],
          line: now.line,
          tag: now.tag,
          ...storageChanged({ className: name, env, from: was.storage, to: now.storage }),
        });
      }
      continue;
    }
    if (now.status !== "live") continue;
    if (now.via === "rename") continue; // reported from the source side
    if (now.via === "transfer") {
      drafts.push({
        kind: "class-transferred",
        env,
        classes: [name],
        line: now.line,
        tag: now.tag,
        ...classTransferred({ className: name, worker: head.name, env, direction: "in" }),
      });
      continue;
    }
    c.created.push(now);
    if (was?.status === "deleted" || now.deletedBefore) {
      // A delete in base steps whose deploy the base gets rejected most likely never applied:
      // the class then most likely still holds its objects, and "starts empty" is not known.
      const unapplied =
        predicted !== null &&
        c.baseSteps
          .slice(predicted.index)
          .find((step) => step.ops.some((op) => op.type === "delete" && op.className === name));
      drafts.push({
        kind: "class-recreated",
        env,
        classes: [name],
        line: now.line,
        tag: now.tag,
        ...(unapplied ? { severity: "info" as const } : {}),
        ...classRecreated({
          className: name,
          env,
          unapplied:
            unapplied && predicted
              ? { tag: unapplied.tag, code: predicted.code, reason: predicted.reason }
              : null,
        }),
      });
    }
  }
  for (const group of groupByTag(
    c.created.filter((s) => !s.deletedBefore && !baseClasses.has(s.className)),
  )) {
    const names = group.map((s) => s.className);
    const first = group[0]!;
    drafts.push({
      kind: "class-created",
      env,
      classes: names,
      line: first.line,
      tag: first.tag,
      ...classCreated({ classNames: names, env, tag: first.tag, storage: first.storage }),
    });
  }
}

/** DO306: live classes of the base no longer declared in the head's `exports`. */
export function exportRemovedDrafts(c: Comparison): Draft[] {
  if (!c.base || c.head.lifecycle.model !== "exports") return []; // migrations: history-removed
  const drafts: Draft[] = [];
  for (const was of c.baseClasses.values()) {
    if (was.status !== "live" || c.after.classes.has(was.className)) continue;
    drafts.push({
      kind: "export-removed",
      env: c.env,
      classes: [was.className],
      line: lifecycleLine(c.head),
      ...exportRemoved({ className: was.className, env: c.env }),
    });
  }
  return drafts;
}

/** DO005: the target switches between `migrations` and `exports`. */
export function lifecycleModelDrafts(c: Comparison): Draft[] {
  const fromModel = c.base?.lifecycle.model;
  const toModel = c.head.lifecycle.model;
  if (!fromModel || fromModel === "none" || toModel === "none" || fromModel === toModel) return [];
  const toExports = toModel === "exports";
  return [
    {
      kind: "lifecycle-model-changed",
      env: c.env,
      line: lifecycleLine(c.head),
      severity: toExports ? "warning" : "error",
      ...lifecycleModelChanged({ env: c.env, toExports }),
    },
  ];
}

function groupByTag(states: readonly ClassState[]): ClassState[][] {
  const groups = new Map<string, ClassState[]>();
  for (const state of states) {
    const key = `${state.tag}\u0000${state.storage}`;
    const group = groups.get(key);
    if (group) group.push(state);
    else groups.set(key, [state]);
  }
  return [...groups.values()];
}

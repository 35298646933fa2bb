import { type Destruction, destructions, everyTagOnce } from "../lifecycle/engine.ts";
import type { Lifecycle, LifecycleStep } from "../model.ts";
import { liveAfter, pendingSteps } from "./history.ts";

/**
 * The deletes among the steps a Worker deployed at the base revision's last tag receives that
 * destroy objects it already has. Null when that cannot be told step by step (not a `migrations`
 * history at both revisions, or the deployed tag is gone from the head, so wrangler replays
 * everything): the caller compares end states instead.
 */
export function pendingDestructions(
  base: Lifecycle,
  head: Lifecycle,
  liveAtBase: Iterable<string>,
): Destruction[] | null {
  if (base.model !== "migrations" || head.model !== "migrations") return null;
  const deployedTag = base.steps[base.steps.length - 1]?.tag ?? null;
  if (deployedTag !== null && !head.steps.some((step) => step.tag === deployedTag)) return null;
  return destructions(liveAtBase, pendingSteps(base.steps, head.steps));
}

/** A destruction that happens only on a Worker that has not run an edited base step yet. */
export interface ConditionalDestruction extends Destruction {
  /** The edited base step: a Worker that ran it ignores the edit, one that has not gets it. */
  readonly unlessRan: string;
}

/**
 * What the edits of base steps destroy on a Worker that has not run them yet: wrangler sends the
 * edited steps to a Worker whose live tag is before them (a merged step may not have deployed),
 * and they may delete a class the steps as written kept (or rename it, then delete it). Counted
 * for a Worker at the tag before the first edited step, against what the unedited steps and the
 * new ones would destroy there. Empty when the base's last tag is gone from the head (wrangler
 * replays everything, and the end states are compared instead).
 */
export function editedStepDestructions(base: Lifecycle, head: Lifecycle): readonly ConditionalDestruction[] {
  if (base.model !== "migrations" || head.model !== "migrations") return [];
  // Once per pair of histories: the environments that inherit one share its steps.
  let byHead = editedByBase.get(base.steps);
  if (!byHead) {
    byHead = new WeakMap();
    editedByBase.set(base.steps, byHead);
  }
  let found = byHead.get(head.steps);
  if (!found) {
    // A history compared with itself whose tags are all set and distinct has no edited step (each
    // step's head step of its tag is itself): nothing to walk.
    found =
      base.steps === head.steps && everyTagOnce(base.steps)
        ? NO_EDITS
        : Object.freeze(editedStepsDestroy(base.steps, head.steps));
    byHead.set(head.steps, found);
  }
  return found;
}
const NO_EDITS: readonly ConditionalDestruction[] = Object.freeze([]);
const editedByBase = new WeakMap<
  readonly LifecycleStep[],
  WeakMap<readonly LifecycleStep[], readonly ConditionalDestruction[]>
>();

function editedStepsDestroy(
  was: readonly LifecycleStep[],
  now: readonly LifecycleStep[],
): ConditionalDestruction[] {
  const lastTag = was[was.length - 1]?.tag ?? null;
  const lastAt = now.findIndex((step) => step.tag === lastTag);
  if (lastTag === null || lastAt < 0) return [];
  const headByTag = new Map<string, LifecycleStep>();
  for (const step of now) if (step.tag !== null && !headByTag.has(step.tag)) headByTag.set(step.tag, step);
  const isEdited = (step: LifecycleStep) => {
    const edited = step.tag === null ? undefined : headByTag.get(step.tag);
    return edited !== undefined && edited.canonical !== step.canonical;
  };
  const first = was.findIndex(isEdited);
  if (first < 0) return [];
  const before = was.slice(0, first);
  const previousTag = before[before.length - 1]?.tag ?? null;
  const from = previousTag === null ? 0 : now.findIndex((step) => step.tag === previousTag) + 1;
  if (previousTag !== null && from === 0) return [];
  const live = liveAfter(before);
  const key = (d: Destruction) => `${d.className}\u0000${d.origin}`;
  const asWritten = new Set(destructions(live, [...was.slice(first), ...now.slice(lastAt + 1)]).map(key));
  const editedTags = new Set(was.filter(isEdited).map((step) => step.tag));
  return destructions(live, now.slice(from))
    .filter((d) => !asWritten.has(key(d)))
    .map((d) => ({
      ...d,
      unlessRan: d.tag !== null && editedTags.has(d.tag) ? d.tag : (was[first]!.tag as string),
    }));
}

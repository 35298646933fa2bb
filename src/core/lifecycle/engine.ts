// What a deploy of a `migrations` history does to a Worker's objects, whatever tag that Worker
// is at: the one place that follows objects through creates, renames, transfers and deletes.
// wrangler sends the steps after the Worker's live tag (DOMAIN.md §4), and the live tag is only
// known to the live state: a Worker may be at the base revision's last tag (the likely case),
// at an earlier base tag (a merged step that has not deployed yet), or at a tag the base does not
// have at all (a step restored from an earlier revision, or deployed from another branch).
import type { LifecycleStep } from "../model.ts";

export interface Destruction {
  /** The class name the delete names. */
  readonly className: string;
  /** The class whose objects these were before the steps (another name after a rename). */
  readonly origin: string;
  readonly tag: string | null;
  readonly line: number | null;
}

/**
 * The deletes among `steps` that destroy objects a Worker holding `liveAtStart` has, following
 * the objects through renames and transfers. Linear in the number of operations.
 */
export function destructions(liveAtStart: Iterable<string>, steps: readonly LifecycleStep[]): Destruction[] {
  // No step, no delete (the common case: a Worker with nothing pending).
  if (steps.length === 0) return [];
  // Class name -> the class whose objects it holds.
  const holds = new Map<string, string>();
  for (const name of liveAtStart) holds.set(name, name);
  const out: Destruction[] = [];
  for (const step of steps) {
    for (const op of step.ops) {
      switch (op.type) {
        case "create":
        case "transfer-in":
          // Creating a name that still holds objects is rejected by the server (10074); keep
          // following the objects rather than assume they are gone.
          break;
        case "transfer-out":
          holds.delete(op.className);
          break;
        case "rename": {
          const origin = holds.get(op.from);
          holds.delete(op.from);
          if (origin !== undefined) holds.set(op.to, origin);
          break;
        }
        case "delete": {
          const origin = holds.get(op.className);
          if (origin === undefined) break;
          out.push({ className: op.className, origin, tag: step.tag, line: step.line });
          holds.delete(op.className);
          break;
        }
      }
    }
  }
  return out;
}

/**
 * The deletes of a history, replayed from scratch, that name a class an earlier step created (and
 * that is still live, followed through renames and transfers): what a Worker that ran everything
 * before each delete loses. Linear in the number of operations.
 */
export function deletesOfCreated(
  steps: readonly LifecycleStep[],
): { className: string; tag: string | null; line: number | null }[] {
  const live = new Set<string>();
  const deleted: { className: string; tag: string | null; line: number | null }[] = [];
  for (const step of steps) {
    for (const op of step.ops) {
      if (op.type === "create" || op.type === "transfer-in") live.add(op.className);
      else if (op.type === "rename" && live.delete(op.from)) live.add(op.to);
      else if (op.type === "transfer-out") live.delete(op.className);
      else if (op.type === "delete" && live.delete(op.className))
        deleted.push({ className: op.className, tag: step.tag, line: step.line });
    }
  }
  return deleted;
}

/** A destruction that happens only if the Worker is at a tag other than the likely one. */
export interface PossibleDestruction extends Destruction {
  /**
   * The tag the Worker must already have run for the objects to be there: a step of the head the
   * base revision does not have (restored, or deployed from elsewhere).
   */
  readonly ifRan?: string;
  /** The base step the Worker must not have run yet (it is at an earlier base tag). */
  readonly unlessRan?: string;
}

/**
 * The deletes of the head history that destroy objects on a Worker at SOME tag of the head
 * history, other than the deletes the base revision sends too. For each delete of a class, the
 * objects it destroys exist from the step that created them (following renames back) up to it: a
 * Worker whose live tag lies in that span holds them and receives the delete. The span is checked
 * for a tag the Worker may plausibly be at:
 * - a tag the base revision has (the base's last deployable tag is the caller's certain case, and
 *   is left out here; an earlier one means a merged step has not deployed: `unlessRan`);
 * - a tag only the head has, before the delete: `ifRan` (a restored step, or one deployed from
 *   another branch).
 * One pass over the head's operations: linear in the size of the history.
 */
export function possibleDestructions(
  base: readonly LifecycleStep[],
  head: readonly LifecycleStep[],
  /** The index in `base` of the tag deployed Workers most likely have (-1: none). */
  deployedIndex: number,
): readonly PossibleDestruction[] {
  // The environments that inherit a history share its steps (and base and head of an unchanged
  // file are the same reading): each pair of histories is walked once, not once per environment.
  let byHead = possibleByBase.get(base);
  if (!byHead) {
    byHead = new WeakMap();
    possibleByBase.set(base, byHead);
  }
  let byIndex = byHead.get(head);
  if (!byIndex) {
    byIndex = new Map();
    byHead.set(head, byIndex);
  }
  let found = byIndex.get(deployedIndex);
  if (!found) {
    // A history compared with itself (a config the change leaves alone) whose tags are all set
    // and distinct finds nothing: each delete's own step is the base step of its tag, so the base
    // "sends the same delete" and the walk below skips it. Checked in one pass instead.
    found =
      base === head && everyTagOnce(base)
        ? NO_DESTRUCTIONS
        : Object.freeze(walkPossibleDestructions(base, head, deployedIndex));
    byIndex.set(deployedIndex, found);
  }
  return found;
}
const NO_DESTRUCTIONS: readonly PossibleDestruction[] = Object.freeze([]);

/** Whether every step has a tag and no two steps the same one (once per list, asked twice). */
export function everyTagOnce(steps: readonly LifecycleStep[]): boolean {
  let once = tagsOnce.get(steps);
  if (once === undefined) {
    const tags = new Set<string>();
    once = true;
    for (const step of steps) {
      if (step.tag === null || tags.has(step.tag)) {
        once = false;
        break;
      }
      tags.add(step.tag);
    }
    tagsOnce.set(steps, once);
  }
  return once;
}
const tagsOnce = new WeakMap<readonly LifecycleStep[], boolean>();

const possibleByBase = new WeakMap<
  readonly LifecycleStep[],
  WeakMap<readonly LifecycleStep[], Map<number, readonly PossibleDestruction[]>>
>();

function walkPossibleDestructions(
  base: readonly LifecycleStep[],
  head: readonly LifecycleStep[],
  deployedIndex: number,
): PossibleDestruction[] {
  const baseIndexOf = new Map<string, number>();
  const baseOps = new Set<string>();
  for (const step of base) {
    if (step.tag === null || baseIndexOf.has(step.tag)) continue;
    baseIndexOf.set(step.tag, step.index);
    for (const op of step.ops) if (op.type === "delete") baseOps.add(`${step.tag}\u0000${op.className}`);
  }
  const deployedTag = base[deployedIndex]?.tag ?? null;
  // Scanning forward, the latest plausible live tag of each kind so far; `deployedAt` is the head
  // index of the deployed tag (a delete after it, of objects held there, is the caller's certain
  // case).
  const seenTags = new Set<string>();
  const out: PossibleDestruction[] = [];
  // Class name -> its origin, and the index of the step from which the objects exist.
  const holds = new Map<string, { origin: string; since: number }>();
  let lastBaseBefore: { at: number; index: number } | null = null; // a base tag before the deployed one
  let lastBaseAfter: { at: number; tag: string } | null = null; // a base tag after it (a rejected tail)
  let lastHeadOnly: { at: number; tag: string } | null = null; // a tag the base does not have
  let deployedAt = -1;
  for (const [at, step] of head.entries()) {
    // The objects of a delete in this step exist on a Worker whose tag is in [since, at).
    for (const op of step.ops) {
      switch (op.type) {
        case "create":
        case "transfer-in":
          if (!holds.has(op.className)) holds.set(op.className, { origin: op.className, since: at });
          break;
        case "transfer-out":
          holds.delete(op.className);
          break;
        case "rename": {
          const held = holds.get(op.from);
          holds.delete(op.from);
          if (held) holds.set(op.to, held);
          break;
        }
        case "delete": {
          const held = holds.get(op.className);
          holds.delete(op.className);
          if (!held) break;
          // Not this change's doing: the base revision sends the same delete.
          if (step.tag !== null && baseOps.has(`${step.tag}\u0000${op.className}`)) break;
          const d = { className: op.className, origin: held.origin, tag: step.tag, line: step.line };
          // The caller's certain case: the deployed tag lies in the span.
          if (deployedAt >= held.since) break;
          if (lastBaseBefore && lastBaseBefore.at >= held.since) {
            const next = base[lastBaseBefore.index + 1]?.tag;
            if (next) {
              out.push({ ...d, unlessRan: next });
              break;
            }
          }
          if (lastHeadOnly && lastHeadOnly.at >= held.since) {
            out.push({ ...d, ifRan: lastHeadOnly.tag });
            break;
          }
          if (lastBaseAfter && lastBaseAfter.at >= held.since) out.push({ ...d, ifRan: lastBaseAfter.tag });
          break;
        }
      }
    }
    // After its operations, a Worker may be at this step's tag.
    const tag = step.tag;
    if (tag === null || seenTags.has(tag)) continue;
    seenTags.add(tag);
    const index = baseIndexOf.get(tag);
    if (tag === deployedTag) deployedAt = at;
    else if (index === undefined) lastHeadOnly = { at, tag };
    else if (index < deployedIndex) lastBaseBefore = { at, index };
    else lastBaseAfter = { at, tag };
  }
  return out;
}

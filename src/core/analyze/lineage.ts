// Follows the objects a deployed Worker has at the base revision through the steps it would
// receive, to tell which step destroys them. Comparing the two end states is not enough: a class
// deleted and created again under the same name (say, to "convert" it to SQLite), or renamed and
// then deleted, ends up looking harmless, yet its objects are gone.
import type { Lifecycle, LifecycleStep } from "../model.ts";
import { pendingSteps } from "./history.ts";

export interface Destruction {
  /** The class name the delete names. */
  readonly className: string;
  /** The class whose objects these were at the base revision (another name after a rename). */
  readonly origin: string;
  readonly tag: string | null;
  readonly line: number | null;
}

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

export function destructions(liveAtBase: Iterable<string>, steps: readonly LifecycleStep[]): Destruction[] {
  // Class name -> the base class whose objects it holds.
  const holds = new Map<string, string>();
  for (const name of liveAtBase) holds.set(name, name);
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

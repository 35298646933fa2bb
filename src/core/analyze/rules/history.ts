// Detection of the DO2xx rules of one Worker (rules/history.ts words them): a history whose
// replay wrangler rejects (DO205), and the applied history edited, removed or reordered (the
// step-by-step comparison in analyze/history.ts).
import type { Draft } from "../../diagnostics.ts";
import { liveClassNames, type ReplayProblem } from "../../lifecycle/replay.ts";
import type { LifecycleStep } from "../../model.ts";
import { replayRejected } from "../../rules/history.ts";
import type { Comparison } from "../comparison.ts";
import { compareHistories } from "../history.ts";

/** DO205: replay problems of the head that the base history did not have. */
export function replayProblemDrafts(c: Comparison): Draft[] {
  const base = c.fullBefore?.problems ?? [];
  const key = (p: ReplayProblem) => `${p.kind}\u0000${p.className}\u0000${p.tag}`;
  const known = new Set(base.map(key));
  return c.after.problems
    .filter((p) => !known.has(key(p)))
    .map(
      (p): Draft => ({
        kind: "replay-rejected",
        env: c.env,
        classes: [p.className],
        line: p.line,
        tag: p.tag,
        ...replayRejected({ env: c.env, problem: p.kind, className: p.className, tag: p.tag }),
      }),
    );
}

/** DO201-DO203 and the rest of the step-by-step history comparison, for a `migrations` base. */
export function historyDrafts(c: Comparison): Draft[] {
  const { base, head, after } = c;
  const inheritedBoth = base?.lifecycle.model !== "none" && !base?.ownsLifecycle && !head.ownsLifecycle;
  if (base?.lifecycle.model !== "migrations" || head.lifecycle.model === "exports" || inheritedBoth)
    return [];
  const before = c.fullBefore?.problems ?? [];
  return compareHistories(c.env, base.lifecycle.steps, c.headSteps, {
    rejected: c.predicted,
    keptAtHead: new Set([...liveClassNames(after.classes), ...c.localBindings.map((b) => b.className)]),
    boundAtHead: new Set(c.localBindings.map((b) => b.className)),
    repairs: repairedSteps(before, after.problems, base.lifecycle.steps, c.headSteps),
  });
}

/**
 * Base steps edited at head to create what a later step renames or deletes: the base history has
 * a replay problem (a delete or rename of a class no earlier step creates) that the head no longer
 * has, and the edited step only gained creates, one of them of such a class.
 */
function repairedSteps(
  base: readonly ReplayProblem[],
  head: readonly ReplayProblem[],
  baseSteps: readonly LifecycleStep[],
  headSteps: readonly LifecycleStep[],
): Set<string> {
  const out = new Set<string>();
  const unknown = (p: ReplayProblem) => p.kind === "delete-unknown" || p.kind === "rename-unknown";
  const fixed = new Set(
    base
      .filter((p) => unknown(p) && !head.some((h) => h.kind === p.kind && h.className === p.className))
      .map((p) => p.className),
  );
  if (fixed.size === 0) return out;
  const opKey = (op: LifecycleStep["ops"][number]) => JSON.stringify(op);
  for (const step of baseSteps) {
    const now = headSteps.find((s) => s.tag !== null && s.tag === step.tag);
    if (!now || now.canonical === step.canonical) continue;
    const had = new Set(step.ops.map(opKey));
    const gained = now.ops.filter((op) => !had.has(opKey(op)));
    // Only creates gained, one of them of a class the base's replay lacked: an edit that makes the
    // history replay again (also a step restored to the content Workers applied, which drops what
    // the base's edit put there: that edit never deployed from the base, whose replay fails).
    if (
      gained.length > 0 &&
      gained.every((op) => op.type === "create") &&
      gained.some((op) => op.type === "create" && fixed.has(op.className))
    )
      out.add(now.tag!);
  }
  return out;
}

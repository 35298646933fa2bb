// The append-only rules of a `migrations` list. wrangler sends the steps after the deployed tag,
// matched by tag (the first copy of a duplicate): an edited or removed step is silently ignored
// by Workers that already ran it, and a missing deployed tag makes wrangler replay everything.
import { type Draft, envLabel, q } from "../diagnostics.ts";
import type { LifecycleOp, LifecycleStep } from "../model.ts";

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

export function compareHistories(
  env: string | null,
  base: readonly LifecycleStep[],
  head: readonly LifecycleStep[],
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
  const deployedTag = base[base.length - 1]?.tag ?? null;
  const where = envLabel(env);

  if (head.length === 0 && base.length > 0) {
    drafts.push({
      kind: "history-removed",
      env,
      line: null,
      tag: deployedTag,
      classes: classesOf(base.flatMap((s) => s.ops)),
      message: `Every migration (${[...baseTags.keys()].map(q).join(", ")}) was removed from ${where}. wrangler then sends none: deployed Workers keep their classes and objects, but a fresh Worker (new env, preview, renamed Worker) gets no classes at all, and its bindings fail with code 10061.`,
      fix: "Restore the migrations exactly as they were. Migrations are append-only: undo a step with a new step (a delete goes through the two-phase deploy).",
    });
    return drafts;
  }

  for (const [tag, step] of baseTags) {
    const now = headTags.get(tag);
    if (!now) {
      const replay = tag === deployedTag;
      drafts.push({
        kind: "history-removed",
        env,
        line: null,
        tag,
        classes: classesOf(step.ops),
        message: replay
          ? `Migration ${q(tag)} (the last one, so the tag deployed Workers have) was removed from ${where}: wrangler will warn that the deployed tag is missing and replay EVERY step, and creating classes that already exist fails with code 10074.`
          : `Migration ${q(tag)} was removed from ${where}. Deployed Workers already ran it, so nothing is undone; a fresh Worker (new env, preview, renamed Worker) replays the shortened history and ends up different.`,
        fix: `Restore migration ${q(tag)} exactly as it was. Migrations are append-only: undo a step with a new step.`,
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
        message: `Migration ${q(tag)} in ${where} was edited after it was applied. Deployed Workers that already have ${q(tag)} silently ignore the edit; a fresh Worker (new env, preview, renamed Worker) gets the edited history instead.`,
        fix: `Restore ${q(tag)} as it was and append a new migration with a new tag for the change.`,
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
      message: `Migrations in ${where} were reordered (${common.map(q).join(", ")} is now ${[...new Set(commonInHead)].map(q).join(", ")}). wrangler finds the deployed tag by position, so it skips or repeats steps.`,
      fix: "Restore the original order; append new steps at the end.",
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
        message: `New migration ${q(step.tag)} in ${where} was inserted before ${q(deployedTag)}, which deployed Workers already have: wrangler only sends the steps after the deployed tag, so they never run it.`,
        fix: `Move ${q(step.tag)} to the end of the list.`,
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
      message: `Tag ${q(tag)} appears ${count} times in ${where}. wrangler does not check: it matches the first copy, so every later deploy re-sends the steps after it.`,
      fix: "Give every migration a unique tag.",
    });
  }
  return drafts;
}

export function classesOf(ops: readonly LifecycleOp[]): string[] {
  const names = ops.flatMap((op) => (op.type === "rename" ? [op.from, op.to] : [op.className]));
  return [...new Set(names)];
}

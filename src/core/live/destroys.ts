// What the next deploy of a planned Worker sends and destroys, against what the findings say:
//  - DO801, a live tag this branch's history does not have: wrangler replays every step;
//  - DO807, a new Worker whose first deploy the API rejects;
//  - DO802, a destruction no finding states (a change already on the base branch, or one of this
//    change's the static check could not see as a delete), and the base branch's other steps
//    that ship with the next deploy;
//  - DO804, a live binding in another Worker to a class the next deploy deletes (10061).
// Each rule gathers the facts; the words are src/core/rules/live.ts's.
import { isConfigDelete } from "../catalogue.ts";
import type { Finding, LifecycleStep, Severity, Worker } from "../model.ts";
import type { PlannedDestruction } from "../plan/deploy-plan.ts";
import {
  firstDeployRejected,
  liveBindingBlocksDelete,
  liveTagUnknown,
  undeployedDestruction,
  undeployedStep,
} from "../rules/live.ts";
import { liveFinding } from "./compose.ts";
import { isMine, type ReadPlan, stepOf } from "./read-plan.ts";

/** DO801: a live tag this branch's history does not have (every destruction of the replay is its to state). */
export function liveTagFindings(r: ReadPlan): Finding[] {
  const { plan, p } = r;
  if (plan.sendKind !== "replay") return [];
  const base = p.target.base;
  const baseHasIt =
    base?.lifecycle.model === "migrations" && base.lifecycle.steps.some((s) => s.tag === plan.liveTag);
  const destroys = plan.destroys;
  const loss = destroys.length > 0 && !plan.rejected;
  return [
    liveFinding("live-tag-unknown", r.place, {
      line: r.steps[0]?.line ?? p.target.worker.envLine,
      tag: plan.liveTag,
      classes: destroys.map((d) => d.className),
      severity: loss ? "critical" : "error",
      dataLoss: loss,
      ...liveTagUnknown({
        worker: r.name,
        liveTag: plan.liveTag,
        baseHasIt,
        sends: plan.sends.length,
        rejected: plan.rejected,
        destroys,
      }),
    }),
  ];
}

/** DO807: a new Worker whose first deploy deletes a class, which the API rejects. */
export function firstDeployFindings(r: ReadPlan): Finding[] {
  const { plan } = r;
  if (plan.deployed || plan.rejected?.reason !== "delete-first-deploy") return [];
  const { tag, className } = plan.rejected;
  return [
    liveFinding("first-deploy-rejected", r.place, {
      line: stepOf(r, tag)?.line ?? null,
      tag,
      classes: [className],
      ...firstDeployRejected({ worker: r.name, account: r.account, env: r.p.target.env, tag, className }),
    }),
  ];
}

/**
 * DO802 for what the next deploy destroys that no finding states (`covered`: those one does),
 * and the findings without the base's own (not introduced) deletes those now replace.
 */
export function undeployedDestructions(
  findings: readonly Finding[],
  r: ReadPlan,
  covered: ReadonlySet<PlannedDestruction>,
): { findings: Finding[]; added: Finding[] } {
  let kept = [...findings];
  const added: Finding[] = [];
  const t = r.p.target;
  for (const d of r.plan.destroys) {
    if (covered.has(d)) continue;
    kept = kept.filter(
      (f) => !(isMine(r, f) && isConfigDelete(f.kind) && !f.introduced && f.classes[0] === d.className),
    );
    const words = undeployedDestruction({
      worker: r.name,
      destruction: d,
      tag: d.tag,
      onBase: destroyedAtBase(t.base, d, r.p.fromBase),
      baseHasTag: baseStep(t.base, d.tag) !== null,
      liveTag: r.plan.liveTag,
    });
    added.push(
      liveFinding("undeployed-step", r.place, {
        line: stepOf(r, d.tag)?.line ?? t.worker.envLine,
        tag: d.tag,
        classes: [d.className],
        severity: "critical",
        dataLoss: true,
        ...words,
      }),
    );
  }
  return { findings: kept, added };
}

/** DO802 for the base branch's steps not deployed yet that destroy nothing: they ship too. */
export function undeployedSteps(r: ReadPlan): Finding[] {
  const destroyingTags = new Set(r.plan.destroys.map((d) => d.tag));
  const added: Finding[] = [];
  for (const tag of r.p.fromBase) {
    if (destroyingTags.has(tag)) continue;
    const step = stepOf(r, tag);
    if (!step) continue;
    added.push(
      liveFinding("undeployed-step", r.place, {
        line: step.line,
        tag,
        classes: classesOf(step),
        severity: stepSeverity(step),
        ...undeployedStep({
          worker: r.name,
          tag,
          ops: step.ops,
          liveClasses: r.p.namespaces,
          liveTag: r.plan.liveTag,
        }),
      }),
    );
  }
  return added;
}

/** DO804: live bindings in other Workers to a class the next deploy deletes (no finding states yet). */
export function blockingBindings(
  findings: readonly Finding[],
  r: ReadPlan,
  repositoryWorkers: ReadonlySet<string>,
): Finding[] {
  const added: Finding[] = [];
  for (const d of r.plan.destroys) {
    for (const ref of r.live.bindingsToThisWorker) {
      if (ref.worker === r.name || ref.className !== d.className) continue;
      const known = findings.some(
        (f) =>
          f.kind === "cross-worker-binding" && f.worker === ref.worker && f.classes.includes(d.className),
      );
      if (known) continue;
      added.push(
        liveFinding("live-binding-blocks-delete", r.place, {
          line: stepOf(r, d.tag)?.line ?? r.p.target.worker.envLine,
          tag: d.tag,
          classes: [d.className],
          ...liveBindingBlocksDelete({
            worker: r.name,
            className: d.className,
            holder: ref.worker,
            binding: ref.binding,
            inRepository: repositoryWorkers.has(ref.worker),
            tombstone: d.tag === null,
          }),
        }),
      );
    }
  }
  return added;
}

function stepSeverity(step: LifecycleStep): Severity {
  if (step.ops.some((op) => op.type === "rename" || op.type === "transfer-in" || op.type === "transfer-out"))
    return "warning";
  return "info";
}

function classesOf(step: LifecycleStep): string[] {
  return [...new Set(step.ops.flatMap((op) => (op.type === "rename" ? [op.from, op.to] : [op.className])))];
}

/** The base revision's step with this tag, if any. */
function baseStep(base: Worker | null, tag: string | null): LifecycleStep | null {
  if (tag === null || base?.lifecycle.model !== "migrations") return null;
  return base.lifecycle.steps.find((s) => s.tag === tag) ?? null;
}

/** Whether a destruction the plan found is the base revision's already (not this change's). */
function destroyedAtBase(base: Worker | null, d: PlannedDestruction, fromBase: readonly string[]): boolean {
  if (d.tag === null) {
    return (
      base?.lifecycle.model === "exports" &&
      base.lifecycle.entries.some((e) => e.className === d.className && e.state === "deleted")
    );
  }
  if (fromBase.includes(d.tag)) return true;
  // An edited step: the delete of this class was in the base's version of it already.
  return (
    baseStep(base, d.tag)?.ops.some((op) => op.type === "delete" && op.className === d.className) ?? false
  );
}

// What the live state changes in a report: the static findings say what the config does to a
// Worker deployed at the base revision's tag; the live plan says what the next deploy does to the
// Worker as it is. Each live rule reads the plan of one Worker (src/core/plan/live-plan.ts):
//  - data loss gets its blast radius (the objects counted); a delete of a class that has no live
//    namespace destroys nothing and is no longer data loss;
//  - a Worker that does not exist: findings that only matter for a deployed Worker become info
//    (its first deploy replays the whole history); a first deploy the API rejects is an error;
//  - a Worker renamed onto a name the account already has: the deploy replaces that Worker;
//  - a delete in a step the live Worker has run already does not apply there;
//  - a live tag the branch's history lacks: an error saying what wrangler will do;
//  - steps (and tombstones) already on the base branch but not deployed ship with the next
//    deploy: listed with their own severity, data loss included;
//  - an edited or removed step is settled by the live tag (run already, or not reached yet);
//  - a delete-still-bound finding is settled by the live bindings (not when the Worker's name
//    changes: the live bindings are another Worker's then);
//  - a live binding in another Worker to a class the next deploy deletes (10061);
//  - live storage that differs from the config's; a live namespace the config does not know
//    (counted: with objects, a deploy that leaves it out is rejected);
//  - a Worker this change removes: is it deployed at all, in the account it was deployed to?
//
// This module is the orchestrator: for each Worker whose live state was read, the rules of
// settle.ts settle its static findings, destroys.ts and namespaces.ts add the live plan's own
// findings (DO801 to DO807), notes.ts words what kept Workers from their plan. Every rule gathers
// facts; the words are src/core/rules/live.ts's (the DO8xx findings, the notes) and
// src/core/rules/live-remarks.ts's (what the live plan says on other rules' findings), and
// compose.ts is the one place that puts them on a finding.
// Pure: plain data in, a new report out. Nothing here reads the network.
import { buildReport } from "../analyze/analyze.ts";
import type { WorkerExports } from "../code/worker-exports.ts";
import type { Finding, Report } from "../model.ts";
import { type LiveInput, plannedWorker, type RemovedWorker, type WorkerPlan } from "../plan/live-plan.ts";
import {
  blockingBindings,
  firstDeployFindings,
  liveTagFindings,
  undeployedDestructions,
  undeployedSteps,
} from "./destroys.ts";
import { namespaceFindings } from "./namespaces.ts";
import { liveNotes, scanNotes, skippedNote } from "./notes.ts";
import { type ReadPlan, readPlan } from "./read-plan.ts";
import { settleRemoved, settleWorker, targetKey } from "./settle.ts";

export { liveNotes } from "./notes.ts";

export interface LiveEvidence {
  readonly plans: readonly WorkerPlan[];
  readonly live: LiveInput;
  /** Every Worker name the repository defines (to tell a binding from outside it). */
  readonly repositoryWorkers: ReadonlySet<string>;
  /** The Workers this change removes, with the account each was deployed to. */
  readonly removed?: readonly RemovedWorker[];
  /** The export names of the planned Workers' entry modules, by entry path (when read). */
  readonly codeExports?: ReadonlyMap<string, WorkerExports>;
}

export function applyLiveEvidence(report: Report, evidence: LiveEvidence): Report {
  let findings = [...report.findings];
  const added: Finding[] = [];
  for (const p of evidence.plans) {
    const r = readPlan(p);
    if (!r) continue;
    const worker = liveRules(findings, r, evidence);
    findings = worker.findings;
    added.push(...worker.added);
  }
  const targeted = new Set(evidence.plans.map((p) => targetKey(p.target.file, p.target.env)));
  findings = settleRemoved(findings, evidence.removed ?? [], evidence.live, targeted);

  const rebuilt = buildReport([...findings, ...added]);
  const notes = [
    ...(report.notes ?? []),
    ...liveNotes(evidence.plans),
    ...scanNotes([...evidence.live.accounts.values()]),
    ...skippedNote(evidence.plans, report),
  ];
  return {
    ...rebuilt,
    ...(notes.length > 0 ? { notes } : {}),
    workers: evidence.plans.map(plannedWorker),
  };
}

/** The live rules for one planned Worker: its findings settled, and the live plan's own added (in this order). */
function liveRules(
  findings: readonly Finding[],
  r: ReadPlan,
  evidence: LiveEvidence,
): { findings: Finding[]; added: Finding[] } {
  const settled = settleWorker(findings, r, evidence.live);
  // A replay (DO801) states every destruction itself.
  const covered = r.plan.sendKind === "replay" ? new Set(r.plan.destroys) : settled.covered;
  const undeployed = undeployedDestructions(settled.findings, r, covered);
  const added = [
    ...liveTagFindings(r),
    ...firstDeployFindings(r),
    ...undeployed.added,
    ...undeployedSteps(r),
    ...blockingBindings(undeployed.findings, r, evidence.repositoryWorkers),
    ...namespaceFindings(r, evidence.codeExports),
  ];
  return { findings: undeployed.findings, added };
}

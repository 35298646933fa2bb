// The guarded two-phase deploy of one Worker (DOMAIN.md §6), shared by the action (`mode:
// deploy`) and the CLI (`do-migrate deploy`): the one-Worker case of the release
// (src/deploy/release.ts), with the inputs, outputs and rendering it has always had.
//  - phase 1: a derived config written beside the original (bindings to the doomed classes
//    removed, the destroying steps held back), plus a stand-in entry module when the code no
//    longer exports a class that still has objects; both removed afterwards, whatever happens;
//  - phase 2 (only once phase 1 has landed and the confirmation names exactly the doomed
//    classes) and a normal deploy: the real config.
// Afterwards it reads the live state again and reports the live tag and what comes next.
import type { DeployRun, RequestedPhase } from "../core/plan/decide.ts";
import {
  type DeployRunReport,
  type RunOutcome,
  renderDeployMarkdown,
  renderDeployText,
} from "../core/plan/render-plan.ts";
import { workerOutputs } from "../core/release/report.ts";
import type { ReleaseResult, WorkerRun } from "./release.ts";

export interface DeletedClass {
  readonly worker: string;
  readonly env: string | null;
  readonly class: string;
}

export interface TwoPhaseResult {
  /** False on a refusal or a failure. */
  readonly ok: boolean;
  readonly outcome: RunOutcome;
  /** What this run deployed: `1`, `2`, or `none` (also for a normal deploy). */
  readonly phase: "1" | "2" | "none";
  /** What this run deployed, a normal deploy included; null when nothing was deployed. */
  readonly deployed: DeployRun | null;
  readonly nextPhase: "1" | "2" | "none";
  /** The live migration tag after the run, when known. */
  readonly migrationTag: string | null;
  /** The classes the pending phase 2 destroys, or that this run's phase 2 destroyed. */
  readonly deletedClasses: readonly DeletedClass[];
  readonly standIns: readonly string[];
  /** The refusal or failure in plain words (null on success). */
  readonly message: string | null;
  /** The plan and outcome, when the run got as far as a plan. */
  readonly report: DeployRunReport | null;
  readonly markdown: string;
  readonly text: string;
}

const OUTCOME: Record<WorkerRun["status"], RunOutcome> = {
  planned: "planned",
  deployed: "deployed",
  unchanged: "skipped",
  skipped: "skipped",
  waiting: "refused",
  blocked: "refused",
  failed: "failed",
  "not-started": "refused",
};

/** A run of one Worker as the single-Worker deploy reports it. */
export function singleResult(result: ReleaseResult, requested: RequestedPhase): TwoPhaseResult {
  const w = result.runs[0];
  if (result.early || !w || !w.plan) {
    const problem = result.early ??
      w?.problems[0] ?? { message: "Nothing to deploy.", fix: "Check the config." };
    return early(problem.message, problem.fix);
  }
  const outcome = OUTCOME[w.status];
  const ok = outcome !== "refused" && outcome !== "failed";
  const report: DeployRunReport = {
    configFile: w.file,
    requested,
    plan: w.plan,
    outcome,
    ran: outcome === "planned" || outcome === "skipped" || outcome === "refused" ? null : w.ran,
    headline: w.headline,
    problems: w.problems,
    standIns: w.standIns,
    after: w.after
      ? { liveTag: w.after.liveTag, next: w.after.plan.next, blockingBindings: w.after.plan.blockingBindings }
      : null,
    notes: [...new Set(w.notes)],
  };
  const outputs = workerOutputs(w);
  return {
    ok,
    outcome,
    phase: outputs.phase,
    deployed: w.deployedOk ? w.ran : null,
    nextPhase: outputs.nextPhase,
    migrationTag: outputs.migrationTag,
    deletedClasses: outputs.deletedClasses,
    standIns: w.standIns,
    message: ok ? null : w.problems.map((p) => `${p.message} ${p.fix}`).join("\n"),
    report,
    markdown: renderDeployMarkdown(report),
    text: renderDeployText(report),
  };
}

function early(message: string, fix: string): TwoPhaseResult {
  return {
    ok: false,
    outcome: "failed",
    phase: "none",
    deployed: null,
    nextPhase: "none",
    migrationTag: null,
    deletedClasses: [],
    standIns: [],
    message: `${message} ${fix}`,
    report: null,
    markdown: `### Durable Object deploy\n\n:x: **${message.replace(/[\r\n]+/g, " ")}**\n\n**Fix:** ${fix}\n`,
    text: `do-migrate deploy: ${message}\n  fix: ${fix}\n`,
  };
}

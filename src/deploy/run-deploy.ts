// What the entry points call: the release (one Worker or many), rendered and summed up into the
// outputs. One Worker reads as it always has (src/deploy/two-phase.ts); many get the release
// summary (src/core/release/report.ts).
import type { RequestedPhase } from "../core/plan/decide.ts";
import { releaseOutputs, renderReleaseMarkdown, renderReleaseText } from "../core/release/report.ts";
import { type DeployAdapters, type ReleaseRequest, runRelease } from "./release.ts";
import { type DeletedClass, singleResult } from "./two-phase.ts";

export interface DeployOutcome {
  readonly ok: boolean;
  /** The refusal or failure in plain words (null on success). */
  readonly message: string | null;
  readonly markdown: string;
  readonly text: string;
  /** One Worker: what it deployed; many: `2` when any phase 2 ran, else `1` when any phase 1 ran. */
  readonly phase: "1" | "2" | "none";
  /** One Worker: its next phase; many: `1` when any Worker still needs phase 1, else `2` when any waits for phase 2. */
  readonly nextPhase: "1" | "2" | "none";
  /** One Worker: its live tag after the run; many: null (each Worker's is in `workers`). */
  readonly migrationTag: string | null;
  readonly deletedClasses: readonly DeletedClass[];
  /** Each Worker: config, env, worker, status, ran, phase, nextPhase, migrationTag, ... */
  readonly workers: readonly object[];
  /** The exact `confirm-data-loss` the pending phase 2 needs ("" when none waits). */
  readonly confirmation: string;
}

export async function runDeploy(request: ReleaseRequest, adapters: DeployAdapters): Promise<DeployOutcome> {
  const result = await runRelease(request, adapters);
  const outputs = result.report ? releaseOutputs(result.report) : null;
  if (result.single || !result.report) {
    const one = singleResult(result, request.phase as RequestedPhase);
    const plan = one.report?.plan;
    const pending =
      plan && one.nextPhase === "2" ? (one.deletedClasses.map((d) => d.class).join(",") ?? "") : "";
    return {
      ok: one.ok,
      message: one.message,
      markdown: one.markdown,
      text: one.text,
      phase: one.phase,
      nextPhase: one.nextPhase,
      migrationTag: one.migrationTag,
      deletedClasses: one.deletedClasses,
      workers: outputs?.workers ?? [],
      confirmation: pending,
    };
  }
  const report = result.report;
  const problems = [
    ...report.blockers,
    ...report.workers.flatMap((w) =>
      w.problems.map((p) => ({ ...p, message: `${w.name ?? w.file}: ${p.message}` })),
    ),
  ];
  return {
    ok: report.ok,
    message: report.ok ? null : [report.headline, ...problems.map((p) => `${p.message} ${p.fix}`)].join("\n"),
    markdown: renderReleaseMarkdown(report),
    text: renderReleaseText(report),
    phase: outputs?.phase ?? "none",
    nextPhase: outputs?.nextPhase ?? "none",
    migrationTag: null,
    deletedClasses: outputs?.deletedClasses ?? [],
    workers: outputs?.workers ?? [],
    confirmation: report.confirmation,
  };
}

// The live plan's notes: what kept Workers from their live plan (a problem reading them, the
// binding scan's cap and failures, Workers not deployed as written). The facts are gathered here,
// the words are src/core/rules/live.ts's.
import type { Report } from "../model.ts";
import type { WorkerPlan } from "../plan/live-plan.ts";
import { leftOutNote, scanSkippedNote, scanUnreadNote, unreadNote } from "../rules/live.ts";
import type { LiveAccount } from "./state.ts";

/**
 * One line per problem that kept Workers from their live plan (the same problem once, with every
 * Worker it hit), for the report's notes and the run's warnings.
 */
export function liveNotes(plans: readonly WorkerPlan[]): string[] {
  const byProblem = new Map<string, string[]>();
  for (const p of plans) {
    if (p.status !== "failed") continue;
    const key = p.problem?.message ?? "unknown";
    byProblem.set(key, [
      ...(byProblem.get(key) ?? []),
      p.target.name ?? `${p.target.file}${p.target.env === null ? "" : ` env ${p.target.env}`}`,
    ]);
  }
  return [...byProblem].map(([problem, workers]) => unreadNote(problem, workers));
}

/** Notes on the other Workers read for live bindings that block a delete: those past the cap, those that failed. */
export function scanNotes(accounts: readonly LiveAccount[]): string[] {
  const out: string[] = [];
  for (const a of accounts) {
    const { repository, outside, skipped } = a.scanned;
    if (skipped > 0) {
      out.push(scanSkippedNote({ skipped, repository: repository.length, outside: outside.length }));
    }
    const unread = [...repository, ...outside].filter((n) => a.settings.get(n)?.ok === false);
    if (unread.length > 0) {
      const first = a.settings.get(unread[0] as string);
      out.push(scanUnreadNote(unread, first && !first.ok ? first.problem : null));
    }
  }
  return out;
}

/**
 * One note for the Workers the live plan leaves out because they are not deployed as written,
 * when they have something to say (a finding above info): their findings are the static check's.
 */
export function skippedNote(plans: readonly WorkerPlan[], report: Report): string[] {
  const listed = plans.filter(
    (p) =>
      p.status === "skipped" &&
      report.findings.some(
        (f) => f.file === p.target.file && f.env === p.target.env && f.severity !== "info",
      ),
  );
  if (listed.length === 0) return [];
  return [leftOutNote(listed.map((p) => ({ name: p.target.name, file: p.target.file, env: p.target.env })))];
}

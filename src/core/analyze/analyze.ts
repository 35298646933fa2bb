// The analysis entry points: one config file at two revisions (file.ts), or a whole
// repository's configs (the cross-file rules in repository.ts), into a report ordered by
// report.ts. Every (file, environment) is one deployed Worker, analysed on its own.
import type { ConfigChange, Finding, Report } from "../model.ts";
import { plannedWorker, planTargets, planWorker } from "../plan/live-plan.ts";
import { pairConfigs } from "./config-files.ts";
import { type AnalyzeOptions, analyzeFile, baseWorkerIndex } from "./file.ts";
import type { FileAnalysis } from "./file-analysis.ts";
import { buildReport } from "./report.ts";
import { localOnlyNotes, repositoryFindings } from "./repository.ts";

export { type AnalyzeOptions, analyzeFile, type BaseWorkerIndex, baseWorkerIndex } from "./file.ts";
export type { FileAnalysis, Takeover } from "./file-analysis.ts";
export { buildReport, compareFindings, riskOf } from "./report.ts";
export { type CrossFileKeys, crossFileKeys, repositoryFindings } from "./repository.ts";

/** Analyses every config of a change together, adding what needs more than one file. */
export function analyzeRepository(changes: readonly ConfigChange[], options: AnalyzeOptions = {}): Report {
  const paired = pairConfigs(changes);
  return reportFor(analyzeFiles(paired.changes, options), paired.findings, options);
}

export function analyzeFiles(changes: readonly ConfigChange[], options: AnalyzeOptions = {}): FileAnalysis[] {
  const withIndex = withBaseWorkerIndex(changes, options);
  return changes.map((change) => analyzeFile(change, withIndex));
}

/** The options with the base revision's Workers by name (see baseWorkerIndex), built once. */
export function withBaseWorkerIndex(
  changes: readonly ConfigChange[],
  options: AnalyzeOptions,
): AnalyzeOptions {
  return options.baseWorkersNamed ? options : { ...options, baseWorkersNamed: baseWorkerIndex(changes) };
}

/**
 * The report over analysed files, with the cross-file checks and any extra findings (code checks),
 * and the Workers the change touches (their live plan comes later, when the live state is read).
 */
export function reportFor(
  analyses: readonly FileAnalysis[],
  extra: readonly Finding[] = [],
  options: AnalyzeOptions = {},
): Report {
  const workers = planTargets(analyses, options.envs ?? null).map((t) => plannedWorker(planWorker(t, null)));
  const report = { ...buildReport(repositoryFindings(analyses, extra)), workers };
  const notes = localOnlyNotes(analyses, report.findings);
  return notes.length > 0 ? { ...report, notes } : report;
}

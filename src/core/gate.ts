// Whether a report fails the check, for the CLI's exit code and the action's status.
import { severityRank } from "./catalogue.ts";
import type { Report, Severity } from "./model.ts";

export type FailOn = Severity | "never";
export const FAIL_ON_VALUES: readonly FailOn[] = ["critical", "error", "warning", "never"];

export function parseFailOn(value: string): FailOn | null {
  return (FAIL_ON_VALUES as readonly string[]).includes(value) ? (value as FailOn) : null;
}

/** The findings at or above the threshold. */
export function failingFindings(report: Report, failOn: FailOn) {
  if (failOn === "never") return [];
  return report.findings.filter((f) => severityRank(f.severity) >= severityRank(failOn));
}

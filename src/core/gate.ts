// Whether a report fails the check, for the CLI's exit code and the action's status.
import type { Acknowledgement } from "./acknowledge.ts";
import { isAboutTheCheck, severityRank } from "./catalogue.ts";
import type { Finding, Report, Severity } from "./model.ts";

export type FailOn = Severity | "never";
export const FAIL_ON_VALUES: readonly FailOn[] = ["critical", "error", "warning", "never"];

export function parseFailOn(value: string): FailOn | null {
  return (FAIL_ON_VALUES as readonly string[]).includes(value) ? (value as FailOn) : null;
}

/** The findings at or above the threshold (a suppressed finding never counts). */
export function failingFindings(report: Report, failOn: FailOn) {
  if (failOn === "never") return [];
  return report.findings.filter((f) => !f.suppressed && severityRank(f.severity) >= severityRank(failOn));
}

/**
 * Whether a finding is reason enough to start a pull request comment (`comment: on-change`): the
 * change introduces it, nothing suppresses it, and it is about the Workers' lifecycle, bindings,
 * history or names, not about what the check could not see (`aboutTheCheck`).
 */
export function startsAComment(finding: Finding): boolean {
  return finding.introduced && !finding.suppressed && !isAboutTheCheck(finding);
}

export interface Gate {
  readonly failed: boolean;
  readonly message: string;
}

/**
 * The PR check's verdict: fails on findings at or above `fail-on`, except data loss that the
 * description acknowledges line by line, and always on unacknowledged data loss (unless `never`).
 */
export function gateFor(report: Report, acks: readonly Acknowledgement[], failOn: FailOn): Gate {
  if (failOn === "never") return { failed: false, message: "" };
  const missing = acks.filter((a) => !a.acknowledged);
  if (missing.length > 0) {
    return {
      failed: true,
      message: `This change destroys Durable Object data and is not acknowledged. Add these lines to the pull request description (or remove the deletes):\n${missing.map((a) => `  ${a.line}`).join("\n")}`,
    };
  }
  // Every line is acknowledged here: so is each data-destroying finding they cover.
  const acknowledged = new Set(acks.flatMap((a) => a.findings));
  const failing = failingFindings(report, failOn).filter((f) => !(f.dataLoss && acknowledged.has(f)));
  if (failing.length > 0) {
    const codes = [...new Set(failing.map((f) => `${f.code} ${f.kind}`))].join(", ");
    return {
      failed: true,
      message: `${failing.length} finding(s) at or above fail-on "${failOn}": ${codes}. See the job summary.`,
    };
  }
  return {
    failed: false,
    message: acks.length
      ? `Data loss acknowledged in the pull request description (${acks.length} line(s)).`
      : "",
  };
}

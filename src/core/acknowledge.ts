// Acknowledging data loss in a reviewable way: one line per destroyed class in the pull request
// description, naming exactly what is destroyed (Worker, class, migration tag). A line that no
// longer matches a finding counts for nothing, and a new delete needs its own line, so an
// approval is bound to what was reviewed. Reading the description works on fork PRs too.
import type { Finding, Report } from "./model.ts";

export const ACK_PREFIX = "do-migrate: destroy";

export interface Acknowledgement {
  readonly finding: Finding;
  /** The exact line to put in the pull request description. */
  readonly line: string;
  readonly acknowledged: boolean;
}

/** The line that acknowledges one data-destroying finding. */
export function acknowledgementLine(finding: Finding): string {
  const worker = finding.worker ?? `${finding.file}${finding.env === null ? "" : ` env ${finding.env}`}`;
  const classes = finding.classes.length ? finding.classes.join(",") : "?";
  return `${ACK_PREFIX} ${safe(classes)} in ${safe(worker)}${finding.tag ? ` at ${safe(finding.tag)}` : ""}`;
}

/** Config strings in an acknowledgement line: anything outside a plain set becomes `_`. */
function safe(text: string): string {
  return text.replace(/[^\w$.,:/+=-]/g, "_").slice(0, 200);
}

/** Every data-destroying finding with its acknowledgement line and whether the description has it. */
export function acknowledgements(report: Report, description: string): Acknowledgement[] {
  const lines = new Set(
    description
      .split(/\r?\n/)
      .map((l) =>
        l
          .trim()
          .replace(/^[-*>]\s+/, "")
          .replace(/^`(.*)`$/, "$1")
          .trim(),
      )
      .filter((l) => l.startsWith(ACK_PREFIX)),
  );
  const seen = new Set<string>();
  const out: Acknowledgement[] = [];
  for (const finding of report.findings) {
    if (!finding.dataLoss) continue;
    const line = acknowledgementLine(finding);
    if (seen.has(`${finding.kind}\u0000${line}`)) continue;
    seen.add(`${finding.kind}\u0000${line}`);
    out.push({ finding, line, acknowledged: lines.has(line) });
  }
  return out;
}

/** Data-destroying findings whose exact acknowledgement line is missing. */
export function unacknowledged(report: Report, description: string): Finding[] {
  const acks = acknowledgements(report, description);
  const missing = new Set(acks.filter((a) => !a.acknowledged).map((a) => a.line));
  return report.findings.filter((f) => f.dataLoss && missing.has(acknowledgementLine(f)));
}

// Acknowledging data loss in a reviewable way: one line per destroyed class in the pull request
// description, naming exactly what is destroyed (Worker, class, migration tag). A line that no
// longer matches a finding counts for nothing, and a new delete needs its own line, so an
// approval is bound to what was reviewed. Reading the description works on fork PRs too.
//
// One destruction, one line: a rename written as delete + create (DO102) destroys only the class
// it deletes, and its line is the one of that delete (DO101); a replay that destroys several
// classes (DO801, whose tag is the live one) has one line per class, and a class another finding
// already names in the same Worker keeps that finding's line (the one naming the deleting step).
import type { Finding } from "./model.ts";

export const ACK_PREFIX = "do-migrate: destroy";

export interface Acknowledgement {
  /** The first finding that destroys the class (the one whose tag the line names). */
  readonly finding: Finding;
  /** Every data-destroying finding this line acknowledges (a delete's DO101 and its DO102). */
  readonly findings: readonly Finding[];
  /** The exact line to put in the pull request description. */
  readonly line: string;
  readonly acknowledged: boolean;
}

/**
 * The classes a data-destroying finding destroys: every class it names, except the class a
 * rename written as delete + create creates (it names it second).
 */
export function destroyedClasses(finding: Finding): readonly string[] {
  return finding.kind === "probable-rename" ? finding.classes.slice(0, 1) : finding.classes;
}

function lineFor(finding: Finding, className: string): string {
  return `${ACK_PREFIX} ${safe(className)} ${suffixOf(finding)}`;
}

/** ` in WORKER at TAG`: what follows the class in a line. */
function suffixOf(finding: Finding): string {
  const worker = finding.worker ?? `${finding.file}${finding.env === null ? "" : ` env ${finding.env}`}`;
  return `in ${safe(worker)}${finding.tag ? ` at ${safe(finding.tag)}` : ""}`;
}

/** Config strings in an acknowledgement line: anything outside a plain set becomes `_`. */
function safe(text: string): string {
  return text.replace(/[^\w$.,:/+=-]/g, "_").slice(0, 200);
}

/** Findings whose tag is not the step that destroys (the live tag): they share another's line. */
const NAMES_ANOTHER_TAG: ReadonlySet<Finding["kind"]> = new Set(["live-tag-unknown"]);

/** Every destroyed class with its acknowledgement line and whether the description has it. */
export function acknowledgements(
  report: { readonly findings: readonly Finding[] },
  description: string,
): Acknowledgement[] {
  const written = writtenLines(description);
  const losses = report.findings.filter((f) => f.dataLoss);
  // The findings that name the deleting step first, so theirs is the line a destruction gets.
  const ordered = [
    ...losses.filter((f) => !NAMES_ANOTHER_TAG.has(f.kind)),
    ...losses.filter((f) => NAMES_ANOTHER_TAG.has(f.kind)),
  ];
  const byLine = new Map<string, { finding: Finding; findings: Finding[]; line: string }>();
  const byDestruction = new Map<string, { findings: Finding[] }>();
  for (const finding of ordered) {
    const classes = destroyedClasses(finding);
    for (const className of classes.length > 0 ? classes : ["?"]) {
      const line = lineFor(finding, className);
      const destruction = [finding.file, finding.env ?? "", finding.worker ?? "", className].join("\u0000");
      const same =
        byLine.get(line) ??
        (NAMES_ANOTHER_TAG.has(finding.kind) ? byDestruction.get(destruction) : undefined);
      if (same) {
        if (!same.findings.includes(finding)) same.findings.push(finding);
        continue;
      }
      const entry = { finding, findings: [finding], line };
      byLine.set(line, entry);
      if (!byDestruction.has(destruction)) byDestruction.set(destruction, entry);
    }
  }
  // In report order of the finding each line comes from.
  return [...byLine.values()]
    .sort((a, b) => losses.indexOf(a.finding) - losses.indexOf(b.finding))
    .map((entry) => ({ ...entry, acknowledged: written.has(entry.line) }));
}

/**
 * The acknowledgement lines of a description, as written (a leading `- `, `* ` or `> ` and
 * surrounding backticks are fine). A line that lists several classes of one Worker and tag
 * (`destroy A,B in chat at v2`, as earlier versions printed for DO102 and DO801) counts for each.
 */
function writtenLines(description: string): Set<string> {
  const lines = new Set<string>();
  for (const raw of description.split(/\r?\n/)) {
    const line = raw
      .trim()
      .replace(/^[-*>]\s+/, "")
      .replace(/^`(.*)`$/, "$1")
      .trim();
    if (!line.startsWith(`${ACK_PREFIX} `)) continue;
    lines.add(line);
    const rest = line.slice(ACK_PREFIX.length + 1);
    const space = rest.indexOf(" ");
    if (space <= 0) continue;
    const suffix = rest.slice(space);
    for (const className of rest.slice(0, space).split(",")) {
      if (className) lines.add(`${ACK_PREFIX} ${className}${suffix}`);
    }
  }
  return lines;
}

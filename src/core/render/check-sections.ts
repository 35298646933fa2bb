// Markdown blocks of the PR check around the report: the acknowledgement instructions, the short
// report for when GitHub refuses the full one as too long, and the body that replaces a sticky
// comment when the changes are gone.
import type { Acknowledgement } from "../acknowledge.ts";
import { findingDocsAnchor } from "../catalogue.ts";
import type { Finding, Report } from "../model.ts";
import { groupFindings } from "./groups.ts";
import { countLine, deleteAdvice, lossGroups, riskBadge } from "./markdown.ts";
import { code } from "./markdown-text.ts";
import { hasLivePlan, renderPlanMarkdown } from "./plan-table.ts";

export function renderAcknowledgementSection(acks: readonly Acknowledgement[]): string | null {
  if (acks.length === 0) return null;
  const missing = acks.filter((a) => !a.acknowledged);
  return [
    missing.length === 0
      ? "**✅ Acknowledged.** The pull request description names every class this change destroys:"
      : `**To merge anyway**, add ${missing.length === acks.length ? "these lines" : `the ${missing.length} missing line(s) of these`} to the pull request description, exactly as written:`,
    "",
    "```text",
    ...acks.map((a) => a.line),
    "```",
  ].join("\n");
}

export interface ShortReportOptions {
  /** The sticky-comment marker, first line, as built by the caller. */
  readonly marker: string;
  readonly acknowledgements: readonly Acknowledgement[];
  readonly docsBaseUrl?: string;
}

/**
 * The report when GitHub refuses the full comment as too long: still every data-destroying
 * finding (one line each: classes, Worker, environment, tag, place), the acknowledgement lines,
 * and the other findings counted by code. Config strings only ever appear inside code spans.
 */
export function renderShortReport(report: Report, options: ShortReportOptions): string {
  // Counted as the full report counts them: one entry per change, however many Workers it reaches.
  const counted = report.findings.filter((f) => !f.suppressed);
  const losses = lossGroups(counted.filter((f) => f.dataLoss));
  const others = groupFindings(counted.filter((f) => !f.dataLoss));
  const suppressed = groupFindings(report.findings.filter((f) => f.suppressed)).length;
  const out = [
    options.marker,
    `## Durable Object migration check: ${riskBadge(report.risk)}`,
    "",
    "_The full report is too long for a pull request comment: it is in the job summary of this run and in the `report` output._",
    "",
  ];
  if (hasLivePlan(report.workers)) out.push(renderPlanMarkdown(report.workers ?? [], { maxRows: 10 }), "");
  if (losses.length > 0) {
    out.push(`### 🛑 Data-destroying changes (${losses.length})`, "");
    for (const group of losses) out.push(`- ${lossLine(group.findings, options.docsBaseUrl)}`);
    out.push("");
  }
  const ack = renderAcknowledgementSection(options.acknowledgements);
  if (ack) out.push(ack, "");
  const advice = deleteAdvice(losses);
  if (advice) out.push(advice, "");
  if (others.length > 0) out.push(`### Other findings (${others.length})`, "", countLine(others), "");
  if (suppressed > 0)
    out.push(`_${suppressed} suppressed finding(s), not counted: see the job summary._`, "");
  return out.join("\n");
}

/** One data-destroying change: classes, tag, place, and every Worker it reaches. */
function lossLine(findings: readonly Finding[], docsBaseUrl: string | undefined): string {
  const f = findings[0]!;
  const what = f.kind === "probable-rename" ? "deleted and re-created" : "deleted";
  const workers = findings.map((w) => {
    const env = w.env === null ? "(top level)" : `(env ${code(w.env)})`;
    return w.worker === null ? env : `Worker ${code(w.worker)} ${env}`;
  });
  const tag = f.tag ? ` by migration ${code(f.tag)}` : "";
  const place = code(f.line ? `${f.file}:${f.line}` : f.file);
  const base = docsBaseUrl ? `${docsBaseUrl.replace(/\/$/, "")}/` : "";
  return `**${f.classes.map(code).join(", ")}** ${what}${tag} (${place}) [${f.code}](${base}${findingDocsAnchor(f.code)}) in ${workers.join(", ")}`;
}

export function renderNoChangesBody(marker: string): string {
  return `${marker}\n## Durable Object migration check: ✅ **none**\n\nThis pull request no longer has any Durable Object lifecycle changes.\n`;
}

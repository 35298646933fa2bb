// The check's report on the runner: annotations on the config lines, and the job summary.
import { Buffer } from "node:buffer";
import * as core from "@actions/core";
import { severityRank } from "../core/catalogue.ts";
import type { Finding, Report } from "../core/model.ts";
import { groupFindings } from "../core/render/groups.ts";
import { type MarkdownOptions, renderMarkdown } from "../core/render/markdown.ts";
import type { RunContext } from "./context.ts";

/** The caller's blocks of the comment and the summary: the acknowledgement, the fixes. */
export type Blocks = Pick<MarkdownOptions, "acknowledgement" | "sections">;

/** GitHub shows at most this many annotations of one type per step (more are dropped silently). */
const ANNOTATIONS_PER_TYPE = 10;
/** The job summary may hold 1 MiB per step; keep some room for what GitHub adds. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 4096;

/**
 * Annotations on the config lines, most severe first, within GitHub's per-type limit. A change
 * that reaches several Workers (one finding each) is annotated once, naming them all; suppressed
 * findings are not annotated.
 */
export function annotate(findings: readonly Finding[]): { dropped: number } {
  const counts = { error: 0, warning: 0, notice: 0 };
  let dropped = 0;
  const groups = groupFindings(findings.filter((f) => !f.suppressed)).sort(
    (a, b) => severityRank(b.first.severity) - severityRank(a.first.severity),
  );
  for (const group of groups) {
    const f = group.first;
    const type =
      f.severity === "critical" || f.severity === "error"
        ? "error"
        : f.severity === "warning"
          ? "warning"
          : "notice";
    if (counts[type] >= ANNOTATIONS_PER_TYPE) {
      dropped++;
      continue;
    }
    counts[type]++;
    const properties = {
      title: `${f.code} ${f.kind}`,
      file: f.file,
      ...(f.line ? { startLine: f.line } : {}),
    };
    const text = `${group.message}\nFix: ${f.fix}`;
    if (type === "error") core.error(text, properties);
    else if (type === "warning") core.warning(text, properties);
    else core.notice(text, properties);
  }
  return { dropped };
}

export async function writeSummary(
  report: Report,
  context: RunContext,
  blocks: Blocks,
  droppedAnnotations: number,
): Promise<void> {
  const overflow =
    droppedAnnotations > 0
      ? `\n\n_${droppedAnnotations} more finding(s) than GitHub shows as annotations are listed above._\n`
      : "";
  // The limit is in bytes; the renderer counts characters (up to 3 bytes each).
  let maxLength = SUMMARY_LIMIT_BYTES;
  let summary = "";
  for (let attempt = 0; attempt < 4; attempt++) {
    summary = renderMarkdown(report, { ...blocks, docsBaseUrl: context.docsBaseUrl, maxLength }) + overflow;
    const bytes = Buffer.byteLength(summary, "utf8");
    if (bytes <= SUMMARY_LIMIT_BYTES) break;
    maxLength = Math.floor((maxLength * SUMMARY_LIMIT_BYTES) / bytes) - 1024;
  }
  await core.summary.addRaw(summary).write();
}

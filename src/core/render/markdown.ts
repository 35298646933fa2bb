// The report as GitHub-flavoured Markdown: the PR comment and the job summary. Every string that
// comes from a config (class names, tags, paths) is either inside a code span or escaped, so a
// pull request cannot inject markup, mentions, links or a forged marker.
import { findingDocsAnchor } from "../catalogue.ts";
import type { Finding, Report, Severity } from "../model.ts";
import { displayable } from "../text/display.ts";
import { objectsText } from "../text/objects.ts";
import { type FindingGroup, groupFindings } from "./groups.ts";
import { code, escapeHtml, inline, unlinked } from "./markdown-text.ts";
import { hasLivePlan, renderPlanMarkdown } from "./plan-table.ts";

export const COMMENT_LIMIT = 65_536;

export interface MarkdownOptions {
  /** A hidden first line (e.g. the sticky-comment marker), written as is: callers build it. */
  readonly marker?: string;
  readonly heading?: string;
  /** Extra Markdown blocks after the data-loss section (already safe: built by the caller). */
  readonly sections?: readonly string[];
  /** Base URL for `docs/findings.md` links; relative links when absent. */
  readonly docsBaseUrl?: string;
  readonly maxLength?: number;
}

const ICON: Record<Severity, string> = { critical: "🛑", error: "❌", warning: "⚠️", info: "ℹ️" };

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const max = options.maxLength ?? COMMENT_LIMIT;
  const full = render(report, options, false);
  if (full.length <= max) return full;
  const compact = render(report, options, true);
  if (compact.length <= max) return compact;
  // Last resort: the header and the data-loss list only, cut at a line boundary.
  const cut = compact.slice(0, max - 200);
  const kept = cut.slice(0, cut.lastIndexOf("\n"));
  // A cut inside a fenced block (the acknowledgement lines) closes it, so the note stays prose.
  const fenceOpen = kept.split("\n").filter((line) => line.startsWith("```")).length % 2 === 1;
  return `${kept}${fenceOpen ? "\n```" : ""}\n\n_… report truncated: see the job summary and the \`report\` output._\n`;
}

function render(report: Report, options: MarkdownOptions, compact: boolean): string {
  const out: string[] = [];
  if (options.marker) out.push(options.marker);
  const counted = report.findings.filter((f) => !f.suppressed);
  const suppressed = report.findings.filter((f) => f.suppressed);
  const losses = counted.filter((f) => f.dataLoss);
  const others = counted.filter((f) => !f.dataLoss);
  out.push(`## ${options.heading ?? "Durable Object migration check"}: ${riskBadge(report.risk)}`, "");
  const notes = report.notes ?? [];
  if (notes.length > 0) out.push(notes.map((note) => `> ℹ️ ${inline(note)}`).join("\n>\n"), "");
  // The live plan, when the live state was read: what the next deploy does, Worker by Worker.
  if (hasLivePlan(report.workers)) {
    out.push(renderPlanMarkdown(report.workers ?? [], { maxRows: compact ? 20 : undefined }), "");
  }

  if (report.findings.length === 0) {
    out.push("No Durable Object lifecycle changes. Nothing is created, renamed, transferred or deleted.", "");
    return out.join("\n");
  }
  if (counted.length === 0) {
    out.push("Nothing to report: every finding is suppressed (listed below).", "");
  }
  if (losses.length > 0) {
    // Counted as the reader sees them: one entry per change, however many Workers it reaches.
    const lossGroups = groupFindings(losses);
    out.push(
      "> [!CAUTION]",
      // Every loss conditional (a Worker that has not run a merged step): "may", and on what.
      lossGroups.every((g) => g.first.unlessRan || g.first.ifRan)
        ? `> **This change may destroy Durable Object data.** ${lossGroups.length === 1 ? "One change deletes" : `${lossGroups.length} changes delete`} objects and all their storage, irreversibly, on a Worker that has not run that migration yet (the live migration tag says).`
        : `> **This change destroys Durable Object data.** ${lossGroups.length === 1 ? "One change deletes" : `${lossGroups.length} changes delete`} objects and all their storage, irreversibly, on deploy.`,
      "",
      "### 🛑 Data-destroying changes",
      "",
    );
    for (const group of lossGroups) {
      const f = group.first;
      const what =
        f.kind === "probable-rename"
          ? "deleted and re-created (a rename written as delete + create)"
          : "deleted";
      const n = group.findings.length;
      out.push(
        `- **${classList(f)}** ${what}${f.tag ? ` by migration ${code(f.tag)}` : ""} (${location(f)}) ${docLink(f, options)}: destroys every object in ${n === 1 ? "" : `${n} Workers: `}${group.findings.map((g) => `${workerLabel(g)}${liveObjects(report, g)}`).join(", ")}${f.unlessRan ? `, unless ${n === 1 ? "it has" : "they have"} run ${code(f.unlessRan)}` : ""}${f.ifRan ? `, if ${n === 1 ? "it has" : "they have"} run ${code(f.ifRan)}` : ""}.`,
      );
      // The live plan's own data-loss findings: the cause is in the message, not in the config line.
      // What the line alone does not say: the live plan's cause, or the condition of the loss.
      if (f.kind === "live-tag-unknown" || f.kind === "undeployed-step" || f.unlessRan || f.ifRan)
        out.push(`  ${inline(group.message)}`);
      if (f.kind !== "class-deleted") out.push(`  **Fix:** ${inline(f.fix)}`);
    }
    const deleted = [...new Set(losses.filter((f) => f.kind === "class-deleted").flatMap((f) => f.classes))];
    if (deleted.length > 0) {
      out.push(
        "",
        "**If the data really must go**, delete in two deploys (Cloudflare rejects a delete while a binding still points at the class, code 10061):",
        "1. **Phase 1:** remove every binding to the class (here and in other Workers that bind it through `script_name`), keep exporting the class from the code, and deploy without the delete.",
        "2. **Phase 2:** deploy the delete, with an explicit confirmation of what it destroys.",
        "",
        `The deploy workflow of this action (\`mode: deploy\`, \`phase: auto\`) reads the live state and runs the next phase; phase 2 needs \`confirm-data-loss: ${deleted.join(",").replace(/[^\w$,]/g, "_")}\`. If you meant to rename the class, use \`renamed_classes\` instead.`,
      );
    }
    out.push("");
  }
  for (const section of options.sections ?? []) out.push(section, "");

  if (others.length > 0) {
    const groups = groupFindings(others);
    out.push(`### Other findings (${groups.length})`, "");
    if (compact) {
      out.push(countLine(groups), "", "_The full list did not fit in a comment: see the job summary._", "");
    } else {
      for (const items of groupBy(groups, (g) => g.first.file).values()) {
        const file = items[0]!.first.file;
        out.push(`<details${items.some((g) => g.first.severity !== "info") ? " open" : ""}>`);
        out.push(`<summary>${escapeInline(file)} (${items.length})</summary>`, "");
        for (const group of items) {
          const f = group.first;
          out.push(
            `- ${ICON[f.severity]} **${f.code}** \`${f.kind}\`${f.classes.length ? ` ${classList(f)}` : ""} (${location(f)}) ${docLink(f, options)}${reach(group.findings)}${levelNote(f)}`,
            `  ${inline(group.message)}`,
            `  _Fix:_ ${inline(f.fix)}`,
          );
        }
        out.push("", "</details>", "");
      }
    }
  }
  if (suppressed.length > 0) {
    const groups = groupFindings(suppressed);
    out.push(
      "<details>",
      `<summary>Suppressed (${groups.length}): not counted in the risk or the gate</summary>`,
      "",
    );
    if (compact) {
      out.push(countLine(groups), "");
    } else {
      for (const group of groups) {
        const f = group.first;
        const by = f.suppressed!;
        out.push(
          `- **${f.code}** \`${f.kind}\`${f.classes.length ? ` ${classList(f)}` : ""} (${location(f)}) ${docLink(f, options)}${reach(group.findings)}: suppressed by ${by.by === "directive" ? "a directive" : "the policy"} at ${code(by.line ? `${by.file}:${by.line}` : by.file)}: ${inline(by.reason)}`,
        );
      }
      out.push("");
    }
    out.push("</details>", "");
  }
  return out.join("\n");
}

/** The Workers an entry reaches, when it names any (` · Worker `a` (top level), ...`). */
function reach(findings: readonly Finding[]): string {
  const labelled = findings.filter((f) => f.worker !== null || f.env !== null);
  return labelled.length === 0 ? "" : ` · ${labelled.map(workerLabel).join(", ")}`;
}

function levelNote(f: Finding): string {
  const p = f.policyLevel;
  if (!p) return "";
  return ` · ${f.severity} by the policy at ${code(p.line ? `${p.file}:${p.line}` : p.file)} (was ${p.from})`;
}

export function riskBadge(risk: Report["risk"]): string {
  const icon = { none: "✅", low: "ℹ️", medium: "⚠️", high: "❌", critical: "🛑" }[risk];
  return `${icon} **${risk} risk**`;
}

/** The entries counted by code, one list item per code (`- DO201 \`history-edited\`: 2`). */
export function countLine(groups: readonly FindingGroup[]): string {
  const counts = new Map<string, number>();
  for (const { first: f } of groups) {
    const key = `${f.code} \`${f.kind}\``;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `- ${k}: ${n}`).join("\n");
}

function classList(f: Finding): string {
  return f.classes.map(code).join(f.kind === "class-renamed" || f.kind === "probable-rename" ? " → " : ", ");
}

function workerLabel(f: Finding): string {
  const env = f.env === null ? "top level" : `env ${code(f.env)}`;
  return f.worker ? `Worker ${code(f.worker)} (${env})` : env;
}

/** What the live plan counted for a destroyed class: " (12,408 objects (…) live)", or nothing. */
function liveObjects(report: Report, f: Finding): string {
  const planned = report.workers?.find((w) => w.live === "read" && w.name === f.worker && w.file === f.file);
  const d = planned?.destroys.find((x) => x.className === f.classes[0]);
  if (!d || d.objects === null) return "";
  return `: ${objectsText({ objects: d.objects, withData: d.objectsWithData, capped: d.capped })} live`;
}

function location(f: Finding): string {
  return code(f.line ? `${f.file}:${f.line}` : f.file);
}

function docLink(f: Finding, options: MarkdownOptions): string {
  const base = options.docsBaseUrl ? `${options.docsBaseUrl.replace(/\/$/, "")}/` : "";
  return `[${f.code}](${base}${findingDocsAnchor(f.code)})`;
}

/**
 * Text inside an HTML element of the comment (the `<summary>` lines). GitHub does not read
 * Markdown inside an HTML block, so HTML is escaped, and brackets and backticks become entities
 * (shown as they are, never Markdown even if the block were read as such); mentions and
 * references are still linked there, so they are broken up too.
 */
function escapeInline(text: string): string {
  return unlinked(escapeHtml(displayable(text, " ")).replace(/[[\]`]/g, (ch) => `&#${ch.charCodeAt(0)};`));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

// The report as GitHub-flavoured Markdown: the PR comment and the job summary. Every string that
// comes from a config (class names, tags, paths) is either inside a code span or escaped, so a
// pull request cannot inject markup, mentions, links or a forged marker.
import { findingDocsAnchor, severityRank } from "../catalogue.ts";
import type { Finding, Report, Severity } from "../model.ts";
import { objectsText } from "../text/objects.ts";
import { type FindingGroup, groupFindings } from "./groups.ts";
import { code, htmlText, inline } from "./markdown-text.ts";
import { hasLivePlan, renderPlanMarkdown } from "./plan-table.ts";

export const COMMENT_LIMIT = 65_536;

export interface MarkdownOptions {
  /** A hidden first line (e.g. the sticky-comment marker), written as is: callers build it. */
  readonly marker?: string;
  readonly heading?: string;
  /**
   * The pull request comment: read in ten seconds, the rest collapsed (other findings one line
   * each, no repeated advice); the full report stays in the job summary. Default: the full report.
   */
  readonly comment?: boolean;
  /** The acknowledgement block (renderAcknowledgementSection), right under the data loss. */
  readonly acknowledgement?: string | null;
  /** Extra Markdown blocks after the data loss and its advice (already safe: built by the caller). */
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

/**
 * The data-loss entries a reader needs: one per change, and a class deleted and re-created
 * under a new name (DO102) once, as the rename it looks like, not also as a plain delete.
 */
export function lossGroups(losses: readonly Finding[]): FindingGroup[] {
  const groups = groupFindings(losses);
  const renamed = new Set(
    groups
      .filter((g) => g.first.kind === "probable-rename")
      .map((g) => `${g.first.file}\u0000${g.first.tag}\u0000${g.first.classes[0]}`),
  );
  return groups.filter(
    (g) =>
      g.first.kind !== "class-deleted" ||
      !renamed.has(`${g.first.file}\u0000${g.first.tag}\u0000${g.first.classes[0]}`),
  );
}

/**
 * How to delete safely, said once: two deploys, and this action's deploy mode. Null when no
 * change deletes a class outright (a rename written as delete + create has its own fix).
 */
export function deleteAdvice(groups: readonly FindingGroup[]): string | null {
  const deleted = [
    ...new Set(groups.filter((g) => g.first.kind === "class-deleted").flatMap((g) => g.first.classes)),
  ];
  if (deleted.length === 0) return null;
  return [
    "**To delete safely, deploy twice** (Cloudflare rejects a delete while a binding still points at the class, code 10061):",
    "1. Remove every binding to the class (also other Workers' `script_name` bindings), keep exporting the class, and deploy without the delete.",
    `2. Deploy the delete. \`mode: deploy\` of this action runs both phases; phase 2 needs \`confirm-data-loss: ${deleted.join(",").replace(/[^\w$,]/g, "_")}\`.`,
    "",
    "Meant a rename? `renamed_classes` keeps the objects.",
  ].join("\n");
}

function render(report: Report, options: MarkdownOptions, compact: boolean): string {
  const out: string[] = [];
  if (options.marker) out.push(options.marker);
  const counted = report.findings.filter((f) => !f.suppressed);
  const lost = lossGroups(counted.filter((f) => f.dataLoss));
  const otherGroups = groupFindings(counted.filter((f) => !f.dataLoss));
  out.push(`## ${options.heading ?? "Durable Object migration check"}: ${riskBadge(report.risk)}`, "");
  if (report.findings.length > 0) out.push(verdict(lost, otherGroups), "");
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
  out.push(...lossSection(report, lost, options));
  if (options.acknowledgement) out.push(options.acknowledgement, "");
  const advice = deleteAdvice(lost);
  if (advice) out.push(advice, "");
  for (const section of options.sections ?? []) out.push(section, "");
  out.push(...otherSection(otherGroups, options, compact, advice !== null));
  out.push(
    ...suppressedSection(
      report.findings.filter((f) => f.suppressed),
      options,
      compact,
    ),
  );
  if (options.comment === true)
    out.push("_The full report, every finding with its Workers, is in the job summary of this run._", "");
  return out.join("\n");
}

/** The data loss: one line per change, with the Workers it destroys objects in. */
function lossSection(report: Report, lost: readonly FindingGroup[], options: MarkdownOptions): string[] {
  if (lost.length === 0) return [];
  const brief = options.comment === true;
  const out: string[] = [];
  for (const group of lost) {
    const f = group.first;
    const what =
      f.kind === "probable-rename"
        ? "deleted and re-created (a rename written as delete + create)"
        : "deleted";
    const n = group.findings.length;
    out.push(
      `- **${classList(f)}** ${what}${f.tag ? ` by migration ${code(f.tag)}` : ""} (${location(f)}) ${docLink(f, options)}: ${brief ? "in " : `destroys every object in ${n === 1 ? "" : `${n} Workers: `}`}${group.findings.map((g) => `${workerLabel(g)}${liveObjects(report, g)}`).join(", ")}${f.unlessRan ? `, unless ${n === 1 ? "it has" : "they have"} run ${code(f.unlessRan)}` : ""}${f.ifRan ? `, if ${n === 1 ? "it has" : "they have"} run ${code(f.ifRan)}` : ""}.`,
    );
    // What the line alone does not say: the live plan's cause, or the condition of the loss.
    if (f.kind === "live-tag-unknown" || f.kind === "undeployed-step" || f.unlessRan || f.ifRan)
      out.push(`  ${inline(group.message)}`);
    if (f.kind !== "class-deleted") out.push(`  **Fix:** ${inline(f.fix)}`);
  }
  out.push("");
  return out;
}

/**
 * The other findings: in the comment one closed block, most severe first (a fix that repeats the
 * two-deploy advice points at it); in the full report one block per config file.
 */
function otherSection(
  otherGroups: readonly FindingGroup[],
  options: MarkdownOptions,
  compact: boolean,
  advised: boolean,
): string[] {
  if (otherGroups.length === 0) return [];
  const out: string[] = [];
  if (options.comment === true) {
    out.push("<details>", `<summary>${otherSummary(otherGroups)}</summary>`, "");
    if (compact) out.push(countLine(otherGroups), "");
    else {
      for (const group of bySeverity(otherGroups)) {
        const f = group.first;
        out.push(
          ...entry(group, options),
          `  _Fix:_ ${advised && /two deploys/i.test(f.fix) ? "the two deploys above." : inline(f.fix)}`,
        );
      }
      out.push("");
    }
    out.push("</details>", "");
    return out;
  }
  out.push(`### Other findings (${otherGroups.length})`, "");
  if (compact) {
    out.push(
      countLine(otherGroups),
      "",
      "_The full list did not fit in a comment: see the job summary._",
      "",
    );
    return out;
  }
  for (const items of groupBy(otherGroups, (g) => g.first.file).values()) {
    const file = items[0]!.first.file;
    out.push(`<details${items.some((g) => g.first.severity !== "info") ? " open" : ""}>`);
    out.push(`<summary>${htmlText(file)} (${items.length})</summary>`, "");
    for (const group of items) out.push(...entry(group, options), `  _Fix:_ ${inline(group.first.fix)}`);
    out.push("", "</details>", "");
  }
  return out;
}

/** The suppressed findings, closed: each with the directive or policy rule that suppresses it. */
function suppressedSection(
  suppressed: readonly Finding[],
  options: MarkdownOptions,
  compact: boolean,
): string[] {
  if (suppressed.length === 0) return [];
  const groups = groupFindings(suppressed);
  const out = [
    "<details>",
    `<summary>Suppressed (${groups.length}): not counted in the risk or the gate</summary>`,
    "",
  ];
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
  return out;
}

/**
 * The first line under the heading: what the change does, in one sentence (a destroy line, as
 * `terraform plan` gives one), then how many other findings there are.
 */
function verdict(lost: readonly FindingGroup[], others: readonly FindingGroup[]): string {
  const counts = severityCounts(others);
  if (lost.length === 0) return `**No data loss found.**${counts ? ` ${counts}.` : ""}`;
  const classes = [
    ...new Set(
      lost.flatMap((g) =>
        g.first.kind === "probable-rename" ? g.first.classes.slice(0, 1) : g.first.classes,
      ),
    ),
  ];
  const workers = new Set(
    lost.flatMap((g) => g.findings.map((f) => `${f.file}\u0000${f.worker}\u0000${f.env}`)),
  );
  // Every loss conditional: "may", and on what (a step not run yet, or a step run already).
  const may = lost.every((g) => g.first.unlessRan || g.first.ifRan);
  const condition = lost.every((g) => g.first.unlessRan)
    ? ` that ${workers.size === 1 ? "has" : "have"} not run that migration yet`
    : lost.every((g) => g.first.ifRan)
      ? ` that already ${workers.size === 1 ? "has" : "have"} run a migration the base revision does not have`
      : " (each loss depends on the migrations the Worker has run)";
  return [
    "> [!CAUTION]",
    `> **This change ${may ? "may destroy" : "destroys"} Durable Object data:** ${classes.length === 0 ? "objects and all their storage" : `every object of ${andCode(classes)} and all ${classes.length === 1 ? "its" : "their"} storage`}, irreversibly, in ${workers.size} Worker${workers.size === 1 ? "" : "s"}${may ? condition : ""}.${counts ? ` Also ${counts}.` : ""}`,
  ].join("\n");
}

function andCode(names: readonly string[]): string {
  const quoted = names.map(code);
  return quoted.length < 2 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
}

const SEVERITY_NAMES: Record<Severity, [string, string]> = {
  critical: ["critical", "critical"],
  error: ["error", "errors"],
  warning: ["warning", "warnings"],
  info: ["info", "info"],
};

/** `❌ 1 error · ⚠️ 2 warnings`, most severe first; "" for none. */
function severityCounts(groups: readonly FindingGroup[]): string {
  return (["critical", "error", "warning", "info"] as const)
    .map((s) => [s, groups.filter((g) => g.first.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${ICON[s]} ${n} ${SEVERITY_NAMES[s][n === 1 ? 0 : 1]}`)
    .join(" · ");
}

function otherSummary(groups: readonly FindingGroup[]): string {
  return `${groups.length} other finding${groups.length === 1 ? "" : "s"}: ${severityCounts(groups)}`;
}

function bySeverity(groups: readonly FindingGroup[]): FindingGroup[] {
  return [...groups].sort((a, b) => severityRank(b.first.severity) - severityRank(a.first.severity));
}

/** A finding of the other findings: code, kind, classes, place, Workers, then its message. */
function entry(group: FindingGroup, options: MarkdownOptions): string[] {
  const f = group.first;
  return [
    `- ${ICON[f.severity]} **${f.code}** \`${f.kind}\`${f.classes.length ? ` ${classList(f)}` : ""} (${location(f)}) ${docLink(f, options)}${reach(group.findings)}${levelNote(f)}`,
    `  ${inline(group.message)}`,
  ];
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

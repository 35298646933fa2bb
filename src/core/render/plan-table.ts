// The live plan as a table, like a `terraform plan`: per Worker, the live migration tag, what the
// next deploy sends and what it destroys. The PR comment, the job summary, the CLI's text output
// and the deploy's `phase: plan` all render it here. Config strings are code spans (markdown.ts).
import type { PlannedWorker } from "../model.ts";
import { displayable } from "../text/display.ts";
import { objectsText, thousands } from "../text/objects.ts";
import { code, inline } from "./markdown-text.ts";

/** How a cell is written: Markdown (code spans, marks) or plain text for a terminal. */
interface Style {
  readonly code: (text: string) => string;
  readonly prose: (text: string) => string;
  /** A mark such as 🛑 in Markdown, nothing in text. */
  readonly mark: (emoji: string) => string;
  readonly joiner: string;
}

const MARKDOWN: Style = { code, prose: inline, mark: (e) => `${e} `, joiner: "<br>" };
const TEXT: Style = {
  code: (t) => displayable(t, "?"),
  prose: (t) => displayable(t.replace(/`/g, ""), "?"),
  mark: () => "",
  joiner: "; ",
};

/** Most rows of the table before the rest is counted instead (the comment has a size limit). */
const MAX_ROWS = 100;

/** Whether the plan has anything the live state said (a table is shown only then). */
export function hasLivePlan(workers: readonly PlannedWorker[] | undefined): boolean {
  return (workers ?? []).some((w) => w.live === "read" || w.live === "failed");
}

export function renderPlanMarkdown(
  workers: readonly PlannedWorker[],
  options: { readonly heading?: string; readonly level?: number; readonly maxRows?: number } = {},
): string {
  const rows = [...workers].sort(byDestruction);
  const max = options.maxRows ?? MAX_ROWS;
  const out = [
    `${"#".repeat(options.level ?? 3)} ${options.heading ?? "Live plan: what the next deploy does"}`,
    "",
    "| Worker | Live tag | Next deploy sends | Destroys |",
    "| --- | --- | --- | --- |",
  ];
  for (const w of rows.slice(0, max)) {
    const m = MARKDOWN;
    out.push(`| ${workerCell(w)} | ${tagCell(w, m)} | ${sendsCell(w, m)} | ${destroysCell(w, m)} |`);
  }
  if (rows.length > max)
    out.push("", `_… and ${rows.length - max} more Workers (see the JSON report's \`workers\`)._`);
  out.push("", `**Plan:** ${summary(workers, MARKDOWN)}`);
  return out.join("\n");
}

/** The plan for a terminal: one line per Worker. */
export function renderPlanText(workers: readonly PlannedWorker[]): string[] {
  const t = TEXT;
  const lines = [`plan: ${summary(workers, t)}`];
  for (const w of [...workers].sort(byDestruction)) {
    const who = t.code(`${w.name ?? "(unnamed)"} (${w.file}${w.env === null ? "" : `, env ${w.env}`})`);
    if (w.live !== "read") {
      lines.push(`  ${who}: not read${w.problem ? `: ${t.prose(w.problem)}` : ""}`);
      continue;
    }
    const tag = w.deployed === false ? "not deployed" : `live tag ${tagCell(w, t)}`;
    lines.push(`  ${who}: ${tag}; sends ${sendsCell(w, t)}; destroys ${destroysCell(w, t)}`);
  }
  return lines;
}

/** Data-destroying rows first, then the order of the report (file, environment). */
function byDestruction(a: PlannedWorker, b: PlannedWorker): number {
  return Number(b.destroys.length > 0) - Number(a.destroys.length > 0);
}

function workerCell(w: PlannedWorker): string {
  const where = [code(w.file), ...(w.env === null ? [] : [`env ${code(w.env)}`])].join(", ");
  return `${w.name === null ? "(no name)" : code(w.name)} (${where})`;
}

function tagCell(w: PlannedWorker, s: Style): string {
  if (w.live !== "read") return "not read";
  if (w.deployed === false) return "not deployed";
  if (w.model === "exports") return `none (${s.code("exports")})`;
  if (w.liveTag === null) return "none";
  return w.sendKind === "replay"
    ? `${s.code(w.liveTag)} ${s.mark("⚠️")}not in this branch`
    : s.code(w.liveTag);
}

function sendsCell(w: PlannedWorker, s: Style): string {
  if (w.live !== "read") return "—";
  const n = w.sends.length;
  const steps = `${n} step${n === 1 ? "" : "s"}`;
  switch (w.sendKind) {
    case "none":
      return "no Durable Object lifecycle";
    case "nothing":
      return "no migration (up to date)";
    case "exports":
      return `the ${s.code("exports")} map (${n} entr${n === 1 ? "y" : "ies"})${tombstonesText(w, s)}`;
    case "first":
      return `${range(w, s)}: all ${steps}${w.deployed ? " (no live tag)" : " (first deploy)"}${rejection(w, s)}`;
    case "replay":
      return `${range(w, s)}: all ${steps} again (a replay)${rejection(w, s)}`;
    default:
      return `${tagList(w, s)}${rejection(w, s)}`;
  }
}

/** The tombstones of an `exports` map: which ones the deploy applies, which ones may go. */
function tombstonesText(w: PlannedWorker, s: Style): string {
  const groups = (["pending", "applied", "unknown"] as const)
    .map((status) => [status, (w.tombstones ?? []).filter((t) => t.status === status)] as const)
    .filter(([, list]) => list.length > 0);
  if (groups.length === 0) return "";
  const said = {
    pending: "pending (this deploy applies them)",
    applied: `applied (removable from ${s.code("exports")}: cleanup, not a delete)`,
    unknown: "not known (the namespaces were not read)",
  };
  const parts = groups.map(
    ([status, list]) => `${list.map((t) => s.code(t.className)).join(", ")} ${said[status]}`,
  );
  return `; tombstones: ${parts.join("; ")}`;
}

function tagList(w: PlannedWorker, s: Style): string {
  const fromBase = new Set(w.fromBase);
  const shown = (tag: string) => `${s.code(tag)}${fromBase.has(tag) ? " (base)" : ""}`;
  const tags = w.sends;
  if (tags.length <= 6) return tags.map(shown).join(", ");
  return `${tags.slice(0, 2).map(shown).join(", ")}, …, ${tags.slice(-2).map(shown).join(", ")}`;
}

/** Every step is sent: from the first tag to the last. */
function range(w: PlannedWorker, s: Style): string {
  const [first, last] = [w.sends[0], w.sends[w.sends.length - 1]];
  if (first === undefined || last === undefined) return "";
  return first === last ? s.code(first) : `${s.code(first)} to ${s.code(last)}`;
}

function rejection(w: PlannedWorker, s: Style): string {
  if (!w.rejected) return "";
  return `; ${s.mark("❌")}rejected at ${s.code(w.rejected.tag ?? "?")} (code 10074)`;
}

function destroysCell(w: PlannedWorker, s: Style): string {
  if (w.live !== "read") return w.problem ? s.prose(w.problem) : "—";
  if (w.destroys.length === 0) return w.rejected ? "nothing (the deploy is rejected)" : "nothing";
  return w.destroys
    .map(
      (d) =>
        `${s.mark("🛑")}${s.code(d.className)}: ${objectsText({ objects: d.objects, withData: d.objectsWithData, capped: d.capped })}`,
    )
    .join(s.joiner);
}

function summary(workers: readonly PlannedWorker[], s: Style): string {
  const read = workers.filter((w) => w.live === "read");
  const destroying = read.filter((w) => w.destroys.length > 0);
  const objects = destroying.flatMap((w) => w.destroys).reduce((n, d) => n + (d.objects ?? 0), 0);
  const capped = destroying.some((w) => w.destroys.some((d) => d.capped || d.objects === null));
  const parts = [`${read.length} Worker${read.length === 1 ? "" : "s"} read`];
  if (destroying.length > 0) {
    parts.push(
      `${s.mark("🛑")}${destroying.length} destroy${destroying.length === 1 ? "s" : ""} data (${capped ? "at least " : ""}${thousands(objects)} object${objects === 1 ? "" : "s"})`,
    );
  } else parts.push("nothing destroyed");
  const fresh = read.filter((w) => w.deployed === false).length;
  if (fresh > 0) parts.push(`${fresh} not deployed yet`);
  const rejected = read.filter((w) => w.rejected).length;
  if (rejected > 0) parts.push(`${s.mark("❌")}${rejected} rejected`);
  const notRead = workers.length - read.length;
  if (notRead > 0) parts.push(`${notRead} not read (judged from the config alone)`);
  return parts.join(" · ");
}

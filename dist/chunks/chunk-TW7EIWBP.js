import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  code,
  inline
} from "./chunk-CYCF2PHT.js";
import {
  displayable,
  objectsText,
  thousands
} from "./chunk-57KHF4P2.js";

// src/core/render/plan-table.ts
var MARKDOWN = { code, prose: inline, mark: (e) => `${e} `, joiner: "<br>" };
var TEXT = {
  code: (t) => displayable(t, "?"),
  prose: (t) => displayable(t.replace(/`/g, ""), "?"),
  mark: () => "",
  joiner: "; "
};
var MAX_ROWS = 100;
function hasLivePlan(workers) {
  return (workers ?? []).some((w) => w.live === "read" || w.live === "failed");
}
function renderPlanMarkdown(workers, options = {}) {
  const rows = [...workers].sort(byDestruction);
  const max = options.maxRows ?? MAX_ROWS;
  const out = [
    `${"#".repeat(options.level ?? 3)} ${options.heading ?? "Live plan: what the next deploy does"}`,
    "",
    "| Worker | Live tag | Next deploy sends | Destroys |",
    "| --- | --- | --- | --- |"
  ];
  for (const w of rows.slice(0, max)) {
    const m = MARKDOWN;
    out.push(`| ${workerCell(w)} | ${tagCell(w, m)} | ${sendsCell(w, m)} | ${destroysCell(w, m)} |`);
  }
  if (rows.length > max)
    out.push("", `_\u2026 and ${rows.length - max} more Workers (see the JSON report's \`workers\`)._`);
  out.push("", `**Plan:** ${summary(workers, MARKDOWN)}`);
  return out.join("\n");
}
function renderPlanText(workers) {
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
function byDestruction(a, b) {
  return Number(b.destroys.length > 0) - Number(a.destroys.length > 0);
}
function workerCell(w) {
  const where = [code(w.file), ...w.env === null ? [] : [`env ${code(w.env)}`]].join(", ");
  return `${w.name === null ? "(no name)" : code(w.name)} (${where})`;
}
function tagCell(w, s) {
  if (w.live !== "read") return "not read";
  if (w.deployed === false) return "not deployed";
  if (w.model === "exports") return `none (${s.code("exports")})`;
  if (w.liveTag === null) return "none";
  return w.sendKind === "replay" ? `${s.code(w.liveTag)} ${s.mark("\u26A0\uFE0F")}not in this branch` : s.code(w.liveTag);
}
function sendsCell(w, s) {
  if (w.live !== "read") return "\u2014";
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
function tombstonesText(w, s) {
  const groups = ["pending", "applied", "unknown"].map((status) => [status, (w.tombstones ?? []).filter((t) => t.status === status)]).filter(([, list]) => list.length > 0);
  if (groups.length === 0) return "";
  const said = {
    pending: "pending (this deploy applies them)",
    applied: `applied (removable from ${s.code("exports")}: cleanup, not a delete)`,
    unknown: "not known (the namespaces were not read)"
  };
  const parts = groups.map(
    ([status, list]) => `${list.map((t) => s.code(t.className)).join(", ")} ${said[status]}`
  );
  return `; tombstones: ${parts.join("; ")}`;
}
function tagList(w, s) {
  const fromBase = new Set(w.fromBase);
  const shown = (tag) => `${s.code(tag)}${fromBase.has(tag) ? " (base)" : ""}`;
  const tags = w.sends;
  if (tags.length <= 6) return tags.map(shown).join(", ");
  return `${tags.slice(0, 2).map(shown).join(", ")}, \u2026, ${tags.slice(-2).map(shown).join(", ")}`;
}
function range(w, s) {
  const [first, last] = [w.sends[0], w.sends[w.sends.length - 1]];
  if (first === void 0 || last === void 0) return "";
  return first === last ? s.code(first) : `${s.code(first)} to ${s.code(last)}`;
}
function rejection(w, s) {
  if (!w.rejected) return "";
  return `; ${s.mark("\u274C")}rejected at ${s.code(w.rejected.tag ?? "?")} (code 10074)`;
}
function destroysCell(w, s) {
  if (w.live !== "read") return w.problem ? s.prose(w.problem) : "\u2014";
  if (w.destroys.length === 0) return w.rejected ? "nothing (the deploy is rejected)" : "nothing";
  return w.destroys.map(
    (d) => `${s.mark("\u{1F6D1}")}${s.code(d.className)}: ${objectsText({ objects: d.objects, withData: d.objectsWithData, capped: d.capped })}`
  ).join(s.joiner);
}
function summary(workers, s) {
  const read = workers.filter((w) => w.live === "read");
  const destroying = read.filter((w) => w.destroys.length > 0);
  const objects = destroying.flatMap((w) => w.destroys).reduce((n, d) => n + (d.objects ?? 0), 0);
  const capped = destroying.some((w) => w.destroys.some((d) => d.capped || d.objects === null));
  const parts = [`${read.length} Worker${read.length === 1 ? "" : "s"} read`];
  if (destroying.length > 0) {
    parts.push(
      `${s.mark("\u{1F6D1}")}${destroying.length} destroy${destroying.length === 1 ? "s" : ""} data (${capped ? "at least " : ""}${thousands(objects)} object${objects === 1 ? "" : "s"})`
    );
  } else parts.push("nothing destroyed");
  const fresh = read.filter((w) => w.deployed === false).length;
  if (fresh > 0) parts.push(`${fresh} not deployed yet`);
  const rejected = read.filter((w) => w.rejected).length;
  if (rejected > 0) parts.push(`${s.mark("\u274C")}${rejected} rejected`);
  const notRead = workers.length - read.length;
  if (notRead > 0) parts.push(`${notRead} not read (judged from the config alone)`);
  return parts.join(" \xB7 ");
}

export {
  hasLivePlan,
  renderPlanMarkdown,
  renderPlanText
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  displayable
} from "./chunk-KI4BBWDU.js";
import {
  findingDocsAnchor
} from "./chunk-NCYYF5OR.js";

// src/core/render/markdown.ts
var COMMENT_LIMIT = 65536;
var ICON = { critical: "\u{1F6D1}", error: "\u274C", warning: "\u26A0\uFE0F", info: "\u2139\uFE0F" };
function renderMarkdown(report, options = {}) {
  const max = options.maxLength ?? COMMENT_LIMIT;
  const full = render(report, options, false);
  if (full.length <= max) return full;
  const compact = render(report, options, true);
  if (compact.length <= max) return compact;
  const cut = compact.slice(0, max - 200);
  const kept = cut.slice(0, cut.lastIndexOf("\n"));
  const fenceOpen = kept.split("\n").filter((line) => line.startsWith("```")).length % 2 === 1;
  return `${kept}${fenceOpen ? "\n```" : ""}

_\u2026 report truncated: see the job summary and the \`report\` output._
`;
}
function render(report, options, compact) {
  const out = [];
  if (options.marker) out.push(options.marker);
  const losses = report.findings.filter((f) => f.dataLoss);
  const others = report.findings.filter((f) => !f.dataLoss);
  out.push(`## ${options.heading ?? "Durable Object migration check"}: ${riskBadge(report.risk)}`, "");
  const notes = report.notes ?? [];
  if (notes.length > 0) out.push(notes.map((note) => `> \u2139\uFE0F ${inline(note)}`).join("\n>\n"), "");
  if (report.findings.length === 0) {
    out.push("No Durable Object lifecycle changes. Nothing is created, renamed, transferred or deleted.", "");
    return out.join("\n");
  }
  if (losses.length > 0) {
    out.push(
      "> [!CAUTION]",
      `> **This change destroys Durable Object data.** ${losses.length === 1 ? "One change deletes" : `${losses.length} changes delete`} objects and all their storage, irreversibly, on deploy.`,
      "",
      "### \u{1F6D1} Data-destroying changes",
      ""
    );
    for (const group of groupBy(
      losses,
      (f) => `${f.kind}\0${f.file}\0${f.classes.join()}\0${f.tag}`
    ).values()) {
      const f = group[0];
      const what = f.kind === "probable-rename" ? "deleted and re-created (a rename written as delete + create)" : "deleted";
      out.push(
        `- **${classList(f)}** ${what}${f.tag ? ` by migration ${code(f.tag)}` : ""} (${location(f)}) ${docLink(f, options)}: destroys every object in ${group.length === 1 ? "" : `${group.length} Workers: `}${group.map(workerLabel).join(", ")}.`
      );
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
        `The deploy workflow of this action (\`mode: deploy\`, \`phase: auto\`) reads the live state and runs the next phase; phase 2 needs \`confirm-data-loss: ${deleted.join(",").replace(/[^\w$,]/g, "_")}\`. If you meant to rename the class, use \`renamed_classes\` instead.`
      );
    }
    out.push("");
  }
  for (const section of options.sections ?? []) out.push(section, "");
  if (others.length > 0) {
    out.push(`### Other findings (${others.length})`, "");
    if (compact) {
      out.push(countLine(others), "", "_The full list did not fit in a comment: see the job summary._", "");
    } else {
      for (const [group, items] of groupBy(
        others,
        (f) => `${f.file}\0${f.env ?? ""}\0${f.worker ?? ""}`
      )) {
        const first = items[0];
        out.push(`<details${items.some((f) => f.severity !== "info") ? " open" : ""}>`);
        out.push(
          `<summary>${escapeInline(first.file)} \xB7 ${first.env === null ? "top level" : `env ${escapeInline(first.env)}`}${first.worker ? ` \xB7 Worker ${escapeInline(first.worker)}` : ""} (${items.length})</summary>`,
          ""
        );
        for (const f of items) {
          out.push(
            `- ${ICON[f.severity]} **${f.code}** \`${f.kind}\`${f.classes.length ? ` ${classList(f)}` : ""} (${location(f)}) ${docLink(f, options)}`,
            `  ${inline(f.message)}`,
            `  _Fix:_ ${inline(f.fix)}`
          );
        }
        out.push("", "</details>", "");
        void group;
      }
    }
  }
  return out.join("\n");
}
function riskBadge(risk) {
  const icon = { none: "\u2705", low: "\u2139\uFE0F", medium: "\u26A0\uFE0F", high: "\u274C", critical: "\u{1F6D1}" }[risk];
  return `${icon} **${risk} risk**`;
}
function countLine(findings) {
  const counts = /* @__PURE__ */ new Map();
  for (const f of findings)
    counts.set(`${f.code} \`${f.kind}\``, (counts.get(`${f.code} \`${f.kind}\``) ?? 0) + 1);
  return [...counts].map(([k, n]) => `- ${k}: ${n}`).join("\n");
}
function classList(f) {
  return f.classes.map(code).join(f.kind === "class-renamed" || f.kind === "probable-rename" ? " \u2192 " : ", ");
}
function workerLabel(f) {
  const env = f.env === null ? "top level" : `env ${code(f.env)}`;
  return f.worker ? `Worker ${code(f.worker)} (${env})` : env;
}
function location(f) {
  return code(f.line ? `${f.file}:${f.line}` : f.file);
}
function docLink(f, options) {
  const base = options.docsBaseUrl ? `${options.docsBaseUrl.replace(/\/$/, "")}/` : "";
  return `[${f.code}](${base}${findingDocsAnchor(f.code)})`;
}
function code(text) {
  const clean = displayable(text.replace(/`/g, "'")).replace(/\|/g, "\\|").replace(/<!--/g, `<!-${WORD_JOINER}-`);
  return `\`${clean}\``;
}
function inline(message) {
  return message.split("`").map((part, i) => i % 2 === 1 ? code(part) : escapeMarkdown(part)).join("");
}
function escapeMarkdown(text) {
  return unlinked(escapeHtml(displayable(text, " ")).replace(/([\\*_[\]()#!|~>+=])/g, "\\$1"));
}
function escapeInline(text) {
  return unlinked(escapeHtml(displayable(text, " ")).replace(/[[\]`]/g, (ch) => `&#${ch.charCodeAt(0)};`));
}
var WORD_JOINER = "\u2060";
function unlinked(text) {
  return text.replace(/@/g, `@${WORD_JOINER}`).replace(/#(?=\d)/g, `#${WORD_JOINER}`).replace(/\b(GH)-(?=\d)/gi, `$1${WORD_JOINER}-`).replace(/:\/\//g, `:${WORD_JOINER}//`).replace(/\b(www)\./gi, `$1${WORD_JOINER}.`);
}
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
function groupBy(items, key) {
  const groups = /* @__PURE__ */ new Map();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export {
  renderMarkdown,
  riskBadge,
  code,
  inline
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  editsClash,
  lineEdits,
  lineReplacement,
  unifiedDiff
} from "./chunk-DIFIIKNJ.js";
import {
  inline
} from "./chunk-CYCF2PHT.js";
import {
  severityRank
} from "./chunk-57KHF4P2.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-FDGYIFXX.js";

// src/core/fix/suggestions.ts
function patchHunks(patch) {
  if (!patch) return [];
  const hunks = [];
  let current = null;
  for (const line of patch.split("\n")) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (header) {
      const start = Number(header[1]);
      const count = header[2] === void 0 ? 1 : Number(header[2]);
      current = { start, end: start + count - 1 };
      if (count > 0) hunks.push(current);
    }
  }
  return hunks;
}
function suggestionMarker(scope, offerId) {
  return `<!-- do-migrate-action:suggestion:${scope}:${offerId} -->`;
}
function markerOfferId(scope, body) {
  const prefix = `<!-- do-migrate-action:suggestion:${scope}:`;
  const first = body.trimStart();
  if (!first.startsWith(prefix)) return null;
  const end = first.indexOf(" -->", prefix.length);
  return end < 0 ? null : first.slice(prefix.length, end);
}
function planSuggestions(offers, hunksOf, existing, scope) {
  const create = [];
  const update = [];
  const elsewhere = [];
  const kept = /* @__PURE__ */ new Set();
  let unchanged = 0;
  for (const { offer, range } of onePerRange(offers)) {
    const inDiff = hunksOf(offer.file).some((h) => h.start <= range.start && range.end <= h.end);
    if (!inDiff) {
      elsewhere.push({ offer, why: "outside-diff" });
      continue;
    }
    const body = suggestionBody(offer, range, scope);
    const same = existing.find(
      (e) => !kept.has(e.id) && e.offerId === offer.id && e.path === offer.file && e.line === range.end && (e.startLine ?? e.line) === range.start
    );
    if (same) {
      kept.add(same.id);
      if (same.body.replace(/\r\n/g, "\n") === body) unchanged++;
      else update.push({ id: same.id, body });
      continue;
    }
    create.push({ offer, path: offer.file, start: range.start, end: range.end, body });
  }
  const resolve = [];
  const remove = [];
  for (const old of existing) {
    if (kept.has(old.id)) continue;
    if (!old.hasReplies) remove.push(old.id);
    else {
      const resolved = resolvedBody(scope, old.offerId);
      if (old.body.replace(/\r\n/g, "\n") !== resolved) resolve.push({ id: old.id, body: resolved });
    }
  }
  return { create, update, resolve, remove, unchanged, elsewhere };
}
function onePerRange(offers) {
  const weight = (offer) => Math.max(...offer.targets.map((t) => (t.dataLoss ? 10 : 0) + severityRank(t.severity)));
  const placed = offers.flatMap((offer, order) => {
    const range = lineReplacement(offer.before, offer.after);
    const edits = lineEdits(offer.before, offer.after);
    const sameRange = (o) => {
      const r = lineReplacement(o.before, o.after);
      return r !== null && r.start === range?.start && r.end === range.end;
    };
    return range ? [{ offer, range, edits, sameRange, order, weight: weight(offer) }] : [];
  });
  const chosen = [];
  for (const candidate of [...placed].sort((a, b) => b.weight - a.weight || a.order - b.order)) {
    const clashes = chosen.some(
      (c) => c.offer.file === candidate.offer.file && (c.sameRange(candidate.offer) || editsClash(c.edits, candidate.edits))
    );
    if (!clashes) chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.order - b.order).map(({ offer, range }) => ({ offer, range }));
}
function fenceFor(text) {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}
function caution(offer) {
  if (offer.flag === "--accept-deletes")
    return "> [!CAUTION]\n> Committing this makes a delete real: every object of the class and all its storage are destroyed on deploy.";
  if (offer.flag === "--accept-renames")
    return "> [!NOTE]\n> This changes what the migration does: the objects are renamed and kept instead of destroyed and created empty.";
  return null;
}
function codes(offer) {
  return [...new Set(offer.targets.map((t) => t.code))].join(", ");
}
function suggestionBody(offer, range, scope) {
  const content = range.lines.join("\n");
  const fence = fenceFor(content);
  const parts = [
    suggestionMarker(scope, offer.id),
    `\u{1F527} **do-migrate fix** (${codes(offer)}): ${inline(offer.title)}`
  ];
  const note = caution(offer);
  if (note) parts.push("", note);
  parts.push(
    "",
    `${fence}suggestion`,
    ...content === "" ? [] : [content],
    fence,
    "",
    "_Checked by analysing the fixed config again: it resolves the finding and adds none._"
  );
  return parts.join("\n");
}
function resolvedBody(scope, offerId) {
  return `${suggestionMarker(scope, offerId)}
\u2705 Resolved: this fix is no longer needed here (the config changed since).`;
}
function reviewBody(scope, count) {
  return `<!-- do-migrate-action:review:${scope} -->
\u{1F527} **do-migrate**: ${count} suggested fix${count === 1 ? "" : "es"} for this pull request's Durable Object config. Each one was checked by analysing the fixed config again.`;
}
var MAX_DIFF_LINES = 80;
function renderFixSection(posted, elsewhere) {
  if (posted === 0 && elsewhere.length === 0) return null;
  const out = ["### \u{1F527} Mechanical fixes", ""];
  if (posted > 0)
    out.push(
      `${posted} fix${posted === 1 ? " is" : "es are"} posted as suggestions on the changed lines: commit ${posted === 1 ? "it" : "them"} from the review.`,
      ""
    );
  if (elsewhere.length > 0) {
    const flags = [...new Set(elsewhere.flatMap((e) => e.offer.flag ? [e.offer.flag] : []))];
    const why = elsewhere.some((e) => e.why === "not-posted") ? "could not be posted as suggestions (the token cannot write reviews, as for pull requests from forks)" : "touch lines outside this pull request's diff, so GitHub does not take them as suggestions";
    out.push(
      `${elsewhere.length === 1 ? "This fix" : `These ${elsewhere.length} fixes`} ${why}. Apply ${elsewhere.length === 1 ? "it" : "them"} with \`do-migrate fix${flags.length ? ` ${flags.join(" ")}` : ""}\` in a checkout of the branch, or by hand:`,
      ""
    );
    for (const { offer } of elsewhere) {
      const lines = unifiedDiff(offer.file, offer.before, offer.after).replace(/\n$/, "").split("\n");
      const shown = lines.length > MAX_DIFF_LINES ? [...lines.slice(0, MAX_DIFF_LINES), "\u2026 (diff cut; run do-migrate fix)"] : lines;
      const text = shown.join("\n");
      const fence = fenceFor(text);
      const flag = offer.flag ? ` (needs \`${offer.flag}\`)` : "";
      out.push(
        `<details><summary>${codes(offer)}: ${inline(offer.title)}${flag}</summary>`,
        "",
        `${fence}diff`,
        text,
        fence,
        "",
        "</details>",
        ""
      );
    }
  }
  return out.join("\n");
}
export {
  markerOfferId,
  onePerRange,
  patchHunks,
  planSuggestions,
  renderFixSection,
  resolvedBody,
  reviewBody,
  suggestionBody,
  suggestionMarker
};

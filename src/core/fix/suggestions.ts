// The pull request's one-click fixes: which proven fix can be a GitHub suggestion (its lines lie
// in one hunk of the pull request's diff, which is all GitHub accepts), the review comments to
// create, update or retire so a re-run never duplicates one, and the Markdown of each comment and
// of the sticky comment's section for the fixes that cannot be suggestions. Pure: the GitHub
// calls are the action's.
import { severityRank } from "../catalogue.ts";
import { inline } from "../render/markdown-text.ts";
import type { FixOffer } from "./fix.ts";
import { editsClash, type LineReplacement, lineEdits, lineReplacement, unifiedDiff } from "./patch.ts";

/** The head-side line ranges of a file's diff hunks (GitHub's `patch` of the pull request file). */
export function patchHunks(patch: string | null | undefined): { start: number; end: number }[] {
  if (!patch) return [];
  const hunks: { start: number; end: number }[] = [];
  let current: { start: number; end: number } | null = null;
  for (const line of patch.split("\n")) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (header) {
      const start = Number(header[1]);
      const count = header[2] === undefined ? 1 : Number(header[2]);
      current = { start, end: start + count - 1 };
      if (count > 0) hunks.push(current);
    }
  }
  return hunks;
}

export interface PlacedSuggestion {
  readonly offer: FixOffer;
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly body: string;
}

/** A review comment of ours from an earlier run (found by its marker and author). */
export interface ExistingSuggestion {
  readonly id: number;
  readonly offerId: string;
  readonly path: string;
  /** null: outdated (its lines are gone from the diff). */
  readonly line: number | null;
  readonly startLine: number | null;
  readonly body: string;
  readonly hasReplies: boolean;
}

export interface SuggestionPlan {
  readonly create: readonly PlacedSuggestion[];
  /** Our comments whose fix is still offered at the same lines, with a new body. */
  readonly update: readonly { readonly id: number; readonly body: string }[];
  /** Our comments whose fix is gone and that somebody replied to: marked resolved. */
  readonly resolve: readonly { readonly id: number; readonly body: string }[];
  /** Our comments whose fix is gone, without replies: deleted. */
  readonly remove: readonly number[];
  readonly unchanged: number;
  /** Offers that cannot be suggestions, with why. */
  readonly elsewhere: readonly { readonly offer: FixOffer; readonly why: "outside-diff" | "not-posted" }[];
}

export function suggestionMarker(scope: string, offerId: string): string {
  return `<!-- do-migrate-action:suggestion:${scope}:${offerId} -->`;
}

/** The offer id in one of our markers, or null. */
export function markerOfferId(scope: string, body: string): string | null {
  const prefix = `<!-- do-migrate-action:suggestion:${scope}:`;
  const first = body.trimStart();
  if (!first.startsWith(prefix)) return null;
  const end = first.indexOf(" -->", prefix.length);
  return end < 0 ? null : first.slice(prefix.length, end);
}

/**
 * Places every offer (one suggestion each, spanning all its changed lines) and reconciles with
 * the comments an earlier run left: the same fix at the same lines is kept or its body updated;
 * one no longer offered (fixed, or moved) is deleted, or, when somebody replied to it, marked
 * resolved instead.
 */
export function planSuggestions(
  offers: readonly FixOffer[],
  hunksOf: (path: string) => readonly { start: number; end: number }[],
  existing: readonly ExistingSuggestion[],
  scope: string,
): SuggestionPlan {
  const create: PlacedSuggestion[] = [];
  const update: { id: number; body: string }[] = [];
  const elsewhere: { offer: FixOffer; why: "outside-diff" | "not-posted" }[] = [];
  const kept = new Set<number>();
  let unchanged = 0;
  for (const { offer, range } of onePerRange(offers)) {
    const inDiff = hunksOf(offer.file).some((h) => h.start <= range.start && range.end <= h.end);
    if (!inDiff) {
      elsewhere.push({ offer, why: "outside-diff" });
      continue;
    }
    const body = suggestionBody(offer, range, scope);
    const same = existing.find(
      (e) =>
        !kept.has(e.id) &&
        e.offerId === offer.id &&
        e.path === offer.file &&
        e.line === range.end &&
        (e.startLine ?? e.line) === range.start,
    );
    if (same) {
      kept.add(same.id);
      if (same.body.replace(/\r\n/g, "\n") === body) unchanged++;
      else update.push({ id: same.id, body });
      continue;
    }
    create.push({ offer, path: offer.file, start: range.start, end: range.end, body });
  }
  const resolve: { id: number; body: string }[] = [];
  const remove: number[] = [];
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

/**
 * At most one fix per range of lines: fixes that change the same lines are alternatives (a
 * rename in place of a delete + create, or the same delete split off), and two suggestions there
 * would contradict each other. The fix of the most serious finding is kept (data loss first,
 * then severity, then the order of the report); the others come back on the next run if the
 * kept one is not taken and they still apply. Fixes whose edits touch different lines (one
 * inserts below a line the other rewrites) both stay, even when GitHub's ranges meet.
 */
export function onePerRange(
  offers: readonly FixOffer[],
): { readonly offer: FixOffer; readonly range: LineReplacement }[] {
  const weight = (offer: FixOffer) =>
    Math.max(...offer.targets.map((t) => (t.dataLoss ? 10 : 0) + severityRank(t.severity)));
  const placed = offers.flatMap((offer, order) => {
    const range = lineReplacement(offer.before, offer.after);
    const edits = lineEdits(offer.before, offer.after);
    const sameRange = (o: FixOffer) => {
      const r = lineReplacement(o.before, o.after);
      return r !== null && r.start === range?.start && r.end === range.end;
    };
    return range ? [{ offer, range, edits, sameRange, order, weight: weight(offer) }] : [];
  });
  const chosen: typeof placed = [];
  for (const candidate of [...placed].sort((a, b) => b.weight - a.weight || a.order - b.order)) {
    const clashes = chosen.some(
      (c) =>
        c.offer.file === candidate.offer.file &&
        (c.sameRange(candidate.offer) || editsClash(c.edits, candidate.edits)),
    );
    if (!clashes) chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.order - b.order).map(({ offer, range }) => ({ offer, range }));
}

/** A fence longer than any run of backticks in the text, so config text cannot close it. */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}

function caution(offer: FixOffer): string | null {
  if (offer.flag === "--accept-deletes")
    return "> [!CAUTION]\n> Committing this makes a delete real: every object of the class and all its storage are destroyed on deploy.";
  if (offer.flag === "--accept-renames")
    return "> [!NOTE]\n> This changes what the migration does: the objects are renamed and kept instead of destroyed and created empty.";
  return null;
}

function codes(offer: FixOffer): string {
  return [...new Set(offer.targets.map((t) => t.code))].join(", ");
}

export function suggestionBody(offer: FixOffer, range: LineReplacement, scope: string): string {
  const content = range.lines.join("\n");
  const fence = fenceFor(content);
  const parts = [
    suggestionMarker(scope, offer.id),
    `🔧 **do-migrate fix** (${codes(offer)}): ${inline(offer.title)}`,
  ];
  const note = caution(offer);
  if (note) parts.push("", note);
  parts.push(
    "",
    `${fence}suggestion`,
    ...(content === "" ? [] : [content]),
    fence,
    "",
    "_Checked by analysing the fixed config again: it resolves the finding and adds none._",
  );
  return parts.join("\n");
}

export function resolvedBody(scope: string, offerId: string): string {
  return `${suggestionMarker(scope, offerId)}\n✅ Resolved: this fix is no longer needed here (the config changed since).`;
}

export function reviewBody(scope: string, count: number): string {
  return `<!-- do-migrate-action:review:${scope} -->\n🔧 **do-migrate**: ${count} suggested fix${count === 1 ? "" : "es"} for this pull request's Durable Object config. Each one was checked by analysing the fixed config again.`;
}

/** Longest diff shown per fix in the sticky comment, in lines. */
const MAX_DIFF_LINES = 80;

/**
 * The sticky comment's section: how many fixes are suggestions, and each other fix as a diff
 * with the command that applies it. Null when there is nothing to say.
 */
export function renderFixSection(
  posted: number,
  elsewhere: readonly { readonly offer: FixOffer; readonly why: "outside-diff" | "not-posted" }[],
): string | null {
  if (posted === 0 && elsewhere.length === 0) return null;
  const out = ["### 🔧 Mechanical fixes", ""];
  if (posted > 0)
    out.push(
      `${posted} fix${posted === 1 ? " is" : "es are"} posted as suggestions on the changed lines: commit ${posted === 1 ? "it" : "them"} from the review.`,
      "",
    );
  if (elsewhere.length > 0) {
    const flags = [...new Set(elsewhere.flatMap((e) => (e.offer.flag ? [e.offer.flag] : [])))];
    const why = elsewhere.some((e) => e.why === "not-posted")
      ? "could not be posted as suggestions (the token cannot write reviews, as for pull requests from forks)"
      : "touch lines outside this pull request's diff, so GitHub does not take them as suggestions";
    out.push(
      `${elsewhere.length === 1 ? "This fix" : `These ${elsewhere.length} fixes`} ${why}. Apply ${elsewhere.length === 1 ? "it" : "them"} with \`do-migrate fix${flags.length ? ` ${flags.join(" ")}` : ""}\` in a checkout of the branch, or by hand:`,
      "",
    );
    for (const { offer } of elsewhere) {
      const lines = unifiedDiff(offer.file, offer.before, offer.after).replace(/\n$/, "").split("\n");
      const shown =
        lines.length > MAX_DIFF_LINES
          ? [...lines.slice(0, MAX_DIFF_LINES), "… (diff cut; run do-migrate fix)"]
          : lines;
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
        "",
      );
    }
  }
  return out.join("\n");
}

// THE Markdown escaper: every Markdown the project writes (the pull request comment, the deploy's
// job summary, the fix suggestions) escapes text here and nowhere else. Every form starts from
// `displayable` (no control or bidi character reaches a reader) and adds what its place needs:
//  - `code`: a config string as a code span no string can break out of (table cells included);
//  - `inline`: a core message, its backtick-quoted names as code spans and its prose with every
//    Markdown, HTML, mention, reference and autolink syntax neutralised;
//  - `htmlText`: text inside an HTML element (the comment's `<summary>` lines);
//  - `cell`: a line of the deploy's job summary (a table cell or a list item).
// Where `<` is not turned into an entity (`code`, `cell`), an HTML comment opener is split, so no
// text can hide what follows it or forge the sticky-comment marker.
import { displayable } from "../text/display.ts";

// U+2060 WORD JOINER: invisible, and not a character GitHub's mention, reference or autolink
// patterns accept. An entity such as `&#64;` is not enough: the Markdown renderer turns it back
// into a plain `@` in the HTML that GitHub then scans for mentions.
const WORD_JOINER = "\u2060";

/** An HTML comment opener, split so it opens nothing. */
function noComment(text: string): string {
  return text.replace(/<!--/g, `<!-${WORD_JOINER}-`);
}

/**
 * A code span that cannot be broken out of: backticks, line breaks and other control or bidi
 * characters are replaced, a pipe is escaped (a code span in a table cell still splits it), and
 * an HTML comment opener is split, so no config string can forge the sticky-comment marker
 * (GitHub shows code spans literally: nothing in one is live).
 */
export function code(text: string): string {
  return `\`${noComment(displayable(text.replace(/`/g, "'"))).replace(/\|/g, "\\|")}\``;
}

/** Core messages quote config strings in backticks: keep those as code spans, escape the prose. */
export function inline(message: string): string {
  // An empty pair of backticks is no code span on GitHub (it shows as two literal backticks), so
  // it is dropped and the prose on either side escaped as one: `#``1` must not become `#1`.
  let out = "";
  let prose = "";
  message.split("`").forEach((part, i) => {
    if (i % 2 === 0) prose += part;
    else if (part !== "") {
      out += escapeMarkdown(prose) + code(part);
      prose = "";
    }
  });
  return out + escapeMarkdown(prose);
}

/** Prose: no HTML, no Markdown syntax, no mention, reference or autolink (see `unlinked`). */
function escapeMarkdown(text: string): string {
  return unlinked(escapeHtml(displayable(text, " ")).replace(/([\\*_[\]()#!|~>+=])/g, "\\$1"));
}

/**
 * Text inside an HTML element of the comment (the `<summary>` lines). GitHub does not read
 * Markdown inside an HTML block, so HTML is escaped, and brackets and backticks become entities
 * (shown as they are, never Markdown even if the block were read as such); mentions and
 * references are still linked there, so they are broken up too.
 */
export function htmlText(text: string): string {
  return unlinked(escapeHtml(displayable(text, " ")).replace(/[[\]`]/g, (ch) => `&#${ch.charCodeAt(0)};`));
}

/**
 * A line of the deploy's job summary (a table cell, a list item): the core's own sentences and a
 * failing tool's output, shown as written. Line breaks become one space, other unsafe characters
 * a space, and a pipe is escaped so no text splits a table row.
 */
export function cell(text: string): string {
  return noComment(displayable(text.replace(/[\r\n]+/g, " "), " ")).replace(/\|/g, "\\|");
}

/**
 * Breaks what GitHub links in text after rendering: `@user` and `@org/team` mentions, e-mail
 * addresses, `#123` / `GH-123` / `owner/repo#123` references, and `http://`, `https://` and
 * `www.` autolinks.
 */
function unlinked(text: string): string {
  return text
    .replace(/@/g, `@${WORD_JOINER}`)
    .replace(/#(?=\d)/g, `#${WORD_JOINER}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1${WORD_JOINER}-`)
    .replace(/:\/\//g, `:${WORD_JOINER}//`)
    .replace(/\b(www)\./gi, `$1${WORD_JOINER}.`);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// Text that is safe in a GitHub comment: code spans no config string can break out of, and prose
// with every Markdown, HTML, mention, reference and autolink syntax neutralised.
import { displayable } from "../text/display.ts";

/**
 * A code span that cannot be broken out of: backticks, line breaks and other control or bidi
 * characters are replaced, and an HTML comment opener is split, so no config string can forge
 * the sticky-comment marker (GitHub shows code spans literally: nothing in one is live).
 */
export function code(text: string): string {
  const clean = displayable(text.replace(/`/g, "'"))
    .replace(/\|/g, "\\|")
    .replace(/<!--/g, `<!-${WORD_JOINER}-`);
  return `\`${clean}\``;
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

// U+2060 WORD JOINER: invisible, and not a character GitHub's mention, reference or autolink
// patterns accept. An entity such as `&#64;` is not enough: the Markdown renderer turns it back
// into a plain `@` in the HTML that GitHub then scans for mentions.
const WORD_JOINER = "\u2060";

/**
 * Breaks what GitHub links in text after rendering: `@user` and `@org/team` mentions, e-mail
 * addresses, `#123` / `GH-123` / `owner/repo#123` references, and `http://`, `https://` and
 * `www.` autolinks.
 */
export function unlinked(text: string): string {
  return text
    .replace(/@/g, `@${WORD_JOINER}`)
    .replace(/#(?=\d)/g, `#${WORD_JOINER}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1${WORD_JOINER}-`)
    .replace(/:\/\//g, `:${WORD_JOINER}//`)
    .replace(/\b(www)\./gi, `$1${WORD_JOINER}.`);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// Inline suppressions in a wrangler config, written in the file's own comment syntax (`#` in
// TOML, `//` and `/* */` in JSONC):
//   # do-migrate-ignore DO201 -- test fixture: tests add classes to v1
//   # do-migrate-ignore-file DO402 -- the class is created by another Worker
// Only a real comment is a directive: text inside a string is not one, so the comments are found
// by a scanner that knows the format's strings (jsonc-parser's for JSONC; for TOML, whose parser
// gives no comments, the small scanner below that knows basic, literal and multi-line strings).
// Pure: a text in, the directives and what is wrong with them out.
import { createScanner } from "jsonc-parser";
import { catalogueEntryOf } from "../catalogue.ts";
import { BLOCK_COMMENT, EOF, LINE_BREAK, LINE_COMMENT, WHITESPACE } from "../config/jsonc-syntax.ts";
import { createLineIndex } from "../config/line-index.ts";
import type { ConfigFormat } from "../model.ts";
import { displayable } from "../text/display.ts";
import { checkCode } from "./policy.ts";

export const LINE_DIRECTIVE = "do-migrate-ignore";
export const FILE_DIRECTIVE = "do-migrate-ignore-file";

export interface Directive {
  readonly file: string;
  /** Line where the comment starts. */
  readonly line: number;
  /** `file`: the whole config. `line`: findings on `target`. */
  readonly scope: "file" | "line";
  /**
   * The line it covers: its own line when the comment shares it with content (a trailing
   * comment), else the next line with content (comment-only lines in between are skipped, so
   * directives can be stacked above one line).
   */
  readonly target: number;
  /** The codes it suppresses (valid ones only; empty when it does not apply at all). */
  readonly codes: readonly string[];
  /** The reason after ` -- `, whitespace collapsed; null when there is none. */
  readonly reason: string | null;
  /** The directive as written, whitespace collapsed: tells a directive the change adds. */
  readonly text: string;
  readonly problems: readonly DirectiveProblem[];
}

export interface DirectiveProblem {
  readonly kind: "directive-without-reason" | "directive-data-loss" | "directive-invalid";
  readonly message: string;
  readonly fix: string;
}

/** A comment of a config: its text without the comment markers, and where it is. */
interface Comment {
  readonly text: string;
  readonly startLine: number;
  readonly endLine: number;
}

interface CommentScan {
  readonly comments: readonly Comment[];
  /** Lines holding something other than whitespace and comments. */
  readonly contentLines: ReadonlySet<number>;
  /** Lines holding a comment. */
  readonly commentLines: ReadonlySet<number>;
}

/** Longest reason kept (a reason is a sentence, not a document). */
const MAX_REASON = 300;

export function readDirectives(file: string, format: ConfigFormat, text: string): Directive[] {
  // Most configs have none: skip the scan (a config can be 1 MiB).
  if (!text.includes(LINE_DIRECTIVE)) return [];
  const scan = format === "toml" ? scanTomlComments(text) : scanJsoncComments(text);
  const out: Directive[] = [];
  for (const comment of scan.comments) {
    const directive = parseDirective(file, comment, scan);
    if (directive) out.push(directive);
  }
  return out;
}

function parseDirective(file: string, comment: Comment, scan: CommentScan): Directive | null {
  // `/** do-migrate-ignore ... */` and `/* * do-migrate-ignore */` too: leading stars are decoration.
  const body = comment.text
    .replace(/^[\s*]*/, "")
    .replace(/\s+/g, " ")
    .trim();
  const word = /^do-migrate-ignore[\w-]*/.exec(body)?.[0];
  if (!word) return null;
  const text = displayable(body, " ").slice(0, 400);
  const scope = word === FILE_DIRECTIVE ? "file" : "line";
  const target = targetLine(comment, scan);
  const base = { file, line: comment.startLine, scope, target, text } as const;
  if (word !== LINE_DIRECTIVE && word !== FILE_DIRECTIVE) {
    return {
      ...base,
      codes: [],
      reason: null,
      problems: [
        {
          kind: "directive-invalid",
          message: `\`${word}\` is not a directive this check knows, so it suppresses nothing.`,
          fix: `Write \`${LINE_DIRECTIVE} CODE -- reason\` (on the finding's line or the line above it) or \`${FILE_DIRECTIVE} CODE -- reason\` (anywhere, for the whole file).`,
        },
      ],
    };
  }
  const rest = body.slice(word.length);
  const dashes = /(?:^|\s)--(?:\s|$)/.exec(rest);
  const codesPart = dashes ? rest.slice(0, dashes.index) : rest;
  const reasonText = dashes ? rest.slice(dashes.index + dashes[0].length).trim() : "";
  const reason = reasonText === "" ? null : displayable(reasonText, " ").slice(0, MAX_REASON);
  const tokens = codesPart.split(/[\s,]+/).filter(Boolean);
  const example = `${word} ${tokens.filter((t) => catalogueEntryOf(t)).join(", ") || "DO201"} -- why this is fine here`;

  if (tokens.length === 0) {
    return {
      ...base,
      codes: [],
      reason,
      problems: [
        {
          kind: "directive-invalid",
          message: `\`${word}\` names no finding code, so it suppresses nothing (a directive never silences everything).`,
          fix: `Name the codes it is for: \`${example}\`.`,
        },
      ],
    };
  }
  if (reason === null) {
    return {
      ...base,
      codes: [],
      reason,
      problems: [
        {
          kind: "directive-without-reason",
          message: `\`${word} ${tokens.join(" ")}\` gives no reason, so it does not apply: a suppression must say why the finding is fine here.`,
          fix: `Write the reason after \` -- \`: \`${example}\`.`,
        },
      ],
    };
  }
  const codes: string[] = [];
  const lossCodes: string[] = [];
  const invalid: string[] = [];
  for (const token of tokens) {
    const entry = catalogueEntryOf(token);
    if (entry?.reportsDataLoss) lossCodes.push(token);
    else if (entry?.kind.startsWith("directive-"))
      invalid.push(
        `\`${token}\` reports a problem with a directive, which only the policy's \`rules\` can set`,
      );
    else if (entry) codes.push(token);
    else invalid.push(checkCode(token) ?? `unknown finding code \`${token}\``);
  }
  const problems: DirectiveProblem[] = [];
  if (lossCodes.length > 0) {
    problems.push({
      kind: "directive-data-loss",
      message: `\`${word}\` names ${lossCodes.map((c) => `\`${c}\``).join(", ")}, which ${lossCodes.length === 1 ? "reports" : "report"} data loss: no directive, rule or override can hide it, so this part of the directive does not apply.`,
      fix: `Remove ${lossCodes.map((c) => `\`${c}\``).join(", ")} from the directive. If the data really must go, acknowledge it in the pull request description with the line the report gives, and deploy it with the two-phase deploy.`,
    });
  }
  if (invalid.length > 0) {
    problems.push({
      kind: "directive-invalid",
      message: `\`${word}\`: ${invalid.join("; ")}.${codes.length ? " The other codes it names apply." : " It suppresses nothing."}`,
      fix: "Name finding codes as the report shows them (`DO201`); the codes are listed in docs/findings.md.",
    });
  }
  return { ...base, codes, reason, problems };
}

function targetLine(comment: Comment, scan: CommentScan): number {
  if (scan.contentLines.has(comment.startLine)) return comment.startLine;
  if (scan.contentLines.has(comment.endLine)) return comment.endLine;
  let line = comment.endLine + 1;
  while (!scan.contentLines.has(line) && scan.commentLines.has(line)) line++;
  return line;
}

/** Comments of a JSONC text, found by jsonc-parser's scanner (which knows its strings). */
export function scanJsoncComments(text: string): CommentScan {
  const index = createLineIndex(text);
  const scanner = createScanner(text, false);
  const comments: Comment[] = [];
  const contentLines = new Set<number>();
  const commentLines = new Set<number>();
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === LINE_BREAK || token === WHITESPACE) continue;
    const offset = scanner.getTokenOffset();
    const startLine = scanner.getTokenStartLine() + 1;
    if (token === LINE_COMMENT || token === BLOCK_COMMENT) {
      const raw = text.slice(offset, offset + scanner.getTokenLength());
      const endLine = index.position(offset + raw.length).line;
      const inner = token === LINE_COMMENT ? raw.slice(2) : raw.replace(/^\/\*/, "").replace(/\*\/$/, "");
      comments.push({ text: inner, startLine, endLine });
      for (let line = startLine; line <= endLine; line++) commentLines.add(line);
    } else {
      contentLines.add(startLine);
    }
  }
  return { comments, contentLines, commentLines };
}

/**
 * Comments of a TOML text: a `#` outside any string, up to the end of its line. Strings are
 * skipped the way TOML reads them: basic `"..."` (with `\` escapes), literal `'...'`, and the
 * multi-line `"""..."""` and `'''...'''` (which may end with up to two more quotes of content).
 */
export function scanTomlComments(text: string): CommentScan {
  const comments: Comment[] = [];
  const contentLines = new Set<number>();
  const commentLines = new Set<number>();
  const n = text.length;
  let line = 1;
  let i = 0;
  while (i < n) {
    const ch = text[i]!;
    if (ch === "\n") {
      line++;
      i++;
      continue;
    }
    if (ch === " " || ch === "\t" || ch === "\r") {
      i++;
      continue;
    }
    if (ch === "#") {
      let end = text.indexOf("\n", i);
      if (end === -1) end = n;
      comments.push({ text: text.slice(i + 1, end).replace(/\r$/, ""), startLine: line, endLine: line });
      commentLines.add(line);
      i = end;
      continue;
    }
    contentLines.add(line);
    if (ch !== '"' && ch !== "'") {
      i++;
      continue;
    }
    const escapes = ch === '"';
    if (text.startsWith(ch.repeat(3), i)) {
      // Multi-line string: every line it spans is content.
      i += 3;
      while (i < n) {
        const c = text[i]!;
        if (c === "\n") {
          line++;
          contentLines.add(line);
          i++;
        } else if (escapes && c === "\\") {
          if (text[i + 1] === "\n") {
            line++;
            contentLines.add(line);
          }
          i += 2;
        } else if (c === ch && text.startsWith(ch.repeat(3), i)) {
          // A run of 3 to 5 quotes closes it (up to two of them are content).
          while (text[i] === ch) i++;
          break;
        } else {
          i++;
        }
      }
      continue;
    }
    // One-line string: ends at its closing quote or, unterminated, at the end of the line.
    i++;
    while (i < n && text[i] !== "\n") {
      const c = text[i]!;
      if (escapes && c === "\\") {
        i += text[i + 1] === "\n" ? 1 : 2;
        continue;
      }
      i++;
      if (c === ch) break;
    }
  }
  return { comments, contentLines, commentLines };
}

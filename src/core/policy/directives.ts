// Inline suppressions in a wrangler config, written in the file's own comment syntax (`#` in
// TOML, `//` and `/* */` in JSONC):
//   # do-migrate-ignore DO201 -- test fixture: tests add classes to v1
//   # do-migrate-ignore-file DO402 -- the class is created by another Worker
// Only a real comment is a directive: text inside a string is not one, so the comments come from
// a parser that knows the format's strings: jsonc-parser's scanner for JSONC; for TOML, whose
// value parser (smol-toml) gives no comments, toml-eslint-parser (config/toml-syntax.ts, given
// by the caller: it is loaded only for a TOML config that mentions a directive).
// Pure: a text in, the directives and what is wrong with them out.
import { createScanner } from "jsonc-parser";
import { catalogueEntryOf } from "../catalogue.ts";
import { BLOCK_COMMENT, EOF, LINE_BREAK, LINE_COMMENT, WHITESPACE } from "../config/jsonc-syntax.ts";
import { createLineIndex } from "../config/line-index.ts";
import { MAX_CONFIG_LENGTH, parseConfigText } from "../config/parse.ts";
import type { TomlSyntax, TomlSyntaxReading } from "../config/toml-syntax.ts";
import type { ConfigFormat } from "../model.ts";
import {
  directiveCodeProblem,
  directiveDataLoss,
  directiveInvalidCodes,
  directivesUnreadable,
  directiveUnknown,
  directiveWithoutCodes,
  directiveWithoutReason,
} from "../rules/directives.ts";
import { displayable } from "../text/display.ts";
import { checkCode } from "./policy.ts";

/** config/toml-syntax.ts's `readTomlSyntax`. */
export type TomlSyntaxReader = (text: string) => TomlSyntaxReading;

const LINE_DIRECTIVE = "do-migrate-ignore";
const FILE_DIRECTIVE = "do-migrate-ignore-file";

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

/** Whether a text may hold a directive: most configs do not, and are not scanned at all. */
export function mentionsDirective(text: string | null): boolean {
  return text?.includes(LINE_DIRECTIVE) ?? false;
}

/** `readToml`: the TOML syntax reader, needed for a TOML text that mentions a directive. */
export function readDirectives(
  file: string,
  format: ConfigFormat,
  text: string,
  readToml: TomlSyntaxReader | null,
): Directive[] {
  // Most configs have none: skip the scan (a config can be 1 MiB).
  if (!mentionsDirective(text)) return [];
  let scan: CommentScan;
  if (format === "toml") {
    // Over the size this check reads, the config is refused as a whole (critical: nothing to suppress).
    if (text.length > MAX_CONFIG_LENGTH) return [];
    if (!readToml) throw new Error(`the directives of ${file} need the TOML syntax reader`);
    const reading = readToml(text);
    if (!reading.ok) return unreadable(file, text, reading.message, reading.line);
    scan = tomlComments(reading.syntax);
  } else {
    scan = scanJsoncComments(text);
  }
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
          ...directiveUnknown({ word, lineDirective: LINE_DIRECTIVE, fileDirective: FILE_DIRECTIVE }),
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
          ...directiveWithoutCodes({ word, example }),
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
          ...directiveWithoutReason({ word, tokens, example }),
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
      invalid.push(directiveCodeProblem({ token, why: "directive-code" }));
    else if (entry) codes.push(token);
    else invalid.push(checkCode(token) ?? directiveCodeProblem({ token, why: "unknown" }));
  }
  const problems: DirectiveProblem[] = [];
  if (lossCodes.length > 0) {
    problems.push({
      kind: "directive-data-loss",
      ...directiveDataLoss({ word, lossCodes }),
    });
  }
  if (invalid.length > 0) {
    problems.push({
      kind: "directive-invalid",
      ...directiveInvalidCodes({ word, invalid, othersApply: codes.length > 0 }),
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
function scanJsoncComments(text: string): CommentScan {
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

/** Comments of a TOML text, as toml-eslint-parser reads them (a TOML comment is one line). */
function tomlComments(syntax: TomlSyntax): CommentScan {
  return {
    comments: syntax.comments.map((c) => ({ text: c.text, startLine: c.line, endLine: c.line })),
    contentLines: syntax.contentLines,
    commentLines: syntax.commentLines,
  };
}

/**
 * A TOML text whose comments cannot be read (toml-eslint-parser refuses it): none of its
 * directives applies, the findings they name are reported unsuppressed, and one finding on the
 * refused line says why. Either smol-toml (so wrangler) reads the text and only the comment
 * reader refuses it (a date that does not exist, which smol-toml rolls over), or the file is not
 * TOML at all (DO001 reports it; a deliberately broken config is left out with the policy's
 * `ignore`, not with a directive no parser can find).
 */
function unreadable(file: string, text: string, message: string, line: number | null): Directive[] {
  const config = parseConfigText(file, text);
  // Not TOML at all: on the line DO001 names (the readers may place the error a line apart).
  const at = (config.ok ? line : (config.line ?? line)) ?? 1;
  const problem: DirectiveProblem = {
    kind: "directive-invalid",
    ...directivesUnreadable({ at, wranglerReads: config.ok, reason: message }),
  };
  return [
    {
      file,
      line: at,
      scope: "file",
      target: at,
      codes: [],
      reason: null,
      // What tells this finding at the base revision from a new one.
      text: `${LINE_DIRECTIVE}: unreadable (${message})`,
      problems: [problem],
    },
  ];
}

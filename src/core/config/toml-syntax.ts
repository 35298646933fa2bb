// The syntax of a TOML config, read once with toml-eslint-parser (the TOML parser behind
// eslint-plugin-toml): where every key, value, array element and table header is, and the
// comments. smol-toml (what wrangler reads configs with, so values read as on deploy) gives the
// values but neither positions nor comments; this gives
//   - the positions the format-preserving edits of `do-migrate fix` and the generators need
//     (fix/toml-document.ts): `readEditableToml`, which also makes sure smol-toml reads the same
//     document, since the edits are placed by this reading and meant by smol-toml's;
//   - the comments and the lines with content the inline directives need (policy/directives.ts).
// It costs about six times a smol-toml parse, so it stays off the check's hot path: the line of
// every finding comes from toml-locator.ts, which is property-tested against this reading.
import { parse as parseToml } from "smol-toml";
import { type AST, parseTOML } from "toml-eslint-parser";
import { lineEndAt, lineStartAt } from "./line-index.ts";
import { pathKey } from "./toml-locator.ts";

export type TomlPath = readonly (string | number)[];

/** A `key = value` pair. Offsets are character offsets into the text. */
export interface TomlEntry {
  /** The resolved path (indices of arrays of tables included). */
  readonly path: TomlPath;
  /** The table or inline table the key belongs to (for `a.b = 1` under `[t]`: `[t]`). */
  readonly container: TomlPath;
  readonly keyStart: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  /** Start of the line holding the key, and the end of the entry's last line (before the newline). */
  readonly lineStart: number;
  readonly lineEnd: number;
  /** Inside an inline table (`{ ... }`): no line of its own (`lineEnd` is the value's end). */
  readonly inline: boolean;
}

/** A `[table]` or `[[array of tables]]` header, with the table's body. */
export interface TomlHeader {
  readonly array: boolean;
  /** The resolved path (for `[[x]]`, the element's: `["x", 2]`). */
  readonly path: TomlPath;
  readonly lineStart: number;
  readonly lineEnd: number;
  /** The header's name as written, between the brackets. */
  readonly name: string;
  /** End of the table's last key line (or of the header line), before any blank or comment line. */
  readonly bodyEnd: number;
}

/** An array or an inline table: its brackets and its elements (or key-value pairs). */
export interface TomlContainer {
  readonly kind: "array" | "table";
  /** The opening bracket, and just after the closing one. */
  readonly open: number;
  readonly close: number;
  readonly children: readonly { readonly start: number; readonly end: number }[];
}

/** One part of a key as written (`b` in `[a.b]` or in `a.b = 1`), with the path it names. */
export interface TomlKeySegment {
  readonly start: number;
  readonly end: number;
  readonly path: TomlPath;
}

/** A `#` comment: its text after the `#`, its line (1-based), and where it is (the `#` included). */
export interface TomlComment {
  readonly text: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

export interface TomlSyntax {
  /** Every key-value pair by its path (`pathKey`), in document order. */
  readonly entries: ReadonlyMap<string, TomlEntry>;
  readonly headers: readonly TomlHeader[];
  /** Every array and inline table by its path. */
  readonly containers: ReadonlyMap<string, TomlContainer>;
  readonly segments: readonly TomlKeySegment[];
  readonly comments: readonly TomlComment[];
  /** Lines holding something other than whitespace and comments (every line of a multi-line string). */
  readonly contentLines: ReadonlySet<number>;
  /** Lines holding a comment. */
  readonly commentLines: ReadonlySet<number>;
  /** The document as this parser reads it (tables as null-prototype objects, as smol-toml's). */
  readonly value: Record<string, unknown>;
}

export type TomlSyntaxReading =
  | { readonly ok: true; readonly syntax: TomlSyntax }
  | { readonly ok: false; readonly message: string; readonly line: number | null };

/** Both TOML readers agree with TOML 1.1.0 (smol-toml 1.9 reads 1.1.0). */
const TOML_VERSION = "1.1";

/** Reads the syntax of a TOML text; a text the parser refuses is data, never an exception. */
export function readTomlSyntax(text: string): TomlSyntaxReading {
  let ast: AST.TOMLProgram;
  try {
    // smol-toml skips a byte order mark, toml-eslint-parser refuses it: read it as the space it
    // stands in for, so every offset stays an offset into the text as given.
    ast = parseTOML(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text, {
      tomlVersion: TOML_VERSION,
    });
  } catch (error) {
    // A ParseError, or a RangeError: nesting deeper than the parser's stack (smol-toml refuses
    // such a text too, past 1,000 levels).
    const line = (error as { lineNumber?: unknown }).lineNumber;
    return {
      ok: false,
      message: error instanceof Error ? error.message.split("\n")[0]! : "the text could not be read",
      line: typeof line === "number" ? line : null,
    };
  }
  return { ok: true, syntax: syntaxOf(text, ast) };
}

export type EditableToml =
  | { readonly ok: true; readonly syntax: TomlSyntax }
  | { readonly ok: false; readonly reason: string };

/**
 * The syntax of a TOML text whose positions may be used to edit what smol-toml reads: both
 * parsers must accept the text and read the same document from it. Where they part (smol-toml
 * accepts `2024-02-30` as a date, toml-eslint-parser refuses it), there is no syntax to edit by.
 */
export function readEditableToml(text: string): EditableToml {
  const reading = readTomlSyntax(text);
  if (!reading.ok) {
    const where = reading.line === null ? "" : ` (line ${reading.line})`;
    return {
      ok: false,
      reason: `the TOML syntax reader (toml-eslint-parser) refuses this file: ${lowerFirst(reading.message)}${where}`,
    };
  }
  let value: unknown;
  try {
    value = parseToml(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, reason: "smol-toml (what wrangler reads configs with) refuses this file" };
  }
  if (!sameDocument(reading.syntax.value, value)) {
    return {
      ok: false,
      reason: "the TOML syntax reader (toml-eslint-parser) and smol-toml read this file differently",
    };
  }
  return reading;
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}

// ---------------------------------------------------------------------------------------------
// The tree as positions

type Node = AST.TOMLContentNode;

function syntaxOf(text: string, ast: AST.TOMLProgram): TomlSyntax {
  const entries = new Map<string, TomlEntry>();
  const headers: TomlHeader[] = [];
  const containers = new Map<string, TomlContainer>();
  const segments: TomlKeySegment[] = [];
  const value = table();

  const keyNames = (key: AST.TOMLKey) => key.keys.map((k) => (k.type === "TOMLBare" ? k.name : k.value));

  const pair = (
    kv: AST.TOMLKeyValue,
    container: TomlPath,
    inline: boolean,
    into: Record<string, unknown>,
  ) => {
    const names = keyNames(kv.key);
    const path = [...container, ...names];
    kv.key.keys.forEach((part, n) => {
      segments.push({
        start: part.range[0],
        end: part.range[1],
        path: [...container, ...names.slice(0, n + 1)],
      });
    });
    const [valueStart, valueEnd] = kv.value.range;
    const keyStart = kv.key.range[0];
    entries.set(pathKey(path), {
      path,
      container,
      keyStart,
      valueStart,
      valueEnd,
      lineStart: lineStartAt(text, keyStart),
      lineEnd: inline ? valueEnd : lineEndAt(text, valueEnd),
      inline,
    });
    setAt(into, names, content(kv.value, path));
  };

  const content = (node: Node, path: TomlPath): unknown => {
    if (node.type === "TOMLValue") return node.value;
    if (node.type === "TOMLArray") {
      containers.set(pathKey(path), {
        kind: "array",
        open: node.range[0],
        close: node.range[1],
        children: node.elements.map((e) => ({ start: e.range[0], end: e.range[1] })),
      });
      return node.elements.map((element, index) => content(element, [...path, index]));
    }
    containers.set(pathKey(path), {
      kind: "table",
      open: node.range[0],
      close: node.range[1],
      children: node.body.map((kv) => ({ start: kv.range[0], end: kv.range[1] })),
    });
    const inner = table();
    for (const kv of node.body) pair(kv, path, true, inner);
    return inner;
  };

  for (const item of ast.body[0].body) {
    if (item.type === "TOMLKeyValue") {
      pair(item, [], false, value);
      continue;
    }
    const path = item.resolvedKey;
    // Each part of the name names the path up to it (`a` in `[a.b]` after `[[a]]`: `["a"]`; `b`:
    // `["a", 0, "b"]`); the index of an array of tables follows its last part.
    let at = 0;
    const prefix: (string | number)[] = [];
    for (const part of item.key.keys) {
      while (typeof path[at] === "number") prefix.push(path[at++]!);
      prefix.push(path[at++]!);
      segments.push({ start: part.range[0], end: part.range[1], path: [...prefix] });
    }
    const headerEnd = lineEndAt(text, item.key.range[1]);
    const last = item.body.at(-1);
    headers.push({
      array: item.kind === "array",
      path,
      lineStart: lineStartAt(text, item.range[0]),
      lineEnd: headerEnd,
      name: text.slice(item.key.range[0], item.key.range[1]),
      bodyEnd: last ? lineEndAt(text, last.range[1]) : headerEnd,
    });
    const body = tableAt(value, path);
    for (const kv of item.body) pair(kv, path, false, body);
  }

  const comments: TomlComment[] = [];
  const commentLines = new Set<number>();
  for (const comment of ast.comments) {
    const [start, end] = comment.range;
    comments.push({ text: comment.value, line: comment.loc.start.line, start, end });
    commentLines.add(comment.loc.start.line);
  }
  const contentLines = new Set<number>();
  for (const token of ast.tokens) {
    for (let line = token.loc.start.line; line <= token.loc.end.line; line++) contentLines.add(line);
  }
  return { entries, headers, containers, segments, comments, contentLines, commentLines, value };
}

// ---------------------------------------------------------------------------------------------
// The tree as a value, to compare with smol-toml's. toml-eslint-parser's own getStaticTOMLValue
// assigns keys to plain objects, so a `__proto__` key is lost; these are null-prototype tables.

function table(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

function setAt(root: Record<string, unknown>, names: readonly string[], leaf: unknown): void {
  let at = root;
  for (const name of names.slice(0, -1)) {
    const next = at[name];
    if (typeof next === "object" && next !== null && !Array.isArray(next))
      at = next as Record<string, unknown>;
    else at = at[name] = table();
  }
  at[names[names.length - 1]!] = leaf;
}

/** The table at a resolved header path, made (with its parents) when it is not there yet. */
function tableAt(root: Record<string, unknown>, path: TomlPath): Record<string, unknown> {
  let at: Record<string, unknown> | unknown[] = root;
  path.forEach((part, n) => {
    const container = at as Record<string | number, unknown>;
    const arrayNext = typeof path[n + 1] === "number";
    const next = container[part];
    if (typeof next === "object" && next !== null && Array.isArray(next) === arrayNext) {
      at = next as Record<string, unknown> | unknown[];
      return;
    }
    const made = arrayNext ? [] : table();
    container[part] = made;
    at = made;
  });
  return at as Record<string, unknown>;
}

/**
 * Whether two readings are the same document: the same tables, keys, arrays and scalars (any
 * two date-times count as the same: a date is never a position an edit needs).
 */
export function sameDocument(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((x, i) => sameDocument(x, b[i]))
    );
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const ka = Object.keys(a);
    const kb = new Set(Object.keys(b));
    return (
      ka.length === kb.size &&
      ka.every(
        (k) =>
          kb.has(k) && sameDocument((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  if (typeof a === "number" && typeof b === "number") return a === b || (Number.isNaN(a) && Number.isNaN(b));
  return a === b;
}

// Format-preserving edits of a TOML config. smol-toml gives values without positions, and
// re-serialising would lose comments, key order and layout; so the edits are placed by the
// positions toml-eslint-parser reads (config/toml-syntax.ts: every key, value, array element and
// table header), and each edit replaces only the characters it must. An edit that cannot be
// placed returns null, and every edited text is parsed and analysed again by the caller.
import { lineEndAt, lineStartAt } from "../config/line-index.ts";
import { pathKey } from "../config/toml-locator.ts";
import {
  readEditableToml,
  type TomlContainer,
  type TomlHeader,
  type TomlSyntax,
} from "../config/toml-syntax.ts";
import type { ConfigPath } from "../model.ts";
import { type DocumentOp, eolOf, isPlainObject, lineIndentAt } from "./document-ops.ts";

// ---------------------------------------------------------------------------------------------
// Values written as TOML

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

export function tomlKey(key: string): string {
  return BARE_KEY.test(key) ? key : JSON.stringify(key);
}

/** A value on one line: strings, numbers, booleans, arrays, inline tables. */
export function tomlInline(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(tomlInline).join(", ")}]`;
  if (isPlainObject(value)) {
    const parts = Object.entries(value).map(([k, v]) => `${tomlKey(k)} = ${tomlInline(v)}`);
    return parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`;
  }
  throw new TypeError(`cannot write ${String(value)} as TOML`);
}

function bodyLines(value: Record<string, unknown>, indent: string, eol: string): string {
  return Object.entries(value)
    .map(([k, v]) => `${indent}${tomlKey(k)} = ${tomlInline(v)}`)
    .join(eol);
}

// ---------------------------------------------------------------------------------------------
// Edits

const same = (a: ConfigPath, b: ConfigPath) => pathKey(a) === pathKey(b);
const startsWith = (path: ConfigPath, prefix: ConfigPath) =>
  path.length >= prefix.length && same(path.slice(0, prefix.length), prefix);

function splice(text: string, start: number, end: number, content: string): string {
  return text.slice(0, start) + content + text.slice(end);
}

/** The text with one edit made, or null when this scanner cannot place it. */
export function editToml(text: string, op: DocumentOp): string | null {
  const reading = readEditableToml(text);
  if (!reading.ok) return null;
  const syntax = reading.syntax;
  const eol = eolOf(text);
  switch (op.op) {
    case "rename-key": {
      const hits = syntax.segments.filter((s) => same(s.path, op.path));
      if (hits.length === 0) return null;
      let out = text;
      for (const hit of [...hits].sort((a, b) => b.start - a.start))
        out = splice(out, hit.start, hit.end, tomlKey(op.to));
      return out;
    }
    case "set": {
      const entry = syntax.entries.get(pathKey(op.path));
      if (entry) return splice(text, entry.valueStart, entry.valueEnd, op.raw ?? tomlInline(op.value));
      const parent = syntax.containers.get(pathKey(op.path.slice(0, -1)));
      const index = op.path[op.path.length - 1];
      if (parent?.kind === "array" && typeof index === "number" && parent.children[index]) {
        const child = parent.children[index]!;
        return splice(text, child.start, child.end, op.raw ?? tomlInline(op.value));
      }
      // An array of tables ([[x]] blocks): written anew as one inline key.
      const elements = tableElements(syntax, op.path);
      if (elements.length === 0) return null;
      let out: string | null = text;
      for (let k = elements.length - 1; k >= 0 && out !== null; k--)
        out = editToml(out, { op: "remove", path: [...op.path, k] });
      if (out === null) return null;
      return editToml(out, {
        op: "add-key",
        path: op.path.slice(0, -1),
        key: String(op.path[op.path.length - 1]),
        value: op.value,
      });
    }
    case "remove":
      return removeToml(text, syntax, op.path);
    case "add-key":
      return addKeyToml(text, syntax, op.path, op.key, op.value, eol);
    case "append":
      return appendToml(text, syntax, op.path, op.value, eol);
  }
}

function tableElements(syntax: TomlSyntax, arrayPath: ConfigPath): TomlHeader[] {
  return syntax.headers.filter(
    (h) => h.array && h.path.length === arrayPath.length + 1 && startsWith(h.path, arrayPath),
  );
}

/** The end of an array-of-tables element's block, its sub-tables included. */
function blockEnd(syntax: TomlSyntax, header: TomlHeader): number {
  const at = syntax.headers.indexOf(header);
  let end = header.bodyEnd;
  for (const next of syntax.headers.slice(at + 1)) {
    if (!startsWith(next.path, header.path)) break;
    end = next.bodyEnd;
  }
  return end;
}

/** Removes [start, end) plus the line break after it, when the span covers whole lines. */
function removeLines(text: string, start: number, end: number): string {
  let stop = end;
  if (text[stop] === "\r") stop++;
  if (text[stop] === "\n") stop++;
  return splice(text, start, stop, "");
}

function removeChild(text: string, container: TomlContainer, index: number): string | null {
  const children = container.children;
  const child = children[index];
  if (!child) return null;
  const ownLine =
    text.slice(lineStartAt(text, child.start), child.start).trim() === "" &&
    /^\s*,?\s*(#.*)?$/.test(text.slice(child.end, lineEndAt(text, child.end)));
  if (ownLine && container.kind === "array") {
    return removeLines(text, lineStartAt(text, child.start), lineEndAt(text, child.end));
  }
  if (children.length === 1) return splice(text, container.open + 1, container.close - 1, "");
  if (index < children.length - 1) return splice(text, child.start, children[index + 1]!.start, "");
  return splice(text, children[index - 1]!.end, child.end, "");
}

function removeToml(text: string, syntax: TomlSyntax, path: ConfigPath): string | null {
  const entry = syntax.entries.get(pathKey(path));
  if (entry && !entry.inline) return removeLines(text, entry.lineStart, entry.lineEnd);
  const parent = syntax.containers.get(pathKey(path.slice(0, -1)));
  if (entry && parent?.kind === "table") {
    const index = parent.children.findIndex((c) => c.start === entry.keyStart);
    return removeChild(text, parent, index);
  }
  const index = path[path.length - 1];
  if (parent?.kind === "array" && typeof index === "number") return removeChild(text, parent, index);
  const header = syntax.headers.find((h) => h.array && same(h.path, path));
  if (header) {
    let start = header.lineStart;
    // Take one blank line before the block with it, so the spacing between blocks stays even.
    const before = text.slice(0, start);
    const blank = /(?:\r?\n)[ \t]*\r?\n$/.exec(before);
    if (blank) start -= blank[0].length - (blank[0].startsWith("\r\n") ? 2 : 1);
    return removeLines(text, start, blockEnd(syntax, header));
  }
  return null;
}

function addKeyToml(
  text: string,
  syntax: TomlSyntax,
  path: ConfigPath,
  key: string,
  value: unknown,
  eol: string,
): string | null {
  const container = syntax.containers.get(pathKey(path));
  if (container?.kind === "table") {
    const pair = `${tomlKey(key)} = ${tomlInline(value)}`;
    const last = container.children[container.children.length - 1];
    if (!last) return splice(text, container.open, container.close, `{ ${pair} }`);
    return splice(text, last.end, last.end, `, ${pair}`);
  }
  const own = [...syntax.entries.values()].filter((e) => !e.inline && same(e.container, path));
  const header = path.length === 0 ? null : syntax.headers.find((h) => same(h.path, path));
  if (path.length > 0 && !header) return addSubTableToml(text, syntax, path, key, value, eol);
  const lastEntry = own
    .filter((e) => (header ? e.lineStart > header.lineStart && e.lineEnd <= header.bodyEnd : true))
    .at(-1);
  if (lastEntry) {
    const indent = lineIndentAt(text, lastEntry.lineStart);
    return splice(
      text,
      lastEntry.lineEnd,
      lastEntry.lineEnd,
      `${eol}${indent}${tomlKey(key)} = ${tomlInline(value)}`,
    );
  }
  if (header) {
    return splice(text, header.lineEnd, header.lineEnd, `${eol}${tomlKey(key)} = ${tomlInline(value)}`);
  }
  // The top level without keys: before the first table, or at the start.
  const first = syntax.headers[0];
  const line = `${tomlKey(key)} = ${tomlInline(value)}${eol}`;
  return first ? splice(text, first.lineStart, first.lineStart, `${line}${eol}`) : `${line}${text}`;
}

/**
 * A table written only through its sub-tables (`exports` as `[exports.Room]`, `[exports.Lobby]`):
 * a new table value becomes one more sub-table, after the last one.
 */
function addSubTableToml(
  text: string,
  syntax: TomlSyntax,
  path: ConfigPath,
  key: string,
  value: unknown,
  eol: string,
): string | null {
  const last = syntax.headers
    .filter((h) => !h.array && h.path.length > path.length && startsWith(h.path, path))
    .at(-1);
  if (!last || !isPlainObject(value)) return null;
  const lines = [
    `[${[...path, key].map((k) => tomlKey(String(k))).join(".")}]`,
    ...Object.entries(value).map(([k, v]) => `${tomlKey(k)} = ${tomlInline(v)}`),
  ];
  return splice(text, last.bodyEnd, last.bodyEnd, `${eol}${eol}${lines.join(eol)}`);
}

function appendToml(
  text: string,
  syntax: TomlSyntax,
  path: ConfigPath,
  value: unknown,
  eol: string,
): string | null {
  const elements = tableElements(syntax, path);
  const last = elements.at(-1);
  if (last) {
    if (!isPlainObject(value)) return null;
    const end = blockEnd(syntax, last);
    const firstEntry = [...syntax.entries.values()].find((e) => !e.inline && same(e.container, last.path));
    const indent = firstEntry ? lineIndentAt(text, firstEntry.lineStart) : "";
    // The blank line that sets the blocks apart comes before the comments above a header.
    const gap = blankLineBefore(text, leadingCommentStart(text, last.lineStart)) ? eol : "";
    const block = `${eol}${gap}${lineIndentAt(text, last.lineStart)}[[${last.name}]]${eol}${bodyLines(value, indent, eol)}`;
    return splice(text, end, end, block);
  }
  const entry = syntax.entries.get(pathKey(path));
  const container = syntax.containers.get(pathKey(path));
  if (entry && container?.kind === "array") {
    const written = tomlInline(value);
    const lastChild = container.children.at(-1);
    if (!lastChild) return splice(text, container.open, container.close, `[${written}]`);
    const multiline = lineStartAt(text, container.close - 1) > lineStartAt(text, lastChild.end);
    if (!multiline) return splice(text, lastChild.end, lastChild.end, `, ${written}`);
    const indent = lineIndentAt(text, lastChild.start);
    const after = /^[ \t]*,/.exec(text.slice(lastChild.end));
    const lineEnd = lineEndAt(text, lastChild.end);
    if (after) return splice(text, lineEnd, lineEnd, `${eol}${indent}${written},`);
    const added = splice(text, lineEnd, lineEnd, `${eol}${indent}${written}`);
    return splice(added, lastChild.end, lastChild.end, ",");
  }
  if (entry || container) return null;
  if (!isPlainObject(value)) return null;
  // No such array yet: a new [[...]] block at the end of its scope's section.
  const name = path.map((p) => (typeof p === "number" ? null : tomlKey(p)));
  if (name.includes(null)) return null;
  const block = `[[${name.join(".")}]]${eol}${bodyLines(value, "", eol)}`;
  const scope = path[0] === "env" && typeof path[1] === "string" ? path.slice(0, 2) : [];
  if (scope.length === 0) {
    const firstEnv = syntax.headers.find((h) => h.path[0] === "env");
    if (firstEnv) {
      const at = leadingCommentStart(text, firstEnv.lineStart);
      return splice(text, at, at, `${block}${eol}${eol}`);
    }
  } else {
    const mine = syntax.headers.filter((h) => startsWith(h.path, scope));
    const lastOfScope = mine.at(-1);
    if (lastOfScope) {
      const end = lastOfScope.array ? blockEnd(syntax, lastOfScope) : lastOfScope.bodyEnd;
      return splice(text, end, end, `${eol}${eol}${block}`);
    }
  }
  const trimmed = text.replace(/\s*$/, "");
  return `${trimmed}${trimmed === "" ? "" : `${eol}${eol}`}${block}${eol}`;
}

function blankLineBefore(text: string, lineStart: number): boolean {
  return /\n[ \t]*\r?\n$/.test(text.slice(0, lineStart));
}

/** The start of the comment lines directly above a line (they describe it), else the line. */
function leadingCommentStart(text: string, lineStart: number): number {
  let at = lineStart;
  for (;;) {
    if (at === 0) return at;
    const previous = lineStartAt(text, at - 1);
    if (!/^[ \t]*#/.test(text.slice(previous, at))) return at;
    at = previous;
  }
}

// Format-preserving edits of a TOML config. smol-toml gives values without positions, and
// re-serialising would lose comments, key order and layout; so this scanner records where every
// key, value, array element and table header is (character offsets), and each edit replaces only
// the characters it must. It runs on text smol-toml has accepted, so it can be lenient: an edit it
// cannot place returns null, and every edited text is parsed and analysed again by the caller.
import { pathKey } from "../config/toml-locator.ts";
import type { ConfigPath } from "../model.ts";
import {
  type DocumentOp,
  eolOf,
  isPlainObject,
  lineEndAt,
  lineIndentAt,
  lineStartAt,
} from "./document-ops.ts";

type Path = (string | number)[];

interface Segment {
  readonly start: number;
  readonly end: number;
  /** The resolved path through this segment (indices of earlier arrays of tables included). */
  readonly path: Path;
}

interface Entry {
  readonly path: Path;
  /** The table or inline table the key belongs to. */
  readonly container: Path;
  readonly keyStart: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  /** Start of the line holding the key, and the end of the entry's last line (before the newline). */
  readonly lineStart: number;
  readonly lineEnd: number;
  /** Inside an inline table (`{ ... }`): no line of its own. */
  readonly inline: boolean;
}

interface Header {
  readonly array: boolean;
  readonly path: Path;
  readonly lineStart: number;
  readonly lineEnd: number;
  /** The header's name as written, between the brackets. */
  readonly name: string;
  /** End of the table's last key line (or of the header line), before any blank or comment line. */
  bodyEnd: number;
}

interface Container {
  readonly kind: "array" | "table";
  readonly open: number;
  readonly close: number;
  readonly children: { start: number; end: number }[];
}

interface Scan {
  readonly entries: Map<string, Entry>;
  readonly headers: Header[];
  readonly containers: Map<string, Container>;
  readonly segments: Segment[];
}

export function scanToml(text: string): Scan {
  const entries = new Map<string, Entry>();
  const headers: Header[] = [];
  const containers = new Map<string, Container>();
  const segments: Segment[] = [];
  const arrayCounts = new Map<string, number>();
  let i = 0;
  let table: Path = [];
  let lastContentEnd = 0;
  let current: Header | null = null;

  const isSpace = (ch: string | undefined) => ch === " " || ch === "\t";
  const skipSpaces = () => {
    while (isSpace(text[i])) i++;
  };
  /** Spaces, newlines and comments (inside arrays). */
  const skipBlank = () => {
    for (;;) {
      skipSpaces();
      const ch = text[i];
      if (ch === "\n" || ch === "\r") i++;
      else if (ch === "#") while (i < text.length && text[i] !== "\n") i++;
      else return;
    }
  };
  const skipToLineEnd = () => {
    skipSpaces();
    if (text[i] === "#") while (i < text.length && text[i] !== "\n") i++;
    let end = i;
    if (text[end - 1] === "\r") end--;
    return end;
  };
  const readString = (): string => {
    const quote = text[i]!;
    const triple = text.startsWith(quote.repeat(3), i);
    const start = i;
    if (triple) {
      i += 3;
      for (;;) {
        if (i >= text.length) break;
        if (quote === '"' && text[i] === "\\") {
          i += 2;
          continue;
        }
        if (text.startsWith(quote.repeat(3), i)) {
          i += 3;
          while (text[i] === quote) i++;
          break;
        }
        i++;
      }
    } else {
      i++;
      while (i < text.length && text[i] !== quote && text[i] !== "\n") {
        if (quote === '"' && text[i] === "\\") i++;
        i++;
      }
      i++;
    }
    return text.slice(start, i);
  };
  const decodeKey = (raw: string): string => {
    if (raw.startsWith("'")) return raw.slice(1, -1);
    if (raw.startsWith('"')) {
      try {
        return JSON.parse(raw) as string;
      } catch {
        return raw.slice(1, -1);
      }
    }
    return raw;
  };
  /** A dotted key: its parts with their spans. */
  const readKey = (): { name: string; start: number; end: number }[] => {
    const parts: { name: string; start: number; end: number }[] = [];
    for (;;) {
      skipSpaces();
      const start = i;
      if (text[i] === '"' || text[i] === "'") {
        const raw = readString();
        parts.push({ name: decodeKey(raw), start, end: i });
      } else {
        while (i < text.length && /[A-Za-z0-9_-]/.test(text[i]!)) i++;
        if (i === start) return parts;
        parts.push({ name: text.slice(start, i), start, end: i });
      }
      skipSpaces();
      if (text[i] !== ".") return parts;
      i++;
    }
  };
  const countKey = (path: Path) => arrayCounts.get(pathKey(path));
  /** Resolves header segments the way TOML does: an array of tables means its last element. */
  const resolveHeader = (parts: { name: string; start: number; end: number }[], array: boolean): Path => {
    const path: Path = [];
    parts.forEach((part, n) => {
      path.push(part.name);
      segments.push({ start: part.start, end: part.end, path: [...path] });
      const last = n === parts.length - 1;
      if (last && array) {
        const count = (countKey(path) ?? 0) + 1;
        const key = pathKey(path);
        arrayCounts.set(key, count);
        const element = `${key}[${count - 1}]`;
        for (const k of [...arrayCounts.keys()]) if (k.startsWith(element)) arrayCounts.delete(k);
        path.push(count - 1);
        return;
      }
      const count = countKey(path);
      if (count !== undefined) path.push(count - 1);
    });
    return path;
  };

  const readValue = (path: Path): void => {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      readString();
      return;
    }
    if (ch === "[") {
      const open = i;
      i++;
      const children: { start: number; end: number }[] = [];
      for (let index = 0; ; index++) {
        skipBlank();
        if (i >= text.length) break;
        if (text[i] === "]") break;
        const start = i;
        readValue([...path, index]);
        children.push({ start, end: i });
        skipBlank();
        if (text[i] === ",") i++;
      }
      i++;
      containers.set(pathKey(path), { kind: "array", open, close: i, children });
      return;
    }
    if (ch === "{") {
      const open = i;
      i++;
      const children: { start: number; end: number }[] = [];
      for (;;) {
        skipBlank();
        if (i >= text.length || text[i] === "}") break;
        const keyStart = i;
        const parts = readKey();
        if (parts.length === 0) break;
        const keyPath = [...path, ...parts.map((p) => p.name)];
        parts.forEach((part, n) => {
          segments.push({
            start: part.start,
            end: part.end,
            path: [...path, ...parts.slice(0, n + 1).map((p) => p.name)],
          });
        });
        skipSpaces();
        if (text[i] === "=") i++;
        skipSpaces();
        const valueStart = i;
        readValue(keyPath);
        entries.set(pathKey(keyPath), {
          path: keyPath,
          container: path,
          keyStart,
          valueStart,
          valueEnd: i,
          lineStart: lineStartAt(text, keyStart),
          lineEnd: i,
          inline: true,
        });
        children.push({ start: keyStart, end: i });
        skipBlank();
        if (text[i] === ",") i++;
      }
      i++;
      containers.set(pathKey(path), { kind: "table", open, close: i, children });
      return;
    }
    // A bare scalar: number, boolean, date-time (which may hold one space).
    while (i < text.length && !/[,\]}#\n\r]/.test(text[i]!)) i++;
    while (isSpace(text[i - 1])) i--;
  };

  while (i < text.length) {
    skipSpaces();
    const ch = text[i];
    if (ch === undefined) break;
    if (ch === "\n" || ch === "\r") {
      i++;
      continue;
    }
    if (ch === "#") {
      skipToLineEnd();
      continue;
    }
    const lineStart = lineStartAt(text, i);
    if (ch === "[") {
      const array = text[i + 1] === "[";
      i += array ? 2 : 1;
      const nameStart = i;
      const parts = readKey();
      const name = text.slice(nameStart, i).trim();
      skipSpaces();
      i += array ? 2 : 1;
      const lineEnd = skipToLineEnd();
      if (current) current.bodyEnd = lastContentEnd;
      table = resolveHeader(parts, array);
      current = { array, path: table, lineStart, lineEnd, name, bodyEnd: lineEnd };
      headers.push(current);
      lastContentEnd = lineEnd;
      continue;
    }
    const keyStart = i;
    const parts = readKey();
    if (parts.length === 0) {
      // Not a key: skip the line (the text parsed, so this should not happen).
      while (i < text.length && text[i] !== "\n") i++;
      continue;
    }
    parts.forEach((part, n) => {
      segments.push({
        start: part.start,
        end: part.end,
        path: [...table, ...parts.slice(0, n + 1).map((p) => p.name)],
      });
    });
    const keyPath = [...table, ...parts.map((p) => p.name)];
    skipSpaces();
    if (text[i] === "=") i++;
    skipSpaces();
    const valueStart = i;
    readValue(keyPath);
    const valueEnd = i;
    const lineEnd = skipToLineEnd();
    entries.set(pathKey(keyPath), {
      path: keyPath,
      container: table,
      keyStart,
      valueStart,
      valueEnd,
      lineStart,
      lineEnd,
      inline: false,
    });
    lastContentEnd = lineEnd;
  }
  if (current) current.bodyEnd = lastContentEnd;
  return { entries, headers, containers, segments };
}

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
  const scan = scanToml(text);
  const eol = eolOf(text);
  switch (op.op) {
    case "rename-key": {
      const hits = scan.segments.filter((s) => same(s.path, op.path));
      if (hits.length === 0) return null;
      let out = text;
      for (const hit of [...hits].sort((a, b) => b.start - a.start))
        out = splice(out, hit.start, hit.end, tomlKey(op.to));
      return out;
    }
    case "set": {
      const entry = scan.entries.get(pathKey(op.path));
      if (entry) return splice(text, entry.valueStart, entry.valueEnd, op.raw ?? tomlInline(op.value));
      const parent = scan.containers.get(pathKey(op.path.slice(0, -1)));
      const index = op.path[op.path.length - 1];
      if (parent?.kind === "array" && typeof index === "number" && parent.children[index]) {
        const child = parent.children[index]!;
        return splice(text, child.start, child.end, op.raw ?? tomlInline(op.value));
      }
      // An array of tables ([[x]] blocks): written anew as one inline key.
      const elements = tableElements(scan, op.path);
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
      return removeToml(text, scan, op.path);
    case "add-key":
      return addKeyToml(text, scan, op.path, op.key, op.value, eol);
    case "append":
      return appendToml(text, scan, op.path, op.value, eol);
  }
}

function tableElements(scan: Scan, arrayPath: ConfigPath): Header[] {
  return scan.headers.filter(
    (h) => h.array && h.path.length === arrayPath.length + 1 && startsWith(h.path, arrayPath),
  );
}

/** The end of an array-of-tables element's block, its sub-tables included. */
function blockEnd(scan: Scan, header: Header): number {
  const at = scan.headers.indexOf(header);
  let end = header.bodyEnd;
  for (const next of scan.headers.slice(at + 1)) {
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

function removeChild(text: string, container: Container, index: number): string | null {
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

function removeToml(text: string, scan: Scan, path: ConfigPath): string | null {
  const entry = scan.entries.get(pathKey(path));
  if (entry && !entry.inline) return removeLines(text, entry.lineStart, entry.lineEnd);
  const parent = scan.containers.get(pathKey(path.slice(0, -1)));
  if (entry && parent?.kind === "table") {
    const index = parent.children.findIndex((c) => c.start === entry.keyStart);
    return removeChild(text, parent, index);
  }
  const index = path[path.length - 1];
  if (parent?.kind === "array" && typeof index === "number") return removeChild(text, parent, index);
  const header = scan.headers.find((h) => h.array && same(h.path, path));
  if (header) {
    let start = header.lineStart;
    // Take one blank line before the block with it, so the spacing between blocks stays even.
    const before = text.slice(0, start);
    const blank = /(?:\r?\n)[ \t]*\r?\n$/.exec(before);
    if (blank) start -= blank[0].length - (blank[0].startsWith("\r\n") ? 2 : 1);
    return removeLines(text, start, blockEnd(scan, header));
  }
  return null;
}

function addKeyToml(
  text: string,
  scan: Scan,
  path: ConfigPath,
  key: string,
  value: unknown,
  eol: string,
): string | null {
  const container = scan.containers.get(pathKey(path));
  if (container?.kind === "table") {
    const pair = `${tomlKey(key)} = ${tomlInline(value)}`;
    const last = container.children[container.children.length - 1];
    if (!last) return splice(text, container.open, container.close, `{ ${pair} }`);
    return splice(text, last.end, last.end, `, ${pair}`);
  }
  const own = [...scan.entries.values()].filter((e) => !e.inline && same(e.container, path));
  const header = path.length === 0 ? null : scan.headers.find((h) => same(h.path, path));
  if (path.length > 0 && !header) return null;
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
  const first = scan.headers[0];
  const line = `${tomlKey(key)} = ${tomlInline(value)}${eol}`;
  return first ? splice(text, first.lineStart, first.lineStart, `${line}${eol}`) : `${line}${text}`;
}

function appendToml(text: string, scan: Scan, path: ConfigPath, value: unknown, eol: string): string | null {
  const elements = tableElements(scan, path);
  const last = elements.at(-1);
  if (last) {
    if (!isPlainObject(value)) return null;
    const end = blockEnd(scan, last);
    const firstEntry = [...scan.entries.values()].find((e) => !e.inline && same(e.container, last.path));
    const indent = firstEntry ? lineIndentAt(text, firstEntry.lineStart) : "";
    // The blank line that sets the blocks apart comes before the comments above a header.
    const gap = blankLineBefore(text, leadingCommentStart(text, last.lineStart)) ? eol : "";
    const block = `${eol}${gap}${lineIndentAt(text, last.lineStart)}[[${last.name}]]${eol}${bodyLines(value, indent, eol)}`;
    return splice(text, end, end, block);
  }
  const entry = scan.entries.get(pathKey(path));
  const container = scan.containers.get(pathKey(path));
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
    const firstEnv = scan.headers.find((h) => h.path[0] === "env");
    if (firstEnv) {
      const at = leadingCommentStart(text, firstEnv.lineStart);
      return splice(text, at, at, `${block}${eol}${eol}`);
    }
  } else {
    const mine = scan.headers.filter((h) => startsWith(h.path, scope));
    const lastOfScope = mine.at(-1);
    if (lastOfScope) {
      const end = lastOfScope.array ? blockEnd(scan, lastOfScope) : lastOfScope.bodyEnd;
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

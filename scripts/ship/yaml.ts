// A small reader for the YAML that GitHub workflow, action and Dependabot files use, with the line
// of every node, so that a check can name the line it objects to. No YAML library is installed
// and none may be added, so this reads a strict subset and REFUSES the rest with an error naming
// the line (anchors, aliases, tags, complex keys, multi-line flow collections, several documents)
// rather than guess. Scalars stay strings: `true`, `24` and `on` are read as the text written.
//
// Supported: block mappings and sequences (including a sequence at its key's indentation and
// `- key: value` items), plain, 'single-' and "double-quoted" scalars (also over several lines),
// literal `|` and folded `>` block scalars with chomping and indentation indicators, one-line
// flow collections (`[a, b]`, `{ a: b }`), comments, a leading `---`.

export interface YamlScalar {
  readonly kind: "scalar";
  readonly value: string;
  readonly style: "plain" | "single" | "double" | "literal" | "folded";
  /** First and last source lines (1-based) of the scalar's text. */
  readonly line: number;
  readonly endLine: number;
}

export interface YamlEntry {
  readonly key: string;
  readonly keyLine: number;
  readonly value: YamlNode;
}

export interface YamlMap {
  readonly kind: "map";
  readonly entries: readonly YamlEntry[];
  readonly line: number;
  readonly endLine: number;
}

export interface YamlSeq {
  readonly kind: "seq";
  readonly items: readonly YamlNode[];
  readonly line: number;
  readonly endLine: number;
}

export type YamlNode = YamlScalar | YamlMap | YamlSeq;

export class YamlSubsetError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.line = line;
  }
}

const UNSUPPORTED_START: Record<string, string> = {
  "&": "anchors (&name)",
  "*": "aliases (*name)",
  "!": "tags (!tag)",
  "?": "complex keys (? key)",
  "%": "directives",
  "@": "the reserved character @",
  "`": "the reserved character `",
};

/** Parses one YAML document. An empty document is an empty plain scalar. */
export function parseYaml(text: string): YamlNode {
  return new Parser(text).document();
}

class Parser {
  private readonly lines: string[];
  private pos = 0;

  constructor(text: string) {
    this.lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
    // A final line break ends the last line; it does not start an empty one.
    if (this.lines.length > 1 && this.lines[this.lines.length - 1] === "") this.lines.pop();
  }

  document(): YamlNode {
    let first = this.nextContent();
    if (first >= 0 && /^---(\s|$)/.test(this.lines[first]!)) {
      const rest = this.lines[first]!.slice(3).trim();
      if (rest && !rest.startsWith("#")) this.fail(first, "content after `---` is not supported");
      this.pos = first + 1;
      first = this.nextContent();
    }
    if (first < 0) return { kind: "scalar", value: "", style: "plain", line: 1, endLine: 1 };
    if (indentOf(this.lines[first]!) !== 0) this.fail(first, "the document must start at column 1");
    const node = this.node(first, -1);
    const after = this.nextContent();
    if (after >= 0) {
      const line = this.lines[after]!;
      if (/^(---|\.\.\.)(\s|$)/.test(line))
        this.fail(after, "several documents in one file are not supported");
      this.fail(after, `unexpected content (indentation ${indentOf(line)})`);
    }
    return node;
  }

  /** Index of the next line that is neither blank nor a comment, from `pos`; -1 at the end. */
  private nextContent(): number {
    for (let i = this.pos; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      const leading = /^[ \t]*/.exec(line)![0];
      if (leading.includes("\t") && line.trim() !== "" && !line.trim().startsWith("#")) {
        this.fail(i, "a tab in the indentation (YAML allows only spaces)");
      }
      const trimmed = line.trim();
      if (trimmed === "" || trimmed.startsWith("#")) continue;
      return i;
    }
    return -1;
  }

  fail(index: number, message: string): never {
    throw new YamlSubsetError(index + 1, message);
  }

  /** The node starting on line `i` at its indentation; `parent` is the enclosing indentation. */
  private node(i: number, parent: number): YamlNode {
    const line = this.lines[i]!;
    const col = indentOf(line);
    const content = line.slice(col);
    if (isSeqItem(content)) return this.sequence(i, col);
    if (splitKey(content, i, this) !== null) return this.mapping(i, col);
    return this.inline(i, col, parent);
  }

  private mapping(start: number, indent: number): YamlMap {
    const entries: YamlEntry[] = [];
    const seen = new Set<string>();
    let endLine = start + 1;
    for (;;) {
      const i = this.nextContent();
      if (i < 0) break;
      const line = this.lines[i]!;
      const col = indentOf(line);
      if (col < indent || isDocumentMarker(line)) break;
      if (col > indent) this.fail(i, `unexpected indentation ${col} (the mapping above is at ${indent})`);
      const content = line.slice(col);
      if (isSeqItem(content)) break;
      const split = splitKey(content, i, this);
      if (split === null) this.fail(i, `expected "key: value" at indentation ${indent}`);
      if (seen.has(split.key)) this.fail(i, `duplicate key "${split.key}"`);
      seen.add(split.key);
      const valueCol = col + split.valueOffset;
      const rest = line.slice(valueCol);
      let value: YamlNode;
      if (isEmptyValue(rest)) {
        this.pos = i + 1;
        value = this.nested(indent, i);
      } else {
        value = this.inline(i, valueCol, indent);
      }
      entries.push({ key: split.key, keyLine: i + 1, value });
      endLine = value.endLine;
    }
    return { kind: "map", entries, line: start + 1, endLine };
  }

  /** The value of `key:` written on the following lines: deeper block, same-indent sequence, or null. */
  private nested(indent: number, keyIndex: number): YamlNode {
    const i = this.nextContent();
    if (i >= 0) {
      const col = indentOf(this.lines[i]!);
      const content = this.lines[i]!.slice(col);
      if (col > indent) return this.node(i, indent);
      if (col === indent && isSeqItem(content)) return this.sequence(i, col);
    }
    return { kind: "scalar", value: "", style: "plain", line: keyIndex + 1, endLine: keyIndex + 1 };
  }

  private sequence(start: number, indent: number): YamlSeq {
    const items: YamlNode[] = [];
    let endLine = start + 1;
    for (;;) {
      const i = this.nextContent();
      if (i < 0) break;
      const line = this.lines[i]!;
      const col = indentOf(line);
      if (col < indent || isDocumentMarker(line)) break;
      if (col > indent) this.fail(i, `unexpected indentation ${col} (the sequence above is at ${indent})`);
      if (!isSeqItem(line.slice(col))) break;
      const after = line.slice(col + 1);
      let item: YamlNode;
      if (isEmptyValue(after)) {
        this.pos = i + 1;
        const next = this.nextContent();
        item =
          next >= 0 && indentOf(this.lines[next]!) > indent
            ? this.node(next, indent)
            : { kind: "scalar", value: "", style: "plain", line: i + 1, endLine: i + 1 };
      } else {
        // `- x`: the item is the node that starts where x does, as if the dash were a space.
        const itemCol = col + 1 + indentOf(after);
        this.lines[i] = `${" ".repeat(itemCol)}${line.slice(itemCol)}`;
        item = this.node(i, indent);
      }
      items.push(item);
      endLine = item.endLine;
    }
    return { kind: "seq", items, line: start + 1, endLine };
  }

  /** A value that starts on line `i` at column `col`: a scalar or a one-line flow collection. */
  private inline(i: number, col: number, parent: number): YamlNode {
    const text = this.lines[i]!.slice(col);
    const first = text[0]!;
    if (UNSUPPORTED_START[first]) this.fail(i, `${UNSUPPORTED_START[first]} are not supported here`);
    if (first === "|" || first === ">") return this.blockScalar(i, text, parent);
    if (first === '"' || first === "'") return this.quoted(i, col, parent);
    if (first === "[" || first === "{") {
      const flow = new FlowReader(text, i, this);
      const node = flow.value();
      flow.end();
      this.pos = i + 1;
      return node;
    }
    return this.plain(i, text, parent);
  }

  private plain(i: number, text: string, parent: number): YamlScalar {
    const first = stripComment(text);
    const parts = [this.plainLine(i, first)];
    let endIndex = i;
    let blanks = 0;
    for (let j = i + 1; first === text.trimEnd() && j < this.lines.length; j++) {
      const line = this.lines[j]!;
      const trimmed = line.trim();
      if (trimmed === "") {
        blanks++;
        continue;
      }
      if (indentOf(line) <= parent || trimmed.startsWith("#")) break;
      parts.push(blanks ? "\n".repeat(blanks) : " ");
      parts.push(this.plainLine(j, stripComment(trimmed)));
      blanks = 0;
      endIndex = j;
      if (stripComment(trimmed) !== trimmed) break;
    }
    this.pos = endIndex + 1;
    return { kind: "scalar", value: parts.join(""), style: "plain", line: i + 1, endLine: endIndex + 1 };
  }

  private plainLine(i: number, text: string): string {
    if (/:(\s|$)/.test(text)) this.fail(i, `a plain value cannot contain ": " (quote it): ${text}`);
    return text.trim();
  }

  private quoted(i: number, col: number, parent: number): YamlScalar {
    const quote = this.lines[i]![col]!;
    let raw = "";
    let j = i;
    let k = col + 1;
    for (;;) {
      const line = this.lines[j]!;
      let closed = false;
      while (k < line.length) {
        const c = line[k]!;
        if (quote === '"' && c === "\\") {
          raw += line.slice(k, k + 2);
          k += 2;
          continue;
        }
        if (c === quote) {
          if (quote === "'" && line[k + 1] === "'") {
            raw += "''";
            k += 2;
            continue;
          }
          closed = true;
          break;
        }
        raw += c;
        k++;
      }
      if (closed) {
        const rest = line.slice(k + 1);
        if (rest.trim() && !/^\s+#/.test(rest))
          this.fail(j, `unexpected text after the closing quote: ${rest.trim()}`);
        break;
      }
      j++;
      if (j >= this.lines.length) this.fail(i, "a quoted value is never closed");
      const next = this.lines[j]!;
      if (next.trim() !== "" && indentOf(next) <= parent)
        this.fail(j, "a quoted value continues too far left");
      raw += "\n";
      k = 0;
    }
    this.pos = j + 1;
    const value =
      quote === '"'
        ? unescapeDouble(foldQuoted(raw, true), i, this)
        : foldQuoted(raw, false).replaceAll("''", "'");
    return { kind: "scalar", value, style: quote === '"' ? "double" : "single", line: i + 1, endLine: j + 1 };
  }

  private blockScalar(i: number, header: string, parent: number): YamlScalar {
    const match = /^([|>])([1-9]?)([+-]?)([1-9]?)(\s+#.*)?\s*$/.exec(header);
    if (!match || (match[2] && match[4]))
      this.fail(i, `cannot read the block scalar header "${header.trim()}"`);
    const folded = match[1] === ">";
    const chomp = match[3] as "" | "+" | "-";
    const explicit = Number(match[2] || match[4] || 0);
    let contentIndent = explicit ? (parent < 0 ? 0 : parent) + explicit : -1;
    const body: string[] = [];
    let endIndex = i;
    let j = i + 1;
    for (; j < this.lines.length; j++) {
      const line = this.lines[j]!;
      if (line.trim() === "") {
        body.push(line);
        continue;
      }
      const col = indentOf(line);
      if (contentIndent < 0) {
        if (col <= parent) break;
        contentIndent = col;
      }
      if (col < contentIndent) {
        if (col > parent)
          this.fail(j, `a block scalar line is indented less than its first line (${contentIndent})`);
        break;
      }
      body.push(line);
      endIndex = j;
    }
    // Trailing blank lines count only for chomping; the node ends at its last line of text.
    this.pos = endIndex + 1;
    const indentCut = Math.max(contentIndent, 0);
    const textLines = body.map((l) => l.slice(indentCut));
    let trailing = 0;
    while (textLines.length && textLines[textLines.length - 1]!.trim() === "") {
      textLines.pop();
      trailing++;
    }
    let value = folded ? foldBlock(textLines) : textLines.join("\n");
    if (textLines.length) {
      if (chomp === "") value += "\n";
      else if (chomp === "+") value += `\n${"\n".repeat(trailing)}`;
    } else if (chomp === "+") {
      value = "\n".repeat(trailing);
    }
    const endLine = textLines.length ? endIndex + 1 : i + 1;
    return { kind: "scalar", value, style: folded ? "folded" : "literal", line: i + 1, endLine };
  }
}

/** Reads one flow collection that must close on its own line. */
class FlowReader {
  private k = 0;
  private readonly text: string;
  private readonly index: number;
  private readonly parser: Failer;

  constructor(text: string, index: number, parser: Failer) {
    this.text = text;
    this.index = index;
    this.parser = parser;
  }

  private fail(message: string): never {
    return this.parser.fail(this.index, message);
  }

  private skip(): void {
    while (this.text[this.k] === " ") this.k++;
  }

  value(): YamlNode {
    this.skip();
    const c = this.text[this.k];
    const line = this.index + 1;
    if (c === undefined) this.fail("a flow collection ([...] or {...}) must close on the same line");
    if (UNSUPPORTED_START[c]) this.fail(`${UNSUPPORTED_START[c]} are not supported here`);
    if (c === "[") {
      this.k++;
      const items: YamlNode[] = [];
      for (;;) {
        this.skip();
        if (this.text[this.k] === "]") {
          this.k++;
          break;
        }
        items.push(this.value());
        this.skip();
        if (this.text[this.k] === ",") this.k++;
        else if (this.text[this.k] !== "]") this.fail("expected , or ] in a flow sequence (on one line)");
      }
      return { kind: "seq", items, line, endLine: line };
    }
    if (c === "{") {
      this.k++;
      const entries: YamlEntry[] = [];
      for (;;) {
        this.skip();
        if (this.text[this.k] === "}") {
          this.k++;
          break;
        }
        const key = this.scalar(true);
        this.skip();
        if (this.text[this.k] !== ":") this.fail("expected : in a flow mapping");
        this.k++;
        const value = this.value();
        if (entries.some((e) => e.key === key.value)) this.fail(`duplicate key "${key.value}"`);
        entries.push({ key: key.value, keyLine: line, value });
        this.skip();
        if (this.text[this.k] === ",") this.k++;
        else if (this.text[this.k] !== "}") this.fail("expected , or } in a flow mapping (on one line)");
      }
      return { kind: "map", entries, line, endLine: line };
    }
    return this.scalar(false);
  }

  private scalar(isKey: boolean): YamlScalar {
    const line = this.index + 1;
    const c = this.text[this.k];
    if (c === '"' || c === "'") {
      let raw = "";
      this.k++;
      for (;;) {
        const d = this.text[this.k];
        if (d === undefined) this.fail("a quoted value in a flow collection must close on the same line");
        if (c === '"' && d === "\\") {
          raw += this.text.slice(this.k, this.k + 2);
          this.k += 2;
          continue;
        }
        if (d === c) {
          if (c === "'" && this.text[this.k + 1] === "'") {
            raw += "''";
            this.k += 2;
            continue;
          }
          this.k++;
          break;
        }
        raw += d;
        this.k++;
      }
      const value = c === '"' ? unescapeDouble(raw, this.index, this.parser) : raw.replaceAll("''", "'");
      return { kind: "scalar", value, style: c === '"' ? "double" : "single", line, endLine: line };
    }
    const start = this.k;
    while (this.k < this.text.length) {
      const d = this.text[this.k]!;
      if (d === "," || d === "]" || d === "}" || d === "[" || d === "{") break;
      if (d === ":" && (isKey || /[\s,\]}]/.test(this.text[this.k + 1] ?? " "))) break;
      if (d === "#" && this.text[this.k - 1] === " ") this.fail("a comment inside a flow collection");
      this.k++;
    }
    return {
      kind: "scalar",
      value: this.text.slice(start, this.k).trim(),
      style: "plain",
      line,
      endLine: line,
    };
  }

  end(): void {
    const rest = this.text.slice(this.k);
    if (rest.trim() && !/^\s+#/.test(rest))
      this.fail(`unexpected text after a flow collection: ${rest.trim()}`);
  }
}

interface Failer {
  fail(index: number, message: string): never;
}

function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}

function isDocumentMarker(line: string): boolean {
  return /^(---|\.\.\.)(\s|$)/.test(line);
}

function isSeqItem(content: string): boolean {
  return content === "-" || content.startsWith("- ");
}

function isEmptyValue(rest: string): boolean {
  const trimmed = rest.trim();
  return trimmed === "" || trimmed.startsWith("#");
}

function stripComment(text: string): string {
  const match = /(^|\s)#/.exec(text);
  return (match ? text.slice(0, match.index) : text).trimEnd();
}

/**
 * `key: ...` → the key and where its value starts (offset in `content`), or null when `content`
 * is not a mapping entry.
 */
function splitKey(
  content: string,
  index: number,
  parser: Failer,
): { key: string; valueOffset: number } | null {
  const first = content[0]!;
  if (first === '"' || first === "'") {
    let k = 1;
    let raw = "";
    for (; k < content.length; k++) {
      const c = content[k]!;
      if (first === '"' && c === "\\") {
        raw += content.slice(k, k + 2);
        k++;
        continue;
      }
      if (c === first) {
        if (first === "'" && content[k + 1] === "'") {
          raw += "''";
          k++;
          continue;
        }
        break;
      }
      raw += c;
    }
    const after = content.slice(k + 1);
    const colon = /^ *:(\s|$)/.exec(after);
    if (!colon) return null;
    const key = first === '"' ? unescapeDouble(raw, index, parser) : raw.replaceAll("''", "'");
    return { key, valueOffset: k + 1 + colon[0].length };
  }
  if (first === "?" && /^\?(\s|$)/.test(content))
    parser.fail(index, "complex keys (? key) are not supported");
  if ("[{|>#-".includes(first) && !(first === "-" && !isSeqItem(content))) return null;
  const match = /:(\s|$)/.exec(content);
  if (!match) return null;
  const before = content.slice(0, match.index);
  if (/(^|\s)#/.test(before)) return null;
  const key = before.trimEnd();
  if (!key) return null;
  if (UNSUPPORTED_START[key[0]!]) parser.fail(index, `${UNSUPPORTED_START[key[0]!]} are not supported here`);
  return { key, valueOffset: match.index + 1 + (match[1] ? match[1].length : 0) };
}

/** Line folding inside a quoted scalar: a single break is a space, n blank lines are n breaks. */
function foldQuoted(raw: string, double: boolean): string {
  if (!raw.includes("\n")) return raw;
  const lines = raw.split("\n");
  let out = "";
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n]!;
    if (n > 0) line = line.replace(/^[ \t]+/, "");
    if (n < lines.length - 1) {
      // An escaped break (`\` at the end of a line in "...") joins without a space.
      if (double && /(^|[^\\])(\\\\)*\\$/.test(line)) {
        out += line.slice(0, -1);
        continue;
      }
      line = line.replace(/[ \t]+$/, "");
    }
    if (n === 0) {
      out += line;
      continue;
    }
    if (line === "" && n < lines.length - 1) {
      out += "\n";
      continue;
    }
    const previous = lines[n - 1]!.replace(/^[ \t]+/, "").replace(/[ \t]+$/, "");
    const previousJoined = double && /(^|[^\\])(\\\\)*\\$/.test(lines[n - 1]!);
    if (!previousJoined && !(previous === "" && n - 1 > 0) && !out.endsWith("\n")) out += " ";
    out += line;
  }
  return out;
}

function unescapeDouble(raw: string, index: number, parser: Failer): string {
  const simple: Record<string, string> = {
    "0": "\0",
    a: "\x07",
    b: "\b",
    t: "\t",
    "\t": "\t",
    n: "\n",
    v: "\v",
    f: "\f",
    r: "\r",
    e: "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    N: "\u0085",
    _: "\u00a0",
    L: "\u2028",
    P: "\u2029",
  };
  let out = "";
  for (let k = 0; k < raw.length; k++) {
    const c = raw[k]!;
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = raw[++k];
    if (e === undefined) parser.fail(index, "a backslash at the end of a quoted value");
    const hex = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
    if (hex) {
      const digits = raw.slice(k + 1, k + 1 + hex);
      if (!new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(digits)) parser.fail(index, `bad escape \\${e}${digits}`);
      out += String.fromCodePoint(Number.parseInt(digits, 16));
      k += hex;
      continue;
    }
    const mapped = simple[e];
    if (mapped === undefined) parser.fail(index, `unknown escape \\${e} in a double-quoted value`);
    out += mapped;
  }
  return out;
}

/** Folding of a `>` block: lines joined by spaces, blank lines kept, more-indented lines kept as is. */
function foldBlock(lines: readonly string[]): string {
  let out = "";
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (n === 0) {
      out = line;
      continue;
    }
    const previous = lines[n - 1]!;
    const spaced = (l: string) => l.startsWith(" ") || l.startsWith("\t");
    if (line === "" || previous === "" || spaced(line) || spaced(previous)) out += `\n${line}`;
    else out += ` ${line}`;
  }
  // Folding: a run of k blank lines between two text lines stands for k breaks, not k + 1.
  return out.replace(/([^\n ])\n(\n+)(?=[^\n ])/g, (_m, a: string, breaks: string) => `${a}${breaks}`);
}

/** The plain value of a node: strings, arrays and objects (for tests and simple reading). */
export function toPlain(node: YamlNode): unknown {
  if (node.kind === "scalar") return node.value;
  if (node.kind === "seq") return node.items.map(toPlain);
  return Object.fromEntries(node.entries.map((e) => [e.key, toPlain(e.value)]));
}

/** The entry `key` of a mapping node (undefined when `node` is not a mapping or has no such key). */
export function entry(node: YamlNode | undefined, key: string): YamlEntry | undefined {
  return node?.kind === "map" ? node.entries.find((e) => e.key === key) : undefined;
}

/** The value at `key` of a mapping node. */
export function get(node: YamlNode | undefined, key: string): YamlNode | undefined {
  return entry(node, key)?.value;
}

/** The scalar text at `key` of a mapping node, if it is a scalar. */
export function getString(node: YamlNode | undefined, key: string): string | undefined {
  const value = get(node, key);
  return value?.kind === "scalar" ? value.value : undefined;
}

/**
 * The source line of a JSON pointer (`/jobs/build/steps/0`) into a document: the line of the
 * deepest node the pointer reaches (the key's line for a mapping entry).
 */
export function lineOfPointer(root: YamlNode, pointer: string): number {
  let node: YamlNode = root;
  let line = root.line;
  for (const raw of pointer.split("/").slice(1)) {
    const part = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (node.kind === "map") {
      const found = node.entries.find((e) => e.key === part);
      if (!found) break;
      line = found.keyLine;
      node = found.value;
    } else if (node.kind === "seq") {
      const item = node.items[Number(part)];
      if (!item) break;
      line = item.line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applyEdits,
  findLastNodeAtLocation,
  parseTree
} from "./chunk-PIRUEGYP.js";
import {
  readEditableToml
} from "./chunk-EIFGOVMA.js";
import {
  lineEndAt,
  lineStartAt,
  pathKey
} from "./chunk-LHHAANFG.js";

// src/core/fix/document-ops.ts
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function eolOf(text) {
  return text.includes("\r\n") ? "\r\n" : "\n";
}
function lineIndentAt(text, offset) {
  const start = lineStartAt(text, offset);
  return /^[ \t]*/.exec(text.slice(start))[0];
}

// src/core/fix/toml-document.ts
var BARE_KEY = /^[A-Za-z0-9_-]+$/;
function tomlKey(key) {
  return BARE_KEY.test(key) ? key : JSON.stringify(key);
}
function tomlInline(value) {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(tomlInline).join(", ")}]`;
  if (isPlainObject(value)) {
    const parts = Object.entries(value).map(([k, v]) => `${tomlKey(k)} = ${tomlInline(v)}`);
    return parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`;
  }
  throw new TypeError(`cannot write ${String(value)} as TOML`);
}
function bodyLines(value, indent, eol) {
  return Object.entries(value).map(([k, v]) => `${indent}${tomlKey(k)} = ${tomlInline(v)}`).join(eol);
}
var same = (a, b) => pathKey(a) === pathKey(b);
var startsWith = (path, prefix) => path.length >= prefix.length && same(path.slice(0, prefix.length), prefix);
function splice(text, start, end, content) {
  return text.slice(0, start) + content + text.slice(end);
}
function editToml(text, op) {
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
        const child = parent.children[index];
        return splice(text, child.start, child.end, op.raw ?? tomlInline(op.value));
      }
      const elements = tableElements(syntax, op.path);
      if (elements.length === 0) return null;
      let out = text;
      for (let k = elements.length - 1; k >= 0 && out !== null; k--)
        out = editToml(out, { op: "remove", path: [...op.path, k] });
      if (out === null) return null;
      return editToml(out, {
        op: "add-key",
        path: op.path.slice(0, -1),
        key: String(op.path[op.path.length - 1]),
        value: op.value
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
function tableElements(syntax, arrayPath) {
  return syntax.headers.filter(
    (h) => h.array && h.path.length === arrayPath.length + 1 && startsWith(h.path, arrayPath)
  );
}
function blockEnd(syntax, header) {
  const at = syntax.headers.indexOf(header);
  let end = header.bodyEnd;
  for (const next of syntax.headers.slice(at + 1)) {
    if (!startsWith(next.path, header.path)) break;
    end = next.bodyEnd;
  }
  return end;
}
function removeLines(text, start, end) {
  let stop = end;
  if (text[stop] === "\r") stop++;
  if (text[stop] === "\n") stop++;
  return splice(text, start, stop, "");
}
function removeChild(text, container, index) {
  const children = container.children;
  const child = children[index];
  if (!child) return null;
  const ownLine = text.slice(lineStartAt(text, child.start), child.start).trim() === "" && /^\s*,?\s*(#.*)?$/.test(text.slice(child.end, lineEndAt(text, child.end)));
  if (ownLine && container.kind === "array") {
    return removeLines(text, lineStartAt(text, child.start), lineEndAt(text, child.end));
  }
  if (children.length === 1) return splice(text, container.open + 1, container.close - 1, "");
  if (index < children.length - 1) return splice(text, child.start, children[index + 1].start, "");
  return splice(text, children[index - 1].end, child.end, "");
}
function removeToml(text, syntax, path) {
  const entry = syntax.entries.get(pathKey(path));
  if (entry && !entry.inline) return removeLines(text, entry.lineStart, entry.lineEnd);
  const parent = syntax.containers.get(pathKey(path.slice(0, -1)));
  if (entry && parent?.kind === "table") {
    const index2 = parent.children.findIndex((c) => c.start === entry.keyStart);
    return removeChild(text, parent, index2);
  }
  const index = path[path.length - 1];
  if (parent?.kind === "array" && typeof index === "number") return removeChild(text, parent, index);
  const header = syntax.headers.find((h) => h.array && same(h.path, path));
  if (header) {
    let start = header.lineStart;
    const before = text.slice(0, start);
    const blank = /(?:\r?\n)[ \t]*\r?\n$/.exec(before);
    if (blank) start -= blank[0].length - (blank[0].startsWith("\r\n") ? 2 : 1);
    return removeLines(text, start, blockEnd(syntax, header));
  }
  return null;
}
function addKeyToml(text, syntax, path, key, value, eol) {
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
  const lastEntry = own.filter((e) => header ? e.lineStart > header.lineStart && e.lineEnd <= header.bodyEnd : true).at(-1);
  if (lastEntry) {
    const indent = lineIndentAt(text, lastEntry.lineStart);
    return splice(
      text,
      lastEntry.lineEnd,
      lastEntry.lineEnd,
      `${eol}${indent}${tomlKey(key)} = ${tomlInline(value)}`
    );
  }
  if (header) {
    return splice(text, header.lineEnd, header.lineEnd, `${eol}${tomlKey(key)} = ${tomlInline(value)}`);
  }
  const first = syntax.headers[0];
  const line = `${tomlKey(key)} = ${tomlInline(value)}${eol}`;
  return first ? splice(text, first.lineStart, first.lineStart, `${line}${eol}`) : `${line}${text}`;
}
function addSubTableToml(text, syntax, path, key, value, eol) {
  const last = syntax.headers.filter((h) => !h.array && h.path.length > path.length && startsWith(h.path, path)).at(-1);
  if (!last || !isPlainObject(value)) return null;
  const lines = [
    `[${[...path, key].map((k) => tomlKey(String(k))).join(".")}]`,
    ...Object.entries(value).map(([k, v]) => `${tomlKey(k)} = ${tomlInline(v)}`)
  ];
  return splice(text, last.bodyEnd, last.bodyEnd, `${eol}${eol}${lines.join(eol)}`);
}
function appendToml(text, syntax, path, value, eol) {
  const elements = tableElements(syntax, path);
  const last = elements.at(-1);
  if (last) {
    if (!isPlainObject(value)) return null;
    const end = blockEnd(syntax, last);
    const firstEntry = [...syntax.entries.values()].find((e) => !e.inline && same(e.container, last.path));
    const indent = firstEntry ? lineIndentAt(text, firstEntry.lineStart) : "";
    const gap = blankLineBefore(text, leadingCommentStart(text, last.lineStart)) ? eol : "";
    const block2 = `${eol}${gap}${lineIndentAt(text, last.lineStart)}[[${last.name}]]${eol}${bodyLines(value, indent, eol)}`;
    return splice(text, end, end, block2);
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
  const name = path.map((p) => typeof p === "number" ? null : tomlKey(p));
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
function blankLineBefore(text, lineStart) {
  return /\n[ \t]*\r?\n$/.test(text.slice(0, lineStart));
}
function leadingCommentStart(text, lineStart) {
  let at = lineStart;
  for (; ; ) {
    if (at === 0) return at;
    const previous = lineStartAt(text, at - 1);
    if (!/^[ \t]*#/.test(text.slice(previous, at))) return at;
    at = previous;
  }
}

// src/core/fix/jsonc-document.ts
function editJsonc(text, op) {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (root?.type !== "object") return null;
  const edits = editsFor(text, root, op);
  return edits === null ? null : applyEdits(text, edits);
}
function editsFor(text, root, op) {
  const eol = eolOf(text);
  const unit = indentUnit(text);
  switch (op.op) {
    case "rename-key": {
      const key = findLastNodeAtLocation(root, op.path)?.parent?.children?.[0];
      if (!key) return null;
      return [{ offset: key.offset, length: key.length, content: JSON.stringify(op.to) }];
    }
    case "set": {
      const node = findLastNodeAtLocation(root, op.path);
      if (!node) return null;
      const indent = lineIndentAt(text, node.parent?.type === "property" ? node.parent.offset : node.offset);
      const content = op.raw ?? write(op.value, node.type !== "object" && !spansLines(text, node), indent, unit, eol);
      return [{ offset: node.offset, length: node.length, content }];
    }
    case "remove":
      return removeEdits(text, root, op.path);
    case "add-key": {
      const node = findLastNodeAtLocation(root, op.path);
      if (node?.type !== "object") return null;
      const sibling = node.children?.at(-1)?.children?.[1];
      const oneLine2 = sibling ? !spansLines(text, sibling) : true;
      return insertChild(
        text,
        node,
        (inline, indent) => `${JSON.stringify(op.key)}: ${write(op.value, inline || oneLine2, indent, unit, eol)}`,
        eol,
        unit
      );
    }
    case "append": {
      const node = findLastNodeAtLocation(root, op.path);
      if (node?.type === "array") {
        const sibling = node.children?.at(-1);
        const inlineValue = sibling ? !spansLines(text, sibling) : true;
        return insertChild(
          text,
          node,
          (_inline, indent) => write(op.value, inlineValue, indent, unit, eol),
          eol,
          unit
        );
      }
      if (node) return null;
      for (let depth = op.path.length - 1; depth >= 0; depth--) {
        const parent = findLastNodeAtLocation(root, op.path.slice(0, depth));
        if (!parent) continue;
        if (parent.type !== "object") return null;
        let value = [op.value];
        for (let k = op.path.length - 1; k > depth; k--) value = { [String(op.path[k])]: value };
        const key = String(op.path[depth]);
        return insertChild(
          text,
          parent,
          (inline, indent) => `${JSON.stringify(key)}: ${write(value, inline, indent, unit, eol, true)}`,
          eol,
          unit
        );
      }
      return null;
    }
  }
}
function spansLines(text, node) {
  return text.slice(node.offset, node.offset + node.length).includes("\n");
}
function indentUnit(text) {
  const match = /\n([ \t]+)\S/.exec(text);
  return match ? match[1] : "  ";
}
function write(value, inline, indent, unit, eol, expandFirst = false) {
  if (inline) return oneLine(value);
  if (Array.isArray(value)) {
    if (value.length === 0 || value.every((v) => !isPlainObject(v) && !Array.isArray(v)))
      return oneLine(value);
    const inner = indent + unit;
    return `[${eol}${value.map((v) => inner + oneLine(v)).join(`,${eol}`)}${eol}${indent}]`;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const inner = indent + unit;
    const lines = entries.map(
      ([k, v]) => `${inner}${JSON.stringify(k)}: ${expandFirst ? write(v, false, inner, unit, eol, true) : oneLine(v)}`
    );
    return `{${eol}${lines.join(`,${eol}`)}${eol}${indent}}`;
  }
  return oneLine(value);
}
function oneLine(value) {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(", ")}]`;
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    return entries.length === 0 ? "{}" : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(", ")} }`;
  }
  return JSON.stringify(value) ?? "null";
}
function insertChild(text, container, child, eol, unit) {
  const children = container.children ?? [];
  const last = children.at(-1);
  const close = container.offset + container.length - 1;
  const multiline = spansLines(text, container);
  if (!last) {
    if (!multiline) {
      const pad = container.type === "object" ? " " : "";
      return [
        {
          offset: container.offset + 1,
          length: close - container.offset - 1,
          content: `${pad}${child(true, "")}${pad}`
        }
      ];
    }
    const indent2 = lineIndentAt(text, container.offset);
    return [
      {
        offset: container.offset + 1,
        length: 0,
        content: `${eol}${indent2}${unit}${child(false, indent2 + unit)}`
      }
    ];
  }
  const lastEnd = last.offset + last.length;
  if (!multiline || lineStartAt(text, close) === lineStartAt(text, lastEnd)) {
    return [{ offset: lastEnd, length: 0, content: `, ${child(true, lineIndentAt(text, last.offset))}` }];
  }
  const indent = lineIndentAt(text, last.offset);
  const trailingComma = /^[ \t]*,/.exec(text.slice(lastEnd));
  const lineEnd = lineEndAt(text, lastEnd);
  const inserted = `${eol}${indent}${child(false, indent)}`;
  if (trailingComma) return [{ offset: lineEnd, length: 0, content: `${inserted},` }];
  return [
    { offset: lastEnd, length: 0, content: "," },
    { offset: lineEnd, length: 0, content: inserted }
  ];
}
function removeEdits(text, root, path) {
  const node = findLastNodeAtLocation(root, path);
  if (!node) return null;
  const item = node.parent?.type === "property" ? node.parent : node;
  const container = item.parent;
  if (!container) return null;
  const siblings = container.children ?? [];
  const index = siblings.indexOf(item);
  const start = item.offset;
  const end = item.offset + item.length;
  const lineStart = lineStartAt(text, start);
  const lineEnd = lineEndAt(text, end);
  const ownLines = text.slice(lineStart, start).trim() === "" && /^\s*,?\s*(\/\/.*)?$/.test(text.slice(end, lineEnd));
  if (!ownLines) {
    const previous2 = siblings[index - 1];
    const next = siblings[index + 1];
    if (previous2) {
      const from = previous2.offset + previous2.length;
      return [{ offset: from, length: end - from, content: "" }];
    }
    if (next) return [{ offset: start, length: next.offset - start, content: "" }];
    return [{ offset: start, length: end - start, content: "" }];
  }
  let stop = lineEnd;
  if (text[stop] === "\r") stop++;
  if (text[stop] === "\n") stop++;
  const edits = [{ offset: lineStart, length: stop - lineStart, content: "" }];
  const hadComma = /^\s*,/.test(text.slice(end));
  const previous = siblings[index - 1];
  if (index === siblings.length - 1 && previous && !hadComma) {
    const previousEnd = previous.offset + previous.length;
    const comma = /^[ \t]*,/.exec(text.slice(previousEnd));
    if (comma) edits.push({ offset: previousEnd, length: comma[0].length, content: "" });
  }
  return edits;
}

// src/core/fix/document.ts
function editDocument(format, text, op) {
  return format === "toml" ? editToml(text, op) : editJsonc(text, op);
}
function uneditable(format, text) {
  if (format !== "toml") return null;
  const reading = readEditableToml(text);
  return reading.ok ? null : reading.reason;
}
function applyOps(format, text, ops) {
  let out = text;
  for (const op of ops) {
    const next = editDocument(format, out, op);
    if (next === null) return null;
    out = next;
  }
  return out;
}
function rawValueText(format, text, path) {
  if (format === "toml") {
    const reading = readEditableToml(text);
    const entry = reading.ok ? reading.syntax.entries.get(pathKey(path)) : void 0;
    return entry ? text.slice(entry.valueStart, entry.valueEnd) : void 0;
  }
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const node = root ? findLastNodeAtLocation(root, path) : void 0;
  return node ? text.slice(node.offset, node.offset + node.length) : void 0;
}

export {
  eolOf,
  tomlKey,
  uneditable,
  applyOps,
  rawValueText
};

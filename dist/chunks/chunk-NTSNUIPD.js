import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  suppressedIn
} from "./chunk-J2SM3AHV.js";
import {
  analyzeFile,
  baseWorkerIndex,
  codeFindings,
  crossFileKeys,
  pendingSteps,
  reportFor,
  repositoryFindings,
  workerEntryPath
} from "./chunk-PN7JHV25.js";
import {
  replayLifecycle
} from "./chunk-QWO2RPQJ.js";
import {
  STEP_KEYS,
  applyEdits,
  canonicalJson,
  configFormat,
  findLastNodeAtLocation,
  isLocalBinding,
  isRecord,
  parseConfigText,
  parseTree,
  q,
  readWorkers
} from "./chunk-2BJOGL7Q.js";
import {
  severityRank
} from "./chunk-TLPFU5T4.js";
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

// src/core/fix/scope.ts
function scopePath(env) {
  return env === null ? [] : ["env", env];
}
function lifecycleScope(worker) {
  if (worker.ownsLifecycle) return scopePath(worker.env);
  return worker.lifecycle.model !== "none" && worker.lifecycle.inherited ? [] : scopePath(worker.env);
}
function valueAt(value, path) {
  let at = value;
  for (const part of path) {
    if (at === null || typeof at !== "object") return void 0;
    at = at[part];
  }
  return at;
}
function bindingPaths(config, worker, className) {
  const list = [...scopePath(worker.env), "durable_objects", "bindings"];
  const items = valueAt(config, list);
  if (!Array.isArray(items)) return [];
  return items.flatMap((item, index) => {
    if (!isRecord(item) || item.class_name !== className) return [];
    const scriptName = typeof item.script_name === "string" ? item.script_name : null;
    const binding = {
      name: String(item.name),
      className,
      scriptName,
      environment: null,
      line: null
    };
    return isLocalBinding(binding, worker) ? [[...list, index]] : [];
  });
}

// src/core/fix/tags.ts
var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
var NUMBERED = /^(.*?)(\d+)$/;
function nextTag(existing, today) {
  const tags = existing.filter((t) => t !== null);
  const taken = new Set(tags);
  const free = (candidates) => {
    for (const candidate of candidates) if (!taken.has(candidate)) return candidate;
    throw new Error("unreachable");
  };
  const last = tags.at(-1);
  if (last !== void 0 && DATE.test(last) && DATE.test(today)) {
    return free(counted(today, (n) => `${today}-${n}`));
  }
  const numbered = last === void 0 ? null : NUMBERED.exec(last);
  if (numbered && !DATE.test(last)) {
    const [, prefix, digits] = numbered;
    const width = digits.startsWith("0") ? digits.length : 1;
    let highest = 0;
    for (const tag of tags) {
      const m = NUMBERED.exec(tag);
      if (m && m[1] === prefix) highest = Math.max(highest, Number(m[2]));
    }
    return free(counted(null, (n) => `${prefix}${String(highest + n - 1).padStart(width, "0")}`, 2));
  }
  return free(counted(null, (n) => `v${tags.length + n - 1}`, 2));
}
function* counted(first, nth, from = 2) {
  if (first !== null) yield first;
  for (let n = from; ; n++) yield nth(n);
}

// src/core/fix/proposals.ts
function proposalsFor(state, context) {
  const out = [];
  const boundGroups = /* @__PURE__ */ new Map();
  const stillBound = /* @__PURE__ */ new Map();
  for (const finding of state.findings) {
    if (!finding.introduced) continue;
    switch (finding.kind) {
      case "unknown-key":
        push(out, renameKey(state, finding));
        break;
      case "history-edited":
        push(out, moveAddition(state, finding, context));
        break;
      case "binding-unknown-class": {
        const key = String(finding.env);
        boundGroups.set(key, [...boundGroups.get(key) ?? [], finding]);
        break;
      }
      case "delete-mixed-step":
        push(out, splitDelete(state, finding, context));
        break;
      case "duplicate-tag":
        push(out, retagDuplicate(state, finding, context));
        break;
      case "probable-rename":
        push(out, renameClass(state, finding));
        break;
      case "delete-still-bound": {
        const key = `\0${finding.tag}\0${finding.classes.join("\0")}`;
        stillBound.set(key, [...stillBound.get(key) ?? [], finding]);
        break;
      }
      default:
        break;
    }
  }
  for (const group of boundGroups.values()) push(out, createBoundClasses(state, group, context));
  for (const group of stillBound.values()) push(out, holdBackDelete(state, group, context));
  return out;
}
function isProposal(p) {
  return "ops" in p;
}
function push(out, p) {
  if (p) out.push(p);
}
function steps(_state, worker) {
  return worker.lifecycle.model === "migrations" ? worker.lifecycle.steps : [];
}
function workerAt(workers, env) {
  return workers.find((w) => w.env === env);
}
function fileOf(state, targets, kind, reason) {
  return { kind, file: state.file, targets, reason };
}
var CREATE_KEYS = ["new_sqlite_classes", "new_classes"];
function stringList(value) {
  return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}
function renameKey(state, finding) {
  const draft = state.headDrafts.find(
    (d) => d.kind === "unknown-key" && d.env === finding.env && d.path !== void 0 && state.head.locate(d.path) === finding.line && (d.classes ?? []).join("\0") === finding.classes.join("\0") && (d.tag ?? null) === finding.tag
  );
  if (!draft?.path || !draft.replacement) return null;
  const path = draft.path;
  const parent = valueAt(state.head.value, path.slice(0, -1));
  const existing = isRecord(parent) ? parent[draft.replacement] : void 0;
  if (existing !== void 0 && !(state.head.format === "toml" && Array.isArray(existing))) return null;
  const from = String(path[path.length - 1]);
  const where = finding.tag ? ` in migration ${q(finding.tag)}` : finding.env ? ` in env ${q(finding.env)}` : "";
  return {
    kind: "rename-key",
    file: state.file,
    targets: [finding],
    title: `Rename ${q(from)} to ${q(draft.replacement)}${where}.`,
    ops: [{ op: "rename-key", path, to: draft.replacement }],
    flag: null,
    adds: []
  };
}
function moveAddition(state, finding, context) {
  const head = workerAt(state.headWorkers, finding.env);
  const base = workerAt(state.baseWorkers, finding.env);
  if (!head || !base || finding.tag === null) return null;
  const headSteps = steps(state, head);
  const baseSteps = steps(state, base);
  const headIndex = headSteps.findIndex((s) => s.tag === finding.tag);
  const baseIndex = baseSteps.findIndex((s) => s.tag === finding.tag);
  if (headIndex < 0 || baseIndex < 0) return null;
  const headList = [...lifecycleScope(head), "migrations"];
  const baseList = [...lifecycleScope(base), "migrations"];
  const headEntry = valueAt(state.head.value, [...headList, headIndex]);
  const baseEntry = state.base ? valueAt(state.base.value, [...baseList, baseIndex]) : void 0;
  if (!isRecord(headEntry) || !isRecord(baseEntry)) return null;
  const added = {};
  for (const key of Object.keys(headEntry)) {
    if (key === "tag") continue;
    if (!STEP_KEYS.includes(key) || !Array.isArray(headEntry[key])) {
      return fileOf(
        state,
        [finding],
        "move-addition",
        `migration ${q(finding.tag)} gained ${q(key)}, which is not a list of operations`
      );
    }
    const before = baseEntry[key] === void 0 ? [] : baseEntry[key];
    if (!Array.isArray(before)) return null;
    const remaining = before.map((item) => canonicalJson(item));
    const extra = [];
    for (const item of headEntry[key]) {
      const at = remaining.indexOf(canonicalJson(item));
      if (at >= 0) remaining.splice(at, 1);
      else extra.push(item);
    }
    if (remaining.length > 0) {
      return fileOf(
        state,
        [finding],
        "move-addition",
        `migration ${q(finding.tag)} was changed, not only added to (${q(key)} lost entries): restore it by hand and append a new migration`
      );
    }
    if (extra.length > 0) added[key] = extra;
  }
  for (const key of Object.keys(baseEntry)) {
    if (key !== "tag" && headEntry[key] === void 0) {
      return fileOf(
        state,
        [finding],
        "move-addition",
        `migration ${q(finding.tag)} lost ${q(key)}: restore it by hand`
      );
    }
  }
  const keys = Object.keys(added);
  if (keys.length === 0) return null;
  const ops = [];
  for (const key of keys) {
    const path = [...headList, headIndex, key];
    if (baseEntry[key] === void 0) ops.push({ op: "remove", path });
    else
      ops.push({ op: "set", path, value: baseEntry[key], raw: rawOf(state, [...baseList, baseIndex, key]) });
  }
  const tag = nextTag(
    headSteps.map((s) => s.tag),
    context.today
  );
  const step = { tag };
  for (const key of STEP_KEYS) if (added[key]) step[key] = added[key];
  ops.push({ op: "append", path: headList, value: step });
  const names = keys.flatMap((k) => added[k].map(describeItem));
  return {
    kind: "move-addition",
    file: state.file,
    targets: [finding],
    title: `Restore migration ${q(finding.tag)} as it was applied and move the addition (${names.join(", ")}) to a new migration ${q(tag)}.`,
    ops,
    flag: null,
    adds: []
  };
}
function describeItem(item) {
  if (typeof item === "string") return q(item);
  if (isRecord(item) && typeof item.from === "string" && typeof item.to === "string")
    return `${q(item.from)} -> ${q(item.to)}`;
  return q(item);
}
function rawOf(state, path) {
  return state.baseRaw(path);
}
function createBoundClasses(state, findings, context) {
  const env = findings[0].env;
  const worker = workerAt(state.headWorkers, env);
  if (!worker) return null;
  const entry = workerEntryPath(worker);
  const exports = entry ? context.exportsOf?.(entry) : void 0;
  const wanted = [...new Set(findings.flatMap((f) => f.classes))];
  if (exports?.status === "known") {
    const missing = wanted.filter((name) => !exports.names.has(name));
    if (missing.length > 0) {
      return fileOf(
        state,
        findings.filter((f) => f.classes.some((c) => missing.includes(c))),
        "create-bound-class",
        `${q(entry)} does not export ${missing.map(q).join(", ")}: fix the binding's \`class_name\`, or export the class, then run fix again`
      );
    }
  }
  const classes = wanted;
  const scope = lifecycleScope(worker);
  if (worker.lifecycle.model === "exports") {
    const ops = classes.map((name) => ({
      op: "add-key",
      path: [...scope, "exports"],
      key: name,
      value: { type: "durable-object", storage: "sqlite" }
    }));
    return {
      kind: "create-bound-class",
      file: state.file,
      targets: findings,
      title: `Declare ${classes.map(q).join(", ")} in \`exports\` with SQLite storage, as the binding${findings.length > 1 ? "s expect" : " expects"}.`,
      ops,
      flag: null,
      adds: []
    };
  }
  const tag = nextTag(
    steps(state, worker).map((s) => s.tag),
    context.today
  );
  return {
    kind: "create-bound-class",
    file: state.file,
    targets: findings,
    title: `Add migration ${q(tag)} creating ${classes.map(q).join(", ")} with SQLite storage (\`new_sqlite_classes\`), as the binding${findings.length > 1 ? "s expect" : " expects"}.`,
    ops: [{ op: "append", path: [...scope, "migrations"], value: { tag, new_sqlite_classes: classes } }],
    flag: null,
    adds: ["class-created"]
  };
}
function pendingStep(state, worker, tag) {
  const base = workerAt(state.baseWorkers, worker.env);
  const head = steps(state, worker);
  const pending = pendingSteps(base ? steps(state, base) : [], head);
  const step = [...pending].reverse().find((s) => s.tag === tag);
  return step ? { step, index: step.index } : null;
}
function splitDelete(state, finding, context) {
  const worker = workerAt(state.headWorkers, finding.env);
  if (!worker) return null;
  const found = pendingStep(state, worker, finding.tag);
  if (!found) return null;
  const list = [...lifecycleScope(worker), "migrations"];
  const entry = valueAt(state.head.value, [...list, found.index]);
  if (!isRecord(entry)) return null;
  const deleted = stringList(entry.deleted_classes);
  const others = found.step.ops.filter((op) => op.type !== "delete");
  const named = new Set(others.flatMap((op) => op.type === "rename" ? [op.from, op.to] : [op.className]));
  const clash = deleted.filter((name) => named.has(name));
  if (clash.length > 0) {
    return fileOf(
      state,
      [finding],
      "split-delete",
      `migration ${q(finding.tag)} deletes and also creates or renames ${clash.map(q).join(", ")}: splitting would change its meaning`
    );
  }
  const tag = nextTag(
    steps(state, worker).map((s) => s.tag),
    context.today
  );
  return {
    kind: "split-delete",
    file: state.file,
    targets: [finding],
    title: `Move the delete of ${deleted.map(q).join(", ")} out of migration ${q(finding.tag)} into a migration of its own, ${q(tag)} (the two-phase deploy needs it apart).`,
    ops: [
      { op: "remove", path: [...list, found.index, "deleted_classes"] },
      { op: "append", path: list, value: { tag, deleted_classes: deleted } }
    ],
    flag: null,
    adds: []
  };
}
function retagDuplicate(state, finding, context) {
  const worker = workerAt(state.headWorkers, finding.env);
  if (!worker || finding.tag === null) return null;
  const found = pendingStep(state, worker, finding.tag);
  const head = steps(state, worker);
  const copies = head.filter((s) => s.tag === finding.tag);
  if (!found || copies.length < 2 || found.step === copies[0]) return null;
  const tag = nextTag(
    head.map((s) => s.tag),
    context.today
  );
  return {
    kind: "retag-duplicate",
    file: state.file,
    targets: [finding],
    title: `Rename the tag of the new migration ${q(finding.tag)} (a duplicate) to ${q(tag)}.`,
    ops: [{ op: "set", path: [...lifecycleScope(worker), "migrations", found.index, "tag"], value: tag }],
    flag: null,
    adds: []
  };
}
function renameClass(state, finding) {
  const [gone, target] = finding.classes;
  const worker = workerAt(state.headWorkers, finding.env);
  const base = workerAt(state.baseWorkers, finding.env);
  if (!gone || !target || !worker || !base || worker.lifecycle.model !== "migrations") return null;
  const wasStorage = replayLifecycle(base.lifecycle).classes.get(gone)?.storage ?? null;
  const nowStorage = replayLifecycle(worker.lifecycle).classes.get(target)?.storage ?? null;
  if (wasStorage && nowStorage && wasStorage !== nowStorage) {
    return fileOf(
      state,
      [finding],
      "rename-class",
      `${q(gone)} has ${wasStorage === "kv" ? "key-value" : "SQLite"} storage and ${q(target)} ${nowStorage === "kv" ? "key-value" : "SQLite"}: a rename keeps the storage, so a storage switch cannot be one`
    );
  }
  const list = [...lifecycleScope(worker), "migrations"];
  const pending = pendingSteps(steps(state, base), steps(state, worker));
  const entryOf = (s) => valueAt(state.head.value, [...list, s.index]);
  const deleting = pending.find((s) => s.ops.some((op) => op.type === "delete" && op.className === gone));
  const creating = pending.find((s) => s.ops.some((op) => op.type === "create" && op.className === target));
  if (!deleting || !creating) return null;
  const deleteEntry = entryOf(deleting);
  const createEntry = entryOf(creating);
  if (!isRecord(deleteEntry) || !isRecord(createEntry)) return null;
  const createKey = CREATE_KEYS.find((k) => stringList(createEntry[k]).includes(target));
  if (!createKey) return null;
  const ops = [];
  const dropFromList = (entry, index, key, name) => {
    const values = stringList(entry[key]);
    const path = [...list, index, key];
    if (values.length === 1) ops.push({ op: "remove", path });
    else ops.push({ op: "remove", path: [...path, values.indexOf(name)] });
  };
  if (Array.isArray(createEntry.renamed_classes))
    ops.push({
      op: "append",
      path: [...list, creating.index, "renamed_classes"],
      value: { from: gone, to: target }
    });
  else
    ops.push({
      op: "add-key",
      path: [...list, creating.index],
      key: "renamed_classes",
      value: [{ from: gone, to: target }]
    });
  dropFromList(createEntry, creating.index, createKey, target);
  const deleteKeys = Object.keys(deleteEntry).filter((k) => k !== "tag");
  const onlyThisDelete = deleting !== creating && deleteKeys.length === 1 && stringList(deleteEntry.deleted_classes).length === 1;
  if (onlyThisDelete) ops.push({ op: "remove", path: [...list, deleting.index] });
  else dropFromList(deleteEntry, deleting.index, "deleted_classes", gone);
  return {
    kind: "rename-class",
    file: state.file,
    targets: [finding],
    title: `Rename ${q(gone)} to ${q(target)} (\`renamed_classes\`) instead of deleting ${q(gone)} and creating ${q(target)}: the objects and their data are kept.`,
    ops,
    flag: "accept-renames",
    adds: ["class-renamed"]
  };
}
function holdBackDelete(state, findings, context) {
  const first = findings[0];
  const className = first.classes[0];
  const worker = workerAt(state.headWorkers, first.env);
  if (!className || !worker || worker.lifecycle.model !== "migrations" || first.tag === null) return null;
  const found = pendingStep(state, worker, first.tag);
  if (!found?.step.ops.some((op) => op.type === "delete" && op.className === className)) return null;
  const list = [...lifecycleScope(worker), "migrations"];
  const entry = valueAt(state.head.value, [...list, found.index]);
  if (!isRecord(entry)) return null;
  const entryPath = [...list, found.index];
  const deleted = stringList(entry.deleted_classes);
  const onlyThisDelete = Object.keys(entry).filter((k) => k !== "tag").length === 1 && deleted.length === 1;
  const scope = lifecycleScope(worker).join("\0");
  const readers = state.headWorkers.filter(
    (w) => w.lifecycle.model === "migrations" && lifecycleScope(w).join("\0") === scope
  );
  const removals = readers.flatMap(
    (w) => bindingPaths(state.head.value, w, className)
  );
  if (removals.length === 0) {
    return fileOf(
      state,
      findings,
      "phase-one",
      `the binding to ${q(className)} names another Worker's class through \`script_name\`: deploy that binding change on its own first`
    );
  }
  const entryOf = context.exportsOf && workerEntryPath(worker);
  const exports = entryOf ? context.exportsOf?.(entryOf) : void 0;
  if (exports?.status === "known" && !exports.names.has(className)) {
    return fileOf(
      state,
      findings,
      "phase-one",
      `${q(entryOf)} no longer exports ${q(className)}, and phase 1 needs it (code 10064): export it again (a stub class is enough), then run fix again`
    );
  }
  const ops = [];
  for (const path of [...removals].reverse()) ops.push({ op: "remove", path });
  if (onlyThisDelete) ops.push({ op: "remove", path: entryPath });
  else if (deleted.length === 1) ops.push({ op: "remove", path: [...entryPath, "deleted_classes"] });
  else ops.push({ op: "remove", path: [...entryPath, "deleted_classes", deleted.indexOf(className)] });
  const envs = [
    ...new Set(
      readers.filter((w) => bindingPaths(state.head.value, w, className).length > 0).map((w) => w.env === null ? "the top level" : `env ${q(w.env)}`)
    )
  ];
  return {
    kind: "phase-one",
    file: state.file,
    targets: findings,
    title: `Phase 1 of deleting ${q(className)}: remove its binding${removals.length === 1 ? "" : "s"} (${envs.join(", ")}) and hold the delete in migration ${q(first.tag)} back; keep exporting ${q(className)}, deploy, then add the delete again (phase 2).`,
    ops,
    flag: null,
    // Phase 1 is the removal of the bindings the code used: the check says so (DO401).
    adds: ["binding-removed"]
  };
}

// src/core/fix/fix.ts
var MAX_ROUNDS = 100;
function fixConfigs(changes, options) {
  const checker = new Checker(changes, options);
  const texts = new Map(changes.map((c) => [c.file, c.headText]));
  const textOf = (file) => texts.get(file) ?? null;
  const applied = [];
  const first = checker.report(textOf);
  const findings = byFile(first.findings);
  let left = [];
  let suppressed = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    left = [];
    const candidates = checker.proposals(textOf, findings);
    suppressed = candidates.suppressed;
    const touched = /* @__PURE__ */ new Set();
    for (const candidate of candidates.open) {
      if (touched.has(candidate.file)) continue;
      if (!isProposal(candidate)) {
        left.push(notFixable(candidate));
        continue;
      }
      const verdict = checker.evaluate(candidate, textOf, options);
      if (verdict.status !== "ok") {
        left.push(leftOf(candidate, verdict));
        continue;
      }
      texts.set(candidate.file, verdict.after);
      checker.moved(candidate.file, textOf);
      for (const p of verdict.chain)
        applied.push({ kind: p.kind, file: p.file, title: p.title, targets: p.targets });
      for (const file of verdict.judged) {
        findings.set(file, verdict.findings.get(file) ?? []);
        touched.add(file);
      }
    }
    if (touched.size === 0) break;
  }
  const files = changes.flatMap((c) => {
    const after2 = texts.get(c.file);
    return c.headText !== null && after2 != null && after2 !== c.headText ? [{ file: c.file, before: c.headText, after: after2 }] : [];
  });
  const after = applied.length > 0 ? checker.report(textOf) : first;
  return { files, applied, left, suppressed, before: first, after };
}
function offerFixes(changes, options) {
  const checker = new Checker(changes, options);
  const texts = new Map(changes.map((c) => [c.file, c.headText]));
  const textOf = (file) => texts.get(file) ?? null;
  const findings = byFile(checker.report(textOf).findings);
  const offers = [];
  const all = { ...options, acceptDeletes: true, acceptRenames: true };
  for (const candidate of checker.proposals(textOf, findings).open) {
    if (!isProposal(candidate)) continue;
    const verdict = checker.evaluate(candidate, textOf, all);
    if (verdict.status !== "ok") continue;
    const strict = judge(verdict.proposal, verdict.proof, {
      ...options,
      acceptDeletes: false,
      acceptRenames: false
    });
    const same2 = offers.findIndex((o) => o.file === candidate.file && o.after === verdict.after);
    if (same2 >= 0) {
      const o = offers[same2];
      offers[same2] = { ...o, targets: [...o.targets, ...verdict.chain.flatMap((p) => p.targets)] };
      continue;
    }
    offers.push({
      id: offerId(candidate),
      kind: candidate.kind,
      file: candidate.file,
      title: verdict.chain.map((p) => p.title).join(" "),
      targets: verdict.chain.flatMap((p) => p.targets),
      flag: strict.status === "needs" ? strict.flag : null,
      before: textOf(candidate.file) ?? "",
      after: verdict.after
    });
  }
  return offers;
}
function byFile(findings) {
  const out = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const list = out.get(f.file);
    if (list) list.push(f);
    else out.set(f.file, [f]);
  }
  return out;
}
function signature(f) {
  return [f.kind, f.file, f.env ?? "\0top", [...f.classes].sort().join(",")].join("");
}
function counts(findings, keep) {
  const out = /* @__PURE__ */ new Map();
  for (const f of findings) if (keep(f)) out.set(signature(f), (out.get(signature(f)) ?? 0) + 1);
  return out;
}
var serious = (f) => f.dataLoss || severityRank(f.severity) >= severityRank("warning");
function proveFix(before, after, targets, expected) {
  const all = () => true;
  const was = counts(before.findings, all);
  const now = counts(after.findings, all);
  const resolved = targets.every((t) => (now.get(signature(t)) ?? 0) < (was.get(signature(t)) ?? 0));
  const wasSerious = counts(before.findings, serious);
  const seen = /* @__PURE__ */ new Map();
  const added = [];
  for (const f of after.findings) {
    if (!serious(f) || expected.includes(f.kind)) continue;
    const key = signature(f);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > (wasSerious.get(key) ?? 0)) added.push(f);
  }
  return { resolved, added };
}
var Links = class {
  keys = /* @__PURE__ */ new Map();
  defining = /* @__PURE__ */ new Map();
  reaching = /* @__PURE__ */ new Map();
  set(file, keys) {
    const old = this.keys.get(file);
    if (old) {
      for (const name of old.names) this.defining.get(name)?.delete(file);
      for (const name of old.reaches) this.reaching.get(name)?.delete(file);
    }
    this.keys.set(file, keys);
    for (const name of keys.names) add(this.defining, name, file);
    for (const name of keys.reaches) add(this.reaching, name, file);
  }
  /** The other files joined to a file with these keys (its own, or those of another text of it). */
  joined(file, keys) {
    const out = /* @__PURE__ */ new Set();
    const from = (index, names) => {
      for (const name of names) for (const other of index.get(name) ?? []) if (other !== file) out.add(other);
    };
    for (const k of keys) {
      from(this.defining, k.names);
      from(this.reaching, k.names);
      from(this.defining, k.reaches);
    }
    return out;
  }
};
function add(index, name, file) {
  const files = index.get(name);
  if (files) files.add(file);
  else index.set(name, /* @__PURE__ */ new Set([file]));
}
var Checker = class {
  changes;
  byName;
  options;
  /** Each file's analyses, by text (a text of the file is its key: no copy of it is made). */
  analyses = /* @__PURE__ */ new Map();
  code = /* @__PURE__ */ new WeakMap();
  links = null;
  /** The base revision's Workers by name: a fix edits head texts only, so it holds throughout. */
  baseWorkersNamed;
  constructor(changes, options) {
    this.changes = changes;
    this.byName = new Map(changes.map((c) => [c.file, c]));
    this.options = options;
    this.baseWorkersNamed = baseWorkerIndex(changes);
  }
  analysis(change, text) {
    let byText = this.analyses.get(change.file);
    if (!byText) {
      byText = /* @__PURE__ */ new Map();
      this.analyses.set(change.file, byText);
    }
    let analysis = byText.get(text);
    if (!analysis) {
      analysis = analyzeFile(
        { ...change, headText: text },
        { envs: this.options.envs ?? null, baseWorkersNamed: this.baseWorkersNamed }
      );
      byText.set(text, analysis);
    }
    return analysis;
  }
  /** The code-aware findings of one file (they depend on that file and its code only). */
  codeOf(analysis) {
    const exportsOf = this.options.exportsOf;
    if (!exportsOf) return [];
    let found = this.code.get(analysis);
    if (!found) {
      found = codeFindings([analysis], exportsOf);
      this.code.set(analysis, found);
    }
    return found;
  }
  /** The whole report over every file. */
  report(textOf) {
    const analyses = this.changes.map((c) => this.analysis(c, textOf(c.file)));
    this.links = new Links();
    for (const a of analyses) this.links.set(a.file, crossFileKeys(a));
    return reportFor(
      analyses,
      analyses.flatMap((a) => this.codeOf(a))
    );
  }
  /** A fix changed a file's text: its links follow. */
  moved(file, textOf) {
    const change = this.byName.get(file);
    if (change && this.links) this.links.set(file, crossFileKeys(this.analysis(change, textOf(file))));
  }
  /**
   * The files a fix of `file` is proven on, given the texts it has before and after: the file and
   * the files joined to it (in the changes' order), whose findings are the ones it can change.
   *
   * Their findings are computed from these files alone. A joined file's findings may also depend
   * on files joined to it in turn, but only through a rule that takes findings away (another
   * Worker's DO105 replaces the DO107 of a delete it blocks), and those files are the same before
   * and after: leaving them out can make a proof stricter, never looser (test/core/fix-properties).
   */
  scope(file, versions) {
    const change = this.byName.get(file);
    const keys = versions.map((text) => crossFileKeys(this.analysis(change, text)));
    const files = this.links.joined(file, keys).add(file);
    return this.changes.filter((c) => files.has(c.file));
  }
  /** The findings of these files, from these files. */
  findingsIn(textOf, scope) {
    const analyses = scope.map((c) => this.analysis(c, textOf(c.file)));
    return repositoryFindings(
      analyses,
      analyses.flatMap((a) => this.codeOf(a))
    );
  }
  /**
   * The fixes of every file with a finding this change introduced, from the current findings by
   * file: `open` for the findings the policy leaves open, `suppressed` for the others.
   */
  proposals(textOf, findings, only) {
    const suppression = only ? () => void 0 : this.suppression(textOf, findings);
    const open = [];
    const suppressed = [];
    const context = { today: this.options.today, exportsOf: this.options.exportsOf };
    for (const change of only ? [this.byName.get(only)] : this.changes) {
      const text = textOf(change.file);
      if (text === null || change.headUnreadable) continue;
      const mine = findings.get(change.file) ?? [];
      if (!mine.some((f) => f.introduced)) continue;
      const left = mine.filter((f) => !suppression(f));
      const alone = mine.filter((f) => suppression(f));
      const state = fileState(change, text, left);
      if (!state) continue;
      open.push(...proposalsFor(state, context));
      if (alone.length === 0) continue;
      for (const p of proposalsFor({ ...state, findings: alone }, context)) {
        suppressed.push({
          kind: p.kind,
          file: p.file,
          title: isProposal(p) ? p.title : null,
          targets: p.targets.map((t) => ({ ...t, suppressed: suppression(t) }))
        });
      }
    }
    return { open, suppressed };
  }
  /** How the policy suppresses a finding of the current texts, if it does. */
  suppression(textOf, findings) {
    const policy = this.options.policy;
    if (!policy) return () => void 0;
    const changes = this.changes.map((c) => ({ ...c, headText: textOf(c.file) }));
    const all = changes.flatMap((c) => findings.get(c.file) ?? []);
    return suppressedIn(policy({ risk: "none", findings: all }, changes));
  }
  /**
   * Writes and proves a fix. When the fixed text shows findings the first text hid (renaming
   * `[[migration]]` reveals the misspelt keys of its steps), the fixes of exactly those findings
   * are added to it, up to `depth` deep, and the whole chain is proven against the findings before.
   */
  evaluate(proposal, textOf, options, depth = 2) {
    const change = this.byName.get(proposal.file);
    const text = textOf(proposal.file);
    if (!change || text === null) return { status: "refused", reason: "the file is not there" };
    const format = configFormat(change.file);
    const after = applyOps(format, text, proposal.ops);
    if (after === null || after === text) {
      const reason = uneditable(format, text) ?? "this file's layout is one the fix cannot edit in place";
      return { status: "refused", reason };
    }
    const next = (file) => file === proposal.file ? after : textOf(file);
    const scope = this.scope(proposal.file, [text, after]);
    const fixed = this.findingsIn(next, scope);
    const proof = proveFix(
      { findings: this.findingsIn(textOf, scope) },
      { findings: fixed },
      proposal.targets,
      proposal.adds
    );
    const verdict = judge(proposal, proof, options);
    if (verdict.status === "ok") return proven(verdict, after, scope, fixed, [proposal], proof);
    if (verdict.status !== "refused" || !verdict.added || depth === 0) return verdict;
    const blockers = new Set(verdict.added.map(signature));
    for (const follow of this.proposals(next, byFile(fixed), proposal.file).open) {
      if (!isProposal(follow)) continue;
      if (!follow.targets.every((t) => blockers.has(signature(t)))) continue;
      const rest = this.evaluate(
        follow,
        next,
        { ...options, acceptDeletes: true, acceptRenames: true },
        depth - 1
      );
      if (rest.status !== "ok") continue;
      const chain = [proposal, ...rest.chain];
      const whole = {
        ...proposal,
        targets: chain.flatMap((p) => p.targets).filter((t) => !blockers.has(signature(t))),
        adds: chain.flatMap((p) => p.adds),
        flag: chain.find((p) => p.flag)?.flag ?? null
      };
      const wide = this.scope(proposal.file, [text, after, rest.after]);
      const end = this.findingsIn((file) => file === proposal.file ? rest.after : textOf(file), wide);
      const all = proveFix(
        { findings: this.findingsIn(textOf, wide) },
        { findings: end },
        whole.targets,
        whole.adds
      );
      const combined = judge(whole, all, options);
      return combined.status === "ok" ? proven(combined, rest.after, wide, end, chain, all) : combined;
    }
    return verdict;
  }
};
function proven(verdict, after, scope, findings, chain, proof) {
  return {
    ...verdict,
    after,
    judged: new Set(scope.map((c) => c.file)),
    findings: byFile(findings),
    chain,
    proof
  };
}
function judge(proposal, proof, options) {
  if (!proof.resolved) return { status: "refused", reason: "the fixed config would still have the finding" };
  const deletes = proof.added.filter((f) => f.kind === "class-deleted");
  const renames = proof.added.filter((f) => f.kind === "class-renamed");
  const others = proof.added.filter((f) => f.kind !== "class-deleted" && f.kind !== "class-renamed");
  if (others.length > 0) {
    return { status: "refused", reason: `the fixed config would have ${describe(others)}`, added: others };
  }
  if (deletes.length > 0 && !options.acceptDeletes) {
    return {
      status: "needs",
      flag: "--accept-deletes",
      reason: `it makes a delete real: ${describe(deletes)}`
    };
  }
  if (renames.length > 0 && !options.acceptRenames) {
    return {
      status: "needs",
      flag: "--accept-renames",
      reason: `it makes a rename real: ${describe(renames)}`
    };
  }
  if (proposal.flag === "accept-renames" && !options.acceptRenames) {
    return {
      status: "needs",
      flag: "--accept-renames",
      reason: "it changes what the config means (the objects are kept instead of destroyed)"
    };
  }
  return {
    status: "ok",
    after: "",
    judged: /* @__PURE__ */ new Set(),
    findings: /* @__PURE__ */ new Map(),
    chain: [proposal],
    proposal,
    proof
  };
}
function describe(findings) {
  const parts = [
    ...new Set(
      findings.map(
        (f) => `${f.code} ${f.kind}${f.classes.length ? ` (${f.classes.map(q).join(", ")})` : ""}`
      )
    )
  ];
  return parts.join(", ");
}
function notFixable(p) {
  return { kind: p.kind, file: p.file, targets: p.targets, title: null, reason: p.reason, flag: null };
}
function leftOf(p, verdict) {
  return {
    kind: p.kind,
    file: p.file,
    targets: p.targets,
    title: p.title,
    reason: verdict.reason,
    flag: verdict.status === "needs" ? verdict.flag : null
  };
}
function fileState(change, headText, findings) {
  const head = parseConfigText(change.file, headText);
  if (!head.ok) return null;
  const base = change.baseText === null || change.baseUnreadable ? null : parseConfigText(change.baseFile ?? change.file, change.baseText);
  const baseConfig = base?.ok ? base : null;
  const headReading = readWorkers(head);
  return {
    file: change.file,
    head,
    base: baseConfig,
    headWorkers: headReading.workers,
    baseWorkers: baseConfig ? readWorkers(baseConfig).workers : [],
    headDrafts: headReading.drafts,
    findings,
    // The base's text as written, when it is in the head's syntax (a config moved to another
    // format is compared with the old file: its values are written out instead).
    baseRaw: (path) => baseConfig && change.baseText !== null && baseConfig.format === head.format ? rawValueText(baseConfig.format, change.baseText, path) : void 0
  };
}
function offerId(p) {
  const text = [
    p.kind,
    p.file,
    ...p.targets.map(signature).sort(),
    ...p.targets.map((t) => t.tag ?? "")
  ].join("");
  const hash = (seed) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 16777619) >>> 0;
    }
    return h.toString(16).padStart(8, "0");
  };
  return `${p.kind}-${hash(2166136261)}${hash(461845907)}`;
}

export {
  eolOf,
  tomlKey,
  uneditable,
  applyOps,
  scopePath,
  lifecycleScope,
  valueAt,
  bindingPaths,
  nextTag,
  fixConfigs,
  offerFixes,
  proveFix
};

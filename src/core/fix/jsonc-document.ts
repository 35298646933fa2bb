// Format-preserving edits of a JSON/JSONC config: jsonc-parser gives the tree with offsets, each
// edit is an `Edit` (offset, length, content) applied with `applyEdits`, so comments, key order
// and layout outside the edited lines stay as they are. Inserted values follow their siblings'
// layout (one line, or one key per line at the siblings' indentation); jsonc-parser's own
// formatter re-indents whole neighbouring elements, so it is not used for insertions.
import { applyEdits, type Edit, type Node as JsonNode, parseTree } from "jsonc-parser";
import { lineEndAt, lineStartAt } from "../config/line-index.ts";
import { findLastNodeAtLocation } from "../config/parse.ts";
import type { ConfigPath } from "../model.ts";
import { type DocumentOp, eolOf, isPlainObject, lineIndentAt } from "./document-ops.ts";

export function editJsonc(text: string, op: DocumentOp): string | null {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (root?.type !== "object") return null;
  const edits = editsFor(text, root, op);
  return edits === null ? null : applyEdits(text, edits);
}

function editsFor(text: string, root: JsonNode, op: DocumentOp): Edit[] | null {
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
      const content =
        op.raw ?? write(op.value, node.type !== "object" && !spansLines(text, node), indent, unit, eol);
      return [{ offset: node.offset, length: node.length, content }];
    }
    case "remove":
      return removeEdits(text, root, op.path);
    case "add-key": {
      const node = findLastNodeAtLocation(root, op.path);
      if (node?.type !== "object") return null;
      const sibling = node.children?.at(-1)?.children?.[1];
      const oneLine = sibling ? !spansLines(text, sibling) : true;
      return insertChild(
        text,
        node,
        (inline, indent) =>
          `${JSON.stringify(op.key)}: ${write(op.value, inline || oneLine, indent, unit, eol)}`,
        eol,
        unit,
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
          unit,
        );
      }
      if (node) return null;
      // No list yet: add it (and any missing parent) to the deepest table that exists.
      for (let depth = op.path.length - 1; depth >= 0; depth--) {
        const parent = findLastNodeAtLocation(root, op.path.slice(0, depth));
        if (!parent) continue;
        if (parent.type !== "object") return null;
        let value: unknown = [op.value];
        for (let k = op.path.length - 1; k > depth; k--) value = { [String(op.path[k])]: value };
        const key = String(op.path[depth]);
        return insertChild(
          text,
          parent,
          (inline, indent) => `${JSON.stringify(key)}: ${write(value, inline, indent, unit, eol, true)}`,
          eol,
          unit,
        );
      }
      return null;
    }
  }
}

function spansLines(text: string, node: JsonNode): boolean {
  return text.slice(node.offset, node.offset + node.length).includes("\n");
}

/** The file's indentation step: the first indented line's indentation, else two spaces. */
function indentUnit(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text);
  return match ? match[1]! : "  ";
}

/**
 * A value as JSON: on one line (`{ "a": ["x", "y"] }`), or with one key or element per line at
 * `indent` + `unit`, lists of names kept on one line. `expandFirst` opens the outer levels on
 * lines of their own down to the first list of tables.
 */
function write(
  value: unknown,
  inline: boolean,
  indent: string,
  unit: string,
  eol: string,
  expandFirst = false,
): string {
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
      ([k, v]) =>
        `${inner}${JSON.stringify(k)}: ${expandFirst ? write(v, false, inner, unit, eol, true) : oneLine(v)}`,
    );
    return `{${eol}${lines.join(`,${eol}`)}${eol}${indent}}`;
  }
  return oneLine(value);
}

function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(", ")}]`;
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    return entries.length === 0
      ? "{}"
      : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(", ")} }`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * Inserts a last child (array element or property) after the current last one, in its layout:
 * on a line of its own at its indentation when the container spans lines (keeping a trailing
 * comma style and any comment at the end of that line), else on the same line.
 */
function insertChild(
  text: string,
  container: JsonNode,
  child: (inline: boolean, indent: string) => string,
  eol: string,
  unit: string,
): Edit[] {
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
          content: `${pad}${child(true, "")}${pad}`,
        },
      ];
    }
    const indent = lineIndentAt(text, container.offset);
    return [
      {
        offset: container.offset + 1,
        length: 0,
        content: `${eol}${indent}${unit}${child(false, indent + unit)}`,
      },
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
    { offset: lineEnd, length: 0, content: inserted },
  ];
}

function removeEdits(text: string, root: JsonNode, path: ConfigPath): Edit[] | null {
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
  const ownLines =
    text.slice(lineStart, start).trim() === "" && /^\s*,?\s*(\/\/.*)?$/.test(text.slice(end, lineEnd));
  if (!ownLines) {
    // Inside a line: the item and the comma that joins it to its neighbour (jsonc-parser's own
    // removal of a last array element leaves part of it behind).
    const previous = siblings[index - 1];
    const next = siblings[index + 1];
    if (previous) {
      const from = previous.offset + previous.length;
      return [{ offset: from, length: end - from, content: "" }];
    }
    if (next) return [{ offset: start, length: next.offset - start, content: "" }];
    return [{ offset: start, length: end - start, content: "" }];
  }
  let stop = lineEnd;
  if (text[stop] === "\r") stop++;
  if (text[stop] === "\n") stop++;
  const edits: Edit[] = [{ offset: lineStart, length: stop - lineStart, content: "" }];
  // The last child removed: the one before it loses its comma, unless commas trail everywhere.
  const hadComma = /^\s*,/.test(text.slice(end));
  const previous = siblings[index - 1];
  if (index === siblings.length - 1 && previous && !hadComma) {
    const previousEnd = previous.offset + previous.length;
    const comma = /^[ \t]*,/.exec(text.slice(previousEnd));
    if (comma) edits.push({ offset: previousEnd, length: comma[0].length, content: "" });
  }
  return edits;
}

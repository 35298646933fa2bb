// Applies document ops to a config text in its own format, with minimal text changes.
import { parseTree } from "jsonc-parser";
import { findLastNodeAtLocation } from "../config/parse.ts";
import { pathKey } from "../config/toml-locator.ts";
import { readEditableToml } from "../config/toml-syntax.ts";
import type { ConfigFormat, ConfigPath } from "../model.ts";
import type { DocumentOp } from "./document-ops.ts";
import { editJsonc } from "./jsonc-document.ts";
import { editToml } from "./toml-document.ts";

export function editDocument(format: ConfigFormat, text: string, op: DocumentOp): string | null {
  return format === "toml" ? editToml(text, op) : editJsonc(text, op);
}

/**
 * Why no edit can be placed in this text at all, or null. JSONC: jsonc-parser places an edit in
 * any text it reads. TOML: the positions come from toml-eslint-parser and the meaning from
 * smol-toml, so both must read the text, and read it alike.
 */
export function uneditable(format: ConfigFormat, text: string): string | null {
  if (format !== "toml") return null;
  const reading = readEditableToml(text);
  return reading.ok ? null : reading.reason;
}

/** Applies the ops in order; null when one of them cannot be placed in this text. */
export function applyOps(format: ConfigFormat, text: string, ops: readonly DocumentOp[]): string | null {
  let out = text;
  for (const op of ops) {
    const next = editDocument(format, out, op);
    if (next === null) return null;
    out = next;
  }
  return out;
}

/** The source text of the value at `path`, or undefined (absent, or not one span: `[[x]]` blocks). */
export function rawValueText(format: ConfigFormat, text: string, path: ConfigPath): string | undefined {
  if (format === "toml") {
    const reading = readEditableToml(text);
    const entry = reading.ok ? reading.syntax.entries.get(pathKey(path)) : undefined;
    return entry ? text.slice(entry.valueStart, entry.valueEnd) : undefined;
  }
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const node = root ? findLastNodeAtLocation(root, path) : undefined;
  return node ? text.slice(node.offset, node.offset + node.length) : undefined;
}

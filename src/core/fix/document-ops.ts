// The edits a fix or a generator makes to a config document, independent of its format: rename
// a key, set a value, remove a key or an array element, add a key to a table, append to a list.
// Each format applies them with minimal text changes (toml-document.ts, jsonc-document.ts); the
// rest of the file stays byte for byte as it was.
import { lineStartAt } from "../config/line-index.ts";
import type { ConfigPath } from "../model.ts";

export type DocumentOp =
  | { readonly op: "rename-key"; readonly path: ConfigPath; readonly to: string }
  /** `raw`: the value's text as written elsewhere (the base revision), used as is. */
  | { readonly op: "set"; readonly path: ConfigPath; readonly value: unknown; readonly raw?: string }
  | { readonly op: "remove"; readonly path: ConfigPath }
  | { readonly op: "add-key"; readonly path: ConfigPath; readonly key: string; readonly value: unknown }
  /** Appends to the list at `path`, creating the list (and its parents) when there is none. */
  | { readonly op: "append"; readonly path: ConfigPath; readonly value: unknown };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function eolOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

export function lineIndentAt(text: string, offset: number): string {
  const start = lineStartAt(text, offset);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

// Reads a wrangler config text the way wrangler does: TOML with smol-toml, `.json` and `.jsonc`
// both as JSONC with jsonc-parser (comments and trailing commas allowed). A text that does not
// parse is data (a ParseFailure with line and column), never an exception.
import {
  findNodeAtLocation,
  getNodeValue,
  type Node as JsonNode,
  type ParseError,
  parseTree,
} from "jsonc-parser";
import { parse as parseToml, TomlError } from "smol-toml";
import type { ConfigFormat, ConfigPath, ParseResult } from "../model.ts";
import { createLineIndex } from "./line-index.ts";
import { locateTomlPaths, pathKey } from "./toml-locator.ts";

export function configFormat(file: string): ConfigFormat {
  return /\.toml$/i.test(file) ? "toml" : "jsonc";
}

export function parseConfigText(file: string, rawText: string): ParseResult {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const format = configFormat(file);
  if (text.includes("\u0000")) {
    return {
      ok: false,
      file,
      format,
      message: "the file contains NUL bytes: it is not a text config",
      line: 1,
      column: 1,
    };
  }
  return format === "toml" ? parseTomlConfig(file, text) : parseJsoncConfig(file, text);
}

function parseTomlConfig(file: string, text: string): ParseResult {
  let value: unknown;
  try {
    value = parseToml(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const firstLine = String(error.message).split("\n")[0] ?? "invalid TOML";
      return { ok: false, file, format: "toml", message: firstLine, line: error.line, column: error.column };
    }
    return { ok: false, file, format: "toml", message: describeUnexpected(error), line: null, column: null };
  }
  const lines = locateTomlPaths(text);
  return {
    ok: true,
    file,
    format: "toml",
    value: value as Record<string, unknown>,
    locate: (path) => locateWithFallback(path, (p) => lines.get(pathKey(p))),
  };
}

const JSONC_ERRORS: Record<number, string> = {
  1: "invalid symbol",
  2: "invalid number format",
  3: "property name expected",
  4: "value expected",
  5: "colon expected",
  6: "comma expected",
  7: "closing brace expected",
  8: "closing bracket expected",
  9: "end of file expected",
  10: "invalid comment token",
  11: "unexpected end of comment",
  12: "unexpected end of string",
  13: "unexpected end of number",
  14: "invalid unicode",
  15: "invalid escape character",
  16: "invalid character",
};

function parseJsoncConfig(file: string, text: string): ParseResult {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const index = createLineIndex(text);
  const first = errors[0];
  if (first || !tree) {
    const at = index.position(first?.offset ?? 0);
    const message = first ? (JSONC_ERRORS[first.error] ?? "syntax error") : "empty file";
    return { ok: false, file, format: "jsonc", message, line: at.line, column: at.column };
  }
  if (tree.type !== "object") {
    return {
      ok: false,
      file,
      format: "jsonc",
      message: "the top level is not an object",
      line: 1,
      column: 1,
    };
  }
  const root: JsonNode = tree;
  return {
    ok: true,
    file,
    format: "jsonc",
    value: getNodeValue(root) as Record<string, unknown>,
    locate: (path) =>
      locateWithFallback(path, (p) => {
        const node = findNodeAtLocation(root, [...p]);
        // For a property value, point at its key: that is the line a reader looks for.
        const at = node?.parent?.type === "property" ? node.parent : node;
        return at ? index.position(at.offset).line : undefined;
      }),
  };
}

function locateWithFallback(path: ConfigPath, find: (path: ConfigPath) => number | undefined): number | null {
  for (let length = path.length; length > 0; length--) {
    const line = find(path.slice(0, length));
    if (line !== undefined) return line;
  }
  return null;
}

function describeUnexpected(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0]! : "the file could not be read";
}

// Reads a wrangler config text the way wrangler does: TOML with smol-toml, `.json` and `.jsonc`
// both as JSONC with jsonc-parser (comments and trailing commas allowed). A text that does not
// parse is data (a ParseFailure with line and column), never an exception.
import { createScanner, getNodeValue, type Node as JsonNode, type ParseError, parseTree } from "jsonc-parser";
import { parse as parseToml, TomlError } from "smol-toml";
import type { ConfigFormat, ConfigPath, ParseFailure, ParseResult } from "../model.ts";
import { CLOSE_BRACE, CLOSE_BRACKET, EOF, OPEN_BRACE, OPEN_BRACKET } from "./jsonc-syntax.ts";
import { createLineIndex } from "./line-index.ts";
import { locateTomlPaths, pathKey } from "./toml-locator.ts";

export function configFormat(file: string): ConfigFormat {
  return /\.toml$/i.test(file) ? "toml" : "jsonc";
}

/**
 * Largest config text read, in characters (1 MiB). Real wrangler configs are a few KB; a bigger
 * one is refused as over the limit (the check fails closed), which bounds time and memory.
 */
export const MAX_CONFIG_LENGTH = 1024 * 1024;

/**
 * Deepest nesting of arrays and objects read from a JSON/JSONC config. jsonc-parser recurses
 * once per level and overflows the stack near 3,000 levels; smol-toml stops at 1,000 itself.
 */
export const MAX_CONFIG_DEPTH = 1000;

export function parseConfigText(file: string, rawText: string): ParseResult {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const format = configFormat(file);
  if (text.length > MAX_CONFIG_LENGTH) {
    return overLimit(
      file,
      format,
      `the file is ${mebibytes(text.length)}, over the ${mebibytes(MAX_CONFIG_LENGTH)} this check reads (real wrangler configs are a few KB)`,
      1,
    );
  }
  // smol-toml rejects NUL anywhere; jsonc-parser (so wrangler) accepts it inside a comment, so
  // JSONC is left to the parser: refusing what wrangler accepts would hide the file's changes.
  if (format === "toml" && text.includes("\u0000")) {
    const at = createLineIndex(text).position(text.indexOf("\u0000"));
    return {
      ok: false,
      file,
      format,
      message: "the file contains NUL bytes: it is not a text config",
      line: at.line,
      column: at.column,
    };
  }
  try {
    return format === "toml" ? parseTomlConfig(file, text) : parseJsoncConfig(file, text);
  } catch (error) {
    // Defence in depth: the guards above should leave nothing a parser can throw on.
    if (error instanceof RangeError)
      return overLimit(file, format, "the file is too deeply nested to read", null);
    return { ok: false, file, format, message: describeUnexpected(error), line: null, column: null };
  }
}

function overLimit(file: string, format: ConfigFormat, message: string, line: number | null): ParseFailure {
  return { ok: false, file, format, message, line, column: null, overLimit: true };
}

function mebibytes(length: number): string {
  const mib = length / (1024 * 1024);
  return `${mib >= 10 ? Math.round(mib) : Number(mib.toFixed(1))} MiB`;
}

function parseTomlConfig(file: string, text: string): ParseResult {
  let value: unknown;
  try {
    value = parseToml(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const firstLine = String(error.message).split("\n")[0] ?? "invalid TOML";
      // smol-toml's own depth limit: another smol-toml version (wrangler's) may accept the text.
      const tooDeep = /excessively nested/.test(firstLine);
      return {
        ok: false,
        file,
        format: "toml",
        message: firstLine,
        line: error.line,
        column: error.column,
        ...(tooDeep ? { overLimit: true } : {}),
      };
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
  const index = createLineIndex(text);
  const tooDeep = deeperThan(text, MAX_CONFIG_DEPTH);
  if (tooDeep !== null) {
    const at = index.position(tooDeep);
    return {
      ok: false,
      file,
      format: "jsonc",
      message: `arrays and objects are nested more than ${MAX_CONFIG_DEPTH} levels deep, more than this check reads`,
      line: at.line,
      column: at.column,
      overLimit: true,
    };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
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
        const node = findLastNodeAtLocation(root, p);
        // For a property value, point at its key: that is the line a reader looks for.
        const at = node?.parent?.type === "property" ? node.parent : node;
        return at ? index.position(at.offset).line : undefined;
      }),
  };
}

/**
 * The offset where nesting first goes deeper than `max`, or null. Iterative (jsonc-parser's
 * scanner), so a hostile text cannot overflow the stack here.
 */
function deeperThan(text: string, max: number): number | null {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      depth++;
      if (depth > max) return scanner.getTokenOffset();
    } else if ((token === CLOSE_BRACE || token === CLOSE_BRACKET) && depth > 0) {
      depth--;
    }
  }
  return null;
}

/**
 * Like jsonc-parser's findNodeAtLocation, but a key that appears twice in an object resolves to
 * its LAST copy: that is the value jsonc-parser (and so wrangler) keeps.
 */
export function findLastNodeAtLocation(root: JsonNode, path: ConfigPath): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const segment of path) {
    if (!node?.children) return undefined;
    if (typeof segment === "string") {
      if (node.type !== "object") return undefined;
      let found: JsonNode | undefined;
      for (const property of node.children) {
        if (property.children?.[0]?.value === segment) found = property.children[1];
      }
      node = found;
    } else {
      if (node.type !== "array") return undefined;
      node = node.children[segment];
    }
  }
  return node;
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

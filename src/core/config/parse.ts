// Reads a wrangler config text the way wrangler does: TOML with smol-toml, `.json` and `.jsonc`
// both as JSONC with jsonc-parser (comments and trailing commas allowed). A text that does not
// parse is data (a ParseFailure with line and column), never an exception.
import { createScanner, type Node as JsonNode, type ParseError, parseTree } from "jsonc-parser";
import { parse as parseToml, TomlError } from "smol-toml";
import type { ConfigFormat, ConfigPath, ParsedConfig, ParseFailure, ParseResult } from "../model.ts";
import { JSONC_ERRORS, PARSE_REASONS } from "../rules/config-files.ts";
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

/** The first line of a Git LFS pointer file (git-lfs spec v1). */
const LFS_POINTER = /^version https:\/\/git-lfs\.github\.com\/spec\/v1\r?(\n|$)/;

export function parseConfigText(file: string, rawText: string): ParseResult {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const format = configFormat(file);
  if (text.length > MAX_CONFIG_LENGTH) {
    return overLimit(
      file,
      format,
      PARSE_REASONS.tooLarge(mebibytes(text.length), mebibytes(MAX_CONFIG_LENGTH)),
      1,
    );
  }
  // A Git LFS pointer committed in place of the config: a checkout with LFS (a deploy's) holds
  // the real file, which this check never sees.
  if (LFS_POINTER.test(text)) {
    return {
      ok: false,
      file,
      format,
      message: PARSE_REASONS.lfsPointer,
      line: 1,
      column: null,
    };
  }
  // smol-toml rejects NUL anywhere; jsonc-parser (so wrangler) accepts it inside a comment, so
  // JSONC is left to the parser: refusing what wrangler accepts would hide the file's changes.
  if (format === "toml" && text.includes("\u0000")) {
    const at = createLineIndex(text).position(text.indexOf("\u0000"));
    return {
      ok: false,
      file,
      format,
      message: PARSE_REASONS.nulBytes,
      line: at.line,
      column: at.column,
    };
  }
  try {
    return format === "toml" ? parseTomlConfig(file, text) : parseJsoncConfig(file, text);
  } catch (error) {
    // Defence in depth: the guards above should leave nothing a parser can throw on.
    if (error instanceof RangeError) return overLimit(file, format, PARSE_REASONS.tooDeep, null);
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

/**
 * Parses TOML as the smol-toml that the pinned wrangler bundles (1.9.0) does. Ours (1.9.1) refuses
 * one thing that one accepts: more than one sign after a number's exponent (`1e+-5`), which 1.9.0
 * reads with `parseFloat`, so as the number before the exponent (`1`). Each such literal the
 * parser stops at is rewritten so (on its own line, so positions stay), then the text is parsed
 * again; anything else it refuses is reported as it is.
 */
export function parseTomlAsWrangler(text: string): unknown {
  let current = text;
  for (let attempt = 0; ; attempt++) {
    try {
      return parseToml(current);
    } catch (error) {
      const fixed =
        attempt < MAX_EXPONENT_REWRITES && error instanceof TomlError ? signedExponent(current, error) : null;
      if (fixed === null) throw error;
      current = fixed;
    }
  }
}

/** A real config has none: a text with more is refused as it is (and the check fails closed). */
const MAX_EXPONENT_REWRITES = 16;

/**
 * When smol-toml 1.9.1 stopped at the second sign of an exponent (`1e+-5`), the text with that
 * exponent replaced by `.0`-less padding that smol-toml 1.9.0 would have read the same: the
 * mantissa as a float. Null when the error is anything else.
 */
function signedExponent(text: string, error: TomlError): string | null {
  if (!/illegal character in numeric literal/.test(error.message)) return null;
  const at = offsetOf(text, error.line, error.column);
  if (at === null || !/[+-]/.test(text[at] ?? "")) return null;
  // The literal around the offset: digits, `_`, `.`, `e`/`E`, signs.
  let start = at;
  while (start > 0 && /[0-9_.eE+-]/.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && /[0-9_.eE+-]/.test(text[end]!)) end++;
  const literal = text.slice(start, end);
  const match = /^([+-]?[0-9][0-9_]*(?:\.[0-9_]+)?)[eE][+-]{2,}[0-9](?:_?[0-9])*$/.exec(literal);
  if (!match) return null;
  // 1.9.0 returns parseFloat(literal without `_`): the mantissa. Written as a float of the same
  // length class (`1` -> `1.0`), padded with spaces so that later columns do not move.
  const mantissa = match[1]!.replaceAll("_", "");
  const value = String(Number.parseFloat(mantissa));
  const replacement = /[.eE]|Infinity|NaN/.test(value) ? value : `${value}.0`;
  if (!/^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(replacement)) return null;
  return `${text.slice(0, start)}${replacement.padEnd(literal.length, " ")}${text.slice(end)}`;
}

/** The offset of a 1-based line and column (smol-toml's), or null past the end. */
function offsetOf(text: string, line: number, column: number): number | null {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf("\n", start);
    if (next < 0) return null;
    start = next + 1;
  }
  const at = start + column - 1;
  return at < text.length ? at : null;
}

function parseTomlConfig(file: string, text: string): ParseResult {
  let value: unknown;
  try {
    value = parseTomlAsWrangler(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const firstLine = String(error.message).split("\n")[0] ?? PARSE_REASONS.invalidToml;
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
  // Built here (so that anything it could throw is a parse failure), rebuilt from the same text
  // if asked again after releaseLocator.
  let lines: Map<string, number> | null = locateTomlPaths(text);
  const config: ParsedConfig = {
    ok: true,
    file,
    format: "toml",
    value: value as Record<string, unknown>,
    locate: (path) => {
      const table = lines ?? locateTomlPaths(text);
      lines = table;
      return locateWithFallback(path, (p) => table.get(pathKey(p)));
    },
  };
  releasers.set(config, () => {
    lines = null;
  });
  return config;
}

/**
 * Lets go of the tables behind `config.locate` (the TOML paths' lines, the JSONC syntax tree):
 * several times the text's size, they are rebuilt from the text if `locate` is called again. A
 * repository's configs stay parsed for the whole check, most of them only to be read once.
 */
export function releaseLocator(config: ParsedConfig): void {
  releasers.get(config)?.();
}
const releasers = new WeakMap<ParsedConfig, () => void>();

function parseJsoncConfig(file: string, text: string): ParseResult {
  const index = createLineIndex(text);
  const tooDeep = deeperThan(text, MAX_CONFIG_DEPTH);
  if (tooDeep !== null) {
    const at = index.position(tooDeep);
    return {
      ok: false,
      file,
      format: "jsonc",
      message: PARSE_REASONS.nestedBeyond(MAX_CONFIG_DEPTH),
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
    const message = first
      ? (JSONC_ERRORS[first.error] ?? PARSE_REASONS.jsoncSyntax)
      : PARSE_REASONS.emptyFile;
    return { ok: false, file, format: "jsonc", message, line: at.line, column: at.column };
  }
  if (tree.type !== "object") {
    return {
      ok: false,
      file,
      format: "jsonc",
      message: PARSE_REASONS.topNotObject,
      line: 1,
      column: 1,
    };
  }
  let root: JsonNode | null = tree;
  const protoKeys: ConfigPath[] = [];
  const config: ParsedConfig = {
    ok: true,
    file,
    format: "jsonc",
    value: valueAsWranglerReads(tree, null, protoKeys) as Record<string, unknown>,
    ...(protoKeys.length > 0 ? { protoKeys } : {}),
    locate: (path) => {
      // The same text parses to the same tree (see releaseLocator).
      const top =
        root ?? (parseTree(text, [], { allowTrailingComma: true, disallowComments: false }) as JsonNode);
      root = top;
      return locateWithFallback(path, (p) => {
        const node = findLastNodeAtLocation(top, p);
        // For a property value, point at its key: that is the line a reader looks for.
        const at = node?.parent?.type === "property" ? node.parent : node;
        return at ? index.position(at.offset).line : undefined;
      });
    },
  };
  releasers.set(config, () => {
    root = null;
  });
  return config;
}

/**
 * The value of a JSONC node as wrangler reads it. jsonc-parser's `parse` (wrangler's) builds each
 * object by assignment, so a `"__proto__"` key does not make a field: its value (when an object)
 * becomes the object's prototype (the last such key wins), and every field inside it reads as the
 * object's own wherever wrangler reads that object (verified with wrangler 4.156: top level, an
 * env, `env` itself, `durable_objects`). Here those fields are copied in as own fields (an own
 * field keeps precedence), so every check sees what wrangler sees; the paths of the
 * `"__proto__"` keys are collected in `protoKeys`. Objects are prototype-free, so no other key is
 * special. A step of `migrations` is read the same way, though wrangler uploads only a step's
 * own fields: reading more there can only report more.
 */
function valueAsWranglerReads(node: JsonNode, at: PathLink | null, protoKeys: ConfigPath[]): unknown {
  switch (node.type) {
    case "array":
      return (node.children ?? []).map((child, i) =>
        valueAsWranglerReads(child, { up: at, key: i }, protoKeys),
      );
    case "object": {
      const own: Record<string, unknown> = Object.create(null);
      let proto: unknown = null;
      for (const property of node.children ?? []) {
        const key = property.children?.[0]?.value as string;
        const valueNode = property.children?.[1];
        if (!valueNode) continue;
        if (key === PROTO) {
          protoKeys.push(pathOf({ up: at, key }));
          const value = valueAsWranglerReads(valueNode, at, protoKeys);
          // `obj.__proto__ = v` changes the prototype only when v is an object or null.
          if (value === null || typeof value === "object") proto = value;
          continue;
        }
        own[key] = valueAsWranglerReads(valueNode, { up: at, key }, protoKeys);
      }
      if (proto !== null && typeof proto === "object") {
        for (const [key, value] of Object.entries(proto)) if (!(key in own)) own[key] = value;
      }
      return own;
    }
    case "null":
    case "string":
    case "number":
    case "boolean":
      return node.value;
    default:
      return undefined;
  }
}

/** A path built only when needed: each node points at its parent's. */
interface PathLink {
  readonly up: PathLink | null;
  readonly key: string | number;
}

function pathOf(link: PathLink | null): ConfigPath {
  const path: (string | number)[] = [];
  for (let at = link; at; at = at.up) path.push(at.key);
  return path.reverse();
}

const PROTO = "__proto__";

/**
 * The offset where nesting first goes deeper than `max`, or null. Iterative (jsonc-parser's
 * scanner), so a hostile text cannot overflow the stack here.
 */
function deeperThan(text: string, max: number): number | null {
  // Nesting never goes deeper than the text has `{` and `[`: a real config has far fewer than
  // `max`, and is not tokenised twice (once here, once by the parser).
  let opens = 0;
  for (const open of ["{", "["]) {
    for (let at = text.indexOf(open); at !== -1 && opens <= max; at = text.indexOf(open, at + 1)) opens++;
  }
  if (opens <= max) return null;
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
      node = propertyValue(node, segment);
    } else {
      if (node.type !== "array") return undefined;
      node = node.children[segment];
    }
  }
  return node;
}

/**
 * The value node of `key` in an object node: its last copy, else (as wrangler reads it, see
 * valueAsWranglerReads) the field inside the object's last `"__proto__"` object.
 */
function propertyValue(object: JsonNode, key: string, depth = 0): JsonNode | undefined {
  let found: JsonNode | undefined;
  let proto: JsonNode | undefined;
  for (const property of object.children ?? []) {
    const name = property.children?.[0]?.value;
    if (name === key) found = property.children?.[1];
    else if (name === PROTO) {
      const value = property.children?.[1];
      if (value?.type === "object") proto = value;
      else if (value?.type === "null") proto = undefined;
    }
  }
  if (found || key === PROTO || proto?.type !== "object" || depth > MAX_CONFIG_DEPTH) return found;
  return propertyValue(proto, key, depth + 1);
}

function locateWithFallback(path: ConfigPath, find: (path: ConfigPath) => number | undefined): number | null {
  for (let length = path.length; length > 0; length--) {
    const line = find(path.slice(0, length));
    if (line !== undefined) return line;
  }
  return null;
}

function describeUnexpected(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0]! : PARSE_REASONS.unreadable;
}

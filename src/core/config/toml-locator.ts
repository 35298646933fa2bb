// smol-toml returns values without positions, so this scanner finds the line where each table,
// key and array element starts. It runs only on text that smol-toml has already accepted, so it
// can be lenient: what it cannot place (the keys of an inline table, the elements of a nested
// array), `locate` finds through the nearest parent path. It is on the hot path of the check (every
// finding of every config is located), so it is hand-written for speed; a property test checks
// every line it gives against toml-eslint-parser's positions (test/core/speed-equivalence.test.ts).
import type { ConfigPath } from "../model.ts";

type Path = (string | number)[];

/** An array or inline table value being scanned, maybe over several lines. */
interface ArrayScan {
  path: Path;
  depth: number;
  index: number;
  expecting: boolean;
  /** An array: its elements' lines are recorded. An inline table: skipped (its keys are not the table's). */
  elements: boolean;
}

export function locateTomlPaths(text: string): Map<string, number> {
  const found = new Map<string, number>();
  const arrayCounts = new Map<string, number>();
  const recordKey = (key: string, line: number) => {
    if (!found.has(key)) found.set(key, line);
  };
  const record = (path: ConfigPath, line: number) => recordKey(pathKey(path), line);
  // Path keys are built part by part (a prefix's key is a prefix of the key), not from scratch.
  const resolve = (segments: string[]): Path => {
    const path: Path = [];
    let key = "";
    for (const segment of segments) {
      path.push(segment);
      key += keyPart(segment);
      const count = arrayCounts.get(key);
      if (count !== undefined) {
        path.push(count - 1);
        key += keyPart(count - 1);
      }
    }
    return path;
  };

  let table: Path = [];
  let tableKey = "";
  let multiline: string | null = null;
  let array: ArrayScan | null = null;
  const lines = text.split(/\r?\n/);

  for (let n = 0; n < lines.length; n++) {
    const lineNo = n + 1;
    let line = lines[n]!;
    if (multiline) {
      const end = line.indexOf(multiline);
      if (end < 0) continue;
      line = line.slice(end + 3);
      multiline = null;
    }
    if (array) {
      const result = scanArray(line, 0, array, lineNo, record);
      array = result.open ? array : null;
      multiline = result.multiline;
      continue;
    }
    const trimmed = line.trimStart();
    if (trimmed === "" || trimmed.startsWith("#")) continue;

    // Both header forms start with "[": most lines are `key = value` and skip them.
    const bracket = trimmed.startsWith("[");
    const arrayHeader = bracket && trimmed[1] === "[" ? headerName(trimmed, true) : null;
    if (arrayHeader !== null) {
      const segments = splitKey(arrayHeader);
      const parent = resolve(segments.slice(0, -1));
      const arrayPath = [...parent, segments[segments.length - 1]!];
      const arrayKey = pathKey(arrayPath);
      const count = (arrayCounts.get(arrayKey) ?? 0) + 1;
      arrayCounts.set(arrayKey, count);
      // Sub-arrays of a new element start counting again.
      const element = `${arrayKey}[${count - 1}]`;
      for (const key of [...arrayCounts.keys()]) {
        if (key.startsWith(element)) arrayCounts.delete(key);
      }
      table = [...arrayPath, count - 1];
      tableKey = element;
      for (let i = 1; i < arrayPath.length; i++) record(arrayPath.slice(0, i), lineNo);
      record(arrayPath, lineNo);
      record(table, lineNo);
      continue;
    }
    const single = bracket ? headerName(trimmed, false) : null;
    if (single !== null) {
      table = resolve(splitKey(single));
      tableKey = pathKey(table);
      for (let i = 1; i <= table.length; i++) record(table.slice(0, i), lineNo);
      continue;
    }
    const eq = findAssignment(trimmed);
    if (eq < 0) continue;
    const keyPath = [...table, ...splitKey(trimmed.slice(0, eq))];
    let key = tableKey;
    for (let i = table.length; i < keyPath.length; i++) {
      key += keyPart(keyPath[i]!);
      recordKey(key, lineNo);
    }
    const value = trimmed.slice(eq + 1).trimStart();
    if (value.startsWith('"""') || value.startsWith("'''")) {
      const delimiter = value.slice(0, 3);
      if (value.indexOf(delimiter, 3) < 0) multiline = delimiter;
    } else if (value.startsWith("[") || value.startsWith("{")) {
      const elements = value.startsWith("[");
      const scan: ArrayScan = { path: keyPath, depth: 0, index: 0, expecting: false, elements };
      const result = scanArray(value, 0, scan, lineNo, record);
      array = result.open ? scan : null;
      multiline = result.multiline;
    }
  }
  return found;
}

/** Walks array text, recording the line of each element; returns whether the array is still open. */
function scanArray(
  text: string,
  from: number,
  scan: ArrayScan,
  lineNo: number,
  record: (path: ConfigPath, line: number) => void,
): { open: boolean; multiline: string | null } {
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "#") break;
    if (ch === " " || ch === "\t") continue;
    if (scan.elements && scan.depth === 1 && scan.expecting && ch !== "]" && ch !== ",") {
      record([...scan.path, scan.index], lineNo);
      scan.index++;
      scan.expecting = false;
    }
    if (ch === '"' || ch === "'") {
      if (text.startsWith(ch.repeat(3), i)) {
        const end = text.indexOf(ch.repeat(3), i + 3);
        if (end < 0) return { open: true, multiline: ch.repeat(3) };
        i = end + 2;
      } else {
        i = skipString(text, i);
      }
      continue;
    }
    if (ch === "[" || ch === "{") {
      scan.depth++;
      if (scan.depth === 1) scan.expecting = true;
    } else if (ch === "]" || ch === "}") {
      scan.depth--;
      if (scan.depth === 0) return { open: false, multiline: null };
    } else if (ch === "," && scan.depth === 1) {
      scan.expecting = true;
    }
  }
  return { open: scan.depth > 0, multiline: null };
}

function skipString(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === "\\") {
      i++;
      continue;
    }
    if (text[i] === quote) return i;
  }
  return text.length;
}

/**
 * The name inside a `[table]` (or, `array`, `[[array of tables]]`) header at the start of a
 * line, up to the first `]` outside quotes (a quoted part may hold one); null when there is none.
 */
function headerName(line: string, array: boolean): string | null {
  const open = array ? 2 : 1;
  for (let i = open; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"' || ch === "'") i = skipString(line, i);
    else if (ch === "]") {
      if (array && line[i + 1] !== "]") return null;
      const name = line.slice(open, i).trim();
      return name === "" ? null : name;
    }
  }
  return null;
}

/** The index of the `=` of a `key = value` line, skipping quoted key parts; -1 if none. */
function findAssignment(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"' || ch === "'") i = skipString(line, i);
    else if (ch === "=") return i;
    else if (ch === "#") return -1;
  }
  return -1;
}

/** Splits a dotted TOML key into its parts, honouring quoted parts. */
export function splitKey(key: string): string[] {
  if (!key.includes('"') && !key.includes("'")) {
    // No quoted parts: the same as the walk below.
    return key
      .split(".")
      .map((part) => part.trim())
      .filter((part) => part !== "");
  }
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < key.length; i++) {
    const ch = key[i]!;
    if (ch === '"' || ch === "'") {
      const end = skipString(key, i);
      current += key.slice(i + 1, end);
      i = end;
    } else if (ch === ".") {
      parts.push(current.trim());
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current.trim());
  return parts.filter((part) => part !== "");
}

/** A path as one string key: `.env.staging.migrations[0].tag`. */
export function pathKey(path: ConfigPath): string {
  let key = "";
  for (const part of path) key += keyPart(part);
  return key;
}

function keyPart(part: string | number): string {
  return typeof part === "number" ? `[${part}]` : `.${part}`;
}

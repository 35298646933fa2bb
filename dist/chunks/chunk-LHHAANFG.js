import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/core/config/line-index.ts
function createLineIndex(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return {
    position(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = lo + hi + 1 >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - starts[lo] + 1 };
    }
  };
}
function lineStartAt(text, offset) {
  return text.lastIndexOf("\n", offset - 1) + 1;
}
function lineEndAt(text, offset) {
  const n = text.indexOf("\n", offset);
  const end = n < 0 ? text.length : n;
  return text[end - 1] === "\r" ? end - 1 : end;
}

// src/core/config/toml-locator.ts
function locateTomlPaths(text) {
  const found = /* @__PURE__ */ new Map();
  const arrayCounts = /* @__PURE__ */ new Map();
  const recordKey = (key, line) => {
    if (!found.has(key)) found.set(key, line);
  };
  const record = (path, line) => recordKey(pathKey(path), line);
  const resolve = (segments) => {
    const path = [];
    let key = "";
    for (const segment of segments) {
      path.push(segment);
      key += keyPart(segment);
      const count = arrayCounts.get(key);
      if (count !== void 0) {
        path.push(count - 1);
        key += keyPart(count - 1);
      }
    }
    return path;
  };
  let table = [];
  let tableKey = "";
  let multiline = null;
  let array = null;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const lineNo = n + 1;
    let line = lines[n];
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
    const bracket = trimmed.startsWith("[");
    const arrayHeader = bracket && trimmed[1] === "[" ? headerName(trimmed, true) : null;
    if (arrayHeader !== null) {
      const segments = splitKey(arrayHeader);
      const parent = resolve(segments.slice(0, -1));
      const arrayPath = [...parent, segments[segments.length - 1]];
      const arrayKey = pathKey(arrayPath);
      const count = (arrayCounts.get(arrayKey) ?? 0) + 1;
      arrayCounts.set(arrayKey, count);
      const element = `${arrayKey}[${count - 1}]`;
      for (const key2 of [...arrayCounts.keys()]) {
        if (key2.startsWith(element)) arrayCounts.delete(key2);
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
      key += keyPart(keyPath[i]);
      recordKey(key, lineNo);
    }
    const value = trimmed.slice(eq + 1).trimStart();
    if (value.startsWith('"""') || value.startsWith("'''")) {
      const delimiter = value.slice(0, 3);
      if (value.indexOf(delimiter, 3) < 0) multiline = delimiter;
    } else if (value.startsWith("[") || value.startsWith("{")) {
      const elements = value.startsWith("[");
      const scan = { path: keyPath, depth: 0, index: 0, expecting: false, elements };
      const result = scanArray(value, 0, scan, lineNo, record);
      array = result.open ? scan : null;
      multiline = result.multiline;
    }
  }
  return found;
}
function scanArray(text, from, scan, lineNo, record) {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === "#") break;
    if (ch === " " || ch === "	") continue;
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
function skipString(text, start) {
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
function headerName(line, array) {
  const open = array ? 2 : 1;
  for (let i = open; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"' || ch === "'") i = skipString(line, i);
    else if (ch === "]") {
      if (array && line[i + 1] !== "]") return null;
      const name = line.slice(open, i).trim();
      return name === "" ? null : name;
    }
  }
  return null;
}
function findAssignment(line) {
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"' || ch === "'") i = skipString(line, i);
    else if (ch === "=") return i;
    else if (ch === "#") return -1;
  }
  return -1;
}
function splitKey(key) {
  if (!key.includes('"') && !key.includes("'")) {
    return key.split(".").map((part) => part.trim()).filter((part) => part !== "");
  }
  const parts = [];
  let current = "";
  for (let i = 0; i < key.length; i++) {
    const ch = key[i];
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
function pathKey(path) {
  let key = "";
  for (const part of path) key += keyPart(part);
  return key;
}
function keyPart(part) {
  return typeof part === "number" ? `[${part}]` : `.${part}`;
}

export {
  createLineIndex,
  lineStartAt,
  lineEndAt,
  locateTomlPaths,
  pathKey
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  wranglerConfigsUnder
} from "./chunk-PQ7QJ6BL.js";
import {
  UsageError
} from "./chunk-MENN5CMZ.js";
import {
  isGlob
} from "./chunk-TZV6S3WX.js";

// src/adapters/path-patterns.ts
import { statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
function toRepoPatterns(root, cwd, path) {
  const negated = path.trim().startsWith("!");
  const written = negated ? path.trim().slice(1) : path;
  const absolute = resolve(cwd, written);
  const rel = relative(root, absolute).split(sep).join("/");
  if (rel.startsWith("..")) throw new UsageError(`${written} is outside the repository`);
  const bang = negated ? "!" : "";
  if (isGlob(written)) return [`${bang}${rel}`];
  try {
    if (statSync(absolute).isDirectory()) {
      return negated ? [`!${rel === "" ? "" : `${rel}/`}**`] : wranglerConfigsUnder(rel);
    }
  } catch {
  }
  return [`${bang}${rel}`];
}

// src/adapters/source-files.ts
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync } from "node:fs";
import { isAbsolute, relative as relative2, resolve as resolve2, sep as sep2 } from "node:path";
var DEFAULT_MAX_SOURCE_BYTES = 1024 * 1024;
var SourceReadError = class extends Error {
  name = "SourceReadError";
};
function createSourceReader(rootDir, options = {}) {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SOURCE_BYTES;
  const root = realpathSync(rootDir);
  const inside = (path) => {
    const rel = relative2(root, path);
    return rel === "" || !rel.startsWith(`..${sep2}`) && rel !== ".." && !isAbsolute(rel);
  };
  return (path) => {
    if (path.includes("\0"))
      throw new SourceReadError(`refusing a path with a NUL byte: ${JSON.stringify(path)}`);
    const lexical = resolve2(root, path);
    if (!inside(lexical)) throw new SourceReadError(`refusing ${path}: outside the repository`);
    let real;
    try {
      real = realpathSync(lexical);
    } catch (error) {
      if (isMissing(error)) return null;
      throw new SourceReadError(`cannot read ${path}: ${whyUnreadable(error, root)}`);
    }
    if (!inside(real))
      throw new SourceReadError(`refusing ${path}: a symbolic link to outside the repository`);
    let fd;
    try {
      fd = openSync(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (error) {
      if (isMissing(error)) return null;
      throw new SourceReadError(`cannot read ${path}: ${whyUnreadable(error, root)}`);
    }
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) return null;
      if (stat.size > maxBytes) {
        throw new SourceReadError(`refusing ${path}: ${stat.size} bytes is over the ${maxBytes}-byte limit`);
      }
      return readFileSync(fd, "utf8");
    } finally {
      closeSync(fd);
    }
  };
}
function whyUnreadable(error, root) {
  const { code, path, dest, message } = error;
  if (code === "ELOOP") return "a symbolic link in a loop (or a chain of too many links), ELOOP";
  if (code === "EACCES" || code === "EPERM") return `permission denied (${code})`;
  let text = String(message);
  for (const absolute of [dest, path]) {
    if (absolute && isAbsolute(absolute)) text = text.split(absolute).join(relative2(root, absolute) || ".");
  }
  return text;
}
function isMissing(error) {
  const code = error.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

export {
  toRepoPatterns,
  DEFAULT_MAX_SOURCE_BYTES,
  SourceReadError,
  createSourceReader
};

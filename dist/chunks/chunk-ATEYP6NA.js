import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  UsageError
} from "./chunk-X7T4KLFK.js";
import {
  isGlob,
  pathListMatcher
} from "./chunk-TZV6S3WX.js";

// src/adapters/source-files.ts
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
var DEFAULT_MAX_SOURCE_BYTES = 1024 * 1024;
var SourceReadError = class extends Error {
  name = "SourceReadError";
};
function createSourceReader(rootDir, options = {}) {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SOURCE_BYTES;
  const root = realpathSync(rootDir);
  const inside = (path) => {
    const rel = relative(root, path);
    return rel === "" || !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
  };
  return (path) => {
    if (path.includes("\0"))
      throw new SourceReadError(`refusing a path with a NUL byte: ${JSON.stringify(path)}`);
    const lexical = resolve(root, path);
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
    if (absolute && isAbsolute(absolute)) text = text.split(absolute).join(relative(root, absolute) || ".");
  }
  return text;
}
function isMissing(error) {
  const code = error.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

// src/core/discover.ts
var CONFIG_NAME = /(^|\/)wrangler(\.[\w-]+)*\.(toml|json|jsonc)$/i;
var SKIPPED_DIRS = [
  "node_modules",
  ".git",
  ".wrangler",
  "dist",
  ".output",
  ".next",
  ".svelte-kit",
  "coverage"
];
var SKIPPED_DIR = new RegExp(`(^|/)(${SKIPPED_DIRS.map((d) => d.replace(/\./g, "\\.")).join("|")})/`);
function isWranglerConfigPath(path) {
  return CONFIG_NAME.test(path) && !SKIPPED_DIR.test(path);
}
function wranglerConfigsUnder(dir) {
  const under = dir === "" ? "" : `${dir}/`;
  return [`${under}**/wrangler*(.+([\\w-])).{toml,json,jsonc}`, `!${under}**/{${SKIPPED_DIRS.join(",")}}/**`];
}
function selectConfigPaths(allPaths, patterns) {
  const wanted = patterns.map((p) => p.trim()).filter(Boolean);
  if (wanted.every((p) => p.startsWith("!"))) {
    const excluded = pathListMatcher(wanted.map((p) => p.slice(1)));
    return allPaths.filter((path) => isWranglerConfigPath(path) && !excluded(path)).sort();
  }
  const selected = pathListMatcher(wanted);
  const dependency = /(^|\/)(node_modules|\.git)\//;
  return allPaths.filter((path) => !dependency.test(path) && selected(path)).sort();
}

// src/adapters/path-patterns.ts
import { statSync } from "node:fs";
import { relative as relative2, resolve as resolve2, sep as sep2 } from "node:path";
function toRepoPatterns(root, cwd, path) {
  const negated = path.trim().startsWith("!");
  const written = negated ? path.trim().slice(1) : path;
  const absolute = resolve2(cwd, written);
  const rel = relative2(root, absolute).split(sep2).join("/");
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

export {
  DEFAULT_MAX_SOURCE_BYTES,
  SourceReadError,
  createSourceReader,
  SKIPPED_DIRS,
  isWranglerConfigPath,
  selectConfigPaths,
  toRepoPatterns
};

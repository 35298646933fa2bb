import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  pathListMatcher
} from "./chunk-TZV6S3WX.js";

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

export {
  SKIPPED_DIRS,
  isWranglerConfigPath,
  wranglerConfigsUnder,
  selectConfigPaths
};

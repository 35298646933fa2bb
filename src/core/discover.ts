// Which repository paths are wrangler configs. Pure: the adapters list the files.
import { pathListMatcher } from "./glob.ts";

const CONFIG_NAME = /(^|\/)wrangler(\.[\w-]+)*\.(toml|json|jsonc)$/i;
/** Directories that hold dependencies or build output, never a project's own configs. */
export const SKIPPED_DIRS: readonly string[] = [
  "node_modules",
  ".git",
  ".wrangler",
  "dist",
  ".output",
  ".next",
  ".svelte-kit",
  "coverage",
];
const SKIPPED_DIR = new RegExp(`(^|/)(${SKIPPED_DIRS.map((d) => d.replace(/\./g, "\\.")).join("|")})/`);

/** `wrangler.toml`, `wrangler.json`, `wrangler.jsonc` and named variants (`wrangler.staging.toml`). */
export function isWranglerConfigPath(path: string): boolean {
  return CONFIG_NAME.test(path) && !SKIPPED_DIR.test(path);
}

/**
 * The patterns (glob.ts syntax) that select what `isWranglerConfigPath` accepts under a directory
 * (`""` = the repository): how a directory argument or `working-directory` becomes a selection.
 */
export function wranglerConfigsUnder(dir: string): string[] {
  const under = dir === "" ? "" : `${dir}/`;
  return [`${under}**/wrangler*(.+([\\w-])).{toml,json,jsonc}`, `!${under}**/{${SKIPPED_DIRS.join(",")}}/**`];
}

/**
 * Picks config paths: the given patterns (paths or globs, `!` to take paths back out, the last
 * matching pattern decides; see glob.ts), else every wrangler config. A list of only `!`
 * patterns takes paths out of every wrangler config.
 */
export function selectConfigPaths(allPaths: readonly string[], patterns: readonly string[]): string[] {
  const wanted = patterns.map((p) => p.trim()).filter(Boolean);
  if (wanted.every((p) => p.startsWith("!"))) {
    const excluded = pathListMatcher(wanted.map((p) => p.slice(1)));
    return allPaths.filter((path) => isWranglerConfigPath(path) && !excluded(path)).sort();
  }
  const selected = pathListMatcher(wanted);
  // Dependencies' configs are never the project's, even when a glob reaches into them.
  const dependency = /(^|\/)(node_modules|\.git)\//;
  return allPaths.filter((path) => !dependency.test(path) && selected(path)).sort();
}

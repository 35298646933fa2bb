// Which repository paths are wrangler configs. Pure: the adapters list the files.
import { pathListMatcher } from "./glob.ts";

const CONFIG_NAME = /(^|\/)wrangler(\.[\w-]+)*\.(toml|json|jsonc)$/i;
const SKIPPED_DIR = /(^|\/)(node_modules|\.git|\.wrangler|dist|\.output|\.next|\.svelte-kit|coverage)\//;

/** `wrangler.toml`, `wrangler.json`, `wrangler.jsonc` and named variants (`wrangler.staging.toml`). */
export function isWranglerConfigPath(path: string): boolean {
  return CONFIG_NAME.test(path) && !SKIPPED_DIR.test(path);
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

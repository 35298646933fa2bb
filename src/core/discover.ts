// Which repository paths are wrangler configs. Pure: the adapters list the files.

const CONFIG_NAME = /(^|\/)wrangler(\.[\w-]+)*\.(toml|json|jsonc)$/i;
const SKIPPED_DIR = /(^|\/)(node_modules|\.git|\.wrangler|dist|\.output|\.next|\.svelte-kit|coverage)\//;

/** `wrangler.toml`, `wrangler.json`, `wrangler.jsonc` and named variants (`wrangler.staging.toml`). */
export function isWranglerConfigPath(path: string): boolean {
  return CONFIG_NAME.test(path) && !SKIPPED_DIR.test(path);
}

/** Simple globs for the `config` input: `*` within a path segment, `**` across segments. */
export function globToRegExp(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === "*" && glob[i + 1] === "*") {
      out += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (ch === "*") out += "[^/]*";
    else if (ch === "?") out += "[^/]";
    else out += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}

/** Picks config paths: the given patterns (paths or globs), else every wrangler config. */
export function selectConfigPaths(allPaths: readonly string[], patterns: readonly string[]): string[] {
  const wanted = patterns.map((p) => p.trim().replace(/^\.\//, "")).filter(Boolean);
  if (wanted.length === 0) return allPaths.filter(isWranglerConfigPath).sort();
  const matchers = wanted.map(globToRegExp);
  // Dependencies' configs are never the project's, even when a glob reaches into them.
  const dependency = /(^|\/)(node_modules|\.git)\//;
  return allPaths.filter((path) => !dependency.test(path) && matchers.some((m) => m.test(path))).sort();
}

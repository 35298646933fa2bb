// Rule family DO2xx: the applied migration history (edited, removed, reordered steps; histories the API rejects).
import type { RuleFamily, Wording } from "./rule.ts";
import { envLabel, q } from "./words.ts";

export const HISTORY_RULES = {
  "history-edited": {
    code: "DO201",
    title: "Applied migration edited",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "history-removed": {
    code: "DO202",
    title: "Applied migration removed",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "history-reordered": {
    code: "DO203",
    title: "Migrations reordered",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "duplicate-tag": { code: "DO204", title: "Duplicate migration tag", severity: "error" },
  "replay-rejected": { code: "DO205", title: "History that wrangler or the API rejects", severity: "error" },
  "new-config-deletes": {
    code: "DO206",
    title: "New config whose history deletes a class",
    severity: "warning",
  },
} as const satisfies RuleFamily;

// ---------------------------------------------------------------------------------------------
// Wording: each rule's message and fix, from plain facts (names as written in the config).

/** DO205: a history whose replay wrangler (4.131+) and a fresh Worker reject. */
export function replayRejected(f: {
  readonly env: string | null;
  readonly problem: "delete-unknown" | "rename-unknown" | "create-existing" | "rename-onto-existing";
  readonly className: string;
  readonly tag: string | null;
}): Wording {
  const step = f.tag ? `migration ${q(f.tag)}` : "a migration";
  const text = {
    "delete-unknown": `${step} deletes class ${q(f.className)}, which no earlier step creates`,
    "rename-unknown": `${step} renames class ${q(f.className)}, which no earlier step creates`,
    "create-existing": `${step} creates class ${q(f.className)}, which already exists at that point (code 10074)`,
    "rename-onto-existing": `${step} renames a class onto ${q(f.className)}, which already exists`,
  }[f.problem];
  return {
    message: `In ${envLabel(f.env)}, ${text}: wrangler (4.131 and later) rejects the history on deploy, and a fresh Worker replaying it fails.`,
    fix: "Fix the history so each class is created once before it is renamed or deleted.",
  };
}

// Rule family DO2xx: the applied migration history (edited, removed, reordered steps; histories the API rejects).
import type { RuleFamily, Wording } from "./rule.ts";
import { envLabel, INHERITED_REMARK, q } from "./words.ts";

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

/** DO206: a new config whose history deletes a class it created. */
export function newConfigDeletes(f: {
  readonly file: string;
  readonly env: string | null;
  readonly inherited: boolean;
  readonly classNames: readonly string[];
  readonly tags: readonly (string | null)[];
  readonly worker: string | null;
}): Wording {
  const tags = [...new Set(f.tags)].map(q).join(", ");
  const name = q(f.worker ?? "this Worker");
  const names = f.classNames.map(q).join(", ");
  return {
    message: `${q(f.file)} is new, and the migrations of ${envLabel(f.env)}${f.inherited ? INHERITED_REMARK : ""} delete ${names} (${tags}). If ${name} is not deployed yet, its first deploy sends every step, and the API rejects the delete of a class no earlier version of the Worker exported (code 10074): the deploy fails. If ${name} is already deployed from a config this change does not show, its next deploy from this file deletes ${names} there, unless it has run ${tags} already.`,
    fix: `For a new Worker, write a history without the delete: create only the classes it uses. If this config takes over from another one, keep it in the same directory or give it the same Worker name, so that the check compares the two.`,
  };
}

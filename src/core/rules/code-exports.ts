// Rule family DO6xx: the classes the Worker's code exports, against the classes its config keeps live.
import type { RuleFamily, Wording } from "./rule.ts";
import { q, targetLabel } from "./words.ts";

export const CODE_EXPORT_RULES = {
  "class-not-exported": { code: "DO601", title: "Class with live objects not exported", severity: "error" },
  "created-class-not-exported": { code: "DO602", title: "Created class not exported", severity: "error" },
  "deleted-class-still-needed": {
    code: "DO603",
    title: "Deleted class already gone from code",
    severity: "warning",
    deployedWorkerOnly: true,
  },
  "exports-unknown": {
    code: "DO604",
    title: "Worker's exports could not be determined",
    severity: "info",
    aboutTheCheck: true,
  },
} as const satisfies RuleFamily;

// ---------------------------------------------------------------------------------------------
// Wording: each rule's message and fix, from plain facts (names as written in the config).

/**
 * DO601/DO602 that the change makes news: it deletes the class in one target of the code, and
 * another target of the same code still has it. `message` goes in front of the rule's own.
 */
export function incompleteFix(f: {
  readonly className: string | undefined;
  readonly deleting: { readonly env: string | null; readonly file: string };
  readonly tag: string | null;
  readonly target: { readonly env: string | null; readonly file: string };
}): Wording {
  const className = q(f.className);
  return {
    message: `This change deletes ${className} in ${targetLabel(f.deleting, false)}${f.tag ? ` (migration ${q(f.tag)})` : ""}, but ${targetLabel(f.target, false)} deploys the same code and still has ${className}, so the fix is incomplete.`,
    fix: `Delete ${className} in ${targetLabel(f.target, false)} as well (bindings removed first, then the delete: two deploys), or keep exporting ${className} (a stub class is enough) until every config of this code has deleted it.`,
  };
}

// Rule family DO6xx: the classes the Worker's code exports, against the classes its config keeps live.
import { type RuleFamily, type Wording, worded } from "./rule.ts";
import { envLabel, q, targetLabel } from "./words.ts";

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
export const incompleteFix = worded(function incompleteFix(f: {
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
});

/** How these rules name a Worker: by name, else by its environment. */
function whose(worker: string | null, env: string | null): string {
  return worker ? `Worker ${q(worker)}` : `the Worker of ${envLabel(env)}`;
}

/** DO604: the Worker's exports could not be read (no `main`, or an entry the check cannot read). */
export const exportsUnknown = worded(function exportsUnknown(f: {
  readonly worker: string | null;
  readonly env: string | null;
  /** The entry module, or null when there is no `main`. */
  readonly entry: string | null;
  /** Why the entry's exports could not be read. */
  readonly why: string;
}): Wording {
  const who = whose(f.worker, f.env);
  return f.entry === null
    ? {
        message: `${who} has no \`main\`, so the classes its code exports cannot be checked.`,
        fix: "Set `main` to the Worker's entry module to let this check run.",
      }
    : {
        message: `The export names of ${who}'s entry ${q(f.entry)} could not be determined: ${f.why}`,
        fix: "Nothing to do if the deploy builds the entry; this check only reads source files and never runs a build.",
      };
});

/** DO602 (created now) or DO601 (has objects): a live class the entry module does not export. */
export const classNotExported = worded(function classNotExported(f: {
  readonly className: string;
  readonly env: string | null;
  readonly entry: string;
  readonly created: boolean;
}): Wording {
  const { className, entry } = f;
  return f.created
    ? {
        message: `Class ${q(className)} is created in ${envLabel(f.env)} but ${q(entry)} does not export it: the deploy fails with code 10070 (new-class migration for a class not exported).`,
        fix: `Export ${q(className)} from ${q(entry)} (\`export class ${className} ...\` or re-export it).`,
      }
    : {
        message: `Class ${q(className)} still has a Durable Object namespace in ${envLabel(f.env)}, but ${q(entry)} does not export it: the deploy fails with code 10064 ("does not export class ... depended on by existing Durable Objects").`,
        fix: `Keep exporting ${q(className)} (a stub class is enough) until a delete migration has been applied; if its data should go, delete it with the two-phase deploy.`,
      };
});

/** DO601: a class whose migrations this change removed, still with a namespace, not exported. */
export const abandonedClassNotExported = worded(function abandonedClassNotExported(f: {
  readonly className: string;
  readonly env: string | null;
  readonly worker: string | null;
  readonly entry: string;
  /** The removed migration's tag (null: all of them). */
  readonly removedTag: string | null;
}): Wording {
  const { className, entry } = f;
  return {
    message: `${q(className)} has no migration left in ${envLabel(f.env)} (this change removed ${f.removedTag ? `migration ${q(f.removedTag)}` : "them"}) and no binding, but removing a migration deletes nothing: if that history reached ${whose(f.worker, f.env)}, its ${q(className)} namespace still exists, and since ${q(entry)} does not export ${q(className)}, the deploy fails with code 10064 ("does not export class ... depended on by existing Durable Objects").`,
    fix: `Restore the migrations, keep exporting ${q(className)} (a stub class is enough), and delete it with a new step in two deploys if its data should go.`,
  };
});

/** DO603: deleted classes already gone from the code (phase 1 still needs them exported). */
export const deletedClassStillNeeded = worded(function deletedClassStillNeeded(f: {
  readonly gone: readonly string[];
  readonly entry: string;
}): Wording {
  const { gone } = f;
  return {
    message: `${gone.map(q).join(", ")} ${gone.length === 1 ? "is" : "are"} deleted, and ${q(f.entry)} no longer exports ${gone.length === 1 ? "it" : "them"}. Phase 1 of the two-phase deploy (bindings removed, delete held back) still needs the class exported, or it fails with code 10064.`,
    fix: "Nothing to do with `mode: deploy`: phase 1 supplies a minimal stand-in export. Deploying by hand, keep a stub `export class ... {}` until the delete has applied.",
  };
});

/** DO202 of a retirement, once the head's code is read and exports every live class (a remark after). */
export function retirementGoesThrough(f: { readonly exported: readonly string[] }): string {
  return `The code still exports ${f.exported.map(q).join(", ")}: this deploy goes through.`;
}

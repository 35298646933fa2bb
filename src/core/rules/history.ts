// Rule family DO2xx: the applied migration history (edited, removed, reordered steps; histories the API rejects).
import { type RuleFamily, type Wording, worded } from "./rule.ts";
import { envLabel, inheritedRemark, q } from "./words.ts";

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
export const replayRejected = worded(function replayRejected(f: {
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
});

/** DO206: a new config whose history deletes a class it created. */
export const newConfigDeletes = worded(function newConfigDeletes(f: {
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
    message: `${q(f.file)} is new, and the migrations of ${envLabel(f.env)}${inheritedRemark(f.inherited)} delete ${names} (${tags}). If ${name} is not deployed yet, its first deploy sends every step, and the API rejects the delete of a class no earlier version of the Worker exported (code 10074): the deploy fails. If ${name} is already deployed from a config this change does not show, its next deploy from this file deletes ${names} there, unless it has run ${tags} already.`,
    fix: `For a new Worker, write a history without the delete: create only the classes it uses. If this config takes over from another one, keep it in the same directory or give it the same Worker name, so that the check compares the two.`,
  };
});

/** Base steps whose deploy is rejected at the base revision, so they most likely never applied. */
export interface Unapplied {
  /** The first rejected step (or the step itself, when the rejection names none). */
  readonly tag: string | null;
  readonly code: string | null;
  readonly reason: string;
  /** The tag deployed Workers most likely have (the one before the rejected steps). */
  readonly deployedTag: string | null;
}

/** "It most likely never reached a Worker: ..." (`subject` in place of "It"). */
function notApplied(u: Unapplied, subject = "It"): string {
  return `${subject} most likely never reached a Worker: at the base revision the deploy of ${q(u.tag)} is rejected${u.code ? ` with code ${u.code}` : ""} (${u.reason}), so deployed Workers are ${u.deployedTag ? `still at ${q(u.deployedTag)}` : "without these migrations"}`;
}

/** What a removed step's classes leave behind on a Worker that ran it (empty when nothing). */
function stillThere(names: readonly string[], tags: string): string {
  return names.length === 0
    ? ""
    : `If ${tags} reached a Worker, its ${names.length === 1 ? "namespace" : "namespaces"} of ${names.map(q).join(", ")} still ${names.length === 1 ? "exists" : "exist"} there (removing a migration deletes nothing), and the class is gone from the config: the next deploy fails with code 10064 unless the code still exports ${names.length === 1 ? "it" : "them"}. `;
}

function retireFix(names: readonly string[]): string {
  return names.length === 0
    ? ""
    : ` To retire ${names.map(q).join(", ")}, keep the history and delete the ${names.length === 1 ? "class" : "classes"} with a new step in two deploys (bindings removed first, class still exported).`;
}

/** DO201: an applied step edited: never applied, a repair of the replay, or ignored where it ran. */
export const historyEdited = worded(function historyEdited(
  f: { readonly env: string | null; readonly tag: string | null } & (
    | { readonly why: "unapplied"; readonly unapplied: Unapplied }
    | { readonly why: "repair" }
    | {
        readonly why: "ignored";
        /** Classes the edit adds that nothing else creates, and which of them the head binds. */
        readonly added: readonly string[];
        readonly bound: readonly string[];
        /** Classes the edit drops that stay created where the step ran. */
        readonly dropped: readonly string[];
      }
  ),
): Wording {
  const tag = q(f.tag);
  const where = envLabel(f.env);
  if (f.why === "unapplied") {
    return {
      message: `Migration ${tag} in ${where} was edited. ${notApplied(f.unapplied)} and receive the edited step. If ${tag} did reach a Worker, the edit is silently ignored there.`,
      fix: "Nothing to do if it never deployed; the live migration tag of each Worker settles it.",
    };
  }
  if (f.why === "repair") {
    return {
      message: `Migration ${tag} in ${where} was edited to create what a later step of the history renames or deletes, which wrangler's local replay (4.131 and later) rejects at the base revision: fresh Workers now replay the history cleanly. A Worker that already has ${tag} ignores the edit, which is right if it already has those classes.`,
      fix: `Check that deployed Workers already have the classes ${tag} now creates; otherwise append a new step instead of editing ${tag}.`,
    };
  }
  const { added, bound, dropped } = f;
  const there = [
    added.length > 0
      ? `${added.map(q).join(", ")} ${added.length === 1 ? "is" : "are"} never created there${bound.length > 0 ? `, so the deploy fails with code 10061 for the binding to ${bound.map(q).join(", ")}` : ""}`
      : "",
    dropped.length > 0
      ? `${dropped.map(q).join(", ")} stay${dropped.length === 1 ? "s" : ""} created there`
      : "",
  ].filter(Boolean);
  return {
    message: `Migration ${tag} in ${where} was edited. If ${tag} reached a Worker (it is in the base revision's history), that Worker silently ignores the edit${there.length > 0 ? ` (${there.join("; ")})` : ""}, while a fresh Worker (new env, preview, renamed Worker) gets the edited history: the two end up different.`,
    fix: `Restore ${tag} as it was and append a new migration with a new tag for the change. If ${tag} never deployed anywhere, the edit is harmless: the live migration tag of each Worker settles it.`,
  };
});

/** DO202: every migration removed, with every binding to its classes (a retirement). */
export const historyRetired = worded(function historyRetired(f: {
  readonly env: string | null;
  readonly tags: readonly string[];
  readonly steps: number;
  readonly classes: readonly string[];
  /** Classes left behind with live objects and nothing at head keeping them. */
  readonly gone: readonly string[];
}): Wording {
  const { classes, gone } = f;
  const tags = f.tags.map(q).join(", ");
  return {
    message: `Every migration (${tags}) was removed from ${envLabel(f.env)}, and no binding there points at ${classes.length === 1 ? "its class" : "their classes"} any more. Nothing is destroyed (removing a migration deletes nothing) and, while the code exports ${gone.length > 0 ? gone.map(q).join(", ") : "the classes"}, the deploy goes through: a Worker that ran ${f.steps === 1 ? tags : "them"} keeps ${gone.length === 1 ? "the namespace" : "the namespaces"} of ${(gone.length > 0 ? gone : classes).map(q).join(", ")} and ${gone.length === 1 ? "its" : "their"} objects, unmanaged, and a fresh Worker (new env, preview, renamed Worker) gets no classes and binds none. If a class with objects also leaves the code, the deploy fails with code 10064.`,
    fix: `To keep the data, nothing to do but keep exporting the ${gone.length === 1 ? "class" : "classes"}. To retire the data too, restore the history and delete the ${gone.length === 1 ? "class" : "classes"} with a new step instead, in two deploys (bindings removed first, class still exported, then the delete).`,
  };
});

/** DO202: every migration removed while bindings remain. */
export const historyRemoved = worded(function historyRemoved(f: {
  readonly env: string | null;
  readonly tags: readonly string[];
  readonly steps: number;
  readonly gone: readonly string[];
}): Wording {
  const tags = f.tags.map(q).join(", ");
  return {
    message: `Every migration (${tags}) was removed from ${envLabel(f.env)}. ${stillThere(f.gone, f.steps === 1 ? tags : "they")}wrangler now sends no migrations: a Worker that has them keeps its classes and objects, but a fresh Worker (new env, preview, renamed Worker) gets no classes at all, and its bindings fail with code 10061.`,
    fix: `Restore the migrations exactly as they were: they are append-only, so undo a step with a new step.${retireFix(f.gone)}`,
  };
});

/** DO202: one step removed (withdrawn if it never applied, else the deployed tag lost or history shortened). */
export const stepRemoved = worded(function stepRemoved(
  f: {
    readonly env: string | null;
    readonly tag: string;
    /** The tag the step's content is back under, when it is. */
    readonly retaggedAs: string | null;
  } & (
    | { readonly why: "unapplied"; readonly unapplied: Unapplied }
    | { readonly why: "deployed-tag" | "shortened"; readonly gone: readonly string[] }
  ),
): Wording {
  const where = envLabel(f.env);
  const tag = q(f.tag);
  const again = f.retaggedAs !== null ? ` (its content is back as ${q(f.retaggedAs)}, under a new tag)` : "";
  if (f.why === "unapplied") {
    return {
      message: `Migration ${tag} was removed from ${where}${again}. ${notApplied(f.unapplied)}, and removing it is how to withdraw it. If it did reach a Worker, its tag is missing from the config and wrangler sends every step again (code 10074 for classes that exist).`,
      fix: "Nothing to do if it never deployed; the live migration tag of each Worker settles it.",
    };
  }
  const gone = f.gone;
  return {
    message:
      f.why === "deployed-tag"
        ? `Migration ${tag} was removed from ${where}${again}. It is the last one at the base revision, so ${tag} is the tag a Worker deployed from there has: wrangler will warn that it is missing from the config and send EVERY step again, and creating classes that already exist fails with code 10074. ${stillThere(gone, tag)}`.trimEnd()
        : `Migration ${tag} was removed from ${where}. ${gone.length > 0 ? stillThere(gone, tag) : "If it reached a Worker, nothing is undone there; "}${gone.length > 0 ? "A" : "a"} fresh Worker (new env, preview, renamed Worker) replays the shortened history and ends up different.`,
    fix: `Restore migration ${tag} exactly as it was. Migrations are append-only: undo a step with a new step.${retireFix(gone)}`,
  };
});

/** DO203: the steps both revisions have are in another order. */
export const historyReordered = worded(function historyReordered(f: {
  readonly env: string | null;
  readonly was: readonly string[];
  readonly now: readonly string[];
}): Wording {
  return {
    message: `Migrations in ${envLabel(f.env)} were reordered (${f.was.map(q).join(", ")} is now ${f.now.map(q).join(", ")}). wrangler finds the deployed tag by position, so it skips or repeats steps.`,
    fix: "Restore the original order; append new steps at the end.",
  };
});

/** DO203: a new step inserted before the tag deployed Workers have. */
export const stepInsertedBeforeDeployed = worded(function stepInsertedBeforeDeployed(f: {
  readonly env: string | null;
  readonly tag: string;
  readonly deployedTag: string;
}): Wording {
  return {
    message: `New migration ${q(f.tag)} in ${envLabel(f.env)} was inserted before ${q(f.deployedTag)}, which deployed Workers already have: wrangler only sends the steps after the deployed tag, so they never run it.`,
    fix: `Move ${q(f.tag)} to the end of the list.`,
  };
});

/** DO203: a new step inserted before base steps whose deploy is rejected (Workers get it in order). */
export const stepInsertedBeforeRejected = worded(function stepInsertedBeforeRejected(f: {
  readonly env: string | null;
  readonly tag: string;
  readonly lastBaseTag: string | null;
  readonly unapplied: Unapplied;
}): Wording {
  const last = q(f.lastBaseTag);
  return {
    message: `New migration ${q(f.tag)} in ${envLabel(f.env)} was inserted before ${last}. ${notApplied(f.unapplied, last)} and receive ${q(f.tag)} in order. If ${last} did reach a Worker, that Worker never runs ${q(f.tag)}.`,
    fix: `Nothing to do if ${last} never deployed; the live migration tag of each Worker settles it.`,
  };
});

/** DO204: a tag written more than once. */
export const duplicateTag = worded(function duplicateTag(f: {
  readonly env: string | null;
  readonly tag: string;
  readonly count: number;
}): Wording {
  return {
    message: `Tag ${q(f.tag)} appears ${f.count} times in ${envLabel(f.env)}. wrangler does not check: it matches the first copy, so every later deploy re-sends the steps after it.`,
    fix: "Give every migration a unique tag.",
  };
});

/**
 * Why the deploy of a base step is rejected at the base revision, as the DO101, DO201, DO202,
 * DO203 and DO304 messages quote it (the `reason` of a predicted rejection).
 */
export function rejectionReason(
  f:
    | { readonly cause: "create-existing" | "not-exported"; readonly className: string }
    | { readonly cause: "still-bound"; readonly binding: string; readonly className: string }
    | {
        readonly cause: "bound-elsewhere";
        readonly binding: string;
        readonly worker: string;
        readonly className: string;
      }
    | {
        readonly cause: "repointed";
        readonly className: string;
        readonly created: string;
        readonly binding: string;
      }
    | { readonly cause: "rename-onto-existing"; readonly className: string }
    | { readonly cause: "unknown-class"; readonly binding: string | undefined; readonly className: string },
): string {
  switch (f.cause) {
    case "create-existing":
      return `it creates ${q(f.className)}, which already exists`;
    case "not-exported":
      return `it creates ${q(f.className)}, which the base revision's code does not export`;
    case "still-bound":
      return `binding ${q(f.binding)} still points at ${q(f.className)}, which it deletes`;
    case "bound-elsewhere":
      return `binding ${q(f.binding)} of Worker ${q(f.worker)} still names ${q(f.className)} through \`script_name\`, and it deletes that class`;
    case "repointed":
      return `it deletes ${q(f.className)} and creates ${q(f.created)}, which binding ${q(f.binding)} points at: when that binding moved to it in the same deploy, the live binding still pointed at ${q(f.className)}`;
    case "rename-onto-existing":
      return `it renames a class onto ${q(f.className)}, which already exists`;
    case "unknown-class":
      return `binding ${q(f.binding)} points at ${q(f.className)}, which no step of the history creates`;
  }
}

// Rule family DO1xx: deleting a class (the data loss itself, and the deploys that reject or endanger a delete).
import { type RuleFamily, type Wording, worded } from "./rule.ts";
import { envLabel, inheritedRemark, q, storageName } from "./words.ts";

export const DELETE_RULES = {
  "class-deleted": {
    code: "DO101",
    title: "Class deleted: all its objects are destroyed",
    severity: "critical",
    reportsDataLoss: true,
    destroys: "all",
  },
  "probable-rename": {
    code: "DO102",
    title: "Delete + create that looks like a rename",
    severity: "critical",
    reportsDataLoss: true,
    destroys: "first",
  },
  "delete-still-bound": { code: "DO103", title: "Deleted class still bound", severity: "error" },
  "delete-binding-repointed": {
    code: "DO106",
    title: "Binding repointed in the deploy that deletes its class",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "delete-binding-removed": {
    code: "DO107",
    title: "Binding removed in the deploy that deletes its class",
    severity: "warning",
    deployedWorkerOnly: true,
  },
  "delete-transferred-bound": {
    code: "DO108",
    title: "Transferred class deleted in the deploy that drops its binding",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "delete-mixed-step": { code: "DO104", title: "Delete mixed with other operations", severity: "error" },
  "cross-worker-binding": {
    code: "DO105",
    title: "Another Worker binds the deleted class",
    severity: "error",
    deployedWorkerOnly: true,
  },
} as const satisfies RuleFamily;

// ---------------------------------------------------------------------------------------------
// Wording: each rule's message and fix, from plain facts (names as written in the config).

/** The safe way to delete a class, as the fixes say it. */
export const TWO_PHASE =
  "delete in two deploys: first remove every binding to the class (keep exporting it), deploy; then add the delete and deploy with an explicit confirmation (`mode: deploy` of this action runs both phases).";

/** A base step whose deploy was rejected so far, and which this change lets apply. */
export interface Unblocked {
  readonly code: string | null;
  readonly reason: string;
  /** The base tag Workers are most likely still at. */
  readonly from: string | null;
}

/** DO101: a class deleted (its objects destroyed). */
export const classDeleted = worded(function classDeleted(f: {
  readonly className: string;
  readonly env: string | null;
  readonly tag: string | null;
  /** The env's lifecycle is inherited from the top level. */
  readonly inherited: boolean;
  readonly worker: string | null;
  /** The class whose objects these are (another name when renamed earlier in the change). */
  readonly origin: string;
  /** The step was rejected at the base and this change lets it apply. */
  readonly unblocked: Unblocked | null;
  /** A binding of the class moved to a class of another storage backend. */
  readonly switched: {
    readonly binding: string;
    readonly target: string;
    readonly from: "sqlite" | "kv";
    readonly to: "sqlite" | "kv";
  } | null;
}): Wording {
  const { className, tag, switched, unblocked } = f;
  const applies = unblocked
    ? `Migration ${q(tag)} is on the base branch, but its deploy has been rejected so far${unblocked.code ? ` (code ${unblocked.code})` : ""}: ${unblocked.reason}, so Workers are most likely still at ${q(unblocked.from ?? "no tag")}. This change removes that cause, so the next deploy applies ${q(tag)}.`
    : "";
  return {
    message: `${applies ? `${applies} ` : ""}Deleting class ${q(className)} in ${envLabel(f.env)}${tag ? ` (migration ${q(tag)}${inheritedRemark(f.inherited)})` : ""} destroys every ${q(className)} object of ${q(f.worker ?? "this Worker")}${f.origin === className ? "" : ` (the objects of ${q(f.origin)}, renamed to ${q(className)} earlier in this change)`} and all its storage, irreversibly.${switched ? ` Binding ${q(switched.binding)} now points at ${q(switched.target)}, which has ${storageName(switched.to)} storage where ${q(className)} has ${storageName(switched.from)}: this is a storage switch, not a rename (a rename keeps the backend), so none of the data carries over.` : ""}`,
    fix: switched
      ? `To keep the data, migrate it first: create ${q(switched.target)} in a deploy of its own while ${q(className)} stays bound and exported, copy each object's data from ${q(className)} to ${q(switched.target)} in code, move the binding, and only then delete ${q(className)} (two deploys). If the data may go, ${TWO_PHASE}`
      : `If the data must go, ${TWO_PHASE} If you meant to rename the class, use \`renamed_classes\` instead.`,
  };
});

/** DO101, conditional: an edited (or removed) base step deletes a class where it has not run yet. */
export const editedStepDelete = worded(function editedStepDelete(f: {
  readonly env: string | null;
  /** The base step edited or removed. */
  readonly unlessRan: string;
  readonly verb: "edited" | "removed";
  /** The step that deletes (the edited one, or a later one). */
  readonly tag: string | null;
  readonly className: string;
  readonly origin: string;
  readonly worker: string | null;
  /** A binding of the head that still points at the class. */
  readonly bound: string | null;
}): Wording {
  const cond = q(f.unlessRan);
  const what =
    f.tag === f.unlessRan
      ? `this edit deletes ${q(f.className)} there`
      : `the edited history deletes ${q(f.className)} there in ${q(f.tag)}`;
  const renamed = f.origin === f.className ? "" : ` (renamed to ${q(f.className)} on the way)`;
  return {
    message: `Migration ${cond} in ${envLabel(f.env)} was ${f.verb}${f.tag === f.unlessRan ? ` to delete ${q(f.className)}` : ""}. If ${cond} has not reached a Worker yet (a merged step is only applied once its deploy succeeded: the live migration tag says), ${what} and destroys every ${q(f.origin)} object of ${q(f.worker ?? "this Worker")}${renamed} and all its storage, irreversibly; a Worker that ran ${cond} ${f.verb === "edited" ? "ignores the edit" : "keeps what it ran"}.${f.bound !== null ? ` While binding ${q(f.bound)} still points at ${q(f.className)}, that deploy is rejected (code 10061) instead.` : ""}`,
    fix: `Restore ${cond} as it was. If the data of ${q(f.origin)} must go, delete it with a new migration (a new tag) in two deploys: ${TWO_PHASE.replace(/^delete in two deploys: /, "")}`,
  };
});

/** DO101, conditional: a delete of objects a Worker has only if it ran a step the base lacks. */
export const ranStepDelete = worded(function ranStepDelete(f: {
  readonly env: string | null;
  readonly tag: string | null;
  readonly className: string;
  readonly origin: string;
  readonly ifRan: string | null | undefined;
  readonly worker: string | null;
  readonly bound: string | null;
}): Wording {
  const ran = q(f.ifRan);
  const name = q(f.worker ?? "this Worker");
  const renamed = f.origin === f.className ? "" : ` (renamed from ${q(f.origin)} on the way)`;
  return {
    message: `Migration ${q(f.tag)} in ${envLabel(f.env)} deletes ${q(f.className)}${renamed}, whose objects exist on a Worker that has run ${ran}: ${ran} is not in the base revision's history (restored from an earlier revision, or deployed from another branch), so ${name} may well have run it. If it has, the next deploy sends ${q(f.tag)} and destroys every ${q(f.className)} object and all its storage, irreversibly.${f.bound !== null ? ` While binding ${q(f.bound)} still points at ${q(f.className)}, that deploy is rejected (code 10061) instead.` : ""}`,
    fix: `The live migration tag of ${name} settles it (the live plan reads it). If the data must go, ${TWO_PHASE} If not, drop the delete.`,
  };
});

/** DO104: a step that deletes and does other operations. */
export const deleteMixedStep = worded(function deleteMixedStep(f: {
  readonly tag: string | null;
  readonly env: string | null;
}): Wording {
  return {
    message: `Migration ${q(f.tag)} in ${envLabel(f.env)} deletes classes and also does other operations: the delete cannot be phased apart from them under one tag.`,
    fix: "Put the deletes in a migration of their own with its own tag.",
  };
});

/** DO103: the config still binds the class it deletes (its own binding, or one by `script_name`). */
export const deleteStillBound = worded(function deleteStillBound(f: {
  readonly className: string;
  readonly env: string | null;
  readonly binding: string;
  /** The Worker a `script_name` binding names; null for the Worker's own binding. */
  readonly scriptName: string | null;
  readonly local: boolean;
}): Wording {
  const where = envLabel(f.env);
  return {
    message: f.local
      ? `Class ${q(f.className)} is deleted in ${where} but binding ${q(f.binding)} still points at it: the API rejects the deploy (code 10061).`
      : `Class ${q(f.className)} is deleted in ${where} while binding ${q(f.binding)} still names class ${q(f.className)} (of Worker ${q(f.scriptName)}, through \`script_name\`): the API matches a delete against bindings by class name and rejects the deploy (code 10061).`,
    fix: f.local
      ? `Remove the binding and ${TWO_PHASE}`
      : `Deploy the binding change on its own first, then ${TWO_PHASE}`,
  };
});

/** How the rules of a delete whose class a base binding still pointed at say the deploy's fate. */
function liveBindingRejection(binding: string, gone: string): string {
  return `the API checks the delete against the live binding ${q(binding)}, which still points at ${q(gone)}`;
}
const MAY_PASS =
  "a deploy that deleted and created in one step was rejected (code 10061), but one with the delete and the create in separate steps, as here, went through: this deploy may be rejected or may go through";

/** DO102: a binding moves to a new class of the same backend while its class is deleted. */
export const probableRename = worded(function probableRename(f: {
  readonly binding: string;
  readonly gone: string;
  readonly now: string;
  /** The delete and the create are in separate steps of the deploy. */
  readonly separateSteps: boolean;
}): Wording {
  const rejection = liveBindingRejection(f.binding, f.gone);
  return {
    message: `Binding ${q(f.binding)} moves from ${q(f.gone)} to ${q(f.now)} while ${q(f.gone)} is deleted and ${q(f.now)} created: this looks like a rename, but as written every ${q(f.gone)} object is destroyed and ${q(f.now)} starts empty. ${f.separateSteps ? `About the deploy: ${rejection}, and ${MAY_PASS}.` : `The deploy is also rejected (code 10061): ${rejection}.`}`,
    fix: `To keep the data, replace the delete and create with \`renamed_classes = [{ from = "${f.gone}", to = "${f.now}" }]\`.`,
  };
});

/** DO106: a binding keeps its name and points at another class in the deploy that deletes its class. */
export const deleteBindingRepointed = worded(function deleteBindingRepointed(f: {
  readonly binding: string;
  readonly gone: string;
  readonly now: string;
  /** The Worker the binding now names through `script_name`, when not this one. */
  readonly nowWorker: string | null;
  readonly env: string | null;
  readonly separateSteps: boolean;
}): Wording {
  return {
    message: `Binding ${q(f.binding)} keeps its name but points at ${q(f.now)}${f.nowWorker ? ` of Worker ${q(f.nowWorker)}` : ""} instead of ${q(f.gone)}, in the same deploy that deletes ${q(f.gone)} in ${envLabel(f.env)}: ${liveBindingRejection(f.binding, f.gone)}${f.separateSteps ? `, and ${MAY_PASS}` : ", and rejects the deploy (code 10061)"}.`,
    fix: `Deploy in two steps: first only move ${q(f.binding)} to ${q(f.now)} (with ${q(f.now)} created and ${q(f.gone)} still exported), then deploy the delete of ${q(f.gone)} on its own.`,
  };
});

/** DO108: a transferred class deleted in the deploy that removes its binding. */
export const deleteTransferredBound = worded(function deleteTransferredBound(f: {
  readonly className: string;
  readonly worker: string | null;
  readonly env: string | null;
  readonly binding: string;
}): Wording {
  return {
    message: `Class ${q(f.className)} came into ${q(f.worker ?? "this Worker")} through \`transferred_classes\` and is deleted in ${envLabel(f.env)} in the same deploy that removes binding ${q(f.binding)}: the platform keeps a remote binding for a transferred class until a deploy without the binding has landed, so the delete is rejected (code 10061).`,
    fix: `Split it: ${TWO_PHASE}`,
  };
});

/** DO107: the Worker's own binding removed in the deploy that deletes its class. */
export const deleteBindingRemoved = worded(function deleteBindingRemoved(f: {
  readonly binding: string;
  readonly className: string;
  readonly env: string | null;
}): Wording {
  return {
    message: `Binding ${q(f.binding)} to ${q(f.className)} is removed in the same deploy that deletes ${q(f.className)} in ${envLabel(f.env)}. The API checks a delete against the live bindings, and reports differ on whether it accepts this in one deploy: some one-shot deletes went through, others were rejected with code 10061 (workers-sdk#8210).`,
    fix: `Two deploys always work: ${TWO_PHASE.replace(/^delete in two deploys: /, "")}`,
  };
});

/** DO105: another Worker of the repository binds the deleted class (or drops that binding now). */
export const crossWorkerBinding = worded(function crossWorkerBinding(f: {
  /** The binding Worker's name, else its config file. */
  readonly other: string;
  readonly otherFile: string;
  readonly binding: string;
  readonly className: string;
  readonly deletingWorker: string | null;
  readonly deletingFile: string;
  /** The binding is removed in this same change (still live until that Worker deploys). */
  readonly dropped: boolean;
}): Wording {
  const other = q(f.other);
  return f.dropped
    ? {
        message: `Worker ${other} drops its binding ${q(f.binding)} to ${q(f.className)} of ${q(f.deletingWorker)} (\`script_name\`) in the same change that deletes the class in ${q(f.deletingFile)}, but the live binding stays until ${other} has deployed without it: the delete is rejected (code 10061) if it deploys first or at the same time.`,
        fix: `Deploy ${other} without the binding first (phase 1), then deploy the delete, for example from a later pull request.`,
      }
    : {
        message: `Worker ${other} still binds ${q(f.className)} of ${q(f.deletingWorker)} through \`script_name\` (binding ${q(f.binding)}): the delete in ${q(f.deletingFile)} is rejected (code 10061) until this binding is removed and deployed.`,
        fix: `Remove binding ${q(f.binding)} from ${q(f.otherFile)} and deploy that Worker first (phase 1), then deploy the delete.`,
      };
});

// The live rule family, DO801 to DO807: their catalogue entries (LIVE_RULES), and the wording of
// every finding the live plan reports and of its notes, as functions of plain facts. What the live state shows is found elsewhere
// (src/core/live/*.ts, from the plan of each Worker); here it is only put into words, so a
// rewording never touches a rule's logic. The remarks the live plan adds to other rules'
// findings are in live-remarks.ts.
//   DO801 live-tag-unknown            a live tag this branch's history does not have
//   DO802 undeployed-step             a step on the base branch (or one of this change's) not deployed yet
//   DO803 live-storage-mismatch       live storage that differs from the config's
//   DO804 live-binding-blocks-delete  another Worker binds, live, a class the next deploy deletes
//   DO805 live-class-unknown          a live namespace the config does not know
//   DO806 delete-destroys-nothing     a delete of a class with no live namespace
//   DO807 first-deploy-rejected       a new Worker's first deploy the API rejects
import type { LiveProblem, ObjectCount } from "../live/state.ts";
import type { LifecycleOp, Storage } from "../model.ts";
import { objectsText } from "../text/objects.ts";
import { type RuleFamily, type Wording, worded } from "./rule.ts";
import { q, storageName } from "./words.ts";

/** A class the next deploy destroys: its class, the class its objects had before any rename, their count. */
export interface Destruction {
  readonly className: string;
  readonly origin: string;
  readonly objects: ObjectCount | null;
}

/** The live plan's catalogue entries (catalogue.ts assembles every family's). */
export const LIVE_RULES = {
  "live-tag-unknown": {
    code: "DO801",
    title: "Live migration tag not in this branch",
    severity: "error",
    reportsDataLoss: true,
    destroys: "all",
    fromLivePlan: true,
  },
  "undeployed-step": {
    code: "DO802",
    title: "Base branch change not deployed yet",
    severity: "warning",
    reportsDataLoss: true,
    destroys: "all",
    fromLivePlan: true,
  },
  "live-storage-mismatch": {
    code: "DO803",
    title: "Live storage differs from the config",
    severity: "warning",
  },
  "live-binding-blocks-delete": {
    code: "DO804",
    title: "A live binding blocks the delete",
    severity: "error",
  },
  "live-class-unknown": { code: "DO805", title: "Live class the config does not know", severity: "info" },
  "delete-destroys-nothing": {
    code: "DO806",
    title: "Deleted class has no live namespace",
    severity: "info",
  },
  "first-deploy-rejected": {
    code: "DO807",
    title: "First deploy of a new Worker rejected",
    severity: "error",
  },
} as const satisfies RuleFamily;

/** "12,408 objects (9,876 with stored data)", or that they were not counted. */
export function countText(c: ObjectCount | null): string {
  return objectsText(c === null ? { objects: null, withData: null, capped: false } : c);
}

/** "Live: `chat` has 12,408 objects of `Legacy` (9,876 with stored data) right now." */
export function blastRadius(d: Destruction, worker: string): string {
  const of =
    d.origin === d.className ? q(d.className) : `${q(d.origin)} (renamed to ${q(d.className)} on the way)`;
  const c = d.objects;
  if (c === null) return `Live: ${q(worker)} has a ${of} namespace; its objects were not counted.`;
  if (c.objects === 0 && !c.capped) {
    return `Live: the ${of} namespace of ${q(worker)} has no objects right now; any written before the deploy are destroyed with it.`;
  }
  return `Live: the next deploy destroys ${countText(c)} of ${of} in ${q(worker)}.`;
}

/** The live plan's remark on a delete it confirms: what the next deploy destroys in `worker`. */
export const destroysLive = worded((f: { readonly destruction: Destruction; readonly worker: string }) => ({
  after: blastRadius(f.destruction, f.worker),
}));

/** DO801: the live tag of `worker` is not in this branch's history, so wrangler replays every step. */
export const liveTagUnknown = worded(function liveTagUnknown(facts: {
  readonly worker: string;
  readonly liveTag: string | null;
  /** The base branch has the live tag (this change removes it). */
  readonly baseHasIt: boolean;
  /** How many steps the replay sends. */
  readonly sends: number;
  /** The first step the API cannot apply (a create of a class that already has a namespace). */
  readonly rejected: { readonly tag: string | null; readonly className: string } | null;
  readonly destroys: readonly Destruction[];
}): Wording {
  const { worker, liveTag, rejected, destroys } = facts;
  const outcome = rejected
    ? ` The first step the API cannot apply is ${q(rejected.tag)}: it creates ${q(rejected.className)}, which already has a namespace, so the deploy is rejected (code 10074) and nothing changes.`
    : destroys.length > 0
      ? ` The replay deletes ${destroys.map((d) => `${q(d.className)} (${countText(d.objects)})`).join(", ")}.`
      : "";
  return {
    message: `The live migration tag of ${q(worker)} is ${q(liveTag)}, which ${facts.baseHasIt ? "the base branch has but this change removes" : "this branch's migrations do not have (another branch or a preview deployed its own steps, or the history was rewritten)"}: wrangler warns and sends all ${facts.sends} steps again, with ${q(liveTag)} as the old tag.${outcome}`,
    fix: `Find where ${q(liveTag)} came from (the branch or preview that deployed it: \`git log --all -S'${safeTag(liveTag)}'\`) and bring its steps into this history in the same order before deploying from this branch.`,
  };
});

/** A tag inside a shell command suggestion: only characters that need no quoting. */
function safeTag(tag: string | null): string {
  return (tag ?? "").replace(/[^\w.-]/g, "");
}

/** DO807: a new Worker's first deploy sends a delete, which the API rejects. */
export const firstDeployRejected = worded(function firstDeployRejected(facts: {
  readonly worker: string;
  /** The account, as `accountLabel` says it. */
  readonly account: string;
  readonly env: string | null;
  readonly tag: string | null;
  readonly className: string;
}): Wording {
  const { worker, tag, className } = facts;
  return {
    message: `${q(worker)} is not deployed in ${facts.account}, so its first deploy sends the whole history, and migration ${q(tag)} deletes ${q(className)}: the API rejects a delete of a class that no previous version of the Worker exported, and a new Worker has none (code 10074). The deploy fails and nothing is created.`,
    fix: `Give ${facts.env === null ? "this Worker" : `env ${q(facts.env)}`} its own \`migrations\` that only create the classes it uses (a history of its own, without the delete), or deploy it first from a revision before the delete.`,
  };
});

/** DO802, a destroying change no finding states: one already on the base branch, or this change's. */
export const undeployedDestruction = worded(function undeployedDestruction(facts: {
  readonly worker: string;
  readonly destruction: Destruction;
  /** The migration tag; null for an `exports` tombstone. */
  readonly tag: string | null;
  /** The delete is the base revision's already (not this change's). */
  readonly onBase: boolean;
  /** The base revision has a step with this tag (an edited step). */
  readonly baseHasTag: boolean;
  readonly liveTag: string | null;
}): Wording {
  const { worker, destruction: d, tag, liveTag } = facts;
  const cls = q(d.className);
  const radius = blastRadius(d, worker);
  const renamedFrom = d.origin === d.className ? "" : ` (the objects of ${q(d.origin)}, renamed on the way)`;
  if (facts.onBase) {
    return tag === null
      ? {
          message: `The \`exports\` tombstone for ${cls} is already on the base branch, but ${cls} still has a live namespace in ${q(worker)}: the next deploy applies it and destroys every object, irreversibly. ${radius}`,
          fix: `Deploy the base branch first if that delete is wanted (one confirmed deploy with the class gone from the code: \`mode: deploy\`), or revert it on the base branch; either way this change should not ship it unnoticed.`,
        }
      : {
          message: `Migration ${q(tag)} is already on the base branch, but ${q(worker)} has not deployed it (live tag ${q(liveTag ?? "none")}): the next deploy sends it too, and it deletes ${cls}${renamedFrom}, destroying every object, irreversibly. ${radius}`,
          fix: `Deploy the base branch first if that delete is wanted (two phases: \`mode: deploy\`), or revert it on the base branch; either way this change should not ship it unnoticed.`,
        };
  }
  return tag === null
    ? {
        message: `This change's \`exports\` map marks ${cls} \`"state": "deleted"\` (the base revision does not), and ${cls} has a live namespace in ${q(worker)}: the next deploy applies it and destroys every object, irreversibly. ${radius}`,
        fix: `If the data must go, acknowledge it and deploy it in one confirmed deploy with ${cls} removed from the code (\`mode: deploy\`); otherwise declare ${cls} again instead of the tombstone before merging.`,
      }
    : {
        message: `This change's migration ${q(tag)} deletes ${cls}${renamedFrom} (${facts.baseHasTag ? `the base revision's ${q(tag)} does not` : "the base revision does not have it"}), and ${q(worker)} is at live tag ${q(liveTag ?? "none")}: the next deploy sends it and destroys every object, irreversibly. ${radius}`,
        fix: `If the data must go, acknowledge it and deploy in two phases (\`mode: deploy\`); otherwise take ${cls} out of ${q(tag)} before merging.`,
      };
});

/** DO802, a step already on the base branch that destroys nothing: it ships with the next deploy. */
export const undeployedStep = worded(function undeployedStep(facts: {
  readonly worker: string;
  readonly tag: string;
  readonly ops: readonly LifecycleOp[];
  /** The classes with a live namespace, when the namespace list was read. */
  readonly liveClasses: { has(className: string): boolean } | null;
  readonly liveTag: string | null;
}): Wording {
  return {
    message: `Migration ${q(facts.tag)} (${describeOps(facts.ops, facts.liveClasses)}) is already on the base branch, but ${q(facts.worker)} has not deployed it (live tag ${q(facts.liveTag ?? "none")}): the next deploy sends it along with this change.`,
    fix: "Nothing to change if it is wanted; review it as part of this deploy (or deploy the base branch first).",
  };
});

function describeOps(
  ops: readonly LifecycleOp[],
  liveClasses: { has(className: string): boolean } | null,
): string {
  const parts = ops.map((op) => {
    switch (op.type) {
      case "create":
        return `creates ${q(op.className)}`;
      case "delete":
        return liveClasses && !liveClasses.has(op.className)
          ? `deletes ${q(op.className)}, which has no live namespace`
          : `deletes ${q(op.className)}`;
      case "rename":
        return `renames ${q(op.from)} to ${q(op.to)}`;
      case "transfer-in":
        return `transfers ${q(op.className)} in from ${q(op.fromScript)}`;
      default:
        return `transfers ${q(op.className)} out`;
    }
  });
  return parts.length > 0 ? parts.join(", ") : "no Durable Object operation";
}

/** DO803: the live namespace's storage is not the config's. */
export const liveStorageMismatch = worded(function liveStorageMismatch(facts: {
  readonly worker: string;
  readonly className: string;
  readonly live: Storage;
  readonly config: Storage;
  /** The config declares `exports` (the server refuses the change) rather than `migrations`. */
  readonly exportsModel: boolean;
}): Wording {
  const { worker, className, live, config } = facts;
  return facts.exportsModel
    ? {
        message: `${q(className)} has ${storageName(live)} storage in the live ${q(worker)}, but its \`exports\` entry says ${storageName(config)}: the server refuses to change a class's storage, so the deploy is rejected (code 100402).`,
        fix: `Declare ${q(className)} with \`"storage": "${live === "kv" ? "legacy-kv" : "sqlite"}"\`, its live storage.`,
      }
    : {
        message: `${q(className)} has ${storageName(live)} storage in the live ${q(worker)}, but the config's history creates it with ${storageName(config)}: the deployed Worker keeps ${storageName(live)} (storage never changes in place), while a fresh Worker replaying this history gets ${storageName(config)}.`,
        fix: `Make the history say what is live (restore the step that created ${q(className)}); to move to SQLite, create a new class and migrate the data in code.`,
      };
});

/** DO804: another Worker binds, live and through `script_name`, a class the next deploy deletes. */
export const liveBindingBlocksDelete = worded(function liveBindingBlocksDelete(facts: {
  readonly worker: string;
  readonly className: string;
  /** The Worker that holds the binding, and the binding. */
  readonly holder: string;
  readonly binding: string;
  /** The holder is one of this repository's Workers. */
  readonly inRepository: boolean;
  /** The delete is an `exports` tombstone (not a migration). */
  readonly tombstone: boolean;
}): Wording {
  const { holder, binding, tombstone } = facts;
  return {
    message: `Worker ${q(holder)} ${facts.inRepository ? "(in this repository, deployed with a binding its config no longer has)" : "(not in this repository)"} binds ${q(facts.className)} of ${q(facts.worker)} live through \`script_name\` (binding ${q(binding)}): ${tombstone ? "the server refuses the `deleted` tombstone (code 100402, `tombstone_delete_blocked_by_external_bindings`)" : "Cloudflare rejects the delete (code 10061)"} until that binding is gone.`,
    fix: `Deploy ${q(holder)} without binding ${q(binding)} first, then deploy the ${tombstone ? "tombstone" : "delete (phase 2)"}.`,
  };
});

/** What a live namespace the config does not know holds, and whether the code exports its class. */
export interface UnknownClassFacts {
  readonly worker: string;
  readonly className: string;
  readonly model: "migrations" | "exports" | "none";
  readonly count: ObjectCount | null;
  /** Counted, with objects (or more than the cap). */
  readonly hasObjects: boolean;
  /** The Worker's entry module and whether it exports the class; null when the code was not read. */
  readonly exported: { readonly entry: string; readonly exports: boolean } | null;
}

/** DO805: a live namespace the config does not know (its severity: `liveClassUnknownSeverity`). */
export const liveClassUnknown = worded(function liveClassUnknown(facts: UnknownClassFacts): Wording {
  const { worker, className, hasObjects, exported } = facts;
  const counted =
    facts.count === null
      ? "its objects were not counted"
      : hasObjects
        ? `it holds ${countText(facts.count)}`
        : "it has no objects right now";
  if (facts.model === "exports") {
    return {
      message: hasObjects
        ? `${q(worker)} has a live namespace for ${q(className)}, which its \`exports\` map does not declare, and ${counted}: the server refuses a map that leaves out a class with objects (code 100402).`
        : `${q(worker)} has a live namespace for ${q(className)}, which its \`exports\` map does not declare (${counted}): if it has objects when the deploy runs, the server refuses the map (code 100402).`,
      fix: `Declare ${q(className)} in \`exports\` with its storage, or mark it \`"state": "deleted"\` if its data must go.`,
    };
  }
  const fix = `Find where ${q(className)} came from; if this Worker owns it, add its step to this history, and keep exporting it while it has objects.`;
  const notExported = exported !== null && !exported.exports;
  const lead = `${q(worker)} has a live namespace for ${q(className)}, which this config's migrations never mention (created by another branch, a preview, another Worker of that name or by hand), and ${counted}`;
  if (hasObjects && notExported) {
    return {
      message: `${lead}: ${q(exported.entry)} does not export ${q(className)}, so the deploy is rejected (code 10064, "does not export class ... depended on by existing Durable Objects").`,
      fix,
    };
  }
  if (hasObjects && exported === null) {
    return {
      message: `${lead}: the deploy keeps it if the code still exports ${q(className)}; if it does not, the deploy is rejected (code 10064).`,
      fix,
    };
  }
  return {
    message: `${lead}: ${exported && !notExported ? `the code exports it, so ` : ""}a deploy of this config leaves it alone${notExported && !hasObjects ? ` (if it has objects by then, the deploy is rejected, code 10064, since ${q(exported.entry)} does not export it)` : ""}, and a fresh Worker replaying this history would not have it.`,
    fix,
  };
});

/** DO806: a delete of a class with no live namespace destroys nothing. */
export const deleteDestroysNothing = worded(function deleteDestroysNothing(facts: {
  readonly worker: string;
  readonly className: string;
  readonly deployed: boolean;
  /** The account, as `accountLabel` says it. */
  readonly account: string;
  /** The migration tag; null for an `exports` tombstone. */
  readonly tag: string | null;
}): Wording {
  const { tag } = facts;
  return {
    message: `${q(facts.className)} has no Durable Object namespace in ${q(facts.worker)}${facts.deployed ? "" : `, which is not deployed in ${facts.account}`}: deleting it${tag ? ` (migration ${q(tag)})` : ""} destroys nothing, so no acknowledgement is needed.`,
    fix:
      tag === null
        ? "Nothing to do for the data: the `deleted` tombstone is a no-op here (the server reports it as `stale_tombstone` and lists it in `removable_entries`), and it may be dropped from `exports` later; keep the class out of the code."
        : "Nothing to do for the data. Keep the delete only if the class is gone from the code for good.",
  };
});

// ---------------------------------------------------------------------------------------------
// The live plan's notes (the report's notes and the run's warnings)

/** One problem that kept Workers from their live plan, with every Worker it hit. */
export function unreadNote(problem: string, workers: readonly string[]): string {
  const who = workers.length === 1 ? `Worker ${q(workers[0])}` : `Workers ${workers.map(q).join(", ")}`;
  return `The live state of ${who} could not be read (${problem}): ${workers.length === 1 ? "it is" : "they are"} judged from the config alone.`;
}

/** Workers of the account past the cap, not checked for live bindings to the deleted classes. */
export function scanSkippedNote(scan: {
  readonly skipped: number;
  readonly repository: number;
  readonly outside: number;
}): string {
  return `${scan.skipped} more Workers of the account were not checked for live bindings to the classes the next deploy deletes (${scan.repository + scan.outside} were: ${scan.repository} of this repository, ${scan.outside} outside it): Cloudflare refuses a delete while any Worker binds the class (code 10061).`;
}

/** Workers whose live bindings could not be read, and the first one's problem. */
export function scanUnreadNote(unread: readonly string[], first: LiveProblem | null): string {
  const why = first ? ` (${first.message})` : "";
  return `The live bindings of ${unread.length === 1 ? `Worker ${q(unread[0])}` : `${unread.length} Workers (${unread.slice(0, 3).map(q).join(", ")}${unread.length > 3 ? ", …" : ""})`} could not be read${why}: if ${unread.length === 1 ? "it binds" : "any binds"} a class the next deploy deletes, Cloudflare refuses the delete (code 10061).`;
}

/** The Workers the live plan leaves out because they are not deployed as written. */
export function leftOutNote(
  workers: readonly { readonly name: string | null; readonly file: string; readonly env: string | null }[],
): string {
  const who = (w: (typeof workers)[number]) =>
    `${w.name === null ? "the Worker without a `name`" : q(w.name)} (${q(w.file)}${w.env === null ? "" : `, env ${q(w.env)}`})`;
  const shown = workers.slice(0, 3).map(who).join(", ");
  return `The live plan leaves out ${shown}${workers.length > 3 ? ` and ${workers.length - 3} more` : ""}: not deployed as written (a placeholder name, or no \`name\`), so the live state of that name says nothing about the Worker it becomes. ${workers.length === 1 ? "Its" : "Their"} findings are the static check's.`;
}

// What the live plan says about other rules' findings, as functions of plain facts: a remark put
// before or after the rule's own sentence (`Remark`), or, where the live state settles the
// finding another way than the static rule could, the live plan's own sentence for it
// (`Restatement`). The live evidence (src/core/live/settle.ts) decides which applies and
// composes it with the finding through src/core/remarks.ts (by way of src/core/live/compose.ts),
// the one place that does.

import type { FindingKind } from "../model.ts";
import { worded } from "./rule.ts";
import { q } from "./words.ts";

/** Words put before and/or after a finding's message, each a sentence (or a lead) of its own. */
export interface Remark {
  readonly before?: string;
  readonly after?: string;
}

/** The live plan's sentence for a finding whose static wording the live state overtakes. */
export interface Restatement {
  readonly message: string;
  readonly fix?: string;
}

/** What a finding that only matters for a deployed Worker says when the Worker is not deployed. */
export const NOT_DEPLOYED_LEAD = "Not deployed";

/** Why (see `forUndeployedWorker`): the Worker is not in the account. */
export const notDeployedWhy = worded((f: { readonly worker: string; readonly account: string }) => ({
  why: `${q(f.worker)} is not in ${f.account}: its first deploy creates it and replays the whole history`,
}));

/** A delete in a step the live Worker has run already: never sent again. */
export const ranAlready = worded(function ranAlready(facts: {
  readonly worker: string;
  readonly liveTag: string | null;
  readonly tag: string;
  readonly className: string;
}): Remark {
  const { worker, tag } = facts;
  return {
    before: `${q(worker)} is at live tag ${q(facts.liveTag)}, so it has run ${q(tag)} already: the next deploy does not send ${q(tag)} again, and this delete of ${q(facts.className)} does not apply there.`,
  };
});

/** A namespace of the class whose owner the API did not name: whether the delete destroys objects is open. */
export const ownerlessNamespace = worded(function ownerlessNamespace(facts: {
  readonly worker: string;
  readonly account: string;
  readonly className: string;
}): Remark {
  return {
    after: `Live: ${facts.account} has a ${q(facts.className)} namespace whose owner the API did not name, so whether this delete destroys objects in ${q(facts.worker)} is not known.`,
  };
});

/** The next deploy is rejected before it applies anything. */
export const rejectedBeforeDelete = worded(function rejectedBeforeDelete(facts: {
  readonly worker: string;
  readonly deployed: boolean;
}): Remark {
  return {
    after: `Live: the next deploy of ${q(facts.worker)} is rejected before it applies anything (see ${facts.deployed ? "DO801" : "DO807"}), so nothing is destroyed until that is fixed.`,
  };
});

/** The Worker binds the class to delete right now. */
export const bindsRightNow = worded(function bindsRightNow(facts: {
  readonly worker: string;
  readonly className: string;
  readonly binding: string;
}): Remark {
  return {
    after: `Live: ${q(facts.worker)} binds ${q(facts.className)} right now (binding ${q(facts.binding)}).`,
  };
});

/** Nothing live binds the class to delete from the Worker itself: the delete can apply. */
export const noLiveBinding = worded(function noLiveBinding(facts: {
  readonly worker: string;
  readonly className: string;
  readonly deployed: boolean;
  readonly account: string;
}): Restatement {
  const { worker, className } = facts;
  return {
    message: facts.deployed
      ? `The live ${q(worker)} no longer binds ${q(className)} (a deploy without the binding has landed: phase 1), so nothing live references it from ${q(worker)} and the delete can apply.`
      : `${q(worker)} is not deployed in ${facts.account}, so it has no live binding to ${q(className)} that could block the delete.`,
    fix: "Nothing to do for the bindings.",
  };
});

/** An edited or removed step the live Worker has run already. */
export const historyRan = worded(function historyRan(facts: {
  readonly worker: string;
  readonly liveTag: string | null;
  readonly tag: string | null;
}): Remark {
  return {
    after: `Live: ${q(facts.worker)} is at ${q(facts.liveTag)}, so it has run ${q(facts.tag)} already.`,
  };
});

/** An edited or removed step the live Worker has not reached yet: it applies as the head says. */
export const historyNotReached = worded(function historyNotReached(facts: {
  readonly worker: string;
  readonly liveTag: string | null;
  readonly tag: string | null;
  readonly kind: FindingKind;
}): Remark {
  const { worker, tag } = facts;
  return {
    before: `${q(worker)} has not run ${q(tag)} yet (live tag ${q(facts.liveTag ?? "none")}): ${facts.kind === "history-edited" ? `its next deploy sends ${q(tag)} as edited, so the edit takes effect there` : `its next deploy does not send ${q(tag)}, so the step never runs there`}.`,
  };
});

/** A new config's history that deletes a class: which of its two outcomes holds. */
export const newConfigLive = worded(function newConfigLive(facts: {
  readonly worker: string | null;
  readonly deployed: boolean;
  readonly liveTag: string | null;
  /** The first deploy is rejected (DO807). */
  readonly firstDeployRejected: boolean;
}): Remark {
  return {
    before: facts.deployed
      ? `Live: ${q(facts.worker)} is deployed (live tag ${q(facts.liveTag ?? "none")}): what its next deploy sends and destroys is in the live plan.`
      : `Live: ${q(facts.worker)} is not deployed in this account${facts.firstDeployRejected ? ", and its first deploy is rejected (DO807)" : ""}.`,
  };
});

/** A Worker this change removes (or the old name of a renamed one) is not deployed: nothing left behind. */
export const removedNotDeployed = worded(function removedNotDeployed(facts: {
  readonly worker: string;
  readonly account: string;
}): Remark {
  return { before: `${q(facts.worker)} is not deployed in ${facts.account}, so nothing is left behind.` };
});

/** A renamed Worker's old name is not deployed: the rename leaves no objects behind. */
export const renamedFromNothing = worded(function renamedFromNothing(facts: {
  readonly old: string;
  readonly account: string;
}): Remark {
  return {
    before: `${q(facts.old)} is not deployed in ${facts.account}, so the rename leaves no objects behind.`,
  };
});

/** A Worker renamed onto a name the account already has: what the deploy does to that Worker. */
export interface RenameOntoFacts {
  readonly old: string;
  readonly worker: string;
  /** The account of the new name, and of the old one, as `accountLabel` says them. */
  readonly account: string;
  readonly oldAccount: string;
  readonly liveTag: string | null;
  /** The live classes of the new name. */
  readonly liveClasses: readonly string[];
  /** Of those, the ones this config does not know. */
  readonly unknown: readonly string[];
  /** Whether the old name is deployed (null: not known). */
  readonly oldExists: boolean | null;
}

/**
 * The new name is another Worker (live classes this config does not know, or a live tag its
 * history lacks): the deploy replaces it.
 */
export const renameReplaces = worded(function renameReplaces(facts: RenameOntoFacts): Restatement {
  const { old, worker, unknown } = facts;
  return {
    message: `The Worker is renamed from ${q(old)} to ${q(worker)}, and ${existing(facts)}: the next deploy does not create a new Worker, it replaces the code and configuration of the existing ${q(worker)}${unknown.length > 0 ? `, whose ${unknown.map(q).join(", ")} this config does not know (see DO805)` : ", whose live tag this history does not have (see DO801)"}.${oldLeft(facts)}`,
    fix: `If ${q(worker)} is not the Worker to replace, choose a name the account does not have (or keep ${q(old)}); if it is, bring its history into this config first.`,
  };
});

/** The new name's live Worker matches this config's history: the deploy updates it. */
export const renameUpdates = worded(function renameUpdates(facts: RenameOntoFacts): Restatement {
  return {
    message: `The Worker is renamed from ${q(facts.old)} to ${q(facts.worker)}, and ${existing(facts)}, which matches this config's history: the next deploy updates that Worker, it does not create a new one.${oldLeft(facts)}`,
  };
});

function existing(facts: RenameOntoFacts): string {
  const tag = facts.liveTag === null ? "no live migration tag" : `live tag ${q(facts.liveTag)}`;
  const live = facts.liveClasses;
  return `${q(facts.worker)} already exists in ${facts.account} (${tag}${live.length > 0 ? `; live classes ${live.map(q).join(", ")}` : ""})`;
}

function oldLeft(facts: RenameOntoFacts): string {
  const { old } = facts;
  return facts.oldExists === true
    ? ` ${q(old)} keeps all its objects, and no config manages it any more.`
    : facts.oldExists === false
      ? ` ${q(old)} is not deployed in ${facts.oldAccount}, so the rename leaves no objects behind.`
      : "";
}

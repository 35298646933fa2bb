// Compares one deployed Worker at two revisions: replays both lifecycles into class states
// (comparison.ts) and runs the rule families' detectors on the difference, in a fixed order (the
// order of the drafts is the order of the report). Each detector is in analyze/rules/<family>.ts;
// each rule's wording in rules/<family>.ts.
import type { Draft } from "../diagnostics.ts";
import type { Worker } from "../model.ts";
import { type CompareContext, compare } from "./comparison.ts";
import { exportsDrafts } from "./exports-rules.ts";
import { removedBindingDrafts, unknownClassDrafts } from "./rules/bindings.ts";
import { classStateDrafts, exportRemovedDrafts, lifecycleModelDrafts } from "./rules/classes.ts";
import { boundDeleteDrafts, destroyedClassDrafts, mixedStepDrafts } from "./rules/deletes.ts";
import { historyDrafts, replayProblemDrafts } from "./rules/history.ts";
import { identityDrafts } from "./rules/workers.ts";

export { storageName } from "../rules/words.ts";
export type { CompareContext } from "./comparison.ts";
export { removedWorker } from "./rules/workers.ts";

/** Drafts for a Worker that exists at head; `base` is null for a new Worker (new file or env). */
export function compareWorker(base: Worker | null, head: Worker, context: CompareContext = {}): Draft[] {
  const c = compare(base, head, context);
  const drafts: Draft[] = destroyedClassDrafts(c);
  classStateDrafts(c, drafts);
  drafts.push(
    ...exportRemovedDrafts(c),
    ...lifecycleModelDrafts(c),
    ...replayProblemDrafts(c),
    ...historyDrafts(c),
    ...mixedStepDrafts(c),
    ...boundDeleteDrafts(c),
    ...removedBindingDrafts(c),
    ...unknownClassDrafts(c),
    ...identityDrafts(c),
  );
  return head.lifecycle.model === "exports" ? exportsDrafts(base, head, drafts) : drafts;
}

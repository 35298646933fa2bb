// What the guarded deploy's plan (src/core/plan/deploy-plan.ts) says when it refuses to run, as
// functions of plain facts: the plan finds each refusal, its words are here. Deploy text, not a
// finding: names are written as they are (the job summary escapes them, render/markdown-text.ts).
import type { Wording } from "./rule.ts";

/** The live tag is not in the config: wrangler would replay every step. */
export function tagNotInConfig(facts: { readonly worker: string; readonly liveTag: string }): Wording {
  return {
    message: `The live migration tag of ${facts.worker} is "${facts.liveTag}", which the config does not have: wrangler would replay every step.`,
    fix: "Restore the config's migration history so it contains the deployed tag, then re-run.",
  };
}

/** A step that deletes and does other operations: its delete cannot be phased apart. */
export function mixedStep(facts: {
  readonly tag: string | null;
  readonly deletes: readonly string[];
}): Wording {
  return {
    message: `Migration "${facts.tag}" deletes ${facts.deletes.join(", ")} and also does other operations: the delete cannot be phased apart from them.`,
    fix: "Move the deletes into a migration of their own (its own tag) and re-run.",
  };
}

/** Another Worker still binds a class the deploy deletes (or tombstones). */
export function otherWorkerBinds(facts: {
  readonly holder: string;
  readonly className: string;
  readonly worker: string;
  readonly binding: string;
  readonly exportsModel: boolean;
}): Wording {
  const { holder, className, worker, binding } = facts;
  return {
    message: facts.exportsModel
      ? `Worker ${holder} still binds ${className} of ${worker} (binding ${binding}): the tombstone is refused (code 100402, tombstone_delete_blocked_by_external_bindings) until it is gone.`
      : `Worker ${holder} still binds ${className} of ${worker} (binding ${binding}): the delete is rejected (code 10061) until it is gone.`,
    fix: `Deploy ${holder} without binding ${binding} first, then re-run.`,
  };
}

/** The config deletes (or tombstones) a class one of its own bindings still points at. */
export function configStillBinds(facts: {
  readonly className: string;
  readonly binding: string;
  readonly line: number | null;
  readonly exportsModel: boolean;
}): Wording {
  const { exportsModel } = facts;
  return {
    message: `The config ${exportsModel ? "tombstones" : "deletes"} ${facts.className} but binding ${facts.binding} still points at it${facts.line ? ` (line ${facts.line})` : ""}: ${exportsModel ? "the deploy" : "phase 2"} would fail with code 10061.`,
    fix: `Remove binding ${facts.binding} from the config, commit, and re-run.`,
  };
}

/** Phase 2 was not confirmed. `wanted`: the classes it destroys, sorted. */
export function confirmationMissing(facts: {
  readonly worker: string;
  readonly wanted: readonly string[];
}): Wording {
  return {
    message: `Phase 2 destroys every object of ${facts.wanted.join(", ")} in ${facts.worker}, irreversibly, and was not confirmed.`,
    fix: `Re-run with confirm-data-loss set to exactly: ${facts.wanted.join(",")}`,
  };
}

/** The confirmation names other classes than phase 2 destroys. */
export function confirmationMismatch(facts: {
  readonly worker: string;
  readonly wanted: readonly string[];
  /** Destroyed but not confirmed. */
  readonly missing: readonly string[];
  /** Confirmed but not destroyed. */
  readonly extra: readonly string[];
}): Wording {
  const { missing, extra } = facts;
  return {
    message: `The confirmation does not match what phase 2 destroys in ${facts.worker}${missing.length ? `; not confirmed: ${missing.join(", ")}` : ""}${extra.length ? `; not destroyed by this deploy: ${extra.join(", ")}` : ""}.`,
    fix: `Re-run with confirm-data-loss set to exactly: ${facts.wanted.join(",")}`,
  };
}

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

// What one run of the two-phase deploy says when it refuses the phase asked for, or skips it
// (src/core/plan/decide.ts decides; the words are here).

/** Phase 1 asked for a Worker on `exports`, which tombstones in one deploy. */
export function noPhase1ForExports(facts: {
  readonly worker: string;
  readonly doomed: readonly string[];
}): Wording {
  return {
    message: `${facts.worker} uses \`exports\`, which has no phase 1: the tombstone of ${facts.doomed.join(", ")} applies in one deploy, with the class gone from the code and the Worker's own bindings removed in that same deploy; only other Workers' bindings go first.`,
    fix: `Run phase 2 (or auto) with confirm-data-loss set to exactly: ${facts.doomed.join(",")}`,
  };
}

/** Phase 1 asked for when it has already landed: nothing to deploy (a skip, not a refusal). */
export function phase1Landed(facts: { readonly worker: string; readonly doomed: readonly string[] }): string {
  return `Phase 1 has landed for ${facts.worker}: nothing live binds ${facts.doomed.join(", ")} any more. Next: phase 2, with confirm-data-loss set to exactly: ${facts.doomed.join(",")}`;
}

/** Phase 1 or 2 asked for when no pending change destroys a class. */
export function nothingToPhase(facts: { readonly worker: string; readonly phase: "1" | "2" }): Wording {
  return {
    message: `No pending change destroys a Durable Object class of ${facts.worker}: ${facts.phase === "1" ? "there is no phase 1 to run" : "phase 2 has nothing to do"}.`,
    fix: "Run with phase auto for a normal deploy; if a delete was expected, check that the branch deployed carries it.",
  };
}

/** Phase 2 asked for while the Worker's own live bindings still hold the doomed classes. */
export function phase1NotLanded(facts: {
  readonly worker: string;
  readonly holders: readonly { readonly binding: string; readonly className: string }[];
}): Wording {
  return {
    message: `Phase 1 has not landed: ${facts.worker} still binds ${facts.holders.map((b) => `${b.binding} (${b.className})`).join(", ")} live, so the delete would be rejected (code 10061).`,
    fix: "Run phase 1 first (phase 1, or auto), then phase 2.",
  };
}

/** Phase 2 asked for when it has already applied: nothing to deploy (a skip, not a refusal). */
export function phase2Applied(facts: { readonly worker: string; readonly liveTag: string | null }): string {
  return `Phase 2 has already applied for ${facts.worker}: the config's deletes are live (migration tag ${facts.liveTag ?? "none"}) and nothing is left to destroy.`;
}

// The two-phase deploy, decided from the config and the live state (DOMAIN.md §6):
//  phase 1 deploys with every binding to the doomed classes removed and the destroying steps held
//  back (the classes still exported); phase 2 deploys the real config, which applies the delete.
// Pure: the caller reads the live state (Cloudflare API) and runs wrangler.
import { replayLifecycle, replaySteps } from "../lifecycle/replay.ts";
import type { DurableObjectBinding, LifecycleStep, Storage, Worker } from "../model.ts";

export interface LiveBindingRef {
  /** The live Worker that holds the binding. */
  readonly worker: string;
  readonly binding: string;
  readonly className: string;
}

export interface LiveState {
  readonly exists: boolean;
  readonly migrationTag: string | null;
  /** Live Durable Object bindings of this Worker and of other Workers that point at its classes. */
  readonly bindingsToThisWorker: readonly LiveBindingRef[];
  /** `exports` model: the classes with a live namespace and their storage, when the API tells. */
  readonly provisioned: ReadonlyMap<string, Storage | null> | null;
}

export type Phase = "1" | "2";
export type NextStep = "none" | "deploy" | Phase;

export interface Refusal {
  readonly reason:
    | "mixed-step"
    | "tag-not-in-config"
    | "config-still-binds"
    | "other-worker-binds"
    | "no-lifecycle-change"
    | "confirmation-missing"
    | "confirmation-mismatch"
    | "phase-1-not-landed"
    | "phase-1-not-needed"
    | "nothing-to-destroy";
  readonly message: string;
  readonly fix: string;
}

export interface DeployPlan {
  readonly worker: string;
  readonly env: string | null;
  readonly model: "migrations" | "exports" | "none";
  readonly liveTag: string | null;
  /** The tag the config ends with. */
  readonly targetTag: string | null;
  readonly pendingTags: readonly string[];
  /** Classes the next deploys destroy, sorted. */
  readonly doomed: readonly string[];
  /** Live bindings that must be gone before the delete can apply (this Worker and others). */
  readonly blockingBindings: readonly LiveBindingRef[];
  /** What `auto` runs next: a normal deploy, phase 1, phase 2, or nothing. */
  readonly next: NextStep;
  /** Phase 1: the tag to stop at (the last step before the first destroying one), or null for none. */
  readonly phase1Tag: string | null;
  /** Classes with a namespace once phase 1 has applied: the code must export them all (sorted). */
  readonly phase1Classes: readonly string[];
  /**
   * Classes whose bindings (in this Worker's config) phase 1 removes: the doomed ones, and those
   * only created by the steps phase 1 holds back (sorted).
   */
  readonly phase1Unbound: readonly string[];
  /** Problems that stop the two-phase deploy whatever the phase. */
  readonly refusals: readonly Refusal[];
}

export function planDeploy(worker: Worker, live: LiveState): DeployPlan {
  const name = worker.name ?? "(unnamed)";
  const base = {
    worker: name,
    env: worker.env,
    liveTag: live.exists ? live.migrationTag : null,
  };
  const refusals: Refusal[] = [];
  const localBound = (className: string) =>
    worker.bindings.filter(
      (b) => b.className === className && (b.scriptName === null || b.scriptName === name),
    );

  if (worker.lifecycle.model === "exports") {
    const provisioned = live.provisioned ?? new Map<string, Storage | null>();
    // A fresh Worker has no objects; with no namespace list, every tombstone counts (the safe side).
    const doomed = live.exists
      ? worker.lifecycle.entries
          .filter((e) => e.state === "deleted" && (live.provisioned === null || provisioned.has(e.className)))
          .map((e) => e.className)
          .sort()
      : [];
    const kept = [...replayLifecycle(worker.lifecycle).classes.values()]
      .filter((c) => c.status === "live")
      .map((c) => c.className);
    return finish(
      {
        ...base,
        model: "exports",
        targetTag: null,
        pendingTags: [],
        phase1Tag: null,
        phase1Classes: sorted([...kept, ...doomed]),
        phase1Unbound: doomed,
      },
      doomed,
    );
  }
  if (worker.lifecycle.model === "none") {
    return finish(
      {
        ...base,
        model: "none",
        targetTag: null,
        pendingTags: [],
        phase1Tag: null,
        phase1Classes: [],
        phase1Unbound: [],
      },
      [],
    );
  }

  const steps = worker.lifecycle.steps;
  const targetTag = steps[steps.length - 1]?.tag ?? null;
  let pending: readonly LifecycleStep[] = steps;
  if (base.liveTag !== null) {
    const at = steps.findIndex((s) => s.tag === base.liveTag);
    if (at < 0) {
      refusals.push({
        reason: "tag-not-in-config",
        message: `The live migration tag of ${name} is "${base.liveTag}", which the config does not have: wrangler would replay every step.`,
        fix: "Restore the config's migration history so it contains the deployed tag, then re-run.",
      });
      pending = [];
    } else {
      pending = steps.slice(at + 1);
    }
  }
  // Walk the pending steps from the live state: a delete of a class that is live then destroys it.
  const alive = new Set(
    [...replaySteps(steps.slice(0, steps.length - pending.length)).classes.values()]
      .filter((c) => c.status === "live")
      .map((c) => c.className),
  );
  const doomed = new Set<string>();
  let firstDestroying = -1;
  pending.forEach((step, index) => {
    const deletes = step.ops.filter((op) => op.type === "delete");
    let destroys = false;
    for (const op of step.ops) {
      if (op.type === "create" || op.type === "transfer-in") alive.add(op.className);
      else if (op.type === "rename") {
        alive.delete(op.from);
        alive.add(op.to);
      } else if (op.type === "delete" && alive.delete(op.className)) {
        doomed.add(op.className);
        destroys = true;
        if (firstDestroying < 0) firstDestroying = index;
      }
    }
    // Only a step that destroys live objects needs phasing (a fresh Worker destroys nothing).
    if (destroys && live.exists && deletes.length < step.ops.length) {
      refusals.push({
        reason: "mixed-step",
        message: `Migration "${step.tag}" deletes ${deletes.map((d) => d.className).join(", ")} and also does other operations: the delete cannot be phased apart from them.`,
        fix: "Move the deletes into a migration of their own (its own tag) and re-run.",
      });
    }
  });
  if (!live.exists) doomed.clear(); // a fresh Worker has no objects to destroy
  const phase1Tag =
    firstDestroying < 0
      ? targetTag
      : firstDestroying === 0
        ? base.liveTag
        : (pending[firstDestroying - 1]?.tag ?? base.liveTag);
  const applied = steps.length - pending.length + (firstDestroying < 0 ? pending.length : firstDestroying);
  const liveAfter = (upTo: number) =>
    [...replaySteps(steps.slice(0, upTo)).classes.values()]
      .filter((c) => c.status === "live")
      .map((c) => c.className);
  const phase1Classes = liveAfter(applied);
  const atPhase1 = new Set(phase1Classes);
  const createdLater = liveAfter(steps.length).filter((c) => !atPhase1.has(c));
  return finish(
    {
      ...base,
      model: "migrations",
      targetTag,
      pendingTags: pending.flatMap((s) => (s.tag ? [s.tag] : [])),
      phase1Tag,
      phase1Classes: sorted(phase1Classes),
      phase1Unbound: sorted([...doomed, ...createdLater]),
    },
    [...doomed].sort(),
  );

  function finish(
    partial: Omit<DeployPlan, "doomed" | "blockingBindings" | "next" | "refusals">,
    doomedClasses: readonly string[],
  ): DeployPlan {
    const doomedSet = new Set(doomedClasses);
    const blockingBindings = live.bindingsToThisWorker.filter((b) => doomedSet.has(b.className));
    for (const className of doomedClasses) {
      for (const binding of localBound(className)) refusals.push(stillBound(className, binding));
    }
    for (const b of blockingBindings.filter((b) => b.worker !== name)) {
      refusals.push({
        reason: "other-worker-binds",
        message: `Worker ${b.worker} still binds ${b.className} of ${name} (binding ${b.binding}): the delete is rejected (code 10061) until it is gone.`,
        fix: `Deploy ${b.worker} without binding ${b.binding} first, then re-run.`,
      });
    }
    const next: NextStep =
      doomedClasses.length === 0
        ? partial.model === "migrations" && partial.pendingTags.length === 0 && live.exists
          ? "none"
          : "deploy"
        : blockingBindings.some((b) => b.worker === name)
          ? "1"
          : "2";
    return { ...partial, doomed: doomedClasses, blockingBindings, next, refusals };
  }
}

function sorted(names: Iterable<string>): string[] {
  return [...new Set(names)].sort();
}

function stillBound(className: string, binding: DurableObjectBinding): Refusal {
  return {
    reason: "config-still-binds",
    message: `The config deletes ${className} but binding ${binding.name} still points at it${binding.line ? ` (line ${binding.line})` : ""}: phase 2 would fail with code 10061.`,
    fix: `Remove binding ${binding.name} from the config, commit, and re-run.`,
  };
}

/** Phase 2 needs a confirmation that names exactly the classes it destroys: no more, no fewer. */
export function checkConfirmation(plan: DeployPlan, confirmed: readonly string[]): Refusal | null {
  const wanted = [...plan.doomed].sort();
  const given = [...new Set(confirmed.map((c) => c.trim()).filter(Boolean))].sort();
  const exact = wanted.join(",");
  if (given.length === 0) {
    return {
      reason: "confirmation-missing",
      message: `Phase 2 destroys every object of ${wanted.join(", ")} in ${plan.worker}, irreversibly, and was not confirmed.`,
      fix: `Re-run with confirm-data-loss set to exactly: ${exact}`,
    };
  }
  if (given.join(",") !== exact) {
    const missing = wanted.filter((c) => !given.includes(c));
    const extra = given.filter((c) => !wanted.includes(c));
    return {
      reason: "confirmation-mismatch",
      message: `The confirmation does not match what phase 2 destroys in ${plan.worker}${missing.length ? `; not confirmed: ${missing.join(", ")}` : ""}${extra.length ? `; not destroyed by this deploy: ${extra.join(", ")}` : ""}.`,
      fix: `Re-run with confirm-data-loss set to exactly: ${exact}`,
    };
  }
  return null;
}

// What one run of the two-phase deploy does, decided from the plan (config + live state), the
// phase asked for and the confirmation given. Pure: the caller deploys (or not) what this says.
//
//  - `plan` changes nothing.
//  - `auto` runs the plan's next step: a normal deploy, phase 1 or phase 2.
//  - `1` runs phase 1 when it is next; says so (and deploys nothing) when it has already landed.
//  - `2` runs phase 2 only when phase 1 has landed and the confirmation names exactly the classes
//    it destroys; says so when phase 2 has already applied.
// A problem of the plan (a mixed step, a live tag the config lacks, the config still binding a
// doomed class) stops every deploy; another Worker still binding a doomed class stops phase 2 only.
import type { Worker } from "../model.ts";
import {
  noPhase1ForExports,
  nothingToPhase,
  phase1Landed,
  phase1NotLanded,
  phase2Applied,
} from "../rules/live-deploy.ts";
import { checkConfirmation, type DeployPlan, type Refusal } from "./deploy-plan.ts";

export type RequestedPhase = "auto" | "plan" | "1" | "2";
/** What a deploy runs: phase 1 (derived config), phase 2 or a normal deploy (both the real config). */
export type DeployRun = "1" | "2" | "normal";

export type RunDecision =
  | { readonly kind: "plan" }
  | { readonly kind: "deploy"; readonly run: DeployRun }
  /** Nothing to deploy, and that is fine (the phase asked for has already landed). */
  | { readonly kind: "skip"; readonly message: string }
  | { readonly kind: "refuse"; readonly refusals: readonly Refusal[] };

/** The plan's problems that stop this run (phase 1 may go ahead while another Worker still binds). */
export function blockingRefusals(plan: DeployPlan, run: DeployRun): Refusal[] {
  return plan.refusals.filter((r) => run !== "1" || r.reason !== "other-worker-binds");
}

export function decideRun(
  plan: DeployPlan,
  worker: Worker,
  requested: RequestedPhase,
  confirmed: readonly string[],
): RunDecision {
  if (requested === "plan") return { kind: "plan" };
  const run: DeployRun =
    requested === "auto" ? (plan.next === "1" || plan.next === "2" ? plan.next : "normal") : requested;

  if (run === "normal") return deployUnlessBlocked(plan, "normal");

  if (run === "1") {
    if (plan.model === "exports" && plan.doomed.length > 0) {
      return refuse({
        reason: "phase-1-not-needed",
        ...noPhase1ForExports({ worker: plan.worker, doomed: plan.doomed }),
      });
    }
    if (plan.next === "1") return deployUnlessBlocked(plan, "1");
    if (plan.next === "2") {
      return {
        kind: "skip",
        message: phase1Landed({ worker: plan.worker, doomed: plan.doomed }),
      };
    }
    return refuse({
      reason: "phase-1-not-needed",
      ...nothingToPhase({ worker: plan.worker, phase: "1" }),
    });
  }

  // Phase 2.
  if (plan.next === "1") {
    const holders = plan.blockingBindings.filter((b) => b.worker === plan.worker);
    return refuse({
      reason: "phase-1-not-landed",
      ...phase1NotLanded({ worker: plan.worker, holders }),
    });
  }
  if (plan.next !== "2") {
    if (deletesApplied(plan, worker)) {
      return {
        kind: "skip",
        message: phase2Applied({ worker: plan.worker, liveTag: plan.liveTag }),
      };
    }
    return refuse({
      reason: "nothing-to-destroy",
      ...nothingToPhase({ worker: plan.worker, phase: "2" }),
    });
  }
  const blocked = blockingRefusals(plan, "2");
  if (blocked.length > 0) return { kind: "refuse", refusals: blocked };
  const confirmation = checkConfirmation(plan, confirmed);
  if (confirmation) return refuse(confirmation);
  return { kind: "deploy", run: "2" };
}

function deployUnlessBlocked(plan: DeployPlan, run: DeployRun): RunDecision {
  const blocked = blockingRefusals(plan, run);
  return blocked.length > 0 ? { kind: "refuse", refusals: blocked } : { kind: "deploy", run };
}

function refuse(refusal: Refusal): RunDecision {
  return { kind: "refuse", refusals: [refusal] };
}

/** Nothing is doomed, and the config's deletes are already live (the delete phase has applied). */
function deletesApplied(plan: DeployPlan, worker: Worker): boolean {
  if (plan.doomed.length > 0 || plan.refusals.length > 0) return false;
  const lifecycle = worker.lifecycle;
  if (lifecycle.model === "migrations") {
    return plan.next === "none" && lifecycle.steps.some((s) => s.ops.some((op) => op.type === "delete"));
  }
  if (lifecycle.model === "exports") return lifecycle.entries.some((e) => e.state === "deleted");
  return false;
}

/** What the next run must do, as the `next-phase` output says it: `1`, `2` or `none`. */
export function nextPhaseOutput(plan: DeployPlan): "1" | "2" | "none" {
  return plan.next === "1" || plan.next === "2" ? plan.next : "none";
}

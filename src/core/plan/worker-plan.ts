// What the check and the deploy both hold of one Worker planned against its live state: the
// account it deploys to, the live state read there, and the deploy plan made from it
// (`planDeploy`). The check's `WorkerPlan` (live-plan.ts) and the release's `ReleaseCandidate`
// (release/preflight.ts) extend it, and a release plans its Workers with the check's `planWorker`
// (release/candidate.ts): one plan per Worker, made one way.
import type { DeployPlan, LiveState } from "./deploy-plan.ts";

export interface WorkerPlanBase {
  /** The account the Worker deploys to; null when not known (or the live state was not asked for). */
  readonly accountId: string | null;
  /** Null when there is no plan (the config or the live state could not be read). */
  readonly plan: DeployPlan | null;
  readonly live: LiveState | null;
}

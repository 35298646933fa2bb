// One Worker whose live state was read and planned, as every live rule reads it: the plan of its
// next deploy, the live state, where its findings stand, and its config's steps.
import type { Finding, LifecycleStep } from "../model.ts";
import type { DeployPlan } from "../plan/deploy-plan.ts";
import { accountLabel, type WorkerPlan } from "../plan/live-plan.ts";
import type { LivePlace } from "./compose.ts";
import type { LiveState } from "./state.ts";

export interface ReadPlan {
  readonly p: WorkerPlan;
  /** The Worker's name (the head's). */
  readonly name: string;
  readonly plan: DeployPlan;
  readonly live: LiveState;
  /** The account, as `accountLabel` says it. */
  readonly account: string;
  /** The name changes: the live state read is the new name's, another Worker than the base's. */
  readonly renamed: boolean;
  /** The head config's `migrations` (none for `exports`). */
  readonly steps: readonly LifecycleStep[];
  readonly place: LivePlace;
}

/** The plan as the live rules read it; null when the live state was not read (or has no name). */
export function readPlan(p: WorkerPlan): ReadPlan | null {
  if (p.status !== "read" || !p.plan || !p.live || p.target.name === null) return null;
  const t = p.target;
  const name = t.name as string;
  return {
    p,
    name,
    plan: p.plan,
    live: p.live,
    account: accountLabel(p.accountId),
    renamed: t.base !== null && t.base.name !== null && t.base.name !== name,
    steps: t.worker.lifecycle.model === "migrations" ? t.worker.lifecycle.steps : [],
    place: { worker: name, env: t.env, file: t.file },
  };
}

/** The head's step with this tag, if any. */
export function stepOf(r: ReadPlan, tag: string | null): LifecycleStep | null {
  return r.steps.find((s) => s.tag === tag) ?? null;
}

/** Whether a finding is about this Worker (its config and environment). */
export function isMine(r: ReadPlan, f: Finding): boolean {
  return f.file === r.p.target.file && f.env === r.p.target.env;
}

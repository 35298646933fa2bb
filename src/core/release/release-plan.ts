// The release plan: every selected Worker's preflight decision, the order of the Workers this run
// deploys, and what stops the release as a whole (a cycle, a confirmation that names something
// the release does not destroy). Nothing deploys unless `ok`. Pure.
import type { DeployProblem } from "../plan/render-plan.ts";
import { type OrderEdge, type OrderNode, releaseOrder } from "./order.ts";
import {
  confirmationFor,
  parseConfirmation,
  preflightWorkers,
  type ReleaseCandidate,
  type ReleaseOptions,
  type WorkerDecision,
} from "./preflight.ts";

export interface ReleasePlan {
  /** One decision per candidate, in the candidates' order. */
  readonly workers: readonly WorkerDecision[];
  /** Keys of the Workers this run deploys (or would: `plan`), dependencies first. */
  readonly order: readonly string[];
  /** For each Worker this run deploys, the Workers it waits for. */
  readonly waitsFor: ReadonlyMap<string, readonly string[]>;
  readonly edges: readonly OrderEdge[];
  /** What stops the whole release, beyond the Workers' own blockers. */
  readonly blockers: readonly DeployProblem[];
  /** Nothing is blocked: the run may deploy. */
  readonly ok: boolean;
  /** The confirmation the pending phase 2s need (`worker:Class,...`), or "" when none waits. */
  readonly confirmation: string;
}

export function planRelease(candidates: readonly ReleaseCandidate[], options: ReleaseOptions): ReleasePlan {
  const workers = preflightWorkers(candidates, options);
  const blockers: DeployProblem[] = [];
  const byKey = new Map(candidates.map((c) => [c.key, c]));

  if (!options.single) {
    const doomed = new Set(
      candidates.flatMap((c) => (c.plan ? c.plan.doomed.map((x) => `${c.plan?.worker}:${x}`) : [])),
    );
    for (const pair of parseConfirmation(options.confirm)) {
      if (pair.worker === null) {
        blockers.push({
          message: `The confirmation names ${pair.className} without its Worker: a release confirms Worker:Class pairs.`,
          fix: `Name each class with its Worker, e.g. ${[...doomed][0] ?? `my-worker:${pair.className}`}.`,
        });
      } else if (!doomed.has(`${pair.worker}:${pair.className}`)) {
        blockers.push({
          message: `The confirmation names ${pair.worker}:${pair.className}, which this release does not destroy.`,
          fix: `Confirm exactly what the plan destroys${doomed.size ? `: ${[...doomed].join(",")}` : " (nothing)"}.`,
        });
      }
    }
  }

  const deploying = workers.filter(
    (w) => w.run !== null && (w.status === "deploy" || w.status === "planned"),
  );
  const nodes: OrderNode[] = deploying.flatMap((w) => {
    const c = byKey.get(w.key);
    if (!c?.worker || !c.plan || !c.live || !c.name || !c.accountId) return [];
    return [
      {
        key: c.key,
        accountId: c.accountId,
        name: c.name,
        worker: c.worker,
        plan: c.plan,
        live: c.live,
        liveBindings: c.liveBindings,
        run: w.run as NonNullable<typeof w.run>,
      },
    ];
  });
  const order = releaseOrder(nodes);
  if (order.cycle) {
    blockers.push({
      message: `These Workers wait for each other, so no order can deploy them: ${order.cycle.map((e) => e.why).join("; ")}.`,
      fix: "Break the cycle: release one of them without the binding first (remove it, release, then add it back in a later release).",
    });
  }
  const waiting = candidates.flatMap((c) => {
    const d = workers.find((w) => w.key === c.key);
    return c.plan && c.plan.doomed.length > 0 && (d?.status === "waiting" || d?.run === "1") ? [c.plan] : [];
  });
  const ok = blockers.length === 0 && workers.every((w) => w.status !== "blocked" && w.blockers.length === 0);
  return {
    workers,
    order: order.order,
    waitsFor: order.waitsFor,
    edges: order.edges,
    blockers,
    ok,
    confirmation: confirmationFor(waiting),
  };
}

// The live step of the check: read the live state of the Workers the change touches (one read
// per account, through the shared live-state reader), plan each of them (the deploy's own plan)
// and let the evidence settle or change the findings. The reading is the adapter; the planning
// and the evidence are pure core functions.
import type { FileAnalysis } from "../core/analyze/analyze.ts";
import type { WorkerExports } from "../core/code/worker-exports.ts";
import { applyLiveEvidence, liveNotes } from "../core/live/evidence.ts";
import type { Report } from "../core/model.ts";
import {
  accountOf,
  analysedWorkers,
  destroyedNamespaces,
  type LiveInput,
  plannable,
  planTargets,
  planWorkers,
  removedWorkers,
  unknownNamespaces,
  workerNames,
} from "../core/plan/live-plan.ts";
import type { LiveConnection, LiveReadRequest, ReadLiveAccounts } from "./ports.ts";

export interface LiveRequest extends LiveConnection {
  /** The account of Workers whose config has no `account_id`. */
  readonly accountId: string | null;
  /** Objects counted per class (default 100,000). */
  readonly objectCap?: number;
}

export interface LiveSummary {
  /** `read`: every planned Worker; `partial`: some judged statically; `failed`: none could be read. */
  readonly status: "read" | "partial" | "failed";
  /** HTTP requests made to the Cloudflare API. */
  readonly requests: number;
  /** Workers planned against the live state, and those whose live state could not be read. */
  readonly planned: number;
  readonly failed: number;
  /** Workers not deployed as written (templates, no `name`): judged from the config alone, not failures. */
  readonly skipped: number;
  /** One line per problem (the Workers it hit and the status): the run's warnings. */
  readonly warnings: readonly string[];
}

/** `read`: the live reader of the request's connection (CheckAdapters.liveReader). */
export async function addLivePlan(
  report: Report,
  analyses: readonly FileAnalysis[],
  request: LiveRequest,
  read: ReadLiveAccounts,
  envs: readonly (string | null)[] | null,
  codeExports?: ReadonlyMap<string, WorkerExports>,
): Promise<{ report: Report; live: LiveSummary }> {
  const targets = planTargets(analyses, envs);
  const repositoryWorkers = workerNames(analysedWorkers(analyses));
  const defaultAccount = request.accountId;
  const removed = removedWorkers(analyses, defaultAccount, envs);
  const accountIds = [
    ...new Set([
      ...targets.flatMap((t) => (plannable(t) ? [accountOf(t.worker, defaultAccount)] : [])),
      ...removed.map((r) => r.accountId),
    ]),
  ].filter((id): id is string => id !== null);
  const reads = new Map<string, LiveReadRequest>();
  for (const accountId of accountIds) {
    const inAccount = targets.filter(
      (t) => plannable(t) && accountOf(t.worker, defaultAccount) === accountId,
    );
    reads.set(accountId, {
      workers: inAccount.map((t) => t.name as string),
      repositoryWorkers,
      doomed: (read) => destroyedNamespaces(inAccount, read, defaultAccount),
      count: (read) => unknownNamespaces(inAccount, read, defaultAccount),
      ...(request.objectCap !== undefined ? { objectCap: request.objectCap } : {}),
    });
  }
  const { accounts, budget } = await read(reads);
  const live: LiveInput = { accounts, defaultAccount };
  const plans = planWorkers(targets, live);
  const changed = applyLiveEvidence(report, {
    plans,
    live,
    repositoryWorkers,
    removed,
    ...(codeExports ? { codeExports } : {}),
  });
  const failed = plans.filter((p) => p.status === "failed").length;
  const skipped = plans.filter((p) => p.status === "skipped").length;
  const budgetNote =
    budget.refused > 0
      ? [
          `The live read stopped at its budget of ${budget.limit} Cloudflare API requests (${budget.refused} more were not sent, to stay under Cloudflare's rate limit): what it could not read is judged from the config alone.`,
        ]
      : [];
  const notes = [...(changed.notes ?? []), ...budgetNote];
  return {
    report: notes.length > 0 ? { ...changed, notes } : changed,
    live: {
      status: failed === 0 ? "read" : failed === plans.length - skipped ? "failed" : "partial",
      requests: [...accounts.values()].reduce((n, a) => n + a.requests, 0),
      planned: plans.length - failed - skipped,
      failed,
      skipped,
      warnings: [...liveNotes(plans), ...budgetNote],
    },
  };
}

// The live step of the check: read the live state of the Workers the change touches (one read
// per account, through the shared live-state reader), plan each of them (the deploy's own plan)
// and let the evidence settle or change the findings. The reading is the adapter; the planning
// and the evidence are pure core functions.
import {
  type CloudflareClient,
  checkedApiBaseUrl,
  createCloudflareClient,
  type RequestBudget,
  requestBudget,
} from "../adapters/cloudflare-api.ts";
import { readLiveAccount } from "../adapters/live-state.ts";
import { UsageError } from "../adapters/usage-error.ts";
import type { FileAnalysis } from "../core/analyze/analyze.ts";
import type { WorkerExports } from "../core/code/worker-exports.ts";
import { applyLiveEvidence, liveNotes } from "../core/live/evidence.ts";
import type { LiveAccount } from "../core/live/state.ts";
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

export interface LiveRequest {
  /** The Cloudflare API token (read-only is enough: "Workers Scripts: Read"). */
  readonly token: string;
  /** The account of Workers whose config has no `account_id`. */
  readonly accountId: string | null;
  /** CLOUDFLARE_API_BASE_URL, when set. */
  readonly apiBaseUrl?: string;
  /** Objects counted per class (default 100,000). */
  readonly objectCap?: number;
  /** Most requests the whole read sends (default `DEFAULT_REQUEST_BUDGET`). */
  readonly requestBudget?: number;
  /** For tests and the bench: how a client is made. */
  readonly client?: (accountId: string, budget: RequestBudget) => CloudflareClient;
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

export async function addLivePlan(
  report: Report,
  analyses: readonly FileAnalysis[],
  request: LiveRequest,
  envs: readonly (string | null)[] | null,
  codeExports?: ReadonlyMap<string, WorkerExports>,
): Promise<{ report: Report; live: LiveSummary }> {
  try {
    checkedApiBaseUrl(request.apiBaseUrl);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
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
  const budget = requestBudget(request.requestBudget);
  const makeClient =
    request.client ??
    ((accountId: string, budget: RequestBudget) =>
      createCloudflareClient({
        accountId,
        token: request.token,
        budget,
        ...(request.apiBaseUrl ? { apiBaseUrl: request.apiBaseUrl } : {}),
      }));
  const accounts = new Map<string, LiveAccount>();
  await Promise.all(
    accountIds.map(async (accountId) => {
      const inAccount = targets.filter(
        (t) => plannable(t) && accountOf(t.worker, defaultAccount) === accountId,
      );
      const account = await readLiveAccount(makeClient(accountId, budget), {
        workers: inAccount.map((t) => t.name as string),
        repositoryWorkers,
        doomed: (read) => destroyedNamespaces(inAccount, read, defaultAccount),
        count: (read) => unknownNamespaces(inAccount, read, defaultAccount),
        ...(request.objectCap !== undefined ? { objectCap: request.objectCap } : {}),
      });
      accounts.set(accountId, account);
    }),
  );
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

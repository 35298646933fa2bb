// The live step of the check: read the live state of the Workers the change touches (one read
// per account, through the shared live-state reader), plan each of them (the deploy's own plan)
// and let the evidence settle or change the findings. The reading is the adapter; the planning
// and the evidence are pure core functions.
import {
  type CloudflareClient,
  checkedApiBaseUrl,
  createCloudflareClient,
} from "../adapters/cloudflare-api.ts";
import { readLiveAccount } from "../adapters/live-state.ts";
import { UsageError } from "../adapters/usage-error.ts";
import type { FileAnalysis } from "../core/analyze/analyze.ts";
import { applyLiveEvidence, liveNotes } from "../core/live/evidence.ts";
import type { LiveAccount } from "../core/live/state.ts";
import type { Report } from "../core/model.ts";
import {
  accountOf,
  destroyedNamespaces,
  type LiveInput,
  planTargets,
  planWorkers,
  repositoryWorkerNames,
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
  /** For tests and the bench: how a client is made. */
  readonly client?: (accountId: string) => CloudflareClient;
}

export interface LiveSummary {
  /** `read`: every planned Worker; `partial`: some judged statically; `failed`: none could be read. */
  readonly status: "read" | "partial" | "failed";
  /** HTTP requests made to the Cloudflare API. */
  readonly requests: number;
  /** Workers planned against the live state, and those judged from the config alone. */
  readonly planned: number;
  readonly failed: number;
  /** One line per problem (the Workers it hit and the status): the run's warnings. */
  readonly warnings: readonly string[];
}

export async function addLivePlan(
  report: Report,
  analyses: readonly FileAnalysis[],
  request: LiveRequest,
  envs: readonly (string | null)[] | null,
): Promise<{ report: Report; live: LiveSummary }> {
  try {
    checkedApiBaseUrl(request.apiBaseUrl);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const targets = planTargets(analyses, envs);
  const repositoryWorkers = repositoryWorkerNames(analyses);
  const defaultAccount = request.accountId;
  const accountIds = [
    ...new Set(targets.flatMap((t) => (t.name === null ? [] : [accountOf(t.worker, defaultAccount)]))),
  ].filter((id): id is string => id !== null);
  const names = new Set(targets.flatMap((t) => (t.name ? [t.name] : [])));
  // The repository's Workers whose config (at either revision) binds a class of a planned Worker.
  const binders = new Set<string>();
  for (const a of analyses) {
    for (const w of [...a.headWorkers, ...(a.baseWorkers ?? [])]) {
      if (w.name && w.bindings.some((b) => b.scriptName !== null && names.has(b.scriptName)))
        binders.add(w.name);
    }
  }
  const makeClient =
    request.client ??
    ((accountId: string) =>
      createCloudflareClient({
        accountId,
        token: request.token,
        ...(request.apiBaseUrl ? { apiBaseUrl: request.apiBaseUrl } : {}),
      }));
  const accounts = new Map<string, LiveAccount>();
  await Promise.all(
    accountIds.map(async (accountId) => {
      const inAccount = targets.filter(
        (t) => t.name !== null && accountOf(t.worker, defaultAccount) === accountId,
      );
      const account = await readLiveAccount(makeClient(accountId), {
        workers: inAccount.map((t) => t.name as string),
        alsoRead: [...binders],
        repositoryWorkers,
        doomed: (read) => destroyedNamespaces(inAccount, read, defaultAccount),
        ...(request.objectCap !== undefined ? { objectCap: request.objectCap } : {}),
      });
      accounts.set(accountId, account);
    }),
  );
  const live: LiveInput = { accounts, defaultAccount };
  const plans = planWorkers(targets, live);
  const changed = applyLiveEvidence(report, { plans, live, repositoryWorkers });
  const failed = plans.filter((p) => p.status === "failed").length;
  const scanNotes = [...accounts.values()].flatMap((a) =>
    a.scanned.skipped > 0
      ? [
          `${a.scanned.skipped} more Workers of the account (outside this repository) were not checked for live bindings to the classes the next deploy deletes (${a.scanned.workers.length} were): Cloudflare refuses a delete while any Worker binds the class (code 10061).`,
        ]
      : [],
  );
  const notes = [...(changed.notes ?? []), ...scanNotes];
  return {
    report: notes.length > 0 ? { ...changed, notes } : changed,
    live: {
      status: failed === 0 ? "read" : failed === plans.length ? "failed" : "partial",
      requests: [...accounts.values()].reduce((n, a) => n + a.requests, 0),
      planned: plans.length - failed,
      failed,
      warnings: liveNotes(plans),
    },
  };
}

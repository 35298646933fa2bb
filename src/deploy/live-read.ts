// The live state a release plans from: one read per account through the shared reader
// (src/adapters/live-state.ts), within one request budget: the released Workers and the Workers
// outside the release they bind, and, when a class is about to be destroyed, the other Workers
// of the account by the one rule the check uses too (`bindingScan`: the repository's first, then
// the others, up to a cap) and the objects it destroys. What could not be read is a warning, or
// a note.
import { readFileSync } from "node:fs";
import {
  CloudflareApiError,
  type CloudflareClient,
  type RequestBudget,
  requestBudget,
} from "../adapters/cloudflare-api.ts";
import { readLiveAccount } from "../adapters/live-state.ts";
import { parseConfigText } from "../core/config/parse.ts";
import { readWorkers } from "../core/config/workers.ts";
import type { LiveAccount, LiveProblem } from "../core/live/state.ts";
import type { Worker } from "../core/model.ts";
import { destroyedBy, workerNames } from "../core/plan/live-plan.ts";
import type { DeployLog, DeployTarget } from "./worker-deploy.ts";

/** A selected Worker: its target (null when its config could not be loaded) and the run's notes about it. */
interface ReadSlot {
  readonly target: DeployTarget | null;
  readonly notes: string[];
}

/** The Worker names of the repository's configs on disk (every env), the selected ones included. */
export function repositoryWorkersOnDisk(files: readonly string[], slots: readonly ReadSlot[]): Set<string> {
  const workers: Worker[] = [];
  for (const s of slots) if (s.target) workers.push(s.target.worker);
  const texts = new Map(slots.flatMap((s) => (s.target ? [[s.target.configPath, s.target.configText]] : [])));
  for (const file of files) {
    let text = texts.get(file);
    if (text === undefined) {
      try {
        text = readFileSync(file, "utf8");
      } catch {
        continue;
      }
    }
    const parsed = parseConfigText(file, text);
    if (parsed.ok) workers.push(...readWorkers(parsed).workers);
  }
  return workerNames(workers);
}

/**
 * One read per account: the selected Workers (and the Workers outside the release they bind),
 * and when a class is about to be destroyed, the account's other Workers (for bindings to it)
 * and the objects it destroys.
 */
export async function readAccounts(
  slots: readonly ReadSlot[],
  repositoryNames: ReadonlySet<string>,
  adapters: { cloudflare(accountId: string, budget?: RequestBudget): CloudflareClient },
  log: DeployLog,
  single: boolean,
  quiet = false,
): Promise<Map<string, LiveAccount>> {
  const byAccount = new Map<string, DeployTarget[]>();
  for (const s of slots) {
    if (!s.target) continue;
    byAccount.set(s.target.accountId, [...(byAccount.get(s.target.accountId) ?? []), s.target]);
  }
  const budget = requestBudget();
  const out = new Map<string, LiveAccount>();
  for (const [accountId, targets] of byAccount) {
    const names = new Set(targets.map((t) => t.worker.name));
    const owners = new Set(
      targets.flatMap((t) =>
        t.worker.bindings.flatMap((b) =>
          b.scriptName !== null && b.scriptName !== t.worker.name && !names.has(b.scriptName)
            ? [b.scriptName]
            : [],
        ),
      ),
    );
    const account = await readLiveAccount(adapters.cloudflare(accountId, budget), {
      workers: [...names, ...owners],
      repositoryWorkers: repositoryNames,
      doomed: (read) => targets.flatMap((t) => destroyedBy(read, t.worker, t.worker.name)),
      // The read after a deploy (quiet) decides only the next phase: the objects are not counted again.
      ...(quiet ? { objectCap: 0 } : {}),
    });
    if (!account.scripts.ok && single) throw apiError(account.scripts.problem);
    out.set(accountId, account);
    if (quiet) continue;
    const subject = [...names].join(", ");
    const { repository, outside, skipped } = account.scanned;
    for (const other of [...repository, ...outside, ...owners]) {
      const read = account.settings.get(other);
      if (read && !read.ok) {
        log.warning(
          `Could not read the live bindings of Worker ${other}: ${read.problem.message}. If it binds a class of ${subject}, Cloudflare refuses the delete (code 10061).`,
        );
      }
    }
    if (!account.namespaces.ok) {
      log.warning(
        `Could not list the account's Durable Object namespaces: ${account.namespaces.problem.message}`,
      );
    }
    for (const read of account.objects.values()) {
      if (!read.ok)
        log.warning(`Could not count the objects of a class the deploy destroys: ${read.problem.message}`);
    }
    if (skipped > 0) {
      log.warning(
        `${skipped} more Workers of the account were not checked for bindings to ${subject} (${repository.length + outside.length} were). Cloudflare still refuses a delete while any Worker binds the class (code 10061).`,
      );
    }
    const first = slots.find((s) => s.target && s.target.accountId === accountId) as ReadSlot;
    if (repository.length > 0) {
      first.notes.unshift(
        `Other Workers of the repository checked for bindings to ${subject}: ${repository.join(", ")}.`,
      );
    }
    if (outside.length > 0) {
      first.notes.push(
        `Workers of the account outside the repository checked for bindings to ${subject}: ${outside.length}${skipped > 0 ? ` (${skipped} more not checked)` : ""}.`,
      );
    }
  }
  if (budget.refused > 0 && !quiet) {
    log.warning(
      `The live read stopped at its budget of ${budget.limit} Cloudflare API requests (${budget.refused} more were not sent, to stay under Cloudflare's rate limit): see the warnings above for what was not read.`,
    );
  }
  return out;
}

export function apiError(problem: LiveProblem): CloudflareApiError {
  return new CloudflareApiError({
    kind: problem.status === null ? "network" : "api",
    message: problem.message,
    code: problem.code,
    status: problem.status,
    request: problem.request,
    attempts: 1,
  });
}

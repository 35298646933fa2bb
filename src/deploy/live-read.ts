// The live state a release plans from: one read per account through the shared reader
// (DeployAdapters.readLive), within one request budget: the released Workers and the Workers
// outside the release they bind, and, when a class is about to be destroyed, the other Workers
// of the account by the one rule the check uses too (`bindingScan`: the repository's first, then
// the others, up to a cap) and the objects it destroys. What could not be read is a warning, or
// a note.
import { parseConfigText } from "../core/config/parse.ts";
import { readWorkers } from "../core/config/workers.ts";
import type { LiveAccount, LiveProblem } from "../core/live/state.ts";
import type { Worker } from "../core/model.ts";
import { destroyedBy, workerNames } from "../core/plan/live-plan.ts";
import type { DeployAdapters, DeployFiles, DeployLog, LiveReadRequest } from "./ports.ts";
import type { DeployTarget } from "./worker-deploy.ts";

/** A selected Worker: its target (null when its config could not be loaded) and the run's notes about it. */
interface ReadSlot {
  readonly target: DeployTarget | null;
  readonly notes: string[];
}

/** The Worker names of the repository's configs on disk (every env), the selected ones included. */
export async function repositoryWorkersOnDisk(
  files: readonly string[],
  slots: readonly ReadSlot[],
  fs: Pick<DeployFiles, "readText">,
): Promise<Set<string>> {
  const workers: Worker[] = [];
  for (const s of slots) if (s.target) workers.push(s.target.worker);
  const texts = new Map(slots.flatMap((s) => (s.target ? [[s.target.configPath, s.target.configText]] : [])));
  for (const file of files) {
    let text = texts.get(file);
    if (text === undefined) {
      try {
        text = await fs.readText(file);
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
  adapters: Pick<DeployAdapters, "readLive">,
  log: DeployLog,
  single: boolean,
  quiet = false,
): Promise<Map<string, LiveAccount>> {
  const byAccount = new Map<string, DeployTarget[]>();
  for (const s of slots) {
    if (!s.target) continue;
    byAccount.set(s.target.accountId, [...(byAccount.get(s.target.accountId) ?? []), s.target]);
  }
  const reads = new Map<string, LiveReadRequest>();
  const asked = new Map<string, { names: Set<string>; owners: Set<string> }>();
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
    asked.set(accountId, { names, owners });
    reads.set(accountId, {
      workers: [...names, ...owners],
      repositoryWorkers: repositoryNames,
      doomed: (read) => targets.flatMap((t) => destroyedBy(read, t.worker, t.worker.name)),
      // The read after a deploy (quiet) decides only the next phase: the objects are not counted again.
      ...(quiet ? { objectCap: 0 } : {}),
    });
  }
  // One account after the other, as the deploy always read them.
  const { accounts: out, budget } = await adapters.readLive(reads, { oneAtATime: true });
  for (const [accountId, { names, owners }] of asked) {
    const account = out.get(accountId) as LiveAccount;
    if (!account.scripts.ok && single) throw new LiveReadError(account.scripts.problem);
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

/** The live state of a single deploy's Worker could not be read: what the API said. */
export class LiveReadError extends Error {
  override readonly name = "LiveReadError";
  /** Cloudflare's error code, when the API answered with one. */
  readonly code: number | null;
  /** HTTP status, when there was a response. */
  readonly status: number | null;
  constructor(problem: LiveProblem) {
    super(problem.message);
    this.code = problem.code;
    this.status = problem.status;
  }
}

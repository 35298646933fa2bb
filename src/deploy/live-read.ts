// The live state a release plans from: one read per account through the shared reader
// (src/adapters/live-state.ts): the released Workers and the Workers outside the release they
// bind, up to 50 of the repository's other Workers (for bindings to the released Workers'
// classes), and, when a class is about to be destroyed, the account's Workers outside the
// repository and the objects it destroys. What could not be read is a warning, or a note.
import { readFileSync } from "node:fs";
import { CloudflareApiError, type CloudflareClient } from "../adapters/cloudflare-api.ts";
import { readLiveAccount } from "../adapters/live-state.ts";
import { parseConfigText } from "../core/config/parse.ts";
import { readWorkers } from "../core/config/workers.ts";
import { type LiveAccount, type LiveProblem, liveStateFor, workerProblem } from "../core/live/state.ts";
import { planDeploy } from "../core/plan/deploy-plan.ts";
import type { DeployLog, DeployTarget } from "./worker-deploy.ts";

/** Most other Workers of the repository whose live bindings are read. */
const MAX_OTHER_WORKERS = 50;

/** A selected Worker: its target (null when its config could not be loaded) and the run's notes about it. */
export interface ReadSlot {
  readonly target: DeployTarget | null;
  readonly notes: string[];
}

/** Every Worker name the repository's configs define (every env), the selected ones included. */
export function repositoryWorkerNames(files: readonly string[], slots: readonly ReadSlot[]): Set<string> {
  const names = new Set<string>();
  for (const s of slots) if (s.target) names.add(s.target.worker.name);
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
    if (!parsed.ok) continue;
    for (const w of readWorkers(parsed).workers) if (w.name) names.add(w.name);
  }
  return names;
}

/**
 * One read per account: the selected Workers (and the Workers outside the release they bind),
 * the repository's other Workers (for bindings to their classes), and when a class is about to be
 * destroyed, the account's other Workers and the objects it destroys.
 */
export async function readAccounts(
  slots: readonly ReadSlot[],
  repositoryNames: ReadonlySet<string>,
  adapters: { cloudflare(accountId: string): CloudflareClient },
  log: DeployLog,
  single: boolean,
  quiet = false,
): Promise<Map<string, LiveAccount>> {
  const byAccount = new Map<string, DeployTarget[]>();
  for (const s of slots) {
    if (!s.target) continue;
    byAccount.set(s.target.accountId, [...(byAccount.get(s.target.accountId) ?? []), s.target]);
  }
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
    const others = [...repositoryNames].filter((n) => !names.has(n) && !owners.has(n)).sort();
    if (others.length > MAX_OTHER_WORKERS && !quiet) {
      log.warning(
        `The repository defines ${others.length} other Workers; only the first ${MAX_OTHER_WORKERS} are checked for bindings to ${[...names].join(", ")}. Cloudflare still refuses a delete while any Worker binds the class (code 10061).`,
      );
    }
    const alsoRead = others.slice(0, MAX_OTHER_WORKERS);
    const account = await readLiveAccount(adapters.cloudflare(accountId), {
      workers: [...names, ...owners],
      alsoRead,
      repositoryWorkers: new Set(repositoryNames),
      doomed: (read) =>
        targets.flatMap((t) =>
          workerProblem(read, t.worker.name)
            ? []
            : planDeploy(t.worker, liveStateFor(read, t.worker.name)).destroys.map((d) => ({
                worker: t.worker.name,
                origin: d.origin,
              })),
        ),
    });
    if (!account.scripts.ok && single) throw apiError(account.scripts.problem);
    out.set(accountId, account);
    if (quiet) continue;
    const subject = [...names].join(", ");
    for (const other of [...alsoRead, ...owners]) {
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
    const first = slots.find((s) => s.target && s.target.accountId === accountId) as ReadSlot;
    const { workers: scanned, skipped } = account.scanned;
    if (alsoRead.length > 0) {
      first.notes.unshift(
        `Other Workers of the repository checked for bindings to ${subject}: ${alsoRead.join(", ")}.`,
      );
    }
    if (scanned.length > 0) {
      first.notes.push(
        `Workers of the account outside the repository checked for bindings to ${subject}: ${scanned.length}${skipped > 0 ? ` (${skipped} more not checked)` : ""}.`,
      );
    }
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

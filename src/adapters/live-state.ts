// The live-state reader: one reading of a Cloudflare account, shared by the pull request's live
// plan (src/check/live.ts) and the deploy (src/deploy/live-read.ts). For an account it reads
//  1. the account-wide lists, once: every script with its migration tag, every Durable Object
//     namespace (page by page, keeping those of the planned Workers, and those the API names no
//     owner for);
//  2. the settings (live bindings) of the Workers that matter only, side by side;
//  3. when the plan (a pure core function the caller passes in) says a class is about to be
//     destroyed: the bindings of the account's other Workers, by the one rule of `bindingScan`
//     (the repository's Workers first, then the others, up to a cap), and the objects of each
//     namespace it destroys (up to a cap per class);
//  4. the objects of the other namespaces the caller asks to count (a live class the config does
//     not know: whether it has objects decides whether the deploy is rejected).
// Every failure becomes data (what was asked, the status, the API's words): the caller decides
// what a missing piece means. It returns plain data and never prints object or namespace IDs.
import type { LiveAccounts, LiveReadRequest, ReadLiveAccounts } from "../check/ports.ts";
import type {
  LiveAccount,
  LiveNamespace,
  LiveScript,
  LiveSettings,
  ObjectCount,
  Read,
} from "../core/live/state.ts";
import { bindingScan, NO_SCAN, namespacesToCount } from "../core/live/state.ts";
import {
  CloudflareApiError,
  type CloudflareClient,
  type RequestBudget,
  requestBudget,
} from "./cloudflare-api.ts";

export type { LiveReadRequest } from "../check/ports.ts";

/** Objects counted per class before the count says "more than". */
export const DEFAULT_OBJECT_CAP = 100_000;
/** Other Workers of the account whose bindings are read when a class is about to be deleted. */
export const DEFAULT_SCAN_CAP = 100;

export async function readLiveAccount(
  client: CloudflareClient,
  request: LiveReadRequest,
): Promise<LiveAccount> {
  const startCount = client.requestCount();
  // Only the planned Workers' namespaces are kept (the plan reads no other), and those without
  // an owner: one of them may be a planned Worker's.
  const planned = new Set(request.workers);
  const [scripts, namespaces] = await Promise.all([
    attempt(async () => new Map((await client.listScripts()).map((s): [string, LiveScript] => [s.name, s]))),
    attempt(() => client.listDurableObjectNamespaces((ns) => ns.script === null || planned.has(ns.script))),
  ]);
  const settings = new Map<string, Read<LiveSettings>>();
  const objects = new Map<string, Read<ObjectCount>>();
  let scanned: LiveAccount["scanned"] = NO_SCAN;
  const snapshot = (): LiveAccount => ({
    accountId: client.accountId,
    scripts,
    namespaces,
    settings,
    objects,
    scanned,
    requests: client.requestCount() - startCount,
  });
  if (!scripts.ok) return snapshot();

  const readSettingsOf = async (names: Iterable<string>): Promise<void> => {
    const wanted = [...new Set(names)].filter((n) => scripts.value.has(n) && !settings.has(n));
    const reads = await Promise.all(wanted.map((name) => attempt(() => client.readSettings(name))));
    wanted.forEach((name, i) => {
      settings.set(name, reads[i]!);
    });
  };
  await readSettingsOf(request.workers);
  // A planned Worker without a migration tag may be on `exports`: its live map is in its current
  // version's detail (two requests; a Worker with a tag is on `migrations` and costs none).
  const untagged = request.workers.filter((name) => {
    const read = settings.get(name);
    return (
      read?.ok &&
      read.value.exists &&
      read.value.exportsState === undefined &&
      scripts.value.get(name)?.migrationTag === null
    );
  });
  const maps = await Promise.all(untagged.map((name) => attempt(() => client.readLiveExports(name))));
  untagged.forEach((name, i) => {
    const read = settings.get(name);
    const map = maps[i];
    // Not read: the plan goes on without it (the namespace list is what it relies on).
    if (read?.ok && map?.ok && map.value !== null)
      settings.set(name, { ok: true, value: { ...read.value, exportsState: map.value } });
  });

  const doomed = request.doomed(snapshot());
  if (doomed.length > 0) {
    scanned = bindingScan(
      scripts.value.keys(),
      new Set(settings.keys()),
      request.repositoryWorkers,
      request.scanCap ?? DEFAULT_SCAN_CAP,
    );
    await readSettingsOf([...scanned.repository, ...scanned.outside]);
  }

  const cap = request.objectCap ?? DEFAULT_OBJECT_CAP;
  const others = request.count?.(snapshot()) ?? [];
  if (cap > 0 && doomed.length + others.length > 0) {
    const toCount: LiveNamespace[] = namespacesToCount(snapshot(), [...doomed, ...others]);
    const counts = await Promise.all(toCount.map((ns) => attempt(() => client.countObjects(ns.id, cap))));
    toCount.forEach((ns, i) => {
      objects.set(ns.id, counts[i]!);
    });
  }
  return snapshot();
}

export interface LiveAccountsOptions {
  /** A client for one account, its requests counted against the read's budget. */
  readonly client: (accountId: string, budget: RequestBudget) => CloudflareClient;
  /** Most requests the whole read sends, over every account (default `DEFAULT_REQUEST_BUDGET`). */
  readonly requestBudget?: number;
}

/**
 * The one loop over accounts, for the check's live step and the deploy: each reading reads every
 * account asked for once (side by side, or one after the other), within one request budget.
 */
export function liveAccountsReader(options: LiveAccountsOptions): ReadLiveAccounts {
  return async (reads, { oneAtATime = false } = {}): Promise<LiveAccounts> => {
    const budget = requestBudget(options.requestBudget);
    const accounts = new Map<string, LiveAccount>();
    const read = async ([accountId, request]: [string, LiveReadRequest]) => {
      accounts.set(accountId, await readLiveAccount(options.client(accountId, budget), request));
    };
    if (oneAtATime) for (const entry of reads) await read(entry);
    else await Promise.all([...reads].map(read));
    return { accounts, budget };
  };
}

async function attempt<T>(read: () => Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (error instanceof CloudflareApiError) return { ok: false, problem: error.toProblem() };
    throw error;
  }
}

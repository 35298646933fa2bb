import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  NO_SCAN,
  bindingScan,
  namespacesToCount
} from "./chunk-BKDYTUFB.js";
import {
  CloudflareApiError,
  requestBudget
} from "./chunk-Q4EI3H2W.js";

// src/adapters/live-state.ts
var DEFAULT_OBJECT_CAP = 1e5;
var DEFAULT_SCAN_CAP = 100;
async function readLiveAccount(client, request) {
  const startCount = client.requestCount();
  const planned = new Set(request.workers);
  const [scripts, namespaces] = await Promise.all([
    attempt(async () => new Map((await client.listScripts()).map((s) => [s.name, s]))),
    attempt(() => client.listDurableObjectNamespaces((ns) => ns.script === null || planned.has(ns.script)))
  ]);
  const settings = /* @__PURE__ */ new Map();
  const objects = /* @__PURE__ */ new Map();
  let scanned = NO_SCAN;
  const snapshot = () => ({
    accountId: client.accountId,
    scripts,
    namespaces,
    settings,
    objects,
    scanned,
    requests: client.requestCount() - startCount
  });
  if (!scripts.ok) return snapshot();
  const readSettingsOf = async (names) => {
    const wanted = [...new Set(names)].filter((n) => scripts.value.has(n) && !settings.has(n));
    const reads = await Promise.all(wanted.map((name) => attempt(() => client.readSettings(name))));
    wanted.forEach((name, i) => {
      settings.set(name, reads[i]);
    });
  };
  await readSettingsOf(request.workers);
  const untagged = request.workers.filter((name) => {
    const read = settings.get(name);
    return read?.ok && read.value.exists && read.value.exportsState === void 0 && scripts.value.get(name)?.migrationTag === null;
  });
  const maps = await Promise.all(untagged.map((name) => attempt(() => client.readLiveExports(name))));
  untagged.forEach((name, i) => {
    const read = settings.get(name);
    const map = maps[i];
    if (read?.ok && map?.ok && map.value !== null)
      settings.set(name, { ok: true, value: { ...read.value, exportsState: map.value } });
  });
  const doomed = request.doomed(snapshot());
  if (doomed.length > 0) {
    scanned = bindingScan(
      scripts.value.keys(),
      new Set(settings.keys()),
      request.repositoryWorkers,
      request.scanCap ?? DEFAULT_SCAN_CAP
    );
    await readSettingsOf([...scanned.repository, ...scanned.outside]);
  }
  const cap = request.objectCap ?? DEFAULT_OBJECT_CAP;
  const others = request.count?.(snapshot()) ?? [];
  if (cap > 0 && doomed.length + others.length > 0) {
    const toCount = namespacesToCount(snapshot(), [...doomed, ...others]);
    const counts = await Promise.all(toCount.map((ns) => attempt(() => client.countObjects(ns.id, cap))));
    toCount.forEach((ns, i) => {
      objects.set(ns.id, counts[i]);
    });
  }
  return snapshot();
}
function liveAccountsReader(options) {
  return async (reads, { oneAtATime = false } = {}) => {
    const budget = requestBudget(options.requestBudget);
    const accounts = /* @__PURE__ */ new Map();
    const read = async ([accountId, request]) => {
      accounts.set(accountId, await readLiveAccount(options.client(accountId, budget), request));
    };
    if (oneAtATime) for (const entry of reads) await read(entry);
    else await Promise.all([...reads].map(read));
    return { accounts, budget };
  };
}
async function attempt(read) {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (error instanceof CloudflareApiError) return { ok: false, problem: error.toProblem() };
    throw error;
  }
}

export {
  DEFAULT_OBJECT_CAP,
  DEFAULT_SCAN_CAP,
  readLiveAccount,
  liveAccountsReader
};

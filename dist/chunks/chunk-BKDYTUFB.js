import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/core/live/state.ts
function workerProblem(account, name) {
  if (!account.scripts.ok) return account.scripts.problem;
  if (!account.scripts.value.has(name)) return null;
  const settings = account.settings.get(name);
  if (settings === void 0) {
    return {
      request: "(not read)",
      status: null,
      code: null,
      message: `the settings of ${name} were not read`
    };
  }
  return settings.ok ? null : settings.problem;
}
function workerExists(account, name) {
  if (!account.scripts.ok) return null;
  if (!account.scripts.value.has(name)) return false;
  const settings = account.settings.get(name);
  return !(settings?.ok && !settings.value.exists);
}
function namespacesOf(account, name) {
  if (!account.namespaces.ok) return null;
  const out = /* @__PURE__ */ new Map();
  for (const ns of account.namespaces.value) if (ns.script === name) out.set(ns.className, ns);
  return out;
}
function liveStateFor(account, name) {
  const exists = workerExists(account, name) === true;
  const script = account.scripts.ok ? account.scripts.value.get(name) : void 0;
  const refs = [];
  for (const [holder, read] of account.settings) {
    if (!read.ok || !read.value.exists) continue;
    for (const b of read.value.bindings) {
      const target = b.scriptName ?? holder;
      if (target !== name) continue;
      if (holder === name && !exists) continue;
      refs.push({ worker: holder, binding: b.name, className: b.className });
    }
  }
  refs.sort((a, b) => Number(b.worker === name) - Number(a.worker === name));
  const namespaces = exists ? namespacesOf(account, name) : /* @__PURE__ */ new Map();
  let provisioned = null;
  let objects = null;
  if (namespaces) {
    provisioned = /* @__PURE__ */ new Map();
    objects = /* @__PURE__ */ new Map();
    for (const [className, ns] of namespaces) {
      provisioned.set(className, ns.storage);
      const count = account.objects.get(ns.id);
      objects.set(className, count?.ok ? count.value : null);
    }
  } else if (exists) {
    provisioned = provisionedFromExports(account.settings.get(name));
  }
  return {
    exists,
    migrationTag: exists ? script?.migrationTag ?? null : null,
    bindingsToThisWorker: refs,
    provisioned,
    namespacesKnown: namespaces !== null,
    objects
  };
}
function provisionedFromExports(settings) {
  const state = settings?.ok ? settings.value.exportsState : void 0;
  if (typeof state !== "object" || state === null || Array.isArray(state)) return null;
  const map = /* @__PURE__ */ new Map();
  for (const [className, entry] of Object.entries(state)) {
    if (typeof entry !== "object" || entry === null) continue;
    const e = entry;
    if (e.type !== "durable-object") continue;
    const s = e.state ?? "created";
    if (s === "created" || s === "expecting-transfer") {
      map.set(className, e.storage === "legacy-kv" ? "kv" : e.storage === "sqlite" ? "sqlite" : null);
    }
  }
  return map;
}
var NO_SCAN = { repository: [], outside: [], skipped: 0 };
function bindingScan(scripts, alreadyRead, repository, cap) {
  if (!repository) return NO_SCAN;
  const others = [...scripts].filter((n) => !alreadyRead.has(n)).sort();
  const ours = others.filter((n) => repository.has(n));
  const theirs = others.filter((n) => !repository.has(n));
  const take = Math.max(0, cap);
  const inRepo = ours.slice(0, take);
  const outside = theirs.slice(0, Math.max(0, take - inRepo.length));
  return { repository: inRepo, outside, skipped: others.length - inRepo.length - outside.length };
}
function ownerlessClasses(account) {
  if (!account.namespaces.ok) return /* @__PURE__ */ new Set();
  return new Set(account.namespaces.value.filter((ns) => ns.script === null).map((ns) => ns.className));
}
function namespacesToCount(account, doomed) {
  const out = /* @__PURE__ */ new Map();
  for (const d of doomed) {
    const ns = namespacesOf(account, d.worker)?.get(d.origin);
    if (ns) out.set(ns.id, ns);
  }
  return [...out.values()];
}

export {
  workerProblem,
  workerExists,
  namespacesOf,
  liveStateFor,
  NO_SCAN,
  bindingScan,
  ownerlessClasses,
  namespacesToCount
};

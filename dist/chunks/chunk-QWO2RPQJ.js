import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  canonicalJson,
  notDeployedAsWritten,
  q
} from "./chunk-2BJOGL7Q.js";

// src/core/lifecycle/replay.ts
var replayed = /* @__PURE__ */ new WeakMap();
function replayLifecycle(lifecycle) {
  if (lifecycle.model === "migrations") {
    let replay = replayed.get(lifecycle.steps);
    if (!replay) {
      replay = replaySteps(lifecycle.steps);
      replayed.set(lifecycle.steps, replay);
    }
    return replay;
  }
  const classes = /* @__PURE__ */ new Map();
  if (lifecycle.model === "exports") {
    const renameTargets = new Set(
      lifecycle.entries.flatMap((e) => e.state === "renamed" && e.renamedTo ? [e.renamedTo] : [])
    );
    for (const entry of lifecycle.entries) {
      const live = entry.state === "created" || entry.state === "expecting-transfer";
      classes.set(entry.className, {
        className: entry.className,
        status: live ? "live" : entry.state === "deleted" ? "deleted" : entry.state === "renamed" ? "renamed" : "transferred-out",
        storage: entry.storage,
        tag: null,
        line: entry.line,
        renamedTo: entry.renamedTo,
        deletedBefore: false,
        via: entry.state === "expecting-transfer" ? "transfer" : renameTargets.has(entry.className) ? "rename" : "create"
      });
    }
  }
  return { classes, problems: [] };
}
function replaySteps(steps) {
  const classes = /* @__PURE__ */ new Map();
  const problems = [];
  const isLive = (name) => classes.get(name)?.status === "live";
  for (const step of steps) {
    const at = { tag: step.tag, line: step.line };
    const begin = (className, storage, via) => {
      if (isLive(className)) problems.push({ kind: "create-existing", className, ...at });
      const before = classes.get(className);
      classes.set(className, {
        className,
        status: "live",
        storage,
        ...at,
        renamedTo: null,
        deletedBefore: before !== void 0 && before.status !== "live",
        via
      });
    };
    const end = (className, status, renamedTo) => {
      const before = classes.get(className);
      classes.set(className, {
        className,
        status,
        storage: before?.storage ?? null,
        ...at,
        renamedTo,
        deletedBefore: before?.deletedBefore ?? false,
        via: before?.via ?? "create"
      });
    };
    for (const op of step.ops) {
      switch (op.type) {
        case "create":
          begin(op.className, op.storage, "create");
          break;
        case "transfer-in":
          begin(op.className, null, "transfer");
          break;
        case "delete":
          if (!isLive(op.className))
            problems.push({ kind: "delete-unknown", className: op.className, ...at });
          end(op.className, "deleted", null);
          break;
        case "transfer-out":
          end(op.className, "transferred-out", null);
          break;
        case "rename": {
          const source = classes.get(op.from);
          if (!isLive(op.from)) problems.push({ kind: "rename-unknown", className: op.from, ...at });
          if (isLive(op.to)) problems.push({ kind: "rename-onto-existing", className: op.to, ...at });
          end(op.from, "renamed", op.to);
          classes.set(op.to, {
            className: op.to,
            status: "live",
            storage: source?.storage ?? null,
            ...at,
            renamedTo: null,
            deletedBefore: false,
            via: "rename"
          });
          break;
        }
      }
    }
  }
  return { classes, problems };
}
function liveClasses(classes) {
  return new Set([...classes.values()].filter((c) => c.status === "live").map((c) => c.className));
}

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
      const target2 = b.scriptName ?? holder;
      if (target2 !== name) continue;
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

// src/core/lifecycle/engine.ts
function destructions(liveAtStart, steps) {
  const holds = /* @__PURE__ */ new Map();
  for (const name of liveAtStart) holds.set(name, name);
  const out = [];
  for (const step of steps) {
    for (const op of step.ops) {
      switch (op.type) {
        case "create":
        case "transfer-in":
          break;
        case "transfer-out":
          holds.delete(op.className);
          break;
        case "rename": {
          const origin = holds.get(op.from);
          holds.delete(op.from);
          if (origin !== void 0) holds.set(op.to, origin);
          break;
        }
        case "delete": {
          const origin = holds.get(op.className);
          if (origin === void 0) break;
          out.push({ className: op.className, origin, tag: step.tag, line: step.line });
          holds.delete(op.className);
          break;
        }
      }
    }
  }
  return out;
}
function deletesOfCreated(steps) {
  const live = /* @__PURE__ */ new Set();
  const deleted = [];
  for (const step of steps) {
    for (const op of step.ops) {
      if (op.type === "create" || op.type === "transfer-in") live.add(op.className);
      else if (op.type === "rename" && live.delete(op.from)) live.add(op.to);
      else if (op.type === "transfer-out") live.delete(op.className);
      else if (op.type === "delete" && live.delete(op.className))
        deleted.push({ className: op.className, tag: step.tag, line: step.line });
    }
  }
  return deleted;
}
function possibleDestructions(base, head, deployedIndex) {
  const baseIndexOf = /* @__PURE__ */ new Map();
  const baseOps = /* @__PURE__ */ new Set();
  for (const step of base) {
    if (step.tag === null || baseIndexOf.has(step.tag)) continue;
    baseIndexOf.set(step.tag, step.index);
    for (const op of step.ops) if (op.type === "delete") baseOps.add(`${step.tag}\0${op.className}`);
  }
  const deployedTag = base[deployedIndex]?.tag ?? null;
  const seenTags = /* @__PURE__ */ new Set();
  const out = [];
  const holds = /* @__PURE__ */ new Map();
  let lastBaseBefore = null;
  let lastBaseAfter = null;
  let lastHeadOnly = null;
  let deployedAt = -1;
  for (const [at, step] of head.entries()) {
    for (const op of step.ops) {
      switch (op.type) {
        case "create":
        case "transfer-in":
          if (!holds.has(op.className)) holds.set(op.className, { origin: op.className, since: at });
          break;
        case "transfer-out":
          holds.delete(op.className);
          break;
        case "rename": {
          const held = holds.get(op.from);
          holds.delete(op.from);
          if (held) holds.set(op.to, held);
          break;
        }
        case "delete": {
          const held = holds.get(op.className);
          holds.delete(op.className);
          if (!held) break;
          if (step.tag !== null && baseOps.has(`${step.tag}\0${op.className}`)) break;
          const d = { className: op.className, origin: held.origin, tag: step.tag, line: step.line };
          if (deployedAt >= held.since) break;
          if (lastBaseBefore && lastBaseBefore.at >= held.since) {
            const next = base[lastBaseBefore.index + 1]?.tag;
            if (next) {
              out.push({ ...d, unlessRan: next });
              break;
            }
          }
          if (lastHeadOnly && lastHeadOnly.at >= held.since) {
            out.push({ ...d, ifRan: lastHeadOnly.tag });
            break;
          }
          if (lastBaseAfter && lastBaseAfter.at >= held.since) out.push({ ...d, ifRan: lastBaseAfter.tag });
          break;
        }
      }
    }
    const tag = step.tag;
    if (tag === null || seenTags.has(tag)) continue;
    seenTags.add(tag);
    const index = baseIndexOf.get(tag);
    if (tag === deployedTag) deployedAt = at;
    else if (index === void 0) lastHeadOnly = { at, tag };
    else if (index < deployedIndex) lastBaseBefore = { at, index };
    else lastBaseAfter = { at, tag };
  }
  return out;
}

// src/core/plan/deploy-plan.ts
function planDeploy(worker, live) {
  const name = worker.name ?? "(unnamed)";
  const base = {
    worker: name,
    env: worker.env,
    liveTag: live.exists ? live.migrationTag : null
  };
  const refusals = [];
  const localBound = (className) => worker.bindings.filter(
    (b) => b.className === className && (b.scriptName === null || b.scriptName === name)
  );
  const countOf = (className) => live.objects?.get(className) ?? null;
  if (worker.lifecycle.model === "exports") {
    const provisioned = live.provisioned ?? /* @__PURE__ */ new Map();
    const doomed2 = live.exists ? worker.lifecycle.entries.filter((e) => e.state === "deleted" && (live.provisioned === null || provisioned.has(e.className))).map((e) => e.className).sort() : [];
    const kept = [...replayLifecycle(worker.lifecycle).classes.values()].filter((c) => c.status === "live").map((c) => c.className);
    return finish(
      {
        ...base,
        model: "exports",
        targetTag: null,
        pendingTags: [],
        sendKind: "exports",
        sends: worker.lifecycle.entries.map((e) => e.className),
        destroys: doomed2.map((c) => ({ className: c, origin: c, tag: null, objects: countOf(c) })),
        phase1Tag: null,
        phase1Classes: sorted([...kept, ...doomed2]),
        phase1Unbound: doomed2,
        tombstones: tombstonesOf(worker, live)
      },
      doomed2
    );
  }
  if (worker.lifecycle.model === "none") {
    return finish(
      {
        ...base,
        model: "none",
        targetTag: null,
        pendingTags: [],
        sendKind: "none",
        sends: [],
        phase1Tag: null,
        phase1Classes: [],
        phase1Unbound: []
      },
      []
    );
  }
  const steps = worker.lifecycle.steps;
  const tags = (list) => list.flatMap((s) => s.tag ? [s.tag] : []);
  const targetTag = steps[steps.length - 1]?.tag ?? null;
  const liveClasses2 = live.exists && live.namespacesKnown && live.provisioned ? [...live.provisioned.keys()] : null;
  let pending = steps;
  let sendKind = "first";
  let rejected = null;
  let replayDestroys = [];
  if (base.liveTag !== null) {
    const at = steps.findIndex((s) => s.tag === base.liveTag);
    if (at < 0) {
      refusals.push({
        reason: "tag-not-in-config",
        message: `The live migration tag of ${name} is "${base.liveTag}", which the config does not have: wrangler would replay every step.`,
        fix: "Restore the config's migration history so it contains the deployed tag, then re-run."
      });
      pending = [];
      sendKind = "replay";
      if (liveClasses2) {
        rejected = firstRejection(liveClasses2, steps);
        if (!rejected) replayDestroys = destroyed(destructions(liveClasses2, steps), countOf);
      }
    } else {
      pending = steps.slice(at + 1);
      sendKind = pending.length === 0 ? "nothing" : "after";
    }
  } else if (steps.length === 0) {
    sendKind = "nothing";
  } else if (!live.exists) {
    rejected = firstDeployRejection(steps);
  } else if (liveClasses2) {
    rejected = firstRejection(liveClasses2, steps);
  }
  const applied = steps.slice(0, steps.length - pending.length);
  const doomed = /* @__PURE__ */ new Set();
  const found = [];
  let firstDestroying = -1;
  if (liveClasses2 && sendKind !== "replay") {
    const list = destructions(liveClasses2, pending);
    const destroying = /* @__PURE__ */ new Set();
    for (const d of list) {
      const step = pending.find((s) => s.tag === d.tag && s.line === d.line);
      if (step) destroying.add(step);
      doomed.add(d.className);
    }
    found.push(...destroyed(list, countOf));
    pending.forEach((step, index) => {
      if (!destroying.has(step)) return;
      if (firstDestroying < 0) firstDestroying = index;
      mixedStep(step);
    });
  } else {
    const alive = new Set(
      [...replaySteps(applied).classes.values()].filter((c) => c.status === "live").map((c) => c.className)
    );
    pending.forEach((step, index) => {
      let destroys = false;
      for (const op of step.ops) {
        if (op.type === "create" || op.type === "transfer-in") alive.add(op.className);
        else if (op.type === "rename") {
          alive.delete(op.from);
          alive.add(op.to);
        } else if (op.type === "delete" && alive.delete(op.className)) {
          doomed.add(op.className);
          found.push({ className: op.className, origin: op.className, tag: step.tag, objects: null });
          destroys = true;
          if (firstDestroying < 0) firstDestroying = index;
        }
      }
      if (destroys) mixedStep(step);
    });
  }
  if (!live.exists) doomed.clear();
  const phase1Tag = firstDestroying < 0 ? targetTag : firstDestroying === 0 ? base.liveTag : pending[firstDestroying - 1]?.tag ?? base.liveTag;
  const appliedCount = applied.length + (firstDestroying < 0 ? pending.length : firstDestroying);
  const liveAfter = (upTo) => [...replaySteps(steps.slice(0, upTo)).classes.values()].filter((c) => c.status === "live").map((c) => c.className);
  const phase1Classes = liveAfter(appliedCount);
  const atPhase1 = new Set(phase1Classes);
  const createdLater = liveAfter(steps.length).filter((c) => !atPhase1.has(c));
  return finish(
    {
      ...base,
      model: "migrations",
      targetTag,
      pendingTags: tags(pending),
      sendKind,
      sends: sendKind === "replay" || sendKind === "first" ? tags(steps) : tags(pending),
      destroys: sendKind === "replay" ? replayDestroys : rejected ? [] : found,
      rejected,
      phase1Tag,
      phase1Classes: sorted(phase1Classes),
      phase1Unbound: sorted([...doomed, ...createdLater])
    },
    [...doomed].sort()
  );
  function mixedStep(step) {
    const deletes = step.ops.filter((op) => op.type === "delete");
    if (live.exists && deletes.length < step.ops.length) {
      refusals.push({
        reason: "mixed-step",
        message: `Migration "${step.tag}" deletes ${deletes.map((d) => d.className).join(", ")} and also does other operations: the delete cannot be phased apart from them.`,
        fix: "Move the deletes into a migration of their own (its own tag) and re-run."
      });
    }
  }
  function finish(partial, doomedClasses) {
    const doomedSet = new Set(doomedClasses);
    const blockingBindings = live.bindingsToThisWorker.filter((b) => doomedSet.has(b.className));
    const exportsModel = partial.model === "exports";
    for (const className of doomedClasses) {
      for (const binding of localBound(className))
        refusals.push(stillBound(className, binding, exportsModel));
    }
    for (const b of blockingBindings.filter((b2) => b2.worker !== name)) {
      refusals.push({
        reason: "other-worker-binds",
        message: exportsModel ? `Worker ${b.worker} still binds ${b.className} of ${name} (binding ${b.binding}): the tombstone is refused (code 100402, tombstone_delete_blocked_by_external_bindings) until it is gone.` : `Worker ${b.worker} still binds ${b.className} of ${name} (binding ${b.binding}): the delete is rejected (code 10061) until it is gone.`,
        fix: `Deploy ${b.worker} without binding ${b.binding} first, then re-run.`
      });
    }
    const ownBindingsFirst = !exportsModel && blockingBindings.some((b) => b.worker === name);
    const next = doomedClasses.length === 0 ? partial.model === "migrations" && partial.pendingTags.length === 0 && live.exists ? "none" : "deploy" : ownBindingsFirst ? "1" : "2";
    return {
      ...partial,
      deployed: live.exists,
      destroys: live.exists ? partial.destroys ?? [] : [],
      rejected: partial.rejected ?? null,
      tombstones: partial.tombstones ?? [],
      doomed: doomedClasses,
      blockingBindings,
      next,
      refusals
    };
  }
}
function destroyed(list, countOf) {
  return list.map((d) => ({
    className: d.className,
    origin: d.origin,
    tag: d.tag,
    objects: countOf(d.origin)
  }));
}
function firstRejection(liveClasses2, steps) {
  const live = new Set(liveClasses2);
  for (const step of steps) {
    for (const op of step.ops) {
      if (op.type === "create" || op.type === "transfer-in") {
        if (live.has(op.className))
          return { tag: step.tag, className: op.className, reason: "create-existing" };
        live.add(op.className);
      } else if (op.type === "rename") {
        live.delete(op.from);
        live.add(op.to);
      } else if (op.type === "delete" || op.type === "transfer-out") {
        live.delete(op.className);
      }
    }
  }
  return null;
}
function firstDeployRejection(steps) {
  for (const step of steps) {
    const del = step.ops.find((op) => op.type === "delete");
    if (del && del.type === "delete")
      return { tag: step.tag, className: del.className, reason: "delete-first-deploy" };
  }
  return null;
}
function sorted(names) {
  return [...new Set(names)].sort();
}
function tombstonesOf(worker, live) {
  if (worker.lifecycle.model !== "exports") return [];
  const out = [];
  for (const e of worker.lifecycle.entries) {
    if (e.state !== "deleted" && e.state !== "renamed" && e.state !== "transferred") continue;
    const status = !live.exists ? "applied" : live.provisioned === null ? "unknown" : live.provisioned.has(e.className) ? "pending" : "applied";
    out.push({ className: e.className, state: e.state, status });
  }
  return out;
}
function stillBound(className, binding, exportsModel) {
  return {
    reason: "config-still-binds",
    message: `The config ${exportsModel ? "tombstones" : "deletes"} ${className} but binding ${binding.name} still points at it${binding.line ? ` (line ${binding.line})` : ""}: ${exportsModel ? "the deploy" : "phase 2"} would fail with code 10061.`,
    fix: `Remove binding ${binding.name} from the config, commit, and re-run.`
  };
}
function checkConfirmation(plan, confirmed) {
  const wanted = [...plan.doomed].sort();
  const given = [...new Set(confirmed.map((c) => c.trim()).filter(Boolean))].sort();
  const exact = wanted.join(",");
  if (given.length === 0) {
    return {
      reason: "confirmation-missing",
      message: `Phase 2 destroys every object of ${wanted.join(", ")} in ${plan.worker}, irreversibly, and was not confirmed.`,
      fix: `Re-run with confirm-data-loss set to exactly: ${exact}`
    };
  }
  if (given.join(",") !== exact) {
    const missing = wanted.filter((c) => !given.includes(c));
    const extra = given.filter((c) => !wanted.includes(c));
    return {
      reason: "confirmation-mismatch",
      message: `The confirmation does not match what phase 2 destroys in ${plan.worker}${missing.length ? `; not confirmed: ${missing.join(", ")}` : ""}${extra.length ? `; not destroyed by this deploy: ${extra.join(", ")}` : ""}.`,
      fix: `Re-run with confirm-data-loss set to exactly: ${exact}`
    };
  }
  return null;
}

// src/core/plan/live-plan.ts
function planTargets(analyses, envs = null) {
  const wanted = (env) => !envs || envs.includes(env);
  const changed = [];
  const others = [];
  for (const analysis of analyses) {
    const baseByEnv = new Map((analysis.baseWorkers ?? []).map((w) => [w.env, w]));
    for (const worker of analysis.headWorkers) {
      if (!wanted(worker.env)) continue;
      const base = baseByEnv.get(worker.env) ?? null;
      if (base && base === worker) {
        others.push({ worker, base });
        continue;
      }
      if (base && sameDurableObjects(base, worker)) others.push({ worker, base });
      else changed.push(target(worker, base, "changed"));
    }
  }
  const names = new Set(changed.flatMap((t) => plannable(t) ? [t.name] : []));
  const binders = others.filter(
    ({ worker }) => worker.bindings.some(
      (b) => b.scriptName !== null && b.scriptName !== worker.name && names.has(b.scriptName)
    )
  ).map(({ worker, base }) => target(worker, base, "binds"));
  return [...changed, ...binders];
}
function target(worker, base, reason) {
  return { file: worker.file, env: worker.env, name: worker.name, worker, base, reason };
}
function sameDurableObjects(a, b) {
  return a.name === b.name && (a.accountId ?? null) === (b.accountId ?? null) && lifecycleKey(a) === lifecycleKey(b) && bindingsKey(a) === bindingsKey(b);
}
function lifecycleKey(w) {
  const l = w.lifecycle;
  if (l.model === "migrations")
    return `m${l.steps.map((s) => `${s.tag}\0${s.canonical}`).join("")}`;
  if (l.model === "exports") return `e${canonicalJson(l.entries.map((e) => ({ ...e, line: null })))}`;
  return "none";
}
function bindingsKey(w) {
  return w.bindings.map((b) => `${b.name}\0${b.className}\0${b.scriptName}\0${b.environment}`).join("");
}
function plannable(t) {
  return t.name !== null && notDeployedAsWritten(t.worker) === null;
}
function workerNames(workers) {
  const names = /* @__PURE__ */ new Set();
  for (const w of workers) if (w.name && !w.placeholderName) names.add(w.name);
  return names;
}
function analysedWorkers(analyses) {
  return analyses.flatMap((a) => [...a.headWorkers, ...a.baseWorkers ?? []]);
}
function removedWorkers(analyses, defaultAccount, envs = null) {
  const out = [];
  for (const a of analyses) {
    const head = new Set(a.headWorkers.map((w) => w.env));
    for (const w of a.baseWorkers ?? []) {
      if (head.has(w.env) || envs && !envs.includes(w.env)) continue;
      if (w.name === null || notDeployedAsWritten(w) !== null) continue;
      out.push({ file: w.file, env: w.env, name: w.name, accountId: accountOf(w, defaultAccount) });
    }
  }
  return out;
}
function accountOf(worker, defaultAccount) {
  return worker.accountId ?? defaultAccount;
}
function planWorkers(targets, live) {
  return targets.map((t) => planWorker(t, live));
}
function planWorker(t, live) {
  const none = { plan: null, live: null, namespaces: null, ownerless: /* @__PURE__ */ new Set(), fromBase: [] };
  if (!live) return { target: t, status: "off", problem: null, accountId: null, ...none };
  const why = notDeployedAsWritten(t.worker);
  if (why !== null) {
    const problem2 = { request: "(none)", status: null, code: null, message: why };
    return { target: t, status: "skipped", problem: problem2, accountId: null, ...none };
  }
  const accountId = accountOf(t.worker, live.defaultAccount);
  const failed = (message, problem2) => ({
    target: t,
    status: "failed",
    problem: problem2 ?? { request: "(none)", status: null, code: null, message },
    accountId,
    ...none
  });
  if (t.name === null) return failed("the config gives this Worker no `name`");
  if (accountId === null)
    return failed(
      "no Cloudflare account ID (input, `--account-id`, `CLOUDFLARE_ACCOUNT_ID` or `account_id` in the config)"
    );
  const account = live.accounts.get(accountId);
  if (!account) return failed("the account was not read");
  const problem = workerProblem(account, t.name);
  if (problem) return failed(problem.message, problem);
  const state = liveStateFor(account, t.name);
  const plan = planDeploy(t.worker, state);
  const headSteps = t.worker.lifecycle.model === "migrations" ? t.worker.lifecycle.steps : [];
  const baseSteps = t.base?.lifecycle.model === "migrations" ? t.base.lifecycle.steps : [];
  const baseTags = new Set(
    baseSteps.filter((b) => b.tag !== null && headSteps.some((h) => h.tag === b.tag && h.canonical === b.canonical)).map((b) => b.tag)
  );
  const fromBase = plan.deployed && (plan.sendKind === "after" || plan.sendKind === "first") ? plan.sends.filter((tag) => baseTags.has(tag)) : [];
  return {
    target: t,
    status: "read",
    problem: null,
    accountId,
    plan,
    live: state,
    namespaces: plan.deployed ? namespacesOf(account, t.name) : /* @__PURE__ */ new Map(),
    ownerless: ownerlessClasses(account),
    fromBase
  };
}
function destroyedNamespaces(targets, account, defaultAccount) {
  return inAccount(targets, account, defaultAccount).flatMap(
    (t) => destroyedBy(account, t.worker, t.name)
  );
}
function destroyedBy(account, worker, name) {
  if (workerProblem(account, name)) return [];
  return planDeploy(worker, liveStateFor(account, name)).destroys.map((d) => ({
    worker: name,
    origin: d.origin
  }));
}
function unknownNamespaces(targets, account, defaultAccount) {
  const out = [];
  for (const t of inAccount(targets, account, defaultAccount)) {
    const name = t.name;
    if (workerProblem(account, name) || workerExists(account, name) !== true) continue;
    const known = replayLifecycle(t.worker.lifecycle).classes;
    for (const className of namespacesOf(account, name)?.keys() ?? []) {
      if (!known.has(className)) out.push({ worker: name, origin: className });
    }
  }
  return out;
}
function inAccount(targets, account, defaultAccount) {
  return targets.filter((t) => plannable(t) && accountOf(t.worker, defaultAccount) === account.accountId);
}
function accountLabel(accountId) {
  if (accountId === null) return "the default account";
  const id = accountId.length > 12 ? `${accountId.slice(0, 4)}\u2026${accountId.slice(-4)}` : accountId;
  return `account ${q(id)}`;
}
function existsIn(live, name, accountId) {
  const account = accountId === null ? void 0 : live.accounts.get(accountId);
  return account ? workerExists(account, name) : null;
}
function plannedWorker(p) {
  const t = p.target;
  if (p.status !== "read" || !p.plan) {
    return {
      file: t.file,
      env: t.env,
      name: t.name,
      model: t.worker.lifecycle.model,
      live: p.status,
      problem: p.problem?.message ?? null,
      deployed: null,
      liveTag: null,
      sendKind: null,
      sends: [],
      fromBase: [],
      destroys: [],
      rejected: null
    };
  }
  return plannedFromPlan(p.plan, t.file, p.fromBase);
}
function plannedFromPlan(plan, file, fromBase = []) {
  return {
    file,
    env: plan.env,
    name: plan.worker,
    model: plan.model,
    live: "read",
    problem: null,
    deployed: plan.deployed,
    liveTag: plan.liveTag,
    sendKind: plan.sendKind,
    sends: plan.sends,
    fromBase,
    destroys: plan.destroys.map((d) => ({
      className: d.className,
      tag: d.tag,
      objects: d.objects?.objects ?? null,
      objectsWithData: d.objects?.withData ?? null,
      capped: d.objects?.capped ?? false
    })),
    rejected: plan.rejected,
    ...plan.model === "exports" && plan.tombstones.length > 0 ? { tombstones: plan.tombstones } : {}
  };
}

export {
  destructions,
  deletesOfCreated,
  possibleDestructions,
  replayLifecycle,
  liveClasses,
  planDeploy,
  checkConfirmation,
  workerProblem,
  namespacesOf,
  liveStateFor,
  NO_SCAN,
  bindingScan,
  namespacesToCount,
  planTargets,
  plannable,
  workerNames,
  analysedWorkers,
  removedWorkers,
  accountOf,
  planWorkers,
  planWorker,
  destroyedNamespaces,
  destroyedBy,
  unknownNamespaces,
  accountLabel,
  existsIn,
  plannedWorker,
  plannedFromPlan
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  canonicalJson,
  notDeployedAsWritten
} from "./chunk-7ZJZNNLB.js";
import {
  q
} from "./chunk-57KHF4P2.js";
import {
  liveStateFor,
  namespacesOf,
  ownerlessClasses,
  workerExists,
  workerProblem
} from "./chunk-BKDYTUFB.js";

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
        // Written out, not spread from `at` (once per operation of every replay): the same keys
        // in the same order.
        tag: at.tag,
        line: at.line,
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
        tag: at.tag,
        line: at.line,
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
            tag: at.tag,
            line: at.line,
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
  return new Set(liveClassNames(classes));
}
function liveClassNames(classes) {
  let names = liveNamesOf.get(classes);
  if (!names) {
    names = Object.freeze([...classes.values()].filter((c) => c.status === "live").map((c) => c.className));
    liveNamesOf.set(classes, names);
  }
  return names;
}
var liveNamesOf = /* @__PURE__ */ new WeakMap();
function liveClassSet(classes) {
  let set = liveSetOf.get(classes);
  if (!set) {
    set = liveClasses(classes);
    liveSetOf.set(classes, set);
  }
  return set;
}
var liveSetOf = /* @__PURE__ */ new WeakMap();

// src/core/lifecycle/engine.ts
function destructions(liveAtStart, steps) {
  if (steps.length === 0) return [];
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
  let byHead = possibleByBase.get(base);
  if (!byHead) {
    byHead = /* @__PURE__ */ new WeakMap();
    possibleByBase.set(base, byHead);
  }
  let byIndex = byHead.get(head);
  if (!byIndex) {
    byIndex = /* @__PURE__ */ new Map();
    byHead.set(head, byIndex);
  }
  let found = byIndex.get(deployedIndex);
  if (!found) {
    found = base === head && everyTagOnce(base) ? NO_DESTRUCTIONS : Object.freeze(walkPossibleDestructions(base, head, deployedIndex));
    byIndex.set(deployedIndex, found);
  }
  return found;
}
var NO_DESTRUCTIONS = Object.freeze([]);
function everyTagOnce(steps) {
  let once = tagsOnce.get(steps);
  if (once === void 0) {
    const tags = /* @__PURE__ */ new Set();
    once = true;
    for (const step of steps) {
      if (step.tag === null || tags.has(step.tag)) {
        once = false;
        break;
      }
      tags.add(step.tag);
    }
    tagsOnce.set(steps, once);
  }
  return once;
}
var tagsOnce = /* @__PURE__ */ new WeakMap();
var possibleByBase = /* @__PURE__ */ new WeakMap();
function walkPossibleDestructions(base, head, deployedIndex) {
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

// src/core/rules/live-deploy.ts
function tagNotInConfig(facts) {
  return {
    message: `The live migration tag of ${facts.worker} is "${facts.liveTag}", which the config does not have: wrangler would replay every step.`,
    fix: "Restore the config's migration history so it contains the deployed tag, then re-run."
  };
}
function mixedStep(facts) {
  return {
    message: `Migration "${facts.tag}" deletes ${facts.deletes.join(", ")} and also does other operations: the delete cannot be phased apart from them.`,
    fix: "Move the deletes into a migration of their own (its own tag) and re-run."
  };
}
function otherWorkerBinds(facts) {
  const { holder, className, worker, binding } = facts;
  return {
    message: facts.exportsModel ? `Worker ${holder} still binds ${className} of ${worker} (binding ${binding}): the tombstone is refused (code 100402, tombstone_delete_blocked_by_external_bindings) until it is gone.` : `Worker ${holder} still binds ${className} of ${worker} (binding ${binding}): the delete is rejected (code 10061) until it is gone.`,
    fix: `Deploy ${holder} without binding ${binding} first, then re-run.`
  };
}
function configStillBinds(facts) {
  const { exportsModel } = facts;
  return {
    message: `The config ${exportsModel ? "tombstones" : "deletes"} ${facts.className} but binding ${facts.binding} still points at it${facts.line ? ` (line ${facts.line})` : ""}: ${exportsModel ? "the deploy" : "phase 2"} would fail with code 10061.`,
    fix: `Remove binding ${facts.binding} from the config, commit, and re-run.`
  };
}
function confirmationMissing(facts) {
  return {
    message: `Phase 2 destroys every object of ${facts.wanted.join(", ")} in ${facts.worker}, irreversibly, and was not confirmed.`,
    fix: `Re-run with confirm-data-loss set to exactly: ${facts.wanted.join(",")}`
  };
}
function confirmationMismatch(facts) {
  const { missing, extra } = facts;
  return {
    message: `The confirmation does not match what phase 2 destroys in ${facts.worker}${missing.length ? `; not confirmed: ${missing.join(", ")}` : ""}${extra.length ? `; not destroyed by this deploy: ${extra.join(", ")}` : ""}.`,
    fix: `Re-run with confirm-data-loss set to exactly: ${facts.wanted.join(",")}`
  };
}
function noPhase1ForExports(facts) {
  return {
    message: `${facts.worker} uses \`exports\`, which has no phase 1: the tombstone of ${facts.doomed.join(", ")} applies in one deploy, with the class gone from the code and the Worker's own bindings removed in that same deploy; only other Workers' bindings go first.`,
    fix: `Run phase 2 (or auto) with confirm-data-loss set to exactly: ${facts.doomed.join(",")}`
  };
}
function phase1Landed(facts) {
  return `Phase 1 has landed for ${facts.worker}: nothing live binds ${facts.doomed.join(", ")} any more. Next: phase 2, with confirm-data-loss set to exactly: ${facts.doomed.join(",")}`;
}
function nothingToPhase(facts) {
  return {
    message: `No pending change destroys a Durable Object class of ${facts.worker}: ${facts.phase === "1" ? "there is no phase 1 to run" : "phase 2 has nothing to do"}.`,
    fix: "Run with phase auto for a normal deploy; if a delete was expected, check that the branch deployed carries it."
  };
}
function phase1NotLanded(facts) {
  return {
    message: `Phase 1 has not landed: ${facts.worker} still binds ${facts.holders.map((b) => `${b.binding} (${b.className})`).join(", ")} live, so the delete would be rejected (code 10061).`,
    fix: "Run phase 1 first (phase 1, or auto), then phase 2."
  };
}
function phase2Applied(facts) {
  return `Phase 2 has already applied for ${facts.worker}: the config's deletes are live (migration tag ${facts.liveTag ?? "none"}) and nothing is left to destroy.`;
}

// src/core/plan/deploy-plan.ts
function planDeploy(worker, live) {
  const at = {
    worker,
    live,
    name: worker.name ?? "(unnamed)",
    liveTag: live.exists ? live.migrationTag : null,
    refusals: []
  };
  const lifecycle = worker.lifecycle;
  if (lifecycle.model === "exports") return planExports(at, lifecycle.entries);
  if (lifecycle.model === "none") {
    return finish(
      at,
      {
        ...identity(at),
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
  return planMigrations(at, lifecycle.steps);
}
function identity(at) {
  return { worker: at.name, env: at.worker.env, liveTag: at.liveTag };
}
function countOf(live) {
  return (className) => live.objects?.get(className) ?? null;
}
function planExports(at, entries) {
  const { live } = at;
  const provisioned = live.provisioned ?? /* @__PURE__ */ new Map();
  const doomed = live.exists ? entries.filter((e) => e.state === "deleted" && (live.provisioned === null || provisioned.has(e.className))).map((e) => e.className).sort() : [];
  const kept = [...replayLifecycle(at.worker.lifecycle).classes.values()].filter((c) => c.status === "live").map((c) => c.className);
  const count = countOf(live);
  return finish(
    at,
    {
      ...identity(at),
      model: "exports",
      targetTag: null,
      pendingTags: [],
      sendKind: "exports",
      sends: entries.map((e) => e.className),
      destroys: doomed.map((c) => ({ className: c, origin: c, tag: null, objects: count(c) })),
      phase1Tag: null,
      phase1Classes: sorted([...kept, ...doomed]),
      phase1Unbound: doomed,
      tombstones: tombstonesOf(at.worker, live)
    },
    doomed
  );
}
function planMigrations(at, steps) {
  const { live } = at;
  const tags = (list) => list.flatMap((s) => s.tag ? [s.tag] : []);
  const targetTag = steps[steps.length - 1]?.tag ?? null;
  const liveClasses2 = live.exists && live.namespacesKnown && live.provisioned ? [...live.provisioned.keys()] : null;
  const { pending, sendKind, rejected, replayDestroys } = startOf(at, steps, liveClasses2);
  const applied = steps.slice(0, steps.length - pending.length);
  const walk = liveClasses2 && sendKind !== "replay" ? walkLive(at, liveClasses2, pending) : walkHistory(at, replaySteps(applied), pending);
  const { doomed, found, firstDestroying } = walk;
  if (!live.exists) doomed.clear();
  const phase1Tag = firstDestroying < 0 ? targetTag : firstDestroying === 0 ? at.liveTag : pending[firstDestroying - 1]?.tag ?? at.liveTag;
  const appliedCount = applied.length + (firstDestroying < 0 ? pending.length : firstDestroying);
  const liveAfter = (upTo) => [...replaySteps(steps.slice(0, upTo)).classes.values()].filter((c) => c.status === "live").map((c) => c.className);
  const phase1Classes = liveAfter(appliedCount);
  const atPhase1 = new Set(phase1Classes);
  const createdLater = liveAfter(steps.length).filter((c) => !atPhase1.has(c));
  return finish(
    at,
    {
      ...identity(at),
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
}
function startOf(at, steps, liveClasses2) {
  const { live, liveTag } = at;
  if (liveTag !== null) {
    const index = steps.findIndex((s) => s.tag === liveTag);
    if (index >= 0) {
      const pending = steps.slice(index + 1);
      return {
        pending,
        sendKind: pending.length === 0 ? "nothing" : "after",
        rejected: null,
        replayDestroys: []
      };
    }
    at.refusals.push({ reason: "tag-not-in-config", ...tagNotInConfig({ worker: at.name, liveTag }) });
    const rejected2 = liveClasses2 ? firstRejection(liveClasses2, steps) : null;
    const replayDestroys = liveClasses2 && !rejected2 ? destroyed(destructions(liveClasses2, steps), countOf(live)) : [];
    return { pending: [], sendKind: "replay", rejected: rejected2, replayDestroys };
  }
  if (steps.length === 0) return { pending: steps, sendKind: "nothing", rejected: null, replayDestroys: [] };
  const rejected = !live.exists ? firstDeployRejection(steps) : liveClasses2 ? firstRejection(liveClasses2, steps) : null;
  return { pending: steps, sendKind: "first", rejected, replayDestroys: [] };
}
function walkLive(at, liveClasses2, pending) {
  const list = destructions(liveClasses2, pending);
  const doomed = /* @__PURE__ */ new Set();
  const destroying = /* @__PURE__ */ new Set();
  for (const d of list) {
    const step = pending.find((s) => s.tag === d.tag && s.line === d.line);
    if (step) destroying.add(step);
    doomed.add(d.className);
  }
  let firstDestroying = -1;
  pending.forEach((step, index) => {
    if (!destroying.has(step)) return;
    if (firstDestroying < 0) firstDestroying = index;
    mixedStep2(at, step);
  });
  return { doomed, found: destroyed(list, countOf(at.live)), firstDestroying };
}
function walkHistory(at, replayed2, pending) {
  const alive = new Set(
    [...replayed2.classes.values()].filter((c) => c.status === "live").map((c) => c.className)
  );
  const doomed = /* @__PURE__ */ new Set();
  const found = [];
  let firstDestroying = -1;
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
    if (destroys) mixedStep2(at, step);
  });
  return { doomed, found, firstDestroying };
}
function mixedStep2(at, step) {
  const deletes = step.ops.filter((op) => op.type === "delete");
  if (at.live.exists && deletes.length < step.ops.length) {
    const words = mixedStep({ tag: step.tag, deletes: deletes.map((d) => d.className) });
    at.refusals.push({ reason: "mixed-step", ...words });
  }
}
function finish(at, partial, doomedClasses) {
  const { live, name, refusals } = at;
  const doomedSet = new Set(doomedClasses);
  const blockingBindings = live.bindingsToThisWorker.filter((b) => doomedSet.has(b.className));
  const exportsModel = partial.model === "exports";
  for (const className of doomedClasses) {
    const localBound = at.worker.bindings.filter(
      (b) => b.className === className && (b.scriptName === null || b.scriptName === name)
    );
    for (const binding of localBound) refusals.push(stillBound(className, binding, exportsModel));
  }
  for (const b of blockingBindings.filter((b2) => b2.worker !== name)) {
    const words = otherWorkerBinds({
      holder: b.worker,
      className: b.className,
      worker: name,
      binding: b.binding,
      exportsModel
    });
    refusals.push({ reason: "other-worker-binds", ...words });
  }
  return {
    ...partial,
    deployed: live.exists,
    destroys: live.exists ? partial.destroys ?? [] : [],
    rejected: partial.rejected ?? null,
    tombstones: partial.tombstones ?? [],
    doomed: doomedClasses,
    blockingBindings,
    next: nextStep(partial, doomedClasses, blockingBindings, at),
    refusals
  };
}
function nextStep(partial, doomedClasses, blockingBindings, at) {
  if (doomedClasses.length === 0) {
    return partial.model === "migrations" && partial.pendingTags.length === 0 && at.live.exists ? "none" : "deploy";
  }
  const ownBindingsFirst = partial.model !== "exports" && blockingBindings.some((b) => b.worker === at.name);
  return ownBindingsFirst ? "1" : "2";
}
function destroyed(list, countOf2) {
  return list.map((d) => ({
    className: d.className,
    origin: d.origin,
    tag: d.tag,
    objects: countOf2(d.origin)
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
  const words = configStillBinds({ className, binding: binding.name, line: binding.line, exportsModel });
  return { reason: "config-still-binds", ...words };
}
function checkConfirmation(plan, confirmed) {
  const wanted = [...plan.doomed].sort();
  const given = [...new Set(confirmed.map((c) => c.trim()).filter(Boolean))].sort();
  if (given.length === 0) {
    return { reason: "confirmation-missing", ...confirmationMissing({ worker: plan.worker, wanted }) };
  }
  if (given.join(",") !== wanted.join(",")) {
    const missing = wanted.filter((c) => !given.includes(c));
    const extra = given.filter((c) => !wanted.includes(c));
    const words = confirmationMismatch({ worker: plan.worker, wanted, missing, extra });
    return { reason: "confirmation-mismatch", ...words };
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
  noPhase1ForExports,
  phase1Landed,
  nothingToPhase,
  phase1NotLanded,
  phase2Applied,
  destructions,
  deletesOfCreated,
  possibleDestructions,
  everyTagOnce,
  replayLifecycle,
  liveClasses,
  liveClassNames,
  liveClassSet,
  planDeploy,
  checkConfirmation,
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

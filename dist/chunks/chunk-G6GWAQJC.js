import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  canonicalJson,
  envLabel,
  notDeployedAsWritten,
  q
} from "./chunk-ZOXHPDEI.js";
import {
  TomlError,
  createLineIndex,
  locateTomlPaths,
  parse,
  pathKey
} from "./chunk-K3M7ZXYA.js";

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

// src/core/analyze/history.ts
function pendingSteps(base, head) {
  const deployedTag = base[base.length - 1]?.tag ?? null;
  if (deployedTag === null) return [...head];
  const at = head.findIndex((step) => step.tag === deployedTag);
  return at < 0 ? [...head] : head.slice(at + 1);
}
var NO_CONTEXT = {
  rejected: null,
  keptAtHead: /* @__PURE__ */ new Set(),
  boundAtHead: /* @__PURE__ */ new Set(),
  repairs: /* @__PURE__ */ new Set()
};
function predictRejection(steps, boundAtBase, exportedAtBase = null) {
  const last = steps.length - 1;
  const liveAtEnd = new Set(exportedAtBase ? liveAfter(steps) : []);
  const live = /* @__PURE__ */ new Set();
  for (const [index, step] of steps.entries()) {
    for (const op of step.ops) {
      const inTail = index === last || index === last - 1 && op.type === "delete" && steps[last].ops.some((o) => o.type === "create" && o.className === op.className);
      const at = { index, tag: step.tag };
      switch (op.type) {
        case "create":
          if (inTail && live.has(op.className)) {
            return {
              ...at,
              code: "10074",
              cause: "create-existing",
              reason: `it creates ${q(op.className)}, which already exists`
            };
          }
          if ((index === last || live.size > 0 && liveAtEnd.has(op.className)) && exportedAtBase && !exportedAtBase.has(op.className) && [...live].every((name) => exportedAtBase.has(name))) {
            return {
              ...at,
              code: "10070",
              cause: "not-exported",
              reason: `it creates ${q(op.className)}, which the base revision's code does not export`
            };
          }
          live.add(op.className);
          break;
        case "transfer-in":
          live.add(op.className);
          break;
        case "delete": {
          const binding = boundAtBase.get(op.className);
          if (inTail && binding !== void 0) {
            return {
              ...at,
              code: "10061",
              cause: "still-bound",
              reason: `binding ${q(binding)} still points at ${q(op.className)}, which it deletes`
            };
          }
          const moved = index === last && live.has(op.className) ? repointedTo(step, boundAtBase) : null;
          if (moved) {
            return {
              ...at,
              code: "10061",
              cause: "repointed",
              reason: `it deletes ${q(op.className)} and creates ${q(moved.className)}, which binding ${q(moved.binding)} points at: when that binding moved to it in the same deploy, the live binding still pointed at ${q(op.className)}`
            };
          }
          live.delete(op.className);
          break;
        }
        case "transfer-out":
          live.delete(op.className);
          break;
        case "rename":
          if (inTail && live.has(op.to)) {
            return {
              ...at,
              code: null,
              cause: "rename-onto-existing",
              reason: `it renames a class onto ${q(op.to)}, which already exists`
            };
          }
          live.delete(op.from);
          live.add(op.to);
          break;
      }
    }
  }
  return null;
}
function repointedTo(step, boundAtBase) {
  for (const op of step.ops) {
    if (op.type !== "create") continue;
    const binding = boundAtBase.get(op.className);
    if (binding !== void 0) return { className: op.className, binding };
  }
  return null;
}
function compareHistories(env, base, head, context = NO_CONTEXT) {
  const drafts = [];
  if (base === head) return drafts;
  const firstByTag = (steps) => {
    const map = /* @__PURE__ */ new Map();
    for (const step of steps) if (step.tag !== null && !map.has(step.tag)) map.set(step.tag, step);
    return map;
  };
  const baseTags = firstByTag(base);
  const headTags = firstByTag(head);
  const { rejected } = context;
  const lastAppliable = rejected ? rejected.index - 1 : base.length - 1;
  const deployedTag = base[lastAppliable]?.tag ?? null;
  const neverApplied = (step) => rejected !== null && step.index >= rejected.index;
  const where = envLabel(env);
  const notApplied = (tag) => `It most likely never reached a Worker: at the base revision the deploy of ${q(rejected?.tag ?? tag)} is rejected${rejected?.code ? ` with code ${rejected.code}` : ""} (${rejected?.reason}), so deployed Workers are ${deployedTag ? `still at ${q(deployedTag)}` : "without these migrations"}`;
  const liveAtBaseEnd = liveAfter(base);
  const abandoned = (steps) => liveAtBaseEnd.filter(
    (name) => !context.keptAtHead.has(name) && steps.some((s) => classesOf(s.ops).includes(name))
  );
  const stillThere = (names, tags) => names.length === 0 ? "" : `If ${tags} reached a Worker, its ${names.length === 1 ? "namespace" : "namespaces"} of ${names.map(q).join(", ")} still ${names.length === 1 ? "exists" : "exist"} there (removing a migration deletes nothing), and the class is gone from the config: the next deploy fails with code 10064 unless the code still exports ${names.length === 1 ? "it" : "them"}. `;
  const retireFix = (names) => names.length === 0 ? "" : ` To retire ${names.map(q).join(", ")}, keep the history and delete the ${names.length === 1 ? "class" : "classes"} with a new step in two deploys (bindings removed first, class still exported).`;
  const editedText = (step, now) => {
    const tag = q(step.tag);
    if (neverApplied(step)) {
      return {
        severity: "warning",
        message: `Migration ${tag} in ${where} was edited. ${notApplied(step.tag)} and receive the edited step. If ${tag} did reach a Worker, the edit is silently ignored there.`,
        fix: "Nothing to do if it never deployed; the live migration tag of each Worker settles it."
      };
    }
    if (step.tag !== null && context.repairs.has(step.tag)) {
      return {
        severity: "warning",
        message: `Migration ${tag} in ${where} was edited to create what a later step of the history renames or deletes, which wrangler's local replay (4.131 and later) rejects at the base revision: fresh Workers now replay the history cleanly. A Worker that already has ${tag} ignores the edit, which is right if it already has those classes.`,
        fix: `Check that deployed Workers already have the classes ${tag} now creates; otherwise append a new step instead of editing ${tag}.`
      };
    }
    const creates = (ops) => new Set(ops.flatMap((op) => op.type === "create" ? [op.className] : []));
    const [had, has] = [creates(step.ops), creates(now.ops)];
    const added = [...has].filter((c) => !had.has(c));
    const dropped = [...had].filter((c) => !has.has(c));
    const bound = added.filter((c) => context.boundAtHead.has(c));
    const there = [
      added.length > 0 ? `${added.map(q).join(", ")} ${added.length === 1 ? "is" : "are"} never created there${bound.length > 0 ? `, so the deploy fails with code 10061 for the binding to ${bound.map(q).join(", ")}` : ""}` : "",
      dropped.length > 0 ? `${dropped.map(q).join(", ")} stay${dropped.length === 1 ? "s" : ""} created there` : ""
    ].filter(Boolean);
    return {
      message: `Migration ${tag} in ${where} was edited. If ${tag} reached a Worker (it is in the base revision's history), that Worker silently ignores the edit${there.length > 0 ? ` (${there.join("; ")})` : ""}, while a fresh Worker (new env, preview, renamed Worker) gets the edited history: the two end up different.`,
      fix: `Restore ${tag} as it was and append a new migration with a new tag for the change. If ${tag} never deployed anywhere, the edit is harmless: the live migration tag of each Worker settles it.`
    };
  };
  if (head.length === 0 && base.length > 0) {
    const gone = abandoned(base);
    const tags = [...baseTags.keys()].map(q).join(", ");
    drafts.push({
      kind: "history-removed",
      env,
      line: null,
      tag: deployedTag ?? base[base.length - 1]?.tag ?? null,
      classes: classesOf(base.flatMap((s) => s.ops)),
      message: `Every migration (${tags}) was removed from ${where}. ${stillThere(gone, base.length === 1 ? tags : "they")}wrangler now sends no migrations: a Worker that has them keeps its classes and objects, but a fresh Worker (new env, preview, renamed Worker) gets no classes at all, and its bindings fail with code 10061.`,
      fix: `Restore the migrations exactly as they were: they are append-only, so undo a step with a new step.${retireFix(gone)}`
    });
    return drafts;
  }
  for (const [tag, step] of baseTags) {
    const now = headTags.get(tag);
    if (!now) {
      const retagged = head.find(
        (s) => s.canonical === step.canonical && s.tag !== null && !baseTags.has(s.tag)
      );
      const again = retagged ? ` (its content is back as ${q(retagged.tag)}, under a new tag)` : "";
      if (neverApplied(step)) {
        drafts.push({
          kind: "history-removed",
          env,
          line: null,
          tag,
          classes: classesOf(step.ops),
          severity: "warning",
          message: `Migration ${q(tag)} was removed from ${where}${again}. ${notApplied(tag)}, and removing it is how to withdraw it. If it did reach a Worker, its tag is missing from the config and wrangler sends every step again (code 10074 for classes that exist).`,
          fix: "Nothing to do if it never deployed; the live migration tag of each Worker settles it."
        });
        continue;
      }
      const gone = abandoned([step]);
      const replay = tag === deployedTag;
      drafts.push({
        kind: "history-removed",
        env,
        line: null,
        tag,
        classes: classesOf(step.ops),
        message: replay ? `Migration ${q(tag)} was removed from ${where}${again}. It is the last one at the base revision, so ${q(tag)} is the tag a Worker deployed from there has: wrangler will warn that it is missing from the config and send EVERY step again, and creating classes that already exist fails with code 10074. ${stillThere(gone, q(tag))}`.trimEnd() : `Migration ${q(tag)} was removed from ${where}. ${gone.length > 0 ? stillThere(gone, q(tag)) : "If it reached a Worker, nothing is undone there; "}${gone.length > 0 ? "A" : "a"} fresh Worker (new env, preview, renamed Worker) replays the shortened history and ends up different.`,
        fix: `Restore migration ${q(tag)} exactly as it was. Migrations are append-only: undo a step with a new step.${retireFix(gone)}`
      });
      continue;
    }
    if (now.canonical !== step.canonical) {
      drafts.push({
        kind: "history-edited",
        env,
        line: now.line,
        tag,
        classes: classesOf([...step.ops, ...now.ops]),
        ...editedText(step, now)
      });
    }
  }
  const order = (steps, keep) => steps.flatMap((s) => s.tag !== null && keep(s.tag) ? [s.tag] : []);
  const common = [...new Set(order(base, (t) => headTags.has(t)))];
  const commonInHead = order(head, (t) => baseTags.has(t));
  if (common.join("\0") !== [...new Set(commonInHead)].join("\0")) {
    drafts.push({
      kind: "history-reordered",
      env,
      line: head[0]?.line ?? null,
      message: `Migrations in ${where} were reordered (${common.map(q).join(", ")} is now ${[...new Set(commonInHead)].map(q).join(", ")}). wrangler finds the deployed tag by position, so it skips or repeats steps.`,
      fix: "Restore the original order; append new steps at the end."
    });
  }
  if (deployedTag !== null) {
    const deployedAt = head.findIndex((s) => s.tag === deployedTag);
    for (const step of head.slice(0, Math.max(deployedAt, 0))) {
      if (step.tag === null || baseTags.has(step.tag)) continue;
      drafts.push({
        kind: "history-reordered",
        env,
        line: step.line,
        tag: step.tag,
        classes: classesOf(step.ops),
        message: `New migration ${q(step.tag)} in ${where} was inserted before ${q(deployedTag)}, which deployed Workers already have: wrangler only sends the steps after the deployed tag, so they never run it.`,
        fix: `Move ${q(step.tag)} to the end of the list.`
      });
    }
  }
  const duplicates = (steps) => {
    const seen = /* @__PURE__ */ new Map();
    for (const step of steps) if (step.tag !== null) seen.set(step.tag, (seen.get(step.tag) ?? 0) + 1);
    return seen;
  };
  const baseDup = duplicates(base);
  for (const [tag, count] of duplicates(head)) {
    if (count < 2 || (baseDup.get(tag) ?? 0) >= count) continue;
    const copies = head.filter((s) => s.tag === tag);
    drafts.push({
      kind: "duplicate-tag",
      env,
      line: copies[1]?.line ?? null,
      tag,
      classes: classesOf(copies.flatMap((s) => s.ops)),
      message: `Tag ${q(tag)} appears ${count} times in ${where}. wrangler does not check: it matches the first copy, so every later deploy re-sends the steps after it.`,
      fix: "Give every migration a unique tag."
    });
  }
  return drafts;
}
function liveAfter(steps) {
  return [...liveClasses(replayLifecycle({ model: "migrations", steps, inherited: false }).classes)];
}
function classesOf(ops) {
  const names = ops.flatMap((op) => op.type === "rename" ? [op.from, op.to] : [op.className]);
  return [...new Set(names)];
}

// src/core/analyze/lineage.ts
function pendingDestructions(base, head, liveAtBase) {
  if (base.model !== "migrations" || head.model !== "migrations") return null;
  const deployedTag = base.steps[base.steps.length - 1]?.tag ?? null;
  if (deployedTag !== null && !head.steps.some((step) => step.tag === deployedTag)) return null;
  return destructions(liveAtBase, pendingSteps(base.steps, head.steps));
}
function destructions(liveAtBase, steps) {
  const holds = /* @__PURE__ */ new Map();
  for (const name of liveAtBase) holds.set(name, name);
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
function editedStepDestructions(base, head) {
  if (base.model !== "migrations" || head.model !== "migrations") return [];
  const [was, now] = [base.steps, head.steps];
  const lastTag = was[was.length - 1]?.tag ?? null;
  const lastAt = now.findIndex((step) => step.tag === lastTag);
  if (lastTag === null || lastAt < 0) return [];
  const headByTag = /* @__PURE__ */ new Map();
  for (const step of now) if (step.tag !== null && !headByTag.has(step.tag)) headByTag.set(step.tag, step);
  const isEdited = (step) => {
    const edited = step.tag === null ? void 0 : headByTag.get(step.tag);
    return edited !== void 0 && edited.canonical !== step.canonical;
  };
  const first = was.findIndex(isEdited);
  if (first < 0) return [];
  const before = was.slice(0, first);
  const previousTag = before[before.length - 1]?.tag ?? null;
  const from = previousTag === null ? 0 : now.findIndex((step) => step.tag === previousTag) + 1;
  if (previousTag !== null && from === 0) return [];
  const live = liveAfter(before);
  const key = (d) => `${d.className}\0${d.origin}`;
  const asWritten = new Set(destructions(live, [...was.slice(first), ...now.slice(lastAt + 1)]).map(key));
  const editedTags = new Set(was.filter(isEdited).map((step) => step.tag));
  return destructions(live, now.slice(from)).filter((d) => !asWritten.has(key(d))).map((d) => ({
    ...d,
    unlessRan: d.tag !== null && editedTags.has(d.tag) ? d.tag : was[first].tag
  }));
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
        phase1Unbound: doomed2
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
  const liveAfter2 = (upTo) => [...replaySteps(steps.slice(0, upTo)).classes.values()].filter((c) => c.status === "live").map((c) => c.className);
  const phase1Classes = liveAfter2(appliedCount);
  const atPhase1 = new Set(phase1Classes);
  const createdLater = liveAfter2(steps.length).filter((c) => !atPhase1.has(c));
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
    for (const className of doomedClasses) {
      for (const binding of localBound(className)) refusals.push(stillBound(className, binding));
    }
    for (const b of blockingBindings.filter((b2) => b2.worker !== name)) {
      refusals.push({
        reason: "other-worker-binds",
        message: `Worker ${b.worker} still binds ${b.className} of ${name} (binding ${b.binding}): the delete is rejected (code 10061) until it is gone.`,
        fix: `Deploy ${b.worker} without binding ${b.binding} first, then re-run.`
      });
    }
    const next = doomedClasses.length === 0 ? partial.model === "migrations" && partial.pendingTags.length === 0 && live.exists ? "none" : "deploy" : blockingBindings.some((b) => b.worker === name) ? "1" : "2";
    return {
      ...partial,
      deployed: live.exists,
      destroys: live.exists ? partial.destroys ?? [] : [],
      rejected: partial.rejected ?? null,
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
function stillBound(className, binding) {
  return {
    reason: "config-still-binds",
    message: `The config deletes ${className} but binding ${binding.name} still points at it${binding.line ? ` (line ${binding.line})` : ""}: phase 2 would fail with code 10061.`,
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
    rejected: plan.rejected
  };
}

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};
var supportedEols = ["\n", "\r", "\r\n"];

// node_modules/jsonc-parser/lib/esm/impl/format.js
function format(documentText, range, options) {
  let initialIndentLevel;
  let formatText;
  let formatTextStart;
  let rangeStart;
  let rangeEnd;
  if (range) {
    rangeStart = range.offset;
    rangeEnd = rangeStart + range.length;
    formatTextStart = rangeStart;
    while (formatTextStart > 0 && !isEOL(documentText, formatTextStart - 1)) {
      formatTextStart--;
    }
    let endOffset = rangeEnd;
    while (endOffset < documentText.length && !isEOL(documentText, endOffset)) {
      endOffset++;
    }
    formatText = documentText.substring(formatTextStart, endOffset);
    initialIndentLevel = computeIndentLevel(formatText, options);
  } else {
    formatText = documentText;
    initialIndentLevel = 0;
    formatTextStart = 0;
    rangeStart = 0;
    rangeEnd = documentText.length;
  }
  const eol = getEOL(options, documentText);
  const eolFastPathSupported = supportedEols.includes(eol);
  let numberLineBreaks = 0;
  let indentLevel = 0;
  let indentValue;
  if (options.insertSpaces) {
    indentValue = cachedSpaces[options.tabSize || 4] ?? repeat(cachedSpaces[1], options.tabSize || 4);
  } else {
    indentValue = "	";
  }
  const indentType = indentValue === "	" ? "	" : " ";
  let scanner = createScanner(formatText, false);
  let hasError = false;
  function newLinesAndIndent() {
    if (numberLineBreaks > 1) {
      return repeat(eol, numberLineBreaks) + repeat(indentValue, initialIndentLevel + indentLevel);
    }
    const amountOfSpaces = indentValue.length * (initialIndentLevel + indentLevel);
    if (!eolFastPathSupported || amountOfSpaces > cachedBreakLinesWithSpaces[indentType][eol].length) {
      return eol + repeat(indentValue, initialIndentLevel + indentLevel);
    }
    if (amountOfSpaces <= 0) {
      return eol;
    }
    return cachedBreakLinesWithSpaces[indentType][eol][amountOfSpaces];
  }
  function scanNext() {
    let token = scanner.scan();
    numberLineBreaks = 0;
    while (token === 15 || token === 14) {
      if (token === 14 && options.keepLines) {
        numberLineBreaks += 1;
      } else if (token === 14) {
        numberLineBreaks = 1;
      }
      token = scanner.scan();
    }
    hasError = token === 16 || scanner.getTokenError() !== 0;
    return token;
  }
  const editOperations = [];
  function addEdit(text, startOffset, endOffset) {
    if (!hasError && (!range || startOffset < rangeEnd && endOffset > rangeStart) && documentText.substring(startOffset, endOffset) !== text) {
      editOperations.push({ offset: startOffset, length: endOffset - startOffset, content: text });
    }
  }
  let firstToken = scanNext();
  if (options.keepLines && numberLineBreaks > 0) {
    addEdit(repeat(eol, numberLineBreaks), 0, 0);
  }
  if (firstToken !== 17) {
    let firstTokenStart = scanner.getTokenOffset() + formatTextStart;
    let initialIndent = indentValue.length * initialIndentLevel < 20 && options.insertSpaces ? cachedSpaces[indentValue.length * initialIndentLevel] : repeat(indentValue, initialIndentLevel);
    addEdit(initialIndent, formatTextStart, firstTokenStart);
  }
  while (firstToken !== 17) {
    let firstTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength() + formatTextStart;
    let secondToken = scanNext();
    let replaceContent = "";
    let needsLineBreak = false;
    while (numberLineBreaks === 0 && (secondToken === 12 || secondToken === 13)) {
      let commentTokenStart = scanner.getTokenOffset() + formatTextStart;
      addEdit(cachedSpaces[1], firstTokenEnd, commentTokenStart);
      firstTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength() + formatTextStart;
      needsLineBreak = secondToken === 12;
      replaceContent = needsLineBreak ? newLinesAndIndent() : "";
      secondToken = scanNext();
    }
    if (secondToken === 2) {
      if (firstToken !== 1) {
        indentLevel--;
      }
      ;
      if (options.keepLines && numberLineBreaks > 0 || !options.keepLines && firstToken !== 1) {
        replaceContent = newLinesAndIndent();
      } else if (options.keepLines) {
        replaceContent = cachedSpaces[1];
      }
    } else if (secondToken === 4) {
      if (firstToken !== 3) {
        indentLevel--;
      }
      ;
      if (options.keepLines && numberLineBreaks > 0 || !options.keepLines && firstToken !== 3) {
        replaceContent = newLinesAndIndent();
      } else if (options.keepLines) {
        replaceContent = cachedSpaces[1];
      }
    } else {
      switch (firstToken) {
        case 3:
        case 1:
          indentLevel++;
          if (options.keepLines && numberLineBreaks > 0 || !options.keepLines) {
            replaceContent = newLinesAndIndent();
          } else {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 5:
          if (options.keepLines && numberLineBreaks > 0 || !options.keepLines) {
            replaceContent = newLinesAndIndent();
          } else {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 12:
          replaceContent = newLinesAndIndent();
          break;
        case 13:
          if (numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (!needsLineBreak) {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 6:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (!needsLineBreak) {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 10:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (secondToken === 6 && !needsLineBreak) {
            replaceContent = "";
          }
          break;
        case 7:
        case 8:
        case 9:
        case 11:
        case 2:
        case 4:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else {
            if ((secondToken === 12 || secondToken === 13) && !needsLineBreak) {
              replaceContent = cachedSpaces[1];
            } else if (secondToken !== 5 && secondToken !== 17) {
              hasError = true;
            }
          }
          break;
        case 16:
          hasError = true;
          break;
      }
      if (numberLineBreaks > 0 && (secondToken === 12 || secondToken === 13)) {
        replaceContent = newLinesAndIndent();
      }
    }
    if (secondToken === 17) {
      if (options.keepLines && numberLineBreaks > 0) {
        replaceContent = newLinesAndIndent();
      } else {
        replaceContent = options.insertFinalNewline ? eol : "";
      }
    }
    const secondTokenStart = scanner.getTokenOffset() + formatTextStart;
    addEdit(replaceContent, firstTokenEnd, secondTokenStart);
    firstToken = secondToken;
  }
  return editOperations;
}
function repeat(s, count) {
  let result = "";
  for (let i = 0; i < count; i++) {
    result += s;
  }
  return result;
}
function computeIndentLevel(content, options) {
  let i = 0;
  let nChars = 0;
  const tabSize = options.tabSize || 4;
  while (i < content.length) {
    let ch = content.charAt(i);
    if (ch === cachedSpaces[1]) {
      nChars++;
    } else if (ch === "	") {
      nChars += tabSize;
    } else {
      break;
    }
    i++;
  }
  return Math.floor(nChars / tabSize);
}
function getEOL(options, text) {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "\r") {
      if (i + 1 < text.length && text.charAt(i + 1) === "\n") {
        return "\r\n";
      }
      return "\r";
    } else if (ch === "\n") {
      return "\n";
    }
  }
  return options && options.eol || "\n";
}
function isEOL(text, offset) {
  return "\r\n".indexOf(text.charAt(offset)) !== -1;
}

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parseTree(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset, length) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset, length, parent: currentParent });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(offset + length);
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onArrayBegin: (offset, length) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
      ensurePropertyComplete(offset + length);
    },
    onSeparator: (sep, offset, length) => {
      if (currentParent.type === "property") {
        if (sep === ":") {
          currentParent.colonOffset = offset;
        } else if (sep === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function findNodeAtLocation(root, path) {
  if (!root) {
    return void 0;
  }
  let node = root;
  for (let segment of path) {
    if (typeof segment === "string") {
      if (node.type !== "object" || !Array.isArray(node.children)) {
        return void 0;
      }
      let found = false;
      for (const propertyNode of node.children) {
        if (Array.isArray(propertyNode.children) && propertyNode.children[0].value === segment && propertyNode.children.length === 2) {
          node = propertyNode.children[1];
          found = true;
          break;
        }
      }
      if (!found) {
        return void 0;
      }
    } else {
      const index = segment;
      if (node.type !== "array" || index < 0 || !Array.isArray(node.children) || index >= node.children.length) {
        return void 0;
      }
      node = node.children[index];
    }
  }
  return node;
}
function getNodeValue(node) {
  switch (node.type) {
    case "array":
      return node.children.map(getNodeValue);
    case "object":
      const obj = /* @__PURE__ */ Object.create(null);
      for (let prop of node.children) {
        const valueNode = prop.children[1];
        if (valueNode) {
          obj[prop.children[0].value] = getNodeValue(valueNode);
        }
      }
      return obj;
    case "null":
    case "string":
    case "number":
    case "boolean":
      return node.value;
    default:
      return void 0;
  }
}
function visit(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}

// node_modules/jsonc-parser/lib/esm/impl/edit.js
function setProperty(text, originalPath, value, options) {
  const path = originalPath.slice();
  const errors = [];
  const root = parseTree(text, errors);
  let parent = void 0;
  let lastSegment = void 0;
  while (path.length > 0) {
    lastSegment = path.pop();
    parent = findNodeAtLocation(root, path);
    if (parent === void 0 && value !== void 0) {
      if (typeof lastSegment === "string") {
        value = { [lastSegment]: value };
      } else {
        value = [value];
      }
    } else {
      break;
    }
  }
  if (!parent) {
    if (value === void 0) {
      throw new Error("Can not delete in empty document");
    }
    return withFormatting(text, { offset: root ? root.offset : 0, length: root ? root.length : 0, content: JSON.stringify(value) }, options);
  } else if (parent.type === "object" && typeof lastSegment === "string" && Array.isArray(parent.children)) {
    const existing = findNodeAtLocation(parent, [lastSegment]);
    if (existing !== void 0) {
      if (value === void 0) {
        if (!existing.parent) {
          throw new Error("Malformed AST");
        }
        const propertyIndex = parent.children.indexOf(existing.parent);
        let removeBegin;
        let removeEnd = existing.parent.offset + existing.parent.length;
        if (propertyIndex > 0) {
          let previous = parent.children[propertyIndex - 1];
          removeBegin = previous.offset + previous.length;
        } else {
          removeBegin = parent.offset + 1;
          if (parent.children.length > 1) {
            let next = parent.children[1];
            removeEnd = next.offset;
          }
        }
        return withFormatting(text, { offset: removeBegin, length: removeEnd - removeBegin, content: "" }, options);
      } else {
        return withFormatting(text, { offset: existing.offset, length: existing.length, content: JSON.stringify(value) }, options);
      }
    } else {
      if (value === void 0) {
        return [];
      }
      const newProperty = `${JSON.stringify(lastSegment)}: ${JSON.stringify(value)}`;
      const index = options.getInsertionIndex ? options.getInsertionIndex(parent.children.map((p) => p.children[0].value)) : parent.children.length;
      let edit;
      if (index > 0) {
        let previous = parent.children[index - 1];
        edit = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      } else if (parent.children.length === 0) {
        edit = { offset: parent.offset + 1, length: 0, content: newProperty };
      } else {
        edit = { offset: parent.offset + 1, length: 0, content: newProperty + "," };
      }
      return withFormatting(text, edit, options);
    }
  } else if (parent.type === "array" && typeof lastSegment === "number" && Array.isArray(parent.children)) {
    const insertIndex = lastSegment;
    if (insertIndex === -1) {
      const newProperty = `${JSON.stringify(value)}`;
      let edit;
      if (parent.children.length === 0) {
        edit = { offset: parent.offset + 1, length: 0, content: newProperty };
      } else {
        const previous = parent.children[parent.children.length - 1];
        edit = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      }
      return withFormatting(text, edit, options);
    } else if (value === void 0 && parent.children.length >= 0) {
      const removalIndex = lastSegment;
      const toRemove = parent.children[removalIndex];
      let edit;
      if (parent.children.length === 1) {
        edit = { offset: parent.offset + 1, length: parent.length - 2, content: "" };
      } else if (parent.children.length - 1 === removalIndex) {
        let previous = parent.children[removalIndex - 1];
        let offset = previous.offset + previous.length;
        let parentEndOffset = parent.offset + parent.length;
        edit = { offset, length: parentEndOffset - 2 - offset, content: "" };
      } else {
        edit = { offset: toRemove.offset, length: parent.children[removalIndex + 1].offset - toRemove.offset, content: "" };
      }
      return withFormatting(text, edit, options);
    } else if (value !== void 0) {
      let edit;
      const newProperty = `${JSON.stringify(value)}`;
      if (!options.isArrayInsertion && parent.children.length > lastSegment) {
        const toModify = parent.children[lastSegment];
        edit = { offset: toModify.offset, length: toModify.length, content: newProperty };
      } else if (parent.children.length === 0 || lastSegment === 0) {
        edit = { offset: parent.offset + 1, length: 0, content: parent.children.length === 0 ? newProperty : newProperty + "," };
      } else {
        const index = lastSegment > parent.children.length ? parent.children.length : lastSegment;
        const previous = parent.children[index - 1];
        edit = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      }
      return withFormatting(text, edit, options);
    } else {
      throw new Error(`Can not ${value === void 0 ? "remove" : options.isArrayInsertion ? "insert" : "modify"} Array index ${insertIndex} as length is not sufficient`);
    }
  } else {
    throw new Error(`Can not add ${typeof lastSegment !== "number" ? "index" : "property"} to parent of type ${parent.type}`);
  }
}
function withFormatting(text, edit, options) {
  if (!options.formattingOptions) {
    return [edit];
  }
  let newText = applyEdit(text, edit);
  let begin = edit.offset;
  let end = edit.offset + edit.content.length;
  if (edit.length === 0 || edit.content.length === 0) {
    while (begin > 0 && !isEOL(newText, begin - 1)) {
      begin--;
    }
    while (end < newText.length && !isEOL(newText, end)) {
      end++;
    }
  }
  const edits = format(newText, { offset: begin, length: end - begin }, { ...options.formattingOptions, keepLines: false });
  for (let i = edits.length - 1; i >= 0; i--) {
    const edit2 = edits[i];
    newText = applyEdit(newText, edit2);
    begin = Math.min(begin, edit2.offset);
    end = Math.max(end, edit2.offset + edit2.length);
    end += edit2.content.length - edit2.length;
  }
  const editLength = text.length - (newText.length - end) - begin;
  return [{ offset: begin, length: editLength, content: newText.substring(begin, end) }];
}
function applyEdit(text, edit) {
  return text.substring(0, edit.offset) + edit.content + text.substring(edit.offset + edit.length);
}

// node_modules/jsonc-parser/lib/esm/main.js
var createScanner2 = createScanner;
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parseTree2 = parseTree;
var findNodeAtLocation2 = findNodeAtLocation;
var getNodeValue2 = getNodeValue;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function modify(text, path, value, options) {
  return setProperty(text, path, value, options);
}
function applyEdits(text, edits) {
  let sortedEdits = edits.slice(0).sort((a, b) => {
    const diff = a.offset - b.offset;
    if (diff === 0) {
      return a.length - b.length;
    }
    return diff;
  });
  let lastModifiedOffset = text.length;
  for (let i = sortedEdits.length - 1; i >= 0; i--) {
    let e = sortedEdits[i];
    if (e.offset + e.length <= lastModifiedOffset) {
      text = applyEdit(text, e);
    } else {
      throw new Error("Overlapping edit");
    }
    lastModifiedOffset = e.offset;
  }
  return text;
}

// src/core/config/jsonc-syntax.ts
var OPEN_BRACE = 1;
var CLOSE_BRACE = 2;
var OPEN_BRACKET = 3;
var CLOSE_BRACKET = 4;
var LINE_COMMENT = 12;
var BLOCK_COMMENT = 13;
var LINE_BREAK = 14;
var WHITESPACE = 15;
var EOF = 17;

// src/core/config/parse.ts
function configFormat(file) {
  return /\.toml$/i.test(file) ? "toml" : "jsonc";
}
var MAX_CONFIG_LENGTH = 1024 * 1024;
var MAX_CONFIG_DEPTH = 1e3;
function parseConfigText(file, rawText) {
  const text = rawText.charCodeAt(0) === 65279 ? rawText.slice(1) : rawText;
  const format2 = configFormat(file);
  if (text.length > MAX_CONFIG_LENGTH) {
    return overLimit(
      file,
      format2,
      `the file is ${mebibytes(text.length)}, over the ${mebibytes(MAX_CONFIG_LENGTH)} this check reads (real wrangler configs are a few KB)`,
      1
    );
  }
  if (format2 === "toml" && text.includes("\0")) {
    const at = createLineIndex(text).position(text.indexOf("\0"));
    return {
      ok: false,
      file,
      format: format2,
      message: "the file contains NUL bytes: it is not a text config",
      line: at.line,
      column: at.column
    };
  }
  try {
    return format2 === "toml" ? parseTomlConfig(file, text) : parseJsoncConfig(file, text);
  } catch (error) {
    if (error instanceof RangeError)
      return overLimit(file, format2, "the file is too deeply nested to read", null);
    return { ok: false, file, format: format2, message: describeUnexpected(error), line: null, column: null };
  }
}
function overLimit(file, format2, message, line) {
  return { ok: false, file, format: format2, message, line, column: null, overLimit: true };
}
function mebibytes(length) {
  const mib = length / (1024 * 1024);
  return `${mib >= 10 ? Math.round(mib) : Number(mib.toFixed(1))} MiB`;
}
function parseTomlConfig(file, text) {
  let value;
  try {
    value = parse(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const firstLine = String(error.message).split("\n")[0] ?? "invalid TOML";
      const tooDeep = /excessively nested/.test(firstLine);
      return {
        ok: false,
        file,
        format: "toml",
        message: firstLine,
        line: error.line,
        column: error.column,
        ...tooDeep ? { overLimit: true } : {}
      };
    }
    return { ok: false, file, format: "toml", message: describeUnexpected(error), line: null, column: null };
  }
  const lines = locateTomlPaths(text);
  return {
    ok: true,
    file,
    format: "toml",
    value,
    locate: (path) => locateWithFallback(path, (p) => lines.get(pathKey(p)))
  };
}
var JSONC_ERRORS = {
  1: "invalid symbol",
  2: "invalid number format",
  3: "property name expected",
  4: "value expected",
  5: "colon expected",
  6: "comma expected",
  7: "closing brace expected",
  8: "closing bracket expected",
  9: "end of file expected",
  10: "invalid comment token",
  11: "unexpected end of comment",
  12: "unexpected end of string",
  13: "unexpected end of number",
  14: "invalid unicode",
  15: "invalid escape character",
  16: "invalid character"
};
function parseJsoncConfig(file, text) {
  const index = createLineIndex(text);
  const tooDeep = deeperThan(text, MAX_CONFIG_DEPTH);
  if (tooDeep !== null) {
    const at = index.position(tooDeep);
    return {
      ok: false,
      file,
      format: "jsonc",
      message: `arrays and objects are nested more than ${MAX_CONFIG_DEPTH} levels deep, more than this check reads`,
      line: at.line,
      column: at.column,
      overLimit: true
    };
  }
  const errors = [];
  const tree = parseTree2(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first || !tree) {
    const at = index.position(first?.offset ?? 0);
    const message = first ? JSONC_ERRORS[first.error] ?? "syntax error" : "empty file";
    return { ok: false, file, format: "jsonc", message, line: at.line, column: at.column };
  }
  if (tree.type !== "object") {
    return {
      ok: false,
      file,
      format: "jsonc",
      message: "the top level is not an object",
      line: 1,
      column: 1
    };
  }
  const root = tree;
  return {
    ok: true,
    file,
    format: "jsonc",
    value: getNodeValue2(root),
    locate: (path) => locateWithFallback(path, (p) => {
      const node = findLastNodeAtLocation(root, p);
      const at = node?.parent?.type === "property" ? node.parent : node;
      return at ? index.position(at.offset).line : void 0;
    })
  };
}
function deeperThan(text, max) {
  const scanner = createScanner2(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      depth++;
      if (depth > max) return scanner.getTokenOffset();
    } else if ((token === CLOSE_BRACE || token === CLOSE_BRACKET) && depth > 0) {
      depth--;
    }
  }
  return null;
}
function findLastNodeAtLocation(root, path) {
  let node = root;
  for (const segment of path) {
    if (!node?.children) return void 0;
    if (typeof segment === "string") {
      if (node.type !== "object") return void 0;
      let found;
      for (const property of node.children) {
        if (property.children?.[0]?.value === segment) found = property.children[1];
      }
      node = found;
    } else {
      if (node.type !== "array") return void 0;
      node = node.children[segment];
    }
  }
  return node;
}
function locateWithFallback(path, find) {
  for (let length = path.length; length > 0; length--) {
    const line = find(path.slice(0, length));
    if (line !== void 0) return line;
  }
  return null;
}
function describeUnexpected(error) {
  return error instanceof Error ? error.message.split("\n")[0] : "the file could not be read";
}

export {
  replayLifecycle,
  liveClasses,
  pendingSteps,
  predictRejection,
  compareHistories,
  pendingDestructions,
  editedStepDestructions,
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
  plannedFromPlan,
  createScanner2 as createScanner,
  parseTree2 as parseTree,
  findNodeAtLocation2 as findNodeAtLocation,
  modify,
  applyEdits,
  LINE_COMMENT,
  BLOCK_COMMENT,
  LINE_BREAK,
  WHITESPACE,
  EOF,
  configFormat,
  MAX_CONFIG_LENGTH,
  parseConfigText,
  findLastNodeAtLocation
};

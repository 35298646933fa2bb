import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  checkedApiBaseUrl,
  createCloudflareClient,
  readLiveAccount
} from "./chunk-P2IQ3O2Z.js";
import {
  objectsText
} from "./chunk-SGWWQGAH.js";
import {
  buildReport
} from "./chunk-7NAFIRAL.js";
import {
  UsageError
} from "./chunk-X7T4KLFK.js";
import {
  accountOf,
  destroyedNamespaces,
  existsIn,
  planTargets,
  planWorkers,
  plannedWorker,
  replayLifecycle,
  repositoryWorkerNames
} from "./chunk-D4Y27HCR.js";
import {
  q
} from "./chunk-7HPZEGP4.js";
import {
  CATALOGUE,
  concernsDeployedWorker
} from "./chunk-ALQZKAXP.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";

// src/core/live/evidence.ts
var DESTROYING = /* @__PURE__ */ new Set(["class-deleted", "probable-rename"]);
function applyLiveEvidence(report, evidence) {
  let findings = [...report.findings];
  const added = [];
  const targetKey = (file, env) => `${file}\0${env ?? ""}`;
  const targeted = new Set(evidence.plans.map((p) => targetKey(p.target.file, p.target.env)));
  for (const p of evidence.plans) {
    if (p.status !== "read" || !p.plan || !p.live || p.target.name === null) continue;
    const t = p.target;
    const name = t.name;
    const plan = p.plan;
    const live = p.live;
    const mine = (f) => f.file === t.file && f.env === t.env;
    const steps = t.worker.lifecycle.model === "migrations" ? t.worker.lifecycle.steps : [];
    const stepOf = (tag) => steps.find((s) => s.tag === tag) ?? null;
    const place = {
      worker: name,
      env: t.env,
      file: t.file,
      introduced: true
    };
    const covered = /* @__PURE__ */ new Set();
    findings = findings.map((f) => {
      if (!mine(f)) return f;
      if (!plan.deployed && concernsDeployedWorker(f) && f.kind !== "worker-renamed" && f.severity !== "info") {
        return {
          ...f,
          severity: "info",
          dataLoss: false,
          message: `${q(name)} is not deployed in this account: its first deploy creates it and replays the whole history, so this does not apply to it. ${f.message}`
        };
      }
      if (f.kind === "worker-renamed" && t.base?.name && t.base.name !== name) {
        const old = existsIn(evidence.live, t.base.name, p.accountId);
        if (old === false) {
          return {
            ...f,
            severity: "info",
            message: `${q(t.base.name)} is not deployed in this account, so the rename leaves no objects behind. ${f.message}`
          };
        }
        return f;
      }
      if (DESTROYING.has(f.kind) && f.dataLoss) {
        const className = f.classes[0] ?? "";
        const d = plan.destroys.find((x) => x.className === className && (x.tag === f.tag || x.tag === null));
        if (d) {
          covered.add(d);
          return { ...f, message: `${f.message} ${blastRadius(d, name)}` };
        }
        const noNamespace = !plan.deployed || p.namespaces !== null && !p.namespaces.has(className);
        if (noNamespace) return destroysNothing(f, name, plan.deployed);
        if (plan.rejected) {
          return {
            ...f,
            message: `${f.message} Live: the next deploy of ${q(name)} is rejected before it applies anything (see ${plan.deployed ? "DO801" : "DO807"}), so nothing is destroyed until that is fixed.`
          };
        }
        return f;
      }
      if (f.kind === "delete-still-bound" || f.kind === "delete-binding-removed" || f.kind === "delete-binding-repointed")
        return settleStillBound(f, p);
      if ((f.kind === "history-edited" || f.kind === "history-removed") && plan.deployed && f.tag !== null) {
        return settleHistory(f, p);
      }
      return f;
    });
    if (plan.sendKind === "replay") {
      const baseHasIt = t.base?.lifecycle.model === "migrations" && t.base.lifecycle.steps.some((s) => s.tag === plan.liveTag);
      const destroys = plan.destroys;
      for (const d of destroys) covered.add(d);
      const outcome = plan.rejected ? ` The first step the API cannot apply is ${q(plan.rejected.tag)}: it creates ${q(plan.rejected.className)}, which already has a namespace, so the deploy is rejected (code 10074) and nothing changes.` : destroys.length > 0 ? ` The replay deletes ${destroys.map((d) => `${q(d.className)} (${countText(d.objects)})`).join(", ")}.` : "";
      added.push(
        make("live-tag-unknown", {
          ...place,
          line: steps[0]?.line ?? t.worker.envLine,
          tag: plan.liveTag,
          classes: destroys.map((d) => d.className),
          severity: destroys.length > 0 && !plan.rejected ? "critical" : "error",
          dataLoss: destroys.length > 0 && !plan.rejected,
          message: `The live migration tag of ${q(name)} is ${q(plan.liveTag)}, which ${baseHasIt ? "the base branch has but this change removes" : "this branch's migrations do not have (another branch or a preview deployed its own steps, or the history was rewritten)"}: wrangler warns and sends all ${plan.sends.length} steps again, with ${q(plan.liveTag)} as the old tag.${outcome}`,
          fix: `Find where ${q(plan.liveTag)} came from (the branch or preview that deployed it: \`git log --all -S'${safeTag(plan.liveTag)}'\`) and bring its steps into this history in the same order before deploying from this branch.`
        })
      );
    }
    if (!plan.deployed && plan.rejected?.reason === "delete-first-deploy") {
      const step = stepOf(plan.rejected.tag);
      added.push(
        make("first-deploy-rejected", {
          ...place,
          line: step?.line ?? null,
          tag: plan.rejected.tag,
          classes: [plan.rejected.className],
          message: `${q(name)} is not deployed in this account, so its first deploy sends the whole history, and migration ${q(plan.rejected.tag)} deletes ${q(plan.rejected.className)}: the API rejects a delete of a class that no previous version of the Worker exported, and a new Worker has none (code 10074). The deploy fails and nothing is created.`,
          fix: `Give ${t.env === null ? "this Worker" : `env ${q(t.env)}`} its own \`migrations\` that only create the classes it uses (a history of its own, without the delete), or deploy it first from a revision before the delete.`
        })
      );
    }
    for (const d of plan.destroys) {
      if (covered.has(d)) continue;
      findings = findings.filter(
        (f) => !(mine(f) && DESTROYING.has(f.kind) && !f.introduced && f.classes[0] === d.className)
      );
      added.push(
        make("undeployed-step", {
          ...place,
          line: stepOf(d.tag)?.line ?? t.worker.envLine,
          tag: d.tag,
          classes: [d.className],
          severity: "critical",
          dataLoss: true,
          message: d.tag === null ? `The \`exports\` tombstone for ${q(d.className)} is already on the base branch, but ${q(d.className)} still has a live namespace in ${q(name)}: the next deploy applies it and destroys every object, irreversibly. ${blastRadius(d, name)}` : `Migration ${q(d.tag)} is already on the base branch, but ${q(name)} has not deployed it (live tag ${q(plan.liveTag ?? "none")}): the next deploy sends it too, and it deletes ${q(d.className)}${d.origin === d.className ? "" : ` (the objects of ${q(d.origin)}, renamed on the way)`}, destroying every object, irreversibly. ${blastRadius(d, name)}`,
          fix: `Deploy the base branch first if that delete is wanted (two phases: \`mode: deploy\`), or revert it on the base branch; either way this change should not ship it unnoticed.`
        })
      );
    }
    const destroyingTags = new Set(plan.destroys.map((d) => d.tag));
    for (const tag of p.fromBase) {
      if (destroyingTags.has(tag)) continue;
      const step = stepOf(tag);
      if (!step) continue;
      added.push(
        make("undeployed-step", {
          ...place,
          line: step.line,
          tag,
          classes: classesOf(step.ops),
          severity: stepSeverity(step),
          message: `Migration ${q(tag)} (${describeOps(step.ops)}) is already on the base branch, but ${q(name)} has not deployed it (live tag ${q(plan.liveTag ?? "none")}): the next deploy sends it along with this change.`,
          fix: "Nothing to change if it is wanted; review it as part of this deploy (or deploy the base branch first)."
        })
      );
    }
    for (const d of plan.destroys) {
      for (const ref of live.bindingsToThisWorker) {
        if (ref.worker === name || ref.className !== d.className) continue;
        const known = findings.some(
          (f) => f.kind === "cross-worker-binding" && f.worker === ref.worker && f.classes.includes(d.className)
        );
        if (known) continue;
        const inRepo = evidence.repositoryWorkers.has(ref.worker);
        added.push(
          make("live-binding-blocks-delete", {
            ...place,
            line: stepOf(d.tag)?.line ?? t.worker.envLine,
            tag: d.tag,
            classes: [d.className],
            message: `Worker ${q(ref.worker)} ${inRepo ? "(in this repository, deployed with a binding its config no longer has)" : "(not in this repository)"} binds ${q(d.className)} of ${q(name)} live through \`script_name\` (binding ${q(ref.binding)}): Cloudflare rejects the delete (code 10061) until that binding is gone.`,
            fix: `Deploy ${q(ref.worker)} without binding ${q(ref.binding)} first, then deploy the delete (phase 2).`
          })
        );
      }
    }
    const replay = replayLifecycle(t.worker.lifecycle);
    for (const [className, ns] of p.namespaces ?? []) {
      const state = replay.classes.get(className);
      const exportsModel = t.worker.lifecycle.model === "exports";
      if (state?.status === "live" && state.storage !== null && state.storage !== ns.storage) {
        added.push(
          make("live-storage-mismatch", {
            ...place,
            line: state.line,
            tag: state.tag,
            classes: [className],
            severity: exportsModel ? "error" : "warning",
            message: exportsModel ? `${q(className)} has ${storageName(ns.storage)} storage in the live ${q(name)}, but its \`exports\` entry says ${storageName(state.storage)}: the server refuses to change a class's storage, so the deploy is rejected (code 100402).` : `${q(className)} has ${storageName(ns.storage)} storage in the live ${q(name)}, but the config's history creates it with ${storageName(state.storage)}: the deployed Worker keeps ${storageName(ns.storage)} (storage never changes in place), while a fresh Worker replaying this history gets ${storageName(state.storage)}.`,
            fix: exportsModel ? `Declare ${q(className)} with \`"storage": "${ns.storage === "kv" ? "legacy-kv" : "sqlite"}"\`, its live storage.` : `Make the history say what is live (restore the step that created ${q(className)}); to move to SQLite, create a new class and migrate the data in code.`
          })
        );
      }
      if (!state) {
        added.push(
          make("live-class-unknown", {
            ...place,
            line: steps[0]?.line ?? (t.worker.lifecycle.model === "exports" ? t.worker.lifecycle.entries[0]?.line : null) ?? t.worker.envLine,
            tag: null,
            classes: [className],
            severity: exportsModel ? "error" : "info",
            message: exportsModel ? `${q(name)} has a live namespace for ${q(className)}, which its \`exports\` map does not declare: the server refuses a map that leaves out a class with objects (code 100402).` : `${q(name)} has a live namespace for ${q(className)}, which this config's migrations never mention (created by another branch, a preview or by hand): a deploy of this config leaves it alone, and a fresh Worker replaying this history would not have it.`,
            fix: exportsModel ? `Declare ${q(className)} in \`exports\` with its storage, or mark it \`"state": "deleted"\` if its data must go.` : `Find where ${q(className)} came from; if this Worker owns it, add its step to this history.`
          })
        );
      }
    }
  }
  findings = findings.map((f) => {
    if (targeted.has(targetKey(f.file, f.env)) || f.worker === null || !concernsDeployedWorker(f) || f.severity === "info")
      return f;
    if (existsIn(evidence.live, f.worker, evidence.live.defaultAccount) !== false) return f;
    return {
      ...f,
      severity: "info",
      message: `${q(f.worker)} is not deployed in this account, so nothing is left behind. ${f.message}`
    };
  });
  const rebuilt = buildReport([...findings, ...added]);
  const notes = [...report.notes ?? [], ...liveNotes(evidence.plans)];
  return {
    ...rebuilt,
    ...notes.length > 0 ? { notes } : {},
    workers: evidence.plans.map(plannedWorker)
  };
}
function liveNotes(plans) {
  const byProblem = /* @__PURE__ */ new Map();
  for (const p of plans) {
    if (p.status !== "failed") continue;
    const key = p.problem?.message ?? "unknown";
    byProblem.set(key, [
      ...byProblem.get(key) ?? [],
      p.target.name ?? `${p.target.file}${p.target.env === null ? "" : ` env ${p.target.env}`}`
    ]);
  }
  return [...byProblem].map(([problem, workers]) => {
    const who = workers.length === 1 ? `Worker ${q(workers[0])}` : `Workers ${workers.map(q).join(", ")}`;
    return `The live state of ${who} could not be read (${problem}): ${workers.length === 1 ? "it is" : "they are"} judged from the config alone.`;
  });
}
function make(kind, fields) {
  const entry = CATALOGUE[kind];
  return {
    code: entry.code,
    kind,
    severity: fields.severity ?? entry.severity,
    dataLoss: fields.dataLoss ?? false,
    classes: fields.classes,
    worker: fields.worker,
    env: fields.env,
    file: fields.file,
    line: fields.line,
    tag: fields.tag,
    message: fields.message,
    fix: fields.fix,
    introduced: fields.introduced
  };
}
function destroysNothing(f, name, deployed) {
  const entry = CATALOGUE["delete-destroys-nothing"];
  const className = f.classes[0] ?? "";
  return {
    ...f,
    code: entry.code,
    kind: "delete-destroys-nothing",
    severity: entry.severity,
    dataLoss: false,
    message: `${q(className)} has no Durable Object namespace in ${q(name)}${deployed ? "" : ", which is not deployed in this account"}: deleting it${f.tag ? ` (migration ${q(f.tag)})` : ""} destroys nothing, so no acknowledgement is needed.`,
    fix: "Nothing to do for the data. Keep the delete only if the class is gone from the code for good."
  };
}
function settleStillBound(f, p) {
  const className = f.classes[0] ?? "";
  const name = p.target.name ?? "";
  const configBinds = p.target.worker.bindings.some((b) => b.className === className);
  if (configBinds || !p.live) return f;
  const liveRef = p.live.bindingsToThisWorker.find((r) => r.worker === name && r.className === className);
  if (liveRef) {
    return {
      ...f,
      message: `${f.message} Live: ${q(name)} binds ${q(className)} right now (binding ${q(liveRef.binding)}).`
    };
  }
  return {
    ...f,
    severity: "info",
    message: p.plan?.deployed ? `The live ${q(name)} no longer binds ${q(className)} (a deploy without the binding has landed: phase 1), so nothing live references it from ${q(name)} and the delete can apply.` : `${q(name)} is not deployed in this account, so it has no live binding to ${q(className)} that could block the delete.`,
    fix: "Nothing to do for the bindings."
  };
}
function settleHistory(f, p) {
  const name = p.target.name ?? "";
  const steps = p.target.base?.lifecycle.model === "migrations" ? p.target.base.lifecycle.steps : [];
  const stepAt = steps.findIndex((s) => s.tag === f.tag);
  const liveTag = p.plan?.liveTag ?? null;
  const liveAt = liveTag === null ? -1 : steps.findIndex((s) => s.tag === liveTag);
  if (stepAt < 0 || liveTag !== null && liveAt < 0) return f;
  if (liveAt >= stepAt) {
    return {
      ...f,
      message: `${f.message} Live: ${q(name)} is at ${q(liveTag)}, so it has run ${q(f.tag)} already.`
    };
  }
  return {
    ...f,
    severity: "info",
    message: `${q(name)} has not run ${q(f.tag)} yet (live tag ${q(liveTag ?? "none")}): ${f.kind === "history-edited" ? `its next deploy sends ${q(f.tag)} as edited, so the edit takes effect there` : `its next deploy does not send ${q(f.tag)}, so the step never runs there`}. ${f.message}`
  };
}
function blastRadius(d, worker) {
  const of = d.origin === d.className ? q(d.className) : `${q(d.origin)} (renamed to ${q(d.className)} on the way)`;
  const c = d.objects;
  if (c === null) return `Live: ${q(worker)} has a ${of} namespace; its objects were not counted.`;
  if (c.objects === 0 && !c.capped) {
    return `Live: the ${of} namespace of ${q(worker)} has no objects right now; any written before the deploy are destroyed with it.`;
  }
  return `Live: the next deploy destroys ${countText(c)} of ${of} in ${q(worker)}.`;
}
function countText(c) {
  return objectsText(c === null ? { objects: null, withData: null, capped: false } : c);
}
function stepSeverity(step) {
  if (step.ops.some((op) => op.type === "rename" || op.type === "transfer-in" || op.type === "transfer-out"))
    return "warning";
  return "info";
}
function describeOps(ops) {
  const parts = ops.map((op) => {
    switch (op.type) {
      case "create":
        return `creates ${q(op.className)}`;
      case "delete":
        return `deletes ${q(op.className)}, which has no objects`;
      case "rename":
        return `renames ${q(op.from)} to ${q(op.to)}`;
      case "transfer-in":
        return `transfers ${q(op.className)} in from ${q(op.fromScript)}`;
      default:
        return `transfers ${q(op.className)} out`;
    }
  });
  return parts.length > 0 ? parts.join(", ") : "no Durable Object operation";
}
function classesOf(ops) {
  return [...new Set(ops.flatMap((op) => op.type === "rename" ? [op.from, op.to] : [op.className]))];
}
function storageName(storage) {
  return storage === "sqlite" ? "SQLite" : storage === "kv" ? "key-value (legacy)" : "unknown";
}
function safeTag(tag) {
  return (tag ?? "").replace(/[^\w.-]/g, "");
}

// src/check/live.ts
async function addLivePlan(report, analyses, request, envs) {
  try {
    checkedApiBaseUrl(request.apiBaseUrl);
  } catch (error) {
    throw new UsageError(error.message);
  }
  const targets = planTargets(analyses, envs);
  const repositoryWorkers = repositoryWorkerNames(analyses);
  const defaultAccount = request.accountId;
  const accountIds = [
    ...new Set(targets.flatMap((t) => t.name === null ? [] : [accountOf(t.worker, defaultAccount)]))
  ].filter((id) => id !== null);
  const names = new Set(targets.flatMap((t) => t.name ? [t.name] : []));
  const binders = /* @__PURE__ */ new Set();
  for (const a of analyses) {
    for (const w of [...a.headWorkers, ...a.baseWorkers ?? []]) {
      if (w.name && w.bindings.some((b) => b.scriptName !== null && names.has(b.scriptName)))
        binders.add(w.name);
    }
  }
  const makeClient = request.client ?? ((accountId) => createCloudflareClient({
    accountId,
    token: request.token,
    ...request.apiBaseUrl ? { apiBaseUrl: request.apiBaseUrl } : {}
  }));
  const accounts = /* @__PURE__ */ new Map();
  await Promise.all(
    accountIds.map(async (accountId) => {
      const inAccount = targets.filter(
        (t) => t.name !== null && accountOf(t.worker, defaultAccount) === accountId
      );
      const account = await readLiveAccount(makeClient(accountId), {
        workers: inAccount.map((t) => t.name),
        alsoRead: [...binders],
        repositoryWorkers,
        doomed: (read) => destroyedNamespaces(inAccount, read, defaultAccount),
        ...request.objectCap !== void 0 ? { objectCap: request.objectCap } : {}
      });
      accounts.set(accountId, account);
    })
  );
  const live = { accounts, defaultAccount };
  const plans = planWorkers(targets, live);
  const changed = applyLiveEvidence(report, { plans, live, repositoryWorkers });
  const failed = plans.filter((p) => p.status === "failed").length;
  const scanNotes = [...accounts.values()].flatMap(
    (a) => a.scanned.skipped > 0 ? [
      `${a.scanned.skipped} more Workers of the account (outside this repository) were not checked for live bindings to the classes the next deploy deletes (${a.scanned.workers.length} were): Cloudflare refuses a delete while any Worker binds the class (code 10061).`
    ] : []
  );
  const notes = [...changed.notes ?? [], ...scanNotes];
  return {
    report: notes.length > 0 ? { ...changed, notes } : changed,
    live: {
      status: failed === 0 ? "read" : failed === plans.length ? "failed" : "partial",
      requests: [...accounts.values()].reduce((n, a) => n + a.requests, 0),
      planned: plans.length - failed,
      failed,
      warnings: liveNotes(plans)
    }
  };
}
export {
  addLivePlan
};

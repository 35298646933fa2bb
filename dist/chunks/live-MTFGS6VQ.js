import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  buildReport,
  workerEntryPath
} from "./chunk-Y3VKEW2Y.js";
import "./chunk-ZXZLHMUF.js";
import {
  accountLabel,
  accountOf,
  analysedWorkers,
  destroyedNamespaces,
  existsIn,
  planTargets,
  planWorkers,
  plannable,
  plannedWorker,
  removedWorkers,
  replayLifecycle,
  unknownNamespaces,
  workerNames
} from "./chunk-5OSWRORD.js";
import {
  placeDraft
} from "./chunk-PIRUEGYP.js";
import "./chunk-7ZJZNNLB.js";
import {
  CATALOGUE,
  concernsDeployedWorker,
  deleteDestroysNothing,
  destroysLive,
  firstDeployRejected,
  forUndeployedWorker,
  isConfigDelete,
  leftOutNote,
  liveBindingBlocksDelete,
  liveClassUnknown,
  liveStorageMismatch,
  liveTagUnknown,
  q,
  remarked,
  restated,
  scanSkippedNote,
  scanUnreadNote,
  undeployedDestruction,
  undeployedStep,
  unreadNote,
  worded
} from "./chunk-57KHF4P2.js";
import "./chunk-BKDYTUFB.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-FDGYIFXX.js";

// src/core/live/compose.ts
function liveFinding(kind, place, fields) {
  const { dataLoss, ...draft } = fields;
  return placeDraft(
    { kind, env: place.env, ...draft, dataLoss: dataLoss ?? false },
    { file: place.file, worker: place.worker, introduced: true, locate: () => null }
  );
}
function remarked2(finding, remark, changes = {}) {
  return remarked({ ...finding, ...changes }, remark);
}

// src/core/live/read-plan.ts
function readPlan(p) {
  if (p.status !== "read" || !p.plan || !p.live || p.target.name === null) return null;
  const t = p.target;
  const name = t.name;
  return {
    p,
    name,
    plan: p.plan,
    live: p.live,
    account: accountLabel(p.accountId),
    renamed: t.base !== null && t.base.name !== null && t.base.name !== name,
    steps: t.worker.lifecycle.model === "migrations" ? t.worker.lifecycle.steps : [],
    place: { worker: name, env: t.env, file: t.file }
  };
}
function stepOf(r, tag) {
  return r.steps.find((s) => s.tag === tag) ?? null;
}
function isMine(r, f) {
  return f.file === r.p.target.file && f.env === r.p.target.env;
}

// src/core/live/destroys.ts
function liveTagFindings(r) {
  const { plan, p } = r;
  if (plan.sendKind !== "replay") return [];
  const base = p.target.base;
  const baseHasIt = base?.lifecycle.model === "migrations" && base.lifecycle.steps.some((s) => s.tag === plan.liveTag);
  const destroys = plan.destroys;
  const loss = destroys.length > 0 && !plan.rejected;
  return [
    liveFinding("live-tag-unknown", r.place, {
      line: r.steps[0]?.line ?? p.target.worker.envLine,
      tag: plan.liveTag,
      classes: destroys.map((d) => d.className),
      severity: loss ? "critical" : "error",
      dataLoss: loss,
      ...liveTagUnknown({
        worker: r.name,
        liveTag: plan.liveTag,
        baseHasIt,
        sends: plan.sends.length,
        rejected: plan.rejected,
        destroys
      })
    })
  ];
}
function firstDeployFindings(r) {
  const { plan } = r;
  if (plan.deployed || plan.rejected?.reason !== "delete-first-deploy") return [];
  const { tag, className } = plan.rejected;
  return [
    liveFinding("first-deploy-rejected", r.place, {
      line: stepOf(r, tag)?.line ?? null,
      tag,
      classes: [className],
      ...firstDeployRejected({ worker: r.name, account: r.account, env: r.p.target.env, tag, className })
    })
  ];
}
function undeployedDestructions(findings, r, covered) {
  let kept = [...findings];
  const added = [];
  const t = r.p.target;
  for (const d of r.plan.destroys) {
    if (covered.has(d)) continue;
    kept = kept.filter(
      (f) => !(isMine(r, f) && isConfigDelete(f.kind) && !f.introduced && f.classes[0] === d.className)
    );
    const words = undeployedDestruction({
      worker: r.name,
      destruction: d,
      tag: d.tag,
      onBase: destroyedAtBase(t.base, d, r.p.fromBase),
      baseHasTag: baseStep(t.base, d.tag) !== null,
      liveTag: r.plan.liveTag
    });
    added.push(
      liveFinding("undeployed-step", r.place, {
        line: stepOf(r, d.tag)?.line ?? t.worker.envLine,
        tag: d.tag,
        classes: [d.className],
        severity: "critical",
        dataLoss: true,
        ...words
      })
    );
  }
  return { findings: kept, added };
}
function undeployedSteps(r) {
  const destroyingTags = new Set(r.plan.destroys.map((d) => d.tag));
  const added = [];
  for (const tag of r.p.fromBase) {
    if (destroyingTags.has(tag)) continue;
    const step = stepOf(r, tag);
    if (!step) continue;
    added.push(
      liveFinding("undeployed-step", r.place, {
        line: step.line,
        tag,
        classes: classesOf(step),
        severity: stepSeverity(step),
        ...undeployedStep({
          worker: r.name,
          tag,
          ops: step.ops,
          liveClasses: r.p.namespaces,
          liveTag: r.plan.liveTag
        })
      })
    );
  }
  return added;
}
function blockingBindings(findings, r, repositoryWorkers) {
  const added = [];
  for (const d of r.plan.destroys) {
    for (const ref of r.live.bindingsToThisWorker) {
      if (ref.worker === r.name || ref.className !== d.className) continue;
      const known = findings.some(
        (f) => f.kind === "cross-worker-binding" && f.worker === ref.worker && f.classes.includes(d.className)
      );
      if (known) continue;
      added.push(
        liveFinding("live-binding-blocks-delete", r.place, {
          line: stepOf(r, d.tag)?.line ?? r.p.target.worker.envLine,
          tag: d.tag,
          classes: [d.className],
          ...liveBindingBlocksDelete({
            worker: r.name,
            className: d.className,
            holder: ref.worker,
            binding: ref.binding,
            inRepository: repositoryWorkers.has(ref.worker),
            tombstone: d.tag === null
          })
        })
      );
    }
  }
  return added;
}
function stepSeverity(step) {
  if (step.ops.some((op) => op.type === "rename" || op.type === "transfer-in" || op.type === "transfer-out"))
    return "warning";
  return "info";
}
function classesOf(step) {
  return [...new Set(step.ops.flatMap((op) => op.type === "rename" ? [op.from, op.to] : [op.className]))];
}
function baseStep(base, tag) {
  if (tag === null || base?.lifecycle.model !== "migrations") return null;
  return base.lifecycle.steps.find((s) => s.tag === tag) ?? null;
}
function destroyedAtBase(base, d, fromBase) {
  if (d.tag === null) {
    return base?.lifecycle.model === "exports" && base.lifecycle.entries.some((e) => e.className === d.className && e.state === "deleted");
  }
  if (fromBase.includes(d.tag)) return true;
  return baseStep(base, d.tag)?.ops.some((op) => op.type === "delete" && op.className === d.className) ?? false;
}

// src/core/live/namespaces.ts
function namespaceFindings(r, codeExports) {
  const worker = r.p.target.worker;
  const replay = replayLifecycle(worker.lifecycle);
  const exportsModel = worker.lifecycle.model === "exports";
  const added = [];
  for (const [className, ns] of r.p.namespaces ?? []) {
    const state = replay.classes.get(className);
    if (state?.status === "live" && state.storage !== null && state.storage !== ns.storage) {
      added.push(
        liveFinding("live-storage-mismatch", r.place, {
          line: state.line,
          tag: state.tag,
          classes: [className],
          severity: exportsModel ? "error" : "warning",
          ...liveStorageMismatch({
            worker: r.name,
            className,
            live: ns.storage,
            config: state.storage,
            exportsModel
          })
        })
      );
    }
    if (!state) {
      const facts = unknownClassFacts(r, className, codeExports);
      added.push(
        liveFinding("live-class-unknown", r.place, {
          line: r.steps[0]?.line ?? (worker.lifecycle.model === "exports" ? worker.lifecycle.entries[0]?.line : null) ?? worker.envLine,
          tag: null,
          classes: [className],
          severity: unknownClassSeverity(facts),
          ...liveClassUnknown(facts)
        })
      );
    }
  }
  return added;
}
function unknownClassFacts(r, className, codeExports) {
  const worker = r.p.target.worker;
  const count = r.live.objects?.get(className) ?? null;
  const exported = exportedBy(worker, codeExports);
  return {
    worker: r.name,
    className,
    model: worker.lifecycle.model,
    count,
    hasObjects: count !== null && (count.objects > 0 || count.capped),
    exported: exported && { entry: exported.entry, exports: exported.names.has(className) }
  };
}
function unknownClassSeverity(facts) {
  if (facts.model === "exports") return facts.hasObjects ? "error" : "warning";
  if (facts.hasObjects && facts.exported !== null && !facts.exported.exports) return "error";
  if (facts.hasObjects && facts.exported === null) return "warning";
  return "info";
}
function exportedBy(worker, codeExports) {
  const entry = workerEntryPath(worker);
  const exports = entry ? codeExports?.get(entry) : void 0;
  return entry && exports?.status === "known" ? { entry, names: exports.names } : null;
}

// src/core/live/notes.ts
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
  return [...byProblem].map(([problem, workers]) => unreadNote(problem, workers));
}
function scanNotes(accounts) {
  const out = [];
  for (const a of accounts) {
    const { repository, outside, skipped } = a.scanned;
    if (skipped > 0) {
      out.push(scanSkippedNote({ skipped, repository: repository.length, outside: outside.length }));
    }
    const unread = [...repository, ...outside].filter((n) => a.settings.get(n)?.ok === false);
    if (unread.length > 0) {
      const first = a.settings.get(unread[0]);
      out.push(scanUnreadNote(unread, first && !first.ok ? first.problem : null));
    }
  }
  return out;
}
function skippedNote(plans, report) {
  const listed = plans.filter(
    (p) => p.status === "skipped" && report.findings.some(
      (f) => f.file === p.target.file && f.env === p.target.env && f.severity !== "info"
    )
  );
  if (listed.length === 0) return [];
  return [leftOutNote(listed.map((p) => ({ name: p.target.name, file: p.target.file, env: p.target.env })))];
}

// src/core/rules/live-remarks.ts
var NOT_DEPLOYED_LEAD = "Not deployed";
var notDeployedWhy = worded((f) => ({
  why: `${q(f.worker)} is not in ${f.account}: its first deploy creates it and replays the whole history`
}));
var ranAlready = worded(function ranAlready2(facts) {
  const { worker, tag } = facts;
  return {
    before: `${q(worker)} is at live tag ${q(facts.liveTag)}, so it has run ${q(tag)} already: the next deploy does not send ${q(tag)} again, and this delete of ${q(facts.className)} does not apply there.`
  };
});
var ownerlessNamespace = worded(function ownerlessNamespace2(facts) {
  return {
    after: `Live: ${facts.account} has a ${q(facts.className)} namespace whose owner the API did not name, so whether this delete destroys objects in ${q(facts.worker)} is not known.`
  };
});
var rejectedBeforeDelete = worded(function rejectedBeforeDelete2(facts) {
  return {
    after: `Live: the next deploy of ${q(facts.worker)} is rejected before it applies anything (see ${facts.deployed ? "DO801" : "DO807"}), so nothing is destroyed until that is fixed.`
  };
});
var bindsRightNow = worded(function bindsRightNow2(facts) {
  return {
    after: `Live: ${q(facts.worker)} binds ${q(facts.className)} right now (binding ${q(facts.binding)}).`
  };
});
var noLiveBinding = worded(function noLiveBinding2(facts) {
  const { worker, className } = facts;
  return {
    message: facts.deployed ? `The live ${q(worker)} no longer binds ${q(className)} (a deploy without the binding has landed: phase 1), so nothing live references it from ${q(worker)} and the delete can apply.` : `${q(worker)} is not deployed in ${facts.account}, so it has no live binding to ${q(className)} that could block the delete.`,
    fix: "Nothing to do for the bindings."
  };
});
var historyRan = worded(function historyRan2(facts) {
  return {
    after: `Live: ${q(facts.worker)} is at ${q(facts.liveTag)}, so it has run ${q(facts.tag)} already.`
  };
});
var historyNotReached = worded(function historyNotReached2(facts) {
  const { worker, tag } = facts;
  return {
    before: `${q(worker)} has not run ${q(tag)} yet (live tag ${q(facts.liveTag ?? "none")}): ${facts.kind === "history-edited" ? `its next deploy sends ${q(tag)} as edited, so the edit takes effect there` : `its next deploy does not send ${q(tag)}, so the step never runs there`}.`
  };
});
var newConfigLive = worded(function newConfigLive2(facts) {
  return {
    before: facts.deployed ? `Live: ${q(facts.worker)} is deployed (live tag ${q(facts.liveTag ?? "none")}): what its next deploy sends and destroys is in the live plan.` : `Live: ${q(facts.worker)} is not deployed in this account${facts.firstDeployRejected ? ", and its first deploy is rejected (DO807)" : ""}.`
  };
});
var removedNotDeployed = worded(function removedNotDeployed2(facts) {
  return { before: `${q(facts.worker)} is not deployed in ${facts.account}, so nothing is left behind.` };
});
var renamedFromNothing = worded(function renamedFromNothing2(facts) {
  return {
    before: `${q(facts.old)} is not deployed in ${facts.account}, so the rename leaves no objects behind.`
  };
});
var renameReplaces = worded(function renameReplaces2(facts) {
  const { old, worker, unknown } = facts;
  return {
    message: `The Worker is renamed from ${q(old)} to ${q(worker)}, and ${existing(facts)}: the next deploy does not create a new Worker, it replaces the code and configuration of the existing ${q(worker)}${unknown.length > 0 ? `, whose ${unknown.map(q).join(", ")} this config does not know (see DO805)` : ", whose live tag this history does not have (see DO801)"}.${oldLeft(facts)}`,
    fix: `If ${q(worker)} is not the Worker to replace, choose a name the account does not have (or keep ${q(old)}); if it is, bring its history into this config first.`
  };
});
var renameUpdates = worded(function renameUpdates2(facts) {
  return {
    message: `The Worker is renamed from ${q(facts.old)} to ${q(facts.worker)}, and ${existing(facts)}, which matches this config's history: the next deploy updates that Worker, it does not create a new one.${oldLeft(facts)}`
  };
});
function existing(facts) {
  const tag = facts.liveTag === null ? "no live migration tag" : `live tag ${q(facts.liveTag)}`;
  const live = facts.liveClasses;
  return `${q(facts.worker)} already exists in ${facts.account} (${tag}${live.length > 0 ? `; live classes ${live.map(q).join(", ")}` : ""})`;
}
function oldLeft(facts) {
  const { old } = facts;
  return facts.oldExists === true ? ` ${q(old)} keeps all its objects, and no config manages it any more.` : facts.oldExists === false ? ` ${q(old)} is not deployed in ${facts.oldAccount}, so the rename leaves no objects behind.` : "";
}

// src/core/live/settle.ts
var STILL_BOUND = /* @__PURE__ */ new Set([
  "delete-still-bound",
  "delete-binding-removed",
  "delete-binding-repointed"
]);
function settleWorker(findings, r, live) {
  const covered = /* @__PURE__ */ new Set();
  const settled = findings.map((f) => {
    if (!isMine(r, f)) return f;
    const { finding, covers } = settleFinding(f, r, live);
    if (covers) covered.add(covers);
    return finding;
  });
  return { findings: settled, covered };
}
function settleFinding(f, r, live) {
  const { plan } = r;
  if (!plan.deployed && f.kind !== "worker-renamed" && concernsDeployedWorker(f) && f.severity !== "info") {
    return {
      finding: forUndeployedWorker(
        f,
        notDeployedWhy({ worker: r.name, account: r.account }),
        NOT_DEPLOYED_LEAD
      )
    };
  }
  if (f.kind === "worker-renamed" && r.renamed) return { finding: settleRename(f, r, live) };
  if (isConfigDelete(f.kind) && f.dataLoss) return settleDelete(f, r);
  if (!r.renamed && STILL_BOUND.has(f.kind)) return { finding: settleStillBound(f, r) };
  if (f.kind === "new-config-deletes") return { finding: settleNewConfigDeletes(f, r) };
  if ((f.kind === "history-edited" || f.kind === "history-removed") && plan.deployed && f.tag !== null) {
    return { finding: settleHistory(f, r) };
  }
  return { finding: f };
}
function settleDelete(f, r) {
  const { plan, p, name } = r;
  const className = f.classes[0] ?? "";
  const d = plan.destroys.find((x) => x.className === className && (x.tag === f.tag || x.tag === null));
  if (d) {
    const { unlessRan: _settled, ifRan: _ran, ...certain } = f;
    return { finding: remarked2(certain, destroysLive({ destruction: d, worker: name })), covers: d };
  }
  if (hasRunAlready(f, r)) {
    const remark = ranAlready({ worker: name, liveTag: plan.liveTag, tag: f.tag, className });
    return { finding: remarked2(f, remark, { severity: "info", dataLoss: false }) };
  }
  const ownerless = p.ownerless.has(className);
  const noNamespace = !plan.deployed || p.namespaces !== null && !p.namespaces.has(className) && !ownerless;
  if (noNamespace) return { finding: destroysNothing(f, r) };
  if (ownerless && p.namespaces !== null && !p.namespaces.has(className)) {
    return { finding: remarked2(f, ownerlessNamespace({ worker: name, account: r.account, className })) };
  }
  if (plan.rejected) {
    return { finding: remarked2(f, rejectedBeforeDelete({ worker: name, deployed: plan.deployed })) };
  }
  return { finding: f };
}
function hasRunAlready(f, r) {
  const { plan } = r;
  return plan.deployed && f.tag !== null && (plan.sendKind === "after" || plan.sendKind === "nothing") && r.steps.some((s) => s.tag === f.tag) && !plan.sends.includes(f.tag);
}
function destroysNothing(f, r) {
  const entry = CATALOGUE["delete-destroys-nothing"];
  const words = deleteDestroysNothing({
    worker: r.name,
    className: f.classes[0] ?? "",
    deployed: r.plan.deployed,
    account: r.account,
    tag: f.tag
  });
  return restated(f, words, {
    code: entry.code,
    kind: "delete-destroys-nothing",
    severity: entry.severity,
    dataLoss: false
  });
}
function settleStillBound(f, r) {
  const className = f.classes[0] ?? "";
  const { name, p } = r;
  if (p.target.worker.bindings.some((b) => b.className === className)) return f;
  const liveRef = r.live.bindingsToThisWorker.find((x) => x.worker === name && x.className === className);
  if (liveRef) return remarked2(f, bindsRightNow({ worker: name, className, binding: liveRef.binding }));
  const words = noLiveBinding({
    worker: name,
    className,
    deployed: r.plan.deployed,
    account: accountLabel(p.accountId)
  });
  return restated(f, words, { severity: "info" });
}
function settleHistory(f, r) {
  const base = r.p.target.base;
  const steps = base?.lifecycle.model === "migrations" ? base.lifecycle.steps : [];
  const stepAt = steps.findIndex((s) => s.tag === f.tag);
  const liveTag = r.plan.liveTag;
  const liveAt = liveTag === null ? -1 : steps.findIndex((s) => s.tag === liveTag);
  if (stepAt < 0 || liveTag !== null && liveAt < 0) return f;
  if (liveAt >= stepAt) return remarked2(f, historyRan({ worker: r.name, liveTag, tag: f.tag }));
  return remarked2(f, historyNotReached({ worker: r.name, liveTag, tag: f.tag, kind: f.kind }), {
    severity: "info"
  });
}
function settleNewConfigDeletes(f, r) {
  const { plan } = r;
  const remark = newConfigLive({
    worker: r.p.target.name,
    deployed: plan.deployed,
    liveTag: plan.liveTag,
    firstDeployRejected: plan.rejected?.reason === "delete-first-deploy"
  });
  return remarked2(f, remark, { severity: "info" });
}
function settleRename(f, r, live) {
  const { p, plan, name } = r;
  const t = p.target;
  const old = t.base?.name;
  const oldAccount = accountOf(t.base, live.defaultAccount);
  const oldExists = existsIn(live, old, oldAccount);
  if (plan.deployed) {
    const liveClasses = [...p.namespaces?.keys() ?? []];
    const known = replayLifecycle(t.worker.lifecycle).classes;
    const facts = {
      old,
      worker: name,
      account: accountLabel(p.accountId),
      oldAccount: accountLabel(oldAccount),
      liveTag: plan.liveTag,
      liveClasses,
      unknown: liveClasses.filter((c) => !known.has(c)),
      oldExists
    };
    if (facts.unknown.length > 0 || plan.sendKind === "replay") {
      return restated(f, renameReplaces(facts), { severity: "error" });
    }
    return restated(f, renameUpdates(facts), { severity: oldExists === false ? "info" : f.severity });
  }
  if (oldExists === false) {
    return remarked2(f, renamedFromNothing({ old, account: accountLabel(oldAccount) }), { severity: "info" });
  }
  return f;
}
function settleRemoved(findings, removed, live, targeted) {
  const byTarget = new Map(removed.map((w) => [targetKey(w.file, w.env), w]));
  return findings.map((f) => {
    const w = byTarget.get(targetKey(f.file, f.env));
    if (!w || targeted.has(targetKey(f.file, f.env)) || f.worker !== w.name || !concernsDeployedWorker(f) || f.severity === "info")
      return f;
    if (existsIn(live, w.name, w.accountId) !== false) return f;
    return remarked2(f, removedNotDeployed({ worker: w.name, account: accountLabel(w.accountId) }), {
      severity: "info"
    });
  });
}
function targetKey(file, env) {
  return `${file}\0${env ?? ""}`;
}

// src/core/live/evidence.ts
function applyLiveEvidence(report, evidence) {
  let findings = [...report.findings];
  const added = [];
  for (const p of evidence.plans) {
    const r = readPlan(p);
    if (!r) continue;
    const worker = liveRules(findings, r, evidence);
    findings = worker.findings;
    added.push(...worker.added);
  }
  const targeted = new Set(evidence.plans.map((p) => targetKey(p.target.file, p.target.env)));
  findings = settleRemoved(findings, evidence.removed ?? [], evidence.live, targeted);
  const rebuilt = buildReport([...findings, ...added]);
  const notes = [
    ...report.notes ?? [],
    ...liveNotes(evidence.plans),
    ...scanNotes([...evidence.live.accounts.values()]),
    ...skippedNote(evidence.plans, report)
  ];
  return {
    ...rebuilt,
    ...notes.length > 0 ? { notes } : {},
    workers: evidence.plans.map(plannedWorker)
  };
}
function liveRules(findings, r, evidence) {
  const settled = settleWorker(findings, r, evidence.live);
  const covered = r.plan.sendKind === "replay" ? new Set(r.plan.destroys) : settled.covered;
  const undeployed = undeployedDestructions(settled.findings, r, covered);
  const added = [
    ...liveTagFindings(r),
    ...firstDeployFindings(r),
    ...undeployed.added,
    ...undeployedSteps(r),
    ...blockingBindings(undeployed.findings, r, evidence.repositoryWorkers),
    ...namespaceFindings(r, evidence.codeExports)
  ];
  return { findings: undeployed.findings, added };
}

// src/check/live.ts
async function addLivePlan(report, analyses, request, read, envs, codeExports) {
  const targets = planTargets(analyses, envs);
  const repositoryWorkers = workerNames(analysedWorkers(analyses));
  const defaultAccount = request.accountId;
  const removed = removedWorkers(analyses, defaultAccount, envs);
  const accountIds = [
    .../* @__PURE__ */ new Set([
      ...targets.flatMap((t) => plannable(t) ? [accountOf(t.worker, defaultAccount)] : []),
      ...removed.map((r) => r.accountId)
    ])
  ].filter((id) => id !== null);
  const reads = /* @__PURE__ */ new Map();
  for (const accountId of accountIds) {
    const inAccount = targets.filter(
      (t) => plannable(t) && accountOf(t.worker, defaultAccount) === accountId
    );
    reads.set(accountId, {
      workers: inAccount.map((t) => t.name),
      repositoryWorkers,
      doomed: (read2) => destroyedNamespaces(inAccount, read2, defaultAccount),
      count: (read2) => unknownNamespaces(inAccount, read2, defaultAccount),
      ...request.objectCap !== void 0 ? { objectCap: request.objectCap } : {}
    });
  }
  const { accounts, budget } = await read(reads);
  const live = { accounts, defaultAccount };
  const plans = planWorkers(targets, live);
  const changed = applyLiveEvidence(report, {
    plans,
    live,
    repositoryWorkers,
    removed,
    ...codeExports ? { codeExports } : {}
  });
  const failed = plans.filter((p) => p.status === "failed").length;
  const skipped = plans.filter((p) => p.status === "skipped").length;
  const budgetNote = budget.refused > 0 ? [
    `The live read stopped at its budget of ${budget.limit} Cloudflare API requests (${budget.refused} more were not sent, to stay under Cloudflare's rate limit): what it could not read is judged from the config alone.`
  ] : [];
  const notes = [...changed.notes ?? [], ...budgetNote];
  return {
    report: notes.length > 0 ? { ...changed, notes } : changed,
    live: {
      status: failed === 0 ? "read" : failed === plans.length - skipped ? "failed" : "partial",
      requests: [...accounts.values()].reduce((n, a) => n + a.requests, 0),
      planned: plans.length - failed - skipped,
      failed,
      skipped,
      warnings: [...liveNotes(plans), ...budgetNote]
    }
  };
}
export {
  addLivePlan
};

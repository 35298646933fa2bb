import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  pairConfigs
} from "./chunk-ZXZLHMUF.js";
import {
  deletesOfCreated,
  destructions,
  everyTagOnce,
  liveClassNames,
  liveClassSet,
  liveClasses,
  planTargets,
  planWorker,
  plannedWorker,
  possibleDestructions,
  replayLifecycle
} from "./chunk-5OSWRORD.js";
import {
  AT_BASE,
  alreadyAtBase,
  configFormat,
  parseConfigText,
  placeDraft,
  releaseLocator,
  workerFinding
} from "./chunk-PIRUEGYP.js";
import {
  isLocalBinding,
  notDeployedAsWritten,
  readWorkers
} from "./chunk-7ZJZNNLB.js";
import {
  CATALOGUE,
  EXPORTS_ENV_REMOVED_FIX,
  abandonedClassNotExported,
  accountChanged,
  bindingRemoved,
  bindingRetargeted,
  bindingUnknownClass,
  classCreated,
  classDeleted,
  classDeletedAndRecreated,
  classNotExported,
  classRecreated,
  classRenamed,
  classTransferred,
  crossWorkerBinding,
  deleteBindingRemoved,
  deleteBindingRepointed,
  deleteMixedStep,
  deleteStillBound,
  deleteTransferredBound,
  deletedClassStillNeeded,
  duplicateTag,
  editedStepDelete,
  envRemoved,
  exportRemoved,
  exportsBindingRemoved,
  exportsBindingRetargetedFix,
  exportsBindingUnknownClass,
  exportsClassNotExported,
  exportsClassRecreated,
  exportsClassRenamed,
  exportsClassTransferred,
  exportsCrossWorkerBinding,
  exportsDeleteFix,
  exportsDeleteStillBound,
  exportsEntryRemoved,
  exportsProbableRename,
  exportsRenameRefused,
  exportsStorageChanged,
  exportsTombstoneInCode,
  exportsTransferNotExpected,
  exportsUnknown,
  fixWithAddition,
  forUndeployedWorker,
  historyEdited,
  historyRemoved,
  historyReordered,
  historyRetired,
  incompleteFix,
  lifecycleModelChanged,
  localOnlyNote,
  newConfigDeletes,
  parseError,
  probableRename,
  ranStepDelete,
  rejectionReason,
  remarked,
  replayRejected,
  retargetTarget,
  retirementGoesThrough,
  severityRank,
  stepInsertedBeforeDeployed,
  stepInsertedBeforeRejected,
  stepRemoved,
  storageChanged,
  unreadBaseDeletes,
  withoutRemarks,
  workerDeployedTwice,
  workerNameTaken,
  workerRenamed
} from "./chunk-57KHF4P2.js";
import {
  pathKey
} from "./chunk-LHHAANFG.js";

// src/core/analyze/code-exports.ts
import { posix } from "node:path";

// src/core/analyze/exports-rules.ts
function entryOf(worker, className) {
  return worker.lifecycle.model === "exports" ? worker.lifecycle.entries.find((e) => e.className === className) : void 0;
}
function exportsDrafts(base, head, drafts) {
  const baseClasses = base ? replayLifecycle(base.lifecycle).classes : /* @__PURE__ */ new Map();
  const out = [];
  for (const draft of drafts) {
    const rewritten = inExportsTerms(draft, base, head, baseClasses);
    if (rewritten) out.push(rewritten);
  }
  if (head.lifecycle.model === "exports") {
    for (const entry of head.lifecycle.entries) {
      if (entry.state !== "renamed" || !entry.renamedTo) continue;
      if (baseClasses.get(entry.className)?.status !== "live") continue;
      const to = entry.renamedTo;
      const target = entryOf(head, to);
      const occupied = baseClasses.get(to)?.status === "live";
      if (!occupied && target && target.state === "created") continue;
      out.push({
        kind: "exports-rename-refused",
        env: head.env,
        classes: [entry.className, to],
        line: entry.line,
        ...exportsRenameRefused({
          className: entry.className,
          to,
          env: head.env,
          occupied,
          worker: head.name,
          storage: baseClasses.get(entry.className)?.storage ?? null
        })
      });
    }
  }
  return out;
}
function inExportsTerms(draft, base, head, baseClasses) {
  const env = head.env;
  const name = draft.classes?.[0] ?? "";
  const storage = entryOf(head, name)?.storage ?? baseClasses.get(name)?.storage ?? null;
  switch (draft.kind) {
    case "class-deleted":
      return {
        ...draft,
        fix: exportsDeleteFix({ className: name, storage: baseClasses.get(name)?.storage ?? storage })
      };
    case "probable-rename": {
      return { ...draft, ...exportsProbableRename({ name, to: draft.classes?.[1] ?? "", env }) };
    }
    case "delete-still-bound": {
      const binding = head.bindings.find((b) => b.line === draft.line && b.className === name);
      if (binding && !isLocalBinding(binding, head)) return null;
      return { ...draft, ...exportsDeleteStillBound({ name, binding: binding?.name ?? name, env }) };
    }
    // The legacy interlocks of a delete in the deploy that drops or moves its own binding: with
    // `exports`, dropping the Worker's own bindings in the tombstone's deploy is the right order.
    case "delete-binding-removed":
    case "delete-binding-repointed":
    case "delete-transferred-bound":
      return null;
    case "class-renamed": {
      return { ...draft, ...exportsClassRenamed({ name, to: draft.classes?.[1] ?? "", env }) };
    }
    case "class-transferred": {
      const entry = entryOf(head, name);
      const out = entry?.state === "transferred";
      return {
        ...draft,
        ...exportsClassTransferred({
          name,
          env,
          worker: head.name,
          storage,
          to: out ? entry.transferredTo ?? null : null,
          from: out ? null : entry?.transferFrom ?? null,
          direction: out ? "out" : "in"
        })
      };
    }
    case "class-recreated":
      return { ...draft, ...exportsClassRecreated({ name, env }) };
    case "storage-changed": {
      const was = baseClasses.get(name)?.storage ?? null;
      return { ...draft, ...exportsStorageChanged({ name, env, was, now: storage }) };
    }
    case "export-removed": {
      return { ...draft, ...exportsEntryRemoved({ name, env, was: baseClasses.get(name)?.storage ?? null }) };
    }
    case "binding-removed":
      return {
        ...draft,
        ...exportsBindingRemoved({
          binding: base?.bindings.find((b) => b.className === name)?.name ?? name,
          name,
          env
        })
      };
    case "binding-unknown-class": {
      if (head.lifecycle.model !== "exports") return draft;
      return {
        ...draft,
        ...exportsBindingUnknownClass({ name, env, state: entryOf(head, name)?.state ?? null })
      };
    }
    // Its message is worded for `exports` where it is detected (bindingRetargeted's exportsModel).
    case "binding-retargeted":
      return { ...draft, fix: exportsBindingRetargetedFix({ name }) };
    case "env-removed":
      return { ...draft, fix: EXPORTS_ENV_REMOVED_FIX };
    // lifecycle-model-changed, worker-renamed and account-changed are worded for `exports` where
    // they are detected (their wording's exportsModel / toExports).
    default:
      return draft;
  }
}
function exportsCodeFindings(worker, entry, exports, createdNow, deletedNow) {
  if (worker.lifecycle.model !== "exports") return [];
  const out = [];
  const why = notDeployedAsWritten(worker);
  const push = (f) => out.push(why ? forUndeployedWorker(f, why) : f);
  for (const e of worker.lifecycle.entries) {
    if (e.state !== "created" && e.state !== "expecting-transfer") continue;
    if (exports.names.has(e.className)) continue;
    const created = createdNow.has(e.className) || why !== null || e.state === "expecting-transfer";
    push(
      codeFinding(
        worker,
        created ? "created-class-not-exported" : "class-not-exported",
        [e.className],
        e.line,
        exportsClassNotExported({ name: e.className, entry, env: worker.env, created })
      )
    );
  }
  for (const deletion of deletedNow) {
    const still = deletion.classes.filter((c) => exports.names.has(c));
    if (still.length === 0) continue;
    push({
      ...codeFinding(
        worker,
        "exports-tombstone-in-code",
        still,
        deletion.line,
        exportsTombstoneInCode({ still, entry, env: worker.env })
      ),
      tag: deletion.tag
    });
  }
  return out;
}
function codeFinding(worker, kind, classes, line, text) {
  return workerFinding(worker, kind, { classes, line }, text);
}
function exportsRepositoryFindings(findings, analyses, dropped = /* @__PURE__ */ new Set()) {
  const heads = analyses.flatMap((a) => a.headWorkers);
  const byName = (name) => name ? heads.find((w) => w.name === name) : void 0;
  const out = findings.map(
    (f) => f.kind === "cross-worker-binding" ? crossInExportsTerms(f, analyses, byName, dropped.has(f)) : f
  );
  for (const analysis of analyses) {
    for (const worker of analysis.headWorkers) {
      if (worker.lifecycle.model !== "exports") continue;
      const base = analysis.baseWorkers?.find((w) => w.env === worker.env);
      const before = base ? replayLifecycle(base.lifecycle).classes : null;
      for (const e of worker.lifecycle.entries) {
        if (e.state !== "transferred" || !e.transferredTo) continue;
        if (before && before.get(e.className)?.status !== "live") continue;
        const target = byName(e.transferredTo);
        if (!target) continue;
        const expecting = entryOf(target, e.className);
        const storage = before?.get(e.className)?.storage ?? null;
        const ready = expecting?.state === "expecting-transfer" && expecting.transferFrom === worker.name;
        const mismatch = ready && storage !== null && expecting.storage !== storage;
        if (ready && !mismatch) continue;
        const finding2 = codeFinding(
          worker,
          "exports-transfer-not-expected",
          [e.className],
          e.line,
          exportsTransferNotExpected({
            className: e.className,
            env: worker.env,
            worker: worker.name,
            target,
            expecting: expecting ? { state: expecting.state, transferFrom: expecting.transferFrom, storage: expecting.storage } : null,
            mismatch: Boolean(mismatch),
            storage
          })
        );
        const why = notDeployedAsWritten(worker);
        out.push(why ? forUndeployedWorker(finding2, why) : finding2);
      }
    }
  }
  return out;
}
function crossInExportsTerms(finding2, analyses, byName, dropped) {
  const className = finding2.classes[0] ?? "";
  const analysis = analyses.find((a) => a.file === finding2.file);
  const other = [...analysis?.headWorkers ?? [], ...analysis?.baseWorkers ?? []].filter(
    (w) => w.env === finding2.env
  );
  const binding = other.flatMap((w) => w.bindings).find((b) => b.className === className && b.scriptName);
  const owner = byName(binding?.scriptName ?? null);
  if (!binding || owner?.lifecycle.model !== "exports") return finding2;
  return {
    ...finding2,
    ...exportsCrossWorkerBinding({
      who: finding2.worker ?? finding2.file,
      binding: binding.name,
      className,
      owner: owner.name,
      ownerFile: owner.file,
      dropped
    })
  };
}

// src/core/analyze/code-exports.ts
function workerEntryPath(worker) {
  if (!worker.main) return null;
  return posix.normalize(posix.join(posix.dirname(worker.file), worker.main));
}
function codeFindings(analyses, exportsOf) {
  const out = [];
  for (const analysis of analyses) {
    for (const worker of analysis.headWorkers) {
      const why = notDeployedAsWritten(worker);
      const push = (f) => out.push(why ? forUndeployedWorker(f, why) : f);
      const replay = replayLifecycle(worker.lifecycle).classes;
      const live = [...replay.values()];
      const liveNames = live.filter((c) => c.status === "live");
      const mine = analysis.findings.filter((f) => f.env === worker.env && f.introduced);
      const createdNow = new Set(mine.filter((f) => f.kind === "class-created").flatMap((f) => f.classes));
      const deletedNow = mine.filter((f) => f.kind === "class-deleted");
      const abandoned = why ? [] : abandonedClasses(worker, analysis);
      if (liveNames.length === 0 && deletedNow.length === 0 && abandoned.length === 0) continue;
      const entry = workerEntryPath(worker);
      const exports = entry ? exportsOf(entry) : void 0;
      const base = { worker, entry: entry ?? "(no main)" };
      if (!entry) {
        push(
          finding(
            base,
            "exports-unknown",
            [],
            null,
            exportsUnknown({ worker: worker.name, env: worker.env, entry: null, why: "" })
          )
        );
        continue;
      }
      if (!exports) continue;
      if (exports.status === "unknown") {
        push(
          finding(
            base,
            "exports-unknown",
            [],
            null,
            exportsUnknown({ worker: worker.name, env: worker.env, entry, why: exports.message })
          )
        );
        continue;
      }
      if (worker.lifecycle.model === "exports") {
        out.push(...exportsCodeFindings(worker, entry, exports, createdNow, deletedNow));
        continue;
      }
      const exported = (name) => exports.names.has(name);
      for (const state of liveNames) {
        if (exported(state.className)) continue;
        const created = createdNow.has(state.className) || why !== null;
        push(
          finding(
            base,
            created ? "created-class-not-exported" : "class-not-exported",
            [state.className],
            state,
            classNotExported({ className: state.className, env: worker.env, entry, created })
          )
        );
      }
      for (const deletion of deletedNow) {
        const gone = deletion.classes.filter((c) => !exported(c));
        if (gone.length === 0) continue;
        push({
          ...finding(
            base,
            "deleted-class-still-needed",
            gone,
            null,
            deletedClassStillNeeded({ gone, entry })
          ),
          line: deletion.line,
          tag: deletion.tag
        });
      }
      for (const { className, removal } of abandoned) {
        if (exported(className)) continue;
        push({
          ...finding(
            base,
            "class-not-exported",
            [className],
            null,
            abandonedClassNotExported({
              className,
              env: worker.env,
              worker: worker.name,
              entry,
              removedTag: removal.tag
            })
          ),
          line: removal.line,
          tag: removal.tag
        });
      }
    }
  }
  return out;
}
function abandonedClasses(worker, analysis) {
  const inherits = worker.lifecycle.model === "none" || worker.lifecycle.inherited;
  const removals = analysis.findings.filter(
    (f) => f.kind === "history-removed" && f.introduced && f.severity !== "info" && (f.env === worker.env || inherits && worker.env !== null && f.env === null)
  );
  if (removals.length === 0) return [];
  const base = analysis.baseWorkers?.find((w) => w.env === worker.env);
  if (!base) return [];
  const atHead = replayLifecycle(worker.lifecycle).classes;
  const bound = new Set(worker.bindings.filter((b) => isLocalBinding(b, worker)).map((b) => b.className));
  const out = [];
  for (const className of liveClasses(replayLifecycle(base.lifecycle).classes)) {
    if (atHead.has(className) || bound.has(className)) continue;
    const removal = removals.find((f) => f.classes.includes(className));
    if (removal) out.push({ className, removal });
  }
  return out;
}
function finding(at, kind, classes, state, text) {
  return workerFinding(
    at.worker,
    kind,
    { classes, line: state?.line ?? null, tag: state?.tag ?? null },
    text
  );
}
function settleRetirements(analysis, exportsOf) {
  let changed = false;
  const findings = analysis.findings.map((f) => {
    if (f.kind !== "history-removed" || f.severity !== "error" || !f.introduced) return f;
    const head = analysis.headWorkers.find((w) => w.env === f.env);
    const base = analysis.baseWorkers?.find((w) => w.env === f.env);
    if (!head || !base || head.lifecycle.model !== "none") return f;
    if (head.bindings.some((b) => f.classes.includes(b.className))) return f;
    const entry = workerEntryPath(head);
    const exports = entry ? exportsOf(entry) : void 0;
    if (exports?.status !== "known") return f;
    const live = liveClasses(replayLifecycle(base.lifecycle).classes);
    if (![...live].every((c) => exports.names.has(c))) return f;
    changed = true;
    return {
      ...remarked(f, { after: retirementGoesThrough({ exported: [...live] }) }),
      severity: "warning"
    };
  });
  return changed ? { ...analysis, findings } : analysis;
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
function predictRejection(steps, boundAtBase, exportedAtBase = null, bindings = {}) {
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
              reason: rejectionReason({ cause: "create-existing", className: op.className })
            };
          }
          if ((index === last || live.size > 0 && liveAtEnd.has(op.className)) && exportedAtBase && !exportedAtBase.has(op.className) && [...live].every((name) => exportedAtBase.has(name))) {
            return {
              ...at,
              code: "10070",
              cause: "not-exported",
              reason: rejectionReason({ cause: "not-exported", className: op.className })
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
              reason: rejectionReason({ cause: "still-bound", binding, className: op.className })
            };
          }
          const other = bindings.elsewhere?.get(op.className);
          if (inTail && other !== void 0) {
            return {
              ...at,
              code: "10061",
              cause: "bound-elsewhere",
              reason: rejectionReason({
                cause: "bound-elsewhere",
                binding: other.binding,
                worker: other.worker,
                className: op.className
              })
            };
          }
          const moved = index === last && live.has(op.className) ? repointedTo(step, boundAtBase) : null;
          if (moved) {
            return {
              ...at,
              code: "10061",
              cause: "repointed",
              reason: rejectionReason({
                cause: "repointed",
                className: op.className,
                created: moved.className,
                binding: moved.binding
              })
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
              reason: rejectionReason({ cause: "rename-onto-existing", className: op.to })
            };
          }
          live.delete(op.from);
          live.add(op.to);
          break;
      }
    }
  }
  const [unknownClass, unknownBinding] = [...bindings.unknown ?? []][0] ?? [];
  if (last >= 0 && unknownClass !== void 0) {
    return {
      index: last,
      tag: steps[last].tag,
      code: "10061",
      cause: "unknown-class",
      reason: rejectionReason({ cause: "unknown-class", binding: unknownBinding, className: unknownClass })
    };
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
  const unapplied = (tag) => ({
    tag: rejected?.tag ?? tag,
    code: rejected?.code ?? null,
    reason: rejected?.reason ?? "",
    deployedTag
  });
  const liveAtBaseEnd = liveAfter(base);
  const abandoned = (steps) => liveAtBaseEnd.filter(
    (name) => !context.keptAtHead.has(name) && steps.some((s) => classesOf(s.ops).includes(name))
  );
  const editedText = (step, now) => {
    if (neverApplied(step)) {
      return {
        severity: "warning",
        ...historyEdited({ env, tag: step.tag, why: "unapplied", unapplied: unapplied(step.tag) })
      };
    }
    if (step.tag !== null && context.repairs.has(step.tag)) {
      return { severity: "warning", ...historyEdited({ env, tag: step.tag, why: "repair" }) };
    }
    const creates = (ops) => new Set(ops.flatMap((op) => op.type === "create" ? [op.className] : []));
    const [had, has] = [creates(step.ops), creates(now.ops)];
    const createdElsewhere = (c) => head.some(
      (s) => s !== now && s.ops.some(
        (op) => (op.type === "create" || op.type === "transfer-in") && op.className === c || op.type === "rename" && op.to === c
      )
    );
    const added = [...has].filter((c) => !had.has(c) && !createdElsewhere(c));
    const dropped = [...had].filter((c) => !has.has(c) && liveAtBaseEnd.includes(c));
    const bound = added.filter((c) => context.boundAtHead.has(c));
    return historyEdited({ env, tag: step.tag, why: "ignored", added, bound, dropped });
  };
  if (head.length === 0 && base.length > 0) {
    const gone = abandoned(base);
    const tags = [...baseTags.keys()];
    const classes = classesOf(base.flatMap((s) => s.ops));
    if (!classes.some((name) => context.boundAtHead.has(name))) {
      drafts.push({
        kind: "history-removed",
        env,
        line: null,
        tag: deployedTag ?? base[base.length - 1]?.tag ?? null,
        classes,
        // Whether the deploy goes through depends on the code, which this rule does not read: a
        // class with objects that also leaves the code fails it (10064). Only with no such class
        // can nothing fail.
        severity: gone.length > 0 ? "error" : "warning",
        ...historyRetired({ env, tags, steps: base.length, classes, gone })
      });
      return drafts;
    }
    drafts.push({
      kind: "history-removed",
      env,
      line: null,
      tag: deployedTag ?? base[base.length - 1]?.tag ?? null,
      classes: classesOf(base.flatMap((s) => s.ops)),
      ...historyRemoved({ env, tags, steps: base.length, gone })
    });
    return drafts;
  }
  for (const [tag, step] of baseTags) {
    const now = headTags.get(tag);
    if (!now) {
      const retagged = head.find(
        (s) => s.canonical === step.canonical && s.tag !== null && !baseTags.has(s.tag)
      );
      const retaggedAs = retagged?.tag ?? null;
      if (neverApplied(step)) {
        drafts.push({
          kind: "history-removed",
          env,
          line: null,
          tag,
          classes: classesOf(step.ops),
          severity: "warning",
          ...stepRemoved({ env, tag, retaggedAs, why: "unapplied", unapplied: unapplied(tag) })
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
        ...stepRemoved({ env, tag, retaggedAs, why: replay ? "deployed-tag" : "shortened", gone })
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
      ...historyReordered({ env, was: common, now: [...new Set(commonInHead)] })
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
        ...stepInsertedBeforeDeployed({ env, tag: step.tag, deployedTag })
      });
    }
    const lastBaseTag = base[base.length - 1]?.tag ?? null;
    const lastAt = rejected && lastBaseTag !== null ? head.findIndex((s) => s.tag === lastBaseTag) : -1;
    for (const step of head.slice(Math.max(deployedAt + 1, 0), Math.max(lastAt, 0))) {
      if (step.tag === null || baseTags.has(step.tag)) continue;
      drafts.push({
        kind: "history-reordered",
        env,
        line: step.line,
        tag: step.tag,
        classes: classesOf(step.ops),
        severity: "warning",
        ...stepInsertedBeforeRejected({ env, tag: step.tag, lastBaseTag, unapplied: unapplied(lastBaseTag) })
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
      ...duplicateTag({ env, tag, count })
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
function pendingDestructions(base, head, liveAtBase2) {
  if (base.model !== "migrations" || head.model !== "migrations") return null;
  const deployedTag = base.steps[base.steps.length - 1]?.tag ?? null;
  if (deployedTag !== null && !head.steps.some((step) => step.tag === deployedTag)) return null;
  return destructions(liveAtBase2, pendingSteps(base.steps, head.steps));
}
function editedStepDestructions(base, head) {
  if (base.model !== "migrations" || head.model !== "migrations") return [];
  let byHead = editedByBase.get(base.steps);
  if (!byHead) {
    byHead = /* @__PURE__ */ new WeakMap();
    editedByBase.set(base.steps, byHead);
  }
  let found = byHead.get(head.steps);
  if (!found) {
    found = base.steps === head.steps && everyTagOnce(base.steps) ? NO_EDITS : Object.freeze(editedStepsDestroy(base.steps, head.steps));
    byHead.set(head.steps, found);
  }
  return found;
}
var NO_EDITS = Object.freeze([]);
var editedByBase = /* @__PURE__ */ new WeakMap();
function editedStepsDestroy(was, now) {
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

// src/core/analyze/comparison.ts
function compare(base, head, context = {}) {
  const baseLocal = base ? base.bindings.filter((b) => isLocalBinding(b, base)) : [];
  const predicted = base && base !== head ? rejectedTail(base, baseLocal, context.baseExports ?? null, context.boundElsewhere) : null;
  const rejected = predicted && (predicted.cause !== "not-exported" || base?.lifecycle.model === "migrations" && predicted.index === base.lifecycle.steps.length - 1) ? predicted : null;
  const touched = base !== null && rejected !== null && touchesTail(base, head, rejected.index);
  const unblocked = base && rejected && !touched && unblocks(base, head, rejected) ? rejected : null;
  const deployedBase = base && rejected && (touched || unblocked) ? withoutTail(base, rejected.index) : base;
  const fullBefore = base ? replayLifecycle(base.lifecycle) : null;
  const before = deployedBase ? replayLifecycle(deployedBase.lifecycle) : null;
  const after = replayLifecycle(head.lifecycle);
  const baseClasses = before?.classes ?? /* @__PURE__ */ new Map();
  const destroyed = deployedBase ? pendingDestructions(deployedBase.lifecycle, head.lifecycle, liveClassNames(baseClasses)) : null;
  const baseSteps = base?.lifecycle.model === "migrations" ? base.lifecycle.steps : [];
  return {
    env: head.env,
    base,
    head,
    baseLocal,
    localBindings: head.bindings.filter((b) => isLocalBinding(b, head)),
    predicted,
    unblocked,
    deployedBase,
    fullBefore,
    after,
    baseClasses,
    destroyed,
    baseSteps,
    headSteps: head.lifecycle.model === "migrations" ? head.lifecycle.steps : [],
    unblockedTags: new Set(unblocked ? baseSteps.slice(unblocked.index).map((step) => step.tag) : []),
    unblockedFrom: unblocked ? baseSteps[unblocked.index - 1]?.tag ?? null : null,
    deleted: [],
    created: []
  };
}
function isLiveAtBase(c, name) {
  return c.baseClasses.get(name)?.status === "live";
}
function liveAtBase(c) {
  return [...liveClassNames(c.baseClasses)];
}
function replacedBy(c, className) {
  for (const old of c.baseLocal.filter((b) => b.className === className)) {
    const moved = c.localBindings.find((b) => b.name === old.name && b.className !== className);
    const target = moved && c.after.classes.get(moved.className);
    if (moved && target?.status === "live") return { binding: moved, target };
  }
  return null;
}
function storageSwitch(c, gone) {
  const replacement = replacedBy(c, gone.className);
  const from = gone.storage ?? c.baseClasses.get(gone.className)?.storage ?? null;
  const to = replacement?.target.storage ?? null;
  return replacement && from && to && from !== to ? { ...replacement, from, to } : null;
}
function rejectedTail(base, baseLocal, baseExports, boundElsewhere) {
  if (base.lifecycle.model !== "migrations") return null;
  const boundAtBase = /* @__PURE__ */ new Map();
  for (const b of baseLocal) if (!boundAtBase.has(b.className)) boundAtBase.set(b.className, b.name);
  const elsewhere = new Map(boundElsewhere ?? []);
  for (const b of base.bindings) {
    if (!isLocalBinding(b, base) && !boundAtBase.has(b.className) && !elsewhere.has(b.className))
      elsewhere.set(b.className, { binding: b.name, worker: base.name ?? "this Worker" });
  }
  const named = new Set(
    base.lifecycle.steps.flatMap(
      (step) => step.ops.flatMap((op) => op.type === "rename" ? [op.from, op.to] : [op.className])
    )
  );
  const unknown = /* @__PURE__ */ new Map();
  if (!base.wranglerV1) {
    for (const [className, binding] of boundAtBase)
      if (!named.has(className)) unknown.set(className, binding);
  }
  return predictRejection(base.lifecycle.steps, boundAtBase, baseExports, { elsewhere, unknown });
}
function unblocks(base, head, rejected) {
  if (base.lifecycle.model !== "migrations") return false;
  if (rejected.cause === "unknown-class") {
    if (head.lifecycle.model !== "migrations" || head.wranglerV1) return false;
    const named = new Set(
      head.lifecycle.steps.flatMap(
        (step) => step.ops.flatMap((op) => op.type === "rename" ? [op.from, op.to] : [op.className])
      )
    );
    return head.bindings.filter((b) => isLocalBinding(b, head)).every((b) => named.has(b.className));
  }
  if (rejected.cause !== "still-bound") return false;
  const deletes = new Set(
    base.lifecycle.steps.slice(rejected.index).flatMap((step) => step.ops.flatMap((op) => op.type === "delete" ? [op.className] : []))
  );
  return !head.bindings.some((b) => deletes.has(b.className));
}
function touchesTail(base, head, index) {
  if (base.lifecycle.model !== "migrations") return false;
  const headSteps = head.lifecycle.model === "migrations" ? head.lifecycle.steps : [];
  return base.lifecycle.steps.slice(index).some((step) => !headSteps.some((s) => s.tag === step.tag && s.canonical === step.canonical));
}
function withoutTail(base, index) {
  const lifecycle = base.lifecycle;
  if (lifecycle.model !== "migrations") return base;
  return { ...base, lifecycle: { ...lifecycle, steps: lifecycle.steps.slice(0, index) } };
}
function lifecycleLine(worker) {
  const lifecycle = worker.lifecycle;
  const first = lifecycle.model === "migrations" ? lifecycle.steps[0]?.line : lifecycle.model === "exports" ? lifecycle.entries[0]?.line : null;
  return first ?? worker.envLine;
}

// src/core/analyze/rules/bindings.ts
function removedBindingDrafts(c) {
  const { env, head } = c;
  if (!c.base) return [];
  const drafts = [];
  const headBound = new Set(c.localBindings.map((b) => b.className));
  const reported = /* @__PURE__ */ new Set();
  for (const old of c.baseLocal) {
    if (headBound.has(old.className) || reported.has(old.className)) continue;
    const now = c.after.classes.get(old.className);
    if (now && now.status !== "live") continue;
    reported.add(old.className);
    const elsewhere = head.bindings.find((b) => b.name === old.name && !isLocalBinding(b, head));
    if (elsewhere) {
      drafts.push({
        kind: "binding-retargeted",
        env,
        classes: [old.className, elsewhere.className],
        line: elsewhere.line,
        ...bindingRetargeted({
          binding: old.name,
          env,
          ownClass: old.className,
          otherClass: elsewhere.className,
          otherWorker: elsewhere.scriptName,
          worker: head.name,
          exportsModel: head.lifecycle.model === "exports"
        })
      });
      continue;
    }
    drafts.push({
      kind: "binding-removed",
      env,
      classes: [old.className],
      line: head.bindingsLine ?? head.envLine,
      ...bindingRemoved({ binding: old.name, className: old.className, env })
    });
  }
  return drafts;
}
function unknownClassDrafts(c) {
  const { env, head, base, after } = c;
  const drafts = [];
  const headLive = liveClassSet(after.classes);
  const baseHad = (name, className) => base?.bindings.some((b) => b.name === name && b.className === className && isLocalBinding(b, base)) ?? false;
  for (const binding of c.localBindings) {
    if (headLive.has(binding.className) || after.classes.get(binding.className)?.status === "deleted")
      continue;
    if (head.wranglerV1) continue;
    const noLifecycle = head.lifecycle.model === "none";
    const existed = baseHad(binding.name, binding.className) && !isLiveAtBase(c, binding.className);
    drafts.push({
      kind: "binding-unknown-class",
      env,
      classes: [binding.className],
      line: binding.line,
      severity: noLifecycle ? "warning" : "error",
      preExisting: existed,
      ...bindingUnknownClass({ binding: binding.name, className: binding.className, env, noLifecycle })
    });
  }
  return drafts;
}

// src/core/analyze/rules/deletes.ts
function classDeletedDraft(c, gone, origin) {
  const switched = storageSwitch(c, gone);
  const unblocked = c.unblocked && c.unblockedTags.has(gone.tag) ? c.unblocked : null;
  return {
    kind: "class-deleted",
    env: c.env,
    classes: [gone.className],
    line: gone.line,
    tag: gone.tag,
    ...unblocked && gone.tag ? { unlessRan: gone.tag } : {},
    ...classDeleted({
      className: gone.className,
      env: c.env,
      tag: gone.tag,
      inherited: c.head.lifecycle.model !== "none" && c.head.lifecycle.inherited,
      worker: c.head.name,
      origin,
      unblocked: unblocked ? { code: unblocked.code, reason: unblocked.reason, from: c.unblockedFrom } : null,
      switched: switched ? {
        binding: switched.binding.name,
        target: switched.target.className,
        from: switched.from,
        to: switched.to
      } : null
    })
  };
}
function destroyedClassDrafts(c) {
  const drafts = [];
  const { base, head, deployedBase, baseClasses } = c;
  for (const d of c.destroyed ?? []) {
    const gone = {
      className: d.className,
      status: "deleted",
      storage: baseClasses.get(d.origin)?.storage ?? null,
      tag: d.tag,
      line: d.line,
      renamedTo: null,
      deletedBefore: false,
      via: d.origin === d.className ? "create" : "rename"
    };
    c.deleted.push(gone);
    drafts.push(classDeletedDraft(c, gone, d.origin));
  }
  if (deployedBase && !c.unblocked) {
    const reported = new Set((c.destroyed ?? []).map((d) => `${d.className}\0${d.tag}`));
    for (const d of editedStepDestructions(deployedBase.lifecycle, head.lifecycle)) {
      if (!reported.has(`${d.className}\0${d.tag}`)) drafts.push(editedDelete(c, d));
    }
  }
  if (base?.lifecycle.model === "migrations" && base.lifecycle.steps.length > 0 && deployedBase && head.lifecycle.model === "migrations") {
    const deployedIndex = deployedBase.lifecycle.model === "migrations" ? deployedBase.lifecycle.steps.length - 1 : -1;
    const reported = new Set(
      drafts.filter((d) => d.kind === "class-deleted").map((d) => `${d.classes?.[0]}\0${d.tag}`)
    );
    for (const d of possibleDestructions(base.lifecycle.steps, head.lifecycle.steps, deployedIndex)) {
      if (reported.has(`${d.className}\0${d.tag}`)) continue;
      reported.add(`${d.className}\0${d.tag}`);
      drafts.push(d.unlessRan ? editedDelete(c, { ...d, unlessRan: d.unlessRan }) : ranDelete(c, d));
    }
  }
  return drafts;
}
function boundName(c, className) {
  return c.localBindings.find((b) => b.className === className)?.name ?? null;
}
function editedDelete(c, d) {
  const head = c.head;
  const verb = head.lifecycle.model === "migrations" && !head.lifecycle.steps.some((s) => s.tag === d.unlessRan) ? "removed" : "edited";
  return {
    kind: "class-deleted",
    env: c.env,
    classes: [d.className],
    line: d.line,
    tag: d.tag,
    unlessRan: d.unlessRan,
    ...editedStepDelete({
      env: c.env,
      unlessRan: d.unlessRan,
      verb,
      tag: d.tag,
      className: d.className,
      origin: d.origin,
      worker: head.name,
      bound: boundName(c, d.className)
    })
  };
}
function ranDelete(c, d) {
  return {
    kind: "class-deleted",
    env: c.env,
    classes: [d.className],
    line: d.line,
    tag: d.tag,
    ...d.ifRan ? { ifRan: d.ifRan } : {},
    ...ranStepDelete({
      env: c.env,
      tag: d.tag,
      className: d.className,
      origin: d.origin,
      ifRan: d.ifRan,
      worker: c.head.name,
      bound: boundName(c, d.className)
    })
  };
}
function mixedStepDrafts(c) {
  const drafts = [];
  if (c.deployedBase?.lifecycle.model !== "migrations" || c.head.lifecycle.model !== "migrations")
    return drafts;
  for (const step of pendingSteps(c.deployedBase.lifecycle.steps, c.headSteps)) {
    const deletes = step.ops.filter((op) => op.type === "delete");
    if (deletes.length === 0 || deletes.length === step.ops.length) continue;
    drafts.push({
      kind: "delete-mixed-step",
      env: c.env,
      line: step.line,
      tag: step.tag,
      classes: deletes.map((op) => op.className),
      ...deleteMixedStep({ tag: step.tag, env: c.env })
    });
  }
  return drafts;
}
function boundDeleteDrafts(c) {
  const drafts = [];
  const { env, head } = c;
  for (const gone of c.deleted) {
    for (const binding of head.bindings.filter((b) => b.className === gone.className)) {
      const local = isLocalBinding(binding, head);
      drafts.push({
        kind: "delete-still-bound",
        env,
        classes: [gone.className],
        line: binding.line,
        tag: gone.tag,
        ...deleteStillBound({
          className: gone.className,
          env,
          binding: binding.name,
          scriptName: binding.scriptName,
          local
        })
      });
    }
  }
  if (!c.base) return drafts;
  for (const gone of c.deleted) {
    if (head.bindings.some((b) => b.className === gone.className)) continue;
    for (const old of c.baseLocal.filter((b) => b.className === gone.className)) {
      drafts.push(baseBindingOfDeleted(c, gone, old));
    }
  }
  return drafts;
}
function baseBindingOfDeleted(c, gone, old) {
  const { env, head, created } = c;
  const now = head.bindings.find((b) => b.name === old.name);
  const target = now ? c.after.classes.get(now.className) : void 0;
  const sameBackend = now !== void 0 && isLocalBinding(now, head) && created.some((x) => x.className === now.className) && target?.storage === (gone.storage ?? c.baseClasses.get(gone.className)?.storage ?? null);
  const separateSteps = now !== void 0 && created.some((x) => x.className === now.className && x.tag !== gone.tag);
  if (now && sameBackend) {
    return {
      kind: "probable-rename",
      env,
      classes: [gone.className, now.className],
      line: gone.line,
      tag: gone.tag,
      dataLoss: true,
      ...probableRename({ binding: old.name, gone: gone.className, now: now.className, separateSteps })
    };
  }
  if (now) {
    return {
      kind: "delete-binding-repointed",
      env,
      classes: [gone.className, now.className],
      line: now.line,
      tag: gone.tag,
      ...separateSteps ? { severity: "warning" } : {},
      ...deleteBindingRepointed({
        binding: old.name,
        gone: gone.className,
        now: now.className,
        nowWorker: now.scriptName && !isLocalBinding(now, head) ? now.scriptName : null,
        env,
        separateSteps
      })
    };
  }
  if (c.baseClasses.get(gone.className)?.via === "transfer") {
    return {
      kind: "delete-transferred-bound",
      env,
      classes: [gone.className],
      line: gone.line,
      tag: gone.tag,
      ...deleteTransferredBound({ className: gone.className, worker: head.name, env, binding: old.name })
    };
  }
  return {
    kind: "delete-binding-removed",
    env,
    classes: [gone.className],
    line: gone.line,
    tag: gone.tag,
    ...deleteBindingRemoved({ binding: old.name, className: gone.className, env })
  };
}

// src/core/analyze/rules/classes.ts
function classStateDrafts(c, drafts) {
  const { env, head, baseClasses, after, predicted } = c;
  const firstDestruction = (name) => head.lifecycle.model === "migrations" ? destructions(liveClassNames(baseClasses), head.lifecycle.steps).find(
    (d) => d.origin === name && d.className === name
  ) : void 0;
  const destroyedAndCreatedAgain = (now) => now.status === "live" && (c.destroyed ?? []).some((d) => d.className === now.className);
  const unchanged = after.classes === baseClasses && (c.destroyed ?? []).length === 0;
  for (const now of unchanged ? [] : after.classes.values()) {
    const name = now.className;
    const was = baseClasses.get(name);
    if (now.status === "renamed" && was?.status !== "renamed") {
      drafts.push({
        kind: "class-renamed",
        env,
        classes: [name, now.renamedTo ?? ""],
        line: now.line,
        tag: now.tag,
        ...classRenamed({ className: name, renamedTo: now.renamedTo, env })
      });
      continue;
    }
    if (now.status === "transferred-out" && was?.status !== "transferred-out") {
      drafts.push({
        kind: "class-transferred",
        env,
        classes: [name],
        line: now.line,
        tag: now.tag,
        ...classTransferred({ className: name, worker: head.name, env, direction: "out" })
      });
      continue;
    }
    if (was?.status === "live") {
      if (now.status === "deleted") {
        if (c.destroyed === null) {
          const first = firstDestruction(name);
          const gone = first ? { ...now, tag: first.tag, line: first.line } : now;
          for (let i = drafts.length - 1; i >= 0; i--) {
            const d = drafts[i];
            if (d.kind === "class-deleted" && (d.unlessRan || d.ifRan) && d.classes?.[0] === name && d.tag === gone.tag)
              drafts.splice(i, 1);
          }
          c.deleted.push(gone);
          drafts.push(classDeletedDraft(c, gone, name));
        }
      } else if (destroyedAndCreatedAgain(now)) {
        drafts.push({
          kind: "class-recreated",
          env,
          classes: [name],
          line: now.line,
          tag: now.tag,
          ...classDeletedAndRecreated({
            className: name,
            env,
            newStorage: was.storage && now.storage && was.storage !== now.storage ? now.storage : null
          })
        });
      } else if (was.storage && now.storage && was.storage !== now.storage) {
        drafts.push({
          kind: "storage-changed",
          env,
          classes: [name],
          line: now.line,
          tag: now.tag,
          ...storageChanged({ className: name, env, from: was.storage, to: now.storage })
        });
      }
      continue;
    }
    if (now.status !== "live") continue;
    if (now.via === "rename") continue;
    if (now.via === "transfer") {
      drafts.push({
        kind: "class-transferred",
        env,
        classes: [name],
        line: now.line,
        tag: now.tag,
        ...classTransferred({ className: name, worker: head.name, env, direction: "in" })
      });
      continue;
    }
    c.created.push(now);
    if (was?.status === "deleted" || now.deletedBefore) {
      const unapplied = predicted !== null && c.baseSteps.slice(predicted.index).find((step) => step.ops.some((op) => op.type === "delete" && op.className === name));
      drafts.push({
        kind: "class-recreated",
        env,
        classes: [name],
        line: now.line,
        tag: now.tag,
        ...unapplied ? { severity: "info" } : {},
        ...classRecreated({
          className: name,
          env,
          unapplied: unapplied && predicted ? { tag: unapplied.tag, code: predicted.code, reason: predicted.reason } : null
        })
      });
    }
  }
  for (const group of groupByTag(
    c.created.filter((s) => !s.deletedBefore && !baseClasses.has(s.className))
  )) {
    const names = group.map((s) => s.className);
    const first = group[0];
    drafts.push({
      kind: "class-created",
      env,
      classes: names,
      line: first.line,
      tag: first.tag,
      ...classCreated({ classNames: names, env, tag: first.tag, storage: first.storage })
    });
  }
}
function exportRemovedDrafts(c) {
  if (!c.base || c.head.lifecycle.model !== "exports") return [];
  const drafts = [];
  for (const was of c.baseClasses.values()) {
    if (was.status !== "live" || c.after.classes.has(was.className)) continue;
    drafts.push({
      kind: "export-removed",
      env: c.env,
      classes: [was.className],
      line: lifecycleLine(c.head),
      ...exportRemoved({ className: was.className, env: c.env })
    });
  }
  return drafts;
}
function lifecycleModelDrafts(c) {
  const fromModel = c.base?.lifecycle.model;
  const toModel = c.head.lifecycle.model;
  if (!fromModel || fromModel === "none" || toModel === "none" || fromModel === toModel) return [];
  const toExports = toModel === "exports";
  return [
    {
      kind: "lifecycle-model-changed",
      env: c.env,
      line: lifecycleLine(c.head),
      severity: toExports ? "warning" : "error",
      ...lifecycleModelChanged({ env: c.env, toExports })
    }
  ];
}
function groupByTag(states) {
  const groups = /* @__PURE__ */ new Map();
  for (const state of states) {
    const key = `${state.tag}\0${state.storage}`;
    const group = groups.get(key);
    if (group) group.push(state);
    else groups.set(key, [state]);
  }
  return [...groups.values()];
}

// src/core/analyze/rules/history.ts
function replayProblemDrafts(c) {
  const base = c.fullBefore?.problems ?? [];
  const key = (p) => `${p.kind}\0${p.className}\0${p.tag}`;
  const known = new Set(base.map(key));
  return c.after.problems.filter((p) => !known.has(key(p))).map(
    (p) => ({
      kind: "replay-rejected",
      env: c.env,
      classes: [p.className],
      line: p.line,
      tag: p.tag,
      ...replayRejected({ env: c.env, problem: p.kind, className: p.className, tag: p.tag })
    })
  );
}
function historyDrafts(c) {
  const { base, head, after } = c;
  const inheritedBoth = base?.lifecycle.model !== "none" && !base?.ownsLifecycle && !head.ownsLifecycle;
  if (base?.lifecycle.model !== "migrations" || head.lifecycle.model === "exports" || inheritedBoth)
    return [];
  const before = c.fullBefore?.problems ?? [];
  return compareHistories(c.env, base.lifecycle.steps, c.headSteps, {
    rejected: c.predicted,
    keptAtHead: /* @__PURE__ */ new Set([...liveClassNames(after.classes), ...c.localBindings.map((b) => b.className)]),
    boundAtHead: new Set(c.localBindings.map((b) => b.className)),
    repairs: repairedSteps(before, after.problems, base.lifecycle.steps, c.headSteps)
  });
}
function repairedSteps(base, head, baseSteps, headSteps) {
  const out = /* @__PURE__ */ new Set();
  const unknown = (p) => p.kind === "delete-unknown" || p.kind === "rename-unknown";
  const fixed = new Set(
    base.filter((p) => unknown(p) && !head.some((h) => h.kind === p.kind && h.className === p.className)).map((p) => p.className)
  );
  if (fixed.size === 0) return out;
  const opKey = (op) => JSON.stringify(op);
  for (const step of baseSteps) {
    const now = headSteps.find((s) => s.tag !== null && s.tag === step.tag);
    if (!now || now.canonical === step.canonical) continue;
    const had = new Set(step.ops.map(opKey));
    const gained = now.ops.filter((op) => !had.has(opKey(op)));
    if (gained.length > 0 && gained.every((op) => op.type === "create") && gained.some((op) => op.type === "create" && fixed.has(op.className)))
      out.add(now.tag);
  }
  return out;
}

// src/core/analyze/rules/workers.ts
function identityDrafts(c) {
  const { env, base, head } = c;
  const live = liveAtBase(c);
  if (!base || live.length === 0 && base.bindings.length === 0) return [];
  const renamed = Boolean(
    base.name && head.name && base.name !== head.name && !base.placeholderName && !head.placeholderName
  );
  if (base.accountId && head.accountId && base.accountId !== head.accountId && !head.placeholderName) {
    const deletes = head.lifecycle.model === "migrations" && head.lifecycle.steps.some((step) => step.ops.some((op) => op.type === "delete"));
    return [
      {
        kind: "account-changed",
        env,
        classes: live,
        line: head.accountIdLine ?? head.nameLine ?? head.envLine,
        ...accountChanged({
          env,
          fromAccount: base.accountId,
          toAccount: head.accountId,
          renamed: renamed ? { from: base.name, to: head.name } : null,
          baseName: base.name,
          worker: head.name,
          deletes,
          exportsModel: head.lifecycle.model === "exports"
        })
      }
    ];
  }
  if (renamed && base.name && head.name) {
    const deletes = freshDeletes(head);
    const served = live.filter((name) => c.baseLocal.some((b) => b.className === name));
    return [
      {
        kind: "worker-renamed",
        env,
        classes: live,
        line: head.nameLine ?? head.envLine,
        ...deletes.length > 0 || served.length > 0 ? { severity: "error" } : {},
        ...workerRenamed({
          env,
          from: base.name,
          to: head.name,
          deletes,
          served,
          exportsModel: head.lifecycle.model === "exports"
        })
      }
    ];
  }
  return [];
}
function removedWorker(base, why) {
  const live = [...replayLifecycle(base.lifecycle).classes.values()].filter((s) => s.status === "live").map((s) => s.className);
  if (!base.ownsLifecycle && base.bindings.length === 0 && live.length === 0) return null;
  const quiet = why === "env" && !base.ownsLifecycle && base.bindings.length === 0;
  return {
    kind: "env-removed",
    env: base.env,
    classes: live,
    line: null,
    ...quiet ? { severity: "info" } : {},
    ...envRemoved({ why, env: base.env, worker: base.name })
  };
}
function freshDeletes(worker) {
  if (worker.lifecycle.model !== "migrations") return [];
  const names = worker.lifecycle.steps.flatMap(
    (step) => step.ops.flatMap((op) => op.type === "delete" ? [op.className] : [])
  );
  return [...new Set(names)];
}

// src/core/analyze/compare-worker.ts
function compareWorker(base, head, context = {}) {
  const c = compare(base, head, context);
  const drafts = destroyedClassDrafts(c);
  classStateDrafts(c, drafts);
  drafts.push(
    ...exportRemovedDrafts(c),
    ...lifecycleModelDrafts(c),
    ...replayProblemDrafts(c),
    ...historyDrafts(c),
    ...mixedStepDrafts(c),
    ...boundDeleteDrafts(c),
    ...removedBindingDrafts(c),
    ...unknownClassDrafts(c),
    ...identityDrafts(c)
  );
  return head.lifecycle.model === "exports" ? exportsDrafts(base, head, drafts) : drafts;
}

// src/core/analyze/file.ts
function analyzeFile(change, options = {}) {
  const { file } = change;
  const { head, base, same } = readChange(change);
  const findings = [];
  const wanted = (env) => !options.envs || options.envs.includes(env);
  if (head && !head.ok) {
    findings.push(parseErrorFinding(head, same && base !== null));
    return { file, findings, headWorkers: [] };
  }
  if (base && !base.ok) findings.push(parseErrorFinding(base, false, true));
  const baseConfig = base?.ok ? base : null;
  if (!head) {
    const removed = baseConfig ? readWorkers(baseConfig).workers : [];
    for (const worker of removed) {
      const draft = wanted(worker.env) ? removedWorker(worker, "file") : null;
      if (draft && baseConfig) findings.push(placed(draft, placement(baseConfig, worker.name, true), worker));
    }
    return { file, findings, headWorkers: [], baseWorkers: removed };
  }
  const headReading = workersOf(head);
  const baseReading = baseConfig ? workersOf(baseConfig) : null;
  const baseWorkers = base && !base.ok ? headReading.workers : baseReading?.workers ?? [];
  const baseByEnv = new Map(baseWorkers.map((w) => [w.env, w]));
  const known = new Set((baseReading?.drafts ?? []).map(draftKey));
  for (const draft of headReading.drafts) {
    if (!wanted(draft.env)) continue;
    if (draft.kind === "legacy-wrangler-config" && same) continue;
    const worker = headReading.workers.find((w) => w.env === draft.env);
    findings.push(placeDraft(draft, placement(head, worker?.name ?? null, !known.has(draftKey(draft)))));
  }
  const takeovers = [];
  const unreadBase = base && !base.ok ? base.file : null;
  const unreadDeletes = [];
  for (const worker of headReading.workers) {
    if (!wanted(worker.env)) continue;
    const positional = baseByEnv.get(worker.env) ?? null;
    const owner = deployedOnto(worker, positional, options.baseWorkersNamed);
    if (owner) takeovers.push({ head: worker, owner, positional });
    const base2 = owner ?? positional;
    const baseEntry = base2 && options.baseExportsOf ? workerEntryPath(base2) : null;
    const baseExports = baseEntry ? options.baseExportsOf?.(baseEntry) ?? null : null;
    const boundElsewhere = base2 ? bindingsReaching(base2, options.baseWorkersNamed) : void 0;
    for (const draft of compareWorker(base2, worker, { baseExports, boundElsewhere })) {
      findings.push(placed(draft, placement(head, worker.name, true), worker));
    }
    const deletes = baseConfig === null && base2 === null ? newConfigDeletes2(worker) : null;
    if (deletes) findings.push(placed(deletes, placement(head, worker.name, true), worker));
    if (unreadBase !== null) unreadDeletes.push(...unreadBaseDeletes2(worker));
  }
  if (unreadDeletes.length > 0) {
    const at = findings.findIndex((f) => f.kind === "parse-error" && f.file === unreadBase);
    const was = findings[at];
    if (was) {
      const more = unreadBaseDeletes({ deletes: unreadDeletes });
      findings[at] = {
        ...remarked(was, { after: more.message }),
        severity: "error",
        fix: fixWithAddition(was.fix, more)
      };
    }
  }
  if (baseConfig && base?.ok) {
    const headEnvs = new Set(headReading.workers.map((w) => w.env));
    for (const worker of baseWorkers) {
      if (headEnvs.has(worker.env) || !wanted(worker.env)) continue;
      const draft = removedWorker(worker, "env");
      if (draft)
        findings.push(
          placed({ ...draft, line: head.locate(["env"]) }, placement(head, worker.name, true), worker)
        );
    }
  }
  return {
    file,
    findings,
    headWorkers: headReading.workers,
    baseWorkers: baseReading?.workers ?? [],
    ...takeovers.length > 0 ? { takeovers } : {},
    ...change.onlyWithConfig ? { onlyWithConfig: true } : {}
  };
}
function readChange(change) {
  const known = sidesRead.get(change);
  if (known) return known;
  const { file } = change;
  const head = readSide(file, change.headText, change.headUnreadable);
  const baseFile = change.baseFile ?? file;
  const same = change.baseText === change.headText && change.baseUnreadable === change.headUnreadable && configFormat(baseFile) === configFormat(file);
  const base = same ? head : readSide(baseFile, change.baseText, change.baseUnreadable);
  const sides = { head, base, same };
  sidesRead.set(change, sides);
  return sides;
}
var sidesRead = /* @__PURE__ */ new WeakMap();
function workersOf(config) {
  let reading = workersRead.get(config);
  if (!reading) {
    reading = readWorkers(config);
    workersRead.set(config, reading);
    releaseLocator(config);
  }
  return reading;
}
var workersRead = /* @__PURE__ */ new WeakMap();
function baseWorkerIndex(changes) {
  const index = /* @__PURE__ */ new Map();
  for (const change of changes) {
    const { base } = readChange(change);
    if (!base?.ok) continue;
    for (const worker of workersOf(base).workers) {
      if (worker.name === null || worker.placeholderName) continue;
      const list = index.get(worker.name);
      if (list) list.push(worker);
      else index.set(worker.name, [worker]);
    }
  }
  return index;
}
function sameWorker(a, b) {
  return a.name !== null && a.name === b.name && !a.placeholderName && !b.placeholderName && sameAccount(a, b);
}
function sameAccount(a, b) {
  return a.accountId === void 0 || b.accountId === void 0 || a.accountId === b.accountId;
}
function deployedOnto(head, positional, index) {
  if (!index || head.name === null || head.placeholderName) return null;
  if (positional && sameWorker(positional, head)) return null;
  const samePlace = (w) => positional !== null && w.file === positional.file && w.env === positional.env;
  const owners = (index.get(head.name) ?? []).filter((w) => sameWorker(w, head) && !samePlace(w));
  return owners.find((w) => w.file === head.file) ?? owners[0] ?? null;
}
function bindingsReaching(base, index) {
  if (!index || base.name === null || base.placeholderName) return void 0;
  const out = /* @__PURE__ */ new Map();
  for (const [other, b] of bindingsByScript(index).get(base.name) ?? []) {
    if (other === base || other.file === base.file && other.env === base.env) continue;
    if (other.name === base.name) continue;
    if (!out.has(b.className)) out.set(b.className, { binding: b.name, worker: other.name ?? other.file });
  }
  return out.size > 0 ? out : void 0;
}
function bindingsByScript(index) {
  let byScript = scriptBindings.get(index);
  if (byScript) return byScript;
  byScript = /* @__PURE__ */ new Map();
  for (const workers of index.values()) {
    for (const other of workers) {
      for (const b of other.bindings) {
        if (b.scriptName === null) continue;
        const list = byScript.get(b.scriptName);
        if (list) list.push([other, b]);
        else byScript.set(b.scriptName, [[other, b]]);
      }
    }
  }
  scriptBindings.set(index, byScript);
  return byScript;
}
var scriptBindings = /* @__PURE__ */ new WeakMap();
function newConfigDeletes2(worker) {
  const lifecycle = worker.lifecycle;
  if (lifecycle.model !== "migrations") return null;
  const deleted = deletesOfCreated(lifecycle.steps);
  const first = deleted[0];
  if (!first) return null;
  return {
    kind: "new-config-deletes",
    env: worker.env,
    classes: [...new Set(deleted.map((d) => d.className))],
    line: first.line,
    tag: first.tag,
    ...newConfigDeletes({
      file: worker.file,
      env: worker.env,
      inherited: lifecycle.inherited,
      classNames: [...new Set(deleted.map((d) => d.className))],
      tags: deleted.map((d) => d.tag),
      worker: worker.name
    })
  };
}
function unreadBaseDeletes2(worker) {
  if (worker.lifecycle.model !== "migrations") return [];
  return deletesOfCreated(worker.lifecycle.steps).map((d) => ({ className: d.className, tag: d.tag }));
}
function placed(draft, at, worker) {
  const finding2 = placeDraft(draft, at);
  const why = notDeployedAsWritten(worker);
  return why ? forUndeployedWorker(finding2, why) : finding2;
}
function placement(config, worker, introduced) {
  return { file: config.file, worker, locate: config.locate, introduced };
}
function draftKey(draft) {
  return [draft.kind, draft.env, draft.path ? pathKey(draft.path) : "", draft.message].join("\0");
}
function readSide(file, text, unreadable) {
  if (unreadable) {
    return {
      ok: false,
      file,
      format: configFormat(file),
      message: unreadable,
      line: null,
      column: null,
      overLimit: true
    };
  }
  return text === null ? null : parseConfigText(file, text);
}
function parseErrorFinding(failure, preExisting, isBase = false) {
  const entry = CATALOGUE["parse-error"];
  const text = parseError({
    file: failure.file,
    reason: failure.message,
    line: failure.line,
    column: failure.column,
    format: failure.format,
    overLimit: failure.overLimit === true,
    isBase
  });
  const common = {
    code: entry.code,
    kind: "parse-error",
    dataLoss: false,
    classes: [],
    worker: null,
    env: null,
    file: failure.file,
    line: failure.line,
    tag: null,
    ...text
  };
  if (failure.overLimit && !isBase) return { ...common, severity: "critical", introduced: true };
  return {
    ...common,
    severity: preExisting ? "info" : isBase ? "warning" : entry.severity,
    introduced: !preExisting
  };
}

// src/core/analyze/report.ts
function buildReport(findings) {
  const sorted = [...findings].sort(compareFindings);
  return { risk: riskOf(sorted), findings: sorted };
}
function riskOf(findings) {
  let top = -1;
  for (const f of findings) if (!f.suppressed) top = Math.max(top, severityRank(f.severity));
  return ["none", "low", "medium", "high", "critical"][top + 1];
}
function compareFindings(a, b) {
  return Number(b.dataLoss) - Number(a.dataLoss) || Number(Boolean(a.suppressed)) - Number(Boolean(b.suppressed)) || severityRank(b.severity) - severityRank(a.severity) || textOrder(a.file, b.file) || textOrder(a.env ?? "", b.env ?? "") || (a.line ?? 0) - (b.line ?? 0) || textOrder(a.code, b.code);
}
var LOWER = /^[a-z0-9 ./-]*$/;
var UPPER = /^[A-Z0-9 ./-]*$/;
function textOrder(a, b) {
  if (a === b) return 0;
  if (LOWER.test(a) && LOWER.test(b) || UPPER.test(a) && UPPER.test(b)) return a < b ? -1 : 1;
  return a.localeCompare(b);
}

// src/core/analyze/lookups.ts
var AnalysisLookups = class {
  owners = null;
  files = null;
  names = null;
  analyses;
  constructor(analyses) {
    this.analyses = analyses;
  }
  /** The base Workers some head target takes over, as JSON of [name, env]. */
  takenOver() {
    this.owners ??= new Set(
      this.analyses.flatMap(
        (a) => (a.takeovers ?? []).map((t) => JSON.stringify([t.owner.name, t.owner.env]))
      )
    );
    return this.owners;
  }
  /** The first analysis of a file. */
  analysisOf(file) {
    if (!this.files) {
      this.files = /* @__PURE__ */ new Map();
      for (const a of this.analyses) if (!this.files.has(a.file)) this.files.set(a.file, a);
    }
    return this.files.get(file);
  }
  /** The first head Worker of that name, in the analyses' order. */
  headWorkerNamed(name) {
    if (!this.names) {
      this.names = /* @__PURE__ */ new Map();
      for (const a of this.analyses)
        for (const w of a.headWorkers) if (!this.names.has(w.name)) this.names.set(w.name, w);
    }
    return this.names.get(name);
  }
};

// src/core/analyze/repository.ts
function repositoryFindings(analyses, extra = []) {
  const findings = [...analyses.flatMap((a) => a.findings), ...extra];
  const lookups = new AnalysisLookups(analyses);
  const cross = crossWorkerBindings(findings, analyses);
  const blocked = new Set(cross.map((c) => c.blocks));
  const unexported = new Set(
    findings.filter((f) => f.kind === "class-not-exported").map((f) => placeKey(f.file, f.env, f.classes[0]))
  );
  const kept = findings.filter(
    (f) => !(f.kind === "env-removed" && movedTo(lookups, f)) && !(f.kind === "delete-binding-removed" && blocked.has(deletionKey(f.worker, f.classes[0], f.tag))) && !(f.kind === "binding-removed" && unexported.has(placeKey(f.file, f.env, f.classes[0])))
  ).map((f) => f.kind === "binding-retargeted" ? checkRetargetTarget(f, lookups) : f);
  return exportsRepositoryFindings(
    incompleteFixes([...kept, ...cross.map((c) => c.finding), ...identityFindings(analyses)], lookups),
    analyses,
    new Set(cross.filter((c) => c.dropped).map((c) => c.finding))
  );
}
function incompleteFixes(findings, lookups) {
  const deletions = findings.filter((f) => f.kind === "class-deleted" && f.introduced);
  if (deletions.length === 0) return [...findings];
  const workerAt = (file, env) => lookups.analysisOf(file)?.headWorkers.find((w) => w.env === env) ?? null;
  const sameCode = (a, b) => {
    const [ea, eb] = [workerEntryPath(a), workerEntryPath(b)];
    return ea !== null && ea === eb || a.file !== b.file && dirOf(a.file) === dirOf(b.file);
  };
  return findings.map((f) => {
    if (f.introduced || f.kind !== "class-not-exported" && f.kind !== "created-class-not-exported")
      return f;
    const target = workerAt(f.file, f.env);
    if (!target || notDeployedAsWritten(target)) return f;
    const className = f.classes[0];
    const deletion = deletions.find((d) => {
      if (!d.classes.includes(className ?? "") || d.file === f.file && d.env === f.env) return false;
      const deleting2 = workerAt(d.file, d.env);
      return deleting2 !== null && sameCode(deleting2, target);
    });
    if (!deletion) return f;
    const deleting = workerAt(deletion.file, deletion.env);
    const text = incompleteFix({ className, deleting, tag: deletion.tag, target });
    return {
      ...remarked(
        withoutRemarks(f, (r) => r === AT_BASE),
        { before: text.message }
      ),
      severity: CATALOGUE[f.kind].severity,
      introduced: true,
      fix: text.fix
    };
  });
}
function identityFindings(analyses) {
  const out = [];
  const byName = (side) => {
    const groups = /* @__PURE__ */ new Map();
    for (const analysis of analyses) {
      if (analysis.onlyWithConfig) continue;
      const workers = side === "head" ? analysis.headWorkers : analysis.baseWorkers ?? [];
      for (const worker of workers) {
        if (worker.name === null || worker.placeholderName) continue;
        const group = groups.get(worker.name);
        const entry = { file: analysis.file, worker };
        if (group) group.push(entry);
        else groups.set(worker.name, [entry]);
      }
    }
    return groups;
  };
  const at = (file, env) => `${file}\0${env}`;
  const baseGroups = byName("base");
  const twice = /* @__PURE__ */ new Set();
  for (const [name, group] of byName("head")) {
    if (group.length < 2) continue;
    const [first, ...others] = group;
    const before = new Set((baseGroups.get(name) ?? []).map((g) => at(g.file, g.worker.env)));
    for (const other of others) {
      if (!sameAccount(first.worker, other.worker)) continue;
      if (other.file !== first.file && dirOf(other.file) === dirOf(first.file)) continue;
      twice.add(at(other.file, other.worker.env));
      twice.add(at(first.file, first.worker.env));
      const preExisting = before.has(at(first.file, first.worker.env)) && before.has(at(other.file, other.worker.env));
      const finding2 = identityFinding(
        "worker-deployed-twice",
        other.worker,
        workerDeployedTwice({ name, other: other.worker, first: first.worker })
      );
      out.push(preExisting ? alreadyAtBase(finding2) : finding2);
    }
  }
  for (const analysis of analyses) {
    for (const { head, owner, positional } of analysis.takeovers ?? []) {
      if (twice.has(at(analysis.file, head.env))) continue;
      out.push(
        identityFinding(
          "worker-name-taken",
          head,
          workerNameTaken({ head, name: head.name, owner, previousName: positional?.name ?? null })
        )
      );
    }
  }
  return out;
}
function dirOf(file) {
  const slash = file.lastIndexOf("/");
  return slash < 0 ? "" : file.slice(0, slash);
}
function identityFinding(kind, worker, text) {
  return workerFinding(worker, kind, { classes: [], line: worker.nameLine ?? worker.envLine }, text);
}
function movedTo(lookups, removed) {
  return lookups.takenOver().has(JSON.stringify([removed.worker, removed.env]));
}
function crossFileKeys(analysis) {
  const names = /* @__PURE__ */ new Set();
  const reaches = /* @__PURE__ */ new Set();
  names.add(`\0dir:${dirOf(analysis.file)}`);
  for (const worker of [...analysis.headWorkers, ...analysis.baseWorkers ?? []]) {
    const entry = workerEntryPath(worker);
    if (entry !== null) names.add(`\0main:${entry}`);
    if (worker.name !== null) names.add(worker.name);
    for (const binding of worker.bindings) if (binding.scriptName) reaches.add(binding.scriptName);
  }
  return { names: [...names], reaches: [...reaches] };
}
function placeKey(file, env, className) {
  return [file, env, className].join("\0");
}
function deletionKey(worker, className, tag) {
  return [worker, className, tag].join("\0");
}
function checkRetargetTarget(finding2, lookups) {
  const className = finding2.classes[1];
  const own = lookups.analysisOf(finding2.file)?.headWorkers.find((w) => w.env === finding2.env);
  const binding = own?.bindings.find((b) => b.line === finding2.line && b.className === className);
  if (!binding?.scriptName || !finding2.introduced) return finding2;
  const target = lookups.headWorkerNamed(binding.scriptName);
  if (!target) return finding2;
  const creates = liveClasses(replayLifecycle(target.lifecycle).classes).has(binding.className);
  const remark = retargetTarget({
    worker: target.name,
    file: target.file,
    className: binding.className,
    creates
  });
  const checked = remarked(finding2, { after: remark });
  return creates ? checked : { ...checked, severity: "error" };
}
function localOnlyNotes(analyses, findings) {
  const listed = [];
  const envs = /* @__PURE__ */ new Set();
  for (const analysis of analyses) {
    const top = analysis.headWorkers.find((w) => w.env === null);
    if (!top || analysis.headWorkers.length < 2) continue;
    const signs = top.name === null ? ["no `name`"] : top.localOnlySigns ?? [];
    if (signs.length === 0) continue;
    const concerned = findings.some(
      (f) => f.file === analysis.file && f.env === null && f.introduced && severityRank(f.severity) >= 1
    );
    if (!concerned) continue;
    listed.push({ file: analysis.file, signs });
    for (const w of analysis.headWorkers) if (w.env !== null) envs.add(w.env);
  }
  if (listed.length === 0) return [];
  return [localOnlyNote({ configs: listed, envs: [...envs] })];
}
function crossWorkerBindings(findings, analyses) {
  const out = [];
  const entry = CATALOGUE["cross-worker-binding"];
  const blocking = (deletion, other, binding, dropped) => {
    const why = notDeployedAsWritten(other);
    const finding2 = {
      code: entry.code,
      kind: "cross-worker-binding",
      severity: entry.severity,
      dataLoss: false,
      classes: [binding.className],
      worker: other.name,
      env: other.env,
      file: other.file,
      line: dropped ? other.bindingsLine ?? other.envLine : binding.line,
      tag: deletion.tag,
      ...crossWorkerBinding({
        other: other.name ?? other.file,
        otherFile: other.file,
        binding: binding.name,
        className: binding.className,
        deletingWorker: deletion.worker,
        deletingFile: deletion.file,
        dropped
      }),
      introduced: true
    };
    out.push({
      finding: why ? forUndeployedWorker(finding2, why) : finding2,
      blocks: deletionKey(deletion.worker, binding.className, deletion.tag),
      dropped
    });
  };
  const bindsIt = (deletion, b) => b.scriptName === deletion.worker && deletion.classes.includes(b.className);
  const byScript = /* @__PURE__ */ new Map();
  for (const analysis of analyses) {
    for (const [workers, atHead] of [
      [analysis.headWorkers, true],
      [analysis.baseWorkers ?? [], false]
    ]) {
      for (const worker of workers) {
        for (const script of new Set(worker.bindings.map((b) => b.scriptName))) {
          if (script === null) continue;
          const list = byScript.get(script);
          if (list) list.push({ analysis, worker, atHead });
          else byScript.set(script, [{ analysis, worker, atHead }]);
        }
      }
    }
  }
  for (const deletion of findings.filter((f) => f.kind === "class-deleted" && f.worker)) {
    for (const { analysis, worker, atHead } of byScript.get(deletion.worker ?? "") ?? []) {
      if (worker.name === deletion.worker) continue;
      if (atHead) {
        for (const binding of worker.bindings.filter((b) => bindsIt(deletion, b))) {
          blocking(deletion, worker, binding, false);
        }
        continue;
      }
      const was = worker;
      const now = analysis.headWorkers.find((w) => w.env === was.env);
      for (const binding of was.bindings.filter((b) => bindsIt(deletion, b))) {
        const kept = now?.bindings.some((b) => b.name === binding.name && bindsIt(deletion, b));
        if (!kept && now) blocking(deletion, now, binding, true);
      }
    }
  }
  return out;
}

// src/core/analyze/analyze.ts
function analyzeRepository(changes, options = {}) {
  const paired = pairConfigs(changes);
  return reportFor(analyzeFiles(paired.changes, options), paired.findings, options);
}
function analyzeFiles(changes, options = {}) {
  const withIndex = withBaseWorkerIndex(changes, options);
  return changes.map((change) => analyzeFile(change, withIndex));
}
function withBaseWorkerIndex(changes, options) {
  return options.baseWorkersNamed ? options : { ...options, baseWorkersNamed: baseWorkerIndex(changes) };
}
function reportFor(analyses, extra = [], options = {}) {
  const workers = planTargets(analyses, options.envs ?? null).map((t) => plannedWorker(planWorker(t, null)));
  const report = { ...buildReport(repositoryFindings(analyses, extra)), workers };
  const notes = localOnlyNotes(analyses, report.findings);
  return notes.length > 0 ? { ...report, notes } : report;
}

export {
  workerEntryPath,
  codeFindings,
  settleRetirements,
  pendingSteps,
  analyzeFile,
  baseWorkerIndex,
  buildReport,
  repositoryFindings,
  crossFileKeys,
  analyzeRepository,
  analyzeFiles,
  withBaseWorkerIndex,
  reportFor
};

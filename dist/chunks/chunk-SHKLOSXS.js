import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  compareHistories,
  configFormat,
  isLocalBinding,
  parseConfigText,
  pathKey,
  pendingDestructions,
  pendingSteps,
  planTargets,
  planWorker,
  plannedWorker,
  readWorkers,
  replayLifecycle
} from "./chunk-VPHA5MTA.js";
import {
  INHERITED_REMARK,
  envLabel,
  placeDraft,
  q
} from "./chunk-3OIL4IS7.js";
import {
  CATALOGUE,
  severityRank
} from "./chunk-V62BCWO2.js";

// src/core/analyze/compare-worker.ts
var TWO_PHASE = "delete in two deploys: first remove every binding to the class (keep exporting it), deploy; then add the delete and deploy with an explicit confirmation (`mode: deploy` of this action runs both phases).";
function compareWorker(base, head) {
  const env = head.env;
  const drafts = [];
  const before = base ? replayLifecycle(base.lifecycle) : null;
  const after = replayLifecycle(head.lifecycle);
  const baseClasses = before?.classes ?? /* @__PURE__ */ new Map();
  const isLiveAtBase = (name) => baseClasses.get(name)?.status === "live";
  const where = envLabel(env);
  const deleted = [];
  const created = [];
  const destroyed = base ? pendingDestructions(
    base.lifecycle,
    head.lifecycle,
    [...baseClasses.values()].filter((c) => c.status === "live").map((c) => c.className)
  ) : null;
  const classDeleted = (gone, origin) => ({
    kind: "class-deleted",
    env,
    classes: [gone.className],
    line: gone.line,
    tag: gone.tag,
    message: `Deleting class ${q(gone.className)} in ${where}${gone.tag ? ` (migration ${q(gone.tag)}${head.lifecycle.model !== "none" && head.lifecycle.inherited ? INHERITED_REMARK : ""})` : ""} destroys every ${q(gone.className)} object of ${q(head.name ?? "this Worker")}${origin === gone.className ? "" : ` (the objects of ${q(origin)}, renamed to ${q(gone.className)} earlier in this change)`} and all its storage, irreversibly.`,
    fix: `If the data must go, ${TWO_PHASE} If you meant to rename the class, use \`renamed_classes\` instead.`
  });
  for (const d of destroyed ?? []) {
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
    deleted.push(gone);
    drafts.push(classDeleted(gone, d.origin));
  }
  const destroyedAndCreatedAgain = (now) => now.status === "live" && (destroyed ?? []).some((d) => d.className === now.className);
  for (const now of after.classes.values()) {
    const name = now.className;
    const was = baseClasses.get(name);
    if (now.status === "renamed" && was?.status !== "renamed") {
      drafts.push({
        kind: "class-renamed",
        env,
        classes: [name, now.renamedTo ?? ""],
        line: now.line,
        tag: now.tag,
        message: `Class ${q(name)} is renamed to ${q(now.renamedTo)} in ${where}: objects and storage move to the new name.`,
        fix: `Export ${q(now.renamedTo)} from the Worker's code and point bindings at it in the same deploy.`
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
        message: `Class ${q(name)} is transferred out of ${q(head.name ?? "this Worker")} in ${where}: its objects move to another Worker.`,
        fix: "Deploy the receiving Worker's `expecting-transfer` entry first, then this one."
      });
      continue;
    }
    if (was?.status === "live") {
      if (now.status === "deleted") {
        if (destroyed === null) {
          deleted.push(now);
          drafts.push(classDeleted(now, name));
        }
      } else if (destroyedAndCreatedAgain(now)) {
        drafts.push({
          kind: "class-recreated",
          env,
          classes: [name],
          line: now.line,
          tag: now.tag,
          message: `Class ${q(name)} is deleted and created again in ${where}: the delete destroys every existing object and its storage, and the new ${q(name)} starts empty${was.storage && now.storage && was.storage !== now.storage ? ` (with ${storageName(now.storage)} storage)` : ""}.`,
          fix: "To change a class's storage or start it over, create a class with a new name and migrate the data in code; never delete a class that holds data you need."
        });
      } else if (was.storage && now.storage && was.storage !== now.storage) {
        drafts.push({
          kind: "storage-changed",
          env,
          classes: [name],
          line: now.line,
          tag: now.tag,
          message: `Class ${q(name)} switches storage from ${storageName(was.storage)} to ${storageName(now.storage)} in ${where}. A class can never change its storage backend in place: deployed Workers ignore this, and fresh Workers get a different backend.`,
          fix: `Keep the original storage. To move to SQLite, create a new class with \`new_sqlite_classes\` and migrate the data in code.`
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
        message: `Class ${q(name)} is transferred into ${q(head.name ?? "this Worker")} in ${where}, with its objects.`,
        fix: "Deploy this Worker before the source Worker drops the class; keep the source's binding until then."
      });
      continue;
    }
    created.push(now);
    if (was?.status === "deleted" || now.deletedBefore) {
      drafts.push({
        kind: "class-recreated",
        env,
        classes: [name],
        line: now.line,
        tag: now.tag,
        message: `Class ${q(name)} is created again in ${where} after an earlier migration deleted it: it starts empty, none of the old objects come back.`,
        fix: "Make sure nobody expects the old data; prefer a new class name so the history reads clearly."
      });
    }
  }
  for (const group of groupByTag(created.filter((c) => !c.deletedBefore && !baseClasses.has(c.className)))) {
    const names = group.map((c) => c.className);
    const first = group[0];
    drafts.push({
      kind: "class-created",
      env,
      classes: names,
      line: first.line,
      tag: first.tag,
      message: `${names.length === 1 ? "Class" : "Classes"} ${names.map(q).join(", ")} ${names.length === 1 ? "is" : "are"} created in ${where}${first.tag ? ` (migration ${q(first.tag)})` : ""} with ${storageName(first.storage)} storage.`,
      fix: `Export ${names.map(q).join(", ")} from the Worker's entry module.`
    });
  }
  if (base) {
    for (const was of baseClasses.values()) {
      if (was.status !== "live" || after.classes.has(was.className)) continue;
      if (head.lifecycle.model !== "exports") continue;
      drafts.push({
        kind: "export-removed",
        env,
        classes: [was.className],
        line: lifecycleLine(head),
        message: `Class ${q(was.className)} has live objects but is no longer declared in \`exports\` in ${where}: the server's reconciliation decides what happens to its namespace.`,
        fix: `Keep ${q(was.className)} in \`exports\`, or mark it \`"state": "deleted"\` if its data must go (two deploys).`
      });
    }
  }
  const fromModel = base?.lifecycle.model;
  if (fromModel && fromModel !== "none" && head.lifecycle.model !== "none" && fromModel !== head.lifecycle.model) {
    const toExports = head.lifecycle.model === "exports";
    drafts.push({
      kind: "lifecycle-model-changed",
      env,
      line: lifecycleLine(head),
      severity: toExports ? "warning" : "error",
      message: toExports ? `${capitalised(where)} moves from \`migrations\` to declarative \`exports\`. This is one-way: once a deploy with \`exports\` lands, the API refuses to go back to \`migrations\` (code 100403). Every class that has objects must be declared in \`exports\` with its storage.` : `${capitalised(where)} goes back from \`exports\` to \`migrations\`: the API refuses this for a Worker that has deployed with \`exports\` (code 100403).`,
      fix: toExports ? "Check that every live class is listed with the right `storage`, and that no tombstone (`deleted`) is there by accident." : "Keep the `exports` map; express the change as an `exports` entry."
    });
  }
  drafts.push(...replayProblems(env, before?.problems ?? [], after.problems));
  const headSteps = head.lifecycle.model === "migrations" ? head.lifecycle.steps : [];
  const inheritedBoth = base?.lifecycle.model !== "none" && !base?.ownsLifecycle && !head.ownsLifecycle;
  if (base?.lifecycle.model === "migrations" && head.lifecycle.model !== "exports" && !inheritedBoth) {
    drafts.push(...compareHistories(env, base.lifecycle.steps, headSteps));
  }
  if (base?.lifecycle.model === "migrations" && head.lifecycle.model === "migrations") {
    for (const step of pendingSteps(base.lifecycle.steps, headSteps)) {
      const deletes = step.ops.filter((op) => op.type === "delete");
      if (deletes.length === 0 || deletes.length === step.ops.length) continue;
      drafts.push({
        kind: "delete-mixed-step",
        env,
        line: step.line,
        tag: step.tag,
        classes: deletes.map((op) => op.className),
        message: `Migration ${q(step.tag)} in ${where} deletes classes and also does other operations: the delete cannot be phased apart from them under one tag.`,
        fix: "Put the deletes in a migration of their own with its own tag."
      });
    }
  }
  const localBindings = head.bindings.filter((b) => isLocalBinding(b, head));
  for (const gone of deleted) {
    for (const binding of localBindings.filter((b) => b.className === gone.className)) {
      drafts.push({
        kind: "delete-still-bound",
        env,
        classes: [gone.className],
        line: binding.line,
        tag: gone.tag,
        message: `Class ${q(gone.className)} is deleted in ${where} but binding ${q(binding.name)} still points at it: the API rejects the deploy (code 10061).`,
        fix: `Remove the binding and ${TWO_PHASE}`
      });
    }
  }
  if (base) {
    const baseLocal = base.bindings.filter((b) => isLocalBinding(b, base));
    for (const gone of deleted) {
      for (const old of baseLocal.filter((b) => b.className === gone.className)) {
        const moved = localBindings.find((b) => b.name === old.name && b.className !== gone.className);
        const target = moved && created.find((c) => c.className === moved.className);
        if (!moved || !target) continue;
        drafts.push({
          kind: "probable-rename",
          env,
          classes: [gone.className, target.className],
          line: gone.line,
          tag: gone.tag,
          dataLoss: true,
          message: `Binding ${q(old.name)} moves from ${q(gone.className)} to ${q(target.className)} while ${q(gone.className)} is deleted and ${q(target.className)} created: this looks like a rename, but as written every ${q(gone.className)} object is destroyed and ${q(target.className)} starts empty.`,
          fix: `To keep the data, replace the delete and create with \`renamed_classes = [{ from = "${gone.className}", to = "${target.className}" }]\`.`
        });
      }
    }
    for (const gone of deleted) {
      for (const old of baseLocal.filter((b) => b.className === gone.className)) {
        if (localBindings.some((b) => b.name === old.name && b.className === gone.className)) continue;
        if (drafts.some((d) => d.kind === "probable-rename" && d.classes?.[0] === gone.className)) continue;
        drafts.push({
          kind: "delete-still-bound",
          env,
          classes: [gone.className],
          line: gone.line,
          tag: gone.tag,
          message: `Binding ${q(old.name)} to ${q(gone.className)} is removed in the same change that deletes ${q(gone.className)} in ${where}: the API checks a delete against the LIVE bindings, which still have ${q(old.name)}, so this one-shot deploy fails with code 10061.`,
          fix: `Split it: ${TWO_PHASE}`
        });
      }
    }
    const headBound = new Set(localBindings.map((b) => b.className));
    const reported = /* @__PURE__ */ new Set();
    for (const old of baseLocal) {
      if (headBound.has(old.className) || reported.has(old.className)) continue;
      const now = after.classes.get(old.className);
      if (now && now.status !== "live") continue;
      reported.add(old.className);
      drafts.push({
        kind: "binding-removed",
        env,
        classes: [old.className],
        line: head.bindingsLine ?? head.envLine,
        message: `Binding ${q(old.name)} to class ${q(old.className)} was removed from ${where} without a delete migration: the objects and their storage stay. If the class also leaves the code, the deploy fails with code 10064.`,
        fix: `Keep exporting ${q(old.className)} from the code. If its data should go, follow with a delete (phase 2 of a two-phase deploy); if the removal is a mistake, restore the binding.`
      });
    }
  }
  const headLive = new Set(
    [...after.classes.values()].filter((c) => c.status === "live").map((c) => c.className)
  );
  const baseHad = (name, className) => base?.bindings.some((b) => b.name === name && b.className === className && isLocalBinding(b, base)) ?? false;
  for (const binding of localBindings) {
    if (headLive.has(binding.className) || after.classes.get(binding.className)?.status === "deleted")
      continue;
    const noLifecycle = head.lifecycle.model === "none";
    const existed = baseHad(binding.name, binding.className) && !isLiveAtBase(binding.className);
    drafts.push({
      kind: "binding-unknown-class",
      env,
      classes: [binding.className],
      line: binding.line,
      severity: noLifecycle ? "warning" : "error",
      preExisting: existed,
      message: noLifecycle ? `Binding ${q(binding.name)} points at class ${q(binding.className)}, but ${where} declares no Durable Object lifecycle (\`migrations\` or \`exports\`): unless the class was created elsewhere, the API rejects it (code 10061).` : `Binding ${q(binding.name)} points at class ${q(binding.className)}, which no migration in ${where} creates: the API rejects the deploy (code 10061).`,
      fix: `Add a migration that creates ${q(binding.className)} (\`new_sqlite_classes\`), or fix the class name.`
    });
  }
  if (base?.name && head.name && base.name !== head.name) {
    const live = [...baseClasses.values()].filter((c) => c.status === "live").map((c) => c.className);
    if (live.length > 0 || base.bindings.length > 0) {
      drafts.push({
        kind: "worker-renamed",
        env,
        classes: live,
        line: head.nameLine ?? head.envLine,
        message: `${env === null ? "The top-level Worker" : `The Worker of ${where}`} is renamed from ${q(base.name)} to ${q(head.name)}: the next deploy creates a NEW Worker that starts with no objects and replays the whole migration history, while ${q(base.name)} keeps all its objects and data.`,
        fix: `Keep the name ${q(base.name)}, or plan the move: transfer the classes (\`transferred_classes\`) or migrate the data, then retire the old Worker.`
      });
    }
  }
  return drafts;
}
function removedWorker(base, why) {
  const live = [...replayLifecycle(base.lifecycle).classes.values()].filter((c) => c.status === "live").map((c) => c.className);
  if (!base.ownsLifecycle && base.bindings.length === 0 && live.length === 0) return null;
  const quiet = why === "env" && !base.ownsLifecycle && base.bindings.length === 0;
  const what = why === "env" ? `Environment ${q(base.env)} was removed` : "The config file was removed";
  return {
    kind: "env-removed",
    env: base.env,
    classes: live,
    line: null,
    ...quiet ? { severity: "info" } : {},
    message: `${what}: Worker ${q(base.name ?? "(unnamed)")} and its Durable Objects live on, no longer managed by this config.`,
    fix: "If the Worker should go, delete its classes in two deploys first and then `wrangler delete` it; otherwise restore the config."
  };
}
function replayProblems(env, base, head) {
  const key = (p) => `${p.kind}\0${p.className}\0${p.tag}`;
  const known = new Set(base.map(key));
  return head.filter((p) => !known.has(key(p))).map((p) => {
    const step = p.tag ? `migration ${q(p.tag)}` : "a migration";
    const text = {
      "delete-unknown": `${step} deletes class ${q(p.className)}, which no earlier step creates`,
      "rename-unknown": `${step} renames class ${q(p.className)}, which no earlier step creates`,
      "create-existing": `${step} creates class ${q(p.className)}, which already exists at that point (code 10074)`,
      "rename-onto-existing": `${step} renames a class onto ${q(p.className)}, which already exists`
    }[p.kind];
    return {
      kind: "replay-rejected",
      env,
      classes: [p.className],
      line: p.line,
      tag: p.tag,
      message: `In ${envLabel(env)}, ${text}: wrangler (4.131 and later) rejects the history on deploy, and a fresh Worker replaying it fails.`,
      fix: "Fix the history so each class is created once before it is renamed or deleted."
    };
  });
}
function groupByTag(states) {
  const groups = /* @__PURE__ */ new Map();
  for (const state of states) {
    const key = `${state.tag}\0${state.storage}`;
    groups.set(key, [...groups.get(key) ?? [], state]);
  }
  return [...groups.values()];
}
function lifecycleLine(worker) {
  const lifecycle = worker.lifecycle;
  const first = lifecycle.model === "migrations" ? lifecycle.steps[0]?.line : lifecycle.model === "exports" ? lifecycle.entries[0]?.line : null;
  return first ?? worker.envLine;
}
function capitalised(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
function storageName(storage) {
  return storage === "sqlite" ? "SQLite" : storage === "kv" ? "key-value (legacy)" : "unknown";
}

// src/core/analyze/analyze.ts
function analyzeFile(change, options = {}) {
  const { file } = change;
  const head = readSide(file, change.headText, change.headUnreadable);
  const same = change.baseText === change.headText && change.baseUnreadable === change.headUnreadable;
  const base = same ? head : readSide(file, change.baseText, change.baseUnreadable);
  const findings = [];
  const wanted = (env) => !options.envs || options.envs.includes(env);
  if (head && !head.ok) {
    findings.push(parseErrorFinding(head, base !== null && !base.ok && base.message === head.message));
    return { file, findings, headWorkers: [] };
  }
  if (base && !base.ok) findings.push(parseErrorFinding(base, false, true));
  const baseConfig = base?.ok ? base : null;
  if (!head) {
    const removed = baseConfig ? readWorkers(baseConfig).workers : [];
    for (const worker of removed) {
      const draft = wanted(worker.env) ? removedWorker(worker, "file") : null;
      if (draft && baseConfig) findings.push(placeDraft(draft, placement(baseConfig, worker.name, true)));
    }
    return { file, findings, headWorkers: [], baseWorkers: removed };
  }
  const headReading = readWorkers(head);
  const baseReading = baseConfig === head ? headReading : baseConfig ? readWorkers(baseConfig) : null;
  const baseWorkers = base && !base.ok ? headReading.workers : baseReading?.workers ?? [];
  const baseByEnv = new Map(baseWorkers.map((w) => [w.env, w]));
  const known = new Set((baseReading?.drafts ?? []).map(draftKey));
  for (const draft of headReading.drafts) {
    if (!wanted(draft.env)) continue;
    const worker = headReading.workers.find((w) => w.env === draft.env);
    findings.push(placeDraft(draft, placement(head, worker?.name ?? null, !known.has(draftKey(draft)))));
  }
  for (const worker of headReading.workers) {
    if (!wanted(worker.env)) continue;
    for (const draft of compareWorker(baseByEnv.get(worker.env) ?? null, worker)) {
      findings.push(placeDraft(draft, placement(head, worker.name, true)));
    }
  }
  if (baseConfig && base?.ok) {
    const headEnvs = new Set(headReading.workers.map((w) => w.env));
    for (const worker of baseWorkers) {
      if (headEnvs.has(worker.env) || !wanted(worker.env)) continue;
      const draft = removedWorker(worker, "env");
      if (draft)
        findings.push(
          placeDraft({ ...draft, line: head.locate(["env"]) }, placement(head, worker.name, true))
        );
    }
  }
  return {
    file,
    findings,
    headWorkers: headReading.workers,
    baseWorkers: base && !base.ok ? [] : baseReading?.workers ?? []
  };
}
function analyzeRepository(changes, options = {}) {
  return reportFor(analyzeFiles(changes, options), [], options);
}
function analyzeFiles(changes, options = {}) {
  return changes.map((change) => analyzeFile(change, options));
}
function reportFor(analyses, extra = [], options = {}) {
  const findings = [...analyses.flatMap((a) => a.findings), ...extra];
  findings.push(...crossWorkerBindings(findings, analyses));
  const workers = planTargets(analyses, options.envs ?? null).map((t) => plannedWorker(planWorker(t, null)));
  return { ...buildReport(findings), workers };
}
function crossWorkerBindings(findings, analyses) {
  const out = [];
  for (const deletion of findings.filter((f) => f.kind === "class-deleted" && f.worker)) {
    for (const analysis of analyses) {
      for (const other of analysis.headWorkers) {
        if (other.name === deletion.worker) continue;
        for (const binding of other.bindings) {
          if (binding.scriptName !== deletion.worker || !deletion.classes.includes(binding.className))
            continue;
          const entry = CATALOGUE["cross-worker-binding"];
          out.push({
            code: entry.code,
            kind: "cross-worker-binding",
            severity: entry.severity,
            dataLoss: false,
            classes: [binding.className],
            worker: other.name,
            env: other.env,
            file: other.file,
            line: binding.line,
            tag: deletion.tag,
            message: `Worker ${q(other.name ?? other.file)} still binds ${q(binding.className)} of ${q(deletion.worker)} through \`script_name\` (binding ${q(binding.name)}): the delete in ${q(deletion.file)} is rejected (code 10061) until this binding is removed and deployed.`,
            fix: `Remove binding ${q(binding.name)} from ${q(other.file)} and deploy that Worker first (phase 1), then deploy the delete.`,
            introduced: true
          });
        }
      }
    }
  }
  return out;
}
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
  const where = failure.line && failure.column ? ` at line ${failure.line}, column ${failure.column}` : "";
  const common = {
    code: entry.code,
    kind: "parse-error",
    dataLoss: false,
    classes: [],
    worker: null,
    env: null,
    file: failure.file,
    line: failure.line,
    tag: null
  };
  if (failure.overLimit && !isBase) {
    return {
      ...common,
      severity: "critical",
      message: `${q(failure.file)} was not checked: ${failure.message}${where}. wrangler may still deploy it, so this check cannot vouch for what it does to Durable Objects.`,
      fix: "Keep the config a plain file inside the repository, under 1 MiB and without deep nesting (real wrangler configs are a few KB).",
      introduced: true
    };
  }
  return {
    ...common,
    severity: preExisting ? "info" : isBase ? "warning" : entry.severity,
    message: isBase ? `The base revision of ${q(failure.file)} does not parse (${failure.message}${where}), so what changed cannot be told; the head revision was checked on its own.` : `${q(failure.file)} does not parse as ${failure.format === "toml" ? "TOML" : "JSON/JSONC"}: ${failure.message}${where}. wrangler will refuse it.`,
    fix: "Fix the syntax at that position (wrangler reads TOML with smol-toml and JSON/JSONC with comments and trailing commas allowed).",
    introduced: !preExisting
  };
}

export {
  analyzeFile,
  analyzeRepository,
  analyzeFiles,
  reportFor,
  buildReport
};

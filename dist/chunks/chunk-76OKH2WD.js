import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  compareHistories,
  configFormat,
  editedStepDestructions,
  liveClasses,
  parseConfigText,
  pendingDestructions,
  pendingSteps,
  planTargets,
  planWorker,
  plannedWorker,
  predictRejection,
  replayLifecycle
} from "./chunk-G6GWAQJC.js";
import {
  CATALOGUE,
  INHERITED_REMARK,
  alreadyAtBase,
  envLabel,
  forUndeployedWorker,
  isLocalBinding,
  isPlaceholderName,
  notDeployedAsWritten,
  placeDraft,
  q,
  readWorkers,
  severityRank
} from "./chunk-ZOXHPDEI.js";
import {
  pathKey
} from "./chunk-K3M7ZXYA.js";

// src/core/analyze/code-exports.ts
import { posix } from "node:path";
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
          finding(base, "exports-unknown", [], null, {
            message: `${whose(worker)} has no \`main\`, so the classes its code exports cannot be checked.`,
            fix: "Set `main` to the Worker's entry module to let this check run."
          })
        );
        continue;
      }
      if (!exports) continue;
      if (exports.status === "unknown") {
        push(
          finding(base, "exports-unknown", [], null, {
            message: `The export names of ${whose(worker)}'s entry ${q(entry)} could not be determined: ${exports.message}`,
            fix: "Nothing to do if the deploy builds the entry; this check only reads source files and never runs a build."
          })
        );
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
            {
              message: created ? `Class ${q(state.className)} is created in ${envLabel(worker.env)} but ${q(entry)} does not export it: the deploy fails with code 10070 (new-class migration for a class not exported).` : `Class ${q(state.className)} still has a Durable Object namespace in ${envLabel(worker.env)}, but ${q(entry)} does not export it: the deploy fails with code 10064 ("does not export class ... depended on by existing Durable Objects").`,
              fix: created ? `Export ${q(state.className)} from ${q(entry)} (\`export class ${state.className} ...\` or re-export it).` : `Keep exporting ${q(state.className)} (a stub class is enough) until a delete migration has been applied; if its data should go, delete it with the two-phase deploy.`
            }
          )
        );
      }
      for (const deletion of deletedNow) {
        const gone = deletion.classes.filter((c) => !exported(c));
        if (gone.length === 0) continue;
        push({
          ...finding(base, "deleted-class-still-needed", gone, null, {
            message: `${gone.map(q).join(", ")} ${gone.length === 1 ? "is" : "are"} deleted, and ${q(entry)} no longer exports ${gone.length === 1 ? "it" : "them"}. Phase 1 of the two-phase deploy (bindings removed, delete held back) still needs the class exported, or it fails with code 10064.`,
            fix: "Nothing to do with `mode: deploy`: phase 1 supplies a minimal stand-in export. Deploying by hand, keep a stub `export class ... {}` until the delete has applied."
          }),
          line: deletion.line,
          tag: deletion.tag
        });
      }
      for (const { className, removal } of abandoned) {
        if (exported(className)) continue;
        push({
          ...finding(base, "class-not-exported", [className], null, {
            message: `${q(className)} has no migration left in ${envLabel(worker.env)} (this change removed ${removal.tag ? `migration ${q(removal.tag)}` : "them"}) and no binding, but removing a migration deletes nothing: if that history reached ${whose(worker)}, its ${q(className)} namespace still exists, and since ${q(entry)} does not export ${q(className)}, the deploy fails with code 10064 ("does not export class ... depended on by existing Durable Objects").`,
            fix: `Restore the migrations, keep exporting ${q(className)} (a stub class is enough), and delete it with a new step in two deploys if its data should go.`
          }),
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
function whose(worker) {
  return worker.name ? `Worker ${q(worker.name)}` : `the Worker of ${envLabel(worker.env)}`;
}
function finding(at, kind, classes, state, text) {
  const entry = CATALOGUE[kind];
  return {
    code: entry.code,
    kind,
    severity: entry.severity,
    dataLoss: false,
    classes,
    worker: at.worker.name,
    env: at.worker.env,
    file: at.worker.file,
    line: state?.line ?? at.worker.envLine,
    tag: state?.tag ?? null,
    message: text.message,
    fix: text.fix,
    introduced: true
  };
}

// src/core/analyze/config-files.ts
import { posix as posix2 } from "node:path";
var SEARCH_ORDER = ["wrangler.json", "wrangler.jsonc", "wrangler.toml"];
var REDIRECT_FILE = ".wrangler/deploy/config.json";
var REDIRECT = /(^|\/)\.wrangler\/deploy\/config\.json$/;
var DEPENDENCY = /(^|\/)(node_modules|\.git)\//;
function isRedirectFile(path) {
  return REDIRECT.test(path) && !DEPENDENCY.test(path);
}
function redirectedDir(redirect) {
  return redirect === REDIRECT_FILE ? "" : redirect.slice(0, -REDIRECT_FILE.length - 1);
}
function redirectTarget(redirect, text) {
  const parsed = parseConfigText(redirect, text);
  if (!parsed.ok) return { ok: false, problem: `it does not parse (${parsed.message})` };
  const configPath = parsed.value.configPath;
  if (typeof configPath !== "string" || configPath === "") {
    return { ok: false, problem: "it has no `configPath`" };
  }
  if (posix2.isAbsolute(configPath))
    return { ok: false, problem: `it points at ${q(configPath)}, outside the repository` };
  const target = posix2.normalize(posix2.join(posix2.dirname(redirect), configPath));
  if (target === ".." || target.startsWith("../")) {
    return { ok: false, problem: `it points at ${q(configPath)}, outside the repository` };
  }
  return { ok: true, target };
}
function pairConfigs(input) {
  const redirects = input.filter((c) => isRedirectFile(c.file));
  const configs = input.filter((c) => !isRedirectFile(c.file));
  const byFile = new Map(configs.map((c) => [c.file, c]));
  const exists = (c, side) => c !== void 0 && (side === "base" ? c.baseText !== null || Boolean(c.baseUnreadable) : c.headText !== null || Boolean(c.headUnreadable));
  const isNew = (c) => c.baseFile === void 0 && !exists(c, "base") && exists(c, "head");
  const isRemoved = (c) => exists(c, "base") && !exists(c, "head");
  const findings = [];
  const replaced = /* @__PURE__ */ new Map();
  const taken = /* @__PURE__ */ new Set();
  const redirectOf = /* @__PURE__ */ new Map();
  for (const r of redirects) {
    const read = (text) => text === null ? null : redirectTarget(r.file, text);
    redirectOf.set(redirectedDir(r.file), { base: read(r.baseText), head: read(r.headText), file: r.file });
  }
  const searched = (dir, side) => SEARCH_ORDER.map((name) => byFile.get(dir === "" ? name : `${dir}/${name}`)).find((c) => exists(c, side));
  const readIn = (dir, side) => {
    const target = redirectOf.get(dir)?.[side];
    if (target?.ok) {
      const change2 = byFile.get(target.target);
      if (exists(change2, side)) return { change: change2, redirected: true };
    }
    const change = searched(dir, side);
    return change ? { change, redirected: false } : null;
  };
  const dirs = new Set([...configs.map((c) => posix2.dirname(c.file)), ...redirectOf.keys()].map(topAsEmpty));
  for (const dir of [...dirs].sort()) {
    const [before, after] = [readIn(dir, "base"), readIn(dir, "head")];
    if (!before || !after || before.change === after.change) continue;
    if (!isNew(after.change) && !after.redirected) continue;
    if (after.change.baseFile !== void 0 || taken.has(before.change.file)) continue;
    const gone = isRemoved(before.change);
    replaced.set(after.change.file, {
      from: before.change,
      why: after.redirected ? "redirected" : gone ? `in the same directory, removed by this change` : "shadowed"
    });
    if (gone) taken.add(before.change.file);
  }
  const nameAt = (c, side) => topName(c.file, side === "base" ? c.baseText : c.headText);
  const removedByName = /* @__PURE__ */ new Map();
  for (const c of configs) {
    if (!isRemoved(c) || taken.has(c.file)) continue;
    const name = nameAt(c, "base");
    if (name !== null && !removedByName.has(name)) removedByName.set(name, c);
  }
  for (const c of configs) {
    if (!isNew(c) || replaced.has(c.file) || removedByName.size === 0) continue;
    const name = nameAt(c, "head");
    const from = name === null ? void 0 : removedByName.get(name);
    if (!from || taken.has(from.file)) continue;
    replaced.set(c.file, { from, why: `with the same Worker name ${q(name)}, removed by this change` });
    taken.add(from.file);
  }
  const changes = [];
  for (const c of configs) {
    if (taken.has(c.file)) continue;
    const pair = replaced.get(c.file);
    if (!pair) {
      changes.push(c);
      continue;
    }
    changes.push({
      ...c,
      baseFile: pair.from.file,
      baseText: pair.from.baseText,
      baseUnreadable: pair.from.baseUnreadable ?? null
    });
    if (pair.why !== "shadowed" && pair.why !== "redirected") {
      findings.push(
        make("config-replaced", c.file, nameAt(c, "head"), {
          message: `${q(c.file)} replaces ${q(pair.from.file)} (${pair.why}): wrangler deploys it in its place, so what it changes for the Workers of ${q(pair.from.file)} is reported against that file at the base revision, not as a new config.`,
          fix: `Nothing to do if ${q(c.file)} is meant to replace ${q(pair.from.file)}: the findings above say what its deploy changes.`
        })
      );
    }
  }
  for (const dir of [...dirs].sort()) findings.push(...directoryFindings(dir));
  return { changes, findings };
  function directoryFindings(dir) {
    const out = [];
    const redirect = redirectOf.get(dir);
    const at = (name) => dir === "" ? name : `${dir}/${name}`;
    const where = dir === "" ? "the repository's top directory" : `directory ${q(dir)}`;
    const present = (side) => SEARCH_ORDER.map(at).filter((f) => exists(byFile.get(f), side));
    const [headFiles, baseFiles] = [present("head"), present("base")];
    const changed = (file) => {
      const c = byFile.get(file);
      return c !== void 0 && (c.baseText !== c.headText || c.baseFile !== void 0);
    };
    if (redirect?.head) {
      const target = redirect.head;
      const instead = searched(dir, "head")?.file ?? null;
      const same = JSON.stringify(redirect.base) === JSON.stringify(target);
      const concerned = !same || headFiles.some(changed) || target.ok && changed(target.target);
      if (!concerned) return out;
      const insteadText = instead ? ` instead of ${q(instead)}` : "";
      const finding2 = target.ok ? exists(byFile.get(target.target), "head") ? make("config-redirected", redirect.file, null, {
        message: `${q(redirect.file)} redirects wrangler: \`wrangler deploy\` in ${where} (without \`--config\`) deploys ${q(target.target)}${insteadText}. This check reads ${q(target.target)} as the config of ${where}${instead ? `, against what the base revision deployed there` : ""}.`,
        fix: `Build output does not belong in the repository: if ${q(redirect.file)} was committed by mistake, remove it (and add \`.wrangler/\` to \`.gitignore\`), so that ${instead ? q(instead) : "the directory's own config"} is what deploys.`
      }) : make("config-redirected", redirect.file, null, {
        message: `${q(redirect.file)} redirects wrangler: \`wrangler deploy\` in ${where} (without \`--config\`) deploys ${q(target.target)}${insteadText}, which is not in the repository (a build step writes it): this check cannot see what that deploy does to Durable Objects.`,
        fix: `Remove ${q(redirect.file)} from the repository (it is build output; add \`.wrangler/\` to \`.gitignore\`), or check the config it points at after the build.`
      }) : make("config-redirected", redirect.file, null, {
        message: `${q(redirect.file)} would redirect \`wrangler deploy\` in ${where}, but ${target.problem}: wrangler refuses to deploy there without \`--config\`.`,
        fix: `Remove ${q(redirect.file)} (it is build output; add \`.wrangler/\` to \`.gitignore\`).`
      });
      out.push(same ? alreadyAtBase(finding2) : finding2);
      return out;
    }
    if (headFiles.length < 2) return out;
    const [read, ...shadowed] = headFiles;
    const readBefore = baseFiles[0] ?? null;
    const introduced = readBefore !== null && readBefore !== read && shadowed.includes(readBefore);
    const newlyShadowed = shadowed.filter((f) => !exists(byFile.get(f), "base"));
    const edited = shadowed.filter(changed);
    if (!introduced && newlyShadowed.length === 0 && edited.length === 0) return out;
    const list = shadowed.map(q).join(" and ");
    const message = `${where.charAt(0).toUpperCase()}${where.slice(1)} holds ${[read, ...shadowed].map((f) => q(posix2.basename(f))).join(", ")}: \`wrangler deploy\` there reads ${q(read)} (wrangler looks for \`wrangler.json\`, then \`wrangler.jsonc\`, then \`wrangler.toml\`), and ${list} ${shadowed.length === 1 ? "is" : "are"} only read with \`--config\`.`;
    const fix = `Keep one config per directory: remove ${list}, or move what ${shadowed.length === 1 ? "it holds" : "they hold"} into ${q(read)}.`;
    if (introduced) {
      out.push(
        make("config-shadowed", read, topName(read, byFile.get(read)?.headText ?? null), {
          message: `${message} ${q(read)} is new, so from now on it is what deploys in place of ${q(readBefore)}: this check compares it with ${q(readBefore)} at the base revision.`,
          fix
        })
      );
    } else {
      for (const file of /* @__PURE__ */ new Set([...newlyShadowed, ...edited])) {
        const finding2 = make("config-shadowed", file, topName(file, byFile.get(file)?.headText ?? null), {
          message: `${message} So ${newlyShadowed.includes(file) ? `the new ${q(file)}` : `the change to ${q(file)}`} does not deploy with \`wrangler deploy\` alone.`,
          fix
        });
        out.push(newlyShadowed.includes(file) ? finding2 : { ...finding2, severity: "info" });
      }
    }
    return out;
  }
}
function topAsEmpty(dir) {
  return dir === "." ? "" : dir;
}
function topName(file, text) {
  if (text === null) return null;
  const parsed = parseConfigText(file, text);
  if (!parsed.ok) return null;
  const name = parsed.value.name;
  return typeof name === "string" && !isPlaceholderName(name) ? name : null;
}
function make(kind, file, worker, text) {
  return placeDraft(
    { kind, env: null, line: null, ...text },
    { file, worker, locate: () => null, introduced: true }
  );
}

// src/core/analyze/compare-worker.ts
var TWO_PHASE = "delete in two deploys: first remove every binding to the class (keep exporting it), deploy; then add the delete and deploy with an explicit confirmation (`mode: deploy` of this action runs both phases).";
function compareWorker(base, head, context = {}) {
  const env = head.env;
  const drafts = [];
  const baseLocal = base ? base.bindings.filter((b) => isLocalBinding(b, base)) : [];
  const predicted = base && base !== head ? rejectedTail(base, baseLocal, context.baseExports ?? null) : null;
  const rejected = predicted && (predicted.cause !== "not-exported" || base?.lifecycle.model === "migrations" && predicted.index === base.lifecycle.steps.length - 1) ? predicted : null;
  const touched = base !== null && rejected !== null && touchesTail(base, head, rejected.index);
  const unblocked = base && rejected && !touched && unblocks(base, head, rejected) ? rejected : null;
  const deployedBase = base && rejected && (touched || unblocked) ? withoutTail(base, rejected.index) : base;
  const fullBefore = base ? replayLifecycle(base.lifecycle) : null;
  const before = deployedBase ? replayLifecycle(deployedBase.lifecycle) : null;
  const after = replayLifecycle(head.lifecycle);
  const baseClasses = before?.classes ?? /* @__PURE__ */ new Map();
  const isLiveAtBase = (name) => baseClasses.get(name)?.status === "live";
  const where = envLabel(env);
  const localBindings = head.bindings.filter((b) => isLocalBinding(b, head));
  const replacedBy = (className) => {
    for (const old of baseLocal.filter((b) => b.className === className)) {
      const moved = localBindings.find((b) => b.name === old.name && b.className !== className);
      const target = moved && after.classes.get(moved.className);
      if (moved && target?.status === "live") return { binding: moved, target };
    }
    return null;
  };
  const storageSwitch = (gone) => {
    const replacement = replacedBy(gone.className);
    const from = gone.storage ?? baseClasses.get(gone.className)?.storage ?? null;
    const to = replacement?.target.storage ?? null;
    return replacement && from && to && from !== to ? { ...replacement, from, to } : null;
  };
  const deleted = [];
  const created = [];
  const destroyed = deployedBase ? pendingDestructions(
    deployedBase.lifecycle,
    head.lifecycle,
    [...baseClasses.values()].filter((c) => c.status === "live").map((c) => c.className)
  ) : null;
  const baseSteps = base?.lifecycle.model === "migrations" ? base.lifecycle.steps : [];
  const unblockedTags = new Set(unblocked ? baseSteps.slice(unblocked.index).map((step) => step.tag) : []);
  const unblockedFrom = unblocked ? baseSteps[unblocked.index - 1]?.tag ?? null : null;
  const classDeleted = (gone, origin) => {
    const switched = storageSwitch(gone);
    const applies = unblocked && unblockedTags.has(gone.tag) ? ` Migration ${q(gone.tag)} is on the base branch, but its deploy has been rejected so far${unblocked.code ? ` (code ${unblocked.code})` : ""}: ${unblocked.reason}, so Workers are most likely still at ${q(unblockedFrom ?? "no tag")}. This change removes that cause, so the next deploy applies ${q(gone.tag)}.` : "";
    return {
      kind: "class-deleted",
      env,
      classes: [gone.className],
      line: gone.line,
      tag: gone.tag,
      ...applies && gone.tag ? { unlessRan: gone.tag } : {},
      message: `${applies ? `${applies.trim()} ` : ""}Deleting class ${q(gone.className)} in ${where}${gone.tag ? ` (migration ${q(gone.tag)}${head.lifecycle.model !== "none" && head.lifecycle.inherited ? INHERITED_REMARK : ""})` : ""} destroys every ${q(gone.className)} object of ${q(head.name ?? "this Worker")}${origin === gone.className ? "" : ` (the objects of ${q(origin)}, renamed to ${q(gone.className)} earlier in this change)`} and all its storage, irreversibly.${switched ? ` Binding ${q(switched.binding.name)} now points at ${q(switched.target.className)}, which has ${storageName(switched.to)} storage where ${q(gone.className)} has ${storageName(switched.from)}: this is a storage switch, not a rename (a rename keeps the backend), so none of the data carries over.` : ""}`,
      fix: switched ? `To keep the data, migrate it first: create ${q(switched.target.className)} in a deploy of its own while ${q(gone.className)} stays bound and exported, copy each object's data from ${q(gone.className)} to ${q(switched.target.className)} in code, move the binding, and only then delete ${q(gone.className)} (two deploys). If the data may go, ${TWO_PHASE}` : `If the data must go, ${TWO_PHASE} If you meant to rename the class, use \`renamed_classes\` instead.`
    };
  };
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
  if (deployedBase && !unblocked) {
    const reported = new Set((destroyed ?? []).map((d) => `${d.className}\0${d.tag}`));
    for (const d of editedStepDestructions(deployedBase.lifecycle, head.lifecycle)) {
      if (!reported.has(`${d.className}\0${d.tag}`))
        drafts.push(editedDelete(env, head, d, localBindings));
    }
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
  drafts.push(...replayProblems(env, fullBefore?.problems ?? [], after.problems));
  const headSteps = head.lifecycle.model === "migrations" ? head.lifecycle.steps : [];
  const inheritedBoth = base?.lifecycle.model !== "none" && !base?.ownsLifecycle && !head.ownsLifecycle;
  if (base?.lifecycle.model === "migrations" && head.lifecycle.model !== "exports" && !inheritedBoth) {
    drafts.push(
      ...compareHistories(env, base.lifecycle.steps, headSteps, {
        rejected: predicted,
        keptAtHead: /* @__PURE__ */ new Set([...liveClasses(after.classes), ...localBindings.map((b) => b.className)]),
        boundAtHead: new Set(localBindings.map((b) => b.className)),
        repairs: repairedSteps(fullBefore?.problems ?? [], after.problems, base.lifecycle.steps, headSteps)
      })
    );
  }
  if (deployedBase?.lifecycle.model === "migrations" && head.lifecycle.model === "migrations") {
    for (const step of pendingSteps(deployedBase.lifecycle.steps, headSteps)) {
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
  for (const gone of deleted) {
    for (const binding of head.bindings.filter((b) => b.className === gone.className)) {
      const local = isLocalBinding(binding, head);
      drafts.push({
        kind: "delete-still-bound",
        env,
        classes: [gone.className],
        line: binding.line,
        tag: gone.tag,
        message: local ? `Class ${q(gone.className)} is deleted in ${where} but binding ${q(binding.name)} still points at it: the API rejects the deploy (code 10061).` : `Class ${q(gone.className)} is deleted in ${where} while binding ${q(binding.name)} still names class ${q(gone.className)} (of Worker ${q(binding.scriptName)}, through \`script_name\`): the API matches a delete against bindings by class name and rejects the deploy (code 10061).`,
        fix: local ? `Remove the binding and ${TWO_PHASE}` : `Deploy the binding change on its own first, then ${TWO_PHASE}`
      });
    }
  }
  if (base) {
    for (const gone of deleted) {
      if (head.bindings.some((b) => b.className === gone.className)) continue;
      for (const old of baseLocal.filter((b) => b.className === gone.className)) {
        const now = head.bindings.find((b) => b.name === old.name);
        const target = now ? after.classes.get(now.className) : void 0;
        const sameBackend = now !== void 0 && isLocalBinding(now, head) && created.some((c) => c.className === now.className) && target?.storage === (gone.storage ?? baseClasses.get(gone.className)?.storage ?? null);
        if (now && sameBackend) {
          drafts.push({
            kind: "probable-rename",
            env,
            classes: [gone.className, now.className],
            line: gone.line,
            tag: gone.tag,
            dataLoss: true,
            message: `Binding ${q(old.name)} moves from ${q(gone.className)} to ${q(now.className)} while ${q(gone.className)} is deleted and ${q(now.className)} created: this looks like a rename, but as written every ${q(gone.className)} object is destroyed and ${q(now.className)} starts empty. The deploy is also rejected (code 10061): the API checks the delete against the live binding ${q(old.name)}, which still points at ${q(gone.className)}.`,
            fix: `To keep the data, replace the delete and create with \`renamed_classes = [{ from = "${gone.className}", to = "${now.className}" }]\`.`
          });
          continue;
        }
        if (now) {
          drafts.push({
            kind: "delete-binding-repointed",
            env,
            classes: [gone.className, now.className],
            line: now.line,
            tag: gone.tag,
            message: `Binding ${q(old.name)} keeps its name but points at ${q(now.className)}${now.scriptName && !isLocalBinding(now, head) ? ` of Worker ${q(now.scriptName)}` : ""} instead of ${q(gone.className)}, in the same deploy that deletes ${q(gone.className)} in ${where}: the API checks the delete against the live binding ${q(old.name)}, which still points at ${q(gone.className)}, and rejects the deploy (code 10061).`,
            fix: `Deploy in two steps: first only move ${q(old.name)} to ${q(now.className)} (with ${q(now.className)} created and ${q(gone.className)} still exported), then deploy the delete of ${q(gone.className)} on its own.`
          });
          continue;
        }
        if (baseClasses.get(gone.className)?.via === "transfer") {
          drafts.push({
            kind: "delete-transferred-bound",
            env,
            classes: [gone.className],
            line: gone.line,
            tag: gone.tag,
            message: `Class ${q(gone.className)} came into ${q(head.name ?? "this Worker")} through \`transferred_classes\` and is deleted in ${where} in the same deploy that removes binding ${q(old.name)}: the platform keeps a remote binding for a transferred class until a deploy without the binding has landed, so the delete is rejected (code 10061).`,
            fix: `Split it: ${TWO_PHASE}`
          });
          continue;
        }
        drafts.push({
          kind: "delete-binding-removed",
          env,
          classes: [gone.className],
          line: gone.line,
          tag: gone.tag,
          message: `Binding ${q(old.name)} to ${q(gone.className)} is removed in the same deploy that deletes ${q(gone.className)} in ${where}. The API checks a delete against the live bindings, and reports differ on whether it accepts this in one deploy: some one-shot deletes went through, others were rejected with code 10061 (workers-sdk#8210).`,
          fix: `Two deploys always work: ${TWO_PHASE.replace(/^delete in two deploys: /, "")}`
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
      const elsewhere = head.bindings.find((b) => b.name === old.name && !isLocalBinding(b, head));
      if (elsewhere) {
        drafts.push(retargeted(env, head, old, elsewhere));
        continue;
      }
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
    if (head.wranglerV1) continue;
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
  const liveAtBase = [...baseClasses.values()].filter((c) => c.status === "live").map((c) => c.className);
  if (base && (liveAtBase.length > 0 || base.bindings.length > 0)) {
    const renamed = Boolean(
      base.name && head.name && base.name !== head.name && !base.placeholderName && !head.placeholderName
    );
    if (base.accountId && head.accountId && base.accountId !== head.accountId && !head.placeholderName) {
      const [from, to] = [shortAccount(base.accountId), shortAccount(head.accountId)];
      const name = q(head.name ?? "this Worker");
      const deletes = head.lifecycle.model === "migrations" && head.lifecycle.steps.some((step) => step.ops.some((op) => op.type === "delete"));
      drafts.push({
        kind: "account-changed",
        env,
        classes: liveAtBase,
        line: head.accountIdLine ?? head.nameLine ?? head.envLine,
        message: `${env === null ? "The top-level Worker" : `The Worker of ${where}`} moves from account ${from} to account ${to} (\`account_id\`)${renamed ? ` and is renamed from ${q(base.name ?? "")} to ${q(head.name ?? "")}` : ""}: the next deploy goes to ${to}, and ${q(base.name ?? "the Worker")} in ${from} keeps all its objects and data, with no config managing it any more. Unless ${to} already has a Worker ${name}, that deploy creates one that starts with no objects and replays the whole migration history${deletes ? " (whose delete of a class no earlier version there exported is rejected, code 10074)" : ""}.`,
        fix: `Keep \`account_id = "${base.accountId}"\`, or plan the move: migrate the data to the new account in code, then retire the Worker in ${from} (delete its classes in two deploys, then \`wrangler delete\`).`
      });
    } else if (renamed && base.name && head.name) {
      drafts.push({
        kind: "worker-renamed",
        env,
        classes: liveAtBase,
        line: head.nameLine ?? head.envLine,
        message: `${env === null ? "The top-level Worker" : `The Worker of ${where}`} is renamed from ${q(base.name)} to ${q(head.name)}: the next deploy creates a NEW Worker that starts with no objects and replays the whole migration history, while ${q(base.name)} keeps all its objects and data.`,
        fix: `Keep the name ${q(base.name)}, or plan the move: transfer the classes (\`transferred_classes\`) or migrate the data, then retire the old Worker.`
      });
    }
  }
  return drafts;
}
function shortAccount(id) {
  return q(id.length > 12 ? `${id.slice(0, 4)}\u2026${id.slice(-4)}` : id);
}
function editedDelete(env, head, d, localBindings) {
  const cond = q(d.unlessRan);
  const what = d.tag === d.unlessRan ? `this edit deletes ${q(d.className)} there` : `the edited history deletes ${q(d.className)} there in ${q(d.tag)}`;
  const renamed = d.origin === d.className ? "" : ` (renamed to ${q(d.className)} on the way)`;
  const bound = localBindings.find((b) => b.className === d.className);
  return {
    kind: "class-deleted",
    env,
    classes: [d.className],
    line: d.line,
    tag: d.tag,
    unlessRan: d.unlessRan,
    message: `Migration ${cond} in ${envLabel(env)} was edited${d.tag === d.unlessRan ? ` to delete ${q(d.className)}` : ""}. If ${cond} has not reached a Worker yet (a merged step is only applied once its deploy succeeded: the live migration tag says), ${what} and destroys every ${q(d.origin)} object of ${q(head.name ?? "this Worker")}${renamed} and all its storage, irreversibly; a Worker that ran ${cond} ignores the edit.${bound ? ` While binding ${q(bound.name)} still points at ${q(d.className)}, that deploy is rejected (code 10061) instead.` : ""}`,
    fix: `Restore ${cond} as it was. If the data of ${q(d.origin)} must go, delete it with a new migration (a new tag) in two deploys: ${TWO_PHASE.replace(/^delete in two deploys: /, "")}`
  };
}
function unblocks(base, head, rejected) {
  if (rejected.cause !== "still-bound" || base.lifecycle.model !== "migrations") return false;
  const deletes = new Set(
    base.lifecycle.steps.slice(rejected.index).flatMap((step) => step.ops.flatMap((op) => op.type === "delete" ? [op.className] : []))
  );
  return !head.bindings.some((b) => deletes.has(b.className));
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
function rejectedTail(base, baseLocal, baseExports) {
  if (base.lifecycle.model !== "migrations") return null;
  const boundAtBase = /* @__PURE__ */ new Map();
  for (const b of baseLocal) if (!boundAtBase.has(b.className)) boundAtBase.set(b.className, b.name);
  return predictRejection(base.lifecycle.steps, boundAtBase, baseExports);
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
function retargeted(env, head, old, now) {
  const own = q(old.className);
  const other = q(now.scriptName);
  return {
    kind: "binding-retargeted",
    env,
    classes: [old.className, now.className],
    line: now.line,
    message: `Binding ${q(old.name)} in ${envLabel(env)} now points at class ${q(now.className)} of Worker ${other} (\`script_name\`) instead of this Worker's own ${own}. The objects of ${q(head.name ?? "this Worker")}'s ${own} stay where they are and nothing here binds them any more: they do not move to ${other}, whose ${q(now.className)} is a separate namespace. The deploy needs Worker ${other} to exist and to have ${q(now.className)} created by its own migration and exported by its code, or it fails (code 10061).`,
    fix: `If the objects should move to ${other}, transfer the class (\`transferred_classes\` in ${other}'s config, from this Worker) instead of re-binding. Either way keep exporting ${own} here until it is deleted (two deploys), or the deploy fails with code 10064.`
  };
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
    const keepsAll = step.ops.every((op) => now.ops.some((o) => opKey(o) === opKey(op)));
    if (keepsAll && gained.length > 0 && gained.every((op) => op.type === "create" && fixed.has(op.className)))
      out.add(now.tag);
  }
  return out;
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
  const baseFile = change.baseFile ?? file;
  const same = change.baseText === change.headText && change.baseUnreadable === change.headUnreadable && configFormat(baseFile) === configFormat(file);
  const base = same ? head : readSide(baseFile, change.baseText, change.baseUnreadable);
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
      if (draft && baseConfig) findings.push(placed(draft, placement(baseConfig, worker.name, true), worker));
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
    if (draft.kind === "legacy-wrangler-config" && same) continue;
    const worker = headReading.workers.find((w) => w.env === draft.env);
    findings.push(placeDraft(draft, placement(head, worker?.name ?? null, !known.has(draftKey(draft)))));
  }
  for (const worker of headReading.workers) {
    if (!wanted(worker.env)) continue;
    const base2 = baseByEnv.get(worker.env) ?? null;
    const baseEntry = base2 && options.baseExportsOf ? workerEntryPath(base2) : null;
    const baseExports = baseEntry ? options.baseExportsOf?.(baseEntry) ?? null : null;
    for (const draft of compareWorker(base2, worker, { baseExports })) {
      findings.push(placed(draft, placement(head, worker.name, true), worker));
    }
    const deletes = baseConfig === null && base2 === null ? newConfigDeletes(worker) : null;
    if (deletes) findings.push(placed(deletes, placement(head, worker.name, true), worker));
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
    baseWorkers: baseReading?.workers ?? []
  };
}
function newConfigDeletes(worker) {
  const lifecycle = worker.lifecycle;
  if (lifecycle.model !== "migrations") return null;
  const live = /* @__PURE__ */ new Set();
  const deleted = [];
  for (const step of lifecycle.steps) {
    for (const op of step.ops) {
      if (op.type === "create" || op.type === "transfer-in") live.add(op.className);
      else if (op.type === "rename" && live.delete(op.from)) live.add(op.to);
      else if (op.type === "transfer-out") live.delete(op.className);
      else if (op.type === "delete" && live.delete(op.className))
        deleted.push({ className: op.className, tag: step.tag, line: step.line });
    }
  }
  const first = deleted[0];
  if (!first) return null;
  const names = [...new Set(deleted.map((d) => d.className))];
  const tags = [...new Set(deleted.map((d) => d.tag))].map(q).join(", ");
  const name = q(worker.name ?? "this Worker");
  return {
    kind: "new-config-deletes",
    env: worker.env,
    classes: names,
    line: first.line,
    tag: first.tag,
    message: `${q(worker.file)} is new, and the migrations of ${envLabel(worker.env)}${lifecycle.inherited ? INHERITED_REMARK : ""} delete ${names.map(q).join(", ")} (${tags}). If ${name} is not deployed yet, its first deploy sends every step, and the API rejects the delete of a class no earlier version of the Worker exported (code 10074): the deploy fails. If ${name} is already deployed from a config this change does not show, its next deploy from this file deletes ${names.map(q).join(", ")} there, unless it has run ${tags} already.`,
    fix: `For a new Worker, write a history without the delete: create only the classes it uses. If this config takes over from another one, keep it in the same directory or give it the same Worker name, so that the check compares the two.`
  };
}
function placed(draft, at, worker) {
  const finding2 = placeDraft(draft, at);
  const why = notDeployedAsWritten(worker);
  return why ? forUndeployedWorker(finding2, why) : finding2;
}
function analyzeRepository(changes, options = {}) {
  const paired = pairConfigs(changes);
  return reportFor(analyzeFiles(paired.changes, options), paired.findings, options);
}
function analyzeFiles(changes, options = {}) {
  return changes.map((change) => analyzeFile(change, options));
}
function reportFor(analyses, extra = [], options = {}) {
  const workers = planTargets(analyses, options.envs ?? null).map((t) => plannedWorker(planWorker(t, null)));
  const report = { ...buildReport(repositoryFindings(analyses, extra)), workers };
  const notes = localOnlyNotes(analyses, report.findings);
  return notes.length > 0 ? { ...report, notes } : report;
}
function repositoryFindings(analyses, extra = []) {
  const findings = [...analyses.flatMap((a) => a.findings), ...extra];
  const cross = crossWorkerBindings(findings, analyses);
  const blocked = new Set(cross.map((c) => c.blocks));
  const unexported = new Set(
    findings.filter((f) => f.kind === "class-not-exported").map((f) => placeKey(f.file, f.env, f.classes[0]))
  );
  const kept = findings.filter(
    (f) => !(f.kind === "delete-binding-removed" && blocked.has(deletionKey(f.worker, f.classes[0], f.tag))) && !(f.kind === "binding-removed" && unexported.has(placeKey(f.file, f.env, f.classes[0])))
  ).map((f) => f.kind === "binding-retargeted" ? checkRetargetTarget(f, analyses) : f);
  return [...kept, ...cross.map((c) => c.finding)];
}
function crossFileKeys(analysis) {
  const names = /* @__PURE__ */ new Set();
  const reaches = /* @__PURE__ */ new Set();
  for (const worker of [...analysis.headWorkers, ...analysis.baseWorkers ?? []]) {
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
function checkRetargetTarget(finding2, analyses) {
  const className = finding2.classes[1];
  const own = analyses.find((a) => a.file === finding2.file)?.headWorkers.find((w) => w.env === finding2.env);
  const binding = own?.bindings.find((b) => b.line === finding2.line && b.className === className);
  if (!binding?.scriptName || !finding2.introduced) return finding2;
  const target = analyses.flatMap((a) => a.headWorkers).find((w) => w.name === binding.scriptName);
  if (!target) return finding2;
  if (liveClasses(replayLifecycle(target.lifecycle).classes).has(binding.className)) {
    return {
      ...finding2,
      message: `${finding2.message} ${q(target.name)} (${q(target.file)}) does create ${q(binding.className)}.`
    };
  }
  return {
    ...finding2,
    severity: "error",
    message: `${finding2.message} ${q(target.name)} is configured in ${q(target.file)}, and no migration there creates ${q(binding.className)}: the deploy is rejected (code 10061).`
  };
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
    listed.push(`${q(analysis.file)} (${signs.join(", ")})`);
    for (const w of analysis.headWorkers) if (w.env !== null) envs.add(w.env);
  }
  if (listed.length === 0) return [];
  const shown = listed.length > 3 ? [...listed.slice(0, 3), `and ${listed.length - 3} more`] : listed;
  const example = [...envs].slice(0, 3).join(", ");
  return [
    `The top level of ${shown.join("; ")} looks local-only (for \`wrangler dev\`); its findings only matter if it is deployed. If it never is, list the environments you deploy in the \`environments\` input (CLI: \`--env NAME\`)${example ? `, e.g. \`${example}\`` : ""}.`
  ];
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
      message: dropped ? `Worker ${q(other.name ?? other.file)} drops its binding ${q(binding.name)} to ${q(binding.className)} of ${q(deletion.worker)} (\`script_name\`) in the same change that deletes the class in ${q(deletion.file)}, but the live binding stays until ${q(other.name ?? other.file)} has deployed without it: the delete is rejected (code 10061) if it deploys first or at the same time.` : `Worker ${q(other.name ?? other.file)} still binds ${q(binding.className)} of ${q(deletion.worker)} through \`script_name\` (binding ${q(binding.name)}): the delete in ${q(deletion.file)} is rejected (code 10061) until this binding is removed and deployed.`,
      fix: dropped ? `Deploy ${q(other.name ?? other.file)} without the binding first (phase 1), then deploy the delete, for example from a later pull request.` : `Remove binding ${q(binding.name)} from ${q(other.file)} and deploy that Worker first (phase 1), then deploy the delete.`,
      introduced: true
    };
    out.push({
      finding: why ? forUndeployedWorker(finding2, why) : finding2,
      blocks: deletionKey(deletion.worker, binding.className, deletion.tag)
    });
  };
  const bindsIt = (deletion, b) => b.scriptName === deletion.worker && deletion.classes.includes(b.className);
  for (const deletion of findings.filter((f) => f.kind === "class-deleted" && f.worker)) {
    for (const analysis of analyses) {
      for (const other of analysis.headWorkers) {
        if (other.name === deletion.worker) continue;
        for (const binding of other.bindings.filter((b) => bindsIt(deletion, b))) {
          blocking(deletion, other, binding, false);
        }
      }
      for (const was of analysis.baseWorkers ?? []) {
        if (was.name === deletion.worker) continue;
        const now = analysis.headWorkers.find((w) => w.env === was.env);
        for (const binding of was.bindings.filter((b) => bindsIt(deletion, b))) {
          const kept = now?.bindings.some((b) => b.name === binding.name && bindsIt(deletion, b));
          if (!kept && now) blocking(deletion, now, binding, true);
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
  workerEntryPath,
  codeFindings,
  storageName,
  isRedirectFile,
  redirectedDir,
  redirectTarget,
  pairConfigs,
  analyzeFile,
  analyzeRepository,
  analyzeFiles,
  reportFor,
  repositoryFindings,
  crossFileKeys,
  buildReport
};

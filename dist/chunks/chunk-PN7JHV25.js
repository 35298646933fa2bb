import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  deletesOfCreated,
  destructions,
  liveClasses,
  planTargets,
  planWorker,
  plannedWorker,
  possibleDestructions,
  replayLifecycle
} from "./chunk-QWO2RPQJ.js";
import {
  INHERITED_REMARK,
  alreadyAtBase,
  capitalised,
  configFormat,
  envLabel,
  isLocalBinding,
  isPlaceholderName,
  notDeployedAsWritten,
  parseConfigText,
  placeDraft,
  q,
  readWorkers,
  workerFinding
} from "./chunk-2BJOGL7Q.js";
import {
  CATALOGUE,
  forUndeployedWorker,
  severityRank
} from "./chunk-TLPFU5T4.js";
import {
  pathKey
} from "./chunk-LHHAANFG.js";

// src/core/analyze/code-exports.ts
import { posix } from "node:path";

// src/core/analyze/exports-rules.ts
function refused(scenario) {
  return `the server refuses the deploy (code 100402, \`${scenario}\`) and nothing changes`;
}
function storageWord(storage) {
  return storage === "kv" ? "legacy-kv" : "sqlite";
}
function liveEntryText(className, storage) {
  return `\`"${className}": { "type": "durable-object", "storage": "${storageWord(storage)}" }\``;
}
function tombstoneText(className) {
  return `\`"${className}": { "type": "durable-object", "state": "deleted" }\``;
}
function whoseName(worker) {
  return q(worker.name ?? "this Worker");
}
function entryOf(worker, className) {
  return worker.lifecycle.model === "exports" ? worker.lifecycle.entries.find((e) => e.className === className) : void 0;
}
function tombstoneOrder(className) {
  return `The server applies a \`deleted\` tombstone in one deploy of this Worker, and only when the code no longer exports ${q(className)} (else \`tombstone_delete_class_still_in_code\`) and no other Worker binds it (else \`tombstone_delete_blocked_by_external_bindings\`): deploy the other Workers without their bindings to it first, then this one with the tombstone, ${q(className)} removed from the code and its bindings removed.`;
}
function exportsDrafts(base, head, drafts) {
  const where = envLabel(head.env);
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
        message: occupied ? `${q(entry.className)} is renamed to ${q(to)} in ${where}, but ${q(to)} already has a namespace (it is live at the base revision): ${refused("tombstone_renamed_to_occupied")}. The objects of ${q(to)} are not merged with those of ${q(entry.className)}.` : `${q(entry.className)} is renamed to ${q(to)} in ${where}, but \`exports\` has no live entry for ${q(to)}: ${refused("config_references_nonexistent_class")}.`,
        fix: occupied ? `Rename to a name that has never had a namespace in ${whoseName(head)}, e.g. \`"renamed_to": "${to}V2"\` with a live entry for it. If ${q(to)} is really to go first, tombstone it in a deploy of its own (data loss), then rename.` : `Add ${liveEntryText(to, baseClasses.get(entry.className)?.storage ?? null)} beside the tombstone, and export ${q(to)} from the code.`
      });
    }
  }
  return out;
}
function inExportsTerms(draft, base, head, baseClasses) {
  const where = envLabel(head.env);
  const name = draft.classes?.[0] ?? "";
  const storage = entryOf(head, name)?.storage ?? baseClasses.get(name)?.storage ?? null;
  switch (draft.kind) {
    case "class-deleted":
      return {
        ...draft,
        fix: `${tombstoneOrder(name)} If the data must stay, put back ${liveEntryText(name, baseClasses.get(name)?.storage ?? storage)}. To rename the class instead, write \`"state": "renamed", "renamed_to": "<NewName>"\` with a live entry for the new name.`
      };
    case "probable-rename": {
      const to = draft.classes?.[1] ?? "";
      return {
        ...draft,
        message: `A binding moves from ${q(name)} to ${q(to)} while ${q(name)} gets a \`deleted\` tombstone and ${q(to)} a new entry in ${where}: this looks like a rename, but as written every ${q(name)} object is destroyed and ${q(to)} starts empty.`,
        fix: `To keep the data, write \`"${name}": { "type": "durable-object", "state": "renamed", "renamed_to": "${to}" }\` instead of the tombstone (keep the live entry of ${q(to)}), and export ${q(to)} from the code.`
      };
    }
    case "delete-still-bound": {
      const binding = head.bindings.find((b) => b.line === draft.line && b.className === name);
      if (binding && !isLocalBinding(binding, head)) return null;
      return {
        ...draft,
        message: `${q(name)} gets a \`deleted\` tombstone in ${where}, but binding ${q(binding?.name ?? name)} still points at it: once the tombstone applies the class has no namespace, so the deploy is rejected (code 10061).`,
        fix: `Remove the binding in this same deploy. ${tombstoneOrder(name)}`
      };
    }
    // The legacy interlocks of a delete in the deploy that drops or moves its own binding: with
    // `exports`, dropping the Worker's own bindings in the tombstone's deploy is the right order.
    case "delete-binding-removed":
    case "delete-binding-repointed":
    case "delete-transferred-bound":
      return null;
    case "class-renamed": {
      const to = draft.classes?.[1] ?? "";
      return {
        ...draft,
        message: `${q(name)} gets a \`renamed\` tombstone to ${q(to)} in ${where}: its namespace, objects and storage move to the new name.`,
        fix: `Zero downtime takes three deploys: (1) the code exports ${q(to)} as an alias (\`export { ${name} as ${to} }\`), no config change; (2) this change: the \`renamed\` tombstone, the live entry of ${q(to)}, bindings pointing at ${q(to)}; (3) drop the alias ${q(name)} from the code. The tombstone may be dropped once a deploy reports it in \`removable_entries\`.`
      };
    }
    case "class-transferred": {
      const entry = entryOf(head, name);
      const self = whoseName(head);
      if (entry?.state === "transferred") {
        const to = q(entry.transferredTo ?? "the target Worker");
        return {
          ...draft,
          message: `${q(name)} gets a \`transferred\` tombstone to ${to} in ${where}: its namespace and objects move to ${to} (same account only).`,
          fix: `A transfer takes four deploys over two Workers: (1) ${to} declares \`"${name}": { "type": "durable-object", "state": "expecting-transfer", "transfer_from": "${head.name ?? "<this Worker>"}", "storage": "${storageWord(storage)}" }\` and exports the class; (2) ${self} deploys this tombstone (refused before step 1: \`transfer_target_not_expecting\`); (3) ${to} changes its entry to \`"storage": "${storageWord(storage)}"\` (state \`created\`) and binds it; (4) ${self} drops the tombstone.`
        };
      }
      const from = q(entry?.transferFrom ?? "the source Worker");
      return {
        ...draft,
        message: `${q(name)} is expecting a transfer from ${from} in ${where}: the namespace and its objects arrive when ${from} deploys its \`transferred\` tombstone.`,
        fix: `This is step 1 of 4: deploy ${self} first; then ${from} deploys \`"state": "transferred", "transferred_to": "${head.name ?? "<this Worker>"}"\`; then change this entry to \`"storage": "${storageWord(storage)}"\` (state \`created\`) and bind the class; ${from} drops its tombstone last.`
      };
    }
    case "class-recreated":
      return {
        ...draft,
        message: `${q(name)} had a \`deleted\` tombstone and gets a live entry again in ${where}: if the tombstone applied, the new ${q(name)} starts empty and none of the old objects come back; if it never applied, the class simply stays.`,
        fix: "Make sure nobody expects the old data; prefer a new class name so the map reads clearly."
      };
    case "storage-changed": {
      const was = baseClasses.get(name)?.storage ?? null;
      return {
        ...draft,
        message: `${q(name)} changes \`storage\` from \`${storageWord(was)}\` to \`${storageWord(storage)}\` in ${where}: storage is immutable, so for a Worker that has the class ${refused("storage_type_mismatch")}. A fresh Worker would get the new backend.`,
        fix: `Put back \`"storage": "${storageWord(was)}"\`. To move to SQLite, add a new class with \`"storage": "sqlite"\` and migrate the data in code.`
      };
    }
    case "export-removed": {
      const was = baseClasses.get(name)?.storage ?? null;
      return {
        ...draft,
        message: `${q(name)} has a namespace (live at the base revision) but no entry in the \`exports\` of ${where} any more: ${refused("orphaned_provisioned_namespace")} when the code no longer exports it either (\`provisioned_class_missing_from_config\` when it still does). Removing an entry deletes nothing.`,
        fix: `Put back ${liveEntryText(name, was)}. If its data must go, write ${tombstoneText(name)} instead (data loss). ${tombstoneOrder(name)}`
      };
    }
    case "binding-removed":
      return {
        ...draft,
        message: `Binding ${q(base?.bindings.find((b) => b.className === name)?.name ?? name)} to ${q(name)} was removed from ${where}, and ${q(name)} keeps its live \`exports\` entry: the objects and their storage stay.`,
        fix: `Nothing to do if ${q(name)} stays: keep the class in the code while its entry is live (the server refuses a live entry the code does not export: code 100402, \`config_export_not_in_code\`). If its data should go, write ${tombstoneText(name)} and remove the class from the code in one deploy.`
      };
    case "binding-unknown-class": {
      if (head.lifecycle.model !== "exports") return draft;
      const tombstoned = entryOf(head, name);
      return {
        ...draft,
        message: `Binding to ${q(name)} in ${where}, but \`exports\` has no live entry for ${q(name)}${tombstoned ? ` (it is \`${tombstoned.state}\`)` : ""}: the API rejects the deploy (code 10061).`,
        fix: `Add ${liveEntryText(name, "sqlite")} to \`exports\` and export the class from the code, or fix the class name.`
      };
    }
    case "binding-retargeted":
      return {
        ...draft,
        message: draft.message.replace(
          "created by its own migration and exported by its code",
          "declared live in its own `exports` and exported by its code"
        ),
        fix: `If the objects should move there, transfer the class (an \`expecting-transfer\` entry in the other Worker's config first, then \`"state": "transferred"\` here). Otherwise ${q(name)} keeps its entry and namespace here: keep it in the code while its entry is live.`
      };
    case "lifecycle-model-changed":
      return head.lifecycle.model === "exports" && base?.lifecycle.model === "migrations" ? {
        ...draft,
        fix: `${draft.fix} \`do-migrate to-exports\` writes the map from the history: one entry per live class with its storage.`
      } : draft;
    case "env-removed":
      return {
        ...draft,
        fix: 'If the Worker should go, tombstone its classes (`"state": "deleted"`, the classes removed from the code) in one deploy, then `wrangler delete` it; otherwise restore the config.'
      };
    case "worker-renamed":
    case "account-changed":
      return {
        ...draft,
        message: draft.message.replace(
          "replays the whole migration history",
          "creates every live `exports` entry empty"
        ),
        fix: `${draft.fix.split(", or plan the move")[0]}, or plan the move: transfer the classes (an \`expecting-transfer\` entry in the new Worker, then \`"state": "transferred"\` in the old one; same account only) or migrate the data in code, then retire the old Worker (tombstones with the classes removed from the code, then \`wrangler delete\`).`
      };
    default:
      return draft;
  }
}
function exportsCodeFindings(worker, entry, exports, createdNow, deletedNow) {
  if (worker.lifecycle.model !== "exports") return [];
  const out = [];
  const why = notDeployedAsWritten(worker);
  const push = (f) => out.push(why ? forUndeployedWorker(f, why) : f);
  const where = envLabel(worker.env);
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
        {
          message: `${q(e.className)} has a live \`exports\` entry in ${where}, but ${q(entry)} does not export it: ${refused("config_export_not_in_code")}.`,
          fix: created ? `Export ${q(e.className)} from ${q(entry)} (\`export class ${e.className} ...\` or re-export it).` : `Export ${q(e.className)} from ${q(entry)} again. If its data should go, write ${tombstoneText(e.className)} instead and keep the class out of the code (data loss).`
        }
      )
    );
  }
  for (const deletion of deletedNow) {
    const still = deletion.classes.filter((c) => exports.names.has(c));
    if (still.length === 0) continue;
    const them = still.length === 1 ? "it" : "them";
    push({
      ...codeFinding(worker, "exports-tombstone-in-code", still, deletion.line, {
        message: `${still.map(q).join(", ")} ${still.length === 1 ? "gets a" : "get"} \`deleted\` tombstone${still.length === 1 ? "" : "s"} in ${where}, but ${q(entry)} still exports ${them}: ${refused("tombstone_delete_class_still_in_code")}.`,
        fix: `Remove ${still.map((c) => `class ${c}`).join(", ")} (and ${still.length === 1 ? "its" : "their"} re-exports) from the code in the same deploy as the tombstone: with \`exports\` the class leaves the code when it is deleted, not after.`
      }),
      tag: deletion.tag
    });
  }
  return out;
}
function codeFinding(worker, kind, classes, line, text) {
  return workerFinding(worker, kind, { classes, line }, text);
}
function exportsRepositoryFindings(findings, analyses) {
  const heads = analyses.flatMap((a) => a.headWorkers);
  const byName = (name) => name ? heads.find((w) => w.name === name) : void 0;
  const out = findings.map(
    (f) => f.kind === "cross-worker-binding" ? crossInExportsTerms(f, analyses, byName) : f
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
        const finding2 = codeFinding(worker, "exports-transfer-not-expected", [e.className], e.line, {
          message: mismatch ? `${q(e.className)} is transferred to ${q(target.name)} in ${envLabel(worker.env)}, whose \`expecting-transfer\` entry (${q(target.file)}) declares \`${storageWord(expecting.storage)}\` storage where the namespace has \`${storageWord(storage)}\`: ${refused("storage_type_mismatch")}.` : `${q(e.className)} is transferred to ${q(target.name)} in ${envLabel(worker.env)}, but ${q(target.file)} does not declare it \`expecting-transfer\` from ${q(worker.name)}${expecting ? ` (its entry is \`${expecting.state}\`${expecting.transferFrom ? ` from ${q(expecting.transferFrom)}` : ""})` : ""}: ${refused("transfer_target_not_expecting")}.`,
          fix: `First deploy ${q(target.name)} with \`"${e.className}": { "type": "durable-object", "state": "expecting-transfer", "transfer_from": "${worker.name ?? ""}", "storage": "${storageWord(storage)}" }\` (and the class in its code), then this tombstone.`
        });
        const why = notDeployedAsWritten(worker);
        out.push(why ? forUndeployedWorker(finding2, why) : finding2);
      }
    }
  }
  return out;
}
function crossInExportsTerms(finding2, analyses, byName) {
  const className = finding2.classes[0] ?? "";
  const analysis = analyses.find((a) => a.file === finding2.file);
  const other = [...analysis?.headWorkers ?? [], ...analysis?.baseWorkers ?? []].filter(
    (w) => w.env === finding2.env
  );
  const binding = other.flatMap((w) => w.bindings).find((b) => b.className === className && b.scriptName);
  const owner = byName(binding?.scriptName ?? null);
  if (!binding || owner?.lifecycle.model !== "exports") return finding2;
  const dropped = finding2.message.includes(" drops its binding ");
  const who = q(finding2.worker ?? finding2.file);
  return {
    ...finding2,
    message: dropped ? `Worker ${who} drops its binding ${q(binding.name)} to ${q(className)} of ${q(owner.name)} in the same change that tombstones the class in ${q(owner.file)}, but the live binding stays until ${who} has deployed without it: if ${q(owner.name)} deploys first, ${refused("tombstone_delete_blocked_by_external_bindings")}, naming ${who} in \`referencing_scripts\`.` : `Worker ${who} still binds ${q(className)} of ${q(owner.name)} through \`script_name\` (binding ${q(binding.name)}): while it does, the \`deleted\` tombstone in ${q(owner.file)} is refused (code 100402, \`tombstone_delete_blocked_by_external_bindings\`, naming ${who} in \`referencing_scripts\`).`,
    fix: `Deploy ${who} without binding ${q(binding.name)} first; then deploy ${q(owner.name)} with the tombstone and ${q(className)} removed from its code (a release of the repository orders them so).`
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
      ...f,
      severity: "warning",
      message: `${f.message} The code still exports ${[...live].map(q).join(", ")}: this deploy goes through.`
    };
  });
  return changed ? { ...analysis, findings } : analysis;
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
function redirectTarget(redirect, text, root) {
  const parsed = parseConfigText(redirect, text);
  if (!parsed.ok) return { ok: false, problem: `it does not parse (${parsed.message})` };
  const configPath = parsed.value.configPath;
  if (typeof configPath !== "string" || configPath === "") {
    return { ok: false, problem: "it has no `configPath`" };
  }
  const relative = posix2.normalize(posix2.join(posix2.dirname(redirect), configPath));
  if (!posix2.isAbsolute(configPath) && relative !== ".." && !relative.startsWith("../")) {
    return { ok: true, target: relative };
  }
  const top = root === void 0 ? "" : posix2.normalize(root).replace(/\/+$/, "");
  const real = top === "" ? "" : posix2.resolve(top, posix2.dirname(redirect), configPath);
  if (top !== "" && real.startsWith(`${top}/`)) {
    return {
      ok: true,
      target: real.slice(top.length + 1),
      via: posix2.isAbsolute(configPath) ? `the absolute path ${q(configPath)}, in this checkout` : `${q(configPath)}, which leaves the repository's folder and comes back in`
    };
  }
  return {
    ok: false,
    unreadable: true,
    problem: `it points at ${q(configPath)}, ${posix2.isAbsolute(configPath) ? "an absolute path" : "a path outside the repository's folder"} that this check cannot map to a file of the repository`
  };
}
function pairConfigs(input, root) {
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
    const read = (text) => text === null ? null : redirectTarget(r.file, text, root);
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
  for (const c of configs) {
    if (!isCaseVariant(c.file) || !isNew(c) || replaced.has(c.file)) continue;
    const before = readIn(topAsEmpty(posix2.dirname(c.file)), "base");
    if (!before || before.change === c || taken.has(before.change.file)) continue;
    replaced.set(c.file, { from: before.change, why: CASE_VARIANT });
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
    if (pair.why !== "shadowed" && pair.why !== "redirected" && pair.why !== CASE_VARIANT) {
      findings.push(
        make("config-replaced", c.file, nameAt(c, "head"), {
          message: `${q(c.file)} replaces ${q(pair.from.file)} (${pair.why}): wrangler deploys it in its place, so what it changes for the Workers of ${q(pair.from.file)} is reported against that file at the base revision, not as a new config.`,
          fix: `Nothing to do if ${q(c.file)} is meant to replace ${q(pair.from.file)}: the findings above say what its deploy changes.`
        })
      );
    }
  }
  const namedConfigsIn = /* @__PURE__ */ new Map();
  for (const c of configs) {
    if (!SEARCH_ORDER.includes(posix2.basename(c.file).toLowerCase())) continue;
    const dir = topAsEmpty(posix2.dirname(c.file));
    const list = namedConfigsIn.get(dir);
    if (list) list.push(c);
    else namedConfigsIn.set(dir, [c]);
  }
  for (const dir of [...dirs].sort()) findings.push(...directoryFindings(dir));
  const unread = /* @__PURE__ */ new Set();
  for (const dir of dirs) {
    const present = SEARCH_ORDER.map((name) => dir === "" ? name : `${dir}/${name}`).filter(
      (f) => exists(byFile.get(f), "head")
    );
    const redirect = redirectOf.get(dir)?.head;
    for (const file of redirect?.ok && redirect.target !== present[0] ? present : present.slice(1)) {
      unread.add(file);
    }
  }
  return {
    changes: changes.map(
      (c) => unread.has(c.file) && !c.onlyWithConfig ? { ...c, onlyWithConfig: true } : c
    ),
    findings
  };
  function directoryFindings(dir) {
    const out = caseFindings(dir);
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
      const viaText = target.ok && target.via ? ` (through ${target.via})` : "";
      const finding2 = target.ok ? exists(byFile.get(target.target), "head") ? make("config-redirected", redirect.file, null, {
        message: `${q(redirect.file)} redirects wrangler: \`wrangler deploy\` in ${where} (without \`--config\`) deploys ${q(target.target)}${viaText}${insteadText}. This check reads ${q(target.target)} as the config of ${where}${instead ? `, against what the base revision deployed there` : ""}.`,
        fix: `Build output does not belong in the repository: if ${q(redirect.file)} was committed by mistake, remove it (and add \`.wrangler/\` to \`.gitignore\`), so that ${instead ? q(instead) : "the directory's own config"} is what deploys.`
      }) : make("config-redirected", redirect.file, null, {
        message: `${q(redirect.file)} redirects wrangler: \`wrangler deploy\` in ${where} (without \`--config\`) deploys ${q(target.target)}${viaText}${insteadText}, which is not in the repository (a build step writes it): this check cannot read it, so it cannot vouch for what that deploy does to Durable Objects.`,
        fix: `Remove ${q(redirect.file)} from the repository (it is build output; add \`.wrangler/\` to \`.gitignore\`), or check the config it points at after the build.`,
        severity: "critical"
      }) : target.unreadable ? make("config-redirected", redirect.file, null, {
        message: `${q(redirect.file)} redirects wrangler: \`wrangler deploy\` in ${where} (without \`--config\`) follows it, but ${target.problem}: this check cannot read the config that deploys, so it cannot vouch for what that deploy does to Durable Objects.`,
        fix: `Give \`configPath\` as a path relative to ${q(posix2.dirname(redirect.file))} that stays inside the repository, or remove ${q(redirect.file)} (it is build output; add \`.wrangler/\` to \`.gitignore\`).`,
        severity: "critical"
      }) : make("config-redirected", redirect.file, null, {
        message: `${q(redirect.file)} would redirect \`wrangler deploy\` in ${where}, but ${target.problem}: wrangler refuses to deploy there without \`--config\`.`,
        fix: `Remove ${q(redirect.file)} (it is build output; add \`.wrangler/\` to \`.gitignore\`).`
      });
      out.push(same && finding2.severity !== "critical" ? alreadyAtBase(finding2) : finding2);
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
  function caseFindings(dir) {
    const present = (namedConfigsIn.get(dir) ?? []).filter((c) => exists(c, "head"));
    const variants = present.filter((c) => isCaseVariant(c.file));
    if (variants.length === 0) return [];
    const touched = present.some((c) => c.baseText !== c.headText || c.baseFile !== void 0 || isNew(c));
    if (!touched) return [];
    const where = dir === "" ? "the repository's top directory" : `directory ${q(dir)}`;
    const onLinux = searched(dir, "head")?.file ?? null;
    let insensitive = null;
    for (const name of SEARCH_ORDER) {
      const same = present.filter((c) => posix2.basename(c.file).toLowerCase() === name);
      if (same.length === 0) continue;
      insensitive = same.length === 1 ? same[0].file : null;
      break;
    }
    const names = present.map((c) => q(posix2.basename(c.file))).join(", ");
    const linuxText = onLinux ? `reads ${q(onLinux)}` : "finds no config (it looks for lower-case names only)";
    const otherText = insensitive ? `reads ${q(insensitive)}` : "reads whichever of the files that share a name the checkout kept (one overwrites the other)";
    const variant = variants[0];
    return [
      make("config-name-case", variant.file, topName(variant.file, variant.headText), {
        message: `${where.charAt(0).toUpperCase()}${where.slice(1)} holds ${names}: names that differ only in case are one file on macOS and Windows. \`wrangler deploy\` there ${linuxText} on Linux, but ${otherText} on macOS or Windows. This check judges each of these files as a config that deploys${replaced.get(variant.file)?.why === CASE_VARIANT ? `, ${q(variant.file)} against what the base revision deployed there (${q(replaced.get(variant.file).from.file)})` : ""}.`,
        fix: `Keep one config per directory, spelt \`wrangler.json\`, \`wrangler.jsonc\` or \`wrangler.toml\` in lower case: rename or remove ${variants.map((c) => q(c.file)).join(" and ")}.`
      })
    ];
  }
}
var CASE_VARIANT = "case";
function isCaseVariant(file) {
  const name = posix2.basename(file);
  return !SEARCH_ORDER.includes(name) && SEARCH_ORDER.includes(name.toLowerCase());
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
          const other = bindings.elsewhere?.get(op.className);
          if (inTail && other !== void 0) {
            return {
              ...at,
              code: "10061",
              cause: "bound-elsewhere",
              reason: `binding ${q(other.binding)} of Worker ${q(other.worker)} still names ${q(op.className)} through \`script_name\`, and it deletes that class`
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
  const [unknownClass, unknownBinding] = [...bindings.unknown ?? []][0] ?? [];
  if (last >= 0 && unknownClass !== void 0) {
    return {
      index: last,
      tag: steps[last].tag,
      code: "10061",
      cause: "unknown-class",
      reason: `binding ${q(unknownBinding)} points at ${q(unknownClass)}, which no step of the history creates`
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
    const createdElsewhere = (c) => head.some(
      (s) => s !== now && s.ops.some(
        (op) => (op.type === "create" || op.type === "transfer-in") && op.className === c || op.type === "rename" && op.to === c
      )
    );
    const added = [...has].filter((c) => !had.has(c) && !createdElsewhere(c));
    const dropped = [...had].filter((c) => !has.has(c) && liveAtBaseEnd.includes(c));
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
        message: `Every migration (${tags}) was removed from ${where}, and no binding there points at ${classes.length === 1 ? "its class" : "their classes"} any more. Nothing is destroyed (removing a migration deletes nothing) and, while the code exports ${gone.length > 0 ? gone.map(q).join(", ") : "the classes"}, the deploy goes through: a Worker that ran ${base.length === 1 ? tags : "them"} keeps ${gone.length === 1 ? "the namespace" : "the namespaces"} of ${(gone.length > 0 ? gone : classes).map(q).join(", ")} and ${gone.length === 1 ? "its" : "their"} objects, unmanaged, and a fresh Worker (new env, preview, renamed Worker) gets no classes and binds none. If a class with objects also leaves the code, the deploy fails with code 10064.`,
        fix: `To keep the data, nothing to do but keep exporting the ${gone.length === 1 ? "class" : "classes"}. To retire the data too, restore the history and delete the ${gone.length === 1 ? "class" : "classes"} with a new step instead, in two deploys (bindings removed first, class still exported, then the delete).`
      });
      return drafts;
    }
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
        message: `New migration ${q(step.tag)} in ${where} was inserted before ${q(lastBaseTag)}. ${notApplied(lastBaseTag).replace(/^It /, `${q(lastBaseTag)} `)} and receive ${q(step.tag)} in order. If ${q(lastBaseTag)} did reach a Worker, that Worker never runs ${q(step.tag)}.`,
        fix: `Nothing to do if ${q(lastBaseTag)} never deployed; the live migration tag of each Worker settles it.`
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

// src/core/analyze/compare-worker.ts
var TWO_PHASE = "delete in two deploys: first remove every binding to the class (keep exporting it), deploy; then add the delete and deploy with an explicit confirmation (`mode: deploy` of this action runs both phases).";
function compareWorker(base, head, context = {}) {
  const env = head.env;
  const drafts = [];
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
  if (base?.lifecycle.model === "migrations" && base.lifecycle.steps.length > 0 && deployedBase && head.lifecycle.model === "migrations") {
    const deployedIndex = deployedBase.lifecycle.model === "migrations" ? deployedBase.lifecycle.steps.length - 1 : -1;
    const reported = new Set(
      drafts.filter((d) => d.kind === "class-deleted").map((d) => `${d.classes?.[0]}\0${d.tag}`)
    );
    for (const d of possibleDestructions(base.lifecycle.steps, head.lifecycle.steps, deployedIndex)) {
      if (reported.has(`${d.className}\0${d.tag}`)) continue;
      reported.add(`${d.className}\0${d.tag}`);
      drafts.push(
        d.unlessRan ? editedDelete(env, head, { ...d, unlessRan: d.unlessRan }, localBindings) : ranDelete(env, head, d, localBindings)
      );
    }
  }
  const firstDestruction = (name) => head.lifecycle.model === "migrations" ? destructions(
    [...baseClasses.values()].filter((c) => c.status === "live").map((c) => c.className),
    head.lifecycle.steps
  ).find((d) => d.origin === name && d.className === name) : void 0;
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
          const first = firstDestruction(name);
          const gone = first ? { ...now, tag: first.tag, line: first.line } : now;
          for (let i = drafts.length - 1; i >= 0; i--) {
            const d = drafts[i];
            if (d.kind === "class-deleted" && (d.unlessRan || d.ifRan) && d.classes?.[0] === name && d.tag === gone.tag)
              drafts.splice(i, 1);
          }
          deleted.push(gone);
          drafts.push(classDeleted(gone, name));
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
      const unapplied = predicted !== null && baseSteps.slice(predicted.index).find((step) => step.ops.some((op) => op.type === "delete" && op.className === name));
      drafts.push({
        kind: "class-recreated",
        env,
        classes: [name],
        line: now.line,
        tag: now.tag,
        ...unapplied ? { severity: "info" } : {},
        message: unapplied ? `Class ${q(name)} is created again in ${where} after migration ${q(unapplied.tag)} deletes it. ${q(unapplied.tag)} most likely never applied (at the base revision its deploy is rejected${predicted?.code ? ` with code ${predicted.code}` : ""}: ${predicted?.reason}), so deployed Workers most likely still have ${q(name)} and its objects: the new ${q(name)} starts empty only where that delete applies.` : `Class ${q(name)} is created again in ${where} after an earlier migration deleted it: it starts empty, none of the old objects come back.`,
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
        const separateSteps = now !== void 0 && created.some((c) => c.className === now.className && c.tag !== gone.tag);
        const rejection = `the API checks the delete against the live binding ${q(old.name)}, which still points at ${q(gone.className)}`;
        const mayPass = `a deploy that deleted and created in one step was rejected (code 10061), but one with the delete and the create in separate steps, as here, went through: this deploy may be rejected or may go through`;
        if (now && sameBackend) {
          drafts.push({
            kind: "probable-rename",
            env,
            classes: [gone.className, now.className],
            line: gone.line,
            tag: gone.tag,
            dataLoss: true,
            message: `Binding ${q(old.name)} moves from ${q(gone.className)} to ${q(now.className)} while ${q(gone.className)} is deleted and ${q(now.className)} created: this looks like a rename, but as written every ${q(gone.className)} object is destroyed and ${q(now.className)} starts empty. ${separateSteps ? `About the deploy: ${rejection}, and ${mayPass}.` : `The deploy is also rejected (code 10061): ${rejection}.`}`,
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
            ...separateSteps ? { severity: "warning" } : {},
            message: `Binding ${q(old.name)} keeps its name but points at ${q(now.className)}${now.scriptName && !isLocalBinding(now, head) ? ` of Worker ${q(now.scriptName)}` : ""} instead of ${q(gone.className)}, in the same deploy that deletes ${q(gone.className)} in ${where}: ${rejection}${separateSteps ? `, and ${mayPass}` : ", and rejects the deploy (code 10061)"}.`,
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
      const deletes = freshDeletes(head);
      const served = liveAtBase.filter((c) => baseLocal.some((b) => b.className === c));
      drafts.push({
        kind: "worker-renamed",
        env,
        classes: liveAtBase,
        line: head.nameLine ?? head.envLine,
        ...deletes.length > 0 || served.length > 0 ? { severity: "error" } : {},
        message: `${env === null ? "The top-level Worker" : `The Worker of ${where}`} is renamed from ${q(base.name)} to ${q(head.name)}: unless a Worker ${q(head.name)} already exists, the next deploy creates a NEW Worker that starts with no objects and replays the whole migration history, while ${q(base.name)} keeps all its objects and data (nothing is destroyed).${deletes.length > 0 ? ` That history deletes ${deletes.map(q).join(", ")}: on a new Worker the API rejects the delete of a class no earlier version of it exported (code 10074), so its first deploy fails.` : served.length > 0 ? ` The code bound ${served.map(q).join(", ")} there: after the deploy it reads the new, empty Worker, and none of those objects.` : " If the old name was a template's default, or CI writes the real name at deploy time, this is no rename."}`,
        fix: `Keep the name ${q(base.name)}, or plan the move: transfer the classes (\`transferred_classes\`) or migrate the data, then retire the old Worker.`
      });
    }
  }
  return head.lifecycle.model === "exports" ? exportsDrafts(base, head, drafts) : drafts;
}
function freshDeletes(worker) {
  if (worker.lifecycle.model !== "migrations") return [];
  const names = worker.lifecycle.steps.flatMap(
    (step) => step.ops.flatMap((op) => op.type === "delete" ? [op.className] : [])
  );
  return [...new Set(names)];
}
function shortAccount(id) {
  return q(id.length > 12 ? `${id.slice(0, 4)}\u2026${id.slice(-4)}` : id);
}
function editedDelete(env, head, d, localBindings) {
  const cond = q(d.unlessRan);
  const verb = head.lifecycle.model === "migrations" && !head.lifecycle.steps.some((s) => s.tag === d.unlessRan) ? "removed" : "edited";
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
    message: `Migration ${cond} in ${envLabel(env)} was ${verb}${d.tag === d.unlessRan ? ` to delete ${q(d.className)}` : ""}. If ${cond} has not reached a Worker yet (a merged step is only applied once its deploy succeeded: the live migration tag says), ${what} and destroys every ${q(d.origin)} object of ${q(head.name ?? "this Worker")}${renamed} and all its storage, irreversibly; a Worker that ran ${cond} ${verb === "edited" ? "ignores the edit" : "keeps what it ran"}.${bound ? ` While binding ${q(bound.name)} still points at ${q(d.className)}, that deploy is rejected (code 10061) instead.` : ""}`,
    fix: `Restore ${cond} as it was. If the data of ${q(d.origin)} must go, delete it with a new migration (a new tag) in two deploys: ${TWO_PHASE.replace(/^delete in two deploys: /, "")}`
  };
}
function ranDelete(env, head, d, localBindings) {
  const ran = q(d.ifRan);
  const name = q(head.name ?? "this Worker");
  const renamed = d.origin === d.className ? "" : ` (renamed from ${q(d.origin)} on the way)`;
  const bound = localBindings.find((b) => b.className === d.className);
  return {
    kind: "class-deleted",
    env,
    classes: [d.className],
    line: d.line,
    tag: d.tag,
    ...d.ifRan ? { ifRan: d.ifRan } : {},
    message: `Migration ${q(d.tag)} in ${envLabel(env)} deletes ${q(d.className)}${renamed}, whose objects exist on a Worker that has run ${ran}: ${ran} is not in the base revision's history (restored from an earlier revision, or deployed from another branch), so ${name} may well have run it. If it has, the next deploy sends ${q(d.tag)} and destroys every ${q(d.className)} object and all its storage, irreversibly.${bound ? ` While binding ${q(bound.name)} still points at ${q(d.className)}, that deploy is rejected (code 10061) instead.` : ""}`,
    fix: `The live migration tag of ${name} settles it (the live plan reads it). If the data must go, ${TWO_PHASE} If not, drop the delete.`
  };
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
    if (gained.length > 0 && gained.every((op) => op.type === "create") && gained.some((op) => op.type === "create" && fixed.has(op.className)))
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
    const group = groups.get(key);
    if (group) group.push(state);
    else groups.set(key, [state]);
  }
  return [...groups.values()];
}
function lifecycleLine(worker) {
  const lifecycle = worker.lifecycle;
  const first = lifecycle.model === "migrations" ? lifecycle.steps[0]?.line : lifecycle.model === "exports" ? lifecycle.entries[0]?.line : null;
  return first ?? worker.envLine;
}
function storageName(storage) {
  return storage === "sqlite" ? "SQLite" : storage === "kv" ? "key-value (legacy)" : "unknown";
}

// src/core/analyze/analyze.ts
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
    const deletes = baseConfig === null && base2 === null ? newConfigDeletes(worker) : null;
    if (deletes) findings.push(placed(deletes, placement(head, worker.name, true), worker));
    if (unreadBase !== null) unreadDeletes.push(...unreadBaseDeletes(worker));
  }
  if (unreadDeletes.length > 0) {
    const at = findings.findIndex((f) => f.kind === "parse-error" && f.file === unreadBase);
    const was = findings[at];
    if (was) {
      const list = [...new Set(unreadDeletes)].join(", ");
      findings[at] = {
        ...was,
        severity: "error",
        message: `${was.message} The head's history deletes ${list}: on a Worker that has not run that step yet, the next deploy destroys the class's objects and all its storage, irreversibly, and which steps deployed Workers have run cannot be told from a base that does not parse.`,
        fix: `${was.fix} The live plan (\`--live\`, a read-only token) reads each Worker's migration tag and settles it.`
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
  for (const workers of index.values()) {
    for (const other of workers) {
      if (other === base || other.file === base.file && other.env === base.env) continue;
      if (other.name === base.name) continue;
      for (const b of other.bindings) {
        if (b.scriptName === base.name && !out.has(b.className))
          out.set(b.className, { binding: b.name, worker: other.name ?? other.file });
      }
    }
  }
  return out.size > 0 ? out : void 0;
}
function newConfigDeletes(worker) {
  const lifecycle = worker.lifecycle;
  if (lifecycle.model !== "migrations") return null;
  const deleted = deletesOfCreated(lifecycle.steps);
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
function unreadBaseDeletes(worker) {
  if (worker.lifecycle.model !== "migrations") return [];
  return deletesOfCreated(worker.lifecycle.steps).map((d) => `${q(d.className)} (${q(d.tag)})`);
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
function repositoryFindings(analyses, extra = []) {
  const findings = [...analyses.flatMap((a) => a.findings), ...extra];
  const cross = crossWorkerBindings(findings, analyses);
  const blocked = new Set(cross.map((c) => c.blocks));
  const unexported = new Set(
    findings.filter((f) => f.kind === "class-not-exported").map((f) => placeKey(f.file, f.env, f.classes[0]))
  );
  const kept = findings.filter(
    (f) => !(f.kind === "env-removed" && movedTo(analyses, f)) && !(f.kind === "delete-binding-removed" && blocked.has(deletionKey(f.worker, f.classes[0], f.tag))) && !(f.kind === "binding-removed" && unexported.has(placeKey(f.file, f.env, f.classes[0])))
  ).map((f) => f.kind === "binding-retargeted" ? checkRetargetTarget(f, analyses) : f);
  return exportsRepositoryFindings(
    incompleteFixes([...kept, ...cross.map((c) => c.finding), ...identityFindings(analyses)], analyses),
    analyses
  );
}
function incompleteFixes(findings, analyses) {
  const deletions = findings.filter((f) => f.kind === "class-deleted" && f.introduced);
  if (deletions.length === 0) return [...findings];
  const workerAt = (file, env) => analyses.find((a) => a.file === file)?.headWorkers.find((w) => w.env === env) ?? null;
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
    const prefix = "Already at the base revision: ";
    const said = f.message.startsWith(prefix) ? f.message.slice(prefix.length) : f.message;
    return {
      ...f,
      severity: CATALOGUE[f.kind].severity,
      introduced: true,
      message: `This change deletes ${q(className)} in ${targetLabel(deleting, false)}${deletion.tag ? ` (migration ${q(deletion.tag)})` : ""}, but ${targetLabel(target, false)} deploys the same code and still has ${q(className)}, so the fix is incomplete. ${said}`,
      fix: `Delete ${q(className)} in ${targetLabel(target, false)} as well (bindings removed first, then the delete: two deploys), or keep exporting ${q(className)} (a stub class is enough) until every config of this code has deleted it.`
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
      const finding2 = identityFinding("worker-deployed-twice", other.worker, {
        message: `${targetLabel(other.worker)} deploys to Worker ${q(name)}, and so does ${targetLabel(first.worker, false)}: each deploy replaces the other's code and bindings, and sends its own migrations against the migration tag the other left. A class one of them deletes, or does not export, is destroyed or rejected there for both.`,
        fix: `Give each target its own \`name\`${other.worker.env === null ? "" : ` (e.g. \`${name}-${other.worker.env}\` for ${envLabel(other.worker.env)})`}, or deploy ${q(name)} from one config only.`
      });
      out.push(preExisting ? alreadyAtBase(finding2) : finding2);
    }
  }
  for (const analysis of analyses) {
    for (const { head, owner, positional } of analysis.takeovers ?? []) {
      if (twice.has(at(analysis.file, head.env))) continue;
      const left = positional?.name && positional.name !== head.name ? ` Worker ${q(positional.name)}, deployed from here at the base revision, keeps its objects, no longer managed by this config.` : "";
      out.push(
        identityFinding("worker-name-taken", head, {
          message: `${targetLabel(head)} now deploys to Worker ${q(head.name)}, which ${targetLabel(owner, false)} deployed at the base revision: the next deploy from here sends this config's migrations and bindings to that Worker, so this change is checked against the history declared there.${left}`,
          fix: `If ${q(head.name)} is meant to be deployed from here now, nothing to do: the findings of this Worker compare the two histories. Otherwise restore the name${positional?.name ? ` ${q(positional.name)}` : ""}.`
        })
      );
    }
  }
  return out;
}
function dirOf(file) {
  const slash = file.lastIndexOf("/");
  return slash < 0 ? "" : file.slice(0, slash);
}
function sameAccount(a, b) {
  return a.accountId === void 0 || b.accountId === void 0 || a.accountId === b.accountId;
}
function targetLabel(worker, start = true) {
  const what = worker.env === null ? "the top level" : envLabel(worker.env);
  return `${start ? capitalised(what) : what} of ${q(worker.file)}`;
}
function identityFinding(kind, worker, text) {
  return workerFinding(worker, kind, { classes: [], line: worker.nameLine ?? worker.envLine }, text);
}
function movedTo(analyses, removed) {
  return analyses.some(
    (a) => (a.takeovers ?? []).some((t) => t.owner.name === removed.worker && t.owner.env === removed.env)
  );
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
    message: isBase ? `The base revision of ${q(failure.file)} does not parse (${failure.message}${where}), so what changed cannot be told; the head revision was checked on its own.` : (
      // Fail closed: wrangler's parser may read what this one cannot (config/parse.ts).
      `${q(failure.file)} cannot be read by this check: it does not parse as ${failure.format === "toml" ? "TOML" : "JSON/JSONC"} (${failure.message}${where}). If wrangler refuses it too, nothing deploys; if wrangler reads it, this check cannot vouch for what the deploy does to Durable Objects.`
    ),
    fix: failure.message.startsWith("the file is a Git LFS pointer") ? "Keep wrangler configs out of Git LFS (remove their pattern from `.gitattributes` and commit the real file)." : "Fix the syntax at that position (wrangler reads TOML with smol-toml and JSON/JSONC with comments and trailing commas allowed).",
    introduced: !preExisting
  };
}

export {
  workerEntryPath,
  codeFindings,
  settleRetirements,
  pendingSteps,
  storageName,
  isRedirectFile,
  redirectedDir,
  redirectTarget,
  pairConfigs,
  analyzeFile,
  baseWorkerIndex,
  analyzeRepository,
  analyzeFiles,
  withBaseWorkerIndex,
  reportFor,
  repositoryFindings,
  crossFileKeys,
  buildReport
};

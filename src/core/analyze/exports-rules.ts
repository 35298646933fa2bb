// The declarative `exports` model in its own terms (DOMAIN.md section 1, Cloudflare's "Durable
// Object class exports" page). The server reconciles three sources of truth on every deploy: the
// classes the code exports, the `exports` entries and the provisioned namespaces. Its order is not
// the legacy one: a `deleted` tombstone applies in ONE deploy, with the class gone from the code and
// no binding left (other Workers' bindings first), and the server refuses it otherwise (100402).
//
// The generic rules (compare-worker.ts, code-exports.ts, analyze.ts) detect what changed; this
// module says it in `exports` vocabulary for a Worker on `exports`, drops the legacy advice that
// does not apply (two-phase delete, stub classes, `renamed_classes`, 10064), and adds the
// interlocks only the `exports` model has. Hooked in with one call from each of those modules.
import { forUndeployedWorker } from "../catalogue.ts";
import type { WorkerExports } from "../code/worker-exports.ts";
import { isLocalBinding, notDeployedAsWritten } from "../config/workers.ts";
import { type Draft, envLabel, q, workerFinding } from "../diagnostics.ts";
import { replayLifecycle } from "../lifecycle/replay.ts";
import type { ClassState, ExportEntry, Finding, FindingKind, Storage, Worker } from "../model.ts";

/** What the server answers a refused `exports` upload with (wrangler prints the scenario). */
function refused(scenario: string): string {
  return `the server refuses the deploy (code 100402, \`${scenario}\`) and nothing changes`;
}

function storageWord(storage: Storage | null): string {
  return storage === "kv" ? "legacy-kv" : "sqlite";
}

/** An `exports` entry as a user writes it (JSONC shape; the docs show the TOML form beside it). */
export function liveEntryText(className: string, storage: Storage | null): string {
  return `\`"${className}": { "type": "durable-object", "storage": "${storageWord(storage)}" }\``;
}

function tombstoneText(className: string): string {
  return `\`"${className}": { "type": "durable-object", "state": "deleted" }\``;
}

function whoseName(worker: Worker): string {
  return q(worker.name ?? "this Worker");
}

function entryOf(worker: Worker, className: string): ExportEntry | undefined {
  return worker.lifecycle.model === "exports"
    ? worker.lifecycle.entries.find((e) => e.className === className)
    : undefined;
}

/** How a `deleted` tombstone applies: the one-deploy order of the `exports` model. */
function tombstoneOrder(className: string): string {
  return `The server applies a \`deleted\` tombstone in one deploy of this Worker, and only when the code no longer exports ${q(className)} (else \`tombstone_delete_class_still_in_code\`) and no other Worker binds it (else \`tombstone_delete_blocked_by_external_bindings\`): deploy the other Workers without their bindings to it first, then this one with the tombstone, ${q(className)} removed from the code and its bindings removed.`;
}

/**
 * The drafts of one Worker whose head declares `exports`, in `exports` terms: rewritten, dropped
 * (the legacy interlocks of a delete that do not exist here) or added (the `exports` interlocks).
 */
export function exportsDrafts(base: Worker | null, head: Worker, drafts: readonly Draft[]): Draft[] {
  const where = envLabel(head.env);
  const baseClasses = base ? replayLifecycle(base.lifecycle).classes : new Map<string, ClassState>();
  const out: Draft[] = [];
  for (const draft of drafts) {
    const rewritten = inExportsTerms(draft, base, head, baseClasses);
    if (rewritten) out.push(rewritten);
  }
  // `renamed_to` onto a class that already has a namespace, or onto a name with no live entry.
  if (head.lifecycle.model === "exports") {
    for (const entry of head.lifecycle.entries) {
      if (entry.state !== "renamed" || !entry.renamedTo) continue;
      if (baseClasses.get(entry.className)?.status !== "live") continue; // applied already, or new
      const to = entry.renamedTo;
      const target = entryOf(head, to);
      const occupied = baseClasses.get(to)?.status === "live";
      if (!occupied && target && target.state === "created") continue;
      out.push({
        kind: "exports-rename-refused",
        env: head.env,
        classes: [entry.className, to],
        line: entry.line,
        message: occupied
          ? `${q(entry.className)} is renamed to ${q(to)} in ${where}, but ${q(to)} already has a namespace (it is live at the base revision): ${refused("tombstone_renamed_to_occupied")}. The objects of ${q(to)} are not merged with those of ${q(entry.className)}.`
          : `${q(entry.className)} is renamed to ${q(to)} in ${where}, but \`exports\` has no live entry for ${q(to)}: ${refused("config_references_nonexistent_class")}.`,
        fix: occupied
          ? `Rename to a name that has never had a namespace in ${whoseName(head)}, e.g. \`"renamed_to": "${to}V2"\` with a live entry for it. If ${q(to)} is really to go first, tombstone it in a deploy of its own (data loss), then rename.`
          : `Add ${liveEntryText(to, baseClasses.get(entry.className)?.storage ?? null)} beside the tombstone, and export ${q(to)} from the code.`,
      });
    }
  }
  return out;
}

function inExportsTerms(
  draft: Draft,
  base: Worker | null,
  head: Worker,
  baseClasses: ReadonlyMap<string, ClassState>,
): Draft | null {
  const where = envLabel(head.env);
  const name = draft.classes?.[0] ?? "";
  const storage = entryOf(head, name)?.storage ?? baseClasses.get(name)?.storage ?? null;
  switch (draft.kind) {
    case "class-deleted":
      return {
        ...draft,
        fix: `${tombstoneOrder(name)} If the data must stay, put back ${liveEntryText(name, baseClasses.get(name)?.storage ?? storage)}. To rename the class instead, write \`"state": "renamed", "renamed_to": "<NewName>"\` with a live entry for the new name.`,
      };
    case "probable-rename": {
      const to = draft.classes?.[1] ?? "";
      return {
        ...draft,
        message: `A binding moves from ${q(name)} to ${q(to)} while ${q(name)} gets a \`deleted\` tombstone and ${q(to)} a new entry in ${where}: this looks like a rename, but as written every ${q(name)} object is destroyed and ${q(to)} starts empty.`,
        fix: `To keep the data, write \`"${name}": { "type": "durable-object", "state": "renamed", "renamed_to": "${to}" }\` instead of the tombstone (keep the live entry of ${q(to)}), and export ${q(to)} from the code.`,
      };
    }
    case "delete-still-bound": {
      const binding = head.bindings.find((b) => b.line === draft.line && b.className === name);
      if (binding && !isLocalBinding(binding, head)) return null; // another Worker's namespace
      return {
        ...draft,
        message: `${q(name)} gets a \`deleted\` tombstone in ${where}, but binding ${q(binding?.name ?? name)} still points at it: once the tombstone applies the class has no namespace, so the deploy is rejected (code 10061).`,
        fix: `Remove the binding in this same deploy. ${tombstoneOrder(name)}`,
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
        fix: `Zero downtime takes three deploys: (1) the code exports ${q(to)} as an alias (\`export { ${name} as ${to} }\`), no config change; (2) this change: the \`renamed\` tombstone, the live entry of ${q(to)}, bindings pointing at ${q(to)}; (3) drop the alias ${q(name)} from the code. The tombstone may be dropped once a deploy reports it in \`removable_entries\`.`,
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
          fix: `A transfer takes four deploys over two Workers: (1) ${to} declares \`"${name}": { "type": "durable-object", "state": "expecting-transfer", "transfer_from": "${head.name ?? "<this Worker>"}", "storage": "${storageWord(storage)}" }\` and exports the class; (2) ${self} deploys this tombstone (refused before step 1: \`transfer_target_not_expecting\`); (3) ${to} changes its entry to \`"storage": "${storageWord(storage)}"\` (state \`created\`) and binds it; (4) ${self} drops the tombstone.`,
        };
      }
      const from = q(entry?.transferFrom ?? "the source Worker");
      return {
        ...draft,
        message: `${q(name)} is expecting a transfer from ${from} in ${where}: the namespace and its objects arrive when ${from} deploys its \`transferred\` tombstone.`,
        fix: `This is step 1 of 4: deploy ${self} first; then ${from} deploys \`"state": "transferred", "transferred_to": "${head.name ?? "<this Worker>"}"\`; then change this entry to \`"storage": "${storageWord(storage)}"\` (state \`created\`) and bind the class; ${from} drops its tombstone last.`,
      };
    }
    case "class-recreated":
      return {
        ...draft,
        message: `${q(name)} had a \`deleted\` tombstone and gets a live entry again in ${where}: if the tombstone applied, the new ${q(name)} starts empty and none of the old objects come back; if it never applied, the class simply stays.`,
        fix: "Make sure nobody expects the old data; prefer a new class name so the map reads clearly.",
      };
    case "storage-changed": {
      const was = baseClasses.get(name)?.storage ?? null;
      return {
        ...draft,
        message: `${q(name)} changes \`storage\` from \`${storageWord(was)}\` to \`${storageWord(storage)}\` in ${where}: storage is immutable, so for a Worker that has the class ${refused("storage_type_mismatch")}. A fresh Worker would get the new backend.`,
        fix: `Put back \`"storage": "${storageWord(was)}"\`. To move to SQLite, add a new class with \`"storage": "sqlite"\` and migrate the data in code.`,
      };
    }
    case "export-removed": {
      const was = baseClasses.get(name)?.storage ?? null;
      return {
        ...draft,
        message: `${q(name)} has a namespace (live at the base revision) but no entry in the \`exports\` of ${where} any more: ${refused("orphaned_provisioned_namespace")} when the code no longer exports it either (\`provisioned_class_missing_from_config\` when it still does). Removing an entry deletes nothing.`,
        fix: `Put back ${liveEntryText(name, was)}. If its data must go, write ${tombstoneText(name)} instead (data loss). ${tombstoneOrder(name)}`,
      };
    }
    case "binding-removed":
      return {
        ...draft,
        message: `Binding ${q(base?.bindings.find((b) => b.className === name)?.name ?? name)} to ${q(name)} was removed from ${where}, and ${q(name)} keeps its live \`exports\` entry: the objects and their storage stay.`,
        fix: `Nothing to do if ${q(name)} stays: keep the class in the code while its entry is live (the server refuses a live entry the code does not export: code 100402, \`config_export_not_in_code\`). If its data should go, write ${tombstoneText(name)} and remove the class from the code in one deploy.`,
      };
    case "binding-unknown-class": {
      if (head.lifecycle.model !== "exports") return draft;
      const tombstoned = entryOf(head, name);
      return {
        ...draft,
        message: `Binding to ${q(name)} in ${where}, but \`exports\` has no live entry for ${q(name)}${tombstoned ? ` (it is \`${tombstoned.state}\`)` : ""}: the API rejects the deploy (code 10061).`,
        fix: `Add ${liveEntryText(name, "sqlite")} to \`exports\` and export the class from the code, or fix the class name.`,
      };
    }
    case "binding-retargeted":
      return {
        ...draft,
        message: draft.message.replace(
          "created by its own migration and exported by its code",
          "declared live in its own `exports` and exported by its code",
        ),
        fix: `If the objects should move there, transfer the class (an \`expecting-transfer\` entry in the other Worker's config first, then \`"state": "transferred"\` here). Otherwise ${q(name)} keeps its entry and namespace here: keep it in the code while its entry is live.`,
      };
    case "lifecycle-model-changed":
      // migrations -> exports (the way back is said as it is: 100403).
      return head.lifecycle.model === "exports" && base?.lifecycle.model === "migrations"
        ? {
            ...draft,
            fix: `${draft.fix} \`do-migrate to-exports\` writes the map from the history: one entry per live class with its storage.`,
          }
        : draft;
    case "env-removed":
      return {
        ...draft,
        fix: 'If the Worker should go, tombstone its classes (`"state": "deleted"`, the classes removed from the code) in one deploy, then `wrangler delete` it; otherwise restore the config.',
      };
    case "worker-renamed":
    case "account-changed":
      return {
        ...draft,
        message: draft.message.replace(
          "replays the whole migration history",
          "creates every live `exports` entry empty",
        ),
        fix: `${draft.fix.split(", or plan the move")[0]}, or plan the move: transfer the classes (an \`expecting-transfer\` entry in the new Worker, then \`"state": "transferred"\` in the old one; same account only) or migrate the data in code, then retire the old Worker (tombstones with the classes removed from the code, then \`wrangler delete\`).`,
      };
    default:
      return draft;
  }
}

// ---------------------------------------------------------------------------------------------
// Code-aware: what the server checks against the classes the code exports.

/**
 * The code checks of a Worker on `exports`: a live entry the code does not export
 * (`config_export_not_in_code`), and a `deleted` tombstone the code still exports
 * (`tombstone_delete_class_still_in_code`). `deletedNow` are the Worker's introduced deletes.
 */
export function exportsCodeFindings(
  worker: Worker,
  entry: string,
  exports: WorkerExports & { status: "known" },
  createdNow: ReadonlySet<string>,
  deletedNow: readonly Finding[],
): Finding[] {
  if (worker.lifecycle.model !== "exports") return [];
  const out: Finding[] = [];
  const why = notDeployedAsWritten(worker);
  const push = (f: Finding) => out.push(why ? forUndeployedWorker(f, why) : f);
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
          fix: created
            ? `Export ${q(e.className)} from ${q(entry)} (\`export class ${e.className} ...\` or re-export it).`
            : `Export ${q(e.className)} from ${q(entry)} again. If its data should go, write ${tombstoneText(e.className)} instead and keep the class out of the code (data loss).`,
        },
      ),
    );
  }
  for (const deletion of deletedNow) {
    const still = deletion.classes.filter((c) => exports.names.has(c));
    if (still.length === 0) continue;
    const them = still.length === 1 ? "it" : "them";
    push({
      ...codeFinding(worker, "exports-tombstone-in-code", still, deletion.line, {
        message: `${still.map(q).join(", ")} ${still.length === 1 ? "gets a" : "get"} \`deleted\` tombstone${still.length === 1 ? "" : "s"} in ${where}, but ${q(entry)} still exports ${them}: ${refused("tombstone_delete_class_still_in_code")}.`,
        fix: `Remove ${still.map((c) => `class ${c}`).join(", ")} (and ${still.length === 1 ? "its" : "their"} re-exports) from the code in the same deploy as the tombstone: with \`exports\` the class leaves the code when it is deleted, not after.`,
      }),
      tag: deletion.tag,
    });
  }
  return out;
}

function codeFinding(
  worker: Worker,
  kind: FindingKind,
  classes: readonly string[],
  line: number | null,
  text: { message: string; fix: string },
): Finding {
  return workerFinding(worker, kind, { classes, line }, text);
}

// ---------------------------------------------------------------------------------------------
// Across Workers: other Workers' bindings, and the receiving side of a transfer.

interface RepositoryView {
  readonly file: string;
  readonly headWorkers: readonly Worker[];
  readonly baseWorkers?: readonly Worker[];
}

/**
 * The repository's findings with the `exports` interlocks between Workers: another Worker's
 * binding to a tombstoned class (DO105, in the server's terms), and a `transferred` tombstone whose
 * receiving Worker (configured in the repository) does not declare `expecting-transfer` (DO904).
 */
export function exportsRepositoryFindings(
  findings: readonly Finding[],
  analyses: readonly RepositoryView[],
): Finding[] {
  const heads = analyses.flatMap((a) => a.headWorkers);
  const byName = (name: string | null) => (name ? heads.find((w) => w.name === name) : undefined);
  const out = findings.map((f) =>
    f.kind === "cross-worker-binding" ? crossInExportsTerms(f, analyses, byName) : f,
  );
  for (const analysis of analyses) {
    for (const worker of analysis.headWorkers) {
      if (worker.lifecycle.model !== "exports") continue;
      const base = analysis.baseWorkers?.find((w) => w.env === worker.env);
      const before = base ? replayLifecycle(base.lifecycle).classes : null;
      for (const e of worker.lifecycle.entries) {
        if (e.state !== "transferred" || !e.transferredTo) continue;
        if (before && before.get(e.className)?.status !== "live") continue; // not introduced here
        const target = byName(e.transferredTo);
        if (!target) continue; // configured elsewhere: DO303's fix names the order
        const expecting = entryOf(target, e.className);
        const storage = before?.get(e.className)?.storage ?? null;
        const ready = expecting?.state === "expecting-transfer" && expecting.transferFrom === worker.name;
        const mismatch = ready && storage !== null && expecting.storage !== storage;
        if (ready && !mismatch) continue;
        const finding = codeFinding(worker, "exports-transfer-not-expected", [e.className], e.line, {
          message: mismatch
            ? `${q(e.className)} is transferred to ${q(target.name)} in ${envLabel(worker.env)}, whose \`expecting-transfer\` entry (${q(target.file)}) declares \`${storageWord(expecting.storage)}\` storage where the namespace has \`${storageWord(storage)}\`: ${refused("storage_type_mismatch")}.`
            : `${q(e.className)} is transferred to ${q(target.name)} in ${envLabel(worker.env)}, but ${q(target.file)} does not declare it \`expecting-transfer\` from ${q(worker.name)}${expecting ? ` (its entry is \`${expecting.state}\`${expecting.transferFrom ? ` from ${q(expecting.transferFrom)}` : ""})` : ""}: ${refused("transfer_target_not_expecting")}.`,
          fix: `First deploy ${q(target.name)} with \`"${e.className}": { "type": "durable-object", "state": "expecting-transfer", "transfer_from": "${worker.name ?? ""}", "storage": "${storageWord(storage)}" }\` (and the class in its code), then this tombstone.`,
        });
        const why = notDeployedAsWritten(worker);
        out.push(why ? forUndeployedWorker(finding, why) : finding);
      }
    }
  }
  return out;
}

function crossInExportsTerms(
  finding: Finding,
  analyses: readonly RepositoryView[],
  byName: (name: string | null) => Worker | undefined,
): Finding {
  const className = finding.classes[0] ?? "";
  const analysis = analyses.find((a) => a.file === finding.file);
  const other = [...(analysis?.headWorkers ?? []), ...(analysis?.baseWorkers ?? [])].filter(
    (w) => w.env === finding.env,
  );
  const binding = other.flatMap((w) => w.bindings).find((b) => b.className === className && b.scriptName);
  const owner = byName(binding?.scriptName ?? null);
  if (!binding || owner?.lifecycle.model !== "exports") return finding;
  const dropped = finding.message.includes(" drops its binding ");
  const who = q(finding.worker ?? finding.file);
  return {
    ...finding,
    message: dropped
      ? `Worker ${who} drops its binding ${q(binding.name)} to ${q(className)} of ${q(owner.name)} in the same change that tombstones the class in ${q(owner.file)}, but the live binding stays until ${who} has deployed without it: if ${q(owner.name)} deploys first, ${refused("tombstone_delete_blocked_by_external_bindings")}, naming ${who} in \`referencing_scripts\`.`
      : `Worker ${who} still binds ${q(className)} of ${q(owner.name)} through \`script_name\` (binding ${q(binding.name)}): while it does, the \`deleted\` tombstone in ${q(owner.file)} is refused (code 100402, \`tombstone_delete_blocked_by_external_bindings\`, naming ${who} in \`referencing_scripts\`).`,
    fix: `Deploy ${who} without binding ${q(binding.name)} first; then deploy ${q(owner.name)} with the tombstone and ${q(className)} removed from its code (a release of the repository orders them so).`,
  };
}

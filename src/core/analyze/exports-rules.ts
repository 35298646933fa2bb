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
import { type Draft, workerFinding } from "../diagnostics.ts";
import { replayLifecycle } from "../lifecycle/replay.ts";
import type { ClassState, ExportEntry, Finding, FindingKind, Worker } from "../model.ts";
import {
  EXPORTS_ENV_REMOVED_FIX,
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
} from "../rules/exports.ts";
import type { Wording } from "../rules/rule.ts";

export { liveEntryText } from "../rules/exports.ts";

function entryOf(worker: Worker, className: string): ExportEntry | undefined {
  return worker.lifecycle.model === "exports"
    ? worker.lifecycle.entries.find((e) => e.className === className)
    : undefined;
}

/**
 * The drafts of one Worker whose head declares `exports`, in `exports` terms: rewritten, dropped
 * (the legacy interlocks of a delete that do not exist here) or added (the `exports` interlocks).
 */
export function exportsDrafts(base: Worker | null, head: Worker, drafts: readonly Draft[]): Draft[] {
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
        ...exportsRenameRefused({
          className: entry.className,
          to,
          env: head.env,
          occupied,
          worker: head.name,
          storage: baseClasses.get(entry.className)?.storage ?? null,
        }),
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
  const env = head.env;
  const name = draft.classes?.[0] ?? "";
  const storage = entryOf(head, name)?.storage ?? baseClasses.get(name)?.storage ?? null;
  switch (draft.kind) {
    case "class-deleted":
      return {
        ...draft,
        fix: exportsDeleteFix({ className: name, storage: baseClasses.get(name)?.storage ?? storage }),
      };
    case "probable-rename": {
      return { ...draft, ...exportsProbableRename({ name, to: draft.classes?.[1] ?? "", env }) };
    }
    case "delete-still-bound": {
      const binding = head.bindings.find((b) => b.line === draft.line && b.className === name);
      if (binding && !isLocalBinding(binding, head)) return null; // another Worker's namespace
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
          to: out ? (entry.transferredTo ?? null) : null,
          from: out ? null : (entry?.transferFrom ?? null),
          direction: out ? "out" : "in",
        }),
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
          env,
        }),
      };
    case "binding-unknown-class": {
      if (head.lifecycle.model !== "exports") return draft;
      return {
        ...draft,
        ...exportsBindingUnknownClass({ name, env, state: entryOf(head, name)?.state ?? null }),
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
        exportsClassNotExported({ name: e.className, entry, env: worker.env, created }),
      ),
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
        exportsTombstoneInCode({ still, entry, env: worker.env }),
      ),
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
  text: Wording,
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
  /** The DO105 findings of a binding this same change drops (still live until its Worker deploys). */
  dropped: ReadonlySet<Finding> = new Set(),
): Finding[] {
  const heads = analyses.flatMap((a) => a.headWorkers);
  const byName = (name: string | null) => (name ? heads.find((w) => w.name === name) : undefined);
  const out = findings.map((f) =>
    f.kind === "cross-worker-binding" ? crossInExportsTerms(f, analyses, byName, dropped.has(f)) : f,
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
        const finding = codeFinding(
          worker,
          "exports-transfer-not-expected",
          [e.className],
          e.line,
          exportsTransferNotExpected({
            className: e.className,
            env: worker.env,
            worker: worker.name,
            target,
            expecting: expecting
              ? { state: expecting.state, transferFrom: expecting.transferFrom, storage: expecting.storage }
              : null,
            mismatch: Boolean(mismatch),
            storage,
          }),
        );
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
  dropped: boolean,
): Finding {
  const className = finding.classes[0] ?? "";
  const analysis = analyses.find((a) => a.file === finding.file);
  const other = [...(analysis?.headWorkers ?? []), ...(analysis?.baseWorkers ?? [])].filter(
    (w) => w.env === finding.env,
  );
  const binding = other.flatMap((w) => w.bindings).find((b) => b.className === className && b.scriptName);
  const owner = byName(binding?.scriptName ?? null);
  if (!binding || owner?.lifecycle.model !== "exports") return finding;
  return {
    ...finding,
    ...exportsCrossWorkerBinding({
      who: finding.worker ?? finding.file,
      binding: binding.name,
      className,
      owner: owner.name,
      ownerFile: owner.file,
      dropped,
    }),
  };
}

// Code-aware checks: does each Worker's entry module export the classes its lifecycle needs?
// Cloudflare looks classes up by export name: a class that owns a namespace and is not exported
// fails the deploy (10064), a class created but not exported fails it too (10070). The export
// names come from src/core/code (read as text, never run); this module only compares.
import { posix } from "node:path";
import { forUndeployedWorker } from "../catalogue.ts";
import type { WorkerExports } from "../code/worker-exports.ts";
import { isLocalBinding, notDeployedAsWritten } from "../config/workers.ts";
import { workerFinding } from "../diagnostics.ts";
import { liveClasses, replayLifecycle } from "../lifecycle/replay.ts";
import type { Finding, FindingKind, Worker } from "../model.ts";
import { remarked } from "../remarks.ts";
import {
  abandonedClassNotExported,
  classNotExported,
  deletedClassStillNeeded,
  exportsUnknown,
  retirementGoesThrough,
} from "../rules/code-exports.ts";
import type { Wording } from "../rules/rule.ts";
import { exportsCodeFindings } from "./exports-rules.ts";
import type { FileAnalysis } from "./file-analysis.ts";

/** The repository path of a Worker's entry module (`main`, relative to its config file). */
export function workerEntryPath(worker: Worker): string | null {
  if (!worker.main) return null;
  return posix.normalize(posix.join(posix.dirname(worker.file), worker.main));
}

export function codeFindings(
  analyses: readonly FileAnalysis[],
  exportsOf: (entryPath: string) => WorkerExports | undefined,
): Finding[] {
  const out: Finding[] = [];
  for (const analysis of analyses) {
    for (const worker of analysis.headWorkers) {
      const why = notDeployedAsWritten(worker);
      const push = (f: Finding) => out.push(why ? forUndeployedWorker(f, why) : f);
      const replay = replayLifecycle(worker.lifecycle).classes;
      const live = [...replay.values()];
      const liveNames = live.filter((c) => c.status === "live");
      const mine = analysis.findings.filter((f) => f.env === worker.env && f.introduced);
      const createdNow = new Set(mine.filter((f) => f.kind === "class-created").flatMap((f) => f.classes));
      const deletedNow = mine.filter((f) => f.kind === "class-deleted");
      // Classes whose migrations this change removed while the class also left the config: a
      // Worker that ran those migrations keeps the namespaces (only a template has none).
      const abandoned = why ? [] : abandonedClasses(worker, analysis);
      if (liveNames.length === 0 && deletedNow.length === 0 && abandoned.length === 0) continue;

      const entry = workerEntryPath(worker);
      const exports = entry ? exportsOf(entry) : undefined;
      const base = { worker, entry: entry ?? "(no main)" };
      if (!entry) {
        push(
          finding(
            base,
            "exports-unknown",
            [],
            null,
            exportsUnknown({ worker: worker.name, env: worker.env, entry: null, why: "" }),
          ),
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
            exportsUnknown({ worker: worker.name, env: worker.env, entry, why: exports.message }),
          ),
        );
        continue;
      }
      if (worker.lifecycle.model === "exports") {
        out.push(...exportsCodeFindings(worker, entry, exports, createdNow, deletedNow));
        continue;
      }
      const exported = (name: string) => exports.names.has(name);
      for (const state of liveNames) {
        if (exported(state.className)) continue;
        // A Worker that is not deployed as written has no namespace yet: its first deploy creates
        // the class, which fails like any created class that is not exported (10070).
        const created = createdNow.has(state.className) || why !== null;
        push(
          finding(
            base,
            created ? "created-class-not-exported" : "class-not-exported",
            [state.className],
            state,
            classNotExported({ className: state.className, env: worker.env, entry, created }),
          ),
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
            deletedClassStillNeeded({ gone, entry }),
          ),
          line: deletion.line,
          tag: deletion.tag,
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
              removedTag: removal.tag,
            }),
          ),
          line: removal.line,
          tag: removal.tag,
        });
      }
    }
  }
  return out;
}

/**
 * The classes live at the base revision that the head neither has a lifecycle for nor binds, in a
 * Worker whose change removed migrations (DO202): each with the history-removed finding about it.
 */
function abandonedClasses(worker: Worker, analysis: FileAnalysis): { className: string; removal: Finding }[] {
  // The history rules report a list once, where it is written: a Worker inheriting the top-level
  // list is concerned by the top-level finding.
  const inherits = worker.lifecycle.model === "none" || worker.lifecycle.inherited;
  const removals = analysis.findings.filter(
    (f) =>
      f.kind === "history-removed" &&
      f.introduced &&
      f.severity !== "info" &&
      (f.env === worker.env || (inherits && worker.env !== null && f.env === null)),
  );
  if (removals.length === 0) return [];
  const base = analysis.baseWorkers?.find((w) => w.env === worker.env);
  if (!base) return [];
  const atHead = replayLifecycle(worker.lifecycle).classes;
  const bound = new Set(worker.bindings.filter((b) => isLocalBinding(b, worker)).map((b) => b.className));
  const out: { className: string; removal: Finding }[] = [];
  for (const className of liveClasses(replayLifecycle(base.lifecycle).classes)) {
    if (atHead.has(className) || bound.has(className)) continue;
    const removal = removals.find((f) => f.classes.includes(className));
    if (removal) out.push({ className, removal });
  }
  return out;
}

function finding(
  at: { worker: Worker; entry: string },
  kind: FindingKind,
  classes: readonly string[],
  state: { line: number | null; tag: string | null } | null,
  text: Wording,
): Finding {
  return workerFinding(
    at.worker,
    kind,
    { classes, line: state?.line ?? null, tag: state?.tag ?? null },
    text,
  );
}

/**
 * A retirement (a Worker's whole history removed together with every binding to its classes)
 * fails only if a class with objects also leaves the code (10064): the analysis, which does not
 * read the code, reports it as an error. Where the head code is known to export every class the
 * base history left live, nothing fails and nothing is destroyed: a warning.
 */
export function settleRetirements(
  analysis: FileAnalysis,
  exportsOf: (entryPath: string) => WorkerExports | undefined,
): FileAnalysis {
  let changed = false;
  const findings = analysis.findings.map((f) => {
    if (f.kind !== "history-removed" || f.severity !== "error" || !f.introduced) return f;
    const head = analysis.headWorkers.find((w) => w.env === f.env);
    const base = analysis.baseWorkers?.find((w) => w.env === f.env);
    if (!head || !base || head.lifecycle.model !== "none") return f;
    if (head.bindings.some((b) => f.classes.includes(b.className))) return f;
    const entry = workerEntryPath(head);
    const exports = entry ? exportsOf(entry) : undefined;
    if (exports?.status !== "known") return f;
    const live = liveClasses(replayLifecycle(base.lifecycle).classes);
    if (![...live].every((c) => exports.names.has(c))) return f;
    changed = true;
    return {
      ...remarked(f, { after: retirementGoesThrough({ exported: [...live] }) }),
      severity: "warning" as const,
    };
  });
  return changed ? { ...analysis, findings } : analysis;
}

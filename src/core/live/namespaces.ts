// A planned Worker's live namespaces against its config: DO803, a class whose live storage is not
// the config's; DO805, a live namespace the config does not know (what the deploy does with it
// depends on its objects, counted, and for `migrations` on whether the code still exports the
// class). The rules gather the facts; the words are src/core/rules/live.ts's.
import { workerEntryPath } from "../analyze/code-exports.ts";
import type { WorkerExports } from "../code/worker-exports.ts";
import { replayLifecycle } from "../lifecycle/replay.ts";
import type { Finding, Severity, Worker } from "../model.ts";
import { liveClassUnknown, liveStorageMismatch, type UnknownClassFacts } from "../rules/live.ts";
import { liveFinding } from "./compose.ts";
import type { ReadPlan } from "./read-plan.ts";

/** DO803 and DO805 for each live namespace of the Worker, in the order the account lists them. */
export function namespaceFindings(
  r: ReadPlan,
  codeExports: ReadonlyMap<string, WorkerExports> | undefined,
): Finding[] {
  const worker = r.p.target.worker;
  const replay = replayLifecycle(worker.lifecycle);
  const exportsModel = worker.lifecycle.model === "exports";
  const added: Finding[] = [];
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
            exportsModel,
          }),
        }),
      );
    }
    if (!state) {
      const facts = unknownClassFacts(r, className, codeExports);
      added.push(
        liveFinding("live-class-unknown", r.place, {
          line:
            r.steps[0]?.line ??
            (worker.lifecycle.model === "exports" ? worker.lifecycle.entries[0]?.line : null) ??
            worker.envLine,
          tag: null,
          classes: [className],
          severity: unknownClassSeverity(facts),
          ...liveClassUnknown(facts),
        }),
      );
    }
  }
  return added;
}

function unknownClassFacts(
  r: ReadPlan,
  className: string,
  codeExports: ReadonlyMap<string, WorkerExports> | undefined,
): UnknownClassFacts {
  const worker = r.p.target.worker;
  const count = r.live.objects?.get(className) ?? null;
  const exported = exportedBy(worker, codeExports);
  return {
    worker: r.name,
    className,
    model: worker.lifecycle.model,
    count,
    hasObjects: count !== null && (count.objects > 0 || count.capped),
    exported: exported && { entry: exported.entry, exports: exported.names.has(className) },
  };
}

/**
 * How much a live class the config does not know matters: with objects, an `exports` map that
 * leaves it out, or code that does not export it, gets the deploy rejected; code not read may.
 */
function unknownClassSeverity(facts: UnknownClassFacts): Severity {
  if (facts.model === "exports") return facts.hasObjects ? "error" : "warning";
  if (facts.hasObjects && facts.exported !== null && !facts.exported.exports) return "error";
  if (facts.hasObjects && facts.exported === null) return "warning";
  return "info";
}

/** The export names of a Worker's entry module, when they were read and are known. */
function exportedBy(
  worker: Worker,
  codeExports: ReadonlyMap<string, WorkerExports> | undefined,
): { entry: string; names: ReadonlySet<string> } | null {
  const entry = workerEntryPath(worker);
  const exports = entry ? codeExports?.get(entry) : undefined;
  return entry && exports?.status === "known" ? { entry, names: exports.names } : null;
}

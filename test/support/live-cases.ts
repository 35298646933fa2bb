// The check's live step over plain data, for table tests outside the live plan's own: one
// account (`acct`) written as a few lists, the analysis of a change, the plan of each Worker and
// the evidence rules, as src/check/live.ts runs them without the reads.
import { analyzeFiles, reportFor } from "../../src/core/analyze/analyze.ts";
import { applyLiveEvidence } from "../../src/core/live/evidence.ts";
import type { LiveAccount, LiveNamespace, ObjectCount, Read } from "../../src/core/live/state.ts";
import type { ConfigChange, Report } from "../../src/core/model.ts";
import {
  analysedWorkers,
  type LiveInput,
  planTargets,
  planWorkers,
  removedWorkers,
  workerNames,
} from "../../src/core/plan/live-plan.ts";

export interface SimpleAccount {
  /** Deployed Workers: name -> live migration tag. None: no Worker is deployed. */
  readonly scripts?: Record<string, string | null>;
  /** `worker/Class` -> its objects (SQLite namespaces, no live bindings). */
  readonly namespaces?: Record<string, number>;
}

/** The report of a change once the live state of `account` has settled it. */
export function withLiveState(changes: readonly ConfigChange[], spec: SimpleAccount): Report {
  const analyses = analyzeFiles(changes);
  const namespaces: LiveNamespace[] = [];
  const objects = new Map<string, Read<ObjectCount>>();
  for (const [key, count] of Object.entries(spec.namespaces ?? {})) {
    const [script, className] = key.split("/") as [string, string];
    namespaces.push({ id: `ns-${key}`, script, className, storage: "sqlite" });
    objects.set(`ns-${key}`, { ok: true, value: { objects: count, withData: count, capped: false } });
  }
  const names = Object.keys(spec.scripts ?? {});
  const account: LiveAccount = {
    accountId: "acct",
    scripts: {
      ok: true,
      value: new Map(names.map((name) => [name, { name, migrationTag: spec.scripts![name]! }])),
    },
    namespaces: { ok: true, value: namespaces },
    settings: new Map(names.map((name) => [name, { ok: true, value: { exists: true, bindings: [] } }])),
    objects,
    scanned: { repository: [], outside: [], skipped: 0 },
    requests: 0,
  };
  const live: LiveInput = { accounts: new Map([["acct", account]]), defaultAccount: "acct" };
  return applyLiveEvidence(reportFor(analyses), {
    plans: planWorkers(planTargets(analyses), live),
    live,
    repositoryWorkers: workerNames(analysedWorkers(analyses)),
    removed: removedWorkers(analyses, "acct"),
  });
}

// The machine-readable report: `{ risk, dataLoss, findings: [...], notes, workers: [...] }`, the
// CLI's `--format json` contract. One finding per Worker; `suppressed` and `policyLevel` appear
// only on the findings they concern, so a run without a policy or directives prints what it
// always did. `workers`: one entry per Worker the change touches, with its live plan
// (`deployed: null` and empty lists when the live state was not read).
import type { PlannedWorker, Report } from "../model.ts";

export function renderJson(report: Report): string {
  return `${JSON.stringify(
    {
      risk: report.risk,
      ...(report.base ? { base: report.base } : {}),
      dataLoss: report.findings.some((f) => f.dataLoss),
      findings: report.findings.map((f) => ({
        code: f.code,
        kind: f.kind,
        severity: f.severity,
        dataLoss: f.dataLoss,
        classes: f.classes,
        worker: f.worker,
        env: f.env,
        file: f.file,
        line: f.line,
        tag: f.tag,
        introduced: f.introduced,
        message: f.message,
        fix: f.fix,
        ...(f.suppressed ? { suppressed: f.suppressed } : {}),
        ...(f.policyLevel ? { policyLevel: f.policyLevel } : {}),
      })),
      notes: report.notes ?? [],
      workers: workersJson(report),
    },
    null,
    2,
  )}\n`;
}

/** The `workers` array of the JSON report (also the action's `plan` output). */
export function workersJson(report: Report) {
  return (report.workers ?? []).map(workerJson);
}

function workerJson(w: PlannedWorker) {
  return {
    file: w.file,
    env: w.env,
    name: w.name,
    deployed: w.deployed,
    liveTag: w.liveTag,
    sends: w.sends,
    destroys: w.destroys.map((d) => ({
      class: d.className,
      tag: d.tag,
      objects: d.objects,
      objectsWithData: d.objectsWithData,
      capped: d.capped,
    })),
    model: w.model,
    live: w.live,
    problem: w.problem,
    sendKind: w.sendKind,
    fromBase: w.fromBase,
    rejected: w.rejected,
    ...(w.tombstones
      ? { tombstones: w.tombstones.map((t) => ({ class: t.className, state: t.state, status: t.status })) }
      : {}),
  };
}

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/core/render/json.ts
function renderJson(report) {
  return `${JSON.stringify(
    {
      risk: report.risk,
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
        ...f.suppressed ? { suppressed: f.suppressed } : {},
        ...f.policyLevel ? { policyLevel: f.policyLevel } : {}
      })),
      notes: report.notes ?? [],
      workers: workersJson(report)
    },
    null,
    2
  )}
`;
}
function workersJson(report) {
  return (report.workers ?? []).map(workerJson);
}
function workerJson(w) {
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
      capped: d.capped
    })),
    model: w.model,
    live: w.live,
    problem: w.problem,
    sendKind: w.sendKind,
    fromBase: w.fromBase,
    rejected: w.rejected
  };
}

export {
  renderJson,
  workersJson
};

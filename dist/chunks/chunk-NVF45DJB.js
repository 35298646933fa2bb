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
        fix: f.fix
      })),
      notes: report.notes ?? []
    },
    null,
    2
  )}
`;
}

export {
  renderJson
};

// The machine-readable report: `{ risk, findings: [...] }`, the CLI's `--format json` contract.
// One finding per Worker. `suppressed` and `policyLevel` appear only on the findings they concern,
// so a run without a policy or directives prints exactly what it always did.
import type { Report } from "../model.ts";

export function renderJson(report: Report): string {
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
        ...(f.suppressed ? { suppressed: f.suppressed } : {}),
        ...(f.policyLevel ? { policyLevel: f.policyLevel } : {}),
      })),
      notes: report.notes ?? [],
    },
    null,
    2,
  )}\n`;
}

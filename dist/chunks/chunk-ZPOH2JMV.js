import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  isAboutTheCheck,
  severityRank
} from "./chunk-57KHF4P2.js";

// src/core/gate.ts
var FAIL_ON_VALUES = ["critical", "error", "warning", "never"];
function parseFailOn(value) {
  return FAIL_ON_VALUES.includes(value) ? value : null;
}
function failingFindings(report, failOn) {
  if (failOn === "never") return [];
  return report.findings.filter((f) => !f.suppressed && severityRank(f.severity) >= severityRank(failOn));
}
function startsAComment(finding) {
  return finding.introduced && !finding.suppressed && !isAboutTheCheck(finding);
}
function gateFor(report, acks, failOn) {
  if (failOn === "never") return { failed: false, message: "" };
  const missing = acks.filter((a) => !a.acknowledged);
  if (missing.length > 0) {
    return {
      failed: true,
      message: `This change destroys Durable Object data and is not acknowledged. Add these lines to the pull request description (or remove the deletes):
${missing.map((a) => `  ${a.line}`).join("\n")}`
    };
  }
  const acknowledged = new Set(acks.flatMap((a) => a.findings));
  const failing = failingFindings(report, failOn).filter((f) => !(f.dataLoss && acknowledged.has(f)));
  if (failing.length > 0) {
    const codes = [...new Set(failing.map((f) => `${f.code} ${f.kind}`))].join(", ");
    return {
      failed: true,
      message: `${failing.length} finding(s) at or above fail-on "${failOn}": ${codes}. See the job summary.`
    };
  }
  return {
    failed: false,
    message: acks.length ? `Data loss acknowledged in the pull request description (${acks.length} line(s)).` : ""
  };
}

export {
  FAIL_ON_VALUES,
  parseFailOn,
  failingFindings,
  startsAComment,
  gateFor
};

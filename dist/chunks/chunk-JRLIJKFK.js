import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  isAboutTheCheck,
  severityRank
} from "./chunk-IANMFRS4.js";

// src/core/acknowledge.ts
var ACK_PREFIX = "do-migrate: destroy";
function acknowledgementLine(finding) {
  const worker = finding.worker ?? `${finding.file}${finding.env === null ? "" : ` env ${finding.env}`}`;
  const classes = finding.classes.length ? finding.classes.join(",") : "?";
  return `${ACK_PREFIX} ${safe(classes)} in ${safe(worker)}${finding.tag ? ` at ${safe(finding.tag)}` : ""}`;
}
function safe(text) {
  return text.replace(/[^\w$.,:/+=-]/g, "_").slice(0, 200);
}
function acknowledgements(report, description) {
  const lines = new Set(
    description.split(/\r?\n/).map(
      (l) => l.trim().replace(/^[-*>]\s+/, "").replace(/^`(.*)`$/, "$1").trim()
    ).filter((l) => l.startsWith(ACK_PREFIX))
  );
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const finding of report.findings) {
    if (!finding.dataLoss) continue;
    const line = acknowledgementLine(finding);
    if (seen.has(`${finding.kind}\0${line}`)) continue;
    seen.add(`${finding.kind}\0${line}`);
    out.push({ finding, line, acknowledged: lines.has(line) });
  }
  return out;
}

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
  const acknowledged = new Set(acks.filter((a) => a.acknowledged).map((a) => a.line));
  const missing = acks.filter((a) => !a.acknowledged);
  if (missing.length > 0) {
    return {
      failed: true,
      message: `This change destroys Durable Object data and is not acknowledged. Add these lines to the pull request description (or remove the deletes):
${missing.map((a) => `  ${a.line}`).join("\n")}`
    };
  }
  const failing = failingFindings(report, failOn).filter(
    (f) => !(f.dataLoss && acknowledged.has(acknowledgementLine(f)))
  );
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
  acknowledgements,
  FAIL_ON_VALUES,
  parseFailOn,
  failingFindings,
  startsAComment,
  gateFor
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  parse
} from "./chunk-Y72PUWW2.js";

// src/core/catalogue.ts
var CATALOGUE = {
  "parse-error": { code: "DO001", title: "Config file does not parse", severity: "critical" },
  "invalid-config": { code: "DO002", title: "Invalid Durable Object config", severity: "error" },
  "unknown-key": { code: "DO003", title: "Misspelt or misplaced key", severity: "error" },
  "lifecycle-conflict": { code: "DO004", title: "`migrations` and `exports` together", severity: "error" },
  "lifecycle-model-changed": {
    code: "DO005",
    title: "Lifecycle model switched",
    severity: "warning",
    deployedWorkerOnly: true
  },
  "legacy-wrangler-config": { code: "DO006", title: "wrangler v1 config", severity: "info" },
  "config-shadowed": {
    code: "DO007",
    title: "Config shadowed by another in the same directory",
    severity: "warning"
  },
  "config-redirected": {
    code: "DO008",
    title: "Deploy redirected to another config",
    severity: "warning"
  },
  "config-replaced": {
    code: "DO009",
    title: "Config compared with the one it replaces",
    severity: "info",
    aboutTheCheck: true
  },
  "config-proto-key": {
    code: "DO010",
    title: "`__proto__` key in a JSON config",
    severity: "error"
  },
  "config-name-case": {
    code: "DO011",
    title: "Config names that differ only in case",
    severity: "error"
  },
  "class-deleted": {
    code: "DO101",
    title: "Class deleted: all its objects are destroyed",
    severity: "critical",
    reportsDataLoss: true
  },
  "probable-rename": {
    code: "DO102",
    title: "Delete + create that looks like a rename",
    severity: "critical",
    reportsDataLoss: true
  },
  "delete-still-bound": { code: "DO103", title: "Deleted class still bound", severity: "error" },
  "delete-binding-repointed": {
    code: "DO106",
    title: "Binding repointed in the deploy that deletes its class",
    severity: "error",
    deployedWorkerOnly: true
  },
  "delete-binding-removed": {
    code: "DO107",
    title: "Binding removed in the deploy that deletes its class",
    severity: "warning",
    deployedWorkerOnly: true
  },
  "delete-transferred-bound": {
    code: "DO108",
    title: "Transferred class deleted in the deploy that drops its binding",
    severity: "error",
    deployedWorkerOnly: true
  },
  "delete-mixed-step": { code: "DO104", title: "Delete mixed with other operations", severity: "error" },
  "cross-worker-binding": {
    code: "DO105",
    title: "Another Worker binds the deleted class",
    severity: "error",
    deployedWorkerOnly: true
  },
  "history-edited": {
    code: "DO201",
    title: "Applied migration edited",
    severity: "error",
    deployedWorkerOnly: true
  },
  "history-removed": {
    code: "DO202",
    title: "Applied migration removed",
    severity: "error",
    deployedWorkerOnly: true
  },
  "history-reordered": {
    code: "DO203",
    title: "Migrations reordered",
    severity: "error",
    deployedWorkerOnly: true
  },
  "duplicate-tag": { code: "DO204", title: "Duplicate migration tag", severity: "error" },
  "replay-rejected": { code: "DO205", title: "History that wrangler or the API rejects", severity: "error" },
  "new-config-deletes": {
    code: "DO206",
    title: "New config whose history deletes a class",
    severity: "warning"
  },
  "class-created": { code: "DO301", title: "Class created", severity: "info" },
  "class-renamed": { code: "DO302", title: "Class renamed", severity: "warning" },
  "class-transferred": { code: "DO303", title: "Class transferred", severity: "warning" },
  "class-recreated": {
    code: "DO304",
    title: "Deleted class name created again",
    severity: "warning",
    deployedWorkerOnly: true
  },
  "storage-changed": {
    code: "DO305",
    title: "Storage backend changed",
    severity: "error",
    deployedWorkerOnly: true
  },
  "export-removed": {
    code: "DO306",
    title: "Live class dropped from `exports`",
    severity: "error",
    deployedWorkerOnly: true
  },
  "binding-removed": {
    code: "DO401",
    title: "Binding removed, class kept",
    severity: "warning",
    deployedWorkerOnly: true
  },
  "binding-unknown-class": {
    code: "DO402",
    title: "Binding to a class no migration creates",
    severity: "error"
  },
  "binding-retargeted": {
    code: "DO403",
    title: "Binding moved to another Worker's class",
    severity: "warning"
  },
  "env-removed": {
    code: "DO501",
    title: "Environment removed",
    severity: "warning",
    deployedWorkerOnly: true
  },
  "worker-renamed": { code: "DO502", title: "Worker renamed", severity: "warning", deployedWorkerOnly: true },
  "account-changed": {
    code: "DO503",
    title: "Worker moved to another account",
    severity: "error",
    deployedWorkerOnly: true
  },
  "worker-name-taken": {
    code: "DO504",
    title: "Worker now deployed from another config",
    severity: "warning",
    deployedWorkerOnly: true
  },
  "worker-deployed-twice": { code: "DO505", title: "Two targets deploy one Worker", severity: "warning" },
  "class-not-exported": { code: "DO601", title: "Class with live objects not exported", severity: "error" },
  "created-class-not-exported": { code: "DO602", title: "Created class not exported", severity: "error" },
  "deleted-class-still-needed": {
    code: "DO603",
    title: "Deleted class already gone from code",
    severity: "warning",
    deployedWorkerOnly: true
  },
  "exports-unknown": {
    code: "DO604",
    title: "Worker's exports could not be determined",
    severity: "info",
    aboutTheCheck: true
  },
  "directive-without-reason": {
    code: "DO701",
    title: "Suppression without a reason",
    severity: "warning",
    aboutTheCheck: true
  },
  "directive-unused": {
    code: "DO702",
    title: "Suppression that suppresses nothing",
    severity: "info",
    aboutTheCheck: true
  },
  "directive-data-loss": {
    code: "DO703",
    title: "Suppression of data loss",
    severity: "warning",
    aboutTheCheck: true
  },
  "directive-invalid": {
    code: "DO704",
    title: "Malformed suppression",
    severity: "warning",
    aboutTheCheck: true
  },
  // A policy edit (src/core/policy/loosening.ts): what the new policy checks less once merged.
  "policy-loosened": { code: "DO705", title: "Policy change loosens the check", severity: "warning" },
  // The live plan (src/core/live/evidence.ts): what the live state shows.
  "live-tag-unknown": { code: "DO801", title: "Live migration tag not in this branch", severity: "error" },
  "undeployed-step": { code: "DO802", title: "Base branch change not deployed yet", severity: "warning" },
  "live-storage-mismatch": {
    code: "DO803",
    title: "Live storage differs from the config",
    severity: "warning"
  },
  "live-binding-blocks-delete": {
    code: "DO804",
    title: "A live binding blocks the delete",
    severity: "error"
  },
  "live-class-unknown": { code: "DO805", title: "Live class the config does not know", severity: "info" },
  "delete-destroys-nothing": {
    code: "DO806",
    title: "Deleted class has no live namespace",
    severity: "info"
  },
  "first-deploy-rejected": {
    code: "DO807",
    title: "First deploy of a new Worker rejected",
    severity: "error"
  },
  "exports-tombstone-in-code": {
    code: "DO901",
    title: "`deleted` tombstone while the code still exports the class",
    severity: "error"
  },
  "exports-rename-refused": {
    code: "DO902",
    title: "`renamed` tombstone the server refuses",
    severity: "error",
    deployedWorkerOnly: true
  },
  "exports-transfer-not-expected": {
    code: "DO903",
    title: "Transfer the receiving Worker does not expect",
    severity: "error"
  }
};
var SEVERITIES = ["info", "warning", "error", "critical"];
function severityRank(severity) {
  return SEVERITIES.indexOf(severity);
}
function concernsDeployedWorker(finding) {
  return CATALOGUE[finding.kind].deployedWorkerOnly === true && !finding.dataLoss;
}
function forUndeployedWorker(finding, why, lead = "Not deployed as written") {
  if (!concernsDeployedWorker(finding) || finding.severity === "info") return finding;
  return {
    ...finding,
    severity: "info",
    message: `${lead} (${why}), and this only matters for a Worker that is already deployed. ${finding.message}`
  };
}
function isAboutTheCheck(finding) {
  return CATALOGUE[finding.kind].aboutTheCheck === true;
}
function catalogueEntryOf(code) {
  return CODES.get(code) ?? null;
}
var CODES = new Map(
  Object.entries(CATALOGUE).map(([kind, entry]) => [
    entry.code,
    { ...entry, kind }
  ])
);
function findingDocsAnchor(code) {
  return `docs/findings.md#${code.toLowerCase()}`;
}
function fixInFormat(fix, format) {
  if (format === "toml") return fix;
  return fix.replace(/`([A-Za-z_][\w-]* = [^`]+)`/g, (span, snippet) => {
    let value;
    try {
      value = parse(snippet);
    } catch {
      return span;
    }
    const entries = Object.entries(value);
    if (entries.length !== 1) return span;
    const [key, inner] = entries[0];
    return `\`${JSON.stringify(key)}: ${jsonSnippet(inner)}\``;
  });
}
function jsonSnippet(value) {
  if (Array.isArray(value)) return `[${value.map(jsonSnippet).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const parts = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${jsonSnippet(v)}`);
    return parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`;
  }
  return JSON.stringify(value) ?? "null";
}

// src/core/text/display.ts
var UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
function displayable(text, replacement = "'") {
  return text.replace(UNSAFE_CHARACTERS, replacement);
}

export {
  CATALOGUE,
  severityRank,
  concernsDeployedWorker,
  forUndeployedWorker,
  isAboutTheCheck,
  catalogueEntryOf,
  findingDocsAnchor,
  fixInFormat,
  displayable
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  CATALOGUE
} from "./chunk-WZ757HG2.js";

// src/core/text/display.ts
var UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
function displayable(text, replacement = "'") {
  return text.replace(UNSAFE_CHARACTERS, replacement);
}

// src/core/diagnostics.ts
function placeDraft(draft, place) {
  const entry = CATALOGUE[draft.kind];
  const placed = {
    code: entry.code,
    kind: draft.kind,
    severity: draft.severity ?? entry.severity,
    dataLoss: draft.dataLoss ?? draft.kind === "class-deleted",
    classes: draft.classes ?? [],
    worker: place.worker,
    env: draft.env,
    file: place.file,
    line: draft.line !== void 0 ? draft.line : draft.path ? place.locate(draft.path) : null,
    tag: draft.tag ?? null,
    message: draft.message,
    fix: draft.fix,
    introduced: true
  };
  return place.introduced && !draft.preExisting ? placed : alreadyAtBase(placed);
}
function alreadyAtBase(finding) {
  if (!finding.introduced) return finding;
  return {
    ...finding,
    severity: "info",
    dataLoss: false,
    message: `Already at the base revision: ${finding.message}`,
    introduced: false
  };
}
function q(name) {
  const text = typeof name === "string" ? name : JSON.stringify(name) ?? String(name);
  return `\`${displayable(text.replace(/`/g, "'")).slice(0, 200)}\``;
}
var INHERITED_REMARK = ", inherited from the top-level config";
function envLabel(env) {
  return env === null ? "the top-level config" : `env ${q(env)}`;
}

export {
  displayable,
  placeDraft,
  alreadyAtBase,
  q,
  INHERITED_REMARK,
  envLabel
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applyPolicyWith
} from "./chunk-5DJSFBTE.js";
import "./chunk-OVFZUY5N.js";
import "./chunk-O7AQN2RH.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-RX7WXTIM.js";
import "./chunk-7BGC6QYW.js";
import "./chunk-UCIKMIHM.js";
import "./chunk-BKDYTUFB.js";
import {
  readTomlSyntax
} from "./chunk-EIFGOVMA.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-FDGYIFXX.js";

// src/core/policy/apply.ts
function applyPolicy(report, input) {
  return applyPolicyWith(report, input, readTomlSyntax);
}
export {
  applyPolicy
};

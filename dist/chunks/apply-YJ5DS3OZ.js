import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applyPolicyWith
} from "./chunk-KPNBBZA7.js";
import "./chunk-Y3VKEW2Y.js";
import "./chunk-ZXZLHMUF.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-5OSWRORD.js";
import "./chunk-PIRUEGYP.js";
import "./chunk-7ZJZNNLB.js";
import "./chunk-57KHF4P2.js";
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

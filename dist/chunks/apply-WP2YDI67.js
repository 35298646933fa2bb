import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applyPolicyWith
} from "./chunk-QTKDRTCP.js";
import "./chunk-7NAFIRAL.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-D4Y27HCR.js";
import "./chunk-7HPZEGP4.js";
import "./chunk-ALQZKAXP.js";
import {
  readTomlSyntax
} from "./chunk-UHKP2DDK.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";

// src/core/policy/apply.ts
function applyPolicy(report, input) {
  return applyPolicyWith(report, input, readTomlSyntax);
}
export {
  applyPolicy
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applyPolicyWith
} from "./chunk-J2SM3AHV.js";
import "./chunk-PN7JHV25.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-QWO2RPQJ.js";
import "./chunk-2BJOGL7Q.js";
import "./chunk-TLPFU5T4.js";
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

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applyPolicyWith
} from "./chunk-LEPGTLJJ.js";
import "./chunk-NW4OHFXU.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-KQJPO4YQ.js";
import "./chunk-CHK6BBPG.js";
import "./chunk-H5WD7JQR.js";
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

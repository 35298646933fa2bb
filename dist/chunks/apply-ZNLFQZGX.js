import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applyPolicyWith
} from "./chunk-DSJMJNQ2.js";
import "./chunk-Z2WURAWX.js";
import "./chunk-6WHTGTVL.js";
import "./chunk-IQQHBI7T.js";
import "./chunk-CHK6BBPG.js";
import "./chunk-H5WD7JQR.js";
import {
  readTomlSyntax
} from "./chunk-BLT2GND5.js";
import "./chunk-255OHX7F.js";
import "./chunk-FDGYIFXX.js";

// src/core/policy/apply.ts
function applyPolicy(report, input) {
  return applyPolicyWith(report, input, readTomlSyntax);
}
export {
  applyPolicy
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applyPolicyWith
} from "./chunk-HLG7DD6H.js";
import "./chunk-76OKH2WD.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-G6GWAQJC.js";
import "./chunk-ZOXHPDEI.js";
import "./chunk-KI4BBWDU.js";
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

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applyPolicyWith
} from "./chunk-BAISE3RT.js";
import "./chunk-ZVWUEQH3.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-HLIAKAWK.js";
import "./chunk-N6XJNTNN.js";
import "./chunk-WZ757HG2.js";
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

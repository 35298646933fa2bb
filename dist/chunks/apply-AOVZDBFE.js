import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applyPolicyWith
} from "./chunk-HJXFSDKY.js";
import "./chunk-Z5HJI73M.js";
import "./chunk-G3XBYTA4.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-F5B3ON2F.js";
import "./chunk-PIRUEGYP.js";
import "./chunk-QY4OA6XQ.js";
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

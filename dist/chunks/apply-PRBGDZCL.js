import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applyPolicyWith
} from "./chunk-HX3ON2ZF.js";
import "./chunk-XGMWWKPN.js";
import "./chunk-PW3TPSU3.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-47WQGZF3.js";
import "./chunk-O4UHWGRP.js";
import "./chunk-ASWSHVQS.js";
import "./chunk-5ZTNGF2D.js";
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

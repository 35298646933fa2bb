import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applyPolicyWith
} from "./chunk-XOYRG7YC.js";
import "./chunk-2AIYJ3OM.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-7TJVCC4Q.js";
import "./chunk-4QQPI7JK.js";
import "./chunk-ZQHR2NLH.js";
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

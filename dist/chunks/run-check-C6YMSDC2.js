import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-732U2JXC.js";
import "./chunk-QLF2LY2Y.js";
import "./chunk-QTKDRTCP.js";
import "./chunk-ECSSIQDV.js";
import "./chunk-7NAFIRAL.js";
import "./chunk-CMHMAUX6.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-D4Y27HCR.js";
import "./chunk-7HPZEGP4.js";
import "./chunk-ALQZKAXP.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

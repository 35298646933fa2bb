import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-ATD5TT25.js";
import "./chunk-S5VRJSWD.js";
import "./chunk-IR3S4PJO.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-XW3M6SEW.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-D4Y27HCR.js";
import "./chunk-7HPZEGP4.js";
import "./chunk-ALQZKAXP.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

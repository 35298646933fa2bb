import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-XCBD535U.js";
import "./chunk-SA5XGABO.js";
import "./chunk-IR3S4PJO.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-LAZZXIOR.js";
import "./chunk-KFR3LCW3.js";
import "./chunk-765UONLA.js";
import "./chunk-7CY3LWYW.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-MCMOW44R.js";
import "./chunk-EDWJGRU7.js";
import "./chunk-6ZLMTAPS.js";
import "./chunk-NFWJKXBV.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-2KQWYDAE.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-SNJIHKBJ.js";
import "./chunk-CHK6BBPG.js";
import "./chunk-H5WD7JQR.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

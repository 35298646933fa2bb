import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-OTKFNZTG.js";
import "./chunk-EAQKHVLN.js";
import "./chunk-LEPGTLJJ.js";
import "./chunk-6ZLMTAPS.js";
import "./chunk-F6BHPQ2W.js";
import "./chunk-NW4OHFXU.js";
import "./chunk-WD73XLZI.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-KQJPO4YQ.js";
import "./chunk-CHK6BBPG.js";
import "./chunk-H5WD7JQR.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-ZMSTERLQ.js";
import "./chunk-Y2LW335T.js";
import "./chunk-4XRW3SWT.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-QI7AVELE.js";
import "./chunk-6BDFQWXU.js";
import "./chunk-G7AQTDQP.js";
import "./chunk-ALQZKAXP.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

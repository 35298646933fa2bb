import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-46KKMZX2.js";
import "./chunk-BI4LI6KN.js";
import "./chunk-B2QEFCIS.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-Y7HLUZO3.js";
import "./chunk-BIXYV3GP.js";
import "./chunk-G7AQTDQP.js";
import "./chunk-ALQZKAXP.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

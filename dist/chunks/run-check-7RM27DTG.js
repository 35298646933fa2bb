import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-MMSTR4L4.js";
import "./chunk-GOAZKGP5.js";
import "./chunk-B2QEFCIS.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-KGILM4T4.js";
import "./chunk-SHKLOSXS.js";
import "./chunk-VPHA5MTA.js";
import "./chunk-3OIL4IS7.js";
import "./chunk-V62BCWO2.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

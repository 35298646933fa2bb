import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-I45EL7KT.js";
import "./chunk-7GT2WC6O.js";
import "./chunk-JRYNRPQO.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-UPFZMZBN.js";
import "./chunk-DTMEB6LR.js";
import "./chunk-7HPZEGP4.js";
import "./chunk-ALQZKAXP.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

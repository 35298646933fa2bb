import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-XNKGOZAF.js";
import "./chunk-UPFZMZBN.js";
import "./chunk-DTMEB6LR.js";
import "./chunk-7HPZEGP4.js";
import "./chunk-ALQZKAXP.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-YNSIQXVR.js";
import "./chunk-DSJMJNQ2.js";
import "./chunk-Z2WURAWX.js";
import "./chunk-6WHTGTVL.js";
import "./chunk-IQQHBI7T.js";
import "./chunk-CHK6BBPG.js";
import "./chunk-H5WD7JQR.js";
import "./chunk-BLT2GND5.js";
import "./chunk-255OHX7F.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

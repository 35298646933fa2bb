import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-KLGIJT7Q.js";
import "./chunk-QTKDRTCP.js";
import "./chunk-7NAFIRAL.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-D4Y27HCR.js";
import "./chunk-7HPZEGP4.js";
import "./chunk-ALQZKAXP.js";
import "./chunk-UHKP2DDK.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-IDAN6J2H.js";
import "./chunk-LAZZXIOR.js";
import "./chunk-KFR3LCW3.js";
import "./chunk-765UONLA.js";
import "./chunk-7CY3LWYW.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-MG7FISAV.js";
import "./chunk-2M2CUUDU.js";
import "./chunk-YBFMRZTX.js";
import "./chunk-4H4O4OHZ.js";
import "./chunk-KI4BBWDU.js";
import "./chunk-RQ4NTA37.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-GOGJOL5L.js";
import "./chunk-KGILM4T4.js";
import "./chunk-SHKLOSXS.js";
import "./chunk-VPHA5MTA.js";
import "./chunk-3OIL4IS7.js";
import "./chunk-V62BCWO2.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

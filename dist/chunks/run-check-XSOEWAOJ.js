import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-GNNCZB2G.js";
import "./chunk-UG4UKVD3.js";
import "./chunk-IR3S4PJO.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-FP3R4KMN.js";
import "./chunk-RB2YX4BS.js";
import "./chunk-7HPZEGP4.js";
import "./chunk-ALQZKAXP.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-7T3HXVKU.js";
import "./chunk-WJMSKIGB.js";
import "./chunk-IZRSYQJ2.js";
import "./chunk-2M2CUUDU.js";
import "./chunk-YBFMRZTX.js";
import "./chunk-4H4O4OHZ.js";
import "./chunk-KI4BBWDU.js";
import "./chunk-RQ4NTA37.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

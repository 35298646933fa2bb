import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-P3NXELCG.js";
import "./chunk-WXXIJD5R.js";
import "./chunk-2A4EE2AX.js";
import "./chunk-AT75TGUL.js";
import "./chunk-KI4BBWDU.js";
import "./chunk-RQ4NTA37.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

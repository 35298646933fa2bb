import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-DSBERVZ3.js";
import "./chunk-HAMFQ7SX.js";
import "./chunk-IZRSYQJ2.js";
import "./chunk-P2I4Z2CR.js";
import "./chunk-FSQN3WTI.js";
import "./chunk-SGIRALSN.js";
import "./chunk-KI4BBWDU.js";
import "./chunk-RQ4NTA37.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

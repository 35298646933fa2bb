import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-GLFY2E3B.js";
import "./chunk-IZRSYQJ2.js";
import "./chunk-NDC7HT7I.js";
import "./chunk-4CWTNBZQ.js";
import "./chunk-KA2AOPGM.js";
import "./chunk-KI4BBWDU.js";
import "./chunk-NCYYF5OR.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

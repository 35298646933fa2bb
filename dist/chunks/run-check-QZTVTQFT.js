import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-G7ZO3LBP.js";
import "./chunk-IZRSYQJ2.js";
import "./chunk-NDC7HT7I.js";
import "./chunk-RYRB6U27.js";
import "./chunk-FYTW67BX.js";
import "./chunk-KI4BBWDU.js";
import "./chunk-HPKP7GN4.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

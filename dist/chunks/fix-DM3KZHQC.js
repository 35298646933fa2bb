import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-EMLM6LII.js";
import "./chunk-RYRB6U27.js";
import "./chunk-FYTW67BX.js";
import "./chunk-KI4BBWDU.js";
import "./chunk-HPKP7GN4.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-7BIZLB3E.js";
import "./chunk-4CWTNBZQ.js";
import "./chunk-KA2AOPGM.js";
import "./chunk-KI4BBWDU.js";
import "./chunk-NCYYF5OR.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-A7JWSAOE.js";
import "./chunk-KXVOQGME.js";
import "./chunk-ZXH5AY5T.js";
import "./chunk-W5TIJK4G.js";
import "./chunk-3OIL4IS7.js";
import "./chunk-V62BCWO2.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

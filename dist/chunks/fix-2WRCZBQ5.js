import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-FYIQ6P23.js";
import "./chunk-UHKP2DDK.js";
import "./chunk-L6CP6DXZ.js";
import "./chunk-6PFUCLOS.js";
import "./chunk-22OSKEYW.js";
import "./chunk-P5ERPY7H.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

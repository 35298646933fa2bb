import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-RQIUP3EN.js";
import "./chunk-UHKP2DDK.js";
import "./chunk-6XNMKWSR.js";
import "./chunk-HLIAKAWK.js";
import "./chunk-N6XJNTNN.js";
import "./chunk-WZ757HG2.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

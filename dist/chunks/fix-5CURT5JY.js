import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-VHCYK2SM.js";
import "./chunk-Y7HLUZO3.js";
import "./chunk-BIXYV3GP.js";
import "./chunk-G7AQTDQP.js";
import "./chunk-ALQZKAXP.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

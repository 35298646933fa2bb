import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-2EBLGWMB.js";
import "./chunk-JULLCMZO.js";
import "./chunk-NZDWGJHR.js";
import "./chunk-WY3V4N4G.js";
import "./chunk-XFLETH4S.js";
import "./chunk-I2AOIUJF.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

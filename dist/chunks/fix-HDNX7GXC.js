import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-HLO672NH.js";
import "./chunk-UHKP2DDK.js";
import "./chunk-NUUEDTGE.js";
import "./chunk-VOXLO4CD.js";
import "./chunk-QNQSN6MN.js";
import "./chunk-HPZIFBKB.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

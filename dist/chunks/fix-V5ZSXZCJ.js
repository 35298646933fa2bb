import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-VYT4PDRK.js";
import "./chunk-UHKP2DDK.js";
import "./chunk-UG5LZXVL.js";
import "./chunk-CPFLWR6Y.js";
import "./chunk-4UYTUCCT.js";
import "./chunk-IANMFRS4.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

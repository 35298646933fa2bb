import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-DFV2J4M6.js";
import "./chunk-3PNFOHOY.js";
import "./chunk-6ZLMTAPS.js";
import "./chunk-5TCBLB3Y.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-UG5LZXVL.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-CPFLWR6Y.js";
import "./chunk-4UYTUCCT.js";
import "./chunk-IANMFRS4.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-T2BMWMOV.js";
import "./chunk-224WM3UA.js";
import "./chunk-5DJSFBTE.js";
import "./chunk-OVFZUY5N.js";
import "./chunk-O7AQN2RH.js";
import "./chunk-PQ7QJ6BL.js";
import "./chunk-MENN5CMZ.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-RX7WXTIM.js";
import "./chunk-7BGC6QYW.js";
import "./chunk-UCIKMIHM.js";
import "./chunk-BKDYTUFB.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

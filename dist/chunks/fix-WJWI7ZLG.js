import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-47BRGKT6.js";
import "./chunk-HLG7DD6H.js";
import "./chunk-76OKH2WD.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-G6GWAQJC.js";
import "./chunk-ZOXHPDEI.js";
import "./chunk-KI4BBWDU.js";
import "./chunk-UHKP2DDK.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

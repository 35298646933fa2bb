import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-R3KYBLA5.js";
import "./chunk-SHIGFTFB.js";
import "./chunk-KPNBBZA7.js";
import "./chunk-Y3VKEW2Y.js";
import "./chunk-ZXZLHMUF.js";
import "./chunk-PQ7QJ6BL.js";
import "./chunk-MENN5CMZ.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-5OSWRORD.js";
import "./chunk-PIRUEGYP.js";
import "./chunk-7ZJZNNLB.js";
import "./chunk-57KHF4P2.js";
import "./chunk-BKDYTUFB.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-BIURSUUH.js";
import "./chunk-BCBVDAY7.js";
import "./chunk-NX3TATIY.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-MA5E7F2M.js";
import "./chunk-2VPSBJUB.js";
import "./chunk-ZQHR2NLH.js";
import "./chunk-EIFGOVMA.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

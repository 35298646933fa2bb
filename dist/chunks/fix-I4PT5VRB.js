import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-QHFULUWD.js";
import "./chunk-755UXL35.js";
import "./chunk-5ERXXHTP.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-UWMLYNCU.js";
import "./chunk-ZBZHFB6F.js";
import "./chunk-TLPFU5T4.js";
import "./chunk-EIFGOVMA.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-FSKWUTAM.js";
import "./chunk-M7NRKAEE.js";
import "./chunk-B5YASG77.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-CVVB4FUS.js";
import "./chunk-E3UQHGLZ.js";
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

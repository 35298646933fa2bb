import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-BBWOWMLG.js";
import "./chunk-6TSNVB3R.js";
import "./chunk-FG54ZTOB.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-7TJVCC4Q.js";
import "./chunk-4QQPI7JK.js";
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

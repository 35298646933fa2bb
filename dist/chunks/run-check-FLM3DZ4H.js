import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-JIBC2WRW.js";
import "./chunk-4H5IXW2T.js";
import "./chunk-E6XMNLY6.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-L6CP6DXZ.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-6PFUCLOS.js";
import "./chunk-22OSKEYW.js";
import "./chunk-P5ERPY7H.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

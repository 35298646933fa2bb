import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-QEBWQXBN.js";
import "./chunk-5VYZGUXR.js";
import "./chunk-4K3JOVUN.js";
import "./chunk-6ZLMTAPS.js";
import "./chunk-BQAEGM4F.js";
import "./chunk-UDYNUA6I.js";
import "./chunk-WD73XLZI.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-ONHNVIBD.js";
import "./chunk-CHK6BBPG.js";
import "./chunk-H5WD7JQR.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

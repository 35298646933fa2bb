import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-YZBJMN2V.js";
import "./chunk-KLX7CGZS.js";
import "./chunk-6ZLMTAPS.js";
import "./chunk-NFWJKXBV.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-6XNMKWSR.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-HLIAKAWK.js";
import "./chunk-N6XJNTNN.js";
import "./chunk-WZ757HG2.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-K2POH5GL.js";
import "./chunk-VEDZPRGS.js";
import "./chunk-6TSNVB3R.js";
import "./chunk-UQKUFOXW.js";
import "./chunk-FG54ZTOB.js";
import "./chunk-ATEYP6NA.js";
import "./chunk-5DI27VZ3.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-7TJVCC4Q.js";
import "./chunk-4QQPI7JK.js";
import "./chunk-ZQHR2NLH.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

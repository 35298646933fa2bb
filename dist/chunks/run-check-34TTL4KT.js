import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-5LTGOUQI.js";
import "./chunk-W2DNXBM4.js";
import "./chunk-M7NRKAEE.js";
import "./chunk-SACP4TBX.js";
import "./chunk-B5YASG77.js";
import "./chunk-ATEYP6NA.js";
import "./chunk-5DI27VZ3.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-CVVB4FUS.js";
import "./chunk-E3UQHGLZ.js";
import "./chunk-ZQHR2NLH.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-54DJRL64.js";
import "./chunk-SLRYYI26.js";
import "./chunk-BCBVDAY7.js";
import "./chunk-ARG56TBE.js";
import "./chunk-NX3TATIY.js";
import "./chunk-ATEYP6NA.js";
import "./chunk-5DI27VZ3.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-MA5E7F2M.js";
import "./chunk-2VPSBJUB.js";
import "./chunk-ZQHR2NLH.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

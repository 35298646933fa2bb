import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-5CMYDROF.js";
import "./chunk-NOYR5SAU.js";
import "./chunk-XOYRG7YC.js";
import "./chunk-KD63C2TN.js";
import "./chunk-2AIYJ3OM.js";
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

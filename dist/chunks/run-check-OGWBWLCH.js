import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-TWBPEEH5.js";
import "./chunk-3PXWDHPH.js";
import "./chunk-J2SM3AHV.js";
import "./chunk-BL2QMAYO.js";
import "./chunk-PN7JHV25.js";
import "./chunk-ATEYP6NA.js";
import "./chunk-5DI27VZ3.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-QWO2RPQJ.js";
import "./chunk-2BJOGL7Q.js";
import "./chunk-TLPFU5T4.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

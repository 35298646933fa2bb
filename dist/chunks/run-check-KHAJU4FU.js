import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-XY2CAZUZ.js";
import "./chunk-47GG7RJH.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-PVEJUGDZ.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-JULLCMZO.js";
import "./chunk-NZDWGJHR.js";
import "./chunk-WY3V4N4G.js";
import "./chunk-XFLETH4S.js";
import "./chunk-I2AOIUJF.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

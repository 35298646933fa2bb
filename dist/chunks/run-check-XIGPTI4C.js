import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-GHWZHP5D.js";
import "./chunk-IGF2WMAK.js";
import "./chunk-BAISE3RT.js";
import "./chunk-6ZLMTAPS.js";
import "./chunk-Y5VUYHFU.js";
import "./chunk-ZVWUEQH3.js";
import "./chunk-WD73XLZI.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-HLIAKAWK.js";
import "./chunk-N6XJNTNN.js";
import "./chunk-WZ757HG2.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  checkAdapters
} from "./chunk-MGDN5B6S.js";
import "./chunk-5I6IL2QD.js";
import "./chunk-O7AQN2RH.js";
import "./chunk-27Y2JU4L.js";
import "./chunk-KDC7SQTS.js";
import "./chunk-PQ7QJ6BL.js";
import "./chunk-ZKWNJPXZ.js";
import "./chunk-MENN5CMZ.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-7BGC6QYW.js";
import "./chunk-UCIKMIHM.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-FDGYIFXX.js";
export {
  checkAdapters
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  readRevisionFiles,
  readWorkingTreeConfigs
} from "./chunk-VGC65KCR.js";
import "./chunk-ZXZLHMUF.js";
import "./chunk-27Y2JU4L.js";
import "./chunk-KDC7SQTS.js";
import "./chunk-PQ7QJ6BL.js";
import "./chunk-ZKWNJPXZ.js";
import "./chunk-MENN5CMZ.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-PIRUEGYP.js";
import "./chunk-7ZJZNNLB.js";
import "./chunk-57KHF4P2.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-FDGYIFXX.js";
export {
  readRevisionFiles,
  readWorkingTreeConfigs
};

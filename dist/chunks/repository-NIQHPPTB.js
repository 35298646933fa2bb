import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  analyzeRepositoryChange,
  readRepositoryChange,
  readWorkingTreeConfigs,
  resolveEntries
} from "./chunk-36R3PKN3.js";
import "./chunk-Z2WURAWX.js";
import "./chunk-QH56LXLN.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-6WHTGTVL.js";
import "./chunk-IQQHBI7T.js";
import "./chunk-CHK6BBPG.js";
import "./chunk-H5WD7JQR.js";
import "./chunk-255OHX7F.js";
import "./chunk-FDGYIFXX.js";
export {
  analyzeRepositoryChange,
  readRepositoryChange,
  readWorkingTreeConfigs,
  resolveEntries
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  analyzeRepositoryChange,
  readRepositoryChange,
  readWorkingTreeConfigs,
  resolveEntries
} from "./chunk-S6HKU2C6.js";
import "./chunk-KERJBN6J.js";
import "./chunk-WD73XLZI.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-4RBA2MDM.js";
import "./chunk-CHK6BBPG.js";
import "./chunk-H5WD7JQR.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  analyzeRepositoryChange,
  readRepositoryChange,
  readWorkingTreeConfigs,
  resolveEntries
};

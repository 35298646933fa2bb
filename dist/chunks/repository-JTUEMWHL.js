import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  analyzeRepositoryChange,
  readRepositoryChange,
  readWorkingTreeConfigs,
  resolveEntries
} from "./chunk-ECSSIQDV.js";
import "./chunk-7NAFIRAL.js";
import "./chunk-CMHMAUX6.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-D4Y27HCR.js";
import "./chunk-7HPZEGP4.js";
import "./chunk-ALQZKAXP.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  analyzeRepositoryChange,
  readRepositoryChange,
  readWorkingTreeConfigs,
  resolveEntries
};

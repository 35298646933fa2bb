import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  analyzeRepositoryChange,
  readRepositoryChange,
  readWorkingTreeConfigs,
  resolveEntries
} from "./chunk-GQCLXQ73.js";
import "./chunk-76OKH2WD.js";
import "./chunk-WD73XLZI.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-G6GWAQJC.js";
import "./chunk-ZOXHPDEI.js";
import "./chunk-KI4BBWDU.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  analyzeRepositoryChange,
  readRepositoryChange,
  readWorkingTreeConfigs,
  resolveEntries
};

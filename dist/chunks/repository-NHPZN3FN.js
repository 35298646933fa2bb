import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  analyzeRepositoryChange,
  readRepositoryChange
} from "./chunk-2LYUQEFH.js";
import "./chunk-GKMVUYRJ.js";
import "./chunk-DXQ2I3JZ.js";
import "./chunk-FDGYIFXX.js";
export {
  analyzeRepositoryChange,
  readRepositoryChange
};

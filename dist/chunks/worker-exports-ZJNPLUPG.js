import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  DEFAULT_MAX_FILES,
  resolveWorkerExports
} from "./chunk-5VPY553I.js";
import "./chunk-FDGYIFXX.js";
export {
  DEFAULT_MAX_FILES,
  resolveWorkerExports
};

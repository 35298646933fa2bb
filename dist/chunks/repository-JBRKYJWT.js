import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  analyzeRepositoryChange,
  readRepositoryChange
} from "./chunk-S4VR5T62.js";
import "./chunk-MD4CLJQN.js";
import "./chunk-4GONIQ6R.js";
import "./chunk-FDGYIFXX.js";
export {
  analyzeRepositoryChange,
  readRepositoryChange
};

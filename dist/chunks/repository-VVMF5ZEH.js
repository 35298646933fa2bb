import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  analyzeRepositoryChange,
  readRepositoryChange
} from "./chunk-2TCBAUP4.js";
import "./chunk-2AXQU3NU.js";
import "./chunk-IZRSYQJ2.js";
import "./chunk-NMQLCBOA.js";
import "./chunk-ATMBC6GZ.js";
import "./chunk-4GONIQ6R.js";
import "./chunk-FDGYIFXX.js";
export {
  analyzeRepositoryChange,
  readRepositoryChange
};

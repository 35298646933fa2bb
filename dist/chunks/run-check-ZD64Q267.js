import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck
} from "./chunk-TT7C4EZ4.js";
import "./chunk-WAJIT2U3.js";
import "./chunk-L6DI4I4H.js";
import "./chunk-IZRSYQJ2.js";
import "./chunk-I5AQ36NA.js";
import "./chunk-RQ4NTA37.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck
};

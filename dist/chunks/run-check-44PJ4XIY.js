import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck
} from "./chunk-ZO47GSTG.js";
import "./chunk-H6NO5MO3.js";
import "./chunk-IZRSYQJ2.js";
import "./chunk-DYZLM63O.js";
import "./chunk-6VRFNOYX.js";
import "./chunk-KMRUHEBV.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck
};

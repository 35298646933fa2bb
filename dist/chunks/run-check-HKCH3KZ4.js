import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-E7O3LJNF.js";
import "./chunk-KM6LLY5N.js";
import "./chunk-E6XMNLY6.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-SBUX644F.js";
import "./chunk-KOR7J5JF.js";
import "./chunk-22OSKEYW.js";
import "./chunk-P5ERPY7H.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

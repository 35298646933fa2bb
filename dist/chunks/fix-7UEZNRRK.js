import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-RZ72QEB6.js";
import "./chunk-SBUX644F.js";
import "./chunk-KOR7J5JF.js";
import "./chunk-22OSKEYW.js";
import "./chunk-P5ERPY7H.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

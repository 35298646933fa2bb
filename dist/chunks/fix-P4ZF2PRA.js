import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-D5NS635U.js";
import "./chunk-QI7AVELE.js";
import "./chunk-6BDFQWXU.js";
import "./chunk-G7AQTDQP.js";
import "./chunk-ALQZKAXP.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

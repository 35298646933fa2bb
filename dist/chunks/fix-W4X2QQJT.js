import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-IYK3UWF5.js";
import "./chunk-7DWQT6X7.js";
import "./chunk-UMRHZHZD.js";
import "./chunk-NW7UUITO.js";
import "./chunk-KI4BBWDU.js";
import "./chunk-KMRUHEBV.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

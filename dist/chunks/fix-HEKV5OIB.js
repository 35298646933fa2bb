import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  fixConfigs,
  offerFixes,
  proveFix
} from "./chunk-WP6BUG3W.js";
import "./chunk-Z5VJNXBR.js";
import "./chunk-NF5ZZ4KJ.js";
import "./chunk-4UYTUCCT.js";
import "./chunk-IANMFRS4.js";
import "./chunk-FDGYIFXX.js";
export {
  fixConfigs,
  offerFixes,
  proveFix
};

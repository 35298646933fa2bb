import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-FCOQ7GEA.js";
import "./chunk-IZRSYQJ2.js";
import "./chunk-NDC7HT7I.js";
import "./chunk-7DWQT6X7.js";
import "./chunk-UMRHZHZD.js";
import "./chunk-NW7UUITO.js";
import "./chunk-KI4BBWDU.js";
import "./chunk-KMRUHEBV.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

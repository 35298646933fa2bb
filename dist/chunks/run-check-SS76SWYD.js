import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-SL6RKZHF.js";
import "./chunk-C6THI6ZD.js";
import "./chunk-E6XMNLY6.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-NUUEDTGE.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-VOXLO4CD.js";
import "./chunk-QNQSN6MN.js";
import "./chunk-HPZIFBKB.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

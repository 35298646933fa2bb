import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-L5TBIHCT.js";
import "./chunk-YMIMX3OR.js";
import "./chunk-4XRW3SWT.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-KXVOQGME.js";
import "./chunk-ZXH5AY5T.js";
import "./chunk-W5TIJK4G.js";
import "./chunk-3OIL4IS7.js";
import "./chunk-V62BCWO2.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

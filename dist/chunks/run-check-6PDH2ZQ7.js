import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-66P2LXZ4.js";
import "./chunk-762GWT7Y.js";
import "./chunk-6ZLMTAPS.js";
import "./chunk-5TCBLB3Y.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-Z5VJNXBR.js";
import "./chunk-NF5ZZ4KJ.js";
import "./chunk-4UYTUCCT.js";
import "./chunk-IANMFRS4.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

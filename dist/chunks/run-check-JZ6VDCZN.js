import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-OIELRM6Y.js";
import "./chunk-PSNA4GV6.js";
import "./chunk-HJXFSDKY.js";
import "./chunk-Z5HJI73M.js";
import "./chunk-G3XBYTA4.js";
import "./chunk-PQ7QJ6BL.js";
import "./chunk-MENN5CMZ.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-F5B3ON2F.js";
import "./chunk-PIRUEGYP.js";
import "./chunk-QY4OA6XQ.js";
import "./chunk-57KHF4P2.js";
import "./chunk-BKDYTUFB.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

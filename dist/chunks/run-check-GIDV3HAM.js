import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck,
  runFix
} from "./chunk-LIVZRVGJ.js";
import "./chunk-5L6WIW2W.js";
import "./chunk-HX3ON2ZF.js";
import "./chunk-XGMWWKPN.js";
import "./chunk-PW3TPSU3.js";
import "./chunk-PQ7QJ6BL.js";
import "./chunk-MENN5CMZ.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-47WQGZF3.js";
import "./chunk-O4UHWGRP.js";
import "./chunk-ASWSHVQS.js";
import "./chunk-5ZTNGF2D.js";
import "./chunk-BKDYTUFB.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck,
  runFix
};

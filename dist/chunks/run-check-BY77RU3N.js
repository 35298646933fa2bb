import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runCheck
} from "./chunk-H3DH7UMO.js";
import "./chunk-2AXQU3NU.js";
import "./chunk-IZRSYQJ2.js";
import "./chunk-DYZLM63O.js";
import "./chunk-ATMBC6GZ.js";
import "./chunk-4GONIQ6R.js";
import "./chunk-FDGYIFXX.js";
export {
  runCheck
};

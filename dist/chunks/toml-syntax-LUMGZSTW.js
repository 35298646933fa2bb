import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  readEditableToml,
  readTomlSyntax,
  sameDocument
} from "./chunk-BLT2GND5.js";
import "./chunk-255OHX7F.js";
import "./chunk-FDGYIFXX.js";
export {
  readEditableToml,
  readTomlSyntax,
  sameDocument
};

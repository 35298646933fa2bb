import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  readEditableToml,
  readTomlSyntax,
  sameDocument
} from "./chunk-UHKP2DDK.js";
import "./chunk-K3M7ZXYA.js";
import "./chunk-FDGYIFXX.js";
export {
  readEditableToml,
  readTomlSyntax,
  sameDocument
};

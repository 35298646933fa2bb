import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  readEditableToml,
  readTomlSyntax,
  sameDocument
} from "./chunk-EIFGOVMA.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-FDGYIFXX.js";
export {
  readEditableToml,
  readTomlSyntax,
  sameDocument
};

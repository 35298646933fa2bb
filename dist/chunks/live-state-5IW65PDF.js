import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  DEFAULT_OBJECT_CAP,
  DEFAULT_SCAN_CAP,
  liveAccountsReader,
  readLiveAccount
} from "./chunk-NRVXM5AG.js";
import "./chunk-BKDYTUFB.js";
import "./chunk-Q4EI3H2W.js";
import "./chunk-FDGYIFXX.js";
export {
  DEFAULT_OBJECT_CAP,
  DEFAULT_SCAN_CAP,
  liveAccountsReader,
  readLiveAccount
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import "./chunk-FDGYIFXX.js";

// src/action/deploy.ts
async function runDeployMode(_settings) {
  throw new Error("mode: deploy is not available in this build yet");
}
export {
  runDeployMode
};

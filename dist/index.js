import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/action/main.ts
console.log("do-migrate-action: not yet");

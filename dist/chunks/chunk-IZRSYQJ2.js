import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/adapters/usage-error.ts
var UsageError = class extends Error {
  showUsage;
  constructor(message, showUsage = false) {
    super(message);
    this.name = "UsageError";
    this.showUsage = showUsage;
  }
};

export {
  UsageError
};

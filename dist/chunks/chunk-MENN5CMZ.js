import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/check/errors.ts
var UsageError = class extends Error {
  showUsage;
  constructor(message, showUsage = false) {
    super(message);
    this.name = "UsageError";
    this.showUsage = showUsage;
  }
};
var PolicyFileError = class extends UsageError {
  problems;
  constructor(problems) {
    super(problems.join("\n"));
    this.problems = problems;
  }
};

export {
  UsageError,
  PolicyFileError
};

// The options `diff` and `check` accept (node:util parseArgs); src/cli/help.ts describes each one
// (test/dist/cli-help.test.ts keeps the two equal).
export const DIFF_CHECK_OPTIONS = {
  env: { type: "string", multiple: true },
  "top-level": { type: "boolean" },
  format: { type: "string", short: "f" },
  "fail-on": { type: "string" },
  base: { type: "string" },
  head: { type: "string" },
  policy: { type: "string" },
  live: { type: "boolean" },
  "account-id": { type: "string" },
  quiet: { type: "boolean", short: "q" },
} as const;

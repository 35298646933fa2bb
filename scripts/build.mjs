// Bundles the action entry (dist/index.js) and the CLI (dist/cli.js) with esbuild.
// One ESM file each, target Node 20+ (the action itself runs on node24).
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  legalComments: "none",
  // jsonc-parser's "main" is a UMD build that esbuild cannot follow; prefer ESM entry points.
  mainFields: ["module", "main"],
  logLevel: "warning",
  // Some CommonJS dependencies call require() on Node built-ins; give the ESM bundle one.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
};

await Promise.all([
  build({ ...common, entryPoints: ["src/action/main.ts"], outfile: "dist/index.js" }),
  build({
    ...common,
    entryPoints: ["src/cli/main.ts"],
    outfile: "dist/cli.js",
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
  }),
]);

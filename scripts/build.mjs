// Bundles the action entry (dist/index.js) and the CLI (dist/cli.js) with esbuild.
// One ESM file each, target Node 20+ (the action itself runs on node24).
import { chmodSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

// One build, two entry points, shared chunks: code loaded with import() (the deploy mode, the
// source parser, git) lands in dist/chunks/ and costs nothing to a run that does not use it.
await build({
  ...common,
  entryPoints: { index: "src/action/main.ts", cli: "src/cli/main.ts" },
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
});
const cli = new URL("../dist/cli.js", import.meta.url);
writeFileSync(cli, `#!/usr/bin/env node\n${readFileSync(cli, "utf8")}`);
chmodSync(cli, 0o755);

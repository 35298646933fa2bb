// Bundles the action entry (dist/index.js) and the CLI (dist/cli.js) with esbuild.
// One ESM file each, target Node 20+ (the action itself runs on node24).
import { chmodSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
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

// @actions/core imports its OIDC client (and through it @actions/http-client and undici, ~800 KB
// whose loading costs more than twice a bare Node start) for core.getIDToken, which this action
// never calls. Give core.js a stand-in that loads the real module on the first call instead.
const lazyOidc = {
  name: "lazy-actions-core-oidc",
  setup(builder) {
    const core = `${sep}@actions${sep}core${sep}lib${sep}core.js`;
    builder.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) =>
      args.importer.endsWith(core)
        ? { path: join(args.resolveDir, "oidc-utils.js"), namespace: "lazy-oidc" }
        : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: "lazy-oidc" }, (args) => ({
      contents: `export class OidcClient {
  static async getIDToken(audience) {
    const real = await import(${JSON.stringify(args.path)});
    return real.OidcClient.getIDToken(audience);
  }
}
`,
      resolveDir: dirname(args.path),
      loader: "js",
    }));
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
  plugins: [lazyOidc],
});
const cli = new URL("../dist/cli.js", import.meta.url);
writeFileSync(cli, `#!/usr/bin/env node\n${readFileSync(cli, "utf8")}`);
chmodSync(cli, 0o755);

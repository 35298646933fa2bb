// Bundle-size cost of the export analysis: esbuild bundles a tiny entry that uses it, the same
// way scripts/build.mjs bundles the action (ESM, platform node), minified and not.
// Run: node_modules/.bin/node bench/worker-exports-bundle.ts
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const contents = `
import { createSourceReader } from "./src/adapters/source-files.ts";
import { resolveWorkerExports } from "./src/core/code/worker-exports.ts";
console.log(await resolveWorkerExports("src/index.ts", createSourceReader(".")));
`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
for (const minify of [true, false]) {
  const result = await build({
    stdin: { contents, resolveDir: new URL("..", import.meta.url).pathname, loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    minify,
    write: false,
    metafile: true,
    logLevel: "warning",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error("no output");
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  const babel = Object.entries(inputs)
    .filter(([path]) => path.includes("@babel/parser"))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
  console.log(
    `${minify ? "minified" : "unminified"}: total ${kib(output.contents.length)} (gzip ${kib(gzipSync(output.contents).length)}), of which @babel/parser ${kib(babel)}`,
  );
}

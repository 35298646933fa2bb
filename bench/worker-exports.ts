// Time to resolve the export names of a small Worker (the 5-file `chain` fixture).
// Run: node_modules/.bin/node bench/worker-exports.ts
import { fileURLToPath } from "node:url";

const started = performance.now();
const { resolveWorkerExports } = await import("../src/core/code/worker-exports.ts");
const { createSourceReader } = await import("../src/adapters/source-files.ts");
const loaded = performance.now();

const root = fileURLToPath(new URL("../test/fixtures/workers/chain/", import.meta.url));
const first = await resolveWorkerExports("src/index.ts", createSourceReader(root));
const firstDone = performance.now();
if (first.status !== "known" || first.files.length !== 5) throw new Error(JSON.stringify(first));

const runs = 200;
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  await resolveWorkerExports("src/index.ts", createSourceReader(root));
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const ms = (x: number) => `${x.toFixed(2)} ms`;
console.log(`load modules (@babel/parser + code): ${ms(loaded - started)}`);
console.log(`first resolve (cold JIT, ${first.files.length} files): ${ms(firstDone - loaded)}`);
console.log(
  `warm resolve over ${runs} runs: median ${ms(times[runs / 2] ?? 0)}, p95 ${ms(times[Math.floor(runs * 0.95)] ?? 0)}, min ${ms(times[0] ?? 0)}`,
);

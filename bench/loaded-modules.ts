// Preload for bench/run.ts (`node --import ./bench/loaded-modules.ts ...`): records every module
// file the process loads, and writes the list to BENCH_LOADED_FILE at exit. Used in one untimed
// run per mode to report which chunks of dist/ that mode loads.
import { writeFileSync } from "node:fs";
import { registerHooks } from "node:module";

const out = process.env.BENCH_LOADED_FILE;
const loaded = new Set<string>();
registerHooks({
  load(url, context, nextLoad) {
    if (url.startsWith("file:")) loaded.add(url);
    return nextLoad(url, context);
  },
});
process.on("exit", () => {
  if (out) writeFileSync(out, [...loaded].join("\n"));
});

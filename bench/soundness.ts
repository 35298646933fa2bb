// The long run of the soundness oracle (issue 19): `npm run soundness -- --cases 300 [--from 1]`.
// Each case deploys a seeded base with the real pinned wrangler to the Cloudflare stand-in, runs
// the committed dist/ check, deploys the head, and compares what was destroyed with what the check
// said (see test/support/soundness.ts). Prints one line per case and a summary; exits 1 on a miss.
import { parseArgs } from "node:util";
import { startCloudflareApi } from "../test/support/cloudflare-api.ts";
import { describe, generateCase, runCase, SOUNDNESS_TOKEN } from "../test/support/soundness.ts";

const { values } = parseArgs({
  options: { cases: { type: "string", default: "100" }, from: { type: "string", default: "1" } },
});
const count = Number(values.cases);
const from = Number(values.from);
const api = await startCloudflareApi({ token: SOUNDNESS_TOKEN });
let misses = 0;
let unpredicted = 0;
let destroyedCases = 0;
let quietAlarms = 0;
let alarms = 0;
const started = performance.now();
try {
  for (let seed = from; seed < from + count; seed++) {
    const result = await runCase(api, generateCase(seed));
    if (result.destroyed.length > 0) destroyedCases++;
    if (result.risk === "high" || result.risk === "critical") alarms++;
    if (result.quietAlarm) quietAlarms++;
    const bad = result.missed.length > 0 || result.unpredictedRejections.length > 0;
    if (result.missed.length > 0) misses++;
    if (result.unpredictedRejections.length > 0) unpredicted++;
    console.log(
      bad
        ? `MISS ${describe(result)}`
        : `ok   seed ${seed} risk ${result.risk} destroyed ${result.destroyed.length}`,
    );
  }
} finally {
  await api.close();
}
const seconds = Math.round((performance.now() - started) / 1000);
console.log(
  `\n${count} cases in ${seconds} s: ${destroyedCases} destroyed data, ${misses} missed a destruction, ${unpredicted} had an unpredicted rejection; ${alarms} reported an error or worse, of which ${quietAlarms} with every deploy accepted and nothing destroyed (a claimed failure that did not happen).`,
);
process.exitCode = misses + unpredicted > 0 ? 1 : 0;

// The soundness oracle in CI (issue 19): the real pinned wrangler deploys each case's base to the
// Cloudflare stand-in, the committed dist/ checks base against head, then wrangler deploys the
// head. Zero tolerance: every namespace the head's deploys destroy must be named by a critical
// data-loss finding, and no head deploy may fail behind a risk of none or low. The routes that
// once slipped through run first (each must really destroy data, so the case bites); then a
// bounded seed set of generated cases. `npm run soundness` runs hundreds.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type CloudflareApi, startCloudflareApi } from "../support/cloudflare-api.ts";
import {
  describe as describeCase,
  generateCase,
  ROUTE_CASES,
  runCase,
  SOUNDNESS_TOKEN,
} from "../support/soundness.ts";

const SEEDS = [5, 11, 17, 23, 31, 42];

describe("soundness: what real wrangler destroys, the check names (zero tolerance)", () => {
  let api: CloudflareApi;
  before(async () => {
    api = await startCloudflareApi({ token: SOUNDNESS_TOKEN });
  });
  after(async () => {
    await api.close();
  });

  for (const c of ROUTE_CASES) {
    it(c.story[0]!, async () => {
      const result = await runCase(api, c);
      assert.ok(result.destroyed.length > 0, `the case must destroy data to bite:\n${describeCase(result)}`);
      assert.deepEqual(result.missed, [], describeCase(result));
      assert.deepEqual(result.unpredictedRejections, [], describeCase(result));
    });
  }

  for (const seed of SEEDS) {
    it(`generated case, seed ${seed}`, async () => {
      const result = await runCase(api, generateCase(seed));
      assert.deepEqual(result.missed, [], describeCase(result));
      assert.deepEqual(result.unpredictedRejections, [], describeCase(result));
    });
  }
});

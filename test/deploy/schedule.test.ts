// The release's run order: dependencies first, `max-parallel` side by side, nothing new after a failure.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runInOrder } from "../../src/deploy/schedule.ts";

/** Runs the schedule with deploys that take `ms` each and fail for the keys in `failing`; returns the start/end log. */
async function trace(
  keys: string[],
  waitsFor: Record<string, string[]>,
  max: number,
  failing: string[] = [],
): Promise<string[]> {
  const log: string[] = [];
  await runInOrder(keys, new Map(Object.entries(waitsFor)), max, async (key) => {
    log.push(`start ${key}`);
    await new Promise((r) => setTimeout(r, key === "slow" ? 30 : 5));
    log.push(`end ${key}`);
    return !failing.includes(key);
  });
  return log;
}

describe("release schedule", () => {
  it("one at a time, in order, each after what it waits for", async () => {
    assert.deepEqual(await trace(["a", "c", "b"], { c: ["b"] }, 1), [
      "start a",
      "end a",
      "start b",
      "end b",
      "start c",
      "end c",
    ]);
  });

  it("max-parallel 2: independent Workers side by side; a dependent one waits", async () => {
    const log = await trace(["slow", "b", "c"], { c: ["slow"] }, 2);
    assert.deepEqual(log.slice(0, 2), ["start slow", "start b"]);
    assert.ok(log.indexOf("start c") > log.indexOf("end slow"));
  });

  it("after a failure nothing new starts; a running one finishes", async () => {
    const log = await trace(["a", "slow", "c"], {}, 2, ["a"]);
    assert.deepEqual(log, ["start a", "start slow", "end a", "end slow"]);
  });
});

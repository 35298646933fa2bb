// The committed CLI bundle on the real-config corpus beside the repository (../shared/corpus):
// every before/after pair meets its expectations, and no real config makes the CLI crash.
// The corpus is read in place, never copied into this repository.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { test } from "node:test";

const root = resolve(import.meta.dirname, "../..");
const corpus = resolve(root, "../shared/corpus");
const cli = join(root, "dist/cli.js");
const skip = existsSync(corpus) ? false : "no ../shared/corpus beside the repository";

test("every corpus pair meets its expect.json", { skip }, () => {
  const run = spawnSync(process.execPath, [join(corpus, "check.mjs"), root, join(corpus, "pairs")], {
    encoding: "utf8",
    timeout: 120_000,
  });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /\b[1-9]\d* passed, 0 failed/);
});

test("no corpus config crashes the CLI, compared with itself or as a new file", { skip }, () => {
  const files = readdirSync(join(corpus, "files")).map((f) => join(corpus, "files", f));
  assert.ok(files.length > 0);
  for (const file of files) {
    for (const args of [
      ["diff", file, file, "--format", "json"],
      ["diff", join(root, "test/fixtures/empty.toml"), file, "--format", "json"],
    ]) {
      const run = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", timeout: 30_000 });
      assert.ok(
        run.status === 0 || run.status === 1,
        `${args.join(" ")} exited ${run.status}: ${run.stderr}`,
      );
      const report = JSON.parse(run.stdout);
      assert.ok(["none", "low", "medium", "high", "critical"].includes(report.risk));
      assert.equal(run.stderr, "");
    }
  }
});

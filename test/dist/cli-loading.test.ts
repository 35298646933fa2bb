// What the committed CLI (dist/cli.js) loads: toml-eslint-parser (the TOML syntax reader of the
// edits and the inline directives, about 70 KB) only when a command needs it. Each run records
// the module files the process loads (bench/loaded-modules.ts, Node's module hooks) and the test
// looks for the parser's code in them by its module path, which esbuild writes above it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { CLI, ROOT } from "../support/run-cli.ts";

const dir = mkdtempSync(join(tmpdir(), "do-migrate-loading-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const BASE =
  'name = "chat"\nmain = "src/index.ts"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room"]\n';
const HEAD = BASE.replace('["Room"]', '["Room", "Lobby"]');

/** Whether a CLI run loaded toml-eslint-parser; the run must exit as `status` says. */
function loadsTomlParser(args: readonly string[], status: number): boolean {
  const record = join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  const run = spawnSync(process.execPath, ["--import", join(ROOT, "bench/loaded-modules.ts"), CLI, ...args], {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: "1", GIT_CEILING_DIRECTORIES: tmpdir(), BENCH_LOADED_FILE: record },
  });
  assert.equal(run.status, status, run.stderr);
  const files = readFileSync(record, "utf8").split("\n").filter(Boolean);
  assert.ok(
    files.some((url) => url.endsWith("/cli.js")),
    "the record holds the CLI itself",
  );
  return files.some((url) =>
    readFileSync(fileURLToPath(url), "utf8").includes("node_modules/toml-eslint-parser/"),
  );
}

function write(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

describe("the CLI loads the TOML syntax reader only when it needs it", () => {
  it("`diff` of TOML configs without directives: not loaded", () => {
    const base = write("base.toml", BASE);
    const head = write("head.toml", HEAD);
    assert.equal(loadsTomlParser(["diff", base, head, "--fail-on", "never"], 0), false);
  });

  it("`diff` of a TOML config that mentions a directive: loaded, and the directive applies", () => {
    const base = write("base-d.toml", BASE);
    const head = write(
      "head-d.toml",
      HEAD.replace(
        "[[migrations]]",
        "# do-migrate-ignore DO201 -- fixture: tests add classes to v1\n[[migrations]]",
      ),
    );
    assert.equal(loadsTomlParser(["diff", base, head, "--fail-on", "error"], 0), true);
  });

  it("a generator: loaded (a dry run with something to write exits 1)", () => {
    const config = write("wrangler.toml", BASE);
    assert.equal(loadsTomlParser(["new-class", "Lobby", "--config", config, "--dry-run"], 1), true);
  });
});

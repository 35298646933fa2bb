// The committed CLI (dist/cli.js) writing configs: the generators in real git repositories, and
// every option `fix` and the generators accept shown where `--help` (and so docs/cli.md, which a
// test keeps equal to it) lists the command.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { FIX_OPTIONS, GENERATOR_OPTIONS, GENERATORS, TO_EXPORTS_OPTIONS } from "../../src/cli/fix.ts";
import { createGitRepo, type GitRepo } from "../support/git-repo.ts";
import { runCli } from "../support/run-cli.ts";

const repos: GitRepo[] = [];
const dirs: string[] = [];
after(() => {
  for (const repo of repos) repo.cleanup();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const CHAT = `name = "chat"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "LOBBY"
class_name = "Lobby"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Lobby"]
`;
const CONSUMER = `name = "consumer"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "LOBBY"
class_name = "Lobby"
script_name = "chat"
`;

describe("dist/cli.js generators: repeated --env", () => {
  it("new-class --env a --env b writes the step of each env's own lifecycle and binds it in both", () => {
    const dir = mkdtempSync(join(tmpdir(), "do-migrate-envs-"));
    dirs.push(dir);
    const text = `name = "chat"
main = "src/index.ts"

[env.a]
durable_objects.bindings = [{ name = "ROOMS", class_name = "Room" }]
migrations = [{ tag = "v1", new_sqlite_classes = ["Room"] }]

[env.b]
durable_objects.bindings = [{ name = "ROOMS", class_name = "Room" }]
migrations = [{ tag = "v1", new_sqlite_classes = ["Room"] }]
`;
    writeFileSync(join(dir, "wrangler.toml"), text);
    const run = runCli(["new-class", "Lobby", "--binding", "LOBBY", "--env", "a", "-e", "b"], dir);
    assert.equal(run.status, 0, run.stderr);
    const written = readFileSync(join(dir, "wrangler.toml"), "utf8");
    assert.equal(written.match(/\{ tag = "v2", new_sqlite_classes = \["Lobby"\] \}/g)?.length, 2, written);
    assert.equal(written.match(/\{ name = "LOBBY", class_name = "Lobby" \}/g)?.length, 2, written);
    assert.match(run.stdout, /Bound it as `LOBBY` in env `a`\./);
    assert.match(run.stdout, /Bound it as `LOBBY` in env `b`\./);
  });
});

describe("dist/cli.js delete: other Workers' script_name bindings", () => {
  it("names each config that binds the class through script_name, and leaves it as it is", () => {
    const files = { "chat/wrangler.toml": CHAT, "consumer/wrangler.toml": CONSUMER };
    const repo = createGitRepo({ base: files, head: {} });
    repos.push(repo);
    const run = runCli(["delete", "Lobby", "--config", "chat/wrangler.toml"], repo.dir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(
      run.stdout,
      /^ {2}- Remove first: `consumer\/wrangler\.toml:4` \(Worker `consumer`\) binds `Lobby` through `script_name`\. .*rejected \(code 10061\)/m,
    );
    assert.equal(readFileSync(join(repo.dir, "consumer/wrangler.toml"), "utf8"), CONSUMER);
    assert.match(readFileSync(join(repo.dir, "chat/wrangler.toml"), "utf8"), /deleted_classes = \["Lobby"\]/);
    // From inside the Worker's directory the path is the one to open from there.
    repo.git("checkout", "--", ".");
    const inside = runCli(["delete", "Lobby", "--dry-run"], join(repo.dir, "chat"));
    assert.equal(inside.status, 1, inside.stderr);
    assert.match(inside.stdout, /Remove first: `\.\.\/consumer\/wrangler\.toml:4`/);
  });

  it("says when the other configs could not be looked for (no git repository)", () => {
    const dir = mkdtempSync(join(tmpdir(), "do-migrate-delete-"));
    dirs.push(dir);
    writeFileSync(join(dir, "wrangler.toml"), CHAT);
    const run = runCli(["delete", "Lobby", "--dry-run"], dir);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /script_name` were not looked for \(not in a git repository\)/);
  });
});

describe("dist/cli.js to-exports", () => {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  it("moves the config to exports once (a second run is refused and writes nothing)", () => {
    const dir = mkdtempSync(join(tmpdir(), "do-migrate-to-exports-"));
    dirs.push(dir);
    writeFileSync(join(dir, "wrangler.toml"), CHAT);
    const dry = runCli(["to-exports", "--dry-run"], dir);
    assert.equal(dry.status, 1, dry.stderr);
    assert.equal(readFileSync(join(dir, "wrangler.toml"), "utf8"), CHAT);
    const run = runCli(["to-exports"], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\+\[exports\.Lobby\]/);
    assert.match(run.stdout, /one-way.*100403/);
    const moved = readFileSync(join(dir, "wrangler.toml"), "utf8");
    assert.equal(
      moved,
      CHAT.replace(
        '[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Lobby"]',
        '[exports.Lobby]\ntype = "durable-object"\nstorage = "sqlite"',
      ),
    );
    const again = runCli(["to-exports"], dir);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /already uses `exports`/);
    assert.equal(readFileSync(join(dir, "wrangler.toml"), "utf8"), moved);
  });
});

describe("dist/cli.js fix and the generators: every option is in --help", () => {
  const help = runCli(["--help"]).stdout;
  /** The options the synopsis of `do-migrate COMMAND` shows (its line and the ones under it). */
  const shown = (command: string): string[] => {
    const lines = help.split("\n");
    const start = lines.findIndex((l) => l.startsWith(`  do-migrate ${command} `));
    assert.ok(start >= 0, `no synopsis for ${command}`);
    const synopsis = [lines[start]!];
    for (const line of lines.slice(start + 1)) {
      if (!/^ {4,}\[/.test(line)) break;
      synopsis.push(line);
    }
    return [...synopsis.join(" ").matchAll(/\[(--[a-z-]+)/g)].map((m) => m[1]!).sort();
  };
  const accepted = (options: Record<string, unknown>) =>
    Object.keys(options)
      .filter((name) => name !== "top-level")
      .map((name) => `--${name}`)
      .sort();

  it("fix", () => {
    assert.deepEqual(shown("fix"), accepted(FIX_OPTIONS));
    // --top-level is said with --env, as for check, in the command's own help.
    assert.match(
      runCli(["help", "fix"]).stdout,
      /--env NAME +only this environment \(repeatable; "" or --top-level/,
    );
  });
  for (const command of GENERATORS) {
    it(command, () => assert.deepEqual(shown(command), accepted(GENERATOR_OPTIONS[command])));
  }
  it("to-exports", () => assert.deepEqual(shown("to-exports"), accepted(TO_EXPORTS_OPTIONS)));

  it("an option of another generator is a clear error, and nothing is written", () => {
    const repo = createGitRepo({ base: { "wrangler.toml": CHAT }, head: {} });
    repos.push(repo);
    const cases: [string[], RegExp][] = [
      [["rename", "Lobby", "Hall", "--binding", "X"], /--binding is for new-class only/],
      [["delete", "Lobby", "--storage", "kv"], /--storage is for new-class and rename only/],
    ];
    for (const [args, message] of cases) {
      const run = runCli(args, repo.dir);
      assert.equal(run.status, 2, run.stdout);
      assert.match(run.stderr, message);
    }
    assert.equal(readFileSync(join(repo.dir, "wrangler.toml"), "utf8"), CHAT);
    // rename takes --storage: the storage the class has.
    const kv = runCli(["rename", "Lobby", "Hall", "--storage", "kv", "--dry-run"], repo.dir);
    assert.equal(kv.status, 2);
    assert.match(kv.stderr, /`Lobby` has SQLite storage, and a rename keeps it/);
    const sqlite = runCli(["rename", "Lobby", "Hall", "--storage", "sqlite", "--dry-run"], repo.dir);
    assert.equal(sqlite.status, 1, sqlite.stderr);
  });
});

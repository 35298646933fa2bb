// `do-migrate check` with no --base, through the committed dist/cli.js on real git repositories:
// the base is the merge base with the remote's default branch (origin/HEAD, else origin/main or
// origin/master, else a local main or master), never the branch's own upstream; every output
// names it; a base that is the head is said out loud. And an --env no config defines is a usage
// error that lists the defined ones, as wrangler's is. DO_MIGRATE_CLI points at another build.
import assert from "node:assert/strict";
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { runGit } from "../support/git-repo.ts";
import { runCli } from "../support/run-cli.ts";

const CONFIG = `name = "chat"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOM"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[env.staging]
name = "chat-staging"

[env.production]
name = "chat-production"
`;
const DELETE = '\n[[migrations]]\ntag = "v2"\ndeleted_classes = ["Room"]\n';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A remote (bare) with `main` holding the config, and a clone of it. With `remote: false`, a
 * lone repository whose `main` holds it. The working directory is on `main`.
 */
function setUp(options: { remote?: boolean; branch?: string } = {}) {
  const top = mkdtempSync(join(tmpdir(), "do-migrate-base-"));
  dirs.push(top);
  const branch = options.branch ?? "main";
  const work = join(top, "work");
  mkdirSync(work);
  const git = (...args: string[]) => runGit(work, args);
  git("init", "--quiet", `--initial-branch=${branch}`);
  mkdirSync(join(work, "src"));
  writeFileSync(join(work, "src/index.ts"), "export class Room {}\nexport default {};\n");
  writeFileSync(join(work, "wrangler.toml"), CONFIG);
  git("add", "--all");
  git("commit", "--quiet", "-m", "base");
  if (options.remote !== false) {
    const origin = join(top, "origin.git");
    runGit(top, ["init", "--quiet", "--bare", `--initial-branch=${branch}`, origin]);
    git("remote", "add", "origin", origin);
    git("push", "--quiet", "origin", `${branch}:${branch}`);
    git("fetch", "--quiet", "origin");
    git("remote", "set-head", "origin", branch);
  }
  return { work, git, sha: git("rev-parse", "HEAD") };
}

/** A feature branch that deletes the class, committed (and pushed to its own upstream). */
function deleteOnBranch(repo: ReturnType<typeof setUp>, push: boolean) {
  repo.git("switch", "--quiet", "-c", "feature");
  appendFileSync(join(repo.work, "wrangler.toml"), DELETE);
  repo.git("commit", "--quiet", "-am", "delete Room");
  if (push) repo.git("push", "--quiet", "--set-upstream", "origin", "feature");
}

const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown> & { notes: string[] };

describe("dist/cli.js check: the default base", () => {
  it("compares a branch pushed to its own upstream with the merge base of the default branch", () => {
    const repo = setUp();
    deleteOnBranch(repo, true);
    const run = runCli(["check"], repo.work);
    assert.equal(run.status, 1, `the delete fails the check: ${run.stdout}${run.stderr}`);
    assert.match(run.stdout, /CRITICAL DO101 class-deleted/);
    assert.match(
      run.stdout,
      new RegExp(
        `Base: \`${repo.sha.slice(0, 7)}\`, the merge base with \`origin/main\` \\(the default branch\\)`,
      ),
    );
  });

  it("names the base in the JSON and the Markdown reports too", () => {
    const repo = setUp();
    deleteOnBranch(repo, true);
    const report = json(runCli(["check", "--format", "json"], repo.work).stdout);
    assert.deepEqual(report.base, {
      ref: "origin/main",
      sha: repo.sha,
      how: "merge-base",
      sameAsHead: false,
    });
    assert.match(report.notes[0] ?? "", /merge base with `origin\/main`/);
    const markdown = runCli(["check", "--format", "markdown"], repo.work).stdout;
    assert.match(
      markdown,
      new RegExp(`Base: \`${repo.sha.slice(0, 7)}\`, the merge base with \`origin/main\``),
    );
  });

  it("follows origin/HEAD to a default branch not named main", () => {
    const repo = setUp({ branch: "trunk" });
    deleteOnBranch(repo, true);
    const report = json(runCli(["check", "--format", "json"], repo.work).stdout);
    assert.deepEqual(report.base, {
      ref: "origin/trunk",
      sha: repo.sha,
      how: "merge-base",
      sameAsHead: false,
    });
    assert.equal(report.risk, "critical");
  });

  it("uses a local main when there is no remote", () => {
    const repo = setUp({ remote: false });
    deleteOnBranch(repo, false);
    const report = json(runCli(["check", "--format", "json"], repo.work).stdout);
    assert.deepEqual(report.base, { ref: "main", sha: repo.sha, how: "merge-base", sameAsHead: false });
    assert.equal(report.risk, "critical");
  });

  it("falls back to HEAD~1, and says so, with no remote and no main or master", () => {
    const repo = setUp({ remote: false, branch: "trunk" });
    appendFileSync(join(repo.work, "wrangler.toml"), DELETE);
    repo.git("commit", "--quiet", "-am", "delete Room");
    const run = runCli(["check", "--format", "json"], repo.work);
    assert.equal(run.status, 1, run.stderr);
    const report = json(run.stdout);
    assert.deepEqual(report.base, { ref: "HEAD~1", sha: repo.sha, how: "fallback", sameAsHead: false });
    assert.match(
      report.notes[0] ?? "",
      /`HEAD~1` \(`[0-9a-f]{7}`\): no `origin\/HEAD`, `main` or `master` was found/,
    );
  });

  it("says out loud when the base is the commit checked out (on main itself)", () => {
    const repo = setUp();
    appendFileSync(join(repo.work, "wrangler.toml"), DELETE);
    const run = runCli(["check", "--format", "json"], repo.work);
    assert.equal(run.status, 1, "the uncommitted delete is still checked");
    assert.equal((json(run.stdout).base as { sameAsHead: boolean }).sameAsHead, true);
    assert.match(
      run.stderr,
      /^warning: the base \(merge base with origin\/main\) is [0-9a-f]{7}, the commit checked out: only uncommitted changes are compared/m,
    );
    // --quiet drops the warning; a failing report is still printed.
    const quiet = runCli(["check", "--quiet"], repo.work);
    assert.equal(quiet.status, 1);
    assert.equal(quiet.stderr, "");
    assert.match(quiet.stdout, /DO101/);
  });

  it("names a --base given, and says when it is the --head", () => {
    const repo = setUp();
    deleteOnBranch(repo, true);
    const given = json(runCli(["check", "--base", "main", "--format", "json"], repo.work).stdout);
    assert.deepEqual(given.base, { ref: "main", sha: repo.sha, how: "given", sameAsHead: false });
    const same = runCli(["check", "--base", "feature", "--head", "feature"], repo.work);
    assert.equal(same.status, 0);
    assert.match(
      same.stderr,
      /^warning: --base feature is [0-9a-f]{7}, the head itself: nothing is compared/m,
    );
  });
});

describe("dist/cli.js: an --env no config defines", () => {
  it("check --env prod is a usage error naming staging and production", () => {
    const repo = setUp();
    deleteOnBranch(repo, true);
    const run = runCli(["check", "--env", "prod"], repo.work);
    assert.equal(run.status, 2, run.stdout);
    assert.equal(run.stdout, "");
    assert.match(
      run.stderr,
      /^do-migrate: no environment found in configuration with name "prod": the configs define production, staging \(give one of them, or "" for the top level\)\n$/,
    );
    assert.equal(runCli(["check", "--env", "production"], repo.work).status, 1, "a defined one is checked");
  });

  it("diff --env prod too", () => {
    const dir = mkdtempSync(join(tmpdir(), "do-migrate-env-"));
    dirs.push(dir);
    writeFileSync(join(dir, "base.toml"), CONFIG);
    writeFileSync(join(dir, "head.toml"), CONFIG + DELETE);
    const run = runCli(["diff", "base.toml", "head.toml", "--env", "prod"], dir);
    assert.equal(run.status, 2, run.stdout);
    assert.match(run.stderr, /"prod": the configs define production, staging/);
    assert.equal(runCli(["diff", "base.toml", "head.toml", "--env", "staging"], dir).status, 1);
  });
});

// Real git repositories for tests: a base commit and a head commit built from file maps, with
// fixed identities and dates so the SHAs are the same on every machine, and a shallow clone
// that lacks the base commit (what actions/checkout gives by default).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** File content, a symbolic link, or (in `head` only) null for "deleted". */
export type FileSpec = string | { symlink: string };

export interface GitRepoSpec {
  base: Record<string, FileSpec>;
  /** Changes on top of base: new content, or null to delete. Paths not named stay as in base. */
  head: Record<string, FileSpec | null>;
  /** Branch holding head (default `main`). base is also reachable as branch `base`. */
  branch?: string;
}

export interface GitRepo {
  dir: string;
  baseSha: string;
  headSha: string;
  /** Runs git in the repository (argument array, fixed environment); returns trimmed stdout. */
  git(...args: string[]): string;
  cleanup(): void;
}

export interface Clone {
  dir: string;
  git(...args: string[]): string;
  cleanup(): void;
}

/**
 * The environment every fixture git runs with: no user or system config (no signing, no hooks,
 * no autocrlf surprises), fixed author and committer, no prompts.
 */
export function fixtureGitEnv(date = "2026-01-01T00:00:00Z"): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    SYSTEMROOT: process.env.SYSTEMROOT,
    LANG: "C",
    LC_ALL: "C",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: process.platform === "win32" ? "NUL" : "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    GIT_AUTHOR_NAME: "Fixture Author",
    GIT_AUTHOR_EMAIL: "author@fixture.test",
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: "Fixture Committer",
    GIT_COMMITTER_EMAIL: "committer@fixture.test",
    GIT_COMMITTER_DATE: date,
  };
}

const CONFIG = ["-c", "init.defaultBranch=main", "-c", "core.autocrlf=false", "-c", "commit.gpgsign=false"];

export function runGit(cwd: string, args: readonly string[], date?: string): string {
  return execFileSync("git", [...CONFIG, ...args], {
    cwd,
    env: fixtureGitEnv(date),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

function writeTree(dir: string, files: Record<string, FileSpec | null>): void {
  for (const [path, spec] of Object.entries(files)) {
    if (path.startsWith("/") || path.split("/").includes(".."))
      throw new Error(`fixture path escapes: ${path}`);
    const full = join(dir, path);
    rmSync(full, { force: true });
    if (spec === null) continue;
    mkdirSync(dirname(full), { recursive: true });
    if (typeof spec === "string") writeFileSync(full, spec);
    else symlinkSync(spec.symlink, full);
  }
}

function commitAll(dir: string, message: string, date: string): string {
  runGit(dir, ["add", "--all", "--", "."], date);
  runGit(dir, ["commit", "--quiet", "--allow-empty", "--no-verify", "-m", message], date);
  return runGit(dir, ["rev-parse", "HEAD"], date);
}

export function createGitRepo(spec: GitRepoSpec): GitRepo {
  const dir = mkdtempSync(join(tmpdir(), "do-migrate-git-"));
  try {
    const branch = spec.branch ?? "main";
    runGit(dir, ["init", "--quiet", `--initial-branch=${branch}`]);
    writeTree(dir, spec.base);
    const baseSha = commitAll(dir, "base", "2026-01-01T00:00:00Z");
    runGit(dir, ["branch", "base", baseSha]);
    writeTree(dir, spec.head);
    const headSha = commitAll(dir, "head", "2026-01-02T00:00:00Z");
    return {
      dir,
      baseSha,
      headSha,
      git: (...args) => runGit(dir, args),
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * `git clone --depth 1 file://<source>`: only the tip of the source's current branch, so the
 * base commit is missing until fetched. The clone's `origin` is the file:// URL.
 */
export function shallowClone(source: string, options: { branch?: string } = {}): Clone {
  const dir = mkdtempSync(join(tmpdir(), "do-migrate-clone-"));
  try {
    const args = ["clone", "--quiet", "--depth", "1", "--no-tags"];
    if (options.branch) args.push("--branch", options.branch);
    args.push("--", pathToFileURL(source).href, dir);
    runGit(tmpdir(), args);
    return {
      dir,
      git: (...a) => runGit(dir, a),
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

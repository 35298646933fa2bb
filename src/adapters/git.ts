// Git adapter: list files at a revision with one `git ls-tree` (the files are read with ONE
// `git cat-file --batch` process: git-blobs.ts), and the few plumbing questions the action asks
// (does this commit exist here, fetch it, merge base). Every command is an argument array (no shell);
// revisions and paths, which a pull request controls, are checked and never reach git as options.
// Needs git 2.24 or later (`--end-of-options`).
import { spawn } from "node:child_process";
import { stat } from "node:fs/promises";

export interface GitOptions {
  /** git executable (default `git` from PATH). */
  git?: string;
  /** Time limit of one command in ms (default 60 s; 120 s for fetch). The batch reader has none. */
  timeoutMs?: number;
}

/** A git command failed in a way the caller did not ask about. */
export class GitError extends Error {
  override name = "GitError";
  readonly args: readonly string[];
  readonly exitCode: number | null;
  readonly stderr: string;
  constructor(message: string, args: readonly string[], exitCode: number | null, stderr: string) {
    super(stderr ? `${message}: ${stderr}` : message);
    this.args = args;
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
}

/** The revision is not in this repository (for example the base commit of a shallow clone). */
export class MissingRevisionError extends GitError {
  override name = "MissingRevisionError";
  readonly rev: string;
  constructor(rev: string, args: readonly string[]) {
    super(`revision ${rev} is not in this repository (shallow clone? fetch it first)`, args, null, "");
    this.rev = rev;
  }
}

// ---------------------------------------------------------------------------------------------
// Checks on pull-request-controlled strings

const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
// Characters a revision may use: ref names (git forbids space, ~ ^ : ? * [ \ and control
// characters in them) plus the suffixes ~N, ^N, ^{type}, @{N}. No ":" (it would split
// "<rev>:<path>"), no leading "-" (an option), no "..", no whitespace.
const SAFE_REV = /^[A-Za-z0-9_@][A-Za-z0-9_./~^{}@+-]*$/;

export function isFullSha(value: string): boolean {
  return FULL_SHA.test(value);
}

/** True for a revision this module will pass to git. */
export function isSafeRev(rev: string): boolean {
  return rev.length <= 1024 && SAFE_REV.test(rev) && !rev.includes("..") && !rev.endsWith(".lock");
}

export function assertSafeRev(rev: string): void {
  if (!isSafeRev(rev)) throw new TypeError(`unsafe or malformed revision: ${JSON.stringify(rev)}`);
}

function assertFullSha(sha: string): void {
  if (!isFullSha(sha)) throw new TypeError(`not a full commit SHA: ${JSON.stringify(sha)}`);
}

/**
 * A path relative to the repository root, "/"-separated. In `<rev>:<path>` git would read
 * "./" and "../" relative to the current directory, so they are refused, as are empty and
 * "." / ".." segments.
 */
export function isRepoPath(path: string): boolean {
  if (path === "" || path.includes("\0")) return false;
  return path.split("/").every((s) => s !== "" && s !== "." && s !== "..");
}

export function assertRepoPath(path: string): void {
  if (!isRepoPath(path)) throw new TypeError(`not a repository-relative path: ${JSON.stringify(path)}`);
}

// ---------------------------------------------------------------------------------------------
// Running git

// Variables that would make git use another repository than the one in cwd.
const REPO_SELECTING_VARS = ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_PREFIX"];

// Secrets git has no use for: the action's inputs (the GitHub and Cloudflare tokens among them)
// and the Cloudflare credentials of the CLI. A child process never sees them.
const SECRET_VARS = ["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_API_KEY", "CF_API_TOKEN", "CF_API_KEY"];

export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: "0", ...extra };
  for (const name of [...REPO_SELECTING_VARS, ...SECRET_VARS]) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith("INPUT_")) delete env[name];
  return env;
}

interface RunResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

const MAX_STDOUT = 512 * 1024 * 1024;

export function lastLines(text: string, max = 2000): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `…${trimmed.slice(-max)}` : trimmed;
}

/** Runs git; resolves with the exit code (never rejects for a non-zero exit). */
export function run(
  cwd: string,
  args: readonly string[],
  options: GitOptions & { env?: Record<string, string>; defaultTimeoutMs?: number } = {},
): Promise<RunResult> {
  const git = options.git ?? "git";
  const timeoutMs = options.timeoutMs ?? options.defaultTimeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    const child = spawn(git, args, { cwd, env: gitEnv(options.env), stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = "";
    let failure: Error | undefined;
    const timer = setTimeout(() => {
      failure = new GitError(`git ${args[0]} timed out after ${timeoutMs} ms`, args, null, "");
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > MAX_STDOUT) {
        failure ??= new GitError(`git ${args[0]} printed more than ${MAX_STDOUT} bytes`, args, null, "");
        child.kill("SIGKILL");
        return;
      }
      out.push(chunk);
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      if (err.length < 64 * 1024) err += chunk;
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new GitError(`cannot run ${git}: ${error.message}`, args, null, ""));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else resolve({ code, stdout: Buffer.concat(out), stderr: lastLines(err) });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Plumbing questions

/** True when cwd is inside a git repository (work tree or bare). */
export async function isGitRepo(cwd: string, options: GitOptions = {}): Promise<boolean> {
  try {
    if (!(await stat(cwd)).isDirectory()) return false;
  } catch {
    return false;
  }
  const result = await run(cwd, ["rev-parse", "--git-dir"], options);
  return result.code === 0;
}

/** Full SHA of the commit a revision names, or null when there is none (or it is malformed). */
export async function resolveRev(cwd: string, rev: string, options: GitOptions = {}): Promise<string | null> {
  if (!isSafeRev(rev)) return null;
  const result = await run(
    cwd,
    ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`],
    options,
  );
  const sha = result.stdout.toString("utf8").trim();
  return result.code === 0 && isFullSha(sha) ? sha.toLowerCase() : null;
}

/** True when the commit object is present locally (a shallow clone usually lacks the base). */
export async function hasCommit(cwd: string, sha: string, options: GitOptions = {}): Promise<boolean> {
  assertFullSha(sha);
  // No lazy fetch in a partial clone: the question is what is here.
  const result = await run(cwd, ["cat-file", "-e", `${sha}^{commit}`], {
    ...options,
    env: { GIT_NO_LAZY_FETCH: "1" },
  });
  return result.code === 0;
}

export type FetchCommitResult = { fetched: true } | { fetched: false; message: string };

function redactUrls(text: string): string {
  return text.replace(/(\/\/)[^/@\s]+@/g, "$1***@");
}

/**
 * `git fetch --depth=<depth> --no-tags <remote> <sha>`: brings one commit into a shallow
 * checkout. Does not throw for a failed fetch (the caller falls back to the contents API).
 */
export async function fetchCommit(
  cwd: string,
  remote: string,
  sha: string,
  options: GitOptions & { depth?: number } = {},
): Promise<FetchCommitResult> {
  assertFullSha(sha);
  const hasControl = [...remote].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
  if (remote === "" || remote.startsWith("-") || hasControl) {
    throw new TypeError(`invalid remote: ${JSON.stringify(remote)}`);
  }
  const depth = options.depth ?? 1;
  if (!Number.isSafeInteger(depth) || depth < 1) throw new TypeError(`invalid depth: ${depth}`);
  const args = [
    "fetch",
    "--quiet",
    `--depth=${depth}`,
    "--no-tags",
    "--no-recurse-submodules",
    "--end-of-options",
    remote,
    sha,
  ];
  let result: RunResult;
  try {
    result = await run(cwd, args, {
      ...options,
      defaultTimeoutMs: 120_000,
      env: { GCM_INTERACTIVE: "never" },
    });
  } catch (error) {
    return { fetched: false, message: redactUrls((error as Error).message) };
  }
  if (result.code !== 0) {
    return { fetched: false, message: redactUrls(result.stderr || `git fetch exited with ${result.code}`) };
  }
  if (!(await hasCommit(cwd, sha, options))) {
    return { fetched: false, message: `git fetch succeeded but ${sha} is still missing` };
  }
  return { fetched: true };
}

/** The best common ancestor of two revisions, or null (none known locally, e.g. shallow). */
export async function mergeBase(
  cwd: string,
  a: string,
  b: string,
  options: GitOptions = {},
): Promise<string | null> {
  if (!isSafeRev(a) || !isSafeRev(b)) return null;
  const result = await run(cwd, ["merge-base", "--end-of-options", a, b], options);
  const sha = result.stdout.toString("utf8").trim();
  return result.code === 0 && isFullSha(sha) ? sha.toLowerCase() : null;
}

/** The base `check` compares with when none is given, and how it was chosen. */
export interface DefaultBase {
  /** The ref it was found through (`origin/main`, `main`, `HEAD~1`). */
  readonly ref: string;
  /** The commit compared with: the merge base of `ref` and the head, or `ref` itself. */
  readonly sha: string;
  /** True when `sha` is the merge base of `ref` with the head (false for the HEAD~1 fallback). */
  readonly mergeBase: boolean;
}

/**
 * The default base of `check` and `fix`: the merge base of the head with the remote's default
 * branch (`origin/HEAD`, else `origin/main`, `origin/master`), else with a local `main` or
 * `master`, else `HEAD~1`. Never the branch's own upstream: a branch pushed to it is its own
 * base, and that comparison says nothing. Null in a repository without a commit.
 */
export async function defaultBase(
  cwd: string,
  head = "HEAD",
  options: GitOptions = {},
  /**
   * The head is a commit, not the working tree: a merge base that is the head itself (a commit
   * of the default branch, as on a push or a manual run) compares nothing, so its parent is taken.
   */
  headIsCommit = false,
): Promise<DefaultBase | null> {
  const remoteHead = await run(
    cwd,
    ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"],
    options,
  );
  const named = remoteHead.code === 0 ? remoteHead.stdout.toString("utf8").trim() : "";
  const candidates = [...(isSafeRev(named) ? [named] : []), "origin/main", "origin/master", "main", "master"];
  const headSha = headIsCommit ? await resolveRev(cwd, head, options) : null;
  for (const ref of candidates) {
    if (!(await resolveRev(cwd, `refs/${ref.startsWith("origin/") ? "remotes/" : "heads/"}${ref}`, options)))
      continue;
    const sha = await mergeBase(cwd, ref, head, options);
    if (sha && sha === headSha) break;
    if (sha) return { ref, sha, mergeBase: true };
  }
  for (const ref of [`${head}~1`, head]) {
    const sha = await resolveRev(cwd, ref, options);
    if (sha) return { ref, sha, mergeBase: false };
  }
  return null;
}

/**
 * Paths of the files (blobs, including symlinks; not submodules) at a revision that the matcher
 * accepts, relative to the repository root, in git's order. One `git ls-tree` process.
 */
export async function listFilesAtRev(
  cwd: string,
  rev: string,
  matcher: (path: string) => boolean,
  options: GitOptions = {},
): Promise<string[]> {
  return (await listTreeFilesAtRev(cwd, rev, matcher, options)).map((file) => file.path);
}

/** A file of a commit's tree, as `git ls-tree` lists it. */
export interface TreeFile {
  readonly path: string;
  /** `100644`, `100755` (regular files) or `120000` (a symbolic link). */
  readonly mode: string;
  /** The blob's object id. */
  readonly oid: string;
}

/**
 * {@link listFilesAtRev} with each file's mode and blob id, so that `GitFileReader.read` (git-blobs.ts)
 * can read a regular file by its id instead of resolving `<rev>:<path>` (which walks the trees
 * again for every file: quadratic in a directory of many Workers).
 */
export async function listTreeFilesAtRev(
  cwd: string,
  rev: string,
  matcher: (path: string) => boolean,
  options: GitOptions = {},
): Promise<TreeFile[]> {
  assertSafeRev(rev);
  const args = ["ls-tree", "-r", "-z", "--full-tree", "--end-of-options", rev];
  const result = await run(cwd, args, options);
  if (result.code !== 0) {
    if ((await resolveRev(cwd, rev, options)) === null) throw new MissingRevisionError(rev, args);
    throw new GitError("git ls-tree failed", args, result.code, result.stderr);
  }
  const files: TreeFile[] = [];
  // Records: "<mode> SP <type> SP <object> TAB <path> NUL"
  for (const record of result.stdout.toString("utf8").split("\0")) {
    if (record === "") continue;
    const tab = record.indexOf("\t");
    const [mode = "", type, oid = ""] = record.slice(0, tab).split(" ");
    const path = record.slice(tab + 1);
    if (tab === -1 || type !== "blob") continue;
    if (matcher(path)) files.push({ path, mode, oid });
  }
  return files;
}

/** True for a regular file (not a symbolic link), which can be read by its blob id. */
export function isRegularFile(file: TreeFile): boolean {
  return file.mode === "100644" || file.mode === "100755";
}

// ---------------------------------------------------------------------------------------------
// Working tree

/** The repository's top-level directory, or null outside a work tree. */
export async function showToplevel(cwd: string, options: GitOptions = {}): Promise<string | null> {
  const result = await run(cwd, ["rev-parse", "--show-toplevel"], options);
  const dir = result.stdout.toString("utf8").trim();
  return result.code === 0 && dir ? dir : null;
}

/** Files in the working tree that git tracks or would track (untracked, not ignored). */
export async function listWorkingTreeFiles(
  cwd: string,
  matcher: (path: string) => boolean,
  options: GitOptions = {},
): Promise<string[]> {
  const args = ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--full-name", "--", ":/"];
  const result = await run(cwd, args, options);
  if (result.code !== 0) throw new GitError("git ls-files failed", args, result.code, result.stderr);
  const paths = result.stdout.toString("utf8").split("\0").filter(Boolean);
  return [...new Set(paths)].filter(matcher);
}

/** Tracked symbolic links of the working tree's index (mode 120000), repository-relative. */
export async function listIndexSymlinks(cwd: string, options: GitOptions = {}): Promise<string[]> {
  const args = ["ls-files", "-z", "--stage", "--full-name", "--", ":/"];
  const result = await run(cwd, args, options);
  if (result.code !== 0) throw new GitError("git ls-files failed", args, result.code, result.stderr);
  // Records: "<mode> SP <object> SP <stage> TAB <path> NUL"
  return result.stdout
    .toString("utf8")
    .split("\0")
    .filter((record) => record.startsWith("120000 ") && record.includes("\t"))
    .map((record) => record.slice(record.indexOf("\t") + 1));
}

/**
 * Paths that differ between `base` and `head` (a revision), or between `base` and the working
 * tree when `head` is null (untracked files included). One `git diff` process.
 */
export async function changedPaths(
  cwd: string,
  base: string,
  head: string | null,
  options: GitOptions = {},
): Promise<string[]> {
  assertSafeRev(base);
  if (head !== null) assertSafeRev(head);
  const args = [
    "diff",
    "--name-only",
    "-z",
    "--no-renames",
    "--end-of-options",
    base,
    ...(head ? [head] : []),
    "--",
  ];
  const result = await run(cwd, args, options);
  if (result.code !== 0) throw new GitError("git diff failed", args, result.code, result.stderr);
  const paths = result.stdout.toString("utf8").split("\0").filter(Boolean);
  if (head === null) {
    const untracked = await run(
      cwd,
      ["ls-files", "-z", "--others", "--exclude-standard", "--full-name", "--", ":/"],
      options,
    );
    if (untracked.code === 0) paths.push(...untracked.stdout.toString("utf8").split("\0").filter(Boolean));
  }
  return paths;
}

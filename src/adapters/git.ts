// Git adapter: read files at revisions with ONE `git cat-file --batch` process, list files at
// a revision with one `git ls-tree`, and the few plumbing questions the action asks (does this
// commit exist here, fetch it, merge base). Every command is an argument array (no shell);
// revisions and paths, which a pull request controls, are checked and never reach git as options.
// Needs git 2.24 or later (`--end-of-options`).
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
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

function assertSafeRev(rev: string): void {
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

function assertRepoPath(path: string): void {
  if (!isRepoPath(path)) throw new TypeError(`not a repository-relative path: ${JSON.stringify(path)}`);
}

// ---------------------------------------------------------------------------------------------
// Running git

// Variables that would make git use another repository than the one in cwd.
const REPO_SELECTING_VARS = ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_PREFIX"];

// Secrets git has no use for: the action's inputs (the GitHub and Cloudflare tokens among them)
// and the Cloudflare credentials of the CLI. A child process never sees them.
const SECRET_VARS = ["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_API_KEY", "CF_API_TOKEN", "CF_API_KEY"];

function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
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

function lastLines(text: string, max = 2000): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `…${trimmed.slice(-max)}` : trimmed;
}

/** Runs git; resolves with the exit code (never rejects for a non-zero exit). */
function run(
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
 * {@link listFilesAtRev} with each file's mode and blob id, so that {@link GitFileReader.read}
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
// Reading files: one `git cat-file --batch` process for every request

export interface FileRequest {
  /** A commit SHA or a safe revision (`HEAD`, `origin/main`, `HEAD~1`). */
  rev: string;
  /** Repository-relative path. */
  path: string;
}

export type FileStatus =
  /** `content` holds the text (symlinks inside the repository are followed). */
  | "file"
  /** Nothing at that path in that revision (also a dangling symlink). */
  | "missing"
  /** A directory, a submodule, a symlink leading out of the repository or in a loop. */
  | "not-a-file"
  /** Larger than `maxFileBytes`; not read. */
  | "too-large";

export interface FileAtRev {
  rev: string;
  path: string;
  status: FileStatus;
  /** The text for status `file`, otherwise null. */
  content: string | null;
  /** Size in bytes when git told it. */
  size?: number;
}

export interface ReaderOptions extends GitOptions {
  /** Files above this many bytes are answered `too-large` without being held (default 16 MiB). */
  maxFileBytes?: number;
}

type BatchAnswer =
  | { kind: "object"; type: string; size: number; content: Buffer | null }
  | { kind: "missing" }
  | { kind: "symlink"; what: string; size: number };

interface PendingRequest {
  name: string;
  maxBytes: number;
  resolve(answer: BatchAnswer): void;
  reject(error: Error): void;
}

const EMPTY = Buffer.alloc(0);
const utf8 = new TextDecoder("utf-8");
const HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) ([a-z]+) (\d+)$/;
const SYMLINK_HEADER = /^(dangling|loop|notdir|symlink) (\d+)$/;

/**
 * A long-lived `git cat-file --batch --follow-symlinks` process. Requests are written as they
 * come and answered in order (the output protocol is `<oid> <type> <size>\n<content>\n`, or
 * `<name> missing\n`, or for symlinks `<dangling|loop|notdir|symlink> <size>\n<data>\n`).
 * Before the first read at a revision the reader checks, in the same process, that the revision
 * exists: a revision missing from a shallow clone rejects with {@link MissingRevisionError}
 * instead of making every file look absent.
 */
export class GitFileReader {
  readonly cwd: string;
  private readonly options: ReaderOptions;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: PendingRequest[] = [];
  private readonly revChecks = new Map<string, Promise<void>>();
  private buffer: Buffer = EMPTY;
  private body:
    | {
        answer: { type: string; size: number } | { what: string; size: number };
        left: number;
        keep: boolean;
        parts: Buffer[];
      }
    | undefined;
  private failure: Error | undefined;
  private stderr = "";
  private readonly exited: Promise<void>;
  private closing = false;

  constructor(cwd: string, options: ReaderOptions = {}) {
    this.cwd = cwd;
    this.options = options;
    const args = ["cat-file", "--batch", "--follow-symlinks"];
    this.child = spawn(options.git ?? "git", args, { cwd, env: gitEnv(), stdio: ["pipe", "pipe", "pipe"] });
    this.exited = new Promise((resolve) => {
      this.child.on("close", (code) => {
        if (this.queue.length > 0 || (!this.closing && !this.failure)) {
          this.fail(new GitError(`git cat-file exited (${code})`, args, code, lastLines(this.stderr)));
        }
        resolve();
      });
    });
    this.child.on("error", (error) =>
      this.fail(new GitError(`cannot run git: ${error.message}`, args, null, "")),
    );
    this.child.stdin.on("error", () => {
      // EPIPE after the process died; the close handler reports it.
    });
    this.child.stderr.setEncoding("utf8");
    this.child.stderr.on("data", (chunk: string) => {
      if (this.stderr.length < 64 * 1024) this.stderr += chunk;
    });
    this.child.stdout.on("data", (chunk: Buffer) => this.onData(chunk));
  }

  /**
   * Reads one file. Pipelined: many reads may be outstanding at once. `oid`, the blob id of a
   * regular file at that path in that revision ({@link listTreeFilesAtRev}), reads it by id
   * without resolving the path again; never pass one for a symbolic link (it would not be followed).
   */
  read(rev: string, path: string, oid?: string): Promise<FileAtRev> {
    assertSafeRev(rev);
    assertRepoPath(path);
    if (oid !== undefined && !isFullSha(oid)) throw new TypeError(`not an object id: ${JSON.stringify(oid)}`);
    if (this.closing) return Promise.reject(new GitError("reader is closed", [], null, ""));
    const check = this.checkRev(rev);
    if (path.includes("\n") && oid === undefined) {
      // The batch protocol is line-based; such a path gets its own process.
      return check.then(() => this.readAlone(rev, path));
    }
    const answer = this.request(oid ?? `${rev}:${path}`);
    // If the revision check fails first, this answer is never awaited: keep it from being unhandled.
    answer.catch(() => {});
    return check.then(() => answer).then((a) => this.toFile(rev, path, a));
  }

  /** Reads many files; the answers are in the order of the requests. */
  readAll(requests: readonly FileRequest[]): Promise<FileAtRev[]> {
    return Promise.all(requests.map((r) => this.read(r.rev, r.path)));
  }

  /** Ends the process after the outstanding reads are answered. */
  async close(): Promise<void> {
    if (!this.closing) {
      this.closing = true;
      this.child.stdin.end();
    }
    await this.exited;
  }

  private checkRev(rev: string): Promise<void> {
    let check = this.revChecks.get(rev);
    if (!check) {
      check = this.request(`${rev}^{tree}`).then((answer) => {
        if (answer.kind !== "object" || answer.type !== "tree") {
          throw new MissingRevisionError(rev, ["cat-file", "--batch"]);
        }
      });
      // Avoid an unhandled rejection when nobody awaits this particular promise yet.
      check.catch(() => {});
      this.revChecks.set(rev, check);
    }
    return check;
  }

  private toFile(rev: string, path: string, answer: BatchAnswer): FileAtRev {
    if (answer.kind === "missing") return { rev, path, status: "missing", content: null };
    if (answer.kind === "symlink") {
      const status = answer.what === "dangling" || answer.what === "notdir" ? "missing" : "not-a-file";
      return { rev, path, status, content: null };
    }
    if (answer.type !== "blob") return { rev, path, status: "not-a-file", content: null, size: answer.size };
    if (answer.content === null) return { rev, path, status: "too-large", content: null, size: answer.size };
    return { rev, path, status: "file", content: utf8.decode(answer.content), size: answer.size };
  }

  private request(name: string): Promise<BatchAnswer> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ name, maxBytes: this.options.maxFileBytes ?? 16 * 1024 * 1024, resolve, reject });
      this.child.stdin.write(`${name}\n`);
    });
  }

  private async readAlone(rev: string, path: string): Promise<FileAtRev> {
    const max = this.options.maxFileBytes ?? 16 * 1024 * 1024;
    const size = await run(this.cwd, ["cat-file", "-s", `${rev}:${path}`], this.options);
    const type = await run(this.cwd, ["cat-file", "-t", `${rev}:${path}`], this.options);
    if (size.code !== 0 || type.code !== 0) return { rev, path, status: "missing", content: null };
    const bytes = Number(size.stdout.toString("utf8").trim());
    if (type.stdout.toString("utf8").trim() !== "blob")
      return { rev, path, status: "not-a-file", content: null };
    if (bytes > max) return { rev, path, status: "too-large", content: null, size: bytes };
    const blob = await run(this.cwd, ["cat-file", "blob", `${rev}:${path}`], this.options);
    if (blob.code !== 0) return { rev, path, status: "missing", content: null };
    return { rev, path, status: "file", content: utf8.decode(blob.stdout), size: bytes };
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.queue.splice(0)) pending.reject(this.failure);
    if (this.child.exitCode === null) this.child.kill("SIGKILL");
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    try {
      this.drain();
    } catch (error) {
      this.fail(error as Error);
    }
  }

  private drain(): void {
    for (;;) {
      if (this.body) {
        const body = this.body;
        if (body.left > 0) {
          const n = Math.min(body.left, this.buffer.length);
          if (n === 0) return;
          if (body.keep) body.parts.push(this.buffer.subarray(0, n));
          this.buffer = this.buffer.subarray(n);
          body.left -= n;
          if (body.left > 0) return;
        }
        if (this.buffer.length === 0) return;
        if (this.buffer[0] !== 0x0a)
          throw new GitError("git cat-file: object not followed by a newline", [], null, "");
        this.buffer = this.buffer.subarray(1);
        this.body = undefined;
        const pending = this.queue.shift()!;
        const a = body.answer;
        if ("type" in a) {
          pending.resolve({
            kind: "object",
            type: a.type,
            size: a.size,
            content: body.keep ? Buffer.concat(body.parts) : null,
          });
        } else {
          pending.resolve({ kind: "symlink", what: a.what, size: a.size });
        }
        continue;
      }
      const pending = this.queue[0];
      if (!pending) {
        if (this.buffer.length > 0)
          throw new GitError("git cat-file printed an answer nobody asked for", [], null, "");
        return;
      }
      const lf = this.buffer.indexOf(0x0a);
      if (lf === -1) {
        if (this.buffer.length > pending.name.length + 4096) {
          throw new GitError("git cat-file: header line too long", [], null, "");
        }
        return;
      }
      const line = this.buffer.subarray(0, lf).toString("utf8");
      this.buffer = this.buffer.subarray(lf + 1);
      if (line === `${pending.name} missing` || line === `${pending.name} ambiguous`) {
        this.queue.shift();
        pending.resolve({ kind: "missing" });
        continue;
      }
      const object = HEADER.exec(line);
      if (object) {
        const size = Number(object[3]);
        const type = object[2]!;
        this.body = {
          answer: { type, size },
          left: size,
          keep: type === "blob" && size <= pending.maxBytes,
          parts: [],
        };
        continue;
      }
      const link = SYMLINK_HEADER.exec(line);
      if (link) {
        this.body = {
          answer: { what: link[1]!, size: Number(link[2]) },
          left: Number(link[2]),
          keep: false,
          parts: [],
        };
        continue;
      }
      throw new GitError(
        `git cat-file: unexpected answer ${JSON.stringify(line.slice(0, 200))}`,
        [],
        null,
        "",
      );
    }
  }
}

/**
 * Reads every requested file with one `git cat-file --batch` process; answers in request order.
 * Throws {@link MissingRevisionError} when a revision is not in the repository.
 */
export async function readFilesAtRevs(
  cwd: string,
  requests: readonly FileRequest[],
  options: ReaderOptions = {},
): Promise<FileAtRev[]> {
  for (const r of requests) {
    assertSafeRev(r.rev);
    assertRepoPath(r.path);
  }
  if (requests.length === 0) return [];
  const reader = new GitFileReader(cwd, options);
  try {
    return await reader.readAll(requests);
  } finally {
    await reader.close();
  }
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

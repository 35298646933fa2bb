// Git adapter, reading files: ONE long-lived `git cat-file --batch` process answers every read of
// a run (by path at a revision, or by blob id), pipelined. Revisions and paths, which a pull
// request controls, are checked before they reach git (see git.ts).
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import {
  assertRepoPath,
  assertSafeRev,
  GitError,
  type GitOptions,
  gitEnv,
  isFullSha,
  lastLines,
  MissingRevisionError,
  run,
} from "./git.ts";

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

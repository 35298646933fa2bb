import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  isRedirectFile
} from "./chunk-ZXZLHMUF.js";
import {
  DEFAULT_MAX_SOURCE_BYTES,
  SourceReadError,
  createSourceReader,
  toRepoPatterns
} from "./chunk-27Y2JU4L.js";
import {
  GitError,
  MissingRevisionError,
  assertRepoPath,
  assertSafeRev,
  changedPaths,
  defaultBase,
  gitEnv,
  isFullSha,
  isGitRepo,
  isRegularFile,
  lastLines,
  listIndexSymlinks,
  listTreeFilesAtRev,
  listWorkingTreeFiles,
  resolveRev,
  run,
  showToplevel
} from "./chunk-KDC7SQTS.js";
import {
  selectConfigPaths
} from "./chunk-PQ7QJ6BL.js";
import {
  UsageError
} from "./chunk-MENN5CMZ.js";

// src/adapters/repository.ts
import { realpathSync, statSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";

// src/adapters/git-blobs.ts
import { spawn } from "node:child_process";
var EMPTY = Buffer.alloc(0);
var utf8 = new TextDecoder("utf-8");
var HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) ([a-z]+) (\d+)$/;
var SYMLINK_HEADER = /^(dangling|loop|notdir|symlink) (\d+)$/;
var GitFileReader = class {
  cwd;
  options;
  child;
  queue = [];
  revChecks = /* @__PURE__ */ new Map();
  buffer = EMPTY;
  body;
  failure;
  stderr = "";
  exited;
  closing = false;
  constructor(cwd, options = {}) {
    this.cwd = cwd;
    this.options = options;
    const args = ["cat-file", "--batch", "--follow-symlinks"];
    this.child = spawn(options.git ?? "git", args, { cwd, env: gitEnv(), stdio: ["pipe", "pipe", "pipe"] });
    this.exited = new Promise((resolve) => {
      this.child.on("close", (code) => {
        if (this.queue.length > 0 || !this.closing && !this.failure) {
          this.fail(new GitError(`git cat-file exited (${code})`, args, code, lastLines(this.stderr)));
        }
        resolve();
      });
    });
    this.child.on(
      "error",
      (error) => this.fail(new GitError(`cannot run git: ${error.message}`, args, null, ""))
    );
    this.child.stdin.on("error", () => {
    });
    this.child.stderr.setEncoding("utf8");
    this.child.stderr.on("data", (chunk) => {
      if (this.stderr.length < 64 * 1024) this.stderr += chunk;
    });
    this.child.stdout.on("data", (chunk) => this.onData(chunk));
  }
  /**
   * Reads one file. Pipelined: many reads may be outstanding at once. `oid`, the blob id of a
   * regular file at that path in that revision ({@link listTreeFilesAtRev}), reads it by id
   * without resolving the path again; never pass one for a symbolic link (it would not be followed).
   */
  read(rev, path, oid) {
    assertSafeRev(rev);
    assertRepoPath(path);
    if (oid !== void 0 && !isFullSha(oid)) throw new TypeError(`not an object id: ${JSON.stringify(oid)}`);
    if (this.closing) return Promise.reject(new GitError("reader is closed", [], null, ""));
    const check = this.checkRev(rev);
    if (path.includes("\n") && oid === void 0) {
      return check.then(() => this.readAlone(rev, path));
    }
    const answer = this.request(oid ?? `${rev}:${path}`);
    answer.catch(() => {
    });
    return check.then(() => answer).then((a) => this.toFile(rev, path, a));
  }
  /** Reads many files; the answers are in the order of the requests. */
  readAll(requests) {
    return Promise.all(requests.map((r) => this.read(r.rev, r.path)));
  }
  /** Ends the process after the outstanding reads are answered. */
  async close() {
    if (!this.closing) {
      this.closing = true;
      this.child.stdin.end();
    }
    await this.exited;
  }
  checkRev(rev) {
    let check = this.revChecks.get(rev);
    if (!check) {
      check = this.request(`${rev}^{tree}`).then((answer) => {
        if (answer.kind !== "object" || answer.type !== "tree") {
          throw new MissingRevisionError(rev, ["cat-file", "--batch"]);
        }
      });
      check.catch(() => {
      });
      this.revChecks.set(rev, check);
    }
    return check;
  }
  toFile(rev, path, answer) {
    if (answer.kind === "missing") return { rev, path, status: "missing", content: null };
    if (answer.kind === "symlink") {
      const status = answer.what === "dangling" || answer.what === "notdir" ? "missing" : "not-a-file";
      return { rev, path, status, content: null };
    }
    if (answer.type !== "blob") return { rev, path, status: "not-a-file", content: null, size: answer.size };
    if (answer.content === null) return { rev, path, status: "too-large", content: null, size: answer.size };
    return { rev, path, status: "file", content: utf8.decode(answer.content), size: answer.size };
  }
  request(name) {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ name, maxBytes: this.options.maxFileBytes ?? 16 * 1024 * 1024, resolve, reject });
      this.child.stdin.write(`${name}
`);
    });
  }
  async readAlone(rev, path) {
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
  fail(error) {
    this.failure ??= error;
    for (const pending of this.queue.splice(0)) pending.reject(this.failure);
    if (this.child.exitCode === null) this.child.kill("SIGKILL");
  }
  onData(chunk) {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    try {
      this.drain();
    } catch (error) {
      this.fail(error);
    }
  }
  drain() {
    for (; ; ) {
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
        if (this.buffer[0] !== 10)
          throw new GitError("git cat-file: object not followed by a newline", [], null, "");
        this.buffer = this.buffer.subarray(1);
        this.body = void 0;
        const pending2 = this.queue.shift();
        const a = body.answer;
        if ("type" in a) {
          pending2.resolve({
            kind: "object",
            type: a.type,
            size: a.size,
            content: body.keep ? Buffer.concat(body.parts) : null
          });
        } else {
          pending2.resolve({ kind: "symlink", what: a.what, size: a.size });
        }
        continue;
      }
      const pending = this.queue[0];
      if (!pending) {
        if (this.buffer.length > 0)
          throw new GitError("git cat-file printed an answer nobody asked for", [], null, "");
        return;
      }
      const lf = this.buffer.indexOf(10);
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
        const type = object[2];
        this.body = {
          answer: { type, size },
          left: size,
          keep: type === "blob" && size <= pending.maxBytes,
          parts: []
        };
        continue;
      }
      const link = SYMLINK_HEADER.exec(line);
      if (link) {
        this.body = {
          answer: { what: link[1], size: Number(link[2]) },
          left: Number(link[2]),
          keep: false,
          parts: []
        };
        continue;
      }
      throw new GitError(
        `git cat-file: unexpected answer ${JSON.stringify(line.slice(0, 200))}`,
        [],
        null,
        ""
      );
    }
  }
};

// src/adapters/repository.ts
async function readRevisionFiles(options) {
  const lookUp = (rev) => rev === null ? null : resolveRev(options.cwd, rev).catch(() => null);
  const [isRepo, root, headSha, baseSha] = await Promise.all([
    isGitRepo(options.cwd),
    showToplevel(options.cwd).catch(() => null),
    lookUp(options.head),
    lookUp(options.base)
  ]);
  if (!isRepo) {
    throw new UsageError(
      `${options.cwd} is not in a git repository (check needs one; use diff for two files)`
    );
  }
  if (!root) throw new UsageError(`${options.cwd} has no git work tree`);
  const headRev = options.head === null ? null : headSha ?? notARevision(options.head, "--head");
  const baseFallback = options.base !== null && !baseSha ? options.baseFallback : void 0;
  const baseRev = baseFallback ? null : options.base === null ? await defaultBaseRev(root, headRev) : baseSha ?? notARevision(options.base, "--base");
  const patterns = options.paths.flatMap((p) => toRepoPatterns(root, options.cwd, p));
  const reader = new GitFileReader(root, { maxFileBytes: DEFAULT_MAX_SOURCE_BYTES });
  try {
    const [headTree, workingTree, baseTree, changedList] = await Promise.all([
      headRev === null ? null : listTreeFilesAtRev(root, headRev, () => true),
      headRev === null ? listWorkingTreeFiles(root, () => true) : null,
      baseRev === null ? null : listTreeFilesAtRev(root, baseRev, () => true),
      baseRev === null ? null : changedPaths(root, baseRev, headRev)
    ]);
    const linkedFrom = /* @__PURE__ */ new Map();
    const [headFiles, baseFiles] = await Promise.all([
      headRev === null || headTree === null ? headTree : withLinkedDirs(reader, headRev, headTree, linkedFrom),
      baseRev === null || baseTree === null ? baseTree : withLinkedDirs(reader, baseRev, baseTree, linkedFrom)
    ]);
    const headPaths = workingTree === null ? (headFiles ?? []).map((f) => f.path) : await withLinkedWorkingDirs(root, workingTree, linkedFrom);
    const basePaths = baseFallback ? headPaths : baseFiles === null ? [] : baseFiles.map((f) => f.path);
    const blobIds = (files) => new Map((files ?? []).filter(isRegularFile).map((f) => [f.path, f.oid]));
    const headBlobs = blobIds(headFiles);
    const baseBlobs = blobIds(baseFiles);
    const headSet = new Set(headPaths);
    const baseSet = new Set(basePaths);
    const readHeadSource = headRev === null ? createSourceReader(root) : async (path) => headSet.has(path) ? (await reader.read(headRev, path, headBlobs.get(path))).content ?? null : null;
    const readBaseSource = baseRev === null ? null : async (path) => baseSet.has(path) ? (await reader.read(baseRev, path, baseBlobs.get(path))).content ?? null : null;
    const reads = /* @__PURE__ */ new Map();
    const readAt = (rev, file) => {
      if (rev === null) return readWorkingTreeConfig(readHeadSource, file);
      const oid = (rev === headRev ? headBlobs : baseBlobs).get(file);
      if (oid === void 0) return readConfigAtRev(reader, rev, file);
      let read = reads.get(oid);
      if (!read) {
        read = readConfigAtRev(reader, rev, file, oid);
        reads.set(oid, read);
      }
      return read;
    };
    const readConfig = (side, file) => {
      if (side === "head") return headSet.has(file) ? readAt(headRev, file).catch(asUsageError) : NO_READ;
      if (baseFallback) return baseFallback(file).then((text) => ({ text, unreadable: null }));
      return baseRev !== null && baseSet.has(file) ? readAt(baseRev, file).catch(asUsageError) : NO_READ;
    };
    return {
      root,
      baseRev,
      headRev,
      patterns,
      headPaths,
      basePaths,
      listed: /* @__PURE__ */ new Set([
        ...(headTree ?? []).map((f) => f.path),
        ...(baseTree ?? []).map((f) => f.path),
        ...workingTree ?? []
      ]),
      linkedFrom,
      changed: new Set(changedList ?? headPaths),
      readConfig,
      readHeadSource,
      readBaseSource,
      close: () => reader.close()
    };
  } catch (error) {
    await reader.close();
    return asUsageError(error);
  }
}
function asUsageError(error) {
  if (error instanceof MissingRevisionError) {
    throw new UsageError(`revision ${error.rev} is not in this repository (a shallow clone? fetch it first)`);
  }
  throw error;
}
async function readWorkingTreeConfigs(cwd) {
  const [isRepo, root] = await Promise.all([
    isGitRepo(cwd),
    showToplevel(cwd).catch(() => null)
  ]);
  if (!isRepo || !root) return null;
  const paths = selectConfigPaths(await listWorkingTreeFiles(root, () => true), []);
  const read = createSourceReader(root);
  const configs = [];
  for (const path of paths) {
    const { text } = await readWorkingTreeConfig(read, path);
    if (text !== null) configs.push({ path, text });
  }
  return { root, configs };
}
var NO_FILE = { text: null, unreadable: null };
var NO_READ = Promise.resolve(NO_FILE);
async function readConfigAtRev(reader, rev, path, oid) {
  const file = await reader.read(rev, path, oid);
  switch (file.status) {
    case "file":
      return { text: file.content, unreadable: null };
    case "missing":
      return NO_FILE;
    case "too-large":
      return {
        text: null,
        unreadable: `${file.size ?? "too many"} bytes, over the size this check reads`
      };
    case "not-a-file":
      return {
        text: null,
        unreadable: "a symbolic link leading out of the repository (or in a loop), which this check does not follow"
      };
  }
}
async function readWorkingTreeConfig(read, path) {
  try {
    return { text: await read(path), unreadable: null };
  } catch (error) {
    if (!(error instanceof SourceReadError)) throw error;
    return { text: null, unreadable: error.message.replace(`refusing ${path}: `, "") };
  }
}
var CONFIG_NAMES = ["wrangler.json", "wrangler.jsonc", "wrangler.toml"];
var MAX_LINKED_DIRS = 1e3;
async function withLinkedDirs(reader, rev, files, linkedFrom) {
  const links = files.filter((f) => f.mode === "120000").slice(0, MAX_LINKED_DIRS);
  if (links.length === 0) return files;
  const deployFiles = files.filter(
    (f) => CONFIG_NAMES.includes(posix.basename(f.path).toLowerCase()) || isRedirectFile(f.path)
  );
  const extra = [];
  const texts = await Promise.all(links.map((link) => reader.read(rev, link.path, link.oid)));
  links.forEach((link, i) => {
    const text = texts[i]?.content;
    if (!text || text.includes("\0") || posix.isAbsolute(text)) return;
    const target = posix.normalize(posix.join(posix.dirname(link.path), text));
    if (target === ".." || target.startsWith("../")) return;
    const prefix = target === "." ? "" : `${target}/`;
    for (const file of deployFiles) {
      if (!file.path.startsWith(prefix)) continue;
      const path = `${link.path}/${file.path.slice(prefix.length)}`;
      extra.push({ path, mode: "120000", oid: file.oid });
      linkedFrom.set(path, file.path);
    }
  });
  if (extra.length === 0) return files;
  const known = new Set(files.map((f) => f.path));
  return [...files, ...extra.filter((f) => !known.has(f.path))];
}
async function withLinkedWorkingDirs(root, files, linkedFrom) {
  const links = (await listIndexSymlinks(root)).slice(0, MAX_LINKED_DIRS);
  if (links.length === 0) return [...files];
  const top = realpathSync(root);
  const known = new Set(files);
  const extra = [];
  for (const link of links) {
    let real;
    try {
      real = realpathSync(join(root, link));
      if (!statSync(real).isDirectory()) continue;
    } catch {
      continue;
    }
    const rel = relative(top, real);
    if (rel.startsWith(`..${sep}`) || rel === "..") continue;
    for (const name of [...CONFIG_NAMES, ".wrangler/deploy/config.json"]) {
      const path = `${link}/${name}`;
      if (known.has(path)) continue;
      try {
        if (statSync(join(real, name)).isFile()) {
          extra.push(path);
          linkedFrom.set(path, posix.join(rel.split(sep).join("/"), name));
        }
      } catch {
      }
    }
  }
  return [...files, ...extra];
}
function notARevision(rev, flag) {
  throw new UsageError(`${flag} ${JSON.stringify(rev)} is not a revision in this repository`);
}
async function defaultBaseRev(root, head) {
  return (await defaultBase(root, head ?? "HEAD", {}, head !== null))?.sha ?? null;
}

export {
  readRevisionFiles,
  readWorkingTreeConfigs
};

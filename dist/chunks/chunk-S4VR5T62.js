import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  UsageError,
  analyzeFiles,
  envLabel,
  q,
  replayLifecycle,
  reportFor
} from "./chunk-MD4CLJQN.js";
import {
  CATALOGUE
} from "./chunk-4GONIQ6R.js";

// src/adapters/repository.ts
import { statSync } from "node:fs";
import { posix as posix2, relative as relative2, resolve as resolve2, sep as sep2 } from "node:path";

// src/core/analyze/code-exports.ts
import { posix } from "node:path";
function workerEntryPath(worker) {
  if (!worker.main) return null;
  return posix.normalize(posix.join(posix.dirname(worker.file), worker.main));
}
function codeFindings(analyses, exportsOf) {
  const out = [];
  for (const analysis of analyses) {
    for (const worker of analysis.headWorkers) {
      const live = [...replayLifecycle(worker.lifecycle).classes.values()];
      const liveNames = live.filter((c) => c.status === "live");
      const mine = analysis.findings.filter((f) => f.env === worker.env && f.introduced);
      const createdNow = new Set(mine.filter((f) => f.kind === "class-created").flatMap((f) => f.classes));
      const deletedNow = mine.filter((f) => f.kind === "class-deleted");
      if (liveNames.length === 0 && deletedNow.length === 0) continue;
      const entry = workerEntryPath(worker);
      const exports = entry ? exportsOf(entry) : void 0;
      const base = { worker, entry: entry ?? "(no main)" };
      if (!entry) {
        out.push(
          finding(base, "exports-unknown", [], null, {
            message: `${whose(worker)} has no \`main\`, so the classes its code exports cannot be checked.`,
            fix: "Set `main` to the Worker's entry module to let this check run."
          })
        );
        continue;
      }
      if (!exports) continue;
      if (exports.status === "unknown") {
        out.push(
          finding(base, "exports-unknown", [], null, {
            message: `The export names of ${whose(worker)}'s entry ${q(entry)} could not be determined: ${exports.message}`,
            fix: "Nothing to do if the deploy builds the entry; this check only reads source files and never runs a build."
          })
        );
        continue;
      }
      const exported = (name) => exports.names.has(name);
      for (const state of liveNames) {
        if (exported(state.className)) continue;
        const created = createdNow.has(state.className);
        out.push(
          finding(
            base,
            created ? "created-class-not-exported" : "class-not-exported",
            [state.className],
            state,
            {
              message: created ? `Class ${q(state.className)} is created in ${envLabel(worker.env)} but ${q(entry)} does not export it: the deploy fails with code 10070 (new-class migration for a class not exported).` : `Class ${q(state.className)} still has a Durable Object namespace in ${envLabel(worker.env)}, but ${q(entry)} does not export it: the deploy fails with code 10064 ("does not export class ... depended on by existing Durable Objects").`,
              fix: created ? `Export ${q(state.className)} from ${q(entry)} (\`export class ${state.className} ...\` or re-export it).` : `Keep exporting ${q(state.className)} (a stub class is enough) until a delete migration has been applied; if its data should go, delete it with the two-phase deploy.`
            }
          )
        );
      }
      for (const deletion of deletedNow) {
        const gone = deletion.classes.filter((c) => !exported(c));
        if (gone.length === 0) continue;
        out.push({
          ...finding(base, "deleted-class-still-needed", gone, null, {
            message: `${gone.map(q).join(", ")} ${gone.length === 1 ? "is" : "are"} deleted, and ${q(entry)} no longer exports ${gone.length === 1 ? "it" : "them"}. Phase 1 of the two-phase deploy (bindings removed, delete held back) still needs the class exported, or it fails with code 10064.`,
            fix: "Nothing to do with `mode: deploy`: phase 1 supplies a minimal stand-in export. Deploying by hand, keep a stub `export class ... {}` until the delete has applied."
          }),
          line: deletion.line,
          tag: deletion.tag
        });
      }
    }
  }
  return out;
}
function whose(worker) {
  return worker.name ? `Worker ${q(worker.name)}` : `the Worker of ${envLabel(worker.env)}`;
}
function finding(at, kind, classes, state, text) {
  const entry = CATALOGUE[kind];
  return {
    code: entry.code,
    kind,
    severity: entry.severity,
    dataLoss: false,
    classes,
    worker: at.worker.name,
    env: at.worker.env,
    file: at.worker.file,
    line: state?.line ?? at.worker.envLine,
    tag: state?.tag ?? null,
    message: text.message,
    fix: text.fix,
    introduced: true
  };
}

// src/core/discover.ts
var CONFIG_NAME = /(^|\/)wrangler(\.[\w-]+)*\.(toml|json|jsonc)$/i;
var SKIPPED_DIR = /(^|\/)(node_modules|\.git|\.wrangler|dist|\.output|\.next|\.svelte-kit|coverage)\//;
function isWranglerConfigPath(path) {
  return CONFIG_NAME.test(path) && !SKIPPED_DIR.test(path);
}
function globToRegExp(glob) {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === "*" && glob[i + 1] === "*") {
      out += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (ch === "*") out += "[^/]*";
    else if (ch === "?") out += "[^/]";
    else out += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}
function selectConfigPaths(allPaths, patterns) {
  const wanted = patterns.map((p) => p.trim().replace(/^\.\//, "")).filter(Boolean);
  if (wanted.length === 0) return allPaths.filter(isWranglerConfigPath).sort();
  const matchers = wanted.map(globToRegExp);
  return allPaths.filter((path) => matchers.some((m) => m.test(path))).sort();
}

// src/adapters/git.ts
import { spawn } from "node:child_process";
import { stat } from "node:fs/promises";
var GitError = class extends Error {
  name = "GitError";
  args;
  exitCode;
  stderr;
  constructor(message, args, exitCode, stderr) {
    super(stderr ? `${message}: ${stderr}` : message);
    this.args = args;
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
};
var MissingRevisionError = class extends GitError {
  name = "MissingRevisionError";
  rev;
  constructor(rev, args) {
    super(`revision ${rev} is not in this repository (shallow clone? fetch it first)`, args, null, "");
    this.rev = rev;
  }
};
var FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
var SAFE_REV = /^[A-Za-z0-9_@][A-Za-z0-9_./~^{}@+-]*$/;
function isFullSha(value) {
  return FULL_SHA.test(value);
}
function isSafeRev(rev) {
  return rev.length <= 1024 && SAFE_REV.test(rev) && !rev.includes("..") && !rev.endsWith(".lock");
}
function assertSafeRev(rev) {
  if (!isSafeRev(rev)) throw new TypeError(`unsafe or malformed revision: ${JSON.stringify(rev)}`);
}
function assertFullSha(sha) {
  if (!isFullSha(sha)) throw new TypeError(`not a full commit SHA: ${JSON.stringify(sha)}`);
}
function isRepoPath(path) {
  if (path === "" || path.includes("\0")) return false;
  return path.split("/").every((s) => s !== "" && s !== "." && s !== "..");
}
function assertRepoPath(path) {
  if (!isRepoPath(path)) throw new TypeError(`not a repository-relative path: ${JSON.stringify(path)}`);
}
var REPO_SELECTING_VARS = ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_PREFIX"];
function gitEnv(extra = {}) {
  const env = { ...process.env, GIT_TERMINAL_PROMPT: "0", ...extra };
  for (const name of REPO_SELECTING_VARS) delete env[name];
  return env;
}
var MAX_STDOUT = 512 * 1024 * 1024;
function lastLines(text, max = 2e3) {
  const trimmed = text.trim();
  return trimmed.length > max ? `\u2026${trimmed.slice(-max)}` : trimmed;
}
function run(cwd, args, options = {}) {
  const git = options.git ?? "git";
  const timeoutMs = options.timeoutMs ?? options.defaultTimeoutMs ?? 6e4;
  return new Promise((resolve3, reject) => {
    const child = spawn(git, args, { cwd, env: gitEnv(options.env), stdio: ["ignore", "pipe", "pipe"] });
    const out = [];
    let outBytes = 0;
    let err = "";
    let failure;
    const timer = setTimeout(() => {
      failure = new GitError(`git ${args[0]} timed out after ${timeoutMs} ms`, args, null, "");
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (chunk) => {
      outBytes += chunk.length;
      if (outBytes > MAX_STDOUT) {
        failure ??= new GitError(`git ${args[0]} printed more than ${MAX_STDOUT} bytes`, args, null, "");
        child.kill("SIGKILL");
        return;
      }
      out.push(chunk);
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk) => {
      if (err.length < 64 * 1024) err += chunk;
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new GitError(`cannot run ${git}: ${error.message}`, args, null, ""));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else resolve3({ code, stdout: Buffer.concat(out), stderr: lastLines(err) });
    });
  });
}
async function isGitRepo(cwd, options = {}) {
  try {
    if (!(await stat(cwd)).isDirectory()) return false;
  } catch {
    return false;
  }
  const result = await run(cwd, ["rev-parse", "--git-dir"], options);
  return result.code === 0;
}
async function resolveRev(cwd, rev, options = {}) {
  if (!isSafeRev(rev)) return null;
  const result = await run(
    cwd,
    ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`],
    options
  );
  const sha = result.stdout.toString("utf8").trim();
  return result.code === 0 && isFullSha(sha) ? sha.toLowerCase() : null;
}
async function hasCommit(cwd, sha, options = {}) {
  assertFullSha(sha);
  const result = await run(cwd, ["cat-file", "-e", `${sha}^{commit}`], {
    ...options,
    env: { GIT_NO_LAZY_FETCH: "1" }
  });
  return result.code === 0;
}
function redactUrls(text) {
  return text.replace(/(\/\/)[^/@\s]+@/g, "$1***@");
}
async function fetchCommit(cwd, remote, sha, options = {}) {
  assertFullSha(sha);
  const hasControl = [...remote].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127);
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
    sha
  ];
  let result;
  try {
    result = await run(cwd, args, {
      ...options,
      defaultTimeoutMs: 12e4,
      env: { GCM_INTERACTIVE: "never" }
    });
  } catch (error) {
    return { fetched: false, message: redactUrls(error.message) };
  }
  if (result.code !== 0) {
    return { fetched: false, message: redactUrls(result.stderr || `git fetch exited with ${result.code}`) };
  }
  if (!await hasCommit(cwd, sha, options)) {
    return { fetched: false, message: `git fetch succeeded but ${sha} is still missing` };
  }
  return { fetched: true };
}
async function mergeBase(cwd, a, b, options = {}) {
  if (!isSafeRev(a) || !isSafeRev(b)) return null;
  const result = await run(cwd, ["merge-base", "--end-of-options", a, b], options);
  const sha = result.stdout.toString("utf8").trim();
  return result.code === 0 && isFullSha(sha) ? sha.toLowerCase() : null;
}
async function listFilesAtRev(cwd, rev, matcher, options = {}) {
  assertSafeRev(rev);
  const args = ["ls-tree", "-r", "-z", "--full-tree", "--end-of-options", rev];
  const result = await run(cwd, args, options);
  if (result.code !== 0) {
    if (await resolveRev(cwd, rev, options) === null) throw new MissingRevisionError(rev, args);
    throw new GitError("git ls-tree failed", args, result.code, result.stderr);
  }
  const paths = [];
  for (const record of result.stdout.toString("utf8").split("\0")) {
    if (record === "") continue;
    const tab = record.indexOf("	");
    const [, type] = record.slice(0, tab).split(" ");
    const path = record.slice(tab + 1);
    if (tab === -1 || type !== "blob") continue;
    if (matcher(path)) paths.push(path);
  }
  return paths;
}
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
    this.exited = new Promise((resolve3) => {
      this.child.on("close", (code) => {
        if (this.queue.length > 0 || !this.closing && !this.failure) {
          this.fail(new GitError(`git cat-file exited (${code})`, args, code, lastLines(this.stderr)));
        }
        resolve3();
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
  /** Reads one file. Pipelined: many reads may be outstanding at once. */
  read(rev, path) {
    assertSafeRev(rev);
    assertRepoPath(path);
    if (this.closing) return Promise.reject(new GitError("reader is closed", [], null, ""));
    const check = this.checkRev(rev);
    if (path.includes("\n")) {
      return check.then(() => this.readAlone(rev, path));
    }
    const answer = this.request(`${rev}:${path}`);
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
    return new Promise((resolve3, reject) => {
      this.queue.push({ name, maxBytes: this.options.maxFileBytes ?? 16 * 1024 * 1024, resolve: resolve3, reject });
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
async function showToplevel(cwd, options = {}) {
  const result = await run(cwd, ["rev-parse", "--show-toplevel"], options);
  const dir = result.stdout.toString("utf8").trim();
  return result.code === 0 && dir ? dir : null;
}
async function listWorkingTreeFiles(cwd, matcher, options = {}) {
  const args = ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--full-name", "--", ":/"];
  const result = await run(cwd, args, options);
  if (result.code !== 0) throw new GitError("git ls-files failed", args, result.code, result.stderr);
  const paths = result.stdout.toString("utf8").split("\0").filter(Boolean);
  return [...new Set(paths)].filter(matcher);
}
async function changedPaths(cwd, base, head, options = {}) {
  assertSafeRev(base);
  if (head !== null) assertSafeRev(head);
  const args = [
    "diff",
    "--name-only",
    "-z",
    "--no-renames",
    "--end-of-options",
    base,
    ...head ? [head] : [],
    "--"
  ];
  const result = await run(cwd, args, options);
  if (result.code !== 0) throw new GitError("git diff failed", args, result.code, result.stderr);
  const paths = result.stdout.toString("utf8").split("\0").filter(Boolean);
  if (head === null) {
    const untracked = await run(
      cwd,
      ["ls-files", "-z", "--others", "--exclude-standard", "--full-name", "--", ":/"],
      options
    );
    if (untracked.code === 0) paths.push(...untracked.stdout.toString("utf8").split("\0").filter(Boolean));
  }
  return paths;
}

// src/adapters/source-files.ts
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
var DEFAULT_MAX_SOURCE_BYTES = 1024 * 1024;
var SourceReadError = class extends Error {
  name = "SourceReadError";
};
function createSourceReader(rootDir, options = {}) {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SOURCE_BYTES;
  const root = realpathSync(rootDir);
  const inside = (path) => {
    const rel = relative(root, path);
    return rel === "" || !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
  };
  return (path) => {
    if (path.includes("\0"))
      throw new SourceReadError(`refusing a path with a NUL byte: ${JSON.stringify(path)}`);
    const lexical = resolve(root, path);
    if (!inside(lexical)) throw new SourceReadError(`refusing ${path}: outside the repository`);
    let real;
    try {
      real = realpathSync(lexical);
    } catch (error) {
      if (isMissing(error)) return null;
      throw new SourceReadError(`cannot read ${path}: ${error.message}`);
    }
    if (!inside(real))
      throw new SourceReadError(`refusing ${path}: a symbolic link to outside the repository`);
    let fd;
    try {
      fd = openSync(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (error) {
      if (isMissing(error)) return null;
      throw new SourceReadError(`cannot read ${path}: ${error.message}`);
    }
    try {
      const stat2 = fstatSync(fd);
      if (!stat2.isFile()) return null;
      if (stat2.size > maxBytes) {
        throw new SourceReadError(`refusing ${path}: ${stat2.size} bytes is over the ${maxBytes}-byte limit`);
      }
      return readFileSync(fd, "utf8");
    } finally {
      closeSync(fd);
    }
  };
}
function isMissing(error) {
  const code = error.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

// src/adapters/repository.ts
async function readRepositoryChange(options) {
  if (!await isGitRepo(options.cwd)) {
    throw new UsageError(
      `${options.cwd} is not in a git repository (check needs one; use diff for two files)`
    );
  }
  const root = await showToplevel(options.cwd);
  if (!root) throw new UsageError(`${options.cwd} has no git work tree`);
  const headRev = options.head === null ? null : await mustResolve(root, options.head, "--head");
  const fallback = Boolean(
    options.base !== null && options.baseFallback && !await resolveRev(root, options.base)
  );
  const baseRev = fallback ? null : options.base === null ? await defaultBase(root) : await mustResolve(root, options.base, "--base");
  const patterns = options.paths.map((p) => toRepoPattern(root, options.cwd, p));
  const reader = new GitFileReader(root);
  try {
    const headPaths = headRev === null ? await listWorkingTreeFiles(root, () => true) : await listFilesAtRev(root, headRev, () => true);
    const basePaths = fallback ? headPaths : baseRev === null ? [] : await listFilesAtRev(root, baseRev, () => true);
    const selected = [
      .../* @__PURE__ */ new Set([...selectConfigPaths(headPaths, patterns), ...selectConfigPaths(basePaths, patterns)])
    ].sort();
    const headSet = new Set(headPaths);
    const baseSet = new Set(basePaths);
    const readHeadSource = headRev === null ? createSourceReader(root) : async (path) => headSet.has(path) ? (await reader.read(headRev, path)).content ?? null : null;
    const changes = await Promise.all(
      selected.map(async (file) => {
        const [baseText, headText] = await Promise.all([
          fallback && options.baseFallback ? options.baseFallback(file) : baseRev !== null && baseSet.has(file) ? reader.read(baseRev, file).then((f) => f.content) : null,
          headSet.has(file) ? readHeadSource(file) : null
        ]);
        return { file, baseText, headText };
      })
    );
    const changed = new Set(baseRev === null ? headPaths : await changedPaths(root, baseRev, headRev));
    return { root, baseRev, headRev, changes, changed, readHeadSource, close: () => reader.close() };
  } catch (error) {
    await reader.close();
    if (error instanceof MissingRevisionError) {
      throw new UsageError(
        `revision ${error.rev} is not in this repository (a shallow clone? fetch it first)`
      );
    }
    throw error;
  }
}
async function analyzeRepositoryChange(repo, options = {}) {
  const analyses = analyzeFiles(repo.changes, options);
  const entries = /* @__PURE__ */ new Set();
  for (const analysis of analyses) {
    const touched = analysis.findings.some((f) => f.introduced);
    for (const worker of analysis.headWorkers) {
      const entry = workerEntryPath(worker);
      if (!entry) continue;
      const dir = posix2.dirname(worker.file);
      const codeChanged = [...repo.changed].some(
        (p) => (dir === "." || p.startsWith(`${dir}/`)) && !p.endsWith(".md")
      );
      if (touched || codeChanged) entries.add(entry);
    }
  }
  const resolved = /* @__PURE__ */ new Map();
  const { resolveWorkerExports } = entries.size ? await import("./worker-exports-PWNMTSGF.js") : { resolveWorkerExports: null };
  await Promise.all(
    [...entries].map(async (entry) => {
      if (resolveWorkerExports) resolved.set(entry, await resolveWorkerExports(entry, safeReader(repo.readHeadSource)));
    })
  );
  return reportFor(
    analyses,
    codeFindings(analyses, (entry) => resolved.get(entry))
  );
}
function safeReader(read) {
  return async (path) => {
    try {
      return await read(path);
    } catch (error) {
      throw new Error(`cannot read ${path}: ${error.message}`);
    }
  };
}
async function mustResolve(root, rev, flag) {
  const sha = await resolveRev(root, rev);
  if (!sha) throw new UsageError(`${flag} ${JSON.stringify(rev)} is not a revision in this repository`);
  return sha;
}
async function defaultBase(root) {
  for (const upstream of ["@{upstream}", "origin/HEAD", "origin/main", "origin/master"]) {
    const sha = await resolveRev(root, upstream);
    if (sha) {
      const base = await mergeBase(root, sha, "HEAD");
      if (base) return base;
    }
  }
  return await resolveRev(root, "HEAD~1") ?? await resolveRev(root, "HEAD");
}
function toRepoPattern(root, cwd, path) {
  const absolute = resolve2(cwd, path);
  const rel = relative2(root, absolute).split(sep2).join("/");
  if (rel.startsWith("..")) throw new UsageError(`${path} is outside the repository`);
  if (/[*?]/.test(path)) return rel;
  try {
    if (statSync(absolute).isDirectory()) return rel === "" ? "**/wrangler*.*" : `${rel}/**/wrangler*.*`;
  } catch {
  }
  return rel;
}

export {
  isFullSha,
  hasCommit,
  fetchCommit,
  readRepositoryChange,
  analyzeRepositoryChange
};

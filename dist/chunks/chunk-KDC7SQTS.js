import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

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
var SECRET_VARS = ["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_API_KEY", "CF_API_TOKEN", "CF_API_KEY"];
function gitEnv(extra = {}) {
  const env = { ...process.env, GIT_TERMINAL_PROMPT: "0", ...extra };
  for (const name of [...REPO_SELECTING_VARS, ...SECRET_VARS]) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith("INPUT_")) delete env[name];
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
  return new Promise((resolve, reject) => {
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
      else resolve({ code, stdout: Buffer.concat(out), stderr: lastLines(err) });
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
async function defaultBase(cwd, head = "HEAD", options = {}, headIsCommit = false) {
  const remoteHead = await run(
    cwd,
    ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"],
    options
  );
  const named = remoteHead.code === 0 ? remoteHead.stdout.toString("utf8").trim() : "";
  const candidates = [...isSafeRev(named) ? [named] : [], "origin/main", "origin/master", "main", "master"];
  const headSha = headIsCommit ? await resolveRev(cwd, head, options) : null;
  for (const ref of candidates) {
    if (!await resolveRev(cwd, `refs/${ref.startsWith("origin/") ? "remotes/" : "heads/"}${ref}`, options))
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
async function listTreeFilesAtRev(cwd, rev, matcher, options = {}) {
  assertSafeRev(rev);
  const args = ["ls-tree", "-r", "-z", "--full-tree", "--end-of-options", rev];
  const result = await run(cwd, args, options);
  if (result.code !== 0) {
    if (await resolveRev(cwd, rev, options) === null) throw new MissingRevisionError(rev, args);
    throw new GitError("git ls-tree failed", args, result.code, result.stderr);
  }
  const files = [];
  for (const record of result.stdout.toString("utf8").split("\0")) {
    if (record === "") continue;
    const tab = record.indexOf("	");
    const [mode = "", type, oid = ""] = record.slice(0, tab).split(" ");
    const path = record.slice(tab + 1);
    if (tab === -1 || type !== "blob") continue;
    if (matcher(path)) files.push({ path, mode, oid });
  }
  return files;
}
function isRegularFile(file) {
  return file.mode === "100644" || file.mode === "100755";
}
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
async function listIndexSymlinks(cwd, options = {}) {
  const args = ["ls-files", "-z", "--stage", "--full-name", "--", ":/"];
  const result = await run(cwd, args, options);
  if (result.code !== 0) throw new GitError("git ls-files failed", args, result.code, result.stderr);
  return result.stdout.toString("utf8").split("\0").filter((record) => record.startsWith("120000 ") && record.includes("	")).map((record) => record.slice(record.indexOf("	") + 1));
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

export {
  GitError,
  MissingRevisionError,
  isFullSha,
  assertSafeRev,
  assertRepoPath,
  gitEnv,
  lastLines,
  run,
  isGitRepo,
  resolveRev,
  hasCommit,
  fetchCommit,
  defaultBase,
  listTreeFilesAtRev,
  isRegularFile,
  showToplevel,
  listWorkingTreeFiles,
  listIndexSymlinks,
  changedPaths
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  analyzeFile,
  analyzeFiles,
  codeFindings,
  isRedirectFile,
  pairConfigs,
  redirectTarget,
  redirectedDir,
  reportFor,
  settleRetirements,
  withBaseWorkerIndex,
  workerEntryPath
} from "./chunk-PN7JHV25.js";
import {
  DEFAULT_MAX_SOURCE_BYTES,
  SourceReadError,
  createSourceReader,
  selectConfigPaths,
  toRepoPatterns
} from "./chunk-ATEYP6NA.js";
import {
  GitFileReader,
  MissingRevisionError,
  changedPaths,
  defaultBase,
  isGitRepo,
  isRegularFile,
  listIndexSymlinks,
  listTreeFilesAtRev,
  listWorkingTreeFiles,
  resolveRev,
  showToplevel
} from "./chunk-5DI27VZ3.js";
import {
  UsageError
} from "./chunk-X7T4KLFK.js";
import {
  alreadyAtBase
} from "./chunk-2BJOGL7Q.js";

// src/adapters/repository.ts
import { realpathSync, statSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
async function readRepositoryChange(options) {
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
  const fallback = Boolean(options.base !== null && options.baseFallback && !baseSha);
  const baseRev = fallback ? null : options.base === null ? await defaultBaseRev(root, headRev) : baseSha ?? notARevision(options.base, "--base");
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
    const basePaths = fallback ? headPaths : baseFiles === null ? [] : baseFiles.map((f) => f.path);
    const blobIds = (files) => new Map((files ?? []).filter(isRegularFile).map((f) => [f.path, f.oid]));
    const headBlobs = blobIds(headFiles);
    const baseBlobs = blobIds(baseFiles);
    const selected = [
      .../* @__PURE__ */ new Set([...selectConfigPaths(headPaths, patterns), ...selectConfigPaths(basePaths, patterns)])
    ].sort();
    const headSet = new Set(headPaths);
    const baseSet = new Set(basePaths);
    const selectedDirs = new Set(selected.map((path) => dirOf(path)));
    const redirectPaths = [.../* @__PURE__ */ new Set([...headPaths, ...basePaths])].filter(
      (path) => isRedirectFile(path) && (patterns.length === 0 || selectedDirs.has(redirectedDir(path)))
    ).sort();
    const readHeadSource = headRev === null ? createSourceReader(root) : async (path) => headSet.has(path) ? (await reader.read(headRev, path, headBlobs.get(path))).content ?? null : null;
    const readBaseSource = baseRev === null ? null : async (path) => baseSet.has(path) ? (await reader.read(baseRev, path, baseBlobs.get(path))).content ?? null : null;
    const reads = /* @__PURE__ */ new Map();
    const readConfig = (rev, file) => {
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
    const policyAt = async (side) => {
      for (const path of options.policyPaths ?? []) {
        if (side === "base" && fallback && options.baseFallback) {
          const text = await options.baseFallback(path);
          if (text !== null) return { path, text, unreadable: null };
          continue;
        }
        const rev = side === "base" ? baseRev : headRev;
        if (side === "base" ? rev === null || !baseSet.has(path) : !headSet.has(path)) continue;
        const read = await readConfig(rev, path);
        if (read.text !== null || read.unreadable !== null) return { path, ...read };
      }
      return null;
    };
    const [basePolicy, headPolicy] = await Promise.all([policyAt("base"), policyAt("head")]);
    const policyFiles = { base: basePolicy, head: headPolicy };
    const leaveOut = options.leaveOut?.(policyFiles);
    const readChange = async (file) => {
      const [base, head] = await Promise.all([
        fallback && options.baseFallback ? options.baseFallback(file).then((text) => ({ text, unreadable: null })) : baseRev !== null && baseSet.has(file) ? readConfig(baseRev, file) : NO_FILE,
        headSet.has(file) ? readConfig(headRev, file) : NO_FILE
      ]);
      return {
        file,
        baseText: base.text,
        headText: head.text,
        baseUnreadable: base.unreadable,
        headUnreadable: head.unreadable
      };
    };
    const redirects = await Promise.all(redirectPaths.map(readChange));
    const redirectLeftOut = (r) => Boolean(leaveOut?.(r.file)) && CONFIG_NAMES.every((name) => leaveOut?.(posix.join(redirectedDir(r.file), name)));
    const keptFiles = new Set(redirects.filter((r) => !redirectLeftOut(r)).map((r) => r.file));
    const kept = redirects.filter(
      (r) => keptFiles.has(r.file) && !keptFiles.has(linkedFrom.get(r.file) ?? "")
    );
    const targetsOf = (list) => list.flatMap(
      (r) => [r.baseText, r.headText].flatMap((text) => {
        const target = text === null ? null : redirectTarget(r.file, text, root);
        return target?.ok && (headSet.has(target.target) || baseSet.has(target.target)) ? [target.target] : [];
      })
    );
    const deployedTargets = new Set(targetsOf(kept));
    const candidates = [.../* @__PURE__ */ new Set([...selected, ...targetsOf(redirects)])].sort();
    const leftOut = [];
    const analysed = [];
    const analysedSet = /* @__PURE__ */ new Set();
    for (const path of candidates) {
      const out = leaveOut?.(path) && !deployedTargets.has(path);
      if (out) leftOut.push(path);
      else analysedSet.add(path);
    }
    const listed = /* @__PURE__ */ new Set([
      ...(headTree ?? []).map((f) => f.path),
      ...(baseTree ?? []).map((f) => f.path),
      ...workingTree ?? []
    ]);
    for (const path of analysedSet) {
      if (!listed.has(path) && analysedSet.has(linkedFrom.get(path) ?? "")) continue;
      analysed.push(path);
    }
    const paired = pairConfigs([...await Promise.all(analysed.map(readChange)), ...kept], root);
    const changes = paired.changes;
    const changed = new Set(changedList ?? headPaths);
    return {
      root,
      baseRev,
      headRev,
      changes,
      changed,
      readHeadSource,
      readBaseSource,
      policyFiles,
      leftOut,
      selection: paired.findings,
      close: () => reader.close()
    };
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
async function analyzeRepositoryChange(repo, options = {}) {
  const baseExports = repo.readBaseSource ? memoisedExports(repo.readBaseSource) : null;
  const indexed = withBaseWorkerIndex(repo.changes, options);
  const analyses = await withBaseCode(repo, analyzeFiles(repo.changes, indexed), indexed, baseExports);
  const changedDirs = /* @__PURE__ */ new Set();
  for (const path of repo.changed) {
    if (path.endsWith(".md")) continue;
    changedDirs.add(".");
    for (let slash = path.indexOf("/"); slash !== -1; slash = path.indexOf("/", slash + 1)) {
      changedDirs.add(path.slice(0, slash));
    }
  }
  const entries = /* @__PURE__ */ new Set();
  for (const analysis of analyses) {
    const touched = analysis.findings.some((f) => f.introduced);
    for (const worker of analysis.headWorkers) {
      const entry = workerEntryPath(worker);
      if (!entry) continue;
      const codeChanged = changedDirs.has(posix.dirname(worker.file));
      if (touched || codeChanged) entries.add(entry);
    }
  }
  const resolved = await resolveEntries(repo, entries);
  const code = codeFindings(analyses, (entry) => resolved.get(entry));
  const settled = analyses.map((a) => settleRetirements(a, (entry) => resolved.get(entry)));
  const report = reportFor(
    settled,
    [...repo.selection, ...await settleAgainstBaseCode(baseExports, analyses, code)],
    options
  );
  return { report, analyses, codeExports: resolved };
}
async function settleAgainstBaseCode(exportsAtBase, analyses, findings) {
  const unexported = (f) => f.kind === "class-not-exported" || f.kind === "created-class-not-exported";
  const candidates = new Set(findings.filter((f) => unexported(f) && f.introduced));
  if (!exportsAtBase || candidates.size === 0) return [...findings];
  const files = new Set([...candidates].map((f) => f.file));
  const atBase = analyses.filter((a) => files.has(a.file) && (a.baseWorkers?.length ?? 0) > 0).map((a) => ({ file: a.file, findings: [], headWorkers: a.baseWorkers ?? [] }));
  const entries = new Set(atBase.flatMap((a) => a.headWorkers.flatMap((w) => workerEntryPath(w) ?? [])));
  const baseExports = await exportsAtBase(entries);
  const key = (file, env, className) => `${file}\0${env}\0${className}`;
  const headFileOf = new Map(
    analyses.flatMap((a) => (a.baseWorkers ?? []).map((w) => [w.file, a.file]))
  );
  const hadIt = new Set(
    codeFindings(atBase, (entry) => baseExports.get(entry)).filter(unexported).flatMap((f) => f.classes.map((c) => key(headFileOf.get(f.file) ?? f.file, f.env, c)))
  );
  return findings.map(
    (f) => candidates.has(f) && f.classes.every((c) => hadIt.has(key(f.file, f.env, c))) ? alreadyAtBase(f) : f
  );
}
async function resolveEntries(repo, entries) {
  return exportsAt(repo.readHeadSource, entries);
}
function memoisedExports(read) {
  const known = /* @__PURE__ */ new Map();
  return async (entries) => {
    const missing = new Set([...entries].filter((entry) => !known.has(entry)));
    for (const [entry, exports] of await exportsAt(read, missing)) known.set(entry, exports);
    return new Map([...entries].map((entry) => [entry, known.get(entry)]));
  };
}
async function exportsAt(read, entries) {
  const resolved = /* @__PURE__ */ new Map();
  if (entries.size === 0) return resolved;
  const { resolveWorkerExports } = await import("./worker-exports-ZJNPLUPG.js");
  await Promise.all(
    [...entries].map(async (entry) => {
      resolved.set(entry, await resolveWorkerExports(entry, safeReader(read)));
    })
  );
  return resolved;
}
async function withBaseCode(repo, analyses, options, exportsAtBase) {
  if (!exportsAtBase) return analyses;
  const historyError = (f) => (f.kind === "history-edited" || f.kind === "history-removed") && f.introduced && f.severity === "error";
  const concerned = analyses.filter((a) => a.findings.some(historyError));
  if (concerned.length === 0) return analyses;
  const entries = new Set(
    concerned.flatMap((a) => (a.baseWorkers ?? []).flatMap((w) => workerEntryPath(w) ?? []))
  );
  if (entries.size === 0) return analyses;
  const names = /* @__PURE__ */ new Map();
  for (const [entry, exports] of await exportsAtBase(entries)) {
    if (exports.status === "known") names.set(entry, exports.names);
  }
  if (names.size === 0) return analyses;
  const again = { ...options, baseExportsOf: (entry) => names.get(entry) };
  return analyses.map(
    (analysis, i) => concerned.includes(analysis) ? analyzeFile(repo.changes[i], again) : analysis
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
function dirOf(path) {
  const dir = posix.dirname(path);
  return dir === "." ? "" : dir;
}
function notARevision(rev, flag) {
  throw new UsageError(`${flag} ${JSON.stringify(rev)} is not a revision in this repository`);
}
async function defaultBaseRev(root, head) {
  return (await defaultBase(root, head ?? "HEAD", {}, head !== null))?.sha ?? null;
}

export {
  readRepositoryChange,
  readWorkingTreeConfigs,
  analyzeRepositoryChange,
  resolveEntries
};

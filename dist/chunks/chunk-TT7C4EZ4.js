import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  DEFAULT_MAX_SOURCE_BYTES,
  GitFileReader,
  MissingRevisionError,
  SourceReadError,
  changedPaths,
  createSourceReader,
  isGitRepo,
  isGlob,
  isRegularFile,
  listTreeFilesAtRev,
  listWorkingTreeFiles,
  mergeBase,
  resolveRev,
  selectConfigPaths,
  showToplevel
} from "./chunk-WAJIT2U3.js";
import {
  analyzeFiles,
  reportFor
} from "./chunk-L6DI4I4H.js";
import {
  UsageError
} from "./chunk-IZRSYQJ2.js";
import {
  envLabel,
  q,
  replayLifecycle
} from "./chunk-I5AQ36NA.js";
import {
  CATALOGUE
} from "./chunk-RQ4NTA37.js";

// src/adapters/repository.ts
import { statSync } from "node:fs";
import { posix as posix2, relative, resolve, sep } from "node:path";

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

// src/adapters/repository.ts
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
  const baseRev = fallback ? null : options.base === null ? await defaultBase(root) : baseSha ?? notARevision(options.base, "--base");
  const patterns = options.paths.map((p) => toRepoPattern(root, options.cwd, p));
  const reader = new GitFileReader(root, { maxFileBytes: DEFAULT_MAX_SOURCE_BYTES });
  try {
    const [headFiles, workingTree, baseFiles, changedList] = await Promise.all([
      headRev === null ? null : listTreeFilesAtRev(root, headRev, () => true),
      headRev === null ? listWorkingTreeFiles(root, () => true) : null,
      baseRev === null ? null : listTreeFilesAtRev(root, baseRev, () => true),
      baseRev === null ? null : changedPaths(root, baseRev, headRev)
    ]);
    const headPaths = workingTree ?? (headFiles ?? []).map((f) => f.path);
    const basePaths = fallback ? headPaths : baseFiles === null ? [] : baseFiles.map((f) => f.path);
    const blobIds = (files) => new Map((files ?? []).filter(isRegularFile).map((f) => [f.path, f.oid]));
    const headBlobs = blobIds(headFiles);
    const baseBlobs = blobIds(baseFiles);
    const selected = [
      .../* @__PURE__ */ new Set([...selectConfigPaths(headPaths, patterns), ...selectConfigPaths(basePaths, patterns)])
    ].sort();
    const headSet = new Set(headPaths);
    const baseSet = new Set(basePaths);
    const readHeadSource = headRev === null ? createSourceReader(root) : async (path) => headSet.has(path) ? (await reader.read(headRev, path, headBlobs.get(path))).content ?? null : null;
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
    const changes = await Promise.all(
      selected.map(async (file) => {
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
      })
    );
    const changed = new Set(changedList ?? headPaths);
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
  const analyses = analyzeFiles(repo.changes, options);
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
      const codeChanged = changedDirs.has(posix2.dirname(worker.file));
      if (touched || codeChanged) entries.add(entry);
    }
  }
  const resolved = /* @__PURE__ */ new Map();
  const { resolveWorkerExports } = entries.size ? await import("./worker-exports-ZJNPLUPG.js") : { resolveWorkerExports: null };
  await Promise.all(
    [...entries].map(async (entry) => {
      if (resolveWorkerExports)
        resolved.set(entry, await resolveWorkerExports(entry, safeReader(repo.readHeadSource)));
    })
  );
  const report = reportFor(
    analyses,
    codeFindings(analyses, (entry) => resolved.get(entry)),
    options
  );
  return { report, analyses };
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
function notARevision(rev, flag) {
  throw new UsageError(`${flag} ${JSON.stringify(rev)} is not a revision in this repository`);
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
  const negated = path.trim().startsWith("!");
  const written = negated ? path.trim().slice(1) : path;
  const absolute = resolve(cwd, written);
  const rel = relative(root, absolute).split(sep).join("/");
  if (rel.startsWith("..")) throw new UsageError(`${written} is outside the repository`);
  const bang = negated ? "!" : "";
  if (isGlob(written)) return `${bang}${rel}`;
  try {
    if (statSync(absolute).isDirectory()) {
      return `${bang}${rel === "" ? "" : `${rel}/`}**/${CONFIG_FILE_GLOB}`;
    }
  } catch {
  }
  return `${bang}${rel}`;
}
var CONFIG_FILE_GLOB = "wrangler*.{toml,json,jsonc}";

// src/check/run-check.ts
async function runCheck(request) {
  const repo = await readRepositoryChange(request);
  try {
    if (request.pathsMustMatch && request.paths.length > 0 && repo.changes.length === 0) {
      throw new UsageError(`no file matches ${request.paths.join(", ")} at either revision`);
    }
    const analysed = await analyzeRepositoryChange(repo, request.analyze ?? {});
    let report = analysed.report;
    let live = null;
    if (request.live) {
      const { addLivePlan } = await import("./live-GBZEQCA7.js");
      ({ report, live } = await addLivePlan(
        report,
        analysed.analyses,
        request.live,
        request.analyze?.envs ?? null
      ));
    }
    return { report, configCount: repo.changes.length, live };
  } finally {
    await repo.close();
  }
}

export {
  runCheck
};

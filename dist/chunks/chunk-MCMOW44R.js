import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  POLICY_FILE_NAMES,
  applyPolicy,
  choosePolicy,
  givenPolicy,
  ignoredBy,
  ignoredNote,
  ruleFor,
  suppressedIn
} from "./chunk-EDWJGRU7.js";
import {
  andList
} from "./chunk-6ZLMTAPS.js";
import {
  DEFAULT_MAX_SOURCE_BYTES,
  GitFileReader,
  MissingRevisionError,
  SourceReadError,
  changedPaths,
  createSourceReader,
  isGitRepo,
  isRegularFile,
  listTreeFilesAtRev,
  listWorkingTreeFiles,
  mergeBase,
  resolveRev,
  selectConfigPaths,
  showToplevel,
  toRepoPatterns
} from "./chunk-NFWJKXBV.js";
import {
  pathListMatcher
} from "./chunk-TZV6S3WX.js";
import {
  analyzeFile,
  analyzeFiles,
  codeFindings,
  isRedirectFile,
  pairConfigs,
  redirectTarget,
  redirectedDir,
  reportFor,
  workerEntryPath
} from "./chunk-2KQWYDAE.js";
import {
  PolicyFileError,
  UsageError
} from "./chunk-X7T4KLFK.js";
import {
  CATALOGUE,
  alreadyAtBase,
  catalogueEntryOf,
  q
} from "./chunk-H5WD7JQR.js";

// src/check/run-check.ts
import { posix as posix2 } from "node:path";

// src/adapters/repository.ts
import { posix } from "node:path";
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
  const patterns = options.paths.flatMap((p) => toRepoPatterns(root, options.cwd, p));
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
    const targets = redirects.flatMap(
      (r) => [r.baseText, r.headText].flatMap((text) => {
        const target = text === null ? null : redirectTarget(r.file, text);
        return target?.ok && (headSet.has(target.target) || baseSet.has(target.target)) ? [target.target] : [];
      })
    );
    const candidates = [.../* @__PURE__ */ new Set([...selected, ...targets])].sort();
    const leftOut = leaveOut ? candidates.filter(leaveOut) : [];
    const analysed = leaveOut ? candidates.filter((path) => !leaveOut(path)) : candidates;
    const kept = leaveOut ? redirects.filter((r) => !leaveOut(r.file)) : redirects;
    const paired = pairConfigs([...await Promise.all(analysed.map(readChange)), ...kept]);
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
  const analyses = await withBaseCode(repo, analyzeFiles(repo.changes, options), options);
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
  const report = reportFor(
    analyses,
    [...repo.selection, ...await settleAgainstBaseCode(repo, analyses, code)],
    options
  );
  return { report, analyses, codeExports: resolved };
}
async function settleAgainstBaseCode(repo, analyses, findings) {
  const unexported = (f) => f.kind === "class-not-exported" || f.kind === "created-class-not-exported";
  const candidates = new Set(findings.filter((f) => unexported(f) && f.introduced));
  if (!repo.readBaseSource || candidates.size === 0) return [...findings];
  const files = new Set([...candidates].map((f) => f.file));
  const atBase = analyses.filter((a) => files.has(a.file) && (a.baseWorkers?.length ?? 0) > 0).map((a) => ({ file: a.file, findings: [], headWorkers: a.baseWorkers ?? [] }));
  const entries = new Set(atBase.flatMap((a) => a.headWorkers.flatMap((w) => workerEntryPath(w) ?? [])));
  const baseExports = await exportsAt(repo.readBaseSource, entries);
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
async function withBaseCode(repo, analyses, options) {
  const readBase = repo.readBaseSource;
  if (!readBase) return analyses;
  const historyError = (f) => (f.kind === "history-edited" || f.kind === "history-removed") && f.introduced && f.severity === "error";
  const concerned = analyses.filter((a) => a.findings.some(historyError));
  if (concerned.length === 0) return analyses;
  const entries = new Set(
    concerned.flatMap((a) => (a.baseWorkers ?? []).flatMap((w) => workerEntryPath(w) ?? []))
  );
  if (entries.size === 0) return analyses;
  const names = /* @__PURE__ */ new Map();
  for (const [entry, exports] of await exportsAt(readBase, entries)) {
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
function dirOf(path) {
  const dir = posix.dirname(path);
  return dir === "." ? "" : dir;
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

// src/core/policy/loosening.ts
var RANK = ["off", "info", "warning", "error", "critical"];
var lower = (a, b) => RANK.indexOf(a) < RANK.indexOf(b);
function policyLoosening(edit) {
  const { before, after } = edit;
  const ignoredBefore = before ? before.ignores : () => false;
  const ignoredAfter = after ? after.ignores : () => false;
  const codes = [.../* @__PURE__ */ new Set([...namedCodes(before), ...namedCodes(after)])].sort();
  const configs = [...new Set(edit.configs)].sort();
  const ignored = [];
  const lowered = /* @__PURE__ */ new Map();
  for (const path of configs) {
    if (ignoredAfter(path)) {
      if (!ignoredBefore(path)) ignored.push(path);
      continue;
    }
    if (ignoredBefore(path)) continue;
    for (const code of codes) {
      const from = levelIn(before, code, path);
      const found = after ? ruleFor(after, code, path) : null;
      const to = found ? found.rule.level : defaultLevel(code);
      if (!lower(to, from)) continue;
      const key = `${code}\0${found ? found.override ? after.overrides.indexOf(found.override) : "top" : "gone"}\0${from}`;
      const entry = lowered.get(key) ?? {
        rule: { code, from, to, rule: found?.rule ?? null, override: found?.override ?? null, configs: [] },
        configs: []
      };
      entry.configs.push(path);
      lowered.set(key, entry);
    }
  }
  const rules = [...lowered.values()].map(({ rule, configs: configs2 }) => ({ ...rule, configs: configs2 }));
  if (after) {
    const scopes = [
      { override: null, rules: after.rules },
      ...after.overrides.map((override) => ({ override, rules: override.rules }))
    ];
    for (const scope of scopes) {
      if (scope.override && configs.some(scope.override.matches)) continue;
      for (const rule of scope.rules.values()) {
        if (rules.some((r) => r.rule === rule)) continue;
        const from = scopeLevel(before, rule.code, scope.override);
        if (lower(rule.level, from)) {
          rules.push({ code: rule.code, from, to: rule.level, rule, override: scope.override, configs: [] });
        }
      }
    }
  }
  const known = new Set(before?.ignore ?? []);
  const newPatterns = (after?.ignore ?? []).filter((pattern) => {
    if (pattern.startsWith("!") || known.has(pattern)) return false;
    const matches = pathListMatcher([pattern]);
    return !configs.some(matches);
  });
  return { ignored, newPatterns, rules: rules.sort(byPlace) };
}
function policyLooseningFinding(edit) {
  const loosening = policyLoosening(edit);
  const { ignored, newPatterns, rules } = loosening;
  if (ignored.length + newPatterns.length + rules.length === 0) return null;
  const parts = [];
  if (ignored.length > 0) {
    parts.push(
      `it ignores ${shortList(ignored)}, which the current policy checks (nothing in ${ignored.length === 1 ? "it" : "them"} is checked any more)`
    );
  }
  if (newPatterns.length > 0) {
    parts.push(
      `its \`ignore\` adds ${andList(newPatterns.map(q))}, which ${newPatterns.length === 1 ? "matches" : "match"} no config yet (a config added there is never checked)`
    );
  }
  for (const r of rules) parts.push(ruleText(r));
  const lines = [
    ...ignored.length + newPatterns.length > 0 ? [edit.after?.ignoreLine ?? null] : [],
    ...rules.map((r) => r.rule?.line ?? null)
  ].filter((line) => line !== null);
  const entry = CATALOGUE["policy-loosened"];
  return {
    code: entry.code,
    kind: "policy-loosened",
    severity: entry.severity,
    dataLoss: false,
    classes: [],
    worker: null,
    env: null,
    file: edit.file,
    line: lines.length > 0 ? Math.min(...lines) : null,
    tag: null,
    message: `Once this change is merged, every pull request is checked ${edit.after ? `with the policy ${q(edit.file)} as this change leaves it` : `without a policy (this change removes ${q(edit.file)})`}, which checks less than the policy this check uses: ${parts.join("; ")}.`,
    fix: `Make sure the reviewers mean this: this pull request is still checked with the base revision's policy, the next ones are not. To keep the check, leave ${ignored.length + newPatterns.length > 0 ? "those configs out of `ignore` and " : ""}the codes at their current level.`,
    introduced: true
  };
}
function ruleText(r) {
  const level = `it sets ${r.code} ${r.to === "off" ? "off" : `to ${r.to}`} (was ${r.from}`;
  if (r.rule === null) return `${level}: the rule that set it is removed): ${shortList(r.configs)}`;
  const at = r.rule.line ? `, line ${r.rule.line}` : "";
  if (r.override === null) {
    return `${level}) in \`rules\`${at}: ${[...r.configs.length > 0 ? [shortList(r.configs)] : [], "every config added later"].join(" and ")}`;
  }
  const files = andList(r.override.files.map(q));
  return r.configs.length > 0 ? `${level}) for ${files}${at}: ${shortList(r.configs)}` : `${level}) for ${files}${at}, which ${r.override.files.length === 1 ? "matches" : "match"} no config yet`;
}
function shortList(paths) {
  const shown = paths.slice(0, 5).map(q);
  return paths.length > 5 ? `${shown.join(", ")} and ${paths.length - 5} more` : andList(shown);
}
function byPlace(a, b) {
  return (a.rule?.line ?? Number.MAX_SAFE_INTEGER) - (b.rule?.line ?? Number.MAX_SAFE_INTEGER) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
function defaultLevel(code) {
  return catalogueEntryOf(code)?.severity ?? "info";
}
function levelIn(policy, code, path) {
  const found = policy ? ruleFor(policy, code, path) : null;
  return found ? found.rule.level : defaultLevel(code);
}
function scopeLevel(before, code, override) {
  if (before && override) {
    const same = before.overrides.filter(
      (o) => o.files.join("\0") === override.files.join("\0") && o.rules.has(code)
    );
    const last = same.at(-1)?.rules.get(code);
    if (last) return last.level;
  }
  return before?.rules.get(code)?.level ?? defaultLevel(code);
}
function namedCodes(policy) {
  if (!policy) return [];
  return [...policy.rules.keys(), ...policy.overrides.flatMap((o) => [...o.rules.keys()])];
}

// src/check/run-check.ts
async function runCheck(request) {
  const { repo, choice } = await readWithPolicy(request);
  try {
    mustMatch(request, repo);
    const policy = choice.ok ? choice.policy : null;
    const analysed = await analyzeRepositoryChange(repo, request.analyze ?? {});
    let report = analysed.report;
    let live = null;
    if (request.live) {
      const { addLivePlan } = await import("./live-4FMHSK4Y.js");
      ({ report, live } = await addLivePlan(
        report,
        analysed.analyses,
        request.live,
        request.analyze?.envs ?? null,
        analysed.codeExports
      ));
    }
    const loosened = choice.ok && choice.edit ? policyEditFinding(policy, choice.edit, repo) : null;
    if (loosened) report = { ...report, findings: [...report.findings, loosened] };
    const levelled = await applyPolicy(report, { policy, changes: repo.changes });
    const notes = [
      ...levelled.notes ?? [],
      ...choice.ok ? choice.notes : [],
      ...policy ? [ignoredNote(policy, repo.leftOut, repo.changed)].filter((n) => n !== null) : []
    ];
    report = notes.length ? { ...levelled, notes } : levelled;
    if (!request.offers) return { report, configCount: repo.changes.length, live };
    const { offerFixes } = await import("./fix-Y7ZNDFV7.js");
    const options = await fixOptions(repo, request.analyze, { today: request.offers.today });
    const suppressed = suppressedIn(report);
    const offers = offerFixes(repo.changes, options).filter((offer) => !offer.targets.every(suppressed));
    return { report, configCount: repo.changes.length, live, offers };
  } finally {
    await repo.close();
  }
}
async function runFix(request) {
  const { repo } = await readWithPolicy(request);
  try {
    mustMatch(request, repo);
    const { fixConfigs } = await import("./fix-Y7ZNDFV7.js");
    const options = await fixOptions(repo, request.analyze, {
      today: request.today,
      acceptDeletes: request.acceptDeletes,
      acceptRenames: request.acceptRenames
    });
    return { root: repo.root, changes: repo.changes, result: fixConfigs(repo.changes, options) };
  } finally {
    await repo.close();
  }
}
async function readWithPolicy(request) {
  const source = request.policy ?? { from: "repository" };
  let choice = { ok: true, policy: null, notes: [] };
  const repo = await readRepositoryChange({
    ...request,
    policyPaths: source.from === "repository" ? source.path ? [source.path] : POLICY_FILE_NAMES : [],
    leaveOut: (files) => {
      choice = source.from === "file" ? givenPolicy(source.file, source.text) : choosePolicy(files, { explicit: source.path ?? null });
      if (!choice.ok) throw new PolicyFileError(choice.problems);
      return ignoredBy(choice.policy);
    }
  });
  return { repo, choice };
}
function policyEditFinding(before, edit, repo) {
  const configs = [...repo.changes.map((c) => c.file), ...repo.leftOut];
  return policyLooseningFinding({ before, after: edit.after, file: edit.file, configs });
}
function mustMatch(request, repo) {
  if (request.pathsMustMatch && request.paths.length > 0 && repo.changes.length + repo.leftOut.length === 0) {
    throw new UsageError(`no file matches ${request.paths.join(", ")} at either revision`);
  }
}
async function fixOptions(repo, analyze, options) {
  const entries = /* @__PURE__ */ new Set();
  for (const analysis of analyzeFiles(repo.changes, analyze ?? {})) {
    if (!analysis.findings.some((f) => f.introduced)) continue;
    for (const worker of analysis.headWorkers) {
      const entry = workerEntryPath(worker);
      if (entry && !posix2.isAbsolute(entry)) entries.add(entry);
    }
  }
  const resolved = await resolveEntries(repo, entries);
  return { ...options, envs: analyze?.envs ?? null, exportsOf: (entry) => resolved.get(entry) };
}

export {
  runCheck,
  runFix
};

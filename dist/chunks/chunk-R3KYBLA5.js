import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applyPolicy,
  choosePolicy,
  givenPolicy,
  ignoredBy,
  ignoredNote,
  unknownEnvProblem
} from "./chunk-SHIGFTFB.js";
import {
  POLICY_FILE_NAMES,
  ruleFor
} from "./chunk-KPNBBZA7.js";
import {
  analyzeFile,
  analyzeFiles,
  codeFindings,
  reportFor,
  settleRetirements,
  withBaseWorkerIndex,
  workerEntryPath
} from "./chunk-Y3VKEW2Y.js";
import {
  isRedirectFile,
  pairConfigs,
  redirectTarget,
  redirectedDir
} from "./chunk-ZXZLHMUF.js";
import {
  selectConfigPaths
} from "./chunk-PQ7QJ6BL.js";
import {
  PolicyFileError,
  UsageError
} from "./chunk-MENN5CMZ.js";
import {
  pathListMatcher
} from "./chunk-TZV6S3WX.js";
import {
  alreadyAtBase
} from "./chunk-PIRUEGYP.js";
import {
  CATALOGUE,
  catalogueEntryOf,
  policyLoosened
} from "./chunk-57KHF4P2.js";

// src/check/run-check.ts
import { posix as posix3 } from "node:path";

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
    ...policyLoosened({
      file: edit.file,
      removed: edit.after === null,
      ignored,
      newPatterns,
      rules: rules.map((r) => ({
        code: r.code,
        from: r.from,
        to: r.to,
        removed: r.rule === null,
        line: r.rule?.line ?? null,
        overrideFiles: r.override?.files ?? null,
        configs: r.configs
      }))
    }),
    introduced: true
  };
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

// src/check/repository-change.ts
import { posix } from "node:path";
var CONFIG_NAMES = ["wrangler.json", "wrangler.jsonc", "wrangler.toml"];
async function readRepositoryChange(files, options = {}) {
  try {
    return await selectChange(files, options);
  } catch (error) {
    await files.close();
    throw error;
  }
}
async function selectChange(files, options) {
  const { root, patterns, headPaths, basePaths, linkedFrom } = files;
  const selected = [
    .../* @__PURE__ */ new Set([...selectConfigPaths(headPaths, patterns), ...selectConfigPaths(basePaths, patterns)])
  ].sort();
  const headSet = new Set(headPaths);
  const baseSet = new Set(basePaths);
  const selectedDirs = new Set(selected.map((path) => dirOf(path)));
  const redirectPaths = [.../* @__PURE__ */ new Set([...headPaths, ...basePaths])].filter(
    (path) => isRedirectFile(path) && (patterns.length === 0 || selectedDirs.has(redirectedDir(path)))
  ).sort();
  const policyAt = async (side) => {
    for (const path of options.policyPaths ?? []) {
      const read = await files.readConfig(side, path);
      if (read.text !== null || read.unreadable !== null) return { path, ...read };
    }
    return null;
  };
  const [basePolicy, headPolicy] = await Promise.all([policyAt("base"), policyAt("head")]);
  const policyFiles = { base: basePolicy, head: headPolicy };
  const leaveOut = options.leaveOut?.(policyFiles);
  const readChange = async (file) => {
    const [base, head] = await Promise.all([files.readConfig("base", file), files.readConfig("head", file)]);
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
  const kept = redirects.filter((r) => keptFiles.has(r.file) && !keptFiles.has(linkedFrom.get(r.file) ?? ""));
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
  for (const path of analysedSet) {
    if (!files.listed.has(path) && analysedSet.has(linkedFrom.get(path) ?? "")) continue;
    analysed.push(path);
  }
  const paired = pairConfigs([...await Promise.all(analysed.map(readChange)), ...kept], root);
  return {
    root,
    baseRev: files.baseRev,
    headRev: files.headRev,
    changes: paired.changes,
    changed: files.changed,
    readHeadSource: files.readHeadSource,
    readBaseSource: files.readBaseSource,
    policyFiles,
    leftOut,
    selection: paired.findings,
    close: () => files.close()
  };
}
function dirOf(path) {
  const dir = posix.dirname(path);
  return dir === "." ? "" : dir;
}

// src/check/repository-check.ts
import { posix as posix2 } from "node:path";
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
      const codeChanged = changedDirs.has(posix2.dirname(worker.file));
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

// src/check/run-check.ts
async function runCheck(request, adapters) {
  const { repo, choice } = await readWithPolicy(request, adapters);
  try {
    mustMatch(request, repo);
    const policy = choice.policy;
    const analysed = await analyzeRepositoryChange(repo, request.analyze ?? {});
    const envProblem = unknownEnvProblem(request.analyze?.envs, analysed.analyses);
    if (envProblem) throw new UsageError(envProblem);
    let report = analysed.report;
    let live = null;
    if (request.live) {
      const { addLivePlan } = await import("./live-MTFGS6VQ.js");
      ({ report, live } = await addLivePlan(
        report,
        analysed.analyses,
        request.live,
        await adapters.liveReader(request.live),
        request.analyze?.envs ?? null,
        analysed.codeExports
      ));
    }
    const loosened = choice.edit ? policyEditFinding(policy, choice.edit, repo) : null;
    if (loosened) report = { ...report, findings: [...report.findings, loosened] };
    const levelled = await applyPolicy(report, { policy, changes: repo.changes });
    const notes = [
      ...levelled.notes ?? [],
      ...choice.notes,
      ...policy ? [ignoredNote(policy, repo.leftOut, repo.changed)].filter((n) => n !== null) : []
    ];
    report = notes.length ? { ...levelled, notes } : levelled;
    if (!request.offers) return { report, configCount: repo.changes.length, live };
    const { offerFixes } = await import("./fix-KWRXMFJB.js");
    const options = await fixOptions(
      repo,
      { analyses: analysed.analyses, codeExports: analysed.codeExports },
      request.analyze,
      { today: request.offers.today },
      policy
    );
    return { report, configCount: repo.changes.length, live, offers: offerFixes(repo.changes, options) };
  } finally {
    await repo.close();
  }
}
async function runFix(request, adapters) {
  const { repo, choice } = await readWithPolicy(request, adapters);
  try {
    mustMatch(request, repo);
    const { fixConfigs } = await import("./fix-KWRXMFJB.js");
    const options = await fixOptions(
      repo,
      null,
      request.analyze,
      {
        today: request.today,
        acceptDeletes: request.acceptDeletes,
        acceptRenames: request.acceptRenames
      },
      choice.policy
    );
    return { root: repo.root, changes: repo.changes, result: fixConfigs(repo.changes, options) };
  } finally {
    await repo.close();
  }
}
async function readWithPolicy(request, adapters) {
  const source = request.policy ?? { from: "repository" };
  let choice = { ok: true, policy: null, notes: [] };
  const repo = await readRepositoryChange(await adapters.readRevisions(request), {
    policyPaths: source.from === "repository" ? source.path ? [source.path] : POLICY_FILE_NAMES : [],
    leaveOut: (files) => {
      const chosen = source.from === "file" ? givenPolicy(source.file, source.text) : choosePolicy(files, { explicit: source.path ?? null });
      if (!chosen.ok) throw new PolicyFileError(chosen.problems);
      choice = chosen;
      return ignoredBy(chosen.policy);
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
async function fixOptions(repo, analysed, analyze, options, policy) {
  const known = analysed?.codeExports ?? /* @__PURE__ */ new Map();
  const entries = /* @__PURE__ */ new Set();
  for (const analysis of analysed?.analyses ?? analyzeFiles(repo.changes, analyze ?? {})) {
    if (!analysis.findings.some((f) => f.introduced)) continue;
    for (const worker of analysis.headWorkers) {
      const entry = workerEntryPath(worker);
      if (entry && !posix3.isAbsolute(entry) && !known.has(entry)) entries.add(entry);
    }
  }
  const resolved = await resolveEntries(repo, entries);
  const { applyPolicy: policyStep } = await import("./apply-YJ5DS3OZ.js");
  return {
    ...options,
    envs: analyze?.envs ?? null,
    exportsOf: (entry) => known.get(entry) ?? resolved.get(entry),
    policy: (report, changes) => policyStep(report, { policy, changes })
  };
}

export {
  runCheck,
  runFix
};

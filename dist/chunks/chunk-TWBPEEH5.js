import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  andList,
  applyPolicy,
  choosePolicy,
  givenPolicy,
  ignoredBy,
  ignoredNote,
  unknownEnvProblem
} from "./chunk-3PXWDHPH.js";
import {
  POLICY_FILE_NAMES,
  ruleFor
} from "./chunk-J2SM3AHV.js";
import {
  analyzeRepositoryChange,
  readRepositoryChange,
  resolveEntries
} from "./chunk-BL2QMAYO.js";
import {
  analyzeFiles,
  workerEntryPath
} from "./chunk-PN7JHV25.js";
import {
  PolicyFileError,
  UsageError
} from "./chunk-X7T4KLFK.js";
import {
  pathListMatcher
} from "./chunk-TZV6S3WX.js";
import {
  q
} from "./chunk-2BJOGL7Q.js";
import {
  CATALOGUE,
  catalogueEntryOf
} from "./chunk-TLPFU5T4.js";

// src/check/run-check.ts
import { posix } from "node:path";

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
    const policy = choice.policy;
    const analysed = await analyzeRepositoryChange(repo, request.analyze ?? {});
    const envProblem = unknownEnvProblem(request.analyze?.envs, analysed.analyses);
    if (envProblem) throw new UsageError(envProblem);
    let report = analysed.report;
    let live = null;
    if (request.live) {
      const { addLivePlan } = await import("./live-BJPHGCXR.js");
      ({ report, live } = await addLivePlan(
        report,
        analysed.analyses,
        request.live,
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
    const { offerFixes } = await import("./fix-SDGY7D4T.js");
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
async function runFix(request) {
  const { repo, choice } = await readWithPolicy(request);
  try {
    mustMatch(request, repo);
    const { fixConfigs } = await import("./fix-SDGY7D4T.js");
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
async function readWithPolicy(request) {
  const source = request.policy ?? { from: "repository" };
  let choice = { ok: true, policy: null, notes: [] };
  const repo = await readRepositoryChange({
    ...request,
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
      if (entry && !posix.isAbsolute(entry) && !known.has(entry)) entries.add(entry);
    }
  }
  const resolved = await resolveEntries(repo, entries);
  const { applyPolicy: policyStep } = await import("./apply-N5W263P5.js");
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

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applyPolicy,
  choosePolicy,
  givenPolicy,
  ignoredBy,
  ignoredNote
} from "./chunk-QLF2LY2Y.js";
import {
  POLICY_FILE_NAMES
} from "./chunk-QTKDRTCP.js";
import {
  analyzeRepositoryChange,
  readRepositoryChange,
  resolveEntries
} from "./chunk-ECSSIQDV.js";
import {
  analyzeFiles,
  workerEntryPath
} from "./chunk-7NAFIRAL.js";
import {
  PolicyFileError,
  UsageError
} from "./chunk-X7T4KLFK.js";

// src/check/run-check.ts
import { posix } from "node:path";
async function runCheck(request) {
  const { repo, choice } = await readWithPolicy(request);
  try {
    mustMatch(request, repo);
    const policy = choice.ok ? choice.policy : null;
    const analysed = await analyzeRepositoryChange(repo, request.analyze ?? {});
    let report = analysed.report;
    let live = null;
    if (request.live) {
      const { addLivePlan } = await import("./live-B4LVG3BO.js");
      ({ report, live } = await addLivePlan(
        report,
        analysed.analyses,
        request.live,
        request.analyze?.envs ?? null
      ));
    }
    const levelled = await applyPolicy(report, { policy, changes: repo.changes });
    const notes = [
      ...levelled.notes ?? [],
      ...choice.ok ? choice.notes : [],
      ...policy ? [ignoredNote(policy, repo.leftOut, repo.changed)].filter((n) => n !== null) : []
    ];
    report = notes.length ? { ...levelled, notes } : levelled;
    if (!request.offers) return { report, configCount: repo.changes.length, live };
    const { offerFixes } = await import("./fix-QHGC2DQH.js");
    const options = await fixOptions(
      repo,
      { analyses: analysed.analyses, headExports: analysed.headExports },
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
    const { fixConfigs } = await import("./fix-QHGC2DQH.js");
    const options = await fixOptions(
      repo,
      null,
      request.analyze,
      {
        today: request.today,
        acceptDeletes: request.acceptDeletes,
        acceptRenames: request.acceptRenames
      },
      choice.ok ? choice.policy : null
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
      choice = source.from === "file" ? givenPolicy(source.file, source.text) : choosePolicy(files, { explicit: source.path ?? null });
      if (!choice.ok) throw new PolicyFileError(choice.problems);
      return ignoredBy(choice.policy);
    }
  });
  return { repo, choice };
}
function mustMatch(request, repo) {
  if (request.pathsMustMatch && request.paths.length > 0 && repo.changes.length + repo.leftOut.length === 0) {
    throw new UsageError(`no file matches ${request.paths.join(", ")} at either revision`);
  }
}
async function fixOptions(repo, analysed, analyze, options, policy) {
  const known = analysed?.headExports ?? /* @__PURE__ */ new Map();
  const entries = /* @__PURE__ */ new Set();
  for (const analysis of analysed?.analyses ?? analyzeFiles(repo.changes, analyze ?? {})) {
    if (!analysis.findings.some((f) => f.introduced)) continue;
    for (const worker of analysis.headWorkers) {
      const entry = workerEntryPath(worker);
      if (entry && !posix.isAbsolute(entry) && !known.has(entry)) entries.add(entry);
    }
  }
  const resolved = await resolveEntries(repo, entries);
  const { applyPolicy: policyStep } = await import("./apply-WP2YDI67.js");
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

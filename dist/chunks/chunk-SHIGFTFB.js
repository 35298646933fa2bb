import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applyPolicyWith,
  describePolicyProblem,
  mentionsDirective,
  parsePolicy
} from "./chunk-KPNBBZA7.js";
import {
  pathListMatcher
} from "./chunk-TZV6S3WX.js";
import {
  configFormat
} from "./chunk-PIRUEGYP.js";
import {
  ignoredNote,
  policyNote,
  policySourceProblem
} from "./chunk-57KHF4P2.js";

// src/core/policy/source.ts
function choosePolicy(files, options = {}) {
  const { base, head } = files;
  if (!base && !head) {
    if (options.explicit) {
      return {
        ok: false,
        problems: [policySourceProblem({ problem: "missing", file: options.explicit })]
      };
    }
    return { ok: true, policy: null, notes: [] };
  }
  const baseReading = base ? read(base, "at the base revision") : null;
  const changed = !sameFile(base, head);
  const headReading = head && changed ? read(head, "in this change") : null;
  const problems = [...headReading && !headReading.ok ? headReading.problems : []];
  if (problems.length > 0) {
    return {
      ok: false,
      problems: [...baseReading && !baseReading.ok ? baseReading.problems : [], ...problems]
    };
  }
  if (baseReading && !baseReading.ok) {
    if (changed) {
      return {
        ok: true,
        policy: null,
        notes: [
          policyNote({ change: head ? "repairs" : "removes-broken", problem: baseReading.problems[0] })
        ],
        ...headReading?.ok ? { edit: { after: headReading.policy, file: head.path } } : {}
      };
    }
    return { ok: false, problems: baseReading.problems };
  }
  const policy = baseReading?.ok ? baseReading.policy : null;
  const notes = [];
  if (changed && base && head) {
    notes.push(policyNote({ change: "edits", file: head.path }));
  } else if (!base && head) {
    notes.push(policyNote({ change: "adds", file: head.path }));
  } else if (base && !head) {
    notes.push(policyNote({ change: "removes", file: base.path }));
  }
  if (!changed) return { ok: true, policy, notes };
  const after = headReading?.ok ? headReading.policy : null;
  return { ok: true, policy, notes, edit: { after, file: (head ?? base).path } };
}
function givenPolicy(file, text) {
  const reading = read({ path: file, text }, null);
  return reading.ok ? { ok: true, policy: reading.policy, notes: [] } : reading;
}
function ignoredNote2(policy, leftOut, changed) {
  if (leftOut.length === 0) return null;
  const touched = leftOut.filter((path) => changed.has(path));
  return ignoredNote({ policyFile: policy.file, leftOut: leftOut.length, touched });
}
function ignoredBy(policy) {
  return policy ? policy.ignores : NOTHING;
}
var NOTHING = pathListMatcher([]);
function sameFile(a, b) {
  return a !== null && b !== null && a.path === b.path && a.text === b.text && !a.unreadable && !b.unreadable;
}
function read(file, revision) {
  if (file.text === null) {
    return {
      ok: false,
      problems: [
        policySourceProblem({
          problem: "unreadable",
          file: file.path,
          why: file.unreadable ?? null,
          revision
        })
      ]
    };
  }
  const reading = parsePolicy(file.path, file.text);
  if (reading.ok) return reading;
  return {
    ok: false,
    problems: reading.problems.map(
      (p) => policySourceProblem({ problem: "invalid", described: describePolicyProblem(p), revision })
    )
  };
}

// src/check/envs.ts
function unknownEnvProblem(wanted, analyses) {
  const named = (wanted ?? []).filter((env) => env !== null);
  if (named.length === 0 || analyses.length === 0) return null;
  if (analyses.some((a) => a.findings.some((f) => f.kind === "parse-error"))) return null;
  const defined = /* @__PURE__ */ new Set();
  for (const analysis of analyses)
    for (const worker of [...analysis.headWorkers, ...analysis.baseWorkers ?? []])
      if (worker.env !== null) defined.add(worker.env);
  const unknown = [...new Set(named)].filter((env) => !defined.has(env));
  if (unknown.length === 0) return null;
  const names = unknown.map((env) => JSON.stringify(env)).join(", ");
  const list = [...defined].sort();
  return list.length > 0 ? `no environment found in configuration with name ${names}: the configs define ${list.join(", ")} (give one of them, or "" for the top level)` : `no environment found in configuration with name ${names}: no config defines an [env.*] section (leave the environment out to check the top level)`;
}

// src/check/policy-step.ts
async function applyPolicy(report, input) {
  const readToml = input.changes.some(tomlWithDirective) ? (await import("./toml-syntax-QKYMQFTJ.js")).readTomlSyntax : null;
  return applyPolicyWith(report, input, readToml);
}
function tomlWithDirective(change) {
  const isToml = (file) => configFormat(file) === "toml";
  return isToml(change.file) && mentionsDirective(change.headText) || isToml(change.baseFile ?? change.file) && mentionsDirective(change.baseText);
}

export {
  choosePolicy,
  givenPolicy,
  ignoredNote2 as ignoredNote,
  ignoredBy,
  unknownEnvProblem,
  applyPolicy
};

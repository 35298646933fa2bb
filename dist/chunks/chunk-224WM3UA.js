import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applyPolicyWith,
  describePolicyProblem,
  mentionsDirective,
  parsePolicy
} from "./chunk-5DJSFBTE.js";
import {
  pathListMatcher
} from "./chunk-TZV6S3WX.js";
import {
  configFormat
} from "./chunk-7BGC6QYW.js";

// src/core/policy/source.ts
function choosePolicy(files, options = {}) {
  const { base, head } = files;
  if (!base && !head) {
    if (options.explicit) {
      return {
        ok: false,
        problems: [`${options.explicit}: no such policy file at the base or the head revision`]
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
          `The policy at the base revision is not valid (${baseReading.problems[0]}) and this change ${head ? "repairs" : "removes"} it: this check runs with no policy${head ? "; the repaired one applies after merge" : ""}.`
        ],
        ...headReading?.ok ? { edit: { after: headReading.policy, file: head.path } } : {}
      };
    }
    return { ok: false, problems: baseReading.problems };
  }
  const policy = baseReading?.ok ? baseReading.policy : null;
  const notes = [];
  if (changed && base && head) {
    notes.push(
      `This change edits the policy \`${head.path}\`: this check uses the policy of the base revision; the new one applies after merge.`
    );
  } else if (!base && head) {
    notes.push(
      `This change adds the policy \`${head.path}\`: it applies after merge; this check runs with no policy.`
    );
  } else if (base && !head) {
    notes.push(
      `This change removes the policy \`${base.path}\`: this check still uses it (from the base revision).`
    );
  }
  if (!changed) return { ok: true, policy, notes };
  const after = headReading?.ok ? headReading.policy : null;
  return { ok: true, policy, notes, edit: { after, file: (head ?? base).path } };
}
function givenPolicy(file, text) {
  const reading = read({ path: file, text }, null);
  return reading.ok ? { ok: true, policy: reading.policy, notes: [] } : reading;
}
function ignoredNote(policy, leftOut, changed) {
  if (leftOut.length === 0) return null;
  const touched = leftOut.filter((path) => changed.has(path));
  const shown = touched.slice(0, 5).map((p) => `\`${p}\``).join(", ");
  const more = touched.length > 5 ? ` and ${touched.length - 5} more` : "";
  return `${leftOut.length} config(s) not analysed: the policy \`${policy.file}\` ignores them${touched.length ? `; changed here: ${shown}${more}` : ""}.`;
}
function ignoredBy(policy) {
  return policy ? policy.ignores : NOTHING;
}
var NOTHING = pathListMatcher([]);
function sameFile(a, b) {
  return a !== null && b !== null && a.path === b.path && a.text === b.text && !a.unreadable && !b.unreadable;
}
function read(file, revision) {
  const suffix = revision ? ` (the policy ${revision})` : "";
  if (file.text === null) {
    return {
      ok: false,
      problems: [`${file.path}: cannot be read: ${file.unreadable ?? "no such file"}${suffix}`]
    };
  }
  const reading = parsePolicy(file.path, file.text);
  if (reading.ok) return reading;
  return { ok: false, problems: reading.problems.map((p) => `${describePolicyProblem(p)}${suffix}`) };
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

// src/core/text/lists.ts
function andList(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

export {
  andList,
  choosePolicy,
  givenPolicy,
  ignoredNote,
  ignoredBy,
  unknownEnvProblem,
  applyPolicy
};

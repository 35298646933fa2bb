import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  isLocalBinding,
  isRecord
} from "./chunk-7ZJZNNLB.js";
import {
  q,
  severityRank
} from "./chunk-57KHF4P2.js";

// src/core/fix/proof.ts
function byFile(findings) {
  const out = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const list = out.get(f.file);
    if (list) list.push(f);
    else out.set(f.file, [f]);
  }
  return out;
}
function signature(f) {
  return [f.kind, f.file, f.env ?? "\0top", [...f.classes].sort().join(",")].join("");
}
function counts(findings, keep) {
  const out = /* @__PURE__ */ new Map();
  for (const f of findings) if (keep(f)) out.set(signature(f), (out.get(signature(f)) ?? 0) + 1);
  return out;
}
var serious = (f) => f.dataLoss || severityRank(f.severity) >= severityRank("warning");
function proveFix(before, after, targets, expected) {
  const all = () => true;
  const was = counts(before.findings, all);
  const now = counts(after.findings, all);
  const resolved = targets.every((t) => (now.get(signature(t)) ?? 0) < (was.get(signature(t)) ?? 0));
  const wasSerious = counts(before.findings, serious);
  const seen = /* @__PURE__ */ new Map();
  const added = [];
  for (const f of after.findings) {
    if (!serious(f) || expected.includes(f.kind)) continue;
    const key = signature(f);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > (wasSerious.get(key) ?? 0)) added.push(f);
  }
  return { resolved, added };
}
function proven(verdict, after, scope, findings, chain, proof) {
  return {
    ...verdict,
    after,
    judged: new Set(scope.map((c) => c.file)),
    findings: byFile(findings),
    chain,
    proof
  };
}
function judge(proposal, proof, options) {
  if (!proof.resolved) return { status: "refused", reason: "the fixed config would still have the finding" };
  const deletes = proof.added.filter((f) => f.kind === "class-deleted");
  const renames = proof.added.filter((f) => f.kind === "class-renamed");
  const others = proof.added.filter((f) => f.kind !== "class-deleted" && f.kind !== "class-renamed");
  if (others.length > 0) {
    return { status: "refused", reason: `the fixed config would have ${describe(others)}`, added: others };
  }
  if (deletes.length > 0 && !options.acceptDeletes) {
    return {
      status: "needs",
      flag: "--accept-deletes",
      reason: `it makes a delete real: ${describe(deletes)}`
    };
  }
  if (renames.length > 0 && !options.acceptRenames) {
    return {
      status: "needs",
      flag: "--accept-renames",
      reason: `it makes a rename real: ${describe(renames)}`
    };
  }
  if (proposal.flag === "accept-renames" && !options.acceptRenames) {
    return {
      status: "needs",
      flag: "--accept-renames",
      reason: "it changes what the config means (the objects are kept instead of destroyed)"
    };
  }
  return {
    status: "ok",
    after: "",
    judged: /* @__PURE__ */ new Set(),
    findings: /* @__PURE__ */ new Map(),
    chain: [proposal],
    proposal,
    proof
  };
}
function describe(findings) {
  const parts = [
    ...new Set(
      findings.map(
        (f) => `${f.code} ${f.kind}${f.classes.length ? ` (${f.classes.map(q).join(", ")})` : ""}`
      )
    )
  ];
  return parts.join(", ");
}

// src/core/fix/scope.ts
function scopePath(env) {
  return env === null ? [] : ["env", env];
}
function lifecycleScope(worker) {
  if (worker.ownsLifecycle) return scopePath(worker.env);
  return worker.lifecycle.model !== "none" && worker.lifecycle.inherited ? [] : scopePath(worker.env);
}
function valueAt(value, path) {
  let at = value;
  for (const part of path) {
    if (at === null || typeof at !== "object") return void 0;
    at = at[part];
  }
  return at;
}
function bindingPaths(config, worker, className) {
  const list = [...scopePath(worker.env), "durable_objects", "bindings"];
  const items = valueAt(config, list);
  if (!Array.isArray(items)) return [];
  return items.flatMap((item, index) => {
    if (!isRecord(item) || item.class_name !== className) return [];
    const scriptName = typeof item.script_name === "string" ? item.script_name : null;
    const binding = {
      name: String(item.name),
      className,
      scriptName,
      environment: null,
      line: null
    };
    return isLocalBinding(binding, worker) ? [[...list, index]] : [];
  });
}

// src/core/fix/tags.ts
var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
var NUMBERED = /^(.*?)(\d+)$/;
function nextTag(existing, today) {
  const tags = existing.filter((t) => t !== null);
  const taken = new Set(tags);
  const free = (candidates) => {
    for (const candidate of candidates) if (!taken.has(candidate)) return candidate;
    throw new Error("unreachable");
  };
  const last = tags.at(-1);
  if (last !== void 0 && DATE.test(last) && DATE.test(today)) {
    return free(counted(today, (n) => `${today}-${n}`));
  }
  const numbered = last === void 0 ? null : NUMBERED.exec(last);
  if (numbered && !DATE.test(last)) {
    const [, prefix, digits] = numbered;
    const width = digits.startsWith("0") ? digits.length : 1;
    let highest = 0;
    for (const tag of tags) {
      const m = NUMBERED.exec(tag);
      if (m && m[1] === prefix) highest = Math.max(highest, Number(m[2]));
    }
    return free(counted(null, (n) => `${prefix}${String(highest + n - 1).padStart(width, "0")}`, 2));
  }
  return free(counted(null, (n) => `v${tags.length + n - 1}`, 2));
}
function* counted(first, nth, from = 2) {
  if (first !== null) yield first;
  for (let n = from; ; n++) yield nth(n);
}

export {
  byFile,
  signature,
  proveFix,
  proven,
  judge,
  scopePath,
  lifecycleScope,
  valueAt,
  bindingPaths,
  nextTag
};

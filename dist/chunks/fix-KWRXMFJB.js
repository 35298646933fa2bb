import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  bindingPaths,
  byFile,
  judge,
  lifecycleScope,
  nextTag,
  proveFix,
  proven,
  signature,
  valueAt
} from "./chunk-EWUC4M3S.js";
import {
  suppressedIn
} from "./chunk-KPNBBZA7.js";
import {
  analyzeFile,
  baseWorkerIndex,
  codeFindings,
  crossFileKeys,
  pendingSteps,
  reportFor,
  repositoryFindings,
  workerEntryPath
} from "./chunk-Y3VKEW2Y.js";
import "./chunk-ZXZLHMUF.js";
import {
  applyOps,
  rawValueText,
  uneditable
} from "./chunk-RQ5ONLRU.js";
import "./chunk-TZV6S3WX.js";
import {
  replayLifecycle
} from "./chunk-5OSWRORD.js";
import {
  configFormat,
  parseConfigText
} from "./chunk-PIRUEGYP.js";
import {
  STEP_KEYS,
  canonicalJson,
  isRecord,
  readWorkers
} from "./chunk-7ZJZNNLB.js";
import {
  q
} from "./chunk-57KHF4P2.js";
import "./chunk-BKDYTUFB.js";
import "./chunk-EIFGOVMA.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-FDGYIFXX.js";

// src/core/fix/proposals.ts
function proposalsFor(state, context) {
  const out = [];
  const boundGroups = /* @__PURE__ */ new Map();
  const stillBound = /* @__PURE__ */ new Map();
  for (const finding of state.findings) {
    if (!finding.introduced) continue;
    switch (finding.kind) {
      case "unknown-key":
        push(out, renameKey(state, finding));
        break;
      case "history-edited":
        push(out, moveAddition(state, finding, context));
        break;
      case "binding-unknown-class": {
        const key = String(finding.env);
        boundGroups.set(key, [...boundGroups.get(key) ?? [], finding]);
        break;
      }
      case "delete-mixed-step":
        push(out, splitDelete(state, finding, context));
        break;
      case "duplicate-tag":
        push(out, retagDuplicate(state, finding, context));
        break;
      case "probable-rename":
        push(out, renameClass(state, finding));
        break;
      case "delete-still-bound": {
        const key = `\0${finding.tag}\0${finding.classes.join("\0")}`;
        stillBound.set(key, [...stillBound.get(key) ?? [], finding]);
        break;
      }
      default:
        break;
    }
  }
  for (const group of boundGroups.values()) push(out, createBoundClasses(state, group, context));
  for (const group of stillBound.values()) push(out, holdBackDelete(state, group, context));
  return out;
}
function isProposal(p) {
  return "ops" in p;
}
function push(out, p) {
  if (p) out.push(p);
}
function steps(_state, worker) {
  return worker.lifecycle.model === "migrations" ? worker.lifecycle.steps : [];
}
function workerAt(workers, env) {
  return workers.find((w) => w.env === env);
}
function fileOf(state, targets, kind, reason) {
  return { kind, file: state.file, targets, reason };
}
var CREATE_KEYS = ["new_sqlite_classes", "new_classes"];
function stringList(value) {
  return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}
function renameKey(state, finding) {
  const draft = state.headDrafts.find(
    (d) => d.kind === "unknown-key" && d.env === finding.env && d.path !== void 0 && state.head.locate(d.path) === finding.line && (d.classes ?? []).join("\0") === finding.classes.join("\0") && (d.tag ?? null) === finding.tag
  );
  if (!draft?.path || !draft.replacement) return null;
  const path = draft.path;
  const parent = valueAt(state.head.value, path.slice(0, -1));
  const existing = isRecord(parent) ? parent[draft.replacement] : void 0;
  if (existing !== void 0 && !(state.head.format === "toml" && Array.isArray(existing))) return null;
  const from = String(path[path.length - 1]);
  const where = finding.tag ? ` in migration ${q(finding.tag)}` : finding.env ? ` in env ${q(finding.env)}` : "";
  return {
    kind: "rename-key",
    file: state.file,
    targets: [finding],
    title: `Rename ${q(from)} to ${q(draft.replacement)}${where}.`,
    ops: [{ op: "rename-key", path, to: draft.replacement }],
    flag: null,
    adds: []
  };
}
function moveAddition(state, finding, context) {
  const head = workerAt(state.headWorkers, finding.env);
  const base = workerAt(state.baseWorkers, finding.env);
  if (!head || !base || finding.tag === null) return null;
  const headSteps = steps(state, head);
  const baseSteps = steps(state, base);
  const headIndex = headSteps.findIndex((s) => s.tag === finding.tag);
  const baseIndex = baseSteps.findIndex((s) => s.tag === finding.tag);
  if (headIndex < 0 || baseIndex < 0) return null;
  const headList = [...lifecycleScope(head), "migrations"];
  const baseList = [...lifecycleScope(base), "migrations"];
  const headEntry = valueAt(state.head.value, [...headList, headIndex]);
  const baseEntry = state.base ? valueAt(state.base.value, [...baseList, baseIndex]) : void 0;
  if (!isRecord(headEntry) || !isRecord(baseEntry)) return null;
  const added = {};
  for (const key of Object.keys(headEntry)) {
    if (key === "tag") continue;
    if (!STEP_KEYS.includes(key) || !Array.isArray(headEntry[key])) {
      return fileOf(
        state,
        [finding],
        "move-addition",
        `migration ${q(finding.tag)} gained ${q(key)}, which is not a list of operations`
      );
    }
    const before = baseEntry[key] === void 0 ? [] : baseEntry[key];
    if (!Array.isArray(before)) return null;
    const remaining = before.map((item) => canonicalJson(item));
    const extra = [];
    for (const item of headEntry[key]) {
      const at = remaining.indexOf(canonicalJson(item));
      if (at >= 0) remaining.splice(at, 1);
      else extra.push(item);
    }
    if (remaining.length > 0) {
      return fileOf(
        state,
        [finding],
        "move-addition",
        `migration ${q(finding.tag)} was changed, not only added to (${q(key)} lost entries): restore it by hand and append a new migration`
      );
    }
    if (extra.length > 0) added[key] = extra;
  }
  for (const key of Object.keys(baseEntry)) {
    if (key !== "tag" && headEntry[key] === void 0) {
      return fileOf(
        state,
        [finding],
        "move-addition",
        `migration ${q(finding.tag)} lost ${q(key)}: restore it by hand`
      );
    }
  }
  const keys = Object.keys(added);
  if (keys.length === 0) return null;
  const ops = [];
  for (const key of keys) {
    const path = [...headList, headIndex, key];
    if (baseEntry[key] === void 0) ops.push({ op: "remove", path });
    else
      ops.push({ op: "set", path, value: baseEntry[key], raw: rawOf(state, [...baseList, baseIndex, key]) });
  }
  const tag = nextTag(
    headSteps.map((s) => s.tag),
    context.today
  );
  const step = { tag };
  for (const key of STEP_KEYS) if (added[key]) step[key] = added[key];
  ops.push({ op: "append", path: headList, value: step });
  const names = keys.flatMap((k) => added[k].map(describeItem));
  return {
    kind: "move-addition",
    file: state.file,
    targets: [finding],
    title: `Restore migration ${q(finding.tag)} as it was applied and move the addition (${names.join(", ")}) to a new migration ${q(tag)}.`,
    ops,
    flag: null,
    adds: []
  };
}
function describeItem(item) {
  if (typeof item === "string") return q(item);
  if (isRecord(item) && typeof item.from === "string" && typeof item.to === "string")
    return `${q(item.from)} -> ${q(item.to)}`;
  return q(item);
}
function rawOf(state, path) {
  return state.baseRaw(path);
}
function createBoundClasses(state, findings, context) {
  const env = findings[0].env;
  const worker = workerAt(state.headWorkers, env);
  if (!worker) return null;
  const entry = workerEntryPath(worker);
  const exports = entry ? context.exportsOf?.(entry) : void 0;
  const wanted = [...new Set(findings.flatMap((f) => f.classes))];
  if (exports?.status === "known") {
    const missing = wanted.filter((name) => !exports.names.has(name));
    if (missing.length > 0) {
      return fileOf(
        state,
        findings.filter((f) => f.classes.some((c) => missing.includes(c))),
        "create-bound-class",
        `${q(entry)} does not export ${missing.map(q).join(", ")}: fix the binding's \`class_name\`, or export the class, then run fix again`
      );
    }
  }
  const classes = wanted;
  const scope = lifecycleScope(worker);
  if (worker.lifecycle.model === "exports") {
    const ops = classes.map((name) => ({
      op: "add-key",
      path: [...scope, "exports"],
      key: name,
      value: { type: "durable-object", storage: "sqlite" }
    }));
    return {
      kind: "create-bound-class",
      file: state.file,
      targets: findings,
      title: `Declare ${classes.map(q).join(", ")} in \`exports\` with SQLite storage, as the binding${findings.length > 1 ? "s expect" : " expects"}.`,
      ops,
      flag: null,
      adds: []
    };
  }
  const tag = nextTag(
    steps(state, worker).map((s) => s.tag),
    context.today
  );
  return {
    kind: "create-bound-class",
    file: state.file,
    targets: findings,
    title: `Add migration ${q(tag)} creating ${classes.map(q).join(", ")} with SQLite storage (\`new_sqlite_classes\`), as the binding${findings.length > 1 ? "s expect" : " expects"}.`,
    ops: [{ op: "append", path: [...scope, "migrations"], value: { tag, new_sqlite_classes: classes } }],
    flag: null,
    adds: ["class-created"]
  };
}
function pendingStep(state, worker, tag) {
  const base = workerAt(state.baseWorkers, worker.env);
  const head = steps(state, worker);
  const pending = pendingSteps(base ? steps(state, base) : [], head);
  const step = [...pending].reverse().find((s) => s.tag === tag);
  return step ? { step, index: step.index } : null;
}
function splitDelete(state, finding, context) {
  const worker = workerAt(state.headWorkers, finding.env);
  if (!worker) return null;
  const found = pendingStep(state, worker, finding.tag);
  if (!found) return null;
  const list = [...lifecycleScope(worker), "migrations"];
  const entry = valueAt(state.head.value, [...list, found.index]);
  if (!isRecord(entry)) return null;
  const deleted = stringList(entry.deleted_classes);
  const others = found.step.ops.filter((op) => op.type !== "delete");
  const named = new Set(others.flatMap((op) => op.type === "rename" ? [op.from, op.to] : [op.className]));
  const clash = deleted.filter((name) => named.has(name));
  if (clash.length > 0) {
    return fileOf(
      state,
      [finding],
      "split-delete",
      `migration ${q(finding.tag)} deletes and also creates or renames ${clash.map(q).join(", ")}: splitting would change its meaning`
    );
  }
  const tag = nextTag(
    steps(state, worker).map((s) => s.tag),
    context.today
  );
  return {
    kind: "split-delete",
    file: state.file,
    targets: [finding],
    title: `Move the delete of ${deleted.map(q).join(", ")} out of migration ${q(finding.tag)} into a migration of its own, ${q(tag)} (the two-phase deploy needs it apart).`,
    ops: [
      { op: "remove", path: [...list, found.index, "deleted_classes"] },
      { op: "append", path: list, value: { tag, deleted_classes: deleted } }
    ],
    flag: null,
    adds: []
  };
}
function retagDuplicate(state, finding, context) {
  const worker = workerAt(state.headWorkers, finding.env);
  if (!worker || finding.tag === null) return null;
  const found = pendingStep(state, worker, finding.tag);
  const head = steps(state, worker);
  const copies = head.filter((s) => s.tag === finding.tag);
  if (!found || copies.length < 2 || found.step === copies[0]) return null;
  const tag = nextTag(
    head.map((s) => s.tag),
    context.today
  );
  return {
    kind: "retag-duplicate",
    file: state.file,
    targets: [finding],
    title: `Rename the tag of the new migration ${q(finding.tag)} (a duplicate) to ${q(tag)}.`,
    ops: [{ op: "set", path: [...lifecycleScope(worker), "migrations", found.index, "tag"], value: tag }],
    flag: null,
    adds: []
  };
}
function renameClass(state, finding) {
  const [gone, target] = finding.classes;
  const worker = workerAt(state.headWorkers, finding.env);
  const base = workerAt(state.baseWorkers, finding.env);
  if (!gone || !target || !worker || !base || worker.lifecycle.model !== "migrations") return null;
  const wasStorage = replayLifecycle(base.lifecycle).classes.get(gone)?.storage ?? null;
  const nowStorage = replayLifecycle(worker.lifecycle).classes.get(target)?.storage ?? null;
  if (wasStorage && nowStorage && wasStorage !== nowStorage) {
    return fileOf(
      state,
      [finding],
      "rename-class",
      `${q(gone)} has ${wasStorage === "kv" ? "key-value" : "SQLite"} storage and ${q(target)} ${nowStorage === "kv" ? "key-value" : "SQLite"}: a rename keeps the storage, so a storage switch cannot be one`
    );
  }
  const list = [...lifecycleScope(worker), "migrations"];
  const pending = pendingSteps(steps(state, base), steps(state, worker));
  const entryOf = (s) => valueAt(state.head.value, [...list, s.index]);
  const deleting = pending.find((s) => s.ops.some((op) => op.type === "delete" && op.className === gone));
  const creating = pending.find((s) => s.ops.some((op) => op.type === "create" && op.className === target));
  if (!deleting || !creating) return null;
  const deleteEntry = entryOf(deleting);
  const createEntry = entryOf(creating);
  if (!isRecord(deleteEntry) || !isRecord(createEntry)) return null;
  const createKey = CREATE_KEYS.find((k) => stringList(createEntry[k]).includes(target));
  if (!createKey) return null;
  const ops = [];
  const dropFromList = (entry, index, key, name) => {
    const values = stringList(entry[key]);
    const path = [...list, index, key];
    if (values.length === 1) ops.push({ op: "remove", path });
    else ops.push({ op: "remove", path: [...path, values.indexOf(name)] });
  };
  if (Array.isArray(createEntry.renamed_classes))
    ops.push({
      op: "append",
      path: [...list, creating.index, "renamed_classes"],
      value: { from: gone, to: target }
    });
  else
    ops.push({
      op: "add-key",
      path: [...list, creating.index],
      key: "renamed_classes",
      value: [{ from: gone, to: target }]
    });
  dropFromList(createEntry, creating.index, createKey, target);
  const deleteKeys = Object.keys(deleteEntry).filter((k) => k !== "tag");
  const onlyThisDelete = deleting !== creating && deleteKeys.length === 1 && stringList(deleteEntry.deleted_classes).length === 1;
  if (onlyThisDelete) ops.push({ op: "remove", path: [...list, deleting.index] });
  else dropFromList(deleteEntry, deleting.index, "deleted_classes", gone);
  return {
    kind: "rename-class",
    file: state.file,
    targets: [finding],
    title: `Rename ${q(gone)} to ${q(target)} (\`renamed_classes\`) instead of deleting ${q(gone)} and creating ${q(target)}: the objects and their data are kept.`,
    ops,
    flag: "accept-renames",
    adds: ["class-renamed"]
  };
}
function holdBackDelete(state, findings, context) {
  const first = findings[0];
  const className = first.classes[0];
  const worker = workerAt(state.headWorkers, first.env);
  if (!className || !worker || worker.lifecycle.model !== "migrations" || first.tag === null) return null;
  const found = pendingStep(state, worker, first.tag);
  if (!found?.step.ops.some((op) => op.type === "delete" && op.className === className)) return null;
  const list = [...lifecycleScope(worker), "migrations"];
  const entry = valueAt(state.head.value, [...list, found.index]);
  if (!isRecord(entry)) return null;
  const entryPath = [...list, found.index];
  const deleted = stringList(entry.deleted_classes);
  const onlyThisDelete = Object.keys(entry).filter((k) => k !== "tag").length === 1 && deleted.length === 1;
  const scope = lifecycleScope(worker).join("\0");
  const readers = state.headWorkers.filter(
    (w) => w.lifecycle.model === "migrations" && lifecycleScope(w).join("\0") === scope
  );
  const removals = readers.flatMap(
    (w) => bindingPaths(state.head.value, w, className)
  );
  if (removals.length === 0) {
    return fileOf(
      state,
      findings,
      "phase-one",
      `the binding to ${q(className)} names another Worker's class through \`script_name\`: deploy that binding change on its own first`
    );
  }
  const entryOf = context.exportsOf && workerEntryPath(worker);
  const exports = entryOf ? context.exportsOf?.(entryOf) : void 0;
  if (exports?.status === "known" && !exports.names.has(className)) {
    return fileOf(
      state,
      findings,
      "phase-one",
      `${q(entryOf)} no longer exports ${q(className)}, and phase 1 needs it (code 10064): export it again (a stub class is enough), then run fix again`
    );
  }
  const ops = [];
  for (const path of [...removals].reverse()) ops.push({ op: "remove", path });
  if (onlyThisDelete) ops.push({ op: "remove", path: entryPath });
  else if (deleted.length === 1) ops.push({ op: "remove", path: [...entryPath, "deleted_classes"] });
  else ops.push({ op: "remove", path: [...entryPath, "deleted_classes", deleted.indexOf(className)] });
  const envs = [
    ...new Set(
      readers.filter((w) => bindingPaths(state.head.value, w, className).length > 0).map((w) => w.env === null ? "the top level" : `env ${q(w.env)}`)
    )
  ];
  return {
    kind: "phase-one",
    file: state.file,
    targets: findings,
    title: `Phase 1 of deleting ${q(className)}: remove its binding${removals.length === 1 ? "" : "s"} (${envs.join(", ")}) and hold the delete in migration ${q(first.tag)} back; keep exporting ${q(className)}, deploy, then add the delete again (phase 2).`,
    ops,
    flag: null,
    // Phase 1 is the removal of the bindings the code used: the check says so (DO401).
    adds: ["binding-removed"]
  };
}

// src/core/fix/checker.ts
var Links = class {
  keys = /* @__PURE__ */ new Map();
  defining = /* @__PURE__ */ new Map();
  reaching = /* @__PURE__ */ new Map();
  set(file, keys) {
    const old = this.keys.get(file);
    if (old) {
      for (const name of old.names) this.defining.get(name)?.delete(file);
      for (const name of old.reaches) this.reaching.get(name)?.delete(file);
    }
    this.keys.set(file, keys);
    for (const name of keys.names) add(this.defining, name, file);
    for (const name of keys.reaches) add(this.reaching, name, file);
  }
  /** The other files joined to a file with these keys (its own, or those of another text of it). */
  joined(file, keys) {
    const out = /* @__PURE__ */ new Set();
    const from = (index, names) => {
      for (const name of names) for (const other of index.get(name) ?? []) if (other !== file) out.add(other);
    };
    for (const k of keys) {
      from(this.defining, k.names);
      from(this.reaching, k.names);
      from(this.defining, k.reaches);
    }
    return out;
  }
};
function add(index, name, file) {
  const files = index.get(name);
  if (files) files.add(file);
  else index.set(name, /* @__PURE__ */ new Set([file]));
}
var Checker = class {
  changes;
  byName;
  options;
  /** Each file's analyses, by text (a text of the file is its key: no copy of it is made). */
  analyses = /* @__PURE__ */ new Map();
  code = /* @__PURE__ */ new WeakMap();
  links = null;
  /** The base revision's Workers by name: a fix edits head texts only, so it holds throughout. */
  baseWorkersNamed;
  constructor(changes, options) {
    this.changes = changes;
    this.byName = new Map(changes.map((c) => [c.file, c]));
    this.options = options;
    this.baseWorkersNamed = baseWorkerIndex(changes);
  }
  analysis(change, text) {
    let byText = this.analyses.get(change.file);
    if (!byText) {
      byText = /* @__PURE__ */ new Map();
      this.analyses.set(change.file, byText);
    }
    let analysis = byText.get(text);
    if (!analysis) {
      analysis = analyzeFile(
        { ...change, headText: text },
        { envs: this.options.envs ?? null, baseWorkersNamed: this.baseWorkersNamed }
      );
      byText.set(text, analysis);
    }
    return analysis;
  }
  /** The code-aware findings of one file (they depend on that file and its code only). */
  codeOf(analysis) {
    const exportsOf = this.options.exportsOf;
    if (!exportsOf) return [];
    let found = this.code.get(analysis);
    if (!found) {
      found = codeFindings([analysis], exportsOf);
      this.code.set(analysis, found);
    }
    return found;
  }
  /** The whole report over every file. */
  report(textOf) {
    const analyses = this.changes.map((c) => this.analysis(c, textOf(c.file)));
    this.links = new Links();
    for (const a of analyses) this.links.set(a.file, crossFileKeys(a));
    return reportFor(
      analyses,
      analyses.flatMap((a) => this.codeOf(a))
    );
  }
  /** A fix changed a file's text: its links follow. */
  moved(file, textOf) {
    const change = this.byName.get(file);
    if (change && this.links) this.links.set(file, crossFileKeys(this.analysis(change, textOf(file))));
  }
  /**
   * The files a fix of `file` is proven on, given the texts it has before and after: the file and
   * the files joined to it (in the changes' order), whose findings are the ones it can change.
   *
   * Their findings are computed from these files alone. A joined file's findings may also depend
   * on files joined to it in turn, but only through a rule that takes findings away (another
   * Worker's DO105 replaces the DO107 of a delete it blocks), and those files are the same before
   * and after: leaving them out can make a proof stricter, never looser (test/core/fix-properties).
   */
  scope(file, versions) {
    const change = this.byName.get(file);
    const keys = versions.map((text) => crossFileKeys(this.analysis(change, text)));
    const files = this.links.joined(file, keys).add(file);
    return this.changes.filter((c) => files.has(c.file));
  }
  /** The findings of these files, from these files. */
  findingsIn(textOf, scope) {
    const analyses = scope.map((c) => this.analysis(c, textOf(c.file)));
    return repositoryFindings(
      analyses,
      analyses.flatMap((a) => this.codeOf(a))
    );
  }
  /**
   * The fixes of every file with a finding this change introduced, from the current findings by
   * file: `open` for the findings the policy leaves open, `suppressed` for the others.
   */
  proposals(textOf, findings, only) {
    const suppression = only ? () => void 0 : this.suppression(textOf, findings);
    const open = [];
    const suppressed = [];
    const context = { today: this.options.today, exportsOf: this.options.exportsOf };
    for (const change of only ? [this.byName.get(only)] : this.changes) {
      const text = textOf(change.file);
      if (text === null || change.headUnreadable) continue;
      const mine = findings.get(change.file) ?? [];
      if (!mine.some((f) => f.introduced)) continue;
      const left = mine.filter((f) => !suppression(f));
      const alone = mine.filter((f) => suppression(f));
      const state = fileState(change, text, left);
      if (!state) continue;
      open.push(...proposalsFor(state, context));
      if (alone.length === 0) continue;
      for (const p of proposalsFor({ ...state, findings: alone }, context)) {
        suppressed.push({
          kind: p.kind,
          file: p.file,
          title: isProposal(p) ? p.title : null,
          targets: p.targets.map((t) => ({ ...t, suppressed: suppression(t) }))
        });
      }
    }
    return { open, suppressed };
  }
  /** How the policy suppresses a finding of the current texts, if it does. */
  suppression(textOf, findings) {
    const policy = this.options.policy;
    if (!policy) return () => void 0;
    const changes = this.changes.map((c) => ({ ...c, headText: textOf(c.file) }));
    const all = changes.flatMap((c) => findings.get(c.file) ?? []);
    return suppressedIn(policy({ risk: "none", findings: all }, changes));
  }
  /**
   * Writes and proves a fix. When the fixed text shows findings the first text hid (renaming
   * `[[migration]]` reveals the misspelt keys of its steps), the fixes of exactly those findings
   * are added to it, up to `depth` deep, and the whole chain is proven against the findings before.
   */
  evaluate(proposal, textOf, options, depth = 2) {
    const change = this.byName.get(proposal.file);
    const text = textOf(proposal.file);
    if (!change || text === null) return { status: "refused", reason: "the file is not there" };
    const format = configFormat(change.file);
    const after = applyOps(format, text, proposal.ops);
    if (after === null || after === text) {
      const reason = uneditable(format, text) ?? "this file's layout is one the fix cannot edit in place";
      return { status: "refused", reason };
    }
    const next = (file) => file === proposal.file ? after : textOf(file);
    const scope = this.scope(proposal.file, [text, after]);
    const fixed = this.findingsIn(next, scope);
    const proof = proveFix(
      { findings: this.findingsIn(textOf, scope) },
      { findings: fixed },
      proposal.targets,
      proposal.adds
    );
    const verdict = judge(proposal, proof, options);
    if (verdict.status === "ok") return proven(verdict, after, scope, fixed, [proposal], proof);
    if (verdict.status !== "refused" || !verdict.added || depth === 0) return verdict;
    const blockers = new Set(verdict.added.map(signature));
    for (const follow of this.proposals(next, byFile(fixed), proposal.file).open) {
      if (!isProposal(follow)) continue;
      if (!follow.targets.every((t) => blockers.has(signature(t)))) continue;
      const rest = this.evaluate(
        follow,
        next,
        { ...options, acceptDeletes: true, acceptRenames: true },
        depth - 1
      );
      if (rest.status !== "ok") continue;
      const chain = [proposal, ...rest.chain];
      const whole = {
        ...proposal,
        targets: chain.flatMap((p) => p.targets).filter((t) => !blockers.has(signature(t))),
        adds: chain.flatMap((p) => p.adds),
        flag: chain.find((p) => p.flag)?.flag ?? null
      };
      const wide = this.scope(proposal.file, [text, after, rest.after]);
      const end = this.findingsIn((file) => file === proposal.file ? rest.after : textOf(file), wide);
      const all = proveFix(
        { findings: this.findingsIn(textOf, wide) },
        { findings: end },
        whole.targets,
        whole.adds
      );
      const combined = judge(whole, all, options);
      return combined.status === "ok" ? proven(combined, rest.after, wide, end, chain, all) : combined;
    }
    return verdict;
  }
};
function fileState(change, headText, findings) {
  const head = parseConfigText(change.file, headText);
  if (!head.ok) return null;
  const base = change.baseText === null || change.baseUnreadable ? null : parseConfigText(change.baseFile ?? change.file, change.baseText);
  const baseConfig = base?.ok ? base : null;
  const headReading = readWorkers(head);
  return {
    file: change.file,
    head,
    base: baseConfig,
    headWorkers: headReading.workers,
    baseWorkers: baseConfig ? readWorkers(baseConfig).workers : [],
    headDrafts: headReading.drafts,
    findings,
    // The base's text as written, when it is in the head's syntax (a config moved to another
    // format is compared with the old file: its values are written out instead).
    baseRaw: (path) => baseConfig && change.baseText !== null && baseConfig.format === head.format ? rawValueText(baseConfig.format, change.baseText, path) : void 0
  };
}

// src/core/fix/fix.ts
var MAX_ROUNDS = 100;
function fixConfigs(changes, options) {
  const checker = new Checker(changes, options);
  const texts = new Map(changes.map((c) => [c.file, c.headText]));
  const textOf = (file) => texts.get(file) ?? null;
  const applied = [];
  const first = checker.report(textOf);
  const findings = byFile(first.findings);
  let left = [];
  let suppressed = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    left = [];
    const candidates = checker.proposals(textOf, findings);
    suppressed = candidates.suppressed;
    const touched = /* @__PURE__ */ new Set();
    for (const candidate of candidates.open) {
      if (touched.has(candidate.file)) continue;
      if (!isProposal(candidate)) {
        left.push(notFixable(candidate));
        continue;
      }
      const verdict = checker.evaluate(candidate, textOf, options);
      if (verdict.status !== "ok") {
        left.push(leftOf(candidate, verdict));
        continue;
      }
      texts.set(candidate.file, verdict.after);
      checker.moved(candidate.file, textOf);
      for (const p of verdict.chain)
        applied.push({ kind: p.kind, file: p.file, title: p.title, targets: p.targets });
      for (const file of verdict.judged) {
        findings.set(file, verdict.findings.get(file) ?? []);
        touched.add(file);
      }
    }
    if (touched.size === 0) break;
  }
  const files = changes.flatMap((c) => {
    const after2 = texts.get(c.file);
    return c.headText !== null && after2 != null && after2 !== c.headText ? [{ file: c.file, before: c.headText, after: after2 }] : [];
  });
  const after = applied.length > 0 ? checker.report(textOf) : first;
  return { files, applied, left, suppressed, before: first, after };
}
function offerFixes(changes, options) {
  const checker = new Checker(changes, options);
  const texts = new Map(changes.map((c) => [c.file, c.headText]));
  const textOf = (file) => texts.get(file) ?? null;
  const findings = byFile(checker.report(textOf).findings);
  const offers = [];
  const all = { ...options, acceptDeletes: true, acceptRenames: true };
  for (const candidate of checker.proposals(textOf, findings).open) {
    if (!isProposal(candidate)) continue;
    const verdict = checker.evaluate(candidate, textOf, all);
    if (verdict.status !== "ok") continue;
    const strict = judge(verdict.proposal, verdict.proof, {
      ...options,
      acceptDeletes: false,
      acceptRenames: false
    });
    const same = offers.findIndex((o) => o.file === candidate.file && o.after === verdict.after);
    if (same >= 0) {
      const o = offers[same];
      offers[same] = { ...o, targets: [...o.targets, ...verdict.chain.flatMap((p) => p.targets)] };
      continue;
    }
    offers.push({
      id: offerId(candidate),
      kind: candidate.kind,
      file: candidate.file,
      title: verdict.chain.map((p) => p.title).join(" "),
      targets: verdict.chain.flatMap((p) => p.targets),
      flag: strict.status === "needs" ? strict.flag : null,
      before: textOf(candidate.file) ?? "",
      after: verdict.after
    });
  }
  return offers;
}
function notFixable(p) {
  return { kind: p.kind, file: p.file, targets: p.targets, title: null, reason: p.reason, flag: null };
}
function leftOf(p, verdict) {
  return {
    kind: p.kind,
    file: p.file,
    targets: p.targets,
    title: p.title,
    reason: verdict.reason,
    flag: verdict.status === "needs" ? verdict.flag : null
  };
}
function offerId(p) {
  const text = [
    p.kind,
    p.file,
    ...p.targets.map(signature).sort(),
    ...p.targets.map((t) => t.tag ?? "")
  ].join("");
  const hash = (seed) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 16777619) >>> 0;
    }
    return h.toString(16).padStart(8, "0");
  };
  return `${p.kind}-${hash(2166136261)}${hash(461845907)}`;
}
export {
  fixConfigs,
  offerFixes,
  proveFix
};

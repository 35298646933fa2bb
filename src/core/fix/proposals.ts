// The mechanical fixes, one per finding kind that has exactly one safe repair, computed from the
// parsed configs (both revisions), the findings' structured data (kind, env, tag, classes) and
// the Worker's code exports: never from message text. Each proposal is a list of document ops;
// fix.ts writes it, proves it by analysing the result again, and applies or offers it.
import { workerEntryPath } from "../analyze/code-exports.ts";
import { pendingSteps } from "../analyze/history.ts";
import type { WorkerExports } from "../code/worker-exports.ts";
import { canonicalJson, isRecord, STEP_KEYS } from "../config/workers.ts";
import { type Draft, q } from "../diagnostics.ts";
import { replayLifecycle } from "../lifecycle/replay.ts";
import type { ConfigPath, Finding, LifecycleStep, ParsedConfig, Worker } from "../model.ts";
import type { DocumentOp } from "./document-ops.ts";
import { bindingPaths, lifecycleScope, valueAt } from "./scope.ts";
import { nextTag } from "./tags.ts";

export type FixKind =
  | "rename-key"
  | "move-addition"
  | "create-bound-class"
  | "split-delete"
  | "retag-duplicate"
  | "rename-class"
  | "phase-one";

/** A fix that changes what the config means (keeps objects a delete would destroy): needs a flag. */
export type FixFlag = "accept-renames";

export interface Proposal {
  readonly kind: FixKind;
  readonly file: string;
  /** The findings this fix resolves (all of them must be gone afterwards). */
  readonly targets: readonly Finding[];
  /** One line: what the fix does, config names in backticks. */
  readonly title: string;
  readonly ops: readonly DocumentOp[];
  readonly flag: FixFlag | null;
  /** Kinds of finding this fix is expected to add (a rename adds `class-renamed`). */
  readonly adds: readonly Finding["kind"][];
}

/** Why a finding that usually has a mechanical fix got none here. */
export interface NoProposal {
  readonly kind: FixKind;
  readonly file: string;
  readonly targets: readonly Finding[];
  readonly reason: string;
}

export interface FileState {
  readonly file: string;
  readonly head: ParsedConfig;
  readonly base: ParsedConfig | null;
  readonly headWorkers: readonly Worker[];
  readonly baseWorkers: readonly Worker[];
  readonly headDrafts: readonly Draft[];
  /** The file's findings in the current report. */
  readonly findings: readonly Finding[];
  /** A value's source text at the base revision (to restore it exactly), when it has one. */
  readonly baseRaw: (path: ConfigPath) => string | undefined;
}

export interface ProposalContext {
  readonly today: string;
  readonly exportsOf?: ((entryPath: string) => WorkerExports | undefined) | undefined;
}

export function proposalsFor(state: FileState, context: ProposalContext): (Proposal | NoProposal)[] {
  const out: (Proposal | NoProposal)[] = [];
  const boundGroups = new Map<string, Finding[]>();
  const stillBound = new Map<string, Finding[]>();
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
        boundGroups.set(key, [...(boundGroups.get(key) ?? []), finding]);
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
        const key = `\u0000${finding.tag}\u0000${finding.classes.join("\u0000")}`;
        stillBound.set(key, [...(stillBound.get(key) ?? []), finding]);
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

export function isProposal(p: Proposal | NoProposal): p is Proposal {
  return "ops" in p;
}

function push(out: (Proposal | NoProposal)[], p: Proposal | NoProposal | null): void {
  if (p) out.push(p);
}

// ---------------------------------------------------------------------------------------------
// Where a Worker's lifecycle lives

function steps(_state: FileState, worker: Worker): readonly LifecycleStep[] {
  return worker.lifecycle.model === "migrations" ? worker.lifecycle.steps : [];
}

function workerAt(workers: readonly Worker[], env: string | null): Worker | undefined {
  return workers.find((w) => w.env === env);
}

function fileOf(state: FileState, targets: readonly Finding[], kind: FixKind, reason: string): NoProposal {
  return { kind, file: state.file, targets, reason };
}

const CREATE_KEYS = ["new_sqlite_classes", "new_classes"] as const;

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

// ---------------------------------------------------------------------------------------------
// 1. A misspelt key with one clear suggestion

function renameKey(state: FileState, finding: Finding): Proposal | null {
  const draft = state.headDrafts.find(
    (d) =>
      d.kind === "unknown-key" &&
      d.env === finding.env &&
      d.path !== undefined &&
      state.head.locate(d.path) === finding.line &&
      (d.classes ?? []).join("\u0000") === finding.classes.join("\u0000") &&
      (d.tag ?? null) === finding.tag,
  );
  if (!draft?.path || !draft.replacement) return null;
  const path = draft.path;
  const parent = valueAt(state.head.value, path.slice(0, -1));
  // Renaming onto a key that is there already makes a duplicate key, except that TOML's `[[x]]`
  // blocks of both names join one list (which the proof then judges).
  const existing = isRecord(parent) ? parent[draft.replacement] : undefined;
  if (existing !== undefined && !(state.head.format === "toml" && Array.isArray(existing))) return null;
  const from = String(path[path.length - 1]);
  const where = finding.tag
    ? ` in migration ${q(finding.tag)}`
    : finding.env
      ? ` in env ${q(finding.env)}`
      : "";
  return {
    kind: "rename-key",
    file: state.file,
    targets: [finding],
    title: `Rename ${q(from)} to ${q(draft.replacement)}${where}.`,
    ops: [{ op: "rename-key", path, to: draft.replacement }],
    flag: null,
    adds: [],
  };
}

// ---------------------------------------------------------------------------------------------
// 2. An applied step edited to add operations: restore it, move the addition to a new step

function moveAddition(
  state: FileState,
  finding: Finding,
  context: ProposalContext,
): Proposal | NoProposal | null {
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
  const baseEntry = state.base ? valueAt(state.base.value, [...baseList, baseIndex]) : undefined;
  if (!isRecord(headEntry) || !isRecord(baseEntry)) return null;

  const added: Record<string, unknown[]> = {};
  for (const key of Object.keys(headEntry)) {
    if (key === "tag") continue;
    if (!(STEP_KEYS as readonly string[]).includes(key) || !Array.isArray(headEntry[key])) {
      return fileOf(
        state,
        [finding],
        "move-addition",
        `migration ${q(finding.tag)} gained ${q(key)}, which is not a list of operations`,
      );
    }
    const before = baseEntry[key] === undefined ? [] : baseEntry[key];
    if (!Array.isArray(before)) return null;
    const remaining = before.map((item) => canonicalJson(item));
    const extra: unknown[] = [];
    for (const item of headEntry[key] as unknown[]) {
      const at = remaining.indexOf(canonicalJson(item));
      if (at >= 0) remaining.splice(at, 1);
      else extra.push(item);
    }
    if (remaining.length > 0) {
      return fileOf(
        state,
        [finding],
        "move-addition",
        `migration ${q(finding.tag)} was changed, not only added to (${q(key)} lost entries): restore it by hand and append a new migration`,
      );
    }
    if (extra.length > 0) added[key] = extra;
  }
  for (const key of Object.keys(baseEntry)) {
    if (key !== "tag" && headEntry[key] === undefined) {
      return fileOf(
        state,
        [finding],
        "move-addition",
        `migration ${q(finding.tag)} lost ${q(key)}: restore it by hand`,
      );
    }
  }
  const keys = Object.keys(added);
  if (keys.length === 0) return null;

  const ops: DocumentOp[] = [];
  for (const key of keys) {
    const path = [...headList, headIndex, key];
    if (baseEntry[key] === undefined) ops.push({ op: "remove", path });
    else
      ops.push({ op: "set", path, value: baseEntry[key], raw: rawOf(state, [...baseList, baseIndex, key]) });
  }
  const tag = nextTag(
    headSteps.map((s) => s.tag),
    context.today,
  );
  const step: Record<string, unknown> = { tag };
  for (const key of STEP_KEYS) if (added[key]) step[key] = added[key];
  ops.push({ op: "append", path: headList, value: step });
  const names = keys.flatMap((k) => added[k]!.map(describeItem));
  return {
    kind: "move-addition",
    file: state.file,
    targets: [finding],
    title: `Restore migration ${q(finding.tag)} as it was applied and move the addition (${names.join(", ")}) to a new migration ${q(tag)}.`,
    ops,
    flag: null,
    adds: [],
  };
}

function describeItem(item: unknown): string {
  if (typeof item === "string") return q(item);
  if (isRecord(item) && typeof item.from === "string" && typeof item.to === "string")
    return `${q(item.from)} -> ${q(item.to)}`;
  return q(item);
}

function rawOf(state: FileState, path: ConfigPath): string | undefined {
  return state.baseRaw(path);
}

// ---------------------------------------------------------------------------------------------
// 3. Bindings to classes no step creates: one new step creating them (the code permitting)

function createBoundClasses(
  state: FileState,
  findings: readonly Finding[],
  context: ProposalContext,
): Proposal | NoProposal | null {
  const env = findings[0]!.env;
  const worker = workerAt(state.headWorkers, env);
  if (!worker) return null;
  const entry = workerEntryPath(worker);
  const exports = entry ? context.exportsOf?.(entry) : undefined;
  const wanted = [...new Set(findings.flatMap((f) => f.classes))];
  if (exports?.status === "known") {
    const missing = wanted.filter((name) => !exports.names.has(name));
    if (missing.length > 0) {
      return fileOf(
        state,
        findings.filter((f) => f.classes.some((c) => missing.includes(c))),
        "create-bound-class",
        `${q(entry)} does not export ${missing.map(q).join(", ")}: fix the binding's \`class_name\`, or export the class, then run fix again`,
      );
    }
  }
  const classes = wanted;
  const scope = lifecycleScope(worker);
  if (worker.lifecycle.model === "exports") {
    const ops: DocumentOp[] = classes.map((name) => ({
      op: "add-key",
      path: [...scope, "exports"],
      key: name,
      value: { type: "durable-object", storage: "sqlite" },
    }));
    return {
      kind: "create-bound-class",
      file: state.file,
      targets: findings,
      title: `Declare ${classes.map(q).join(", ")} in \`exports\` with SQLite storage, as the binding${findings.length > 1 ? "s expect" : " expects"}.`,
      ops,
      flag: null,
      adds: [],
    };
  }
  const tag = nextTag(
    steps(state, worker).map((s) => s.tag),
    context.today,
  );
  return {
    kind: "create-bound-class",
    file: state.file,
    targets: findings,
    title: `Add migration ${q(tag)} creating ${classes.map(q).join(", ")} with SQLite storage (\`new_sqlite_classes\`), as the binding${findings.length > 1 ? "s expect" : " expects"}.`,
    ops: [{ op: "append", path: [...scope, "migrations"], value: { tag, new_sqlite_classes: classes } }],
    flag: null,
    adds: ["class-created"],
  };
}

// ---------------------------------------------------------------------------------------------
// 4. A new step mixing a delete with other operations: the delete in a step of its own

function pendingStep(
  state: FileState,
  worker: Worker,
  tag: string | null,
): { step: LifecycleStep; index: number } | null {
  const base = workerAt(state.baseWorkers, worker.env);
  const head = steps(state, worker);
  const pending = pendingSteps(base ? steps(state, base) : [], head);
  const step = [...pending].reverse().find((s) => s.tag === tag);
  return step ? { step, index: step.index } : null;
}

function splitDelete(
  state: FileState,
  finding: Finding,
  context: ProposalContext,
): Proposal | NoProposal | null {
  const worker = workerAt(state.headWorkers, finding.env);
  if (!worker) return null;
  const found = pendingStep(state, worker, finding.tag);
  if (!found) return null;
  const list = [...lifecycleScope(worker), "migrations"];
  const entry = valueAt(state.head.value, [...list, found.index]);
  if (!isRecord(entry)) return null;
  const deleted = stringList(entry.deleted_classes);
  const others = found.step.ops.filter((op) => op.type !== "delete");
  const named = new Set(others.flatMap((op) => (op.type === "rename" ? [op.from, op.to] : [op.className])));
  const clash = deleted.filter((name) => named.has(name));
  if (clash.length > 0) {
    return fileOf(
      state,
      [finding],
      "split-delete",
      `migration ${q(finding.tag)} deletes and also creates or renames ${clash.map(q).join(", ")}: splitting would change its meaning`,
    );
  }
  const tag = nextTag(
    steps(state, worker).map((s) => s.tag),
    context.today,
  );
  return {
    kind: "split-delete",
    file: state.file,
    targets: [finding],
    title: `Move the delete of ${deleted.map(q).join(", ")} out of migration ${q(finding.tag)} into a migration of its own, ${q(tag)} (the two-phase deploy needs it apart).`,
    ops: [
      { op: "remove", path: [...list, found.index, "deleted_classes"] },
      { op: "append", path: list, value: { tag, deleted_classes: deleted } },
    ],
    flag: null,
    adds: [],
  };
}

// ---------------------------------------------------------------------------------------------
// 5. A new step whose tag another step has: the next free tag

function retagDuplicate(state: FileState, finding: Finding, context: ProposalContext): Proposal | null {
  const worker = workerAt(state.headWorkers, finding.env);
  if (!worker || finding.tag === null) return null;
  const found = pendingStep(state, worker, finding.tag);
  const head = steps(state, worker);
  const copies = head.filter((s) => s.tag === finding.tag);
  // Only a copy no deployed Worker can have: the last one, and not the first copy.
  if (!found || copies.length < 2 || found.step === copies[0]) return null;
  const tag = nextTag(
    head.map((s) => s.tag),
    context.today,
  );
  return {
    kind: "retag-duplicate",
    file: state.file,
    targets: [finding],
    title: `Rename the tag of the new migration ${q(finding.tag)} (a duplicate) to ${q(tag)}.`,
    ops: [{ op: "set", path: [...lifecycleScope(worker), "migrations", found.index, "tag"], value: tag }],
    flag: null,
    adds: [],
  };
}

// ---------------------------------------------------------------------------------------------
// 6. Delete + create that looks like a rename: a rename (keeps the objects), on request only

function renameClass(state: FileState, finding: Finding): Proposal | NoProposal | null {
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
      `${q(gone)} has ${wasStorage === "kv" ? "key-value" : "SQLite"} storage and ${q(target)} ${nowStorage === "kv" ? "key-value" : "SQLite"}: a rename keeps the storage, so a storage switch cannot be one`,
    );
  }
  const list = [...lifecycleScope(worker), "migrations"];
  const pending = pendingSteps(steps(state, base), steps(state, worker));
  const entryOf = (s: LifecycleStep) => valueAt(state.head.value, [...list, s.index]);
  const deleting = pending.find((s) => s.ops.some((op) => op.type === "delete" && op.className === gone));
  const creating = pending.find((s) => s.ops.some((op) => op.type === "create" && op.className === target));
  if (!deleting || !creating) return null;
  const deleteEntry = entryOf(deleting);
  const createEntry = entryOf(creating);
  if (!isRecord(deleteEntry) || !isRecord(createEntry)) return null;
  const createKey = CREATE_KEYS.find((k) => stringList(createEntry[k]).includes(target));
  if (!createKey) return null;

  const ops: DocumentOp[] = [];
  const dropFromList = (entry: Record<string, unknown>, index: number, key: string, name: string) => {
    const values = stringList(entry[key]);
    const path = [...list, index, key];
    if (values.length === 1) ops.push({ op: "remove", path });
    else ops.push({ op: "remove", path: [...path, values.indexOf(name)] });
  };
  // Within the create step: the create becomes the rename.
  if (Array.isArray(createEntry.renamed_classes))
    ops.push({
      op: "append",
      path: [...list, creating.index, "renamed_classes"],
      value: { from: gone, to: target },
    });
  else
    ops.push({
      op: "add-key",
      path: [...list, creating.index],
      key: "renamed_classes",
      value: [{ from: gone, to: target }],
    });
  dropFromList(createEntry, creating.index, createKey, target);
  // The delete goes; a step left with nothing but its tag goes with it.
  const deleteKeys = Object.keys(deleteEntry).filter((k) => k !== "tag");
  const onlyThisDelete =
    deleting !== creating && deleteKeys.length === 1 && stringList(deleteEntry.deleted_classes).length === 1;
  if (onlyThisDelete) ops.push({ op: "remove", path: [...list, deleting.index] });
  else dropFromList(deleteEntry, deleting.index, "deleted_classes", gone);
  return {
    kind: "rename-class",
    file: state.file,
    targets: [finding],
    title: `Rename ${q(gone)} to ${q(target)} (\`renamed_classes\`) instead of deleting ${q(gone)} and creating ${q(target)}: the objects and their data are kept.`,
    ops,
    flag: "accept-renames",
    adds: ["class-renamed"],
  };
}

// ---------------------------------------------------------------------------------------------
// 7. A delete still bound (DO103): phase 1 of the two-phase delete, ready to deploy

/**
 * The delete and a binding to the class in one deploy is rejected (10061). Phase 1 removes every
 * binding to the class in the Workers that read the deleting step, and holds the delete back (the
 * step goes, or only the class's entry in it); the class stays exported by the code. Phase 2 puts
 * the delete back in a pull request of its own.
 */
function holdBackDelete(
  state: FileState,
  findings: readonly Finding[],
  context: ProposalContext,
): Proposal | NoProposal | null {
  const first = findings[0]!;
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

  // Every binding to the class in the Workers that read this step (an inherited top-level list
  // reaches every env without a list of its own).
  const scope = lifecycleScope(worker).join("\u0000");
  const readers = state.headWorkers.filter(
    (w) => w.lifecycle.model === "migrations" && lifecycleScope(w).join("\u0000") === scope,
  );
  const removals = readers.flatMap((w) =>
    bindingPaths(state.head.value as Record<string, unknown>, w, className),
  );
  if (removals.length === 0) {
    return fileOf(
      state,
      findings,
      "phase-one",
      `the binding to ${q(className)} names another Worker's class through \`script_name\`: deploy that binding change on its own first`,
    );
  }
  const entryOf = context.exportsOf && workerEntryPath(worker);
  const exports = entryOf ? context.exportsOf?.(entryOf) : undefined;
  if (exports?.status === "known" && !exports.names.has(className)) {
    return fileOf(
      state,
      findings,
      "phase-one",
      `${q(entryOf)} no longer exports ${q(className)}, and phase 1 needs it (code 10064): export it again (a stub class is enough), then run fix again`,
    );
  }
  const ops: DocumentOp[] = [];
  // Highest index first within each list, so the earlier paths stay valid.
  for (const path of [...removals].reverse()) ops.push({ op: "remove", path });
  if (onlyThisDelete) ops.push({ op: "remove", path: entryPath });
  else if (deleted.length === 1) ops.push({ op: "remove", path: [...entryPath, "deleted_classes"] });
  else ops.push({ op: "remove", path: [...entryPath, "deleted_classes", deleted.indexOf(className)] });
  const envs = [
    ...new Set(
      readers
        .filter((w) => bindingPaths(state.head.value as Record<string, unknown>, w, className).length > 0)
        .map((w) => (w.env === null ? "the top level" : `env ${q(w.env)}`)),
    ),
  ];
  return {
    kind: "phase-one",
    file: state.file,
    targets: findings,
    title: `Phase 1 of deleting ${q(className)}: remove its binding${removals.length === 1 ? "" : "s"} (${envs.join(", ")}) and hold the delete in migration ${q(first.tag)} back; keep exporting ${q(className)}, deploy, then add the delete again (phase 2).`,
    ops,
    flag: null,
    // Phase 1 is the removal of the bindings the code used: the check says so (DO401).
    adds: ["binding-removed"],
  };
}

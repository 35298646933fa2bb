// Reads one scope's Durable Object lifecycle, as wrangler reads it: `migrations` (each step's
// creates, renames, deletes and transfers, its unknown keys) or `exports` (each entry's state and
// the keys that state needs or forbids). A value wrangler would refuse or ignore becomes a draft.
import type { Draft } from "../diagnostics.ts";
import type {
  ConfigPath,
  ExportEntry,
  Lifecycle,
  LifecycleOp,
  LifecycleStep,
  ParsedConfig,
  Storage,
} from "../model.ts";
import { lifecycleConflict, unknownKey } from "../rules/config-files.ts";
import { closest } from "../text/suggest.ts";
import { invalid, type Scope } from "./scope.ts";
import { canonicalStep, isRecord, stringsOf } from "./values.ts";

export const STEP_KEYS = [
  "tag",
  "new_classes",
  "new_sqlite_classes",
  "renamed_classes",
  "deleted_classes",
  "transferred_classes",
] as const;
// Looked up for every key of every step of every config: a hash lookup, not six string compares.
const STEP_KEY_SET: ReadonlySet<string> = new Set(STEP_KEYS);
const EXPORT_STATES = ["created", "deleted", "renamed", "transferred", "expecting-transfer"] as const;
/** The keys wrangler allows on a Durable Object `exports` entry of each state (workers-utils). */
const EXPORT_KEYS: Record<(typeof EXPORT_STATES)[number], readonly string[]> = {
  created: ["type", "state", "storage", "container"],
  deleted: ["type", "state"],
  renamed: ["type", "state", "renamed_to"],
  transferred: ["type", "state", "transferred_to"],
  "expecting-transfer": ["type", "state", "storage", "transfer_from", "container"],
};

export function readLifecycle(config: ParsedConfig, scope: Scope, drafts: Draft[]): Lifecycle {
  const { migrations, exports } = scope.value;
  const hasExports = isRecord(exports) && Object.values(exports).some(isDurableObjectExport);
  const hasMigrations = migrations !== undefined && !(Array.isArray(migrations) && migrations.length === 0);
  if (hasMigrations && hasExports) {
    drafts.push({
      kind: "lifecycle-conflict",
      env: scope.env,
      path: [...scope.path, "exports"],
      ...lifecycleConflict({ env: scope.env }),
    });
  }
  if (hasExports) return { model: "exports", entries: readExports(config, scope, drafts), inherited: false };
  if (migrations === undefined) return { model: "none" };
  if (!Array.isArray(migrations)) {
    drafts.push(invalid(scope.env, [...scope.path, "migrations"], { problem: "migrations-not-list" }));
    return { model: "none" };
  }
  const steps = migrations.map((entry, index) => readStep(config, scope, entry, index, drafts));
  return { model: "migrations", steps, inherited: false };
}

function readStep(
  config: ParsedConfig,
  scope: Scope,
  entry: unknown,
  index: number,
  drafts: Draft[],
): LifecycleStep {
  const path = [...scope.path, "migrations", index];
  const line = config.locate(path);
  if (!isRecord(entry)) {
    drafts.push(invalid(scope.env, path, { problem: "step-not-table", index }));
    return { tag: null, index, line, ops: [], canonical: JSON.stringify(entry) };
  }
  const tag = typeof entry.tag === "string" ? entry.tag : null;
  if (tag === null) {
    drafts.push(invalid(scope.env, path, { problem: "step-without-tag", index }));
  }
  for (const key of Object.keys(entry)) {
    if (STEP_KEY_SET.has(key)) continue;
    const guess = closest(key, STEP_KEYS);
    drafts.push({
      kind: "unknown-key",
      env: scope.env,
      path: [...path, key],
      tag,
      classes: stringsOf(entry[key]),
      ...unknownKey({ key, guess, where: "step", tag, index, stepKeys: STEP_KEYS }),
      ...(guess ? { replacement: guess } : {}),
    });
  }
  const ops: LifecycleOp[] = [];
  const list = (key: string): string[] => {
    const value = entry[key];
    if (value === undefined) return [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
      drafts.push(invalid(scope.env, [...path, key], { problem: "not-class-list", key }));
      return [];
    }
    return value as string[];
  };
  for (const className of list("new_classes")) ops.push({ type: "create", className, storage: "kv" });
  for (const className of list("new_sqlite_classes"))
    ops.push({ type: "create", className, storage: "sqlite" });
  const renamed =
    entry.renamed_classes === undefined
      ? []
      : records(entry.renamed_classes, scope, [...path, "renamed_classes"], drafts);
  for (const item of renamed) {
    if (typeof item.from === "string" && typeof item.to === "string") {
      ops.push({ type: "rename", from: item.from, to: item.to });
    } else {
      drafts.push(invalid(scope.env, [...path, "renamed_classes"], { problem: "rename-incomplete" }));
    }
  }
  for (const className of list("deleted_classes")) ops.push({ type: "delete", className });
  const transferred =
    entry.transferred_classes === undefined
      ? []
      : records(entry.transferred_classes, scope, [...path, "transferred_classes"], drafts);
  for (const item of transferred) {
    if (
      typeof item.from === "string" &&
      typeof item.to === "string" &&
      typeof item.from_script === "string"
    ) {
      ops.push({ type: "transfer-in", className: item.to, from: item.from, fromScript: item.from_script });
    } else {
      drafts.push(invalid(scope.env, [...path, "transferred_classes"], { problem: "transfer-incomplete" }));
    }
  }
  return { tag, index, line, ops, canonical: canonicalStep(entry) };
}

function records(value: unknown, scope: Scope, path: ConfigPath, drafts: Draft[]): Record<string, unknown>[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    drafts.push(invalid(scope.env, path, { problem: "not-table-list", key: path[path.length - 1] }));
    return [];
  }
  return value.filter(isRecord);
}

function isDurableObjectExport(value: unknown): boolean {
  return isRecord(value) && value.type === "durable-object";
}

function readExports(config: ParsedConfig, scope: Scope, drafts: Draft[]): ExportEntry[] {
  const entries: ExportEntry[] = [];
  for (const [className, value] of Object.entries(scope.value.exports as Record<string, unknown>)) {
    if (!isDurableObjectExport(value)) continue;
    const entry = value as Record<string, unknown>;
    const path = [...scope.path, "exports", className];
    const state = entry.state ?? "created";
    if (typeof state !== "string" || !(EXPORT_STATES as readonly string[]).includes(state)) {
      const guess = typeof state === "string" ? closest(state, EXPORT_STATES) : null;
      drafts.push(
        invalid(scope.env, [...path, "state"], {
          problem: "export-state",
          className,
          state,
          guess,
          states: EXPORT_STATES,
        }),
      );
      continue;
    }
    const storage = entry.storage === "sqlite" ? "sqlite" : entry.storage === "legacy-kv" ? "kv" : null;
    const needs: [string, boolean][] = [
      ["storage", (state === "created" || state === "expecting-transfer") && storage === null],
      ["renamed_to", state === "renamed" && typeof entry.renamed_to !== "string"],
      ["transferred_to", state === "transferred" && typeof entry.transferred_to !== "string"],
      ["transfer_from", state === "expecting-transfer" && typeof entry.transfer_from !== "string"],
    ];
    const missing = needs.filter(([, isMissing]) => isMissing);
    for (const [key] of missing) {
      drafts.push(invalid(scope.env, [...path, key], { problem: "export-needs", className, state, key }));
    }
    if (missing.length > 0) continue; // wrangler rejects the config: nothing to replay from it
    // wrangler (>= 4.107) refuses a key its state does not allow, e.g. the `storage` left on an
    // entry turned into a tombstone. The entry still says what it means: it is replayed.
    const allowed = EXPORT_KEYS[state as ExportEntry["state"]];
    for (const key of Object.keys(entry).filter((k) => !allowed.includes(k))) {
      drafts.push(
        invalid(scope.env, [...path, key], { problem: "export-forbids", className, state, key, allowed }),
      );
    }
    entries.push({
      className,
      state: state as ExportEntry["state"],
      storage: storage as Storage | null,
      renamedTo: typeof entry.renamed_to === "string" ? entry.renamed_to : null,
      transferredTo: typeof entry.transferred_to === "string" ? entry.transferred_to : null,
      transferFrom: typeof entry.transfer_from === "string" ? entry.transfer_from : null,
      line: config.locate(path),
    });
  }
  return entries;
}

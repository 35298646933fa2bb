// Resolves a parsed config into the Workers it deploys, one per environment, as wrangler does:
// `migrations` and `exports` are inherited by `[env.X]` unless the env has its own (which
// replaces, never merges); `durable_objects` is not inherited; the Worker name is `env.X.name`,
// else `<top name>-<X>`. Problems wrangler only warns about (or lets through) become drafts.
import { type Draft, envLabel, q } from "../diagnostics.ts";
import type {
  ConfigPath,
  DurableObjectBinding,
  ExportEntry,
  Lifecycle,
  LifecycleOp,
  LifecycleStep,
  ParsedConfig,
  Storage,
  Worker,
} from "../model.ts";
import { closest } from "../text/suggest.ts";

export const STEP_KEYS = [
  "tag",
  "new_classes",
  "new_sqlite_classes",
  "renamed_classes",
  "deleted_classes",
  "transferred_classes",
] as const;
const BINDING_KEYS = ["name", "class_name", "script_name", "environment"] as const;
const LIFECYCLE_KEYS = ["migrations", "durable_objects", "exports"] as const;
const EXPORT_STATES = ["created", "deleted", "renamed", "transferred", "expecting-transfer"] as const;

export interface WorkersReading {
  readonly workers: readonly Worker[];
  readonly drafts: readonly Draft[];
}

type Scope = { env: string | null; value: Record<string, unknown>; path: ConfigPath };

export function readWorkers(config: ParsedConfig): WorkersReading {
  const drafts: Draft[] = [];
  const top = config.value;
  const scopes: Scope[] = [{ env: null, value: top, path: [] }];
  const envs = top.env;
  if (envs !== undefined) {
    if (!isRecord(envs)) {
      drafts.push(invalid(null, ["env"], "`env` is not a table of environments", "Make `env` a table."));
    } else {
      for (const [env, value] of Object.entries(envs)) {
        if (isRecord(value)) scopes.push({ env, value, path: ["env", env] });
        else drafts.push(invalid(env, ["env", env], `${envLabel(env)} is not a table`, "Make it a table."));
      }
    }
  }

  const topLifecycle = readLifecycle(config, scopes[0]!, drafts);
  const workers = scopes.map((scope): Worker => {
    checkMisspeltScopeKeys(scope, drafts);
    const own = scope.env === null ? topLifecycle : readLifecycle(config, scope, drafts);
    const lifecycle: Lifecycle =
      own.model === "none" && scope.env !== null && topLifecycle.model !== "none"
        ? { ...topLifecycle, inherited: true }
        : own;
    return {
      file: config.file,
      env: scope.env,
      name: workerName(top, scope),
      nameLine: config.locate([...scope.path, "name"]),
      envLine: scope.env === null ? null : config.locate(scope.path),
      bindingsLine:
        scope.value.durable_objects === undefined
          ? null
          : config.locate([...scope.path, "durable_objects", "bindings"]),
      main:
        typeof scope.value.main === "string"
          ? scope.value.main
          : typeof top.main === "string"
            ? top.main
            : null,
      lifecycle,
      bindings: readBindings(config, scope, drafts),
      ownsLifecycle: own.model !== "none",
      ...accountIdOf(top, scope),
    };
  });
  return { workers, drafts };
}

/** `account_id` is inheritable: an env's own, else the top level's (wrangler's rule). */
function accountIdOf(top: Record<string, unknown>, scope: Scope): { accountId?: string } {
  for (const value of [scope.value.account_id, top.account_id]) {
    if (typeof value === "string" && value.trim() !== "") return { accountId: value.trim() };
  }
  return {};
}

function workerName(top: Record<string, unknown>, scope: Scope): string | null {
  if (typeof scope.value.name === "string") return scope.value.name;
  if (scope.env === null || typeof top.name !== "string") return null;
  return `${top.name}-${scope.env}`;
}

function checkMisspeltScopeKeys(scope: Scope, drafts: Draft[]): void {
  for (const key of Object.keys(scope.value)) {
    if ((LIFECYCLE_KEYS as readonly string[]).includes(key)) continue;
    const guess = closest(key, LIFECYCLE_KEYS);
    if (!guess) continue;
    const ignored = guess === "durable_objects" ? "its bindings are" : "its Durable Object lifecycle is";
    drafts.push({
      kind: "unknown-key",
      env: scope.env,
      path: [...scope.path, key],
      message: `Unknown key ${q(key)} in ${envLabel(scope.env)}: wrangler only warns, and ${ignored} silently ignored.`,
      fix: `Rename ${q(key)} to ${q(guess)}.`,
      replacement: guess,
    });
  }
}

function readLifecycle(config: ParsedConfig, scope: Scope, drafts: Draft[]): Lifecycle {
  const { migrations, exports } = scope.value;
  const hasExports = isRecord(exports) && Object.values(exports).some(isDurableObjectExport);
  const hasMigrations = migrations !== undefined && !(Array.isArray(migrations) && migrations.length === 0);
  if (hasMigrations && hasExports) {
    drafts.push({
      kind: "lifecycle-conflict",
      env: scope.env,
      path: [...scope.path, "exports"],
      message: `${envLabel(scope.env)} declares both \`migrations\` and Durable Object \`exports\`: wrangler refuses the config.`,
      fix: "Keep one lifecycle model. Moving to `exports` is one-way (the API refuses to go back, code 100403).",
    });
  }
  if (hasExports) return { model: "exports", entries: readExports(config, scope, drafts), inherited: false };
  if (migrations === undefined) return { model: "none" };
  if (!Array.isArray(migrations)) {
    drafts.push(
      invalid(
        scope.env,
        [...scope.path, "migrations"],
        "`migrations` is not a list",
        "Make it a list of steps.",
      ),
    );
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
    drafts.push(
      invalid(scope.env, path, `migration #${index + 1} is not a table`, "Make each step a table."),
    );
    return { tag: null, index, line, ops: [], canonical: JSON.stringify(entry) };
  }
  const tag = typeof entry.tag === "string" ? entry.tag : null;
  if (tag === null) {
    drafts.push(
      invalid(
        scope.env,
        path,
        `migration #${index + 1} has no string \`tag\`: wrangler rejects the config`,
        "Add a unique `tag`.",
      ),
    );
  }
  for (const key of Object.keys(entry)) {
    if ((STEP_KEYS as readonly string[]).includes(key)) continue;
    const guess = closest(key, STEP_KEYS);
    drafts.push({
      kind: "unknown-key",
      env: scope.env,
      path: [...path, key],
      tag,
      classes: stringsOf(entry[key]),
      message: `Unknown key ${q(key)} in migration ${q(tag ?? index + 1)}: wrangler only warns and sends it to the API as is, so the step does not do what it says.`,
      fix: guess ? `Did you mean ${q(guess)}?` : `Remove ${q(key)}; a step takes ${STEP_KEYS.join(", ")}.`,
      ...(guess ? { replacement: guess } : {}),
    });
  }
  const ops: LifecycleOp[] = [];
  const list = (key: string): string[] => {
    const value = entry[key];
    if (value === undefined) return [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
      drafts.push(
        invalid(
          scope.env,
          [...path, key],
          `${q(key)} is not a list of class names`,
          "Use a list of strings.",
        ),
      );
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
      drafts.push(
        invalid(
          scope.env,
          [...path, "renamed_classes"],
          "a rename needs string `from` and `to`",
          "Add both.",
        ),
      );
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
      drafts.push(
        invalid(
          scope.env,
          [...path, "transferred_classes"],
          "a transfer needs `from`, `from_script` and `to`",
          "Add them.",
        ),
      );
    }
  }
  return { tag, index, line, ops, canonical: canonicalStep(entry) };
}

function records(value: unknown, scope: Scope, path: ConfigPath, drafts: Draft[]): Record<string, unknown>[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    drafts.push(
      invalid(scope.env, path, `${q(path[path.length - 1])} is not a list`, "Use a list of tables."),
    );
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
        invalid(
          scope.env,
          [...path, "state"],
          `exports entry ${q(className)} has state ${q(state)}`,
          guess ? `Did you mean ${q(guess)}?` : `Use one of ${EXPORT_STATES.join(", ")}.`,
        ),
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
      drafts.push(
        invalid(
          scope.env,
          [...path, key],
          `exports entry ${q(className)} (state ${q(state)}) needs ${q(key)}${key === "storage" ? ' ("sqlite" or "legacy-kv")' : ""}: wrangler rejects it`,
          `Add ${q(key)}.`,
        ),
      );
    }
    if (missing.length > 0) continue; // wrangler rejects the config: nothing to replay from it
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

function readBindings(config: ParsedConfig, scope: Scope, drafts: Draft[]): DurableObjectBinding[] {
  const durableObjects = scope.value.durable_objects;
  if (durableObjects === undefined) return [];
  const path = [...scope.path, "durable_objects"];
  if (!isRecord(durableObjects)) {
    drafts.push(
      invalid(scope.env, path, "`durable_objects` is not a table", "Use `durable_objects.bindings`."),
    );
    return [];
  }
  for (const key of Object.keys(durableObjects)) {
    if (key === "bindings") continue;
    const guess = closest(key, ["bindings"]);
    drafts.push({
      kind: "unknown-key",
      env: scope.env,
      path: [...path, key],
      message: `Unknown key ${q(key)} in \`durable_objects\`: wrangler only warns and ignores it.`,
      fix: guess ? "Did you mean `bindings`?" : "Bindings go in `durable_objects.bindings`.",
      ...(guess ? { replacement: guess } : {}),
    });
  }
  const bindings: DurableObjectBinding[] = [];
  const list = durableObjects.bindings;
  if (list === undefined) return bindings;
  if (!Array.isArray(list)) {
    drafts.push(
      invalid(
        scope.env,
        [...path, "bindings"],
        "`durable_objects.bindings` is not a list",
        "Make it a list.",
      ),
    );
    return bindings;
  }
  list.forEach((item, index) => {
    const at = [...path, "bindings", index];
    if (!isRecord(item)) {
      drafts.push(
        invalid(scope.env, at, "a Durable Object binding is not a table", "Use `{ name, class_name }`."),
      );
      return;
    }
    for (const key of Object.keys(item)) {
      if ((BINDING_KEYS as readonly string[]).includes(key)) continue;
      const guess = closest(key, BINDING_KEYS) ?? (key === "class" ? "class_name" : null);
      drafts.push({
        kind: "unknown-key",
        env: scope.env,
        path: [...at, key],
        classes: typeof item[key] === "string" ? [item[key] as string] : [],
        message: `Unknown key ${q(key)} in a Durable Object binding: wrangler only warns and ignores it.`,
        fix: guess ? `Did you mean ${q(guess)}?` : `A binding takes ${BINDING_KEYS.join(", ")}.`,
        ...(guess ? { replacement: guess } : {}),
      });
    }
    if (typeof item.name !== "string" || typeof item.class_name !== "string") {
      drafts.push(
        invalid(scope.env, at, "a Durable Object binding needs string `name` and `class_name`", "Add them."),
      );
      return;
    }
    bindings.push({
      name: item.name,
      className: item.class_name,
      scriptName: typeof item.script_name === "string" ? item.script_name : null,
      environment: typeof item.environment === "string" ? item.environment : null,
      line: config.locate(at),
    });
  });
  return bindings;
}

function invalid(env: string | null, path: ConfigPath, what: string, fix: string): Draft {
  return { kind: "invalid-config", env, path, message: `Invalid config in ${envLabel(env)}: ${what}.`, fix };
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** canonicalJson of a step without its tag. */
function canonicalStep(entry: Record<string, unknown>): string {
  const direct = plainCanonicalJson(entry, "tag");
  if (direct !== undefined) return direct;
  const { tag: _tag, ...rest } = entry;
  return canonicalJson(rest);
}

/** JSON with object keys sorted: two steps are the same step when their canonical texts are equal. */
export function canonicalJson(value: unknown): string {
  return plainCanonicalJson(value) ?? JSON.stringify(value, sortedKeys);
}

function sortedKeys(_key: string, v: unknown): unknown {
  return isRecord(v)
    ? Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, v[k]]),
      )
    : v;
}

const INDEX_LIKE = /^(?:0|[1-9][0-9]*)$/;

/**
 * canonicalJson written out directly (a step is canonicalised for every migration of every
 * config), for plain parsed data only: strings, finite numbers, booleans, null, arrays and plain
 * objects without array-index keys (which Object.fromEntries would move first). Anything else
 * gives undefined, and the general path above decides.
 */
function plainCanonicalJson(value: unknown, skipKey?: string): string | undefined {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : undefined;
    case "object": {
      if (value === null) return "null";
      const proto = Object.getPrototypeOf(value);
      const parts: string[] = [];
      if (Array.isArray(value)) {
        if (proto !== Array.prototype) return undefined;
        for (const item of value) {
          const part = plainCanonicalJson(item);
          if (part === undefined) return undefined;
          parts.push(part);
        }
        return `[${parts.join(",")}]`;
      }
      if (proto !== Object.prototype && proto !== null) return undefined;
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record).sort()) {
        if (key === skipKey) continue;
        if (INDEX_LIKE.test(key)) return undefined;
        const part = plainCanonicalJson(record[key]);
        if (part === undefined) return undefined;
        parts.push(`${JSON.stringify(key)}:${part}`);
      }
      return `{${parts.join(",")}}`;
    }
    default:
      return undefined;
  }
}

/** Whether a binding points at a class of this Worker (not of another script). */
export function isLocalBinding(binding: DurableObjectBinding, worker: Worker): boolean {
  return binding.scriptName === null || binding.scriptName === worker.name;
}

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
/** The keys wrangler allows on a Durable Object `exports` entry of each state (workers-utils). */
const EXPORT_KEYS: Record<(typeof EXPORT_STATES)[number], readonly string[]> = {
  created: ["type", "state", "storage", "container"],
  deleted: ["type", "state"],
  renamed: ["type", "state", "renamed_to"],
  transferred: ["type", "state", "transferred_to"],
  "expecting-transfer": ["type", "state", "storage", "transfer_from", "container"],
};

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

  for (const path of config.protoKeys ?? []) drafts.push(protoKeyDraft(path));

  const v1 = wranglerV1Signs(top, scopes);
  if (v1.length > 0) {
    drafts.push({
      kind: "legacy-wrangler-config",
      env: null,
      path: v1[0]!.path,
      message: `${q(config.file)} is written for wrangler v1 (${v1.map((s) => s.text).join(", ")}). wrangler 2 and later do not read that schema (they need \`main\`, and warn about \`type\` and \`[build.upload]\`), and wrangler v1 created Durable Object classes at publish time (\`--new-class\`) as well as through \`migrations\`: the v2 checks of bindings and keys do not apply here, only what both versions read alike (\`migrations\`, bindings).`,
      fix: "Nothing to do if this config is only kept for reference. To deploy it with wrangler 2 or later, set `main`, drop `type` and `[build.upload]`, list the bindings in `durable_objects.bindings` and create every class with a migration.",
    });
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
      bindings: readBindings(config, scope, drafts, v1.length > 0),
      ownsLifecycle: own.model !== "none",
      ...(v1.length > 0 ? { wranglerV1: true } : {}),
      placeholderName: writtenPlaceholderName(top, scope),
      ...(scope.env === null && scopes.length > 1
        ? { localOnlySigns: localOnlySigns(scope.value, scopes) }
        : {}),
      ...accountIdOf(config, top, scope, drafts),
    };
  });
  return { workers, drafts };
}

/**
 * Why a Worker is not deployed as written: its name is a placeholder (a template) or it has none
 * (`wrangler deploy` refuses a config without a name unless `--name` is given). Null for a Worker
 * with a real name.
 */
export function notDeployedAsWritten(worker: Worker): string | null {
  if (worker.placeholderName) {
    return `the Worker name ${q(worker.placeholderName)} is a placeholder, so this config is a template`;
  }
  if (worker.name === null) {
    return "this config has no `name`, which `wrangler deploy` needs unless `--name` is given";
  }
  return null;
}

// Placeholders people leave in a Worker name: {{NAME}}, \${NAME}, <NAME>, << todo >>, __NAME__,
// %NAME%, and the usual words. None of them is a name Cloudflare accepts for a Worker, or one
// anybody deploys as is.
const PLACEHOLDER_MARKS = [
  /\{\{.*\}\}/,
  /\$\{.*\}/,
  /<[^>]*>/,
  // `__NAME__` as a whole segment (`__NAME__-staging`); `api__v2__prod` is a real name.
  /(?:^|[-.])__[A-Za-z0-9_-]+?__(?:$|[-.])/,
  /%[A-Za-z0-9_]+%/,
  /\s/,
];
const PLACEHOLDER_WORDS =
  /^(?:replace[-_]?me|change[-_]?me|todo|tbd|fixme|placeholder|worker[-_]?name|your[-_ ]?(?:worker|app|project|service)[-_ ]?name|YOUR_[A-Z0-9_]+|x{3,})$/i;

/** Whether a Worker name as written is a placeholder rather than a name (see PLACEHOLDER_MARKS). */
export function isPlaceholderName(name: string): boolean {
  return name === "" || PLACEHOLDER_WORDS.test(name) || PLACEHOLDER_MARKS.some((mark) => mark.test(name));
}

function writtenPlaceholderName(top: Record<string, unknown>, scope: Scope): string | null {
  const written = typeof scope.value.name === "string" ? scope.value.name : top.name;
  return typeof written === "string" && isPlaceholderName(written) ? written : null;
}

/** The keys that mark a wrangler v1 config, with where they are. */
function wranglerV1Signs(
  top: Record<string, unknown>,
  scopes: readonly Scope[],
): { text: string; path: ConfigPath }[] {
  const signs: { text: string; path: ConfigPath }[] = [];
  if (typeof top.type === "string" && ["javascript", "webpack", "rust"].includes(top.type)) {
    signs.push({ text: `\`type = ${JSON.stringify(top.type)}\``, path: ["type"] });
  }
  const build = top.build;
  if (isRecord(build) && (isRecord(build.upload) || "upload_format" in build || "upload_dir" in build)) {
    signs.push({
      text: isRecord(build.upload) ? "`[build.upload]`" : "`[build] upload_format`",
      path: ["build"],
    });
  }
  for (const scope of scopes) {
    const durableObjects = scope.value.durable_objects;
    if (isRecord(durableObjects) && "classes" in durableObjects) {
      signs.push({
        text: "`[durable_objects] classes`",
        path: [...scope.path, "durable_objects", "classes"],
      });
      break;
    }
  }
  return signs;
}

/**
 * Signs that a top level is only used by `wrangler dev`: a `-dev` name, placeholder resource ids,
 * no Durable Object binding while its environments have some.
 */
function localOnlySigns(value: Record<string, unknown>, scopes: readonly Scope[]): string[] {
  const signs: string[] = [];
  const hasBindings = (v: Record<string, unknown>) =>
    isRecord(v.durable_objects) &&
    Array.isArray(v.durable_objects.bindings) &&
    v.durable_objects.bindings.length > 0;
  if (!hasBindings(value) && scopes.some((s) => s.env !== null && hasBindings(s.value))) {
    signs.push("no Durable Object bindings, unlike its environments");
  }
  if (typeof value.name === "string" && /[-_](?:dev|local)$/i.test(value.name)) {
    signs.push(`name ${q(value.name)}`);
  }
  const resources: [key: string, idKey: string, label: string, shape: RegExp][] = [
    ["kv_namespaces", "id", "KV namespace", /^[0-9a-f]{32}$/i],
    [
      "d1_databases",
      "database_id",
      "D1 database",
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    ],
    ["hyperdrive", "id", "Hyperdrive config", /^[0-9a-f]{32}$/i],
  ];
  for (const [key, idKey, label, shape] of resources) {
    const list = value[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (!isRecord(item) || typeof item[idKey] !== "string" || shape.test(item[idKey] as string)) continue;
      signs.push(`${label} id ${q(item[idKey])}`);
      break;
    }
  }
  return signs;
}

/**
 * Whether a value can be a Cloudflare account ID (32 hexadecimal characters; a short word is let
 * through for stand-ins), before it goes into a request path: the check of the action's
 * `cloudflare-account-id` input, and of a config's `account_id`.
 */
export function isAccountId(value: string): boolean {
  return /^[0-9a-f]{32}$/i.test(value) || /^[\w-]{1,64}$/.test(value);
}

/**
 * `account_id` is inheritable: an env's own, else the top level's (wrangler's rule). A value that
 * is not an account ID is not used; unless it is a placeholder, it is reported once, where it is
 * written.
 */
function accountIdOf(
  config: ParsedConfig,
  top: Record<string, unknown>,
  scope: Scope,
  drafts: Draft[],
): { accountId?: string; accountIdLine?: number | null } {
  const own: ConfigPath = [...scope.path, "account_id"];
  for (const [value, path] of [
    [scope.value.account_id, own],
    [top.account_id, ["account_id"]],
  ] as const) {
    if (typeof value !== "string" || value.trim() === "") continue;
    const id = value.trim();
    if (!isAccountId(id)) {
      // A template's placeholder (`<< todo >>`, `${ACCOUNT_ID}`) is filled in before a deploy.
      if (path === own && !isPlaceholderName(id)) {
        drafts.push(
          invalid(
            scope.env,
            path,
            `\`account_id\` ${q(id)} is not a Cloudflare account ID (32 hexadecimal characters): wrangler's requests to the API fail with it`,
            "Set `account_id` to the account's ID, as shown in the Cloudflare dashboard.",
          ),
        );
      }
      return {};
    }
    return { accountId: id, accountIdLine: config.locate(path) };
  }
  return {};
}

function workerName(top: Record<string, unknown>, scope: Scope): string | null {
  // An empty name is no name: wrangler refuses to deploy it (a template's `name = ""`).
  if (typeof scope.value.name === "string") return scope.value.name === "" ? null : scope.value.name;
  if (scope.env === null || typeof top.name !== "string" || top.name === "") return null;
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
    // wrangler (>= 4.107) refuses a key its state does not allow, e.g. the `storage` left on an
    // entry turned into a tombstone. The entry still says what it means: it is replayed.
    const allowed = EXPORT_KEYS[state as ExportEntry["state"]];
    for (const key of Object.keys(entry).filter((k) => !allowed.includes(k))) {
      drafts.push(
        invalid(
          scope.env,
          [...path, key],
          `exports entry ${q(className)} (state ${q(state)}) has ${q(key)}, which wrangler forbids on that state and rejects the config`,
          `Remove ${q(key)} (allowed: ${allowed.join(", ")}).`,
        ),
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

function readBindings(
  config: ParsedConfig,
  scope: Scope,
  drafts: Draft[],
  wranglerV1 = false,
): DurableObjectBinding[] {
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
    if (key === "bindings" || (wranglerV1 && key === "classes")) continue;
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
  if (wranglerV1 && Array.isArray(durableObjects.classes)) {
    // wrangler v1: `classes = [{ binding = "COUNTER", class_name = "Counter" }]`.
    durableObjects.classes.forEach((item, index) => {
      const name = isRecord(item) ? (item.binding ?? item.name) : undefined;
      if (!isRecord(item) || typeof name !== "string" || typeof item.class_name !== "string") return;
      bindings.push({
        name,
        className: item.class_name,
        scriptName: typeof item.script_name === "string" ? item.script_name : null,
        environment: null,
        line: config.locate([...path, "classes", index]),
      });
    });
  }
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

/** A `"__proto__"` key of a JSON config (see ParsedConfig.protoKeys). */
function protoKeyDraft(path: ConfigPath): Draft {
  const where = path.length === 1 ? "at the top level" : `in \`${pathText(path.slice(0, -1))}\``;
  return {
    kind: "config-proto-key",
    env: path[0] === "env" && typeof path[1] === "string" && path.length >= 3 ? path[1] : null,
    path,
    message: `A \`"__proto__"\` key ${where}: wrangler's JSON parser does not keep it as a field, it makes its value the object's prototype, and wrangler then reads every field inside it (\`migrations\` included) as if it were written beside it. This check reads those fields the same way, but a reviewer reading the diff may take them for an inert key.`,
    fix: 'Move the fields out of the `"__proto__"` object into the object that holds it, and remove the key.',
  };
}

function pathText(path: ConfigPath): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

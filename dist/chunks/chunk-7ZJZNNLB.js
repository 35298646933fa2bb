import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  configProtoKey,
  invalidConfig,
  legacyWranglerConfig,
  lifecycleConflict,
  localOnlySign,
  notDeployedAsWrittenReason,
  unknownKey
} from "./chunk-57KHF4P2.js";

// src/core/text/suggest.ts
function editDistance(a, b) {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}
function closest(word, candidates) {
  const norm = (s) => s.toLowerCase().replace(/[-_\s]/g, "");
  const limit = Math.max(2, Math.floor(word.length / 4));
  const normWord = norm(word);
  let best = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const normCandidate = norm(candidate);
    if (Math.abs(normWord.length - normCandidate.length) > limit) continue;
    const distance = editDistance(normWord, normCandidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== null && bestDistance <= limit ? best : null;
}

// src/core/config/values.ts
function stringsOf(value) {
  return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
function canonicalStep(entry) {
  const direct = plainCanonicalJson(entry, "tag");
  if (direct !== void 0) return direct;
  const { tag: _tag, ...rest } = entry;
  return canonicalJson(rest);
}
function canonicalJson(value) {
  return plainCanonicalJson(value) ?? JSON.stringify(value, sortedKeys);
}
function sortedKeys(_key, v) {
  return isRecord(v) ? Object.fromEntries(
    Object.keys(v).sort().map((k) => [k, v[k]])
  ) : v;
}
var INDEX_LIKE = /^(?:0|[1-9][0-9]*)$/;
function plainCanonicalJson(value, skipKey) {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : void 0;
    case "object": {
      if (value === null) return "null";
      const proto = Object.getPrototypeOf(value);
      if (Array.isArray(value)) {
        if (proto !== Array.prototype) return void 0;
        let out2 = "[";
        for (let i = 0; i < value.length; i++) {
          const part = plainCanonicalJson(value[i]);
          if (part === void 0) return void 0;
          out2 += i === 0 ? part : `,${part}`;
        }
        return `${out2}]`;
      }
      if (proto !== Object.prototype && proto !== null) return void 0;
      const record = value;
      const keys = Object.keys(record);
      if (keys.length > 1) keys.sort();
      let out = "{";
      for (const key of keys) {
        if (key === skipKey) continue;
        const first = key.charCodeAt(0);
        if (first >= 48 && first <= 57 && INDEX_LIKE.test(key)) return void 0;
        const part = plainCanonicalJson(record[key]);
        if (part === void 0) return void 0;
        out += `${out.length === 1 ? "" : ","}${JSON.stringify(key)}:${part}`;
      }
      return `${out}}`;
    }
    default:
      return void 0;
  }
}

// src/core/config/scope.ts
function invalid(env, path, what) {
  return { kind: "invalid-config", env, path, ...invalidConfig({ env, value: what }) };
}

// src/core/config/read-lifecycle.ts
var STEP_KEYS = [
  "tag",
  "new_classes",
  "new_sqlite_classes",
  "renamed_classes",
  "deleted_classes",
  "transferred_classes"
];
var STEP_KEY_SET = new Set(STEP_KEYS);
var EXPORT_STATES = ["created", "deleted", "renamed", "transferred", "expecting-transfer"];
var EXPORT_KEYS = {
  created: ["type", "state", "storage", "container"],
  deleted: ["type", "state"],
  renamed: ["type", "state", "renamed_to"],
  transferred: ["type", "state", "transferred_to"],
  "expecting-transfer": ["type", "state", "storage", "transfer_from", "container"]
};
function readLifecycle(config, scope, drafts) {
  const { migrations, exports } = scope.value;
  const hasExports = isRecord(exports) && Object.values(exports).some(isDurableObjectExport);
  const hasMigrations = migrations !== void 0 && !(Array.isArray(migrations) && migrations.length === 0);
  if (hasMigrations && hasExports) {
    drafts.push({
      kind: "lifecycle-conflict",
      env: scope.env,
      path: [...scope.path, "exports"],
      ...lifecycleConflict({ env: scope.env })
    });
  }
  if (hasExports) return { model: "exports", entries: readExports(config, scope, drafts), inherited: false };
  if (migrations === void 0) return { model: "none" };
  if (!Array.isArray(migrations)) {
    drafts.push(invalid(scope.env, [...scope.path, "migrations"], { problem: "migrations-not-list" }));
    return { model: "none" };
  }
  const steps = migrations.map((entry, index) => readStep(config, scope, entry, index, drafts));
  return { model: "migrations", steps, inherited: false };
}
function readStep(config, scope, entry, index, drafts) {
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
      ...guess ? { replacement: guess } : {}
    });
  }
  const ops = [];
  const list = (key) => {
    const value = entry[key];
    if (value === void 0) return [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
      drafts.push(invalid(scope.env, [...path, key], { problem: "not-class-list", key }));
      return [];
    }
    return value;
  };
  for (const className of list("new_classes")) ops.push({ type: "create", className, storage: "kv" });
  for (const className of list("new_sqlite_classes"))
    ops.push({ type: "create", className, storage: "sqlite" });
  const renamed = entry.renamed_classes === void 0 ? [] : records(entry.renamed_classes, scope, [...path, "renamed_classes"], drafts);
  for (const item of renamed) {
    if (typeof item.from === "string" && typeof item.to === "string") {
      ops.push({ type: "rename", from: item.from, to: item.to });
    } else {
      drafts.push(invalid(scope.env, [...path, "renamed_classes"], { problem: "rename-incomplete" }));
    }
  }
  for (const className of list("deleted_classes")) ops.push({ type: "delete", className });
  const transferred = entry.transferred_classes === void 0 ? [] : records(entry.transferred_classes, scope, [...path, "transferred_classes"], drafts);
  for (const item of transferred) {
    if (typeof item.from === "string" && typeof item.to === "string" && typeof item.from_script === "string") {
      ops.push({ type: "transfer-in", className: item.to, from: item.from, fromScript: item.from_script });
    } else {
      drafts.push(invalid(scope.env, [...path, "transferred_classes"], { problem: "transfer-incomplete" }));
    }
  }
  return { tag, index, line, ops, canonical: canonicalStep(entry) };
}
function records(value, scope, path, drafts) {
  if (value === void 0) return [];
  if (!Array.isArray(value)) {
    drafts.push(invalid(scope.env, path, { problem: "not-table-list", key: path[path.length - 1] }));
    return [];
  }
  return value.filter(isRecord);
}
function isDurableObjectExport(value) {
  return isRecord(value) && value.type === "durable-object";
}
function readExports(config, scope, drafts) {
  const entries = [];
  for (const [className, value] of Object.entries(scope.value.exports)) {
    if (!isDurableObjectExport(value)) continue;
    const entry = value;
    const path = [...scope.path, "exports", className];
    const state = entry.state ?? "created";
    if (typeof state !== "string" || !EXPORT_STATES.includes(state)) {
      const guess = typeof state === "string" ? closest(state, EXPORT_STATES) : null;
      drafts.push(
        invalid(scope.env, [...path, "state"], {
          problem: "export-state",
          className,
          state,
          guess,
          states: EXPORT_STATES
        })
      );
      continue;
    }
    const storage = entry.storage === "sqlite" ? "sqlite" : entry.storage === "legacy-kv" ? "kv" : null;
    const needs = [
      ["storage", (state === "created" || state === "expecting-transfer") && storage === null],
      ["renamed_to", state === "renamed" && typeof entry.renamed_to !== "string"],
      ["transferred_to", state === "transferred" && typeof entry.transferred_to !== "string"],
      ["transfer_from", state === "expecting-transfer" && typeof entry.transfer_from !== "string"]
    ];
    const missing = needs.filter(([, isMissing]) => isMissing);
    for (const [key] of missing) {
      drafts.push(invalid(scope.env, [...path, key], { problem: "export-needs", className, state, key }));
    }
    if (missing.length > 0) continue;
    const allowed = EXPORT_KEYS[state];
    for (const key of Object.keys(entry).filter((k) => !allowed.includes(k))) {
      drafts.push(
        invalid(scope.env, [...path, key], { problem: "export-forbids", className, state, key, allowed })
      );
    }
    entries.push({
      className,
      state,
      storage,
      renamedTo: typeof entry.renamed_to === "string" ? entry.renamed_to : null,
      transferredTo: typeof entry.transferred_to === "string" ? entry.transferred_to : null,
      transferFrom: typeof entry.transfer_from === "string" ? entry.transfer_from : null,
      line: config.locate(path)
    });
  }
  return entries;
}

// src/core/config/worker-identity.ts
var PLACEHOLDER_MARKS = [
  /\{\{.*\}\}/,
  /\$\{.*\}/,
  /<[^>]*>/,
  // `__NAME__` as a whole segment (`__NAME__-staging`); `api__v2__prod` is a real name.
  /(?:^|[-.])__[A-Za-z0-9_-]+?__(?:$|[-.])/,
  /%[A-Za-z0-9_]+%/,
  /\s/
];
var PLACEHOLDER_WORDS = /^(?:replace[-_]?me|change[-_]?me|todo|tbd|fixme|placeholder|worker[-_]?name|your[-_ ]?(?:worker|app|project|service)[-_ ]?name|YOUR_[A-Z0-9_]+|x{3,})$/i;
function isPlaceholderName(name) {
  return name === "" || PLACEHOLDER_WORDS.test(name) || PLACEHOLDER_MARKS.some((mark) => mark.test(name));
}
function writtenPlaceholderName(top, scope) {
  const written = typeof scope.value.name === "string" ? scope.value.name : top.name;
  return typeof written === "string" && isPlaceholderName(written) ? written : null;
}
function wranglerV1Signs(top, scopes) {
  const signs = [];
  if (typeof top.type === "string" && ["javascript", "webpack", "rust"].includes(top.type)) {
    signs.push({ sign: { sign: "type", type: top.type }, path: ["type"] });
  }
  const build = top.build;
  if (isRecord(build) && (isRecord(build.upload) || "upload_format" in build || "upload_dir" in build)) {
    signs.push({
      sign: { sign: isRecord(build.upload) ? "build-upload" : "build-upload-format" },
      path: ["build"]
    });
  }
  for (const scope of scopes) {
    const durableObjects = scope.value.durable_objects;
    if (isRecord(durableObjects) && "classes" in durableObjects) {
      signs.push({
        sign: { sign: "durable-objects-classes" },
        path: [...scope.path, "durable_objects", "classes"]
      });
      break;
    }
  }
  return signs;
}
function localOnlySigns(value, scopes) {
  const signs = [];
  const hasBindings = (v) => isRecord(v.durable_objects) && Array.isArray(v.durable_objects.bindings) && v.durable_objects.bindings.length > 0;
  if (!hasBindings(value) && scopes.some((s) => s.env !== null && hasBindings(s.value))) {
    signs.push(localOnlySign({ sign: "no-bindings" }));
  }
  if (typeof value.name === "string" && /[-_](?:dev|local)$/i.test(value.name)) {
    signs.push(localOnlySign({ sign: "dev-name", name: value.name }));
  }
  const resources = [
    ["kv_namespaces", "id", "kv", /^[0-9a-f]{32}$/i],
    ["d1_databases", "database_id", "d1", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
    ["hyperdrive", "id", "hyperdrive", /^[0-9a-f]{32}$/i]
  ];
  for (const [key, idKey, resource, shape] of resources) {
    const list = value[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (!isRecord(item) || typeof item[idKey] !== "string" || shape.test(item[idKey])) continue;
      signs.push(localOnlySign({ sign: "resource-id", resource, id: item[idKey] }));
      break;
    }
  }
  return signs;
}
function isAccountId(value) {
  return /^[0-9a-f]{32}$/i.test(value) || /^[\w-]{1,64}$/.test(value);
}
function accountIdOf(config, top, scope, drafts) {
  const own = [...scope.path, "account_id"];
  for (const [value, path] of [
    [scope.value.account_id, own],
    [top.account_id, ["account_id"]]
  ]) {
    if (typeof value !== "string" || value.trim() === "") continue;
    const id = value.trim();
    if (!isAccountId(id)) {
      if (path === own && !isPlaceholderName(id)) {
        drafts.push(invalid(scope.env, path, { problem: "account-id", id }));
      }
      return {};
    }
    return { accountId: id, accountIdLine: config.locate(path) };
  }
  return {};
}
function workerName(top, scope) {
  if (typeof scope.value.name === "string") return scope.value.name === "" ? null : scope.value.name;
  if (scope.env === null || typeof top.name !== "string" || top.name === "") return null;
  return `${top.name}-${scope.env}`;
}

// src/core/config/read-bindings.ts
var BINDING_KEYS = ["name", "class_name", "script_name", "environment"];
function readBindings(config, scope, drafts, wranglerV1 = false) {
  const durableObjects = scope.value.durable_objects;
  if (durableObjects === void 0) return [];
  const path = [...scope.path, "durable_objects"];
  if (!isRecord(durableObjects)) {
    drafts.push(invalid(scope.env, path, { problem: "durable-objects-not-table" }));
    return [];
  }
  for (const key of Object.keys(durableObjects)) {
    if (key === "bindings" || wranglerV1 && key === "classes") continue;
    const guess = closest(key, ["bindings"]);
    drafts.push({
      kind: "unknown-key",
      env: scope.env,
      path: [...path, key],
      ...unknownKey({ key, guess, where: "durable-objects" }),
      ...guess ? { replacement: guess } : {}
    });
  }
  const bindings = [];
  if (wranglerV1 && Array.isArray(durableObjects.classes)) {
    durableObjects.classes.forEach((item, index) => {
      const name = isRecord(item) ? item.binding ?? item.name : void 0;
      if (!isRecord(item) || typeof name !== "string" || typeof item.class_name !== "string") return;
      bindings.push({
        name,
        className: item.class_name,
        scriptName: typeof item.script_name === "string" ? item.script_name : null,
        environment: null,
        line: config.locate([...path, "classes", index])
      });
    });
  }
  const list = durableObjects.bindings;
  if (list === void 0) return bindings;
  if (!Array.isArray(list)) {
    drafts.push(invalid(scope.env, [...path, "bindings"], { problem: "bindings-not-list" }));
    return bindings;
  }
  list.forEach((item, index) => {
    const at = [...path, "bindings", index];
    if (!isRecord(item)) {
      drafts.push(invalid(scope.env, at, { problem: "binding-not-table" }));
      return;
    }
    for (const key of Object.keys(item)) {
      if (BINDING_KEYS.includes(key)) continue;
      const guess = closest(key, BINDING_KEYS) ?? (key === "class" ? "class_name" : null);
      drafts.push({
        kind: "unknown-key",
        env: scope.env,
        path: [...at, key],
        classes: typeof item[key] === "string" ? [item[key]] : [],
        ...unknownKey({ key, guess, where: "binding", bindingKeys: BINDING_KEYS }),
        ...guess ? { replacement: guess } : {}
      });
    }
    if (typeof item.name !== "string" || typeof item.class_name !== "string") {
      drafts.push(invalid(scope.env, at, { problem: "binding-incomplete" }));
      return;
    }
    bindings.push({
      name: item.name,
      className: item.class_name,
      scriptName: typeof item.script_name === "string" ? item.script_name : null,
      environment: typeof item.environment === "string" ? item.environment : null,
      line: config.locate(at)
    });
  });
  return bindings;
}

// src/core/config/workers.ts
var LIFECYCLE_KEYS = ["migrations", "durable_objects", "exports"];
function readWorkers(config) {
  const drafts = [];
  const top = config.value;
  const scopes = [{ env: null, value: top, path: [] }];
  const envs = top.env;
  if (envs !== void 0) {
    if (!isRecord(envs)) {
      drafts.push(invalid(null, ["env"], { problem: "env-not-table" }));
    } else {
      for (const [env, value] of Object.entries(envs)) {
        if (isRecord(value)) scopes.push({ env, value, path: ["env", env] });
        else drafts.push(invalid(env, ["env", env], { problem: "env-entry-not-table", env }));
      }
    }
  }
  for (const path of config.protoKeys ?? []) drafts.push(protoKeyDraft(path));
  const v1 = wranglerV1Signs(top, scopes);
  if (v1.length > 0) {
    drafts.push({
      kind: "legacy-wrangler-config",
      env: null,
      path: v1[0].path,
      ...legacyWranglerConfig({ file: config.file, signs: v1.map((s) => s.sign) })
    });
  }
  const topLifecycle = readLifecycle(config, scopes[0], drafts);
  const workers = scopes.map((scope) => {
    checkMisspeltScopeKeys(scope, drafts);
    const own = scope.env === null ? topLifecycle : readLifecycle(config, scope, drafts);
    const lifecycle = own.model === "none" && scope.env !== null && topLifecycle.model !== "none" ? { ...topLifecycle, inherited: true } : own;
    return {
      file: config.file,
      env: scope.env,
      name: workerName(top, scope),
      nameLine: config.locate([...scope.path, "name"]),
      envLine: scope.env === null ? null : config.locate(scope.path),
      bindingsLine: scope.value.durable_objects === void 0 ? null : config.locate([...scope.path, "durable_objects", "bindings"]),
      main: typeof scope.value.main === "string" ? scope.value.main : typeof top.main === "string" ? top.main : null,
      lifecycle,
      bindings: readBindings(config, scope, drafts, v1.length > 0),
      ownsLifecycle: own.model !== "none",
      ...v1.length > 0 ? { wranglerV1: true } : {},
      placeholderName: writtenPlaceholderName(top, scope),
      ...scope.env === null && scopes.length > 1 ? { localOnlySigns: localOnlySigns(scope.value, scopes) } : {},
      ...accountIdOf(config, top, scope, drafts)
    };
  });
  return { workers, drafts };
}
function notDeployedAsWritten(worker) {
  if (worker.placeholderName) return notDeployedAsWrittenReason({ placeholderName: worker.placeholderName });
  if (worker.name === null) return notDeployedAsWrittenReason({ placeholderName: null });
  return null;
}
function checkMisspeltScopeKeys(scope, drafts) {
  for (const key of Object.keys(scope.value)) {
    if (LIFECYCLE_KEYS.includes(key)) continue;
    const guess = closest(key, LIFECYCLE_KEYS);
    if (!guess) continue;
    drafts.push({
      kind: "unknown-key",
      env: scope.env,
      path: [...scope.path, key],
      ...unknownKey({ key, guess, where: "scope", env: scope.env }),
      replacement: guess
    });
  }
}
function isLocalBinding(binding, worker) {
  return binding.scriptName === null || binding.scriptName === worker.name;
}
function protoKeyDraft(path) {
  return {
    kind: "config-proto-key",
    env: path[0] === "env" && typeof path[1] === "string" && path.length >= 3 ? path[1] : null,
    path,
    ...configProtoKey({ holder: path.length === 1 ? null : pathText(path.slice(0, -1)) })
  };
}
function pathText(path) {
  return path.map((p, i) => typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`).join("");
}

export {
  closest,
  isRecord,
  canonicalJson,
  STEP_KEYS,
  isPlaceholderName,
  isAccountId,
  readWorkers,
  notDeployedAsWritten,
  isLocalBinding
};

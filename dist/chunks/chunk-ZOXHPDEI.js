import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  displayable
} from "./chunk-KI4BBWDU.js";

// src/core/catalogue.ts
var CATALOGUE = {
  "parse-error": { code: "DO001", title: "Config file does not parse", severity: "error" },
  "invalid-config": { code: "DO002", title: "Invalid Durable Object config", severity: "error" },
  "unknown-key": { code: "DO003", title: "Misspelt or misplaced key", severity: "error" },
  "lifecycle-conflict": { code: "DO004", title: "`migrations` and `exports` together", severity: "error" },
  "lifecycle-model-changed": {
    code: "DO005",
    title: "Lifecycle model switched",
    severity: "warning",
    deployedWorkerOnly: true
  },
  "legacy-wrangler-config": { code: "DO006", title: "wrangler v1 config", severity: "info" },
  "config-shadowed": {
    code: "DO007",
    title: "Config shadowed by another in the same directory",
    severity: "warning"
  },
  "config-redirected": {
    code: "DO008",
    title: "Deploy redirected to another config",
    severity: "warning"
  },
  "config-replaced": {
    code: "DO009",
    title: "Config compared with the one it replaces",
    severity: "info",
    aboutTheCheck: true
  },
  "class-deleted": {
    code: "DO101",
    title: "Class deleted: all its objects are destroyed",
    severity: "critical",
    reportsDataLoss: true
  },
  "probable-rename": {
    code: "DO102",
    title: "Delete + create that looks like a rename",
    severity: "critical",
    reportsDataLoss: true
  },
  "delete-still-bound": { code: "DO103", title: "Deleted class still bound", severity: "error" },
  "delete-binding-repointed": {
    code: "DO106",
    title: "Binding repointed in the deploy that deletes its class",
    severity: "error",
    deployedWorkerOnly: true
  },
  "delete-binding-removed": {
    code: "DO107",
    title: "Binding removed in the deploy that deletes its class",
    severity: "warning",
    deployedWorkerOnly: true
  },
  "delete-transferred-bound": {
    code: "DO108",
    title: "Transferred class deleted in the deploy that drops its binding",
    severity: "error",
    deployedWorkerOnly: true
  },
  "delete-mixed-step": { code: "DO104", title: "Delete mixed with other operations", severity: "error" },
  "cross-worker-binding": {
    code: "DO105",
    title: "Another Worker binds the deleted class",
    severity: "error",
    deployedWorkerOnly: true
  },
  "history-edited": {
    code: "DO201",
    title: "Applied migration edited",
    severity: "error",
    deployedWorkerOnly: true
  },
  "history-removed": {
    code: "DO202",
    title: "Applied migration removed",
    severity: "error",
    deployedWorkerOnly: true
  },
  "history-reordered": {
    code: "DO203",
    title: "Migrations reordered",
    severity: "error",
    deployedWorkerOnly: true
  },
  "duplicate-tag": { code: "DO204", title: "Duplicate migration tag", severity: "error" },
  "replay-rejected": { code: "DO205", title: "History that wrangler or the API rejects", severity: "error" },
  "new-config-deletes": {
    code: "DO206",
    title: "New config whose history deletes a class",
    severity: "warning"
  },
  "class-created": { code: "DO301", title: "Class created", severity: "info" },
  "class-renamed": { code: "DO302", title: "Class renamed", severity: "warning" },
  "class-transferred": { code: "DO303", title: "Class transferred", severity: "warning" },
  "class-recreated": {
    code: "DO304",
    title: "Deleted class name created again",
    severity: "warning",
    deployedWorkerOnly: true
  },
  "storage-changed": {
    code: "DO305",
    title: "Storage backend changed",
    severity: "error",
    deployedWorkerOnly: true
  },
  "export-removed": {
    code: "DO306",
    title: "Live class dropped from `exports`",
    severity: "error",
    deployedWorkerOnly: true
  },
  "binding-removed": {
    code: "DO401",
    title: "Binding removed, class kept",
    severity: "warning",
    deployedWorkerOnly: true
  },
  "binding-unknown-class": {
    code: "DO402",
    title: "Binding to a class no migration creates",
    severity: "error"
  },
  "binding-retargeted": {
    code: "DO403",
    title: "Binding moved to another Worker's class",
    severity: "warning"
  },
  "env-removed": {
    code: "DO501",
    title: "Environment removed",
    severity: "warning",
    deployedWorkerOnly: true
  },
  "worker-renamed": { code: "DO502", title: "Worker renamed", severity: "error", deployedWorkerOnly: true },
  "account-changed": {
    code: "DO503",
    title: "Worker moved to another account",
    severity: "error",
    deployedWorkerOnly: true
  },
  "class-not-exported": { code: "DO601", title: "Class with live objects not exported", severity: "error" },
  "created-class-not-exported": { code: "DO602", title: "Created class not exported", severity: "error" },
  "deleted-class-still-needed": {
    code: "DO603",
    title: "Deleted class already gone from code",
    severity: "warning",
    deployedWorkerOnly: true
  },
  "exports-unknown": {
    code: "DO604",
    title: "Worker's exports could not be determined",
    severity: "info",
    aboutTheCheck: true
  },
  "directive-without-reason": {
    code: "DO701",
    title: "Suppression without a reason",
    severity: "warning",
    aboutTheCheck: true
  },
  "directive-unused": {
    code: "DO702",
    title: "Suppression that suppresses nothing",
    severity: "info",
    aboutTheCheck: true
  },
  "directive-data-loss": {
    code: "DO703",
    title: "Suppression of data loss",
    severity: "warning",
    aboutTheCheck: true
  },
  "directive-invalid": {
    code: "DO704",
    title: "Malformed suppression",
    severity: "warning",
    aboutTheCheck: true
  },
  // A policy edit (src/core/policy/loosening.ts): what the new policy checks less once merged.
  "policy-loosened": { code: "DO705", title: "Policy change loosens the check", severity: "warning" },
  // The live plan (src/core/live/evidence.ts): what the live state shows.
  "live-tag-unknown": { code: "DO801", title: "Live migration tag not in this branch", severity: "error" },
  "undeployed-step": { code: "DO802", title: "Base branch change not deployed yet", severity: "warning" },
  "live-storage-mismatch": {
    code: "DO803",
    title: "Live storage differs from the config",
    severity: "warning"
  },
  "live-binding-blocks-delete": {
    code: "DO804",
    title: "A live binding blocks the delete",
    severity: "error"
  },
  "live-class-unknown": { code: "DO805", title: "Live class the config does not know", severity: "info" },
  "delete-destroys-nothing": {
    code: "DO806",
    title: "Deleted class has no live namespace",
    severity: "info"
  },
  "first-deploy-rejected": {
    code: "DO807",
    title: "First deploy of a new Worker rejected",
    severity: "error"
  }
};
var SEVERITIES = ["info", "warning", "error", "critical"];
function severityRank(severity) {
  return SEVERITIES.indexOf(severity);
}
function concernsDeployedWorker(finding) {
  return CATALOGUE[finding.kind].deployedWorkerOnly === true && !finding.dataLoss;
}
function forUndeployedWorker(finding, why, lead = "Not deployed as written") {
  if (!concernsDeployedWorker(finding) || finding.severity === "info") return finding;
  return {
    ...finding,
    severity: "info",
    message: `${lead} (${why}), and this only matters for a Worker that is already deployed. ${finding.message}`
  };
}
function isAboutTheCheck(finding) {
  return CATALOGUE[finding.kind].aboutTheCheck === true;
}
function catalogueEntryOf(code) {
  return CODES.get(code) ?? null;
}
var CODES = new Map(
  Object.entries(CATALOGUE).map(([kind, entry]) => [
    entry.code,
    { ...entry, kind }
  ])
);
function findingDocsAnchor(code) {
  return `docs/findings.md#${code.toLowerCase()}`;
}

// src/core/diagnostics.ts
function placeDraft(draft, place) {
  const entry = CATALOGUE[draft.kind];
  const placed = {
    code: entry.code,
    kind: draft.kind,
    severity: draft.severity ?? entry.severity,
    dataLoss: draft.dataLoss ?? draft.kind === "class-deleted",
    classes: draft.classes ?? [],
    worker: place.worker,
    env: draft.env,
    file: place.file,
    line: draft.line !== void 0 ? draft.line : draft.path ? place.locate(draft.path) : null,
    tag: draft.tag ?? null,
    message: draft.message,
    fix: draft.fix,
    introduced: true,
    ...draft.unlessRan ? { unlessRan: draft.unlessRan } : {}
  };
  return place.introduced && !draft.preExisting ? placed : alreadyAtBase(placed);
}
function alreadyAtBase(finding) {
  if (!finding.introduced) return finding;
  return {
    ...finding,
    severity: "info",
    dataLoss: false,
    message: `Already at the base revision: ${finding.message}`,
    introduced: false
  };
}
function q(name) {
  const text = typeof name === "string" ? name : JSON.stringify(name) ?? String(name);
  return `\`${displayable(text.replace(/`/g, "'")).slice(0, 200)}\``;
}
var INHERITED_REMARK = ", inherited from the top-level config";
function envLabel(env) {
  return env === null ? "the top-level config" : `env ${q(env)}`;
}

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

// src/core/config/workers.ts
var STEP_KEYS = [
  "tag",
  "new_classes",
  "new_sqlite_classes",
  "renamed_classes",
  "deleted_classes",
  "transferred_classes"
];
var BINDING_KEYS = ["name", "class_name", "script_name", "environment"];
var LIFECYCLE_KEYS = ["migrations", "durable_objects", "exports"];
var EXPORT_STATES = ["created", "deleted", "renamed", "transferred", "expecting-transfer"];
function readWorkers(config) {
  const drafts = [];
  const top = config.value;
  const scopes = [{ env: null, value: top, path: [] }];
  const envs = top.env;
  if (envs !== void 0) {
    if (!isRecord(envs)) {
      drafts.push(invalid(null, ["env"], "`env` is not a table of environments", "Make `env` a table."));
    } else {
      for (const [env, value] of Object.entries(envs)) {
        if (isRecord(value)) scopes.push({ env, value, path: ["env", env] });
        else drafts.push(invalid(env, ["env", env], `${envLabel(env)} is not a table`, "Make it a table."));
      }
    }
  }
  const v1 = wranglerV1Signs(top, scopes);
  if (v1.length > 0) {
    drafts.push({
      kind: "legacy-wrangler-config",
      env: null,
      path: v1[0].path,
      message: `${q(config.file)} is written for wrangler v1 (${v1.map((s) => s.text).join(", ")}). wrangler 2 and later do not read that schema (they need \`main\`, and warn about \`type\` and \`[build.upload]\`), and wrangler v1 created Durable Object classes at publish time (\`--new-class\`) as well as through \`migrations\`: the v2 checks of bindings and keys do not apply here, only what both versions read alike (\`migrations\`, bindings).`,
      fix: "Nothing to do if this config is only kept for reference. To deploy it with wrangler 2 or later, set `main`, drop `type` and `[build.upload]`, list the bindings in `durable_objects.bindings` and create every class with a migration."
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
  if (worker.placeholderName) {
    return `the Worker name ${q(worker.placeholderName)} is a placeholder, so this config is a template`;
  }
  if (worker.name === null) {
    return "this config has no `name`, which `wrangler deploy` needs unless `--name` is given";
  }
  return null;
}
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
    signs.push({ text: `\`type = ${JSON.stringify(top.type)}\``, path: ["type"] });
  }
  const build = top.build;
  if (isRecord(build) && (isRecord(build.upload) || "upload_format" in build || "upload_dir" in build)) {
    signs.push({
      text: isRecord(build.upload) ? "`[build.upload]`" : "`[build] upload_format`",
      path: ["build"]
    });
  }
  for (const scope of scopes) {
    const durableObjects = scope.value.durable_objects;
    if (isRecord(durableObjects) && "classes" in durableObjects) {
      signs.push({
        text: "`[durable_objects] classes`",
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
    signs.push("no Durable Object bindings, unlike its environments");
  }
  if (typeof value.name === "string" && /[-_](?:dev|local)$/i.test(value.name)) {
    signs.push(`name ${q(value.name)}`);
  }
  const resources = [
    ["kv_namespaces", "id", "KV namespace", /^[0-9a-f]{32}$/i],
    [
      "d1_databases",
      "database_id",
      "D1 database",
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
    ],
    ["hyperdrive", "id", "Hyperdrive config", /^[0-9a-f]{32}$/i]
  ];
  for (const [key, idKey, label, shape] of resources) {
    const list = value[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (!isRecord(item) || typeof item[idKey] !== "string" || shape.test(item[idKey])) continue;
      signs.push(`${label} id ${q(item[idKey])}`);
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
        drafts.push(
          invalid(
            scope.env,
            path,
            `\`account_id\` ${q(id)} is not a Cloudflare account ID (32 hexadecimal characters): wrangler's requests to the API fail with it`,
            "Set `account_id` to the account's ID, as shown in the Cloudflare dashboard."
          )
        );
      }
      return {};
    }
    return { accountId: id, accountIdLine: config.locate(path) };
  }
  return {};
}
function workerName(top, scope) {
  if (typeof scope.value.name === "string") return scope.value.name;
  if (scope.env === null || typeof top.name !== "string") return null;
  return `${top.name}-${scope.env}`;
}
function checkMisspeltScopeKeys(scope, drafts) {
  for (const key of Object.keys(scope.value)) {
    if (LIFECYCLE_KEYS.includes(key)) continue;
    const guess = closest(key, LIFECYCLE_KEYS);
    if (!guess) continue;
    const ignored = guess === "durable_objects" ? "its bindings are" : "its Durable Object lifecycle is";
    drafts.push({
      kind: "unknown-key",
      env: scope.env,
      path: [...scope.path, key],
      message: `Unknown key ${q(key)} in ${envLabel(scope.env)}: wrangler only warns, and ${ignored} silently ignored.`,
      fix: `Rename ${q(key)} to ${q(guess)}.`,
      replacement: guess
    });
  }
}
function readLifecycle(config, scope, drafts) {
  const { migrations, exports } = scope.value;
  const hasExports = isRecord(exports) && Object.values(exports).some(isDurableObjectExport);
  const hasMigrations = migrations !== void 0 && !(Array.isArray(migrations) && migrations.length === 0);
  if (hasMigrations && hasExports) {
    drafts.push({
      kind: "lifecycle-conflict",
      env: scope.env,
      path: [...scope.path, "exports"],
      message: `${envLabel(scope.env)} declares both \`migrations\` and Durable Object \`exports\`: wrangler refuses the config.`,
      fix: "Keep one lifecycle model. Moving to `exports` is one-way (the API refuses to go back, code 100403)."
    });
  }
  if (hasExports) return { model: "exports", entries: readExports(config, scope, drafts), inherited: false };
  if (migrations === void 0) return { model: "none" };
  if (!Array.isArray(migrations)) {
    drafts.push(
      invalid(
        scope.env,
        [...scope.path, "migrations"],
        "`migrations` is not a list",
        "Make it a list of steps."
      )
    );
    return { model: "none" };
  }
  const steps = migrations.map((entry, index) => readStep(config, scope, entry, index, drafts));
  return { model: "migrations", steps, inherited: false };
}
function readStep(config, scope, entry, index, drafts) {
  const path = [...scope.path, "migrations", index];
  const line = config.locate(path);
  if (!isRecord(entry)) {
    drafts.push(
      invalid(scope.env, path, `migration #${index + 1} is not a table`, "Make each step a table.")
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
        "Add a unique `tag`."
      )
    );
  }
  for (const key of Object.keys(entry)) {
    if (STEP_KEYS.includes(key)) continue;
    const guess = closest(key, STEP_KEYS);
    drafts.push({
      kind: "unknown-key",
      env: scope.env,
      path: [...path, key],
      tag,
      classes: stringsOf(entry[key]),
      message: `Unknown key ${q(key)} in migration ${q(tag ?? index + 1)}: wrangler only warns and sends it to the API as is, so the step does not do what it says.`,
      fix: guess ? `Did you mean ${q(guess)}?` : `Remove ${q(key)}; a step takes ${STEP_KEYS.join(", ")}.`,
      ...guess ? { replacement: guess } : {}
    });
  }
  const ops = [];
  const list = (key) => {
    const value = entry[key];
    if (value === void 0) return [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
      drafts.push(
        invalid(
          scope.env,
          [...path, key],
          `${q(key)} is not a list of class names`,
          "Use a list of strings."
        )
      );
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
      drafts.push(
        invalid(
          scope.env,
          [...path, "renamed_classes"],
          "a rename needs string `from` and `to`",
          "Add both."
        )
      );
    }
  }
  for (const className of list("deleted_classes")) ops.push({ type: "delete", className });
  const transferred = entry.transferred_classes === void 0 ? [] : records(entry.transferred_classes, scope, [...path, "transferred_classes"], drafts);
  for (const item of transferred) {
    if (typeof item.from === "string" && typeof item.to === "string" && typeof item.from_script === "string") {
      ops.push({ type: "transfer-in", className: item.to, from: item.from, fromScript: item.from_script });
    } else {
      drafts.push(
        invalid(
          scope.env,
          [...path, "transferred_classes"],
          "a transfer needs `from`, `from_script` and `to`",
          "Add them."
        )
      );
    }
  }
  return { tag, index, line, ops, canonical: canonicalStep(entry) };
}
function records(value, scope, path, drafts) {
  if (value === void 0) return [];
  if (!Array.isArray(value)) {
    drafts.push(
      invalid(scope.env, path, `${q(path[path.length - 1])} is not a list`, "Use a list of tables.")
    );
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
        invalid(
          scope.env,
          [...path, "state"],
          `exports entry ${q(className)} has state ${q(state)}`,
          guess ? `Did you mean ${q(guess)}?` : `Use one of ${EXPORT_STATES.join(", ")}.`
        )
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
      drafts.push(
        invalid(
          scope.env,
          [...path, key],
          `exports entry ${q(className)} (state ${q(state)}) needs ${q(key)}${key === "storage" ? ' ("sqlite" or "legacy-kv")' : ""}: wrangler rejects it`,
          `Add ${q(key)}.`
        )
      );
    }
    if (missing.length > 0) continue;
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
function readBindings(config, scope, drafts, wranglerV1 = false) {
  const durableObjects = scope.value.durable_objects;
  if (durableObjects === void 0) return [];
  const path = [...scope.path, "durable_objects"];
  if (!isRecord(durableObjects)) {
    drafts.push(
      invalid(scope.env, path, "`durable_objects` is not a table", "Use `durable_objects.bindings`.")
    );
    return [];
  }
  for (const key of Object.keys(durableObjects)) {
    if (key === "bindings" || wranglerV1 && key === "classes") continue;
    const guess = closest(key, ["bindings"]);
    drafts.push({
      kind: "unknown-key",
      env: scope.env,
      path: [...path, key],
      message: `Unknown key ${q(key)} in \`durable_objects\`: wrangler only warns and ignores it.`,
      fix: guess ? "Did you mean `bindings`?" : "Bindings go in `durable_objects.bindings`.",
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
    drafts.push(
      invalid(
        scope.env,
        [...path, "bindings"],
        "`durable_objects.bindings` is not a list",
        "Make it a list."
      )
    );
    return bindings;
  }
  list.forEach((item, index) => {
    const at = [...path, "bindings", index];
    if (!isRecord(item)) {
      drafts.push(
        invalid(scope.env, at, "a Durable Object binding is not a table", "Use `{ name, class_name }`.")
      );
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
        message: `Unknown key ${q(key)} in a Durable Object binding: wrangler only warns and ignores it.`,
        fix: guess ? `Did you mean ${q(guess)}?` : `A binding takes ${BINDING_KEYS.join(", ")}.`,
        ...guess ? { replacement: guess } : {}
      });
    }
    if (typeof item.name !== "string" || typeof item.class_name !== "string") {
      drafts.push(
        invalid(scope.env, at, "a Durable Object binding needs string `name` and `class_name`", "Add them.")
      );
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
function invalid(env, path, what, fix) {
  return { kind: "invalid-config", env, path, message: `Invalid config in ${envLabel(env)}: ${what}.`, fix };
}
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
      const parts = [];
      if (Array.isArray(value)) {
        if (proto !== Array.prototype) return void 0;
        for (const item of value) {
          const part = plainCanonicalJson(item);
          if (part === void 0) return void 0;
          parts.push(part);
        }
        return `[${parts.join(",")}]`;
      }
      if (proto !== Object.prototype && proto !== null) return void 0;
      const record = value;
      for (const key of Object.keys(record).sort()) {
        if (key === skipKey) continue;
        if (INDEX_LIKE.test(key)) return void 0;
        const part = plainCanonicalJson(record[key]);
        if (part === void 0) return void 0;
        parts.push(`${JSON.stringify(key)}:${part}`);
      }
      return `{${parts.join(",")}}`;
    }
    default:
      return void 0;
  }
}
function isLocalBinding(binding, worker) {
  return binding.scriptName === null || binding.scriptName === worker.name;
}

export {
  CATALOGUE,
  severityRank,
  concernsDeployedWorker,
  forUndeployedWorker,
  isAboutTheCheck,
  catalogueEntryOf,
  findingDocsAnchor,
  placeDraft,
  alreadyAtBase,
  q,
  INHERITED_REMARK,
  envLabel,
  closest,
  STEP_KEYS,
  readWorkers,
  notDeployedAsWritten,
  isPlaceholderName,
  isAccountId,
  isRecord,
  canonicalJson,
  isLocalBinding
};

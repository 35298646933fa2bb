import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  checkAdapters
} from "./chunk-QYZXGIJA.js";
import "./chunk-VGC65KCR.js";
import {
  bindingPaths,
  lifecycleScope,
  nextTag,
  proveFix,
  scopePath,
  valueAt
} from "./chunk-EWUC4M3S.js";
import {
  runFix
} from "./chunk-R3KYBLA5.js";
import {
  unifiedDiff
} from "./chunk-DIFIIKNJ.js";
import "./chunk-SHIGFTFB.js";
import "./chunk-KPNBBZA7.js";
import {
  analyzeRepository
} from "./chunk-Y3VKEW2Y.js";
import "./chunk-ZXZLHMUF.js";
import "./chunk-27Y2JU4L.js";
import "./chunk-KDC7SQTS.js";
import {
  applyOps,
  eolOf,
  tomlKey,
  uneditable
} from "./chunk-RQ5ONLRU.js";
import "./chunk-PQ7QJ6BL.js";
import "./chunk-ZKWNJPXZ.js";
import {
  UsageError
} from "./chunk-MENN5CMZ.js";
import "./chunk-TZV6S3WX.js";
import {
  replayLifecycle
} from "./chunk-5OSWRORD.js";
import {
  configFormat,
  parseConfigText
} from "./chunk-PIRUEGYP.js";
import {
  readWorkers
} from "./chunk-7ZJZNNLB.js";
import {
  andList,
  displayable,
  q
} from "./chunk-57KHF4P2.js";
import "./chunk-BKDYTUFB.js";
import {
  readEditableToml
} from "./chunk-EIFGOVMA.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-FDGYIFXX.js";

// src/cli/fix.ts
import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";

// src/core/fix/exports-generate.ts
var TOMBSTONE_KEYS = {
  deleted: ["type", "state"],
  renamed: ["type", "state", "renamed_to"]
};
function tombstoneOps(at, entry, state, renamedTo) {
  const set = (key, value) => key in entry ? { op: "set", path: [...at, key], value } : { op: "add-key", path: at, key, value };
  const ops = [set("state", state)];
  if (renamedTo !== void 0) ops.push(set("renamed_to", renamedTo));
  const allowed = TOMBSTONE_KEYS[state];
  for (const key of Object.keys(entry)) {
    if (!allowed.includes(key)) ops.push({ op: "remove", path: [...at, key] });
  }
  return ops;
}
function exportsDeleteNext(className, entry) {
  return [
    `Remove class ${q(className)} from ${entry} in this same change: with \`exports\` the server applies the tombstone only once the code no longer exports the class (else code 100402, \`tombstone_delete_class_still_in_code\`).`,
    `Deploy it in one confirmed deploy (no phase 1 with \`exports\`; the bindings removed here go with it): \`do-migrate deploy --confirm-data-loss ${className}\` (or the action's \`mode: deploy\`). Once a deploy lists ${q(className)} in \`removable_entries\`, the tombstone may be dropped.`
  ];
}
function exportsRenameNext(from, to, entry) {
  return [
    `Zero downtime takes three deploys: (1) before this change, deploy code that also exports ${q(to)} as an alias (\`export { ${from} as ${to} }\` in ${entry}); (2) deploy this change, the code still exporting both names; (3) rename the class to ${q(to)} in the code and drop ${q(from)}.`,
    `Other Workers that bind ${q(from)} through \`script_name\` must point at ${q(to)} too. Once a deploy lists ${q(from)} in \`removable_entries\`, the tombstone may be dropped.`
  ];
}

// src/core/fix/generate.ts
var IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
function generate(request) {
  const { file, text, env, change } = request;
  const target = editedWorker(file, text, env);
  if (!target.ok) return target;
  const { parsed, workers, worker } = target;
  const where = placeOf(file, env);
  const classes = replayLifecycle(worker.lifecycle).classes;
  const live = [...classes.values()].filter((c) => c.status === "live").map((c) => c.className);
  const liveList = live.length ? ` (live classes: ${live.map(q).join(", ")})` : " (it has no live class)";
  const scope = lifecycleScope(worker);
  const sharedBy = workers.filter(
    (w) => w !== worker && !w.ownsLifecycle && scope.length === 0 && w.lifecycle.model !== "none"
  );
  const model = worker.lifecycle.model;
  const tag = model === "migrations" ? nextTag(
    worker.lifecycle.steps.map((s) => s.tag),
    request.today
  ) : nextTag([], request.today);
  const listPath = [...scope, "migrations"];
  const exportsPath = [...scope, "exports"];
  const inList = model === "exports" ? `\`exports\` of ${scope.length ? `env ${q(env)}` : "the top level"}` : `migration ${q(tag)}${scope.length === 0 && env !== null ? " (top-level `migrations`, which this env inherits)" : ""}`;
  const ops = [];
  const done = [];
  const next = [];
  const entry = worker.main ? q(worker.main) : "the Worker's entry module";
  let expected = [];
  switch (change.command) {
    case "new-class": {
      const { className, storage, binding } = change;
      const bad = badName(className);
      if (bad) return fail(bad);
      const taken = classes.get(className);
      if (taken) return fail(takenMessage(className, taken, where));
      if (model === "exports") {
        ops.push({
          op: "add-key",
          path: exportsPath,
          key: className,
          value: { type: "durable-object", storage: storage === "sqlite" ? "sqlite" : "legacy-kv" }
        });
      } else {
        const key = storage === "sqlite" ? "new_sqlite_classes" : "new_classes";
        ops.push({ op: "append", path: listPath, value: { tag, [key]: [className] } });
      }
      done.push(
        `Created ${q(className)} with ${storage === "sqlite" ? "SQLite" : "key-value (legacy)"} storage in ${inList}.`
      );
      if (binding !== null) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(binding))
          return fail(`binding name ${q(binding)} is not a valid JavaScript identifier (letters, digits, _)`);
        const bound = [
          worker,
          ...workersOf(workers, worker, scope).filter(
            (w) => w !== worker && Array.isArray(valueAt(parsed.value, bindingsPath(w.env)))
          )
        ];
        for (const w of bound) {
          if (w.bindings.some((b) => b.name === binding))
            return fail(`${placeOf(file, w.env)} already has a Durable Object binding named ${q(binding)}`);
          ops.push({
            op: "append",
            path: bindingsPath(w.env),
            value: { name: binding, class_name: className }
          });
        }
        done.push(
          `Bound it as ${q(binding)} in ${andList(bound.map((w) => w.env === null ? "the top level" : `env ${q(w.env)}`))}.`
        );
      }
      next.push(
        `Export the class from ${entry}: \`export class ${className} extends DurableObject { ... }\` (\`import { DurableObject } from "cloudflare:workers"\`), or the deploy fails with code 10070.`
      );
      if (storage === "kv")
        next.push("Key-value storage is legacy: the free plan accepts only SQLite classes (code 10097).");
      break;
    }
    case "rename": {
      const { from, to } = change;
      const bad = badName(to);
      if (bad) return fail(bad);
      const source = classes.get(from);
      if (source?.status !== "live")
        return fail(`${where} has no live class ${q(from)} to rename${liveList}`);
      const taken = classes.get(to);
      if (taken) return fail(takenMessage(to, taken, where));
      if (change.storage && source.storage && change.storage !== source.storage) {
        return fail(
          `${q(from)} has ${storageName(source.storage)} storage, and a rename keeps it: a class can never switch storage. To move to ${storageName(change.storage)}, create a new class (\`do-migrate new-class ${to} --storage ${change.storage}\`) and copy the data in code; then delete ${q(from)}.`
        );
      }
      if (model === "exports") {
        const at = [...exportsPath, from];
        ops.push(...tombstoneOps(at, valueAt(parsed.value, at), "renamed", to));
        ops.push({
          op: "add-key",
          path: exportsPath,
          key: to,
          value: { type: "durable-object", storage: source.storage === "kv" ? "legacy-kv" : "sqlite" }
        });
      } else {
        ops.push({ op: "append", path: listPath, value: { tag, renamed_classes: [{ from, to }] } });
      }
      done.push(`Renamed ${q(from)} to ${q(to)} in ${inList}: its objects and data move to the new name.`);
      let moved = 0;
      for (const w of workersOf(workers, worker, scope)) {
        for (const path of bindingPaths(parsed.value, w, from)) {
          ops.push({ op: "set", path: [...path, "class_name"], value: to });
          moved++;
        }
      }
      if (moved) done.push(`Pointed ${moved} binding${moved === 1 ? "" : "s"} at ${q(to)}.`);
      next.push(
        ...model === "exports" ? exportsRenameNext(from, to, entry) : [
          `In the same deploy, ${entry} must export ${q(to)} (rename the class in the code); ${q(from)} is no longer needed.`,
          `Other Workers that bind ${q(from)} through \`script_name\` must point at ${q(to)} too.`
        ]
      );
      expected = ["class-renamed"];
      break;
    }
    case "delete": {
      const { className } = change;
      const gone = classes.get(className);
      if (gone?.status !== "live")
        return fail(`${where} has no live class ${q(className)} to delete${liveList}`);
      const removals = [];
      for (const w of workersOf(workers, worker, scope))
        removals.push(...bindingPaths(parsed.value, w, className));
      if (model === "exports") {
        const at = [...exportsPath, className];
        ops.push(...tombstoneOps(at, valueAt(parsed.value, at), "deleted"));
      } else {
        ops.push({ op: "append", path: listPath, value: { tag, deleted_classes: [className] } });
      }
      for (const path of removals.reverse()) ops.push({ op: "remove", path });
      if (removals.length)
        done.push(
          `Removed ${removals.length} binding${removals.length === 1 ? "" : "s"} to ${q(className)}.`
        );
      done.push(
        `Deleted ${q(className)} in ${model === "exports" ? inList : `a migration of its own, ${q(tag)}`}: on deploy, every ${q(className)} object and all its storage are destroyed, irreversibly.`
      );
      next.push(
        ...model === "exports" ? exportsDeleteNext(className, entry) : [
          `Keep exporting ${q(className)} from ${entry} until the delete has applied: phase 1 (bindings removed, delete held back) still needs it.`,
          `Deploy in two phases: \`do-migrate deploy\` (or the action's \`mode: deploy\`) runs phase 1, then phase 2 with \`--confirm-data-loss ${className}\`.`
        ]
      );
      expected = [
        "class-deleted",
        "delete-still-bound",
        "delete-binding-removed",
        "delete-transferred-bound"
      ];
      break;
    }
  }
  if (sharedBy.length > 0) {
    next.push(
      `The top-level lifecycle is inherited, so this also applies to ${sharedBy.map((w) => w.env === null ? "the top level" : `env ${q(w.env)}`).join(", ")}.`
    );
  }
  const format = configFormat(file);
  const after = applyOps(format, text, ops);
  if (after === null) {
    const why = uneditable(format, text);
    return fail(
      why ? `${file} cannot be edited in place: ${why}; make the change by hand` : `${file} is laid out in a way this command cannot edit in place; make the change by hand`
    );
  }
  const before = analyzeRepository([{ file, baseText: text, headText: text }]);
  const result = analyzeRepository([{ file, baseText: text, headText: after }]);
  const proof = proveFix(before, result, [], expected);
  if (proof.added.length > 0) {
    const what = [...new Set(proof.added.map((f) => `${f.code} ${f.kind}: ${f.message}`))].join(" ");
    return fail(`the change would not deploy cleanly, so nothing was written: ${what}`);
  }
  if (change.command === "delete")
    next.unshift(...removeFirst(file, text, after, change.className, request.others));
  return { ok: true, after, done, next };
}
function removeFirst(file, before, after, className, others) {
  if (others === void 0) return [];
  if (others === null)
    return [
      `Other Workers' bindings to ${q(className)} through \`script_name\` were not looked for (not in a git repository): each must be removed and deployed before this delete, or it is rejected (code 10061).`
    ];
  const candidates = others.filter((o) => o.file !== file && o.text.includes("script_name"));
  if (candidates.length === 0) return [];
  const report = analyzeRepository([
    { file, baseText: before, headText: after },
    ...candidates.map((o) => ({ file: o.file, baseText: o.text, headText: o.text }))
  ]);
  const places = /* @__PURE__ */ new Map();
  for (const f of report.findings) {
    if (f.kind !== "cross-worker-binding" || f.file === file) continue;
    const place = `${f.file}${f.line ? `:${f.line}` : ""}`;
    const who = f.worker ? ` (Worker ${q(f.worker)}${f.env ? `, env ${q(f.env)}` : ""})` : "";
    places.set(place, `${q(place)}${who}`);
  }
  if (places.size === 0) return [];
  return [
    `Remove first: ${[...places.values()].join(", ")} ${places.size === 1 ? "binds" : "bind"} ${q(className)} through \`script_name\`. Remove ${places.size === 1 ? "that binding" : "those bindings"} and deploy ${places.size === 1 ? "that Worker" : "those Workers"} before this delete, or the delete is rejected (code 10061); this command does not edit other Workers' configs.`
  ];
}
function editedWorker(file, text, env) {
  const parsed = parseConfigText(file, text);
  if (!parsed.ok) {
    return fail(
      `${file} does not parse${parsed.line ? ` (line ${parsed.line})` : ""}: ${parsed.message}; fix it first`
    );
  }
  const { workers } = readWorkers(parsed);
  const worker = workers.find((w) => w.env === env);
  if (!worker) {
    const defined = workers.flatMap((w) => w.env === null ? [] : [w.env]);
    return fail(
      `${file} has no env ${q(env)}${defined.length ? ` (it defines ${defined.map(q).join(", ")})` : ""}`
    );
  }
  return { ok: true, parsed, workers, worker };
}
function placeOf(file, env) {
  return env === null ? `${file} (top level)` : `${file} env ${q(env)}`;
}
function bindingsPath(env) {
  return [...scopePath(env), "durable_objects", "bindings"];
}
function generateForEnvs(request, envs) {
  const wanted = envs.length === 0 ? [null] : [...new Set(envs)];
  const parsed = parseConfigText(request.file, request.text);
  const workers = parsed.ok ? readWorkers(parsed).workers : [];
  const seen = /* @__PURE__ */ new Set();
  let text = request.text;
  const done = [];
  const next = [];
  for (const env of wanted) {
    const worker = workers.find((w) => w.env === env);
    const key = worker ? lifecycleScope(worker).join("\0") : `${env}`;
    if (seen.has(key)) {
      const change = request.change;
      if (change.command !== "new-class" || change.binding === null) continue;
      const now = parseConfigText(request.file, text);
      const current = now.ok ? readWorkers(now).workers.find((w) => w.env === env) : void 0;
      if (!current || current.bindings.some((b) => b.name === change.binding)) continue;
      const after = applyOps(configFormat(request.file), text, [
        {
          op: "append",
          path: bindingsPath(env),
          value: { name: change.binding, class_name: change.className }
        }
      ]);
      if (after === null)
        return fail(`${placeOf(request.file, env)} cannot be edited in place; bind it by hand`);
      text = after;
      done.push(`Bound it as ${q(change.binding)} in env ${q(env)}.`);
      continue;
    }
    seen.add(key);
    const result = generate({ ...request, text, env });
    if (!result.ok) return result;
    text = result.after;
    done.push(...result.done);
    for (const line of result.next) if (!next.includes(line)) next.push(line);
  }
  return { ok: true, after: text, done, next };
}
function fail(message) {
  return { ok: false, message };
}
function badName(name) {
  return IDENTIFIER.test(name) ? null : `${q(name)} is not a class name: Durable Object classes are exported JavaScript classes (letters, digits, _ and $, not starting with a digit)`;
}
function takenMessage(name, state, where) {
  const how = state.status === "live" ? "is already a live class" : state.status === "deleted" ? `was deleted${state.tag ? ` by migration ${q(state.tag)}` : ""}; a new class under that name would start empty and read as the old one` : state.status === "renamed" ? `was renamed to ${q(state.renamedTo)}${state.tag ? ` by migration ${q(state.tag)}` : ""}; reusing the name confuses the history` : "was transferred to another Worker";
  return `${q(name)} ${how} in ${where}: choose another name`;
}
function workersOf(workers, worker, scope) {
  if (scope.length > 0) return [worker];
  return workers.filter((w) => w === worker || !w.ownsLifecycle && w.env !== null || w.env === null);
}
function storageName(storage) {
  return storage === "sqlite" ? "SQLite" : "key-value (legacy)";
}

// src/core/fix/to-exports.ts
function toExports(request) {
  const { file, text, env } = request;
  const target = editedWorker(file, text, env);
  if (!target.ok) return target;
  const { parsed, workers, worker } = target;
  const where = placeOf(file, env);
  if (worker.lifecycle.model === "exports") return fail2(`${where} already uses \`exports\``);
  if (worker.lifecycle.model === "none")
    return fail2(`${where} has no \`migrations\` to move from (a new class: \`do-migrate new-class\`)`);
  const replay = replayLifecycle(worker.lifecycle);
  if (replay.problems.length > 0) {
    const p = replay.problems[0];
    return fail2(
      `the migrations of ${where} do not replay (${p.kind} of ${q(p.className)}${p.tag ? ` in ${q(p.tag)}` : ""}): fix the history first, then move`
    );
  }
  const live = [...replay.classes.values()].filter((c) => c.status === "live");
  const unknown = live.filter((c) => c.storage === null);
  if (unknown.length > 0) {
    return fail2(
      `the storage of ${unknown.map((c) => q(c.className)).join(", ")} is not in the history (transferred in from another Worker): read it from the live Worker and write the entries by hand`
    );
  }
  const entries = Object.fromEntries(
    live.map((c) => [
      c.className,
      { type: "durable-object", storage: c.storage === "kv" ? "legacy-kv" : "sqlite" }
    ])
  );
  const scope = lifecycleScope(worker);
  const format = configFormat(file);
  const after = format === "toml" ? tomlMove(text, scope, entries) : jsoncMove(text, parsed.value, scope, entries);
  if (after === null)
    return fail2(`${file} is laid out in a way this command cannot edit in place; make the change by hand`);
  const before = analyzeRepository([{ file, baseText: text, headText: text }]);
  const result = analyzeRepository([{ file, baseText: text, headText: after }]);
  const proof = proveFix(before, result, [], ["lifecycle-model-changed"]);
  if (proof.added.length > 0) {
    const what = [...new Set(proof.added.map((f) => `${f.code} ${f.kind}: ${f.message}`))].join(" ");
    return fail2(`the move would not deploy cleanly, so nothing was written: ${what}`);
  }
  const sharedBy = workers.filter(
    (w) => w !== worker && !w.ownsLifecycle && scope.length === 0 && w.lifecycle.model !== "none"
  );
  const ownLists = workers.filter(
    (w) => w !== worker && w.ownsLifecycle && w.lifecycle.model === "migrations"
  );
  const listed = live.map((c) => `${q(c.className)} (${c.storage === "kv" ? "legacy-kv" : "sqlite"})`);
  const done = [
    `Replaced the \`migrations\` of ${where} with \`exports\`: ${listed.length ? listed.join(", ") : "no live class"}.`
  ];
  const next = [
    "This is one-way: once a deploy with `exports` lands, the API refuses `migrations` for that Worker again (code 100403). Deploy with wrangler 4.107 or later.",
    "The entries come from the config's history. Compare them with the live Worker before deploying (`do-migrate check --live`): a namespace the map does not list makes the deploy fail (code 100402, `provisioned_class_missing_from_config` or `orphaned_provisioned_namespace`).",
    "Classes the history deleted, renamed away or transferred out need no entry: they have no namespace."
  ];
  if (sharedBy.length > 0) {
    next.push(
      `The top-level lifecycle is inherited, so ${sharedBy.map((w) => w.env === null ? "the top level" : `env ${q(w.env)}`).join(", ")} moves too.`
    );
  }
  if (ownLists.length > 0) {
    next.push(
      `${ownLists.map((w) => w.env === null ? "The top level" : `Env ${q(w.env)}`).join(", ")} ${ownLists.length === 1 ? "has its own `migrations` and stays" : "have their own `migrations` and stay"} on them: move ${ownLists.length === 1 ? "it" : "each"} with \`--env\`.`
    );
  }
  return { ok: true, after, done, next };
}
function fail2(message) {
  return { ok: false, message };
}
function jsoncMove(text, value, scope, entries) {
  const existing = valueAt(value, [...scope, "exports"]);
  const add = existing && typeof existing === "object" ? Object.entries(entries).map(([key, entry]) => ({
    op: "add-key",
    path: [...scope, "exports"],
    key,
    value: entry
  })) : [{ op: "add-key", path: scope, key: "exports", value: entries }];
  return applyOps("jsonc", text, [{ op: "remove", path: [...scope, "migrations"] }, ...add]);
}
function tomlMove(text, scope, entries) {
  const reading = readEditableToml(text);
  if (!reading.ok) return null;
  const { syntax } = reading;
  const list = [...scope, "migrations"];
  const eol = eolOf(text);
  const under = (path) => path.length > list.length && list.every((k, i) => path[i] === k);
  const blocks = syntax.headers.filter((h) => under(h.path));
  if (blocks.length === 0) {
    return applyOps("toml", text, [
      { op: "remove", path: list },
      { op: "add-key", path: scope, key: "exports", value: entries }
    ]);
  }
  if (syntax.headers.some(
    (h) => !under(h.path) && h.path.length > scope.length + 1 && h.path[scope.length] === "exports"
  ))
    return null;
  const prefix = [...scope, "exports"].map((k) => tomlKey(String(k))).join(".");
  const tables = Object.entries(entries).map(
    ([name, e]) => [`[${prefix}.${tomlKey(name)}]`, `type = "${e.type}"`, `storage = "${e.storage}"`].join(eol)
  ).join(`${eol}${eol}`);
  let out2 = text;
  for (const [i, block] of [...blocks.entries()].reverse()) {
    let end = block.bodyEnd;
    if (i > 0) while (out2[end] === "\r" || out2[end] === "\n") end++;
    out2 = out2.slice(0, block.lineStart) + (i === 0 ? tables : "") + out2.slice(end);
  }
  return out2;
}

// src/cli/fix.ts
var GENERATORS = ["new-class", "rename", "delete"];
function today() {
  return (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
}
var out = (text) => process.stdout.write(
  text.split("\n").map((line) => displayable(line.replace(/\r$/, ""), "?")).join("\n")
);
var FIX_OPTIONS = {
  "dry-run": { type: "boolean" },
  base: { type: "string" },
  env: { type: "string", multiple: true },
  // Shown with --env, as for check: `--env ""`.
  "top-level": { type: "boolean" },
  "accept-deletes": { type: "boolean" },
  "accept-renames": { type: "boolean" },
  policy: { type: "string" }
};
var CONFIG_OPTIONS = {
  config: { type: "string", short: "c" },
  // Repeatable: the change in each env named (once per lifecycle they read).
  env: { type: "string", short: "e", multiple: true },
  "dry-run": { type: "boolean" }
};
var GENERATOR_OPTIONS = {
  "new-class": { storage: { type: "string" }, binding: { type: "string" }, ...CONFIG_OPTIONS },
  rename: { storage: { type: "string" }, ...CONFIG_OPTIONS },
  delete: CONFIG_OPTIONS
};
async function runFixCommand(argv) {
  const { values, positionals } = parse(argv, FIX_OPTIONS);
  const policyFile = values.policy;
  const envs = values.env ? values.env.map((e) => e === "" ? null : e) : null;
  const dryRun = Boolean(values["dry-run"]);
  const run = await runFix(
    {
      cwd: process.cwd(),
      base: values.base ?? null,
      head: null,
      paths: positionals,
      pathsMustMatch: true,
      analyze: { envs: values["top-level"] ? [...envs ?? [], null] : envs },
      today: today(),
      acceptDeletes: Boolean(values["accept-deletes"]),
      acceptRenames: Boolean(values["accept-renames"]),
      ...policyFile ? { policy: { from: "file", file: policyFile, text: readPolicyText(policyFile) } } : {}
    },
    checkAdapters
  );
  const { result } = run;
  for (const file of result.files) out(unifiedDiff(file.file, file.before, file.after));
  if (!dryRun) {
    for (const file of result.files) writeChecked(join(run.root, file.file), file.before, file.after);
  }
  out(summary(result, dryRun));
  return dryRun && result.files.length > 0 ? 1 : 0;
}
function readPolicyText(path) {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read the policy file ${path}: ${error.code ?? error}`
    );
  }
}
function summary(result, dryRun) {
  const lines = [];
  if (result.files.length > 0) lines.push("");
  const n = result.applied.length;
  if (n === 0) lines.push("Nothing to fix mechanically.");
  else {
    const files = result.files.map((f) => f.file).join(", ");
    lines.push(
      `${dryRun ? "Would fix" : "Fixed"} ${n} finding${n === 1 ? "" : "s"} in ${files}${dryRun ? " (dry run: nothing written)" : ""}:`
    );
    for (const fix of result.applied) lines.push(`  ${codes(fix.targets)} ${fix.title}`);
  }
  const left = dedupe(result.left);
  if (left.length > 0) {
    lines.push(`Left ${left.length}:`);
    for (const item of left) lines.push(`  ${leftLine(item)}`);
  }
  if (result.suppressed.length > 0) {
    lines.push(`Left alone, suppressed (${result.suppressed.length}):`);
    for (const item of result.suppressed) lines.push(`  ${suppressedLine(item)}`);
  }
  const flags = [...new Set(left.flatMap((l) => l.flag ? [l.flag] : []))];
  if (flags.length > 0)
    lines.push(
      `Run \`do-migrate fix ${flags.join(" ")}\` to apply what needs ${flags.length === 1 ? "that flag" : "those flags"}.`
    );
  return `${lines.join("\n")}
`;
}
function codes(targets) {
  return [...new Set(targets.map((t) => t.code))].join(",");
}
function leftLine(item) {
  const target = item.targets[0];
  const place = target ? `${target.file}${target.line ? `:${target.line}` : ""}` : item.file;
  const what = item.title ? `${item.title} ` : "";
  const why = item.flag ? `Not applied: ${item.reason}; \`${item.flag}\` applies it.` : `Not fixed: ${item.reason}.`;
  return `${codes(item.targets)} ${place} ${what}${why}`;
}
function suppressedLine(item) {
  const target = item.targets[0];
  const place = `${target.file}${target.line ? `:${target.line}` : ""}`;
  const by = target.suppressed;
  const where = `${by.file}${by.line ? `:${by.line}` : ""}`;
  const what = item.title ? `${item.title} ` : "";
  return `${codes(item.targets)} ${place} ${what}Not applied: suppressed by the ${by.by} at ${where} (${by.reason}).`;
}
function dedupe(left) {
  const seen = /* @__PURE__ */ new Set();
  return left.filter((l) => {
    const key = `${l.kind}\0${l.file}\0${l.title}\0${l.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
async function runGenerateCommand(command, argv) {
  const { values, positionals } = parse(argv, Object.assign({}, ...Object.values(GENERATOR_OPTIONS)));
  for (const name of Object.keys(values)) {
    if (name in GENERATOR_OPTIONS[command]) continue;
    const takers = GENERATORS.filter((g) => name in GENERATOR_OPTIONS[g]);
    throw new UsageError(`--${name} is for ${takers.join(" and ")} only`);
  }
  const storage = parseStorage(values.storage);
  const want = command === "rename" ? 2 : 1;
  if (positionals.length !== want) {
    const shape = command === "rename" ? "FROM TO" : "NAME";
    throw new UsageError(
      `${command} takes ${shape} (got ${positionals.length} argument${positionals.length === 1 ? "" : "s"})`,
      true
    );
  }
  const change = command === "new-class" ? {
    command,
    className: positionals[0],
    storage: storage ?? "sqlite",
    binding: values.binding ?? null
  } : command === "rename" ? { command, from: positionals[0], to: positionals[1], storage } : { command, className: positionals[0] };
  const { path, file, text } = readConfig(values.config);
  const envs = (values.env ?? []).map((e) => e === "" ? null : e);
  const others = change.command === "delete" ? await otherConfigs(path) : void 0;
  const result = generateForEnvs({ file, text, today: today(), change, others }, envs);
  if (!result.ok) throw new UsageError(`${command}: ${result.message}`);
  return writeGenerated({ path, file, text }, result, Boolean(values["dry-run"]));
}
var TO_EXPORTS_OPTIONS = CONFIG_OPTIONS;
async function runToExportsCommand(argv) {
  const { values, positionals } = parse(argv, TO_EXPORTS_OPTIONS);
  if (positionals.length > 0)
    throw new UsageError(
      `to-exports takes no argument (got ${positionals.map((p) => `"${p}"`).join(" ")})`,
      true
    );
  const { path, file, text } = readConfig(values.config);
  const env = values.env === void 0 || values.env === "" ? null : values.env;
  const result = toExports({ file, text, env });
  if (!result.ok) throw new UsageError(`to-exports: ${result.message}`);
  return writeGenerated({ path, file, text }, result, Boolean(values["dry-run"]));
}
function readConfig(config) {
  const path = findConfig(config);
  const file = relative(process.cwd(), path) || path;
  try {
    return { path, file, text: readFileSync(path, "utf8") };
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${error.code ?? error.message}`
    );
  }
}
function writeGenerated(config, result, dryRun) {
  out(unifiedDiff(config.file, config.text, result.after));
  if (!dryRun) writeChecked(config.path, config.text, result.after);
  const lines = [
    "",
    ...result.done,
    ...dryRun ? ["(dry run: nothing written)"] : [],
    "Next:",
    ...result.next.map((n) => `  - ${n}`)
  ];
  out(`${lines.join("\n")}
`);
  return dryRun ? 1 : 0;
}
async function otherConfigs(path) {
  const { readWorkingTreeConfigs } = await import("./repository-4WNVJNHC.js");
  const repository = await readWorkingTreeConfigs(dirname(path));
  if (!repository) return null;
  const self = realPath(path);
  return repository.configs.flatMap(({ path: repoPath, text }) => {
    const full = join(repository.root, repoPath);
    return realPath(full) === self ? [] : [{ file: relative(process.cwd(), full) || repoPath, text }];
  });
}
function realPath(path) {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
function parseStorage(value) {
  if (value === void 0) return null;
  if (value === "sqlite" || value === "kv") return value;
  throw new UsageError(`--storage must be sqlite or kv (got "${value}")`);
}
function findConfig(config) {
  if (config !== void 0) return resolve(config);
  for (const name of ["wrangler.json", "wrangler.jsonc", "wrangler.toml"]) {
    const path = resolve(name);
    if (existsSync(path)) return path;
  }
  throw new UsageError("no wrangler.json, wrangler.jsonc or wrangler.toml here: pass --config PATH");
}
function writeChecked(path, before, after) {
  let now;
  try {
    now = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read ${path} again before writing: ${error.code}`
    );
  }
  const bom = now.charCodeAt(0) === 65279 ? "\uFEFF" : "";
  if (now !== before && now !== bom + before)
    throw new UsageError(`${path} changed while it was being fixed; nothing written to it`);
  writeFileSync(path, bom + after);
}
function parse(argv, options) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(error.message, true);
  }
}
export {
  FIX_OPTIONS,
  GENERATORS,
  GENERATOR_OPTIONS,
  TO_EXPORTS_OPTIONS,
  runFixCommand,
  runGenerateCommand,
  runToExportsCommand
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  parse
} from "./chunk-Y72PUWW2.js";

// src/core/text/display.ts
var UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
function displayable(text, replacement = "'") {
  return text.replace(UNSAFE_CHARACTERS, replacement);
}

// src/core/remarks.ts
function composeMessage(parts) {
  return [...parts.before, parts.own, ...parts.after].join(" ");
}
function messageParts(finding) {
  const parts = finding.composed;
  if (parts && composeMessage(parts) === finding.message) return parts;
  return { before: [], own: finding.message, after: [] };
}
function remarked(finding, remark) {
  const composed = withRemark(messageParts(finding), remark);
  const t = finding.template;
  const template = t && { ...withRemark(t, remark.slotted?.().wording ?? remark), inherited: t.inherited };
  return { ...finding, message: composeMessage(composed), composed, ...template ? { template } : {} };
}
function withRemark(parts, remark) {
  return {
    before: remark.before === void 0 ? parts.before : [remark.before, ...parts.before],
    own: parts.own,
    after: remark.after === void 0 ? parts.after : [...parts.after, remark.after]
  };
}
function withoutRemarks(finding, drop) {
  const parts = messageParts(finding);
  const composed = {
    before: parts.before.filter((r) => !drop(r)),
    own: parts.own,
    after: parts.after.filter((r) => !drop(r))
  };
  const { template: t, ...rest } = finding;
  const template = t && t.before.length === parts.before.length && t.after.length === parts.after.length ? {
    before: t.before.filter((_, i) => !drop(parts.before[i])),
    own: t.own,
    after: t.after.filter((_, i) => !drop(parts.after[i])),
    inherited: t.inherited
  } : void 0;
  return { ...rest, message: composeMessage(composed), composed, ...template ? { template } : {} };
}
function restated(finding, text, changes = {}) {
  const { composed: _replaced, template: _theirs, ...rest } = finding;
  const template = text.slotted && {
    before: [],
    own: text.slotted().wording.message,
    after: [],
    inherited: false
  };
  return {
    ...rest,
    ...changes,
    message: text.message,
    ...text.fix === void 0 ? {} : { fix: text.fix },
    ...template ? { template } : {}
  };
}

// src/core/rules/words.ts
function q(name) {
  if (name === WORKER_FACT) return SLOT.worker;
  const text = typeof name === "string" ? name : JSON.stringify(name) ?? String(name);
  return `\`${displayable(text.replace(/`/g, "'")).slice(0, 200)}\``;
}
var INHERITED_REMARK = ", inherited from the top-level config";
function inheritedRemark(inherited) {
  if (inherited === INHERITED_FACT) return SLOT.inherited;
  return inherited ? INHERITED_REMARK : "";
}
function envLabel(env) {
  if (env === ENV_FACT) return SLOT.env;
  return env === null ? "the top-level config" : `env ${q(env)}`;
}
function capitalised(text) {
  if (text.startsWith(SLOT.env)) return SLOT.envCapital + text.slice(SLOT.env.length);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
var WORKER_FACT = "\0worker-fact";
var ENV_FACT = "\0env-fact";
var INHERITED_FACT = "\0inherited-fact";
var SLOT = {
  worker: "\0worker",
  env: "\0env",
  envCapital: "\0Env",
  inherited: "\0inherited"
};
function storageName(storage) {
  return storage === "sqlite" ? "SQLite" : storage === "kv" ? "key-value (legacy)" : "unknown";
}
function targetLabel(target, start = true) {
  const what = target.env === null ? "the top level" : envLabel(target.env);
  return `${start ? capitalised(what) : what} of ${q(target.file)}`;
}

// src/core/rules/rule.ts
function worded(say, names = {}) {
  return (facts) => ({ ...say(facts), slotted: () => slotted(say, facts, names.worker ?? "worker") });
}
function slotted(say, facts, worker) {
  const open = { ...facts };
  if ("env" in open) open.env = ENV_FACT;
  if (typeof open[worker] === "string") open[worker] = WORKER_FACT;
  if ("inherited" in open) open.inherited = INHERITED_FACT;
  return { wording: say(open), inherited: facts.inherited === true };
}

// src/core/rules/bindings.ts
var BINDING_RULES = {
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
  }
};
var bindingRemoved = worded(function bindingRemoved2(f) {
  return {
    message: `Binding ${q(f.binding)} to class ${q(f.className)} was removed from ${envLabel(f.env)} without a delete migration: the objects and their storage stay. If the class also leaves the code, the deploy fails with code 10064.`,
    fix: `Keep exporting ${q(f.className)} from the code. If its data should go, follow with a delete (phase 2 of a two-phase deploy); if the removal is a mistake, restore the binding.`
  };
});
var bindingUnknownClass = worded(function bindingUnknownClass2(f) {
  const where = envLabel(f.env);
  return {
    message: f.noLifecycle ? `Binding ${q(f.binding)} points at class ${q(f.className)}, but ${where} declares no Durable Object lifecycle (\`migrations\` or \`exports\`): unless the class was created elsewhere, the API rejects it (code 10061).` : `Binding ${q(f.binding)} points at class ${q(f.className)}, which no migration in ${where} creates: the API rejects the deploy (code 10061).`,
    fix: `Add a migration that creates ${q(f.className)} (\`new_sqlite_classes\`), or fix the class name.`
  };
});
var bindingRetargeted = worded(function bindingRetargeted2(f) {
  const own = q(f.ownClass);
  const declared = f.exportsModel ? "declared live in its own `exports` and exported by its code" : "created by its own migration and exported by its code";
  const other = q(f.otherWorker);
  return {
    message: `Binding ${q(f.binding)} in ${envLabel(f.env)} now points at class ${q(f.otherClass)} of Worker ${other} (\`script_name\`) instead of this Worker's own ${own}. The objects of ${q(f.worker ?? "this Worker")}'s ${own} stay where they are and nothing here binds them any more: they do not move to ${other}, whose ${q(f.otherClass)} is a separate namespace. The deploy needs Worker ${other} to exist and to have ${q(f.otherClass)} ${declared}, or it fails (code 10061).`,
    fix: `If the objects should move to ${other}, transfer the class (\`transferred_classes\` in ${other}'s config, from this Worker) instead of re-binding. Either way keep exporting ${own} here until it is deleted (two deploys), or the deploy fails with code 10064.`
  };
});
function retargetTarget(f) {
  return f.creates ? `${q(f.worker)} (${q(f.file)}) does create ${q(f.className)}.` : `${q(f.worker)} is configured in ${q(f.file)}, and no migration there creates ${q(f.className)}: the deploy is rejected (code 10061).`;
}

// src/core/rules/classes.ts
var CLASS_RULES = {
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
  }
};
var classRenamed = worded(function classRenamed2(f) {
  return {
    message: `Class ${q(f.className)} is renamed to ${q(f.renamedTo)} in ${envLabel(f.env)}: objects and storage move to the new name.`,
    fix: `Export ${q(f.renamedTo)} from the Worker's code and point bindings at it in the same deploy.`
  };
});
var classTransferred = worded(function classTransferred2(f) {
  const worker = q(f.worker ?? "this Worker");
  return f.direction === "out" ? {
    message: `Class ${q(f.className)} is transferred out of ${worker} in ${envLabel(f.env)}: its objects move to another Worker.`,
    fix: "Deploy the receiving Worker's `expecting-transfer` entry first, then this one."
  } : {
    message: `Class ${q(f.className)} is transferred into ${worker} in ${envLabel(f.env)}, with its objects.`,
    fix: "Deploy this Worker before the source Worker drops the class; keep the source's binding until then."
  };
});
var classDeletedAndRecreated = worded(function classDeletedAndRecreated2(f) {
  return {
    message: `Class ${q(f.className)} is deleted and created again in ${envLabel(f.env)}: the delete destroys every existing object and its storage, and the new ${q(f.className)} starts empty${f.newStorage ? ` (with ${storageName(f.newStorage)} storage)` : ""}.`,
    fix: "To change a class's storage or start it over, create a class with a new name and migrate the data in code; never delete a class that holds data you need."
  };
});
var classRecreated = worded(function classRecreated2(f) {
  const name = q(f.className);
  const u = f.unapplied;
  return {
    message: u ? `Class ${name} is created again in ${envLabel(f.env)} after migration ${q(u.tag)} deletes it. ${q(u.tag)} most likely never applied (at the base revision its deploy is rejected${u.code ? ` with code ${u.code}` : ""}: ${u.reason}), so deployed Workers most likely still have ${name} and its objects: the new ${name} starts empty only where that delete applies.` : `Class ${name} is created again in ${envLabel(f.env)} after an earlier migration deleted it: it starts empty, none of the old objects come back.`,
    fix: "Make sure nobody expects the old data; prefer a new class name so the history reads clearly."
  };
});
var storageChanged = worded(function storageChanged2(f) {
  return {
    message: `Class ${q(f.className)} switches storage from ${storageName(f.from)} to ${storageName(f.to)} in ${envLabel(f.env)}. A class can never change its storage backend in place: deployed Workers ignore this, and fresh Workers get a different backend.`,
    fix: `Keep the original storage. To move to SQLite, create a new class with \`new_sqlite_classes\` and migrate the data in code.`
  };
});
var classCreated = worded(function classCreated2(f) {
  const names = f.classNames;
  return {
    message: `${names.length === 1 ? "Class" : "Classes"} ${names.map(q).join(", ")} ${names.length === 1 ? "is" : "are"} created in ${envLabel(f.env)}${f.tag ? ` (migration ${q(f.tag)})` : ""} with ${storageName(f.storage)} storage.`,
    fix: `Export ${names.map(q).join(", ")} from the Worker's entry module.`
  };
});
var exportRemoved = worded(function exportRemoved2(f) {
  return {
    message: `Class ${q(f.className)} has live objects but is no longer declared in \`exports\` in ${envLabel(f.env)}: the server's reconciliation decides what happens to its namespace.`,
    fix: `Keep ${q(f.className)} in \`exports\`, or mark it \`"state": "deleted"\` if its data must go (two deploys).`
  };
});

// src/core/rules/code-exports.ts
var CODE_EXPORT_RULES = {
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
  }
};
var incompleteFix = worded(function incompleteFix2(f) {
  const className = q(f.className);
  return {
    message: `This change deletes ${className} in ${targetLabel(f.deleting, false)}${f.tag ? ` (migration ${q(f.tag)})` : ""}, but ${targetLabel(f.target, false)} deploys the same code and still has ${className}, so the fix is incomplete.`,
    fix: `Delete ${className} in ${targetLabel(f.target, false)} as well (bindings removed first, then the delete: two deploys), or keep exporting ${className} (a stub class is enough) until every config of this code has deleted it.`
  };
});
function whose(worker, env) {
  return worker ? `Worker ${q(worker)}` : `the Worker of ${envLabel(env)}`;
}
var exportsUnknown = worded(function exportsUnknown2(f) {
  const who = whose(f.worker, f.env);
  return f.entry === null ? {
    message: `${who} has no \`main\`, so the classes its code exports cannot be checked.`,
    fix: "Set `main` to the Worker's entry module to let this check run."
  } : {
    message: `The export names of ${who}'s entry ${q(f.entry)} could not be determined: ${f.why}`,
    fix: "Nothing to do if the deploy builds the entry; this check only reads source files and never runs a build."
  };
});
var classNotExported = worded(function classNotExported2(f) {
  const { className, entry } = f;
  return f.created ? {
    message: `Class ${q(className)} is created in ${envLabel(f.env)} but ${q(entry)} does not export it: the deploy fails with code 10070 (new-class migration for a class not exported).`,
    fix: `Export ${q(className)} from ${q(entry)} (\`export class ${className} ...\` or re-export it).`
  } : {
    message: `Class ${q(className)} still has a Durable Object namespace in ${envLabel(f.env)}, but ${q(entry)} does not export it: the deploy fails with code 10064 ("does not export class ... depended on by existing Durable Objects").`,
    fix: `Keep exporting ${q(className)} (a stub class is enough) until a delete migration has been applied; if its data should go, delete it with the two-phase deploy.`
  };
});
var abandonedClassNotExported = worded(function abandonedClassNotExported2(f) {
  const { className, entry } = f;
  return {
    message: `${q(className)} has no migration left in ${envLabel(f.env)} (this change removed ${f.removedTag ? `migration ${q(f.removedTag)}` : "them"}) and no binding, but removing a migration deletes nothing: if that history reached ${whose(f.worker, f.env)}, its ${q(className)} namespace still exists, and since ${q(entry)} does not export ${q(className)}, the deploy fails with code 10064 ("does not export class ... depended on by existing Durable Objects").`,
    fix: `Restore the migrations, keep exporting ${q(className)} (a stub class is enough), and delete it with a new step in two deploys if its data should go.`
  };
});
var deletedClassStillNeeded = worded(function deletedClassStillNeeded2(f) {
  const { gone } = f;
  return {
    message: `${gone.map(q).join(", ")} ${gone.length === 1 ? "is" : "are"} deleted, and ${q(f.entry)} no longer exports ${gone.length === 1 ? "it" : "them"}. Phase 1 of the two-phase deploy (bindings removed, delete held back) still needs the class exported, or it fails with code 10064.`,
    fix: "Nothing to do with `mode: deploy`: phase 1 supplies a minimal stand-in export. Deploying by hand, keep a stub `export class ... {}` until the delete has applied."
  };
});
function retirementGoesThrough(f) {
  return `The code still exports ${f.exported.map(q).join(", ")}: this deploy goes through.`;
}

// src/core/rules/config-files.ts
var CONFIG_FILE_RULES = {
  "parse-error": { code: "DO001", title: "Config file does not parse", severity: "critical" },
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
  "config-proto-key": {
    code: "DO010",
    title: "`__proto__` key in a JSON config",
    severity: "error"
  },
  "config-name-case": {
    code: "DO011",
    title: "Config names that differ only in case",
    severity: "error"
  }
};
var lifecycleModelChanged = worded(function lifecycleModelChanged2(f) {
  const where = capitalised(envLabel(f.env));
  return f.toExports ? {
    message: `${where} moves from \`migrations\` to declarative \`exports\`. This is one-way: once a deploy with \`exports\` lands, the API refuses to go back to \`migrations\` (code 100403). Every class that has objects must be declared in \`exports\` with its storage.`,
    // `do-migrate to-exports` is the tool for exactly this switch.
    fix: "Check that every live class is listed with the right `storage`, and that no tombstone (`deleted`) is there by accident. `do-migrate to-exports` writes the map from the history: one entry per live class with its storage."
  } : {
    message: `${where} goes back from \`exports\` to \`migrations\`: the API refuses this for a Worker that has deployed with \`exports\` (code 100403).`,
    fix: "Keep the `exports` map; express the change as an `exports` entry."
  };
});
var parseError = worded(function parseError2(f) {
  const where = f.line && f.column ? ` at line ${f.line}, column ${f.column}` : "";
  if (f.overLimit && !f.isBase) {
    return {
      message: `${q(f.file)} was not checked: ${f.reason}${where}. wrangler may still deploy it, so this check cannot vouch for what it does to Durable Objects.`,
      fix: "Keep the config a plain file inside the repository, under 1 MiB and without deep nesting (real wrangler configs are a few KB)."
    };
  }
  return {
    message: f.isBase ? `The base revision of ${q(f.file)} does not parse (${f.reason}${where}), so what changed cannot be told; the head revision was checked on its own.` : (
      // Fail closed: wrangler's parser may read what this one cannot (config/parse.ts).
      `${q(f.file)} cannot be read by this check: it does not parse as ${f.format === "toml" ? "TOML" : "JSON/JSONC"} (${f.reason}${where}). If wrangler refuses it too, nothing deploys; if wrangler reads it, this check cannot vouch for what the deploy does to Durable Objects.`
    ),
    fix: f.reason === PARSE_REASONS.lfsPointer ? "Keep wrangler configs out of Git LFS (remove their pattern from `.gitattributes` and commit the real file)." : "Fix the syntax at that position (wrangler reads TOML with smol-toml and JSON/JSONC with comments and trailing commas allowed)."
  };
});
var unreadBaseDeletes = worded(function unreadBaseDeletes2(f) {
  const list = [...new Set(f.deletes.map((d) => `${q(d.className)} (${q(d.tag)})`))].join(", ");
  return {
    message: `The head's history deletes ${list}: on a Worker that has not run that step yet, the next deploy destroys the class's objects and all its storage, irreversibly, and which steps deployed Workers have run cannot be told from a base that does not parse.`,
    fix: `The live plan (\`--live\`, a read-only token) reads each Worker's migration tag and settles it.`
  };
});
function directoryLabel(dir) {
  return dir === "" ? "the repository's top directory" : `directory ${q(dir)}`;
}
var configReplaced = worded(function configReplaced2(f) {
  return {
    message: `${q(f.file)} replaces ${q(f.from)} (${f.why}): wrangler deploys it in its place, so what it changes for the Workers of ${q(f.from)} is reported against that file at the base revision, not as a new config.`,
    fix: `Nothing to do if ${q(f.file)} is meant to replace ${q(f.from)}: the findings above say what its deploy changes.`
  };
});
var configRedirected = worded(function configRedirected2(f) {
  const redirect = q(f.redirect);
  const where = directoryLabel(f.dir);
  const insteadText = f.instead ? ` instead of ${q(f.instead)}` : "";
  const viaText = f.via ? ` (through ${f.via})` : "";
  return f.outcome === "read" ? {
    message: `${redirect} redirects wrangler: \`wrangler deploy\` in ${where} (without \`--config\`) deploys ${q(f.target)}${viaText}${insteadText}. This check reads ${q(f.target)} as the config of ${where}${f.instead ? `, against what the base revision deployed there` : ""}.`,
    fix: `Build output does not belong in the repository: if ${redirect} was committed by mistake, remove it (and add \`.wrangler/\` to \`.gitignore\`), so that ${f.instead ? q(f.instead) : "the directory's own config"} is what deploys.`
  } : {
    message: `${redirect} redirects wrangler: \`wrangler deploy\` in ${where} (without \`--config\`) deploys ${q(f.target)}${viaText}${insteadText}, which is not in the repository (a build step writes it): this check cannot read it, so it cannot vouch for what that deploy does to Durable Objects.`,
    fix: `Remove ${redirect} from the repository (it is build output; add \`.wrangler/\` to \`.gitignore\`), or check the config it points at after the build.`
  };
});
var configRedirectBroken = worded(function configRedirectBroken2(f) {
  const redirect = q(f.redirect);
  const where = directoryLabel(f.dir);
  return f.outcome === "unreadable" ? {
    message: `${redirect} redirects wrangler: \`wrangler deploy\` in ${where} (without \`--config\`) follows it, but ${f.problem}: this check cannot read the config that deploys, so it cannot vouch for what that deploy does to Durable Objects.`,
    fix: `Give \`configPath\` as a path relative to ${q(f.redirectDir)} that stays inside the repository, or remove ${redirect} (it is build output; add \`.wrangler/\` to \`.gitignore\`).`
  } : {
    message: `${redirect} would redirect \`wrangler deploy\` in ${where}, but ${f.problem}: wrangler refuses to deploy there without \`--config\`.`,
    fix: `Remove ${redirect} (it is build output; add \`.wrangler/\` to \`.gitignore\`).`
  };
});
var configShadowed = worded(function configShadowed2(f) {
  const { read, shadowed } = f;
  const list = shadowed.map(q).join(" and ");
  const message = `${capitalised(directoryLabel(f.dir))} holds ${[read, ...shadowed].map((file) => q(basename(file))).join(", ")}: \`wrangler deploy\` there reads ${q(read)} (wrangler looks for \`wrangler.json\`, then \`wrangler.jsonc\`, then \`wrangler.toml\`), and ${list} ${shadowed.length === 1 ? "is" : "are"} only read with \`--config\`.`;
  const fix = `Keep one config per directory: remove ${list}, or move what ${shadowed.length === 1 ? "it holds" : "they hold"} into ${q(read)}.`;
  return f.why === "introduced" ? {
    message: `${message} ${q(read)} is new, so from now on it is what deploys in place of ${q(f.readBefore)}: this check compares it with ${q(f.readBefore)} at the base revision.`,
    fix
  } : {
    message: `${message} So ${f.why === "new" ? `the new ${q(f.file)}` : `the change to ${q(f.file)}`} does not deploy with \`wrangler deploy\` alone.`,
    fix
  };
});
var configNameCase = worded(function configNameCase2(f) {
  const linuxText = f.onLinux ? `reads ${q(f.onLinux)}` : "finds no config (it looks for lower-case names only)";
  const otherText = f.insensitive ? `reads ${q(f.insensitive)}` : "reads whichever of the files that share a name the checkout kept (one overwrites the other)";
  return {
    message: `${capitalised(directoryLabel(f.dir))} holds ${f.names.map(q).join(", ")}: names that differ only in case are one file on macOS and Windows. \`wrangler deploy\` there ${linuxText} on Linux, but ${otherText} on macOS or Windows. This check judges each of these files as a config that deploys${f.paired ? `, ${q(f.paired.file)} against what the base revision deployed there (${q(f.paired.from)})` : ""}.`,
    fix: `Keep one config per directory, spelt \`wrangler.json\`, \`wrangler.jsonc\` or \`wrangler.toml\` in lower case: rename or remove ${f.variants.map(q).join(" and ")}.`
  };
});
function basename(file) {
  return file.slice(file.lastIndexOf("/") + 1);
}
var invalidConfig = worded(function invalidConfig2(f) {
  const [what, fix] = invalidValueWords(f.value, f.env);
  return { message: `Invalid config in ${envLabel(f.env)}: ${what}.`, fix };
});
function invalidValueWords(f, env) {
  switch (f.problem) {
    case "env-not-table":
      return ["`env` is not a table of environments", "Make `env` a table."];
    case "env-entry-not-table":
      return [`${envLabel(env)} is not a table`, "Make it a table."];
    case "account-id":
      return [
        `\`account_id\` ${q(f.id)} is not a Cloudflare account ID (32 hexadecimal characters): wrangler's requests to the API fail with it`,
        "Set `account_id` to the account's ID, as shown in the Cloudflare dashboard."
      ];
    case "migrations-not-list":
      return ["`migrations` is not a list", "Make it a list of steps."];
    case "step-not-table":
      return [`migration #${f.index + 1} is not a table`, "Make each step a table."];
    case "step-without-tag":
      return [
        `migration #${f.index + 1} has no string \`tag\`: wrangler rejects the config`,
        "Add a unique `tag`."
      ];
    case "not-class-list":
      return [`${q(f.key)} is not a list of class names`, "Use a list of strings."];
    case "rename-incomplete":
      return ["a rename needs string `from` and `to`", "Add both."];
    case "transfer-incomplete":
      return ["a transfer needs `from`, `from_script` and `to`", "Add them."];
    case "not-table-list":
      return [`${q(f.key)} is not a list`, "Use a list of tables."];
    case "export-state":
      return [
        `exports entry ${q(f.className)} has state ${q(f.state)}`,
        f.guess ? `Did you mean ${q(f.guess)}?` : `Use one of ${f.states.join(", ")}.`
      ];
    case "export-needs":
      return [
        `exports entry ${q(f.className)} (state ${q(f.state)}) needs ${q(f.key)}${f.key === "storage" ? ' ("sqlite" or "legacy-kv")' : ""}: wrangler rejects it`,
        `Add ${q(f.key)}.`
      ];
    case "export-forbids":
      return [
        `exports entry ${q(f.className)} (state ${q(f.state)}) has ${q(f.key)}, which wrangler forbids on that state and rejects the config`,
        `Remove ${q(f.key)} (allowed: ${f.allowed.join(", ")}).`
      ];
    case "durable-objects-not-table":
      return ["`durable_objects` is not a table", "Use `durable_objects.bindings`."];
    case "bindings-not-list":
      return ["`durable_objects.bindings` is not a list", "Make it a list."];
    case "binding-not-table":
      return ["a Durable Object binding is not a table", "Use `{ name, class_name }`."];
    case "binding-incomplete":
      return ["a Durable Object binding needs string `name` and `class_name`", "Add them."];
  }
}
var unknownKey = worded(function unknownKey2(f) {
  const { key, guess } = f;
  switch (f.where) {
    case "scope": {
      const ignored = guess === "durable_objects" ? "its bindings are" : "its Durable Object lifecycle is";
      return {
        message: `Unknown key ${q(key)} in ${envLabel(f.env)}: wrangler only warns, and ${ignored} silently ignored.`,
        fix: `Rename ${q(key)} to ${q(guess)}.`
      };
    }
    case "step":
      return {
        message: `Unknown key ${q(key)} in migration ${q(f.tag ?? f.index + 1)}: wrangler only warns and sends it to the API as is, so the step does not do what it says.`,
        fix: guess ? `Did you mean ${q(guess)}?` : `Remove ${q(key)}; a step takes ${f.stepKeys.join(", ")}.`
      };
    case "durable-objects":
      return {
        message: `Unknown key ${q(key)} in \`durable_objects\`: wrangler only warns and ignores it.`,
        fix: guess ? "Did you mean `bindings`?" : "Bindings go in `durable_objects.bindings`."
      };
    case "binding":
      return {
        message: `Unknown key ${q(key)} in a Durable Object binding: wrangler only warns and ignores it.`,
        fix: guess ? `Did you mean ${q(guess)}?` : `A binding takes ${f.bindingKeys.join(", ")}.`
      };
  }
});
var lifecycleConflict = worded(function lifecycleConflict2(f) {
  return {
    message: `${envLabel(f.env)} declares both \`migrations\` and Durable Object \`exports\`: wrangler refuses the config.`,
    fix: "Keep one lifecycle model. Moving to `exports` is one-way (the API refuses to go back, code 100403)."
  };
});
function wranglerV1SignText(s) {
  switch (s.sign) {
    case "type":
      return `\`type = ${JSON.stringify(s.type)}\``;
    case "build-upload":
      return "`[build.upload]`";
    case "build-upload-format":
      return "`[build] upload_format`";
    case "durable-objects-classes":
      return "`[durable_objects] classes`";
  }
}
function legacyWranglerConfig(f) {
  return {
    message: `${q(f.file)} is written for wrangler v1 (${f.signs.map(wranglerV1SignText).join(", ")}). wrangler 2 and later do not read that schema (they need \`main\`, and warn about \`type\` and \`[build.upload]\`), and wrangler v1 created Durable Object classes at publish time (\`--new-class\`) as well as through \`migrations\`: the v2 checks of bindings and keys do not apply here, only what both versions read alike (\`migrations\`, bindings).`,
    fix: "Nothing to do if this config is only kept for reference. To deploy it with wrangler 2 or later, set `main`, drop `type` and `[build.upload]`, list the bindings in `durable_objects.bindings` and create every class with a migration."
  };
}
function configProtoKey(f) {
  const where = f.holder === null ? "at the top level" : `in \`${f.holder}\``;
  return {
    message: `A \`"__proto__"\` key ${where}: wrangler's JSON parser does not keep it as a field, it makes its value the object's prototype, and wrangler then reads every field inside it (\`migrations\` included) as if it were written beside it. This check reads those fields the same way, but a reviewer reading the diff may take them for an inert key.`,
    fix: 'Move the fields out of the `"__proto__"` object into the object that holds it, and remove the key.'
  };
}
function notDeployedAsWrittenReason(f) {
  return f.placeholderName ? `the Worker name ${q(f.placeholderName)} is a placeholder, so this config is a template` : "this config has no `name`, which `wrangler deploy` needs unless `--name` is given";
}
var PARSE_REASONS = {
  tooLarge: (size, limit) => `the file is ${size}, over the ${limit} this check reads (real wrangler configs are a few KB)`,
  lfsPointer: "the file is a Git LFS pointer, not the config: a checkout with Git LFS (a deploy's) holds the real file, which this check does not see",
  nulBytes: "the file contains NUL bytes: it is not a text config",
  tooDeep: "the file is too deeply nested to read",
  nestedBeyond: (depth) => `arrays and objects are nested more than ${depth} levels deep, more than this check reads`,
  invalidToml: "invalid TOML",
  jsoncSyntax: "syntax error",
  emptyFile: "empty file",
  topNotObject: "the top level is not an object",
  unreadable: "the file could not be read"
};
var JSONC_ERRORS = {
  1: "invalid symbol",
  2: "invalid number format",
  3: "property name expected",
  4: "value expected",
  5: "colon expected",
  6: "comma expected",
  7: "closing brace expected",
  8: "closing bracket expected",
  9: "end of file expected",
  10: "invalid comment token",
  11: "unexpected end of comment",
  12: "unexpected end of string",
  13: "unexpected end of number",
  14: "invalid unicode",
  15: "invalid escape character",
  16: "invalid character"
};
function redirectProblem(f) {
  switch (f.problem) {
    case "does-not-parse":
      return `it does not parse (${f.reason})`;
    case "no-config-path":
      return "it has no `configPath`";
    case "outside":
      return `it points at ${q(f.configPath)}, ${f.absolute ? "an absolute path" : "a path outside the repository's folder"} that this check cannot map to a file of the repository`;
  }
}
function redirectVia(f) {
  return f.absolute ? `the absolute path ${q(f.configPath)}, in this checkout` : `${q(f.configPath)}, which leaves the repository's folder and comes back in`;
}
function replacedBecause(f) {
  return f.how === "same-directory" ? "in the same directory, removed by this change" : `with the same Worker name ${q(f.name)}, removed by this change`;
}
function fixWithAddition(fix, added) {
  return `${fix} ${added.fix}`;
}

// src/core/rules/deletes.ts
var DELETE_RULES = {
  "class-deleted": {
    code: "DO101",
    title: "Class deleted: all its objects are destroyed",
    severity: "critical",
    reportsDataLoss: true,
    destroys: "all"
  },
  "probable-rename": {
    code: "DO102",
    title: "Delete + create that looks like a rename",
    severity: "critical",
    reportsDataLoss: true,
    destroys: "first"
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
  }
};
var TWO_PHASE = "delete in two deploys: first remove every binding to the class (keep exporting it), deploy; then add the delete and deploy with an explicit confirmation (`mode: deploy` of this action runs both phases).";
var classDeleted = worded(function classDeleted2(f) {
  const { className, tag, switched, unblocked } = f;
  const applies = unblocked ? `Migration ${q(tag)} is on the base branch, but its deploy has been rejected so far${unblocked.code ? ` (code ${unblocked.code})` : ""}: ${unblocked.reason}, so Workers are most likely still at ${q(unblocked.from ?? "no tag")}. This change removes that cause, so the next deploy applies ${q(tag)}.` : "";
  return {
    message: `${applies ? `${applies} ` : ""}Deleting class ${q(className)} in ${envLabel(f.env)}${tag ? ` (migration ${q(tag)}${inheritedRemark(f.inherited)})` : ""} destroys every ${q(className)} object of ${q(f.worker ?? "this Worker")}${f.origin === className ? "" : ` (the objects of ${q(f.origin)}, renamed to ${q(className)} earlier in this change)`} and all its storage, irreversibly.${switched ? ` Binding ${q(switched.binding)} now points at ${q(switched.target)}, which has ${storageName(switched.to)} storage where ${q(className)} has ${storageName(switched.from)}: this is a storage switch, not a rename (a rename keeps the backend), so none of the data carries over.` : ""}`,
    fix: switched ? `To keep the data, migrate it first: create ${q(switched.target)} in a deploy of its own while ${q(className)} stays bound and exported, copy each object's data from ${q(className)} to ${q(switched.target)} in code, move the binding, and only then delete ${q(className)} (two deploys). If the data may go, ${TWO_PHASE}` : `If the data must go, ${TWO_PHASE} If you meant to rename the class, use \`renamed_classes\` instead.`
  };
});
var editedStepDelete = worded(function editedStepDelete2(f) {
  const cond = q(f.unlessRan);
  const what = f.tag === f.unlessRan ? `this edit deletes ${q(f.className)} there` : `the edited history deletes ${q(f.className)} there in ${q(f.tag)}`;
  const renamed = f.origin === f.className ? "" : ` (renamed to ${q(f.className)} on the way)`;
  return {
    message: `Migration ${cond} in ${envLabel(f.env)} was ${f.verb}${f.tag === f.unlessRan ? ` to delete ${q(f.className)}` : ""}. If ${cond} has not reached a Worker yet (a merged step is only applied once its deploy succeeded: the live migration tag says), ${what} and destroys every ${q(f.origin)} object of ${q(f.worker ?? "this Worker")}${renamed} and all its storage, irreversibly; a Worker that ran ${cond} ${f.verb === "edited" ? "ignores the edit" : "keeps what it ran"}.${f.bound !== null ? ` While binding ${q(f.bound)} still points at ${q(f.className)}, that deploy is rejected (code 10061) instead.` : ""}`,
    fix: `Restore ${cond} as it was. If the data of ${q(f.origin)} must go, delete it with a new migration (a new tag) in two deploys: ${TWO_PHASE.replace(/^delete in two deploys: /, "")}`
  };
});
var ranStepDelete = worded(function ranStepDelete2(f) {
  const ran = q(f.ifRan);
  const name = q(f.worker ?? "this Worker");
  const renamed = f.origin === f.className ? "" : ` (renamed from ${q(f.origin)} on the way)`;
  return {
    message: `Migration ${q(f.tag)} in ${envLabel(f.env)} deletes ${q(f.className)}${renamed}, whose objects exist on a Worker that has run ${ran}: ${ran} is not in the base revision's history (restored from an earlier revision, or deployed from another branch), so ${name} may well have run it. If it has, the next deploy sends ${q(f.tag)} and destroys every ${q(f.className)} object and all its storage, irreversibly.${f.bound !== null ? ` While binding ${q(f.bound)} still points at ${q(f.className)}, that deploy is rejected (code 10061) instead.` : ""}`,
    fix: `The live migration tag of ${name} settles it (the live plan reads it). If the data must go, ${TWO_PHASE} If not, drop the delete.`
  };
});
var deleteMixedStep = worded(function deleteMixedStep2(f) {
  return {
    message: `Migration ${q(f.tag)} in ${envLabel(f.env)} deletes classes and also does other operations: the delete cannot be phased apart from them under one tag.`,
    fix: "Put the deletes in a migration of their own with its own tag."
  };
});
var deleteStillBound = worded(function deleteStillBound2(f) {
  const where = envLabel(f.env);
  return {
    message: f.local ? `Class ${q(f.className)} is deleted in ${where} but binding ${q(f.binding)} still points at it: the API rejects the deploy (code 10061).` : `Class ${q(f.className)} is deleted in ${where} while binding ${q(f.binding)} still names class ${q(f.className)} (of Worker ${q(f.scriptName)}, through \`script_name\`): the API matches a delete against bindings by class name and rejects the deploy (code 10061).`,
    fix: f.local ? `Remove the binding and ${TWO_PHASE}` : `Deploy the binding change on its own first, then ${TWO_PHASE}`
  };
});
function liveBindingRejection(binding, gone) {
  return `the API checks the delete against the live binding ${q(binding)}, which still points at ${q(gone)}`;
}
var MAY_PASS = "a deploy that deleted and created in one step was rejected (code 10061), but one with the delete and the create in separate steps, as here, went through: this deploy may be rejected or may go through";
var probableRename = worded(function probableRename2(f) {
  const rejection = liveBindingRejection(f.binding, f.gone);
  return {
    message: `Binding ${q(f.binding)} moves from ${q(f.gone)} to ${q(f.now)} while ${q(f.gone)} is deleted and ${q(f.now)} created: this looks like a rename, but as written every ${q(f.gone)} object is destroyed and ${q(f.now)} starts empty. ${f.separateSteps ? `About the deploy: ${rejection}, and ${MAY_PASS}.` : `The deploy is also rejected (code 10061): ${rejection}.`}`,
    fix: `To keep the data, replace the delete and create with \`renamed_classes = [{ from = "${f.gone}", to = "${f.now}" }]\`.`
  };
});
var deleteBindingRepointed = worded(function deleteBindingRepointed2(f) {
  return {
    message: `Binding ${q(f.binding)} keeps its name but points at ${q(f.now)}${f.nowWorker ? ` of Worker ${q(f.nowWorker)}` : ""} instead of ${q(f.gone)}, in the same deploy that deletes ${q(f.gone)} in ${envLabel(f.env)}: ${liveBindingRejection(f.binding, f.gone)}${f.separateSteps ? `, and ${MAY_PASS}` : ", and rejects the deploy (code 10061)"}.`,
    fix: `Deploy in two steps: first only move ${q(f.binding)} to ${q(f.now)} (with ${q(f.now)} created and ${q(f.gone)} still exported), then deploy the delete of ${q(f.gone)} on its own.`
  };
});
var deleteTransferredBound = worded(function deleteTransferredBound2(f) {
  return {
    message: `Class ${q(f.className)} came into ${q(f.worker ?? "this Worker")} through \`transferred_classes\` and is deleted in ${envLabel(f.env)} in the same deploy that removes binding ${q(f.binding)}: the platform keeps a remote binding for a transferred class until a deploy without the binding has landed, so the delete is rejected (code 10061).`,
    fix: `Split it: ${TWO_PHASE}`
  };
});
var deleteBindingRemoved = worded(function deleteBindingRemoved2(f) {
  return {
    message: `Binding ${q(f.binding)} to ${q(f.className)} is removed in the same deploy that deletes ${q(f.className)} in ${envLabel(f.env)}. The API checks a delete against the live bindings, and reports differ on whether it accepts this in one deploy: some one-shot deletes went through, others were rejected with code 10061 (workers-sdk#8210).`,
    fix: `Two deploys always work: ${TWO_PHASE.replace(/^delete in two deploys: /, "")}`
  };
});
var crossWorkerBinding = worded(function crossWorkerBinding2(f) {
  const other = q(f.other);
  return f.dropped ? {
    message: `Worker ${other} drops its binding ${q(f.binding)} to ${q(f.className)} of ${q(f.deletingWorker)} (\`script_name\`) in the same change that deletes the class in ${q(f.deletingFile)}, but the live binding stays until ${other} has deployed without it: the delete is rejected (code 10061) if it deploys first or at the same time.`,
    fix: `Deploy ${other} without the binding first (phase 1), then deploy the delete, for example from a later pull request.`
  } : {
    message: `Worker ${other} still binds ${q(f.className)} of ${q(f.deletingWorker)} through \`script_name\` (binding ${q(f.binding)}): the delete in ${q(f.deletingFile)} is rejected (code 10061) until this binding is removed and deployed.`,
    fix: `Remove binding ${q(f.binding)} from ${q(f.otherFile)} and deploy that Worker first (phase 1), then deploy the delete.`
  };
});

// src/core/text/lists.ts
function andList(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

// src/core/rules/directives.ts
var DIRECTIVE_RULES = {
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
  "policy-loosened": { code: "DO705", title: "Policy change loosens the check", severity: "warning" }
};
function codeList(codes, separator = ", ") {
  return codes.map((c) => `\`${c}\``).join(separator);
}
function directiveUnknown(f) {
  return {
    message: `\`${f.word}\` is not a directive this check knows, so it suppresses nothing.`,
    fix: `Write \`${f.lineDirective} CODE -- reason\` (on the finding's line or the line above it) or \`${f.fileDirective} CODE -- reason\` (anywhere, for the whole file).`
  };
}
function directiveWithoutCodes(f) {
  return {
    message: `\`${f.word}\` names no finding code, so it suppresses nothing (a directive never silences everything).`,
    fix: `Name the codes it is for: \`${f.example}\`.`
  };
}
function directiveWithoutReason(f) {
  return {
    message: `\`${f.word} ${f.tokens.join(" ")}\` gives no reason, so it does not apply: a suppression must say why the finding is fine here.`,
    fix: `Write the reason after \` -- \`: \`${f.example}\`.`
  };
}
function directiveDataLoss(f) {
  const codes = codeList(f.lossCodes);
  return {
    message: `\`${f.word}\` names ${codes}, which ${f.lossCodes.length === 1 ? "reports" : "report"} data loss: no directive, rule or override can hide it, so this part of the directive does not apply.`,
    fix: `Remove ${codes} from the directive. If the data really must go, acknowledge it in the pull request description with the line the report gives, and deploy it with the two-phase deploy.`
  };
}
function directiveCodeProblem(f) {
  return f.why === "directive-code" ? `\`${f.token}\` reports a problem with a directive, which only the policy's \`rules\` can set` : `unknown finding code \`${f.token}\``;
}
function directiveInvalidCodes(f) {
  return {
    message: `\`${f.word}\`: ${f.invalid.join("; ")}.${f.othersApply ? " The other codes it names apply." : " It suppresses nothing."}`,
    fix: "Name finding codes as the report shows them (`DO201`); the codes are listed in docs/findings.md."
  };
}
function directivesUnreadable(f) {
  return f.wranglerReads ? {
    message: `The inline directives of this file cannot be read, so none of them applies: toml-eslint-parser, the TOML reader the comments are found with, refuses line ${f.at} (${f.reason}), which smol-toml (what wrangler reads configs with) accepts.`,
    fix: `Write line ${f.at} as TOML 1.1.0 has it (a date that exists, a value the specification allows), so that both TOML readers read the file alike; the directives then apply.`
  } : {
    message: `The inline directives of this file cannot be read, so none of them applies: the file is not valid TOML (DO001, line ${f.at}).`,
    fix: "Correct the TOML (DO001 names the error). To leave a deliberately broken config out of the check, list it in the policy's `ignore`."
  };
}
function directiveUnused(f) {
  const where = f.scope === "file" ? "in this file" : `on line ${f.target}`;
  return {
    message: `\`${f.text}\` suppresses nothing: there is no ${codeList(f.unused, " or ")} finding ${where}.`,
    fix: f.scope === "file" ? "Remove the directive, or the codes in it that no finding has." : "Remove the directive, or move it onto the line the finding names (or the line just above it)."
  };
}
function policyLoosened(f) {
  const { ignored, newPatterns } = f;
  const parts = [];
  if (ignored.length > 0) {
    parts.push(
      `it ignores ${shortList(ignored)}, which the current policy checks (nothing in ${ignored.length === 1 ? "it" : "them"} is checked any more)`
    );
  }
  if (newPatterns.length > 0) {
    parts.push(
      `its \`ignore\` adds ${andList(newPatterns.map(q))}, which ${newPatterns.length === 1 ? "matches" : "match"} no config yet (a config added there is never checked)`
    );
  }
  for (const r of f.rules) parts.push(loweredText(r));
  return {
    message: `Once this change is merged, every pull request is checked ${!f.removed ? `with the policy ${q(f.file)} as this change leaves it` : `without a policy (this change removes ${q(f.file)})`}, which checks less than the policy this check uses: ${parts.join("; ")}.`,
    fix: `Make sure the reviewers mean this: this pull request is still checked with the base revision's policy, the next ones are not. To keep the check, leave ${ignored.length + newPatterns.length > 0 ? "those configs out of `ignore` and " : ""}the codes at their current level.`
  };
}
function loweredText(r) {
  const level = `it sets ${r.code} ${r.to === "off" ? "off" : `to ${r.to}`} (was ${r.from}`;
  if (r.removed) return `${level}: the rule that set it is removed): ${shortList(r.configs)}`;
  const at = r.line ? `, line ${r.line}` : "";
  if (r.overrideFiles === null) {
    return `${level}) in \`rules\`${at}: ${[...r.configs.length > 0 ? [shortList(r.configs)] : [], "every config added later"].join(" and ")}`;
  }
  const files = andList(r.overrideFiles.map(q));
  return r.configs.length > 0 ? `${level}) for ${files}${at}: ${shortList(r.configs)}` : `${level}) for ${files}${at}, which ${r.overrideFiles.length === 1 ? "matches" : "match"} no config yet`;
}
function shortList(paths) {
  const shown = paths.slice(0, 5).map(q);
  return paths.length > 5 ? `${shown.join(", ")} and ${paths.length - 5} more` : andList(shown);
}
function codeRefusal(f) {
  switch (f.why) {
    case "data-loss":
      return `\`${f.code}\` (${f.kind}) reports data loss, which no rule, override or directive can lower or hide: the acknowledgement in the pull request description is the only way to pass it`;
    case "case":
      return `unknown finding code \`${f.code}\` (did you mean \`${f.upper}\`?)`;
    case "kind":
      return `\`${f.code}\` is a finding kind: write its code, \`${f.kindCode}\``;
    case "unknown":
      return `unknown finding code \`${f.code}\`: the codes are listed in docs/findings.md`;
  }
}
function policyFileProblem(f) {
  const levels = "the levels are off, info, warning, error";
  switch (f.problem) {
    case "not-jsonc":
      return `not valid JSONC: ${f.reason}${f.column ? `, column ${f.column}` : ""}`;
    case "proto-key":
      return "unknown key `__proto__`: write the keys it holds in the object itself";
    case "schema-not-string":
      return "`$schema` must be a string";
    case "overrides-not-list":
      return "`overrides` must be a list of `{ files, rules }` objects";
    case "override-not-object":
      return `\`overrides[${f.index}]\` must be an object \`{ files, rules }\``;
    case "override-without-files":
      return `\`overrides[${f.index}]\` has no \`files\`: say which configs it is for`;
    case "override-without-rules":
      return `\`overrides[${f.index}]\` has no \`rules\``;
    case "unknown-key":
      return `unknown key \`${f.key}\`${f.at ? ` in \`${f.at}\`` : ""}${f.guess ? ` (did you mean \`${f.guess}\`?)` : ""}; the keys are ${f.known.map((k) => `\`${k}\``).join(", ")}`;
    case "not-pattern-list":
      return `\`${f.at}\` must be a list of path patterns (strings)`;
    case "empty-pattern-list":
      return `\`${f.at}\` is empty: it would match no config`;
    case "empty-pattern":
      return `\`${f.at}[${f.index}]\` is an empty pattern`;
    case "rules-not-object":
      return `\`${f.at}\` must be an object from finding code to level, e.g. { "DO604": "off" }`;
    case "critical-level":
      return `\`${f.code}\`: level "critical" is reserved for data loss; ${levels}`;
    case "unknown-level":
      return `\`${f.code}\`: unknown level ${f.shown}${f.guess ? ` (did you mean "${f.guess}"?)` : ""}; ${levels}`;
  }
}
function policyNote(f) {
  switch (f.change) {
    case "repairs":
    case "removes-broken": {
      const head = f.change === "repairs";
      return `The policy at the base revision is not valid (${f.problem}) and this change ${head ? "repairs" : "removes"} it: this check runs with no policy${head ? "; the repaired one applies after merge" : ""}.`;
    }
    case "edits":
      return `This change edits the policy \`${f.file}\`: this check uses the policy of the base revision; the new one applies after merge.`;
    case "adds":
      return `This change adds the policy \`${f.file}\`: it applies after merge; this check runs with no policy.`;
    case "removes":
      return `This change removes the policy \`${f.file}\`: this check still uses it (from the base revision).`;
  }
}
function ignoredNote(f) {
  const { touched } = f;
  const shown = touched.slice(0, 5).map((p) => `\`${p}\``).join(", ");
  const more = touched.length > 5 ? ` and ${touched.length - 5} more` : "";
  return `${f.leftOut} config(s) not analysed: the policy \`${f.policyFile}\` ignores them${touched.length ? `; changed here: ${shown}${more}` : ""}.`;
}
function policySourceProblem(f) {
  if (f.problem === "missing") return `${f.file}: no such policy file at the base or the head revision`;
  const suffix = f.revision ? ` (the policy ${f.revision})` : "";
  return f.problem === "unreadable" ? `${f.file}: cannot be read: ${f.why ?? "no such file"}${suffix}` : `${f.described}${suffix}`;
}

// src/core/rules/exports.ts
var EXPORTS_RULES = {
  "exports-tombstone-in-code": {
    code: "DO901",
    title: "`deleted` tombstone while the code still exports the class",
    severity: "error"
  },
  "exports-rename-refused": {
    code: "DO902",
    title: "`renamed` tombstone the server refuses",
    severity: "error",
    deployedWorkerOnly: true
  },
  "exports-transfer-not-expected": {
    code: "DO903",
    title: "Transfer the receiving Worker does not expect",
    severity: "error"
  }
};
function refused(scenario) {
  return `the server refuses the deploy (code 100402, \`${scenario}\`) and nothing changes`;
}
function storageWord(storage) {
  return storage === "kv" ? "legacy-kv" : "sqlite";
}
function liveEntryText(className, storage) {
  return `\`"${className}": { "type": "durable-object", "storage": "${storageWord(storage)}" }\``;
}
function tombstoneText(className) {
  return `\`"${className}": { "type": "durable-object", "state": "deleted" }\``;
}
function tombstoneOrder(className) {
  return `The server applies a \`deleted\` tombstone in one deploy of this Worker, and only when the code no longer exports ${q(className)} (else \`tombstone_delete_class_still_in_code\`) and no other Worker binds it (else \`tombstone_delete_blocked_by_external_bindings\`): deploy the other Workers without their bindings to it first, then this one with the tombstone, ${q(className)} removed from the code and its bindings removed.`;
}
var EXPORTS_MOVE = ', or plan the move: transfer the classes (an `expecting-transfer` entry in the new Worker, then `"state": "transferred"` in the old one; same account only) or migrate the data in code, then retire the old Worker (tombstones with the classes removed from the code, then `wrangler delete`).';
var exportsRenameRefused = worded(function exportsRenameRefused2(f) {
  const where = envLabel(f.env);
  return f.occupied ? {
    message: `${q(f.className)} is renamed to ${q(f.to)} in ${where}, but ${q(f.to)} already has a namespace (it is live at the base revision): ${refused("tombstone_renamed_to_occupied")}. The objects of ${q(f.to)} are not merged with those of ${q(f.className)}.`,
    fix: `Rename to a name that has never had a namespace in ${q(f.worker ?? "this Worker")}, e.g. \`"renamed_to": "${f.to}V2"\` with a live entry for it. If ${q(f.to)} is really to go first, tombstone it in a deploy of its own (data loss), then rename.`
  } : {
    message: `${q(f.className)} is renamed to ${q(f.to)} in ${where}, but \`exports\` has no live entry for ${q(f.to)}: ${refused("config_references_nonexistent_class")}.`,
    fix: `Add ${liveEntryText(f.to, f.storage)} beside the tombstone, and export ${q(f.to)} from the code.`
  };
});
function exportsDeleteFix(f) {
  return `${tombstoneOrder(f.className)} If the data must stay, put back ${liveEntryText(f.className, f.storage)}. To rename the class instead, write \`"state": "renamed", "renamed_to": "<NewName>"\` with a live entry for the new name.`;
}
var exportsProbableRename = worded(function exportsProbableRename2(f) {
  const { name, to } = f;
  return {
    message: `A binding moves from ${q(name)} to ${q(to)} while ${q(name)} gets a \`deleted\` tombstone and ${q(to)} a new entry in ${envLabel(f.env)}: this looks like a rename, but as written every ${q(name)} object is destroyed and ${q(to)} starts empty.`,
    fix: `To keep the data, write \`"${name}": { "type": "durable-object", "state": "renamed", "renamed_to": "${to}" }\` instead of the tombstone (keep the live entry of ${q(to)}), and export ${q(to)} from the code.`
  };
});
var exportsDeleteStillBound = worded(function exportsDeleteStillBound2(f) {
  return {
    message: `${q(f.name)} gets a \`deleted\` tombstone in ${envLabel(f.env)}, but binding ${q(f.binding)} still points at it: once the tombstone applies the class has no namespace, so the deploy is rejected (code 10061).`,
    fix: `Remove the binding in this same deploy. ${tombstoneOrder(f.name)}`
  };
});
var exportsClassRenamed = worded(function exportsClassRenamed2(f) {
  const { name, to } = f;
  return {
    message: `${q(name)} gets a \`renamed\` tombstone to ${q(to)} in ${envLabel(f.env)}: its namespace, objects and storage move to the new name.`,
    fix: `Zero downtime takes three deploys: (1) the code exports ${q(to)} as an alias (\`export { ${name} as ${to} }\`), no config change; (2) this change: the \`renamed\` tombstone, the live entry of ${q(to)}, bindings pointing at ${q(to)}; (3) drop the alias ${q(name)} from the code. The tombstone may be dropped once a deploy reports it in \`removable_entries\`.`
  };
});
var exportsClassTransferred = worded(function exportsClassTransferred2(f) {
  const { name } = f;
  const where = envLabel(f.env);
  const self = q(f.worker ?? "this Worker");
  const storage = storageWord(f.storage);
  if (f.direction === "out") {
    const to = q(f.to ?? "the target Worker");
    return {
      message: `${q(name)} gets a \`transferred\` tombstone to ${to} in ${where}: its namespace and objects move to ${to} (same account only).`,
      fix: `A transfer takes four deploys over two Workers: (1) ${to} declares \`"${name}": { "type": "durable-object", "state": "expecting-transfer", "transfer_from": "${f.worker ?? "<this Worker>"}", "storage": "${storage}" }\` and exports the class; (2) ${self} deploys this tombstone (refused before step 1: \`transfer_target_not_expecting\`); (3) ${to} changes its entry to \`"storage": "${storage}"\` (state \`created\`) and binds it; (4) ${self} drops the tombstone.`
    };
  }
  const from = q(f.from ?? "the source Worker");
  return {
    message: `${q(name)} is expecting a transfer from ${from} in ${where}: the namespace and its objects arrive when ${from} deploys its \`transferred\` tombstone.`,
    fix: `This is step 1 of 4: deploy ${self} first; then ${from} deploys \`"state": "transferred", "transferred_to": "${f.worker ?? "<this Worker>"}"\`; then change this entry to \`"storage": "${storage}"\` (state \`created\`) and bind the class; ${from} drops its tombstone last.`
  };
});
var exportsClassRecreated = worded(function exportsClassRecreated2(f) {
  return {
    message: `${q(f.name)} had a \`deleted\` tombstone and gets a live entry again in ${envLabel(f.env)}: if the tombstone applied, the new ${q(f.name)} starts empty and none of the old objects come back; if it never applied, the class simply stays.`,
    fix: "Make sure nobody expects the old data; prefer a new class name so the map reads clearly."
  };
});
var exportsStorageChanged = worded(function exportsStorageChanged2(f) {
  return {
    message: `${q(f.name)} changes \`storage\` from \`${storageWord(f.was)}\` to \`${storageWord(f.now)}\` in ${envLabel(f.env)}: storage is immutable, so for a Worker that has the class ${refused("storage_type_mismatch")}. A fresh Worker would get the new backend.`,
    fix: `Put back \`"storage": "${storageWord(f.was)}"\`. To move to SQLite, add a new class with \`"storage": "sqlite"\` and migrate the data in code.`
  };
});
var exportsEntryRemoved = worded(function exportsEntryRemoved2(f) {
  return {
    message: `${q(f.name)} has a namespace (live at the base revision) but no entry in the \`exports\` of ${envLabel(f.env)} any more: ${refused("orphaned_provisioned_namespace")} when the code no longer exports it either (\`provisioned_class_missing_from_config\` when it still does). Removing an entry deletes nothing.`,
    fix: `Put back ${liveEntryText(f.name, f.was)}. If its data must go, write ${tombstoneText(f.name)} instead (data loss). ${tombstoneOrder(f.name)}`
  };
});
var exportsBindingRemoved = worded(function exportsBindingRemoved2(f) {
  return {
    message: `Binding ${q(f.binding)} to ${q(f.name)} was removed from ${envLabel(f.env)}, and ${q(f.name)} keeps its live \`exports\` entry: the objects and their storage stay.`,
    fix: `Nothing to do if ${q(f.name)} stays: keep the class in the code while its entry is live (the server refuses a live entry the code does not export: code 100402, \`config_export_not_in_code\`). If its data should go, write ${tombstoneText(f.name)} and remove the class from the code in one deploy.`
  };
});
var exportsBindingUnknownClass = worded(function exportsBindingUnknownClass2(f) {
  return {
    message: `Binding to ${q(f.name)} in ${envLabel(f.env)}, but \`exports\` has no live entry for ${q(f.name)}${f.state ? ` (it is \`${f.state}\`)` : ""}: the API rejects the deploy (code 10061).`,
    fix: `Add ${liveEntryText(f.name, "sqlite")} to \`exports\` and export the class from the code, or fix the class name.`
  };
});
function exportsBindingRetargetedFix(f) {
  return `If the objects should move there, transfer the class (an \`expecting-transfer\` entry in the other Worker's config first, then \`"state": "transferred"\` here). Otherwise ${q(f.name)} keeps its entry and namespace here: keep it in the code while its entry is live.`;
}
var EXPORTS_ENV_REMOVED_FIX = 'If the Worker should go, tombstone its classes (`"state": "deleted"`, the classes removed from the code) in one deploy, then `wrangler delete` it; otherwise restore the config.';
var exportsClassNotExported = worded(function exportsClassNotExported2(f) {
  return {
    message: `${q(f.name)} has a live \`exports\` entry in ${envLabel(f.env)}, but ${q(f.entry)} does not export it: ${refused("config_export_not_in_code")}.`,
    fix: f.created ? `Export ${q(f.name)} from ${q(f.entry)} (\`export class ${f.name} ...\` or re-export it).` : `Export ${q(f.name)} from ${q(f.entry)} again. If its data should go, write ${tombstoneText(f.name)} instead and keep the class out of the code (data loss).`
  };
});
var exportsTombstoneInCode = worded(function exportsTombstoneInCode2(f) {
  const { still } = f;
  const them = still.length === 1 ? "it" : "them";
  return {
    message: `${still.map(q).join(", ")} ${still.length === 1 ? "gets a" : "get"} \`deleted\` tombstone${still.length === 1 ? "" : "s"} in ${envLabel(f.env)}, but ${q(f.entry)} still exports ${them}: ${refused("tombstone_delete_class_still_in_code")}.`,
    fix: `Remove ${still.map((c) => `class ${c}`).join(", ")} (and ${still.length === 1 ? "its" : "their"} re-exports) from the code in the same deploy as the tombstone: with \`exports\` the class leaves the code when it is deleted, not after.`
  };
});
var exportsTransferNotExpected = worded(function exportsTransferNotExpected2(f) {
  const { className, target, expecting } = f;
  return {
    message: f.mismatch && expecting ? `${q(className)} is transferred to ${q(target.name)} in ${envLabel(f.env)}, whose \`expecting-transfer\` entry (${q(target.file)}) declares \`${storageWord(expecting.storage)}\` storage where the namespace has \`${storageWord(f.storage)}\`: ${refused("storage_type_mismatch")}.` : `${q(className)} is transferred to ${q(target.name)} in ${envLabel(f.env)}, but ${q(target.file)} does not declare it \`expecting-transfer\` from ${q(f.worker)}${expecting ? ` (its entry is \`${expecting.state}\`${expecting.transferFrom ? ` from ${q(expecting.transferFrom)}` : ""})` : ""}: ${refused("transfer_target_not_expecting")}.`,
    fix: `First deploy ${q(target.name)} with \`"${className}": { "type": "durable-object", "state": "expecting-transfer", "transfer_from": "${f.worker ?? ""}", "storage": "${storageWord(f.storage)}" }\` (and the class in its code), then this tombstone.`
  };
});
var exportsCrossWorkerBinding = worded(function exportsCrossWorkerBinding2(f) {
  const who = q(f.who);
  const owner = q(f.owner);
  return {
    message: f.dropped ? `Worker ${who} drops its binding ${q(f.binding)} to ${q(f.className)} of ${owner} in the same change that tombstones the class in ${q(f.ownerFile)}, but the live binding stays until ${who} has deployed without it: if ${owner} deploys first, ${refused("tombstone_delete_blocked_by_external_bindings")}, naming ${who} in \`referencing_scripts\`.` : `Worker ${who} still binds ${q(f.className)} of ${owner} through \`script_name\` (binding ${q(f.binding)}): while it does, the \`deleted\` tombstone in ${q(f.ownerFile)} is refused (code 100402, \`tombstone_delete_blocked_by_external_bindings\`, naming ${who} in \`referencing_scripts\`).`,
    fix: `Deploy ${who} without binding ${q(f.binding)} first; then deploy ${owner} with the tombstone and ${q(f.className)} removed from its code (a release of the repository orders them so).`
  };
});

// src/core/rules/history.ts
var HISTORY_RULES = {
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
  }
};
var replayRejected = worded(function replayRejected2(f) {
  const step = f.tag ? `migration ${q(f.tag)}` : "a migration";
  const text = {
    "delete-unknown": `${step} deletes class ${q(f.className)}, which no earlier step creates`,
    "rename-unknown": `${step} renames class ${q(f.className)}, which no earlier step creates`,
    "create-existing": `${step} creates class ${q(f.className)}, which already exists at that point (code 10074)`,
    "rename-onto-existing": `${step} renames a class onto ${q(f.className)}, which already exists`
  }[f.problem];
  return {
    message: `In ${envLabel(f.env)}, ${text}: wrangler (4.131 and later) rejects the history on deploy, and a fresh Worker replaying it fails.`,
    fix: "Fix the history so each class is created once before it is renamed or deleted."
  };
});
var newConfigDeletes = worded(function newConfigDeletes2(f) {
  const tags = [...new Set(f.tags)].map(q).join(", ");
  const name = q(f.worker ?? "this Worker");
  const names = f.classNames.map(q).join(", ");
  return {
    message: `${q(f.file)} is new, and the migrations of ${envLabel(f.env)}${inheritedRemark(f.inherited)} delete ${names} (${tags}). If ${name} is not deployed yet, its first deploy sends every step, and the API rejects the delete of a class no earlier version of the Worker exported (code 10074): the deploy fails. If ${name} is already deployed from a config this change does not show, its next deploy from this file deletes ${names} there, unless it has run ${tags} already.`,
    fix: `For a new Worker, write a history without the delete: create only the classes it uses. If this config takes over from another one, keep it in the same directory or give it the same Worker name, so that the check compares the two.`
  };
});
function notApplied(u, subject = "It") {
  return `${subject} most likely never reached a Worker: at the base revision the deploy of ${q(u.tag)} is rejected${u.code ? ` with code ${u.code}` : ""} (${u.reason}), so deployed Workers are ${u.deployedTag ? `still at ${q(u.deployedTag)}` : "without these migrations"}`;
}
function stillThere(names, tags) {
  return names.length === 0 ? "" : `If ${tags} reached a Worker, its ${names.length === 1 ? "namespace" : "namespaces"} of ${names.map(q).join(", ")} still ${names.length === 1 ? "exists" : "exist"} there (removing a migration deletes nothing), and the class is gone from the config: the next deploy fails with code 10064 unless the code still exports ${names.length === 1 ? "it" : "them"}. `;
}
function retireFix(names) {
  return names.length === 0 ? "" : ` To retire ${names.map(q).join(", ")}, keep the history and delete the ${names.length === 1 ? "class" : "classes"} with a new step in two deploys (bindings removed first, class still exported).`;
}
var historyEdited = worded(function historyEdited2(f) {
  const tag = q(f.tag);
  const where = envLabel(f.env);
  if (f.why === "unapplied") {
    return {
      message: `Migration ${tag} in ${where} was edited. ${notApplied(f.unapplied)} and receive the edited step. If ${tag} did reach a Worker, the edit is silently ignored there.`,
      fix: "Nothing to do if it never deployed; the live migration tag of each Worker settles it."
    };
  }
  if (f.why === "repair") {
    return {
      message: `Migration ${tag} in ${where} was edited to create what a later step of the history renames or deletes, which wrangler's local replay (4.131 and later) rejects at the base revision: fresh Workers now replay the history cleanly. A Worker that already has ${tag} ignores the edit, which is right if it already has those classes.`,
      fix: `Check that deployed Workers already have the classes ${tag} now creates; otherwise append a new step instead of editing ${tag}.`
    };
  }
  const { added, bound, dropped } = f;
  const there = [
    added.length > 0 ? `${added.map(q).join(", ")} ${added.length === 1 ? "is" : "are"} never created there${bound.length > 0 ? `, so the deploy fails with code 10061 for the binding to ${bound.map(q).join(", ")}` : ""}` : "",
    dropped.length > 0 ? `${dropped.map(q).join(", ")} stay${dropped.length === 1 ? "s" : ""} created there` : ""
  ].filter(Boolean);
  return {
    message: `Migration ${tag} in ${where} was edited. If ${tag} reached a Worker (it is in the base revision's history), that Worker silently ignores the edit${there.length > 0 ? ` (${there.join("; ")})` : ""}, while a fresh Worker (new env, preview, renamed Worker) gets the edited history: the two end up different.`,
    fix: `Restore ${tag} as it was and append a new migration with a new tag for the change. If ${tag} never deployed anywhere, the edit is harmless: the live migration tag of each Worker settles it.`
  };
});
var historyRetired = worded(function historyRetired2(f) {
  const { classes, gone } = f;
  const tags = f.tags.map(q).join(", ");
  return {
    message: `Every migration (${tags}) was removed from ${envLabel(f.env)}, and no binding there points at ${classes.length === 1 ? "its class" : "their classes"} any more. Nothing is destroyed (removing a migration deletes nothing) and, while the code exports ${gone.length > 0 ? gone.map(q).join(", ") : "the classes"}, the deploy goes through: a Worker that ran ${f.steps === 1 ? tags : "them"} keeps ${gone.length === 1 ? "the namespace" : "the namespaces"} of ${(gone.length > 0 ? gone : classes).map(q).join(", ")} and ${gone.length === 1 ? "its" : "their"} objects, unmanaged, and a fresh Worker (new env, preview, renamed Worker) gets no classes and binds none. If a class with objects also leaves the code, the deploy fails with code 10064.`,
    fix: `To keep the data, nothing to do but keep exporting the ${gone.length === 1 ? "class" : "classes"}. To retire the data too, restore the history and delete the ${gone.length === 1 ? "class" : "classes"} with a new step instead, in two deploys (bindings removed first, class still exported, then the delete).`
  };
});
var historyRemoved = worded(function historyRemoved2(f) {
  const tags = f.tags.map(q).join(", ");
  return {
    message: `Every migration (${tags}) was removed from ${envLabel(f.env)}. ${stillThere(f.gone, f.steps === 1 ? tags : "they")}wrangler now sends no migrations: a Worker that has them keeps its classes and objects, but a fresh Worker (new env, preview, renamed Worker) gets no classes at all, and its bindings fail with code 10061.`,
    fix: `Restore the migrations exactly as they were: they are append-only, so undo a step with a new step.${retireFix(f.gone)}`
  };
});
var stepRemoved = worded(function stepRemoved2(f) {
  const where = envLabel(f.env);
  const tag = q(f.tag);
  const again = f.retaggedAs !== null ? ` (its content is back as ${q(f.retaggedAs)}, under a new tag)` : "";
  if (f.why === "unapplied") {
    return {
      message: `Migration ${tag} was removed from ${where}${again}. ${notApplied(f.unapplied)}, and removing it is how to withdraw it. If it did reach a Worker, its tag is missing from the config and wrangler sends every step again (code 10074 for classes that exist).`,
      fix: "Nothing to do if it never deployed; the live migration tag of each Worker settles it."
    };
  }
  const gone = f.gone;
  return {
    message: f.why === "deployed-tag" ? `Migration ${tag} was removed from ${where}${again}. It is the last one at the base revision, so ${tag} is the tag a Worker deployed from there has: wrangler will warn that it is missing from the config and send EVERY step again, and creating classes that already exist fails with code 10074. ${stillThere(gone, tag)}`.trimEnd() : `Migration ${tag} was removed from ${where}. ${gone.length > 0 ? stillThere(gone, tag) : "If it reached a Worker, nothing is undone there; "}${gone.length > 0 ? "A" : "a"} fresh Worker (new env, preview, renamed Worker) replays the shortened history and ends up different.`,
    fix: `Restore migration ${tag} exactly as it was. Migrations are append-only: undo a step with a new step.${retireFix(gone)}`
  };
});
var historyReordered = worded(function historyReordered2(f) {
  return {
    message: `Migrations in ${envLabel(f.env)} were reordered (${f.was.map(q).join(", ")} is now ${f.now.map(q).join(", ")}). wrangler finds the deployed tag by position, so it skips or repeats steps.`,
    fix: "Restore the original order; append new steps at the end."
  };
});
var stepInsertedBeforeDeployed = worded(function stepInsertedBeforeDeployed2(f) {
  return {
    message: `New migration ${q(f.tag)} in ${envLabel(f.env)} was inserted before ${q(f.deployedTag)}, which deployed Workers already have: wrangler only sends the steps after the deployed tag, so they never run it.`,
    fix: `Move ${q(f.tag)} to the end of the list.`
  };
});
var stepInsertedBeforeRejected = worded(function stepInsertedBeforeRejected2(f) {
  const last = q(f.lastBaseTag);
  return {
    message: `New migration ${q(f.tag)} in ${envLabel(f.env)} was inserted before ${last}. ${notApplied(f.unapplied, last)} and receive ${q(f.tag)} in order. If ${last} did reach a Worker, that Worker never runs ${q(f.tag)}.`,
    fix: `Nothing to do if ${last} never deployed; the live migration tag of each Worker settles it.`
  };
});
var duplicateTag = worded(function duplicateTag2(f) {
  return {
    message: `Tag ${q(f.tag)} appears ${f.count} times in ${envLabel(f.env)}. wrangler does not check: it matches the first copy, so every later deploy re-sends the steps after it.`,
    fix: "Give every migration a unique tag."
  };
});
function rejectionReason(f) {
  switch (f.cause) {
    case "create-existing":
      return `it creates ${q(f.className)}, which already exists`;
    case "not-exported":
      return `it creates ${q(f.className)}, which the base revision's code does not export`;
    case "still-bound":
      return `binding ${q(f.binding)} still points at ${q(f.className)}, which it deletes`;
    case "bound-elsewhere":
      return `binding ${q(f.binding)} of Worker ${q(f.worker)} still names ${q(f.className)} through \`script_name\`, and it deletes that class`;
    case "repointed":
      return `it deletes ${q(f.className)} and creates ${q(f.created)}, which binding ${q(f.binding)} points at: when that binding moved to it in the same deploy, the live binding still pointed at ${q(f.className)}`;
    case "rename-onto-existing":
      return `it renames a class onto ${q(f.className)}, which already exists`;
    case "unknown-class":
      return `binding ${q(f.binding)} points at ${q(f.className)}, which no step of the history creates`;
  }
}

// src/core/text/objects.ts
function thousands(n) {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function objectsText(c) {
  if (c.objects === null) return "objects not counted";
  const n = `${c.capped ? "more than " : ""}${thousands(c.objects)} object${c.objects === 1 && !c.capped ? "" : "s"}`;
  return `${n} (${c.capped ? "at least " : ""}${thousands(c.withData ?? 0)} with stored data)`;
}

// src/core/rules/live.ts
var LIVE_RULES = {
  "live-tag-unknown": {
    code: "DO801",
    title: "Live migration tag not in this branch",
    severity: "error",
    reportsDataLoss: true,
    destroys: "all",
    fromLivePlan: true
  },
  "undeployed-step": {
    code: "DO802",
    title: "Base branch change not deployed yet",
    severity: "warning",
    reportsDataLoss: true,
    destroys: "all",
    fromLivePlan: true
  },
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
function countText(c) {
  return objectsText(c === null ? { objects: null, withData: null, capped: false } : c);
}
function blastRadius(d, worker) {
  const of = d.origin === d.className ? q(d.className) : `${q(d.origin)} (renamed to ${q(d.className)} on the way)`;
  const c = d.objects;
  if (c === null) return `Live: ${q(worker)} has a ${of} namespace; its objects were not counted.`;
  if (c.objects === 0 && !c.capped) {
    return `Live: the ${of} namespace of ${q(worker)} has no objects right now; any written before the deploy are destroyed with it.`;
  }
  return `Live: the next deploy destroys ${countText(c)} of ${of} in ${q(worker)}.`;
}
var destroysLive = worded((f) => ({
  after: blastRadius(f.destruction, f.worker)
}));
var liveTagUnknown = worded(function liveTagUnknown2(facts) {
  const { worker, liveTag, rejected, destroys } = facts;
  const outcome = rejected ? ` The first step the API cannot apply is ${q(rejected.tag)}: it creates ${q(rejected.className)}, which already has a namespace, so the deploy is rejected (code 10074) and nothing changes.` : destroys.length > 0 ? ` The replay deletes ${destroys.map((d) => `${q(d.className)} (${countText(d.objects)})`).join(", ")}.` : "";
  return {
    message: `The live migration tag of ${q(worker)} is ${q(liveTag)}, which ${facts.baseHasIt ? "the base branch has but this change removes" : "this branch's migrations do not have (another branch or a preview deployed its own steps, or the history was rewritten)"}: wrangler warns and sends all ${facts.sends} steps again, with ${q(liveTag)} as the old tag.${outcome}`,
    fix: `Find where ${q(liveTag)} came from (the branch or preview that deployed it: \`git log --all -S'${safeTag(liveTag)}'\`) and bring its steps into this history in the same order before deploying from this branch.`
  };
});
function safeTag(tag) {
  return (tag ?? "").replace(/[^\w.-]/g, "");
}
var firstDeployRejected = worded(function firstDeployRejected2(facts) {
  const { worker, tag, className } = facts;
  return {
    message: `${q(worker)} is not deployed in ${facts.account}, so its first deploy sends the whole history, and migration ${q(tag)} deletes ${q(className)}: the API rejects a delete of a class that no previous version of the Worker exported, and a new Worker has none (code 10074). The deploy fails and nothing is created.`,
    fix: `Give ${facts.env === null ? "this Worker" : `env ${q(facts.env)}`} its own \`migrations\` that only create the classes it uses (a history of its own, without the delete), or deploy it first from a revision before the delete.`
  };
});
var undeployedDestruction = worded(function undeployedDestruction2(facts) {
  const { worker, destruction: d, tag, liveTag } = facts;
  const cls = q(d.className);
  const radius = blastRadius(d, worker);
  const renamedFrom = d.origin === d.className ? "" : ` (the objects of ${q(d.origin)}, renamed on the way)`;
  if (facts.onBase) {
    return tag === null ? {
      message: `The \`exports\` tombstone for ${cls} is already on the base branch, but ${cls} still has a live namespace in ${q(worker)}: the next deploy applies it and destroys every object, irreversibly. ${radius}`,
      fix: `Deploy the base branch first if that delete is wanted (one confirmed deploy with the class gone from the code: \`mode: deploy\`), or revert it on the base branch; either way this change should not ship it unnoticed.`
    } : {
      message: `Migration ${q(tag)} is already on the base branch, but ${q(worker)} has not deployed it (live tag ${q(liveTag ?? "none")}): the next deploy sends it too, and it deletes ${cls}${renamedFrom}, destroying every object, irreversibly. ${radius}`,
      fix: `Deploy the base branch first if that delete is wanted (two phases: \`mode: deploy\`), or revert it on the base branch; either way this change should not ship it unnoticed.`
    };
  }
  return tag === null ? {
    message: `This change's \`exports\` map marks ${cls} \`"state": "deleted"\` (the base revision does not), and ${cls} has a live namespace in ${q(worker)}: the next deploy applies it and destroys every object, irreversibly. ${radius}`,
    fix: `If the data must go, acknowledge it and deploy it in one confirmed deploy with ${cls} removed from the code (\`mode: deploy\`); otherwise declare ${cls} again instead of the tombstone before merging.`
  } : {
    message: `This change's migration ${q(tag)} deletes ${cls}${renamedFrom} (${facts.baseHasTag ? `the base revision's ${q(tag)} does not` : "the base revision does not have it"}), and ${q(worker)} is at live tag ${q(liveTag ?? "none")}: the next deploy sends it and destroys every object, irreversibly. ${radius}`,
    fix: `If the data must go, acknowledge it and deploy in two phases (\`mode: deploy\`); otherwise take ${cls} out of ${q(tag)} before merging.`
  };
});
var undeployedStep = worded(function undeployedStep2(facts) {
  return {
    message: `Migration ${q(facts.tag)} (${describeOps(facts.ops, facts.liveClasses)}) is already on the base branch, but ${q(facts.worker)} has not deployed it (live tag ${q(facts.liveTag ?? "none")}): the next deploy sends it along with this change.`,
    fix: "Nothing to change if it is wanted; review it as part of this deploy (or deploy the base branch first)."
  };
});
function describeOps(ops, liveClasses) {
  const parts = ops.map((op) => {
    switch (op.type) {
      case "create":
        return `creates ${q(op.className)}`;
      case "delete":
        return liveClasses && !liveClasses.has(op.className) ? `deletes ${q(op.className)}, which has no live namespace` : `deletes ${q(op.className)}`;
      case "rename":
        return `renames ${q(op.from)} to ${q(op.to)}`;
      case "transfer-in":
        return `transfers ${q(op.className)} in from ${q(op.fromScript)}`;
      default:
        return `transfers ${q(op.className)} out`;
    }
  });
  return parts.length > 0 ? parts.join(", ") : "no Durable Object operation";
}
var liveStorageMismatch = worded(function liveStorageMismatch2(facts) {
  const { worker, className, live, config } = facts;
  return facts.exportsModel ? {
    message: `${q(className)} has ${storageName(live)} storage in the live ${q(worker)}, but its \`exports\` entry says ${storageName(config)}: the server refuses to change a class's storage, so the deploy is rejected (code 100402).`,
    fix: `Declare ${q(className)} with \`"storage": "${live === "kv" ? "legacy-kv" : "sqlite"}"\`, its live storage.`
  } : {
    message: `${q(className)} has ${storageName(live)} storage in the live ${q(worker)}, but the config's history creates it with ${storageName(config)}: the deployed Worker keeps ${storageName(live)} (storage never changes in place), while a fresh Worker replaying this history gets ${storageName(config)}.`,
    fix: `Make the history say what is live (restore the step that created ${q(className)}); to move to SQLite, create a new class and migrate the data in code.`
  };
});
var liveBindingBlocksDelete = worded(function liveBindingBlocksDelete2(facts) {
  const { holder, binding, tombstone } = facts;
  return {
    message: `Worker ${q(holder)} ${facts.inRepository ? "(in this repository, deployed with a binding its config no longer has)" : "(not in this repository)"} binds ${q(facts.className)} of ${q(facts.worker)} live through \`script_name\` (binding ${q(binding)}): ${tombstone ? "the server refuses the `deleted` tombstone (code 100402, `tombstone_delete_blocked_by_external_bindings`)" : "Cloudflare rejects the delete (code 10061)"} until that binding is gone.`,
    fix: `Deploy ${q(holder)} without binding ${q(binding)} first, then deploy the ${tombstone ? "tombstone" : "delete (phase 2)"}.`
  };
});
var liveClassUnknown = worded(function liveClassUnknown2(facts) {
  const { worker, className, hasObjects, exported } = facts;
  const counted = facts.count === null ? "its objects were not counted" : hasObjects ? `it holds ${countText(facts.count)}` : "it has no objects right now";
  if (facts.model === "exports") {
    return {
      message: hasObjects ? `${q(worker)} has a live namespace for ${q(className)}, which its \`exports\` map does not declare, and ${counted}: the server refuses a map that leaves out a class with objects (code 100402).` : `${q(worker)} has a live namespace for ${q(className)}, which its \`exports\` map does not declare (${counted}): if it has objects when the deploy runs, the server refuses the map (code 100402).`,
      fix: `Declare ${q(className)} in \`exports\` with its storage, or mark it \`"state": "deleted"\` if its data must go.`
    };
  }
  const fix = `Find where ${q(className)} came from; if this Worker owns it, add its step to this history, and keep exporting it while it has objects.`;
  const notExported = exported !== null && !exported.exports;
  const lead = `${q(worker)} has a live namespace for ${q(className)}, which this config's migrations never mention (created by another branch, a preview, another Worker of that name or by hand), and ${counted}`;
  if (hasObjects && notExported) {
    return {
      message: `${lead}: ${q(exported.entry)} does not export ${q(className)}, so the deploy is rejected (code 10064, "does not export class ... depended on by existing Durable Objects").`,
      fix
    };
  }
  if (hasObjects && exported === null) {
    return {
      message: `${lead}: the deploy keeps it if the code still exports ${q(className)}; if it does not, the deploy is rejected (code 10064).`,
      fix
    };
  }
  return {
    message: `${lead}: ${exported && !notExported ? `the code exports it, so ` : ""}a deploy of this config leaves it alone${notExported && !hasObjects ? ` (if it has objects by then, the deploy is rejected, code 10064, since ${q(exported.entry)} does not export it)` : ""}, and a fresh Worker replaying this history would not have it.`,
    fix
  };
});
var deleteDestroysNothing = worded(function deleteDestroysNothing2(facts) {
  const { tag } = facts;
  return {
    message: `${q(facts.className)} has no Durable Object namespace in ${q(facts.worker)}${facts.deployed ? "" : `, which is not deployed in ${facts.account}`}: deleting it${tag ? ` (migration ${q(tag)})` : ""} destroys nothing, so no acknowledgement is needed.`,
    fix: tag === null ? "Nothing to do for the data: the `deleted` tombstone is a no-op here (the server reports it as `stale_tombstone` and lists it in `removable_entries`), and it may be dropped from `exports` later; keep the class out of the code." : "Nothing to do for the data. Keep the delete only if the class is gone from the code for good."
  };
});
function unreadNote(problem, workers) {
  const who = workers.length === 1 ? `Worker ${q(workers[0])}` : `Workers ${workers.map(q).join(", ")}`;
  return `The live state of ${who} could not be read (${problem}): ${workers.length === 1 ? "it is" : "they are"} judged from the config alone.`;
}
function scanSkippedNote(scan) {
  return `${scan.skipped} more Workers of the account were not checked for live bindings to the classes the next deploy deletes (${scan.repository + scan.outside} were: ${scan.repository} of this repository, ${scan.outside} outside it): Cloudflare refuses a delete while any Worker binds the class (code 10061).`;
}
function scanUnreadNote(unread, first) {
  const why = first ? ` (${first.message})` : "";
  return `The live bindings of ${unread.length === 1 ? `Worker ${q(unread[0])}` : `${unread.length} Workers (${unread.slice(0, 3).map(q).join(", ")}${unread.length > 3 ? ", \u2026" : ""})`} could not be read${why}: if ${unread.length === 1 ? "it binds" : "any binds"} a class the next deploy deletes, Cloudflare refuses the delete (code 10061).`;
}
function leftOutNote(workers) {
  const who = (w) => `${w.name === null ? "the Worker without a `name`" : q(w.name)} (${q(w.file)}${w.env === null ? "" : `, env ${q(w.env)}`})`;
  const shown = workers.slice(0, 3).map(who).join(", ");
  return `The live plan leaves out ${shown}${workers.length > 3 ? ` and ${workers.length - 3} more` : ""}: not deployed as written (a placeholder name, or no \`name\`), so the live state of that name says nothing about the Worker it becomes. ${workers.length === 1 ? "Its" : "Their"} findings are the static check's.`;
}

// src/core/rules/workers.ts
var WORKER_RULES = {
  "env-removed": {
    code: "DO501",
    title: "Environment removed",
    severity: "warning",
    deployedWorkerOnly: true
  },
  "worker-renamed": { code: "DO502", title: "Worker renamed", severity: "warning", deployedWorkerOnly: true },
  "account-changed": {
    code: "DO503",
    title: "Worker moved to another account",
    severity: "error",
    deployedWorkerOnly: true
  },
  "worker-name-taken": {
    code: "DO504",
    title: "Worker now deployed from another config",
    severity: "warning",
    deployedWorkerOnly: true
  },
  "worker-deployed-twice": { code: "DO505", title: "Two targets deploy one Worker", severity: "warning" }
};
function theWorkerOf(env) {
  return env === null ? "The top-level Worker" : `The Worker of ${envLabel(env)}`;
}
function shortAccount(id) {
  return q(id.length > 12 ? `${id.slice(0, 4)}\u2026${id.slice(-4)}` : id);
}
var accountChanged = worded(function accountChanged2(f) {
  const [from, to] = [shortAccount(f.fromAccount), shortAccount(f.toAccount)];
  return {
    message: `${theWorkerOf(f.env)} moves from account ${from} to account ${to} (\`account_id\`)${f.renamed ? ` and is renamed from ${q(f.renamed.from ?? "")} to ${q(f.renamed.to ?? "")}` : ""}: the next deploy goes to ${to}, and ${q(f.baseName ?? "the Worker")} in ${from} keeps all its objects and data, with no config managing it any more. Unless ${to} already has a Worker ${q(f.worker ?? "this Worker")}, that deploy creates one that starts with no objects and ${f.exportsModel ? "creates every live `exports` entry empty" : "replays the whole migration history"}${f.deletes ? " (whose delete of a class no earlier version there exported is rejected, code 10074)" : ""}.`,
    fix: `Keep \`account_id = "${f.fromAccount}"\`${f.exportsModel ? EXPORTS_MOVE : `, or plan the move: migrate the data to the new account in code, then retire the Worker in ${from} (delete its classes in two deploys, then \`wrangler delete\`).`}`
  };
});
var workerRenamed = worded(
  function workerRenamed2(f) {
    return {
      message: `${theWorkerOf(f.env)} is renamed from ${q(f.from)} to ${q(f.to)}: unless a Worker ${q(f.to)} already exists, the next deploy creates a NEW Worker that starts with no objects and ${f.exportsModel ? "creates every live `exports` entry empty" : "replays the whole migration history"}, while ${q(f.from)} keeps all its objects and data (nothing is destroyed).${f.deletes.length > 0 ? ` That history deletes ${f.deletes.map(q).join(", ")}: on a new Worker the API rejects the delete of a class no earlier version of it exported (code 10074), so its first deploy fails.` : f.served.length > 0 ? ` The code bound ${f.served.map(q).join(", ")} there: after the deploy it reads the new, empty Worker, and none of those objects.` : " If the old name was a template's default, or CI writes the real name at deploy time, this is no rename."}`,
      fix: `Keep the name ${q(f.from)}${f.exportsModel ? EXPORTS_MOVE : ", or plan the move: transfer the classes (`transferred_classes`) or migrate the data, then retire the old Worker."}`
    };
  },
  { worker: "to" }
);
var envRemoved = worded(function envRemoved2(f) {
  const what = f.why === "env" ? `Environment ${q(f.env)} was removed` : "The config file was removed";
  return {
    message: `${what}: Worker ${q(f.worker ?? "(unnamed)")} and its Durable Objects live on, no longer managed by this config.`,
    fix: "If the Worker should go, delete its classes in two deploys first and then `wrangler delete` it; otherwise restore the config."
  };
});
var workerDeployedTwice = worded(function workerDeployedTwice2(f) {
  return {
    message: `${targetLabel(f.other)} deploys to Worker ${q(f.name)}, and so does ${targetLabel(f.first, false)}: each deploy replaces the other's code and bindings, and sends its own migrations against the migration tag the other left. A class one of them deletes, or does not export, is destroyed or rejected there for both.`,
    fix: `Give each target its own \`name\`${f.other.env === null ? "" : ` (e.g. \`${f.name}-${f.other.env}\` for ${envLabel(f.other.env)})`}, or deploy ${q(f.name)} from one config only.`
  };
});
var workerNameTaken = worded(function workerNameTaken2(f) {
  const left = f.previousName && f.previousName !== f.name ? ` Worker ${q(f.previousName)}, deployed from here at the base revision, keeps its objects, no longer managed by this config.` : "";
  return {
    message: `${targetLabel(f.head)} now deploys to Worker ${q(f.name)}, which ${targetLabel(f.owner, false)} deployed at the base revision: the next deploy from here sends this config's migrations and bindings to that Worker, so this change is checked against the history declared there.${left}`,
    fix: `If ${q(f.name)} is meant to be deployed from here now, nothing to do: the findings of this Worker compare the two histories. Otherwise restore the name${f.previousName ? ` ${q(f.previousName)}` : ""}.`
  };
});
function localOnlyNote(f) {
  const listed = f.configs.map((c) => `${q(c.file)} (${c.signs.join(", ")})`);
  const shown = listed.length > 3 ? [...listed.slice(0, 3), `and ${listed.length - 3} more`] : listed;
  const example = f.envs.slice(0, 3).join(", ");
  return `The top level of ${shown.join("; ")} looks local-only (for \`wrangler dev\`); its findings only matter if it is deployed. If it never is, list the environments you deploy in the \`environments\` input (CLI: \`--env NAME\`)${example ? `, e.g. \`${example}\`` : ""}.`;
}
function localOnlySign(f) {
  switch (f.sign) {
    case "no-bindings":
      return "no Durable Object bindings, unlike its environments";
    case "dev-name":
      return `name ${q(f.name)}`;
    case "resource-id": {
      const label = { kv: "KV namespace", d1: "D1 database", hyperdrive: "Hyperdrive config" }[f.resource];
      return `${label} id ${q(f.id)}`;
    }
  }
}

// src/core/catalogue.ts
var CATALOGUE = {
  ...CONFIG_FILE_RULES,
  ...DELETE_RULES,
  ...HISTORY_RULES,
  ...CLASS_RULES,
  ...BINDING_RULES,
  ...WORKER_RULES,
  ...CODE_EXPORT_RULES,
  ...DIRECTIVE_RULES,
  ...LIVE_RULES,
  ...EXPORTS_RULES
};
var SEVERITIES = ["info", "warning", "error", "critical"];
function severityRank(severity) {
  return SEVERITIES.indexOf(severity);
}
function reportsDataLoss(kind) {
  return CATALOGUE[kind].reportsDataLoss === true;
}
function deletesNamedClasses(kind) {
  return reportsDataLoss(kind) && CATALOGUE[kind].destroys === "all";
}
function isConfigDelete(kind) {
  return reportsDataLoss(kind) && CATALOGUE[kind].fromLivePlan !== true;
}
function concernsDeployedWorker(finding) {
  return CATALOGUE[finding.kind].deployedWorkerOnly === true && !finding.dataLoss;
}
function forUndeployedWorker(finding, why, lead = "Not deployed as written") {
  if (!concernsDeployedWorker(finding) || finding.severity === "info") return finding;
  const remark = (text) => `${lead} (${text}), and this only matters for a Worker that is already deployed.`;
  if (typeof why === "string") return remarked({ ...finding, severity: "info" }, { before: remark(why) });
  const open = why.slotted;
  return remarked(
    { ...finding, severity: "info" },
    {
      before: remark(why.why),
      ...open ? {
        slotted: () => {
          const { wording, inherited } = open();
          return { wording: { before: remark(wording.why) }, inherited };
        }
      } : {}
    }
  );
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
function fixInFormat(fix, format) {
  if (format === "toml") return fix;
  return fix.replace(/`([A-Za-z_][\w-]* = [^`]+)`/g, (span, snippet) => {
    let value;
    try {
      value = parse(snippet);
    } catch {
      return span;
    }
    const entries = Object.entries(value);
    if (entries.length !== 1) return span;
    const [key, inner] = entries[0];
    return `\`${JSON.stringify(key)}: ${jsonSnippet(inner)}\``;
  });
}
function jsonSnippet(value) {
  if (Array.isArray(value)) return `[${value.map(jsonSnippet).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const parts = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${jsonSnippet(v)}`);
    return parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`;
  }
  return JSON.stringify(value) ?? "null";
}

export {
  displayable,
  q,
  INHERITED_REMARK,
  envLabel,
  capitalised,
  SLOT,
  worded,
  lifecycleModelChanged,
  parseError,
  unreadBaseDeletes,
  configReplaced,
  configRedirected,
  configRedirectBroken,
  configShadowed,
  configNameCase,
  invalidConfig,
  unknownKey,
  lifecycleConflict,
  legacyWranglerConfig,
  configProtoKey,
  notDeployedAsWrittenReason,
  PARSE_REASONS,
  JSONC_ERRORS,
  redirectProblem,
  redirectVia,
  replacedBecause,
  fixWithAddition,
  exportsRenameRefused,
  exportsDeleteFix,
  exportsProbableRename,
  exportsDeleteStillBound,
  exportsClassRenamed,
  exportsClassTransferred,
  exportsClassRecreated,
  exportsStorageChanged,
  exportsEntryRemoved,
  exportsBindingRemoved,
  exportsBindingUnknownClass,
  exportsBindingRetargetedFix,
  EXPORTS_ENV_REMOVED_FIX,
  exportsClassNotExported,
  exportsTombstoneInCode,
  exportsTransferNotExpected,
  exportsCrossWorkerBinding,
  accountChanged,
  workerRenamed,
  envRemoved,
  workerDeployedTwice,
  workerNameTaken,
  localOnlyNote,
  localOnlySign,
  messageParts,
  remarked,
  withoutRemarks,
  restated,
  bindingRemoved,
  bindingUnknownClass,
  bindingRetargeted,
  retargetTarget,
  classRenamed,
  classTransferred,
  classDeletedAndRecreated,
  classRecreated,
  storageChanged,
  classCreated,
  exportRemoved,
  incompleteFix,
  exportsUnknown,
  classNotExported,
  abandonedClassNotExported,
  deletedClassStillNeeded,
  retirementGoesThrough,
  classDeleted,
  editedStepDelete,
  ranStepDelete,
  deleteMixedStep,
  deleteStillBound,
  probableRename,
  deleteBindingRepointed,
  deleteTransferredBound,
  deleteBindingRemoved,
  crossWorkerBinding,
  andList,
  directiveUnknown,
  directiveWithoutCodes,
  directiveWithoutReason,
  directiveDataLoss,
  directiveCodeProblem,
  directiveInvalidCodes,
  directivesUnreadable,
  directiveUnused,
  policyLoosened,
  codeRefusal,
  policyFileProblem,
  policyNote,
  ignoredNote,
  policySourceProblem,
  replayRejected,
  newConfigDeletes,
  historyEdited,
  historyRetired,
  historyRemoved,
  stepRemoved,
  historyReordered,
  stepInsertedBeforeDeployed,
  stepInsertedBeforeRejected,
  duplicateTag,
  rejectionReason,
  thousands,
  objectsText,
  destroysLive,
  liveTagUnknown,
  firstDeployRejected,
  undeployedDestruction,
  undeployedStep,
  liveStorageMismatch,
  liveBindingBlocksDelete,
  liveClassUnknown,
  deleteDestroysNothing,
  unreadNote,
  scanSkippedNote,
  scanUnreadNote,
  leftOutNote,
  CATALOGUE,
  severityRank,
  reportsDataLoss,
  deletesNamedClasses,
  isConfigDelete,
  concernsDeployedWorker,
  forUndeployedWorker,
  isAboutTheCheck,
  catalogueEntryOf,
  findingDocsAnchor,
  fixInFormat
};

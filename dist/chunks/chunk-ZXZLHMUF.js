import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  alreadyAtBase,
  parseConfigText,
  placeDraft
} from "./chunk-PIRUEGYP.js";
import {
  isPlaceholderName
} from "./chunk-7ZJZNNLB.js";
import {
  configNameCase,
  configRedirectBroken,
  configRedirected,
  configReplaced,
  configShadowed,
  redirectProblem,
  redirectVia,
  replacedBecause
} from "./chunk-57KHF4P2.js";

// src/core/analyze/config-files.ts
import { posix } from "node:path";
var SEARCH_ORDER = ["wrangler.json", "wrangler.jsonc", "wrangler.toml"];
var REDIRECT_FILE = ".wrangler/deploy/config.json";
var REDIRECT = /(^|\/)\.wrangler\/deploy\/config\.json$/;
var DEPENDENCY = /(^|\/)(node_modules|\.git)\//;
function isRedirectFile(path) {
  return REDIRECT.test(path) && !DEPENDENCY.test(path);
}
function redirectedDir(redirect) {
  return redirect === REDIRECT_FILE ? "" : redirect.slice(0, -REDIRECT_FILE.length - 1);
}
function redirectTarget(redirect, text, root) {
  const parsed = parseConfigText(redirect, text);
  if (!parsed.ok)
    return { ok: false, problem: redirectProblem({ problem: "does-not-parse", reason: parsed.message }) };
  const configPath = parsed.value.configPath;
  if (typeof configPath !== "string" || configPath === "") {
    return { ok: false, problem: redirectProblem({ problem: "no-config-path" }) };
  }
  const relative = posix.normalize(posix.join(posix.dirname(redirect), configPath));
  if (!posix.isAbsolute(configPath) && relative !== ".." && !relative.startsWith("../")) {
    return { ok: true, target: relative };
  }
  const top = root === void 0 ? "" : posix.normalize(root).replace(/\/+$/, "");
  const real = top === "" ? "" : posix.resolve(top, posix.dirname(redirect), configPath);
  if (top !== "" && real.startsWith(`${top}/`)) {
    return {
      ok: true,
      target: real.slice(top.length + 1),
      via: redirectVia({ configPath, absolute: posix.isAbsolute(configPath) })
    };
  }
  return {
    ok: false,
    unreadable: true,
    problem: redirectProblem({ problem: "outside", configPath, absolute: posix.isAbsolute(configPath) })
  };
}
function pairConfigs(input, root) {
  const redirects = input.filter((c) => isRedirectFile(c.file));
  const configs = input.filter((c) => !isRedirectFile(c.file));
  const byFile = new Map(configs.map((c) => [c.file, c]));
  const exists = (c, side) => c !== void 0 && (side === "base" ? c.baseText !== null || Boolean(c.baseUnreadable) : c.headText !== null || Boolean(c.headUnreadable));
  const isNew = (c) => c.baseFile === void 0 && !exists(c, "base") && exists(c, "head");
  const isRemoved = (c) => exists(c, "base") && !exists(c, "head");
  const findings = [];
  const replaced = /* @__PURE__ */ new Map();
  const taken = /* @__PURE__ */ new Set();
  const redirectOf = /* @__PURE__ */ new Map();
  for (const r of redirects) {
    const read = (text) => text === null ? null : redirectTarget(r.file, text, root);
    redirectOf.set(redirectedDir(r.file), { base: read(r.baseText), head: read(r.headText), file: r.file });
  }
  const searched = (dir, side) => SEARCH_ORDER.map((name) => byFile.get(dir === "" ? name : `${dir}/${name}`)).find((c) => exists(c, side));
  const readIn = (dir, side) => {
    const target = redirectOf.get(dir)?.[side];
    if (target?.ok) {
      const change2 = byFile.get(target.target);
      if (exists(change2, side)) return { change: change2, redirected: true };
    }
    const change = searched(dir, side);
    return change ? { change, redirected: false } : null;
  };
  const dirs = new Set([...configs.map((c) => posix.dirname(c.file)), ...redirectOf.keys()].map(topAsEmpty));
  for (const dir of [...dirs].sort()) {
    const [before, after] = [readIn(dir, "base"), readIn(dir, "head")];
    if (!before || !after || before.change === after.change) continue;
    if (!isNew(after.change) && !after.redirected) continue;
    if (after.change.baseFile !== void 0 || taken.has(before.change.file)) continue;
    const gone = isRemoved(before.change);
    replaced.set(after.change.file, {
      from: before.change,
      why: after.redirected ? "redirected" : gone ? replacedBecause({ how: "same-directory" }) : "shadowed"
    });
    if (gone) taken.add(before.change.file);
  }
  for (const c of configs) {
    if (!isCaseVariant(c.file) || !isNew(c) || replaced.has(c.file)) continue;
    const before = readIn(topAsEmpty(posix.dirname(c.file)), "base");
    if (!before || before.change === c || taken.has(before.change.file)) continue;
    replaced.set(c.file, { from: before.change, why: CASE_VARIANT });
  }
  const nameAt = (c, side) => topName(c.file, side === "base" ? c.baseText : c.headText);
  const removedByName = /* @__PURE__ */ new Map();
  for (const c of configs) {
    if (!isRemoved(c) || taken.has(c.file)) continue;
    const name = nameAt(c, "base");
    if (name !== null && !removedByName.has(name)) removedByName.set(name, c);
  }
  for (const c of configs) {
    if (!isNew(c) || replaced.has(c.file) || removedByName.size === 0) continue;
    const name = nameAt(c, "head");
    const from = name === null ? void 0 : removedByName.get(name);
    if (!from || taken.has(from.file)) continue;
    replaced.set(c.file, { from, why: replacedBecause({ how: "same-name", name }) });
    taken.add(from.file);
  }
  const changes = [];
  for (const c of configs) {
    if (taken.has(c.file)) continue;
    const pair = replaced.get(c.file);
    if (!pair) {
      changes.push(c);
      continue;
    }
    changes.push({
      ...c,
      baseFile: pair.from.file,
      baseText: pair.from.baseText,
      baseUnreadable: pair.from.baseUnreadable ?? null
    });
    if (pair.why !== "shadowed" && pair.why !== "redirected" && pair.why !== CASE_VARIANT) {
      findings.push(
        make(
          "config-replaced",
          c.file,
          nameAt(c, "head"),
          configReplaced({ file: c.file, from: pair.from.file, why: pair.why })
        )
      );
    }
  }
  const namedConfigsIn = /* @__PURE__ */ new Map();
  for (const c of configs) {
    if (!SEARCH_ORDER.includes(posix.basename(c.file).toLowerCase())) continue;
    const dir = topAsEmpty(posix.dirname(c.file));
    const list = namedConfigsIn.get(dir);
    if (list) list.push(c);
    else namedConfigsIn.set(dir, [c]);
  }
  for (const dir of [...dirs].sort()) findings.push(...directoryFindings(dir));
  const unread = /* @__PURE__ */ new Set();
  for (const dir of dirs) {
    const present = SEARCH_ORDER.map((name) => dir === "" ? name : `${dir}/${name}`).filter(
      (f) => exists(byFile.get(f), "head")
    );
    const redirect = redirectOf.get(dir)?.head;
    for (const file of redirect?.ok && redirect.target !== present[0] ? present : present.slice(1)) {
      unread.add(file);
    }
  }
  return {
    changes: changes.map(
      (c) => unread.has(c.file) && !c.onlyWithConfig ? { ...c, onlyWithConfig: true } : c
    ),
    findings
  };
  function directoryFindings(dir) {
    const out = caseFindings(dir);
    const redirect = redirectOf.get(dir);
    const at = (name) => dir === "" ? name : `${dir}/${name}`;
    const present = (side) => SEARCH_ORDER.map(at).filter((f) => exists(byFile.get(f), side));
    const [headFiles, baseFiles] = [present("head"), present("base")];
    const changed = (file) => {
      const c = byFile.get(file);
      return c !== void 0 && (c.baseText !== c.headText || c.baseFile !== void 0);
    };
    if (redirect?.head) {
      const target = redirect.head;
      const instead = searched(dir, "head")?.file ?? null;
      const same = JSON.stringify(redirect.base) === JSON.stringify(target);
      const concerned = !same || headFiles.some(changed) || target.ok && changed(target.target);
      if (!concerned) return out;
      const finding = target.ok ? exists(byFile.get(target.target), "head") ? make(
        "config-redirected",
        redirect.file,
        null,
        configRedirected({
          redirect: redirect.file,
          dir,
          outcome: "read",
          target: target.target,
          via: target.via ?? null,
          instead
        })
      ) : make("config-redirected", redirect.file, null, {
        ...configRedirected({
          redirect: redirect.file,
          dir,
          outcome: "unread",
          target: target.target,
          via: target.via ?? null,
          instead
        }),
        severity: "critical"
      }) : target.unreadable ? make("config-redirected", redirect.file, null, {
        ...configRedirectBroken({
          redirect: redirect.file,
          dir,
          outcome: "unreadable",
          problem: target.problem,
          redirectDir: posix.dirname(redirect.file)
        }),
        severity: "critical"
      }) : make(
        "config-redirected",
        redirect.file,
        null,
        configRedirectBroken({
          redirect: redirect.file,
          dir,
          outcome: "refused",
          problem: target.problem,
          redirectDir: posix.dirname(redirect.file)
        })
      );
      out.push(same && finding.severity !== "critical" ? alreadyAtBase(finding) : finding);
      return out;
    }
    if (headFiles.length < 2) return out;
    const [read, ...shadowed] = headFiles;
    const readBefore = baseFiles[0] ?? null;
    const introduced = readBefore !== null && readBefore !== read && shadowed.includes(readBefore);
    const newlyShadowed = shadowed.filter((f) => !exists(byFile.get(f), "base"));
    const edited = shadowed.filter(changed);
    if (!introduced && newlyShadowed.length === 0 && edited.length === 0) return out;
    if (introduced) {
      out.push(
        make(
          "config-shadowed",
          read,
          topName(read, byFile.get(read)?.headText ?? null),
          configShadowed({ dir, read, shadowed, why: "introduced", readBefore })
        )
      );
    } else {
      for (const file of /* @__PURE__ */ new Set([...newlyShadowed, ...edited])) {
        const finding = make(
          "config-shadowed",
          file,
          topName(file, byFile.get(file)?.headText ?? null),
          configShadowed({
            dir,
            read,
            shadowed,
            why: newlyShadowed.includes(file) ? "new" : "changed",
            file
          })
        );
        out.push(newlyShadowed.includes(file) ? finding : { ...finding, severity: "info" });
      }
    }
    return out;
  }
  function caseFindings(dir) {
    const present = (namedConfigsIn.get(dir) ?? []).filter((c) => exists(c, "head"));
    const variants = present.filter((c) => isCaseVariant(c.file));
    if (variants.length === 0) return [];
    const touched = present.some((c) => c.baseText !== c.headText || c.baseFile !== void 0 || isNew(c));
    if (!touched) return [];
    const onLinux = searched(dir, "head")?.file ?? null;
    let insensitive = null;
    for (const name of SEARCH_ORDER) {
      const same = present.filter((c) => posix.basename(c.file).toLowerCase() === name);
      if (same.length === 0) continue;
      insensitive = same.length === 1 ? same[0].file : null;
      break;
    }
    const variant = variants[0];
    const pairing = replaced.get(variant.file);
    return [
      make(
        "config-name-case",
        variant.file,
        topName(variant.file, variant.headText),
        configNameCase({
          dir,
          names: present.map((c) => posix.basename(c.file)),
          onLinux,
          insensitive,
          variants: variants.map((c) => c.file),
          paired: pairing?.why === CASE_VARIANT ? { file: variant.file, from: pairing.from.file } : null
        })
      )
    ];
  }
}
var CASE_VARIANT = "case";
function isCaseVariant(file) {
  const name = posix.basename(file);
  return !SEARCH_ORDER.includes(name) && SEARCH_ORDER.includes(name.toLowerCase());
}
function topAsEmpty(dir) {
  return dir === "." ? "" : dir;
}
function topName(file, text) {
  if (text === null) return null;
  const parsed = parseConfigText(file, text);
  if (!parsed.ok) return null;
  const name = parsed.value.name;
  return typeof name === "string" && !isPlaceholderName(name) ? name : null;
}
function make(kind, file, worker, text) {
  return placeDraft(
    { kind, env: null, line: null, ...text },
    { file, worker, locate: () => null, introduced: true }
  );
}

export {
  isRedirectFile,
  redirectedDir,
  redirectTarget,
  pairConfigs
};

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  buildReport
} from "./chunk-Y3VKEW2Y.js";
import {
  pathListMatcher
} from "./chunk-TZV6S3WX.js";
import {
  BLOCK_COMMENT,
  EOF,
  LINE_BREAK,
  LINE_COMMENT,
  MAX_CONFIG_LENGTH,
  WHITESPACE,
  alreadyAtBase,
  configFormat,
  createScanner,
  parseConfigText
} from "./chunk-PIRUEGYP.js";
import {
  closest
} from "./chunk-7ZJZNNLB.js";
import {
  CATALOGUE,
  catalogueEntryOf,
  codeRefusal,
  directiveCodeProblem,
  directiveDataLoss,
  directiveInvalidCodes,
  directiveUnknown,
  directiveUnused,
  directiveWithoutCodes,
  directiveWithoutReason,
  directivesUnreadable,
  displayable,
  policyFileProblem
} from "./chunk-57KHF4P2.js";
import {
  createLineIndex
} from "./chunk-LHHAANFG.js";

// src/core/policy/policy.ts
var POLICY_FILE_NAMES = [".do-migrate.jsonc", ".do-migrate.json"];
var LEVELS = ["off", "info", "warning", "error"];
function describePolicyProblem(problem) {
  return `${problem.file}${problem.line ? `:${problem.line}` : ""}: ${problem.message}`;
}
function ruleFor(policy, code, file) {
  const top = policy.rules.get(code);
  let found = top ? { rule: top, override: null } : null;
  for (const override of policy.overrides) {
    const own = override.rules.get(code);
    if (own && override.matches(file)) found = { rule: own, override };
  }
  return found;
}
var TOP_KEYS = ["$schema", "ignore", "rules", "overrides"];
var OVERRIDE_KEYS = ["files", "rules"];
function parsePolicy(file, text) {
  const parsed = parseConfigText("policy.jsonc", text);
  if (!parsed.ok) {
    return {
      ok: false,
      problems: [
        {
          file,
          line: parsed.line,
          message: policyFileProblem({
            problem: "not-jsonc",
            reason: parsed.message,
            column: parsed.line ? parsed.column : null
          })
        }
      ]
    };
  }
  const problems = [];
  const problem = (path, message) => problems.push({ file, line: parsed.locate(path), message });
  const value = parsed.value;
  unknownKeys(value, [], TOP_KEYS, problem);
  for (const path of parsed.protoKeys ?? []) {
    problem(path, policyFileProblem({ problem: "proto-key" }));
  }
  if ("$schema" in value && typeof value.$schema !== "string")
    problem(["$schema"], policyFileProblem({ problem: "schema-not-string" }));
  const ignore = patternList(value.ignore, ["ignore"], problem, false);
  const rules = ruleMap(value.rules, ["rules"], problem, parsed.locate);
  const overrides = [];
  if (value.overrides !== void 0) {
    if (!Array.isArray(value.overrides)) {
      problem(["overrides"], policyFileProblem({ problem: "overrides-not-list" }));
    } else {
      value.overrides.forEach((raw, i) => {
        const at = ["overrides", i];
        if (!isObject(raw)) {
          problem(at, policyFileProblem({ problem: "override-not-object", index: i }));
          return;
        }
        unknownKeys(raw, at, OVERRIDE_KEYS, problem);
        if (raw.files === void 0)
          problem(at, policyFileProblem({ problem: "override-without-files", index: i }));
        const files = patternList(raw.files, [...at, "files"], problem, true);
        if (raw.rules === void 0)
          problem(at, policyFileProblem({ problem: "override-without-rules", index: i }));
        const own = ruleMap(raw.rules, [...at, "rules"], problem, parsed.locate);
        overrides.push({ files, line: parsed.locate(at), rules: own, matches: pathListMatcher(files) });
      });
    }
  }
  if (problems.length > 0)
    return { ok: false, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  return {
    ok: true,
    policy: {
      file,
      ignore,
      ignoreLine: "ignore" in value ? parsed.locate(["ignore"]) : null,
      rules,
      overrides,
      ignores: pathListMatcher(ignore)
    }
  };
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function unknownKeys(value, at, known, problem) {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const guess = closest(key, known);
    problem(
      [...at, key],
      policyFileProblem({ problem: "unknown-key", key, at: at.length ? pathLabel(at) : null, guess, known })
    );
  }
}
function pathLabel(path) {
  return path.map((p, i) => typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`).join("");
}
function patternList(value, at, problem, required) {
  if (value === void 0) return [];
  if (!Array.isArray(value) || value.some((p) => typeof p !== "string")) {
    problem(at, policyFileProblem({ problem: "not-pattern-list", at: pathLabel(at) }));
    return [];
  }
  if (required && value.length === 0)
    problem(at, policyFileProblem({ problem: "empty-pattern-list", at: pathLabel(at) }));
  const out = [];
  value.forEach((raw, i) => {
    const trimmed = raw.trim();
    const negated = trimmed.startsWith("!");
    let glob = (negated ? trimmed.slice(1) : trimmed).trim().replace(/^\/+/, "");
    if (glob === "") {
      problem([...at, i], policyFileProblem({ problem: "empty-pattern", at: pathLabel(at), index: i }));
      return;
    }
    if (glob.endsWith("/")) glob = `${glob}**`;
    out.push(`${negated ? "!" : ""}${glob}`);
  });
  return out;
}
function ruleMap(value, at, problem, locate) {
  const rules = /* @__PURE__ */ new Map();
  if (value === void 0) return rules;
  if (!isObject(value)) {
    problem(at, policyFileProblem({ problem: "rules-not-object", at: pathLabel(at) }));
    return rules;
  }
  for (const [code, level] of Object.entries(value)) {
    const path = [...at, code];
    const codeProblem = checkCode(code);
    if (codeProblem) {
      problem(path, codeProblem);
      continue;
    }
    if (typeof level !== "string" || !LEVELS.includes(level)) {
      problem(path, levelProblem(code, level));
      continue;
    }
    rules.set(code, { code, level, line: locate(path) });
  }
  return rules;
}
function checkCode(code) {
  const entry = catalogueEntryOf(code);
  if (entry?.reportsDataLoss) {
    return codeRefusal({ why: "data-loss", code, kind: entry.kind });
  }
  if (entry) return null;
  const upper = code.toUpperCase();
  if (upper !== code && catalogueEntryOf(upper)) return codeRefusal({ why: "case", code, upper });
  const byKind = CATALOGUE[code];
  if (byKind) return codeRefusal({ why: "kind", code, kindCode: byKind.code });
  return codeRefusal({ why: "unknown", code });
}
var LEVEL_SPELLINGS = {
  warn: "warning",
  err: "error",
  ignore: "off",
  none: "off",
  disable: "off",
  disabled: "off",
  information: "info",
  notice: "info"
};
function levelProblem(code, level) {
  const shown = typeof level === "string" ? `"${level}"` : JSON.stringify(level) ?? String(level);
  if (level === "critical") {
    return policyFileProblem({ problem: "critical-level", code });
  }
  const guess = typeof level === "string" ? LEVEL_SPELLINGS[level.toLowerCase()] ?? closest(level, LEVELS) : null;
  return policyFileProblem({ problem: "unknown-level", code, shown, guess });
}

// src/core/policy/directives.ts
var LINE_DIRECTIVE = "do-migrate-ignore";
var FILE_DIRECTIVE = "do-migrate-ignore-file";
var MAX_REASON = 300;
function mentionsDirective(text) {
  return text?.includes(LINE_DIRECTIVE) ?? false;
}
function readDirectives(file, format, text, readToml) {
  if (!mentionsDirective(text)) return [];
  let scan;
  if (format === "toml") {
    if (text.length > MAX_CONFIG_LENGTH) return [];
    if (!readToml) throw new Error(`the directives of ${file} need the TOML syntax reader`);
    const reading = readToml(text);
    if (!reading.ok) return unreadable(file, text, reading.message, reading.line);
    scan = tomlComments(reading.syntax);
  } else {
    scan = scanJsoncComments(text);
  }
  const out = [];
  for (const comment of scan.comments) {
    const directive = parseDirective(file, comment, scan);
    if (directive) out.push(directive);
  }
  return out;
}
function parseDirective(file, comment, scan) {
  const body = comment.text.replace(/^[\s*]*/, "").replace(/\s+/g, " ").trim();
  const word = /^do-migrate-ignore[\w-]*/.exec(body)?.[0];
  if (!word) return null;
  const text = displayable(body, " ").slice(0, 400);
  const scope = word === FILE_DIRECTIVE ? "file" : "line";
  const target = targetLine(comment, scan);
  const base = { file, line: comment.startLine, scope, target, text };
  if (word !== LINE_DIRECTIVE && word !== FILE_DIRECTIVE) {
    return {
      ...base,
      codes: [],
      reason: null,
      problems: [
        {
          kind: "directive-invalid",
          ...directiveUnknown({ word, lineDirective: LINE_DIRECTIVE, fileDirective: FILE_DIRECTIVE })
        }
      ]
    };
  }
  const rest = body.slice(word.length);
  const dashes = /(?:^|\s)--(?:\s|$)/.exec(rest);
  const codesPart = dashes ? rest.slice(0, dashes.index) : rest;
  const reasonText = dashes ? rest.slice(dashes.index + dashes[0].length).trim() : "";
  const reason = reasonText === "" ? null : displayable(reasonText, " ").slice(0, MAX_REASON);
  const tokens = codesPart.split(/[\s,]+/).filter(Boolean);
  const example = `${word} ${tokens.filter((t) => catalogueEntryOf(t)).join(", ") || "DO201"} -- why this is fine here`;
  if (tokens.length === 0) {
    return {
      ...base,
      codes: [],
      reason,
      problems: [
        {
          kind: "directive-invalid",
          ...directiveWithoutCodes({ word, example })
        }
      ]
    };
  }
  if (reason === null) {
    return {
      ...base,
      codes: [],
      reason,
      problems: [
        {
          kind: "directive-without-reason",
          ...directiveWithoutReason({ word, tokens, example })
        }
      ]
    };
  }
  const codes = [];
  const lossCodes = [];
  const invalid = [];
  for (const token of tokens) {
    const entry = catalogueEntryOf(token);
    if (entry?.reportsDataLoss) lossCodes.push(token);
    else if (entry?.kind.startsWith("directive-"))
      invalid.push(directiveCodeProblem({ token, why: "directive-code" }));
    else if (entry) codes.push(token);
    else invalid.push(checkCode(token) ?? directiveCodeProblem({ token, why: "unknown" }));
  }
  const problems = [];
  if (lossCodes.length > 0) {
    problems.push({
      kind: "directive-data-loss",
      ...directiveDataLoss({ word, lossCodes })
    });
  }
  if (invalid.length > 0) {
    problems.push({
      kind: "directive-invalid",
      ...directiveInvalidCodes({ word, invalid, othersApply: codes.length > 0 })
    });
  }
  return { ...base, codes, reason, problems };
}
function targetLine(comment, scan) {
  if (scan.contentLines.has(comment.startLine)) return comment.startLine;
  if (scan.contentLines.has(comment.endLine)) return comment.endLine;
  let line = comment.endLine + 1;
  while (!scan.contentLines.has(line) && scan.commentLines.has(line)) line++;
  return line;
}
function scanJsoncComments(text) {
  const index = createLineIndex(text);
  const scanner = createScanner(text, false);
  const comments = [];
  const contentLines = /* @__PURE__ */ new Set();
  const commentLines = /* @__PURE__ */ new Set();
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === LINE_BREAK || token === WHITESPACE) continue;
    const offset = scanner.getTokenOffset();
    const startLine = scanner.getTokenStartLine() + 1;
    if (token === LINE_COMMENT || token === BLOCK_COMMENT) {
      const raw = text.slice(offset, offset + scanner.getTokenLength());
      const endLine = index.position(offset + raw.length).line;
      const inner = token === LINE_COMMENT ? raw.slice(2) : raw.replace(/^\/\*/, "").replace(/\*\/$/, "");
      comments.push({ text: inner, startLine, endLine });
      for (let line = startLine; line <= endLine; line++) commentLines.add(line);
    } else {
      contentLines.add(startLine);
    }
  }
  return { comments, contentLines, commentLines };
}
function tomlComments(syntax) {
  return {
    comments: syntax.comments.map((c) => ({ text: c.text, startLine: c.line, endLine: c.line })),
    contentLines: syntax.contentLines,
    commentLines: syntax.commentLines
  };
}
function unreadable(file, text, message, line) {
  const config = parseConfigText(file, text);
  const at = (config.ok ? line : config.line ?? line) ?? 1;
  const problem = {
    kind: "directive-invalid",
    ...directivesUnreadable({ at, wranglerReads: config.ok, reason: message })
  };
  return [
    {
      file,
      line: at,
      scope: "file",
      target: at,
      codes: [],
      reason: null,
      // What tells this finding at the base revision from a new one.
      text: `${LINE_DIRECTIVE}: unreadable (${message})`,
      problems: [problem]
    }
  ];
}

// src/core/policy/policy-step.ts
function isProtected(finding) {
  return finding.dataLoss || finding.severity === "critical";
}
function applyPolicyWith(report, input, readToml) {
  const byFile = /* @__PURE__ */ new Map();
  for (const change of input.changes) {
    if (change.headText === null) continue;
    const directives = readDirectives(change.file, configFormat(change.file), change.headText, readToml);
    if (directives.length === 0) continue;
    byFile.set(change.file, { directives, isNew: newDirectives(change, directives, readToml) });
  }
  const used = /* @__PURE__ */ new Map();
  const findings = report.findings.map((finding) => {
    if (isProtected(finding)) return finding;
    const directive = byFile.get(finding.file)?.directives.find((d) => covers(d, finding));
    if (!directive) return finding;
    const codes = used.get(directive) ?? /* @__PURE__ */ new Set();
    codes.add(finding.code);
    used.set(directive, codes);
    return {
      ...finding,
      suppressed: { by: "directive", reason: directive.reason, file: directive.file, line: directive.line }
    };
  });
  for (const { directives, isNew } of byFile.values()) {
    for (const directive of directives) {
      const introduced = isNew.has(directive);
      for (const problem of directive.problems) {
        findings.push(directiveFinding(directive, problem.kind, problem.message, problem.fix, introduced));
      }
      const unused = directive.codes.filter((code) => !used.get(directive)?.has(code));
      if (introduced && unused.length > 0) {
        const text = directiveUnused({
          text: directive.text,
          unused,
          scope: directive.scope,
          target: directive.target
        });
        findings.push(directiveFinding(directive, "directive-unused", text.message, text.fix, true));
      }
    }
  }
  const levelled = findings.map(
    (finding) => input.policy && !finding.suppressed && !isProtected(finding) ? withLevel(finding, input.policy) : finding
  );
  return { ...report, ...buildReport(levelled) };
}
function suppressedIn(report) {
  const key = (f) => [f.code, f.file, f.line, f.env ?? "", f.worker ?? ""].join("\0");
  const found = /* @__PURE__ */ new Map();
  for (const f of report.findings) if (f.suppressed) found.set(key(f), f.suppressed);
  return (finding) => found.get(key(finding));
}
function covers(directive, finding) {
  if (!directive.codes.includes(finding.code)) return false;
  return directive.scope === "file" || finding.line !== null && finding.line === directive.target;
}
function newDirectives(change, head, readToml) {
  if (change.baseText === change.headText) return /* @__PURE__ */ new Set();
  const before = /* @__PURE__ */ new Map();
  if (change.baseText !== null) {
    const baseFile = change.baseFile ?? change.file;
    for (const d of readDirectives(baseFile, configFormat(baseFile), change.baseText, readToml)) {
      before.set(d.text, (before.get(d.text) ?? 0) + 1);
    }
  }
  const added = /* @__PURE__ */ new Set();
  for (const d of head) {
    const left = before.get(d.text) ?? 0;
    if (left > 0) before.set(d.text, left - 1);
    else added.add(d);
  }
  return added;
}
function withLevel(finding, policy) {
  const found = ruleFor(policy, finding.code, finding.file);
  if (!found) return finding;
  const { rule, override } = found;
  if (rule.level === "off") {
    return {
      ...finding,
      suppressed: { by: "policy", reason: ruleText(rule, override), file: policy.file, line: rule.line }
    };
  }
  if (!finding.introduced || rule.level === finding.severity) return finding;
  return {
    ...finding,
    severity: rule.level,
    policyLevel: { from: finding.severity, file: policy.file, line: rule.line }
  };
}
function ruleText(rule, override) {
  const scope = override ? ` for ${override.files.map((f) => `\`${f}\``).join(", ")}` : "";
  return `"${rule.code}": "${rule.level}"${scope} in the policy`;
}
function directiveFinding(directive, kind, message, fix, introduced) {
  const entry = CATALOGUE[kind];
  const finding = {
    code: entry.code,
    kind,
    severity: entry.severity,
    dataLoss: false,
    classes: [],
    worker: null,
    env: null,
    file: directive.file,
    line: directive.line,
    tag: null,
    message,
    fix,
    introduced: true
  };
  return introduced ? finding : alreadyAtBase(finding);
}

export {
  POLICY_FILE_NAMES,
  describePolicyProblem,
  ruleFor,
  parsePolicy,
  mentionsDirective,
  applyPolicyWith,
  suppressedIn
};

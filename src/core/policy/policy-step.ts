// The policy step of the check: inline directives, then the policy file's levels, over the
// findings of the analysis. A suppressed finding stays in the report (with who suppressed it and
// why) but counts toward neither the risk nor the gate. Data loss is never touched: neither a rule,
// an override nor a directive can lower or hide a finding that destroys data (or any critical
// one, such as a config too large to read), so the acknowledgement stays the only way past it.
// Pure: a report and the configs' texts in, a report out. The TOML syntax reader the directives
// of a TOML config are found with is given (config/toml-syntax.ts, large): the entry points load
// it only when a TOML config of the change mentions a directive (check/policy-step.ts); apply.ts
// is this step with it loaded.
import { buildReport } from "../analyze/analyze.ts";
import { CATALOGUE } from "../catalogue.ts";
import { configFormat } from "../config/parse.ts";
import { alreadyAtBase } from "../diagnostics.ts";
import type { ConfigChange, Finding, FindingKind, Report, Suppression } from "../model.ts";
import { directiveUnused } from "../rules/directives.ts";
import { type Directive, readDirectives, type TomlSyntaxReader } from "./directives.ts";
import { type Policy, type PolicyOverride, type PolicyRule, ruleFor } from "./policy.ts";

export interface PolicyInput {
  /** The policy file in force (for a pull request: the one at its base revision), if any. */
  readonly policy: Policy | null;
  /** The configs analysed: directives are read at head; the base text tells which ones are new. */
  readonly changes: readonly ConfigChange[];
}

/** A finding no policy or directive may lower or hide. */
function isProtected(finding: Finding): boolean {
  return finding.dataLoss || finding.severity === "critical";
}

interface FileDirectives {
  readonly directives: readonly Directive[];
  readonly isNew: ReadonlySet<Directive>;
}

/**
 * `readToml`: the TOML syntax reader; null when no TOML config of `input` mentions a directive
 * (`mentionsDirective`), so none needs it.
 */
export function applyPolicyWith(
  report: Report,
  input: PolicyInput,
  readToml: TomlSyntaxReader | null,
): Report {
  const byFile = new Map<string, FileDirectives>();
  for (const change of input.changes) {
    if (change.headText === null) continue;
    const directives = readDirectives(change.file, configFormat(change.file), change.headText, readToml);
    if (directives.length === 0) continue;
    byFile.set(change.file, { directives, isNew: newDirectives(change, directives, readToml) });
  }

  const used = new Map<Directive, Set<string>>();
  const findings: Finding[] = report.findings.map((finding) => {
    if (isProtected(finding)) return finding;
    const directive = byFile.get(finding.file)?.directives.find((d) => covers(d, finding));
    if (!directive) return finding;
    const codes = used.get(directive) ?? new Set<string>();
    codes.add(finding.code);
    used.set(directive, codes);
    return {
      ...finding,
      suppressed: { by: "directive", reason: directive.reason!, file: directive.file, line: directive.line },
    };
  });

  for (const { directives, isNew } of byFile.values()) {
    for (const directive of directives) {
      const introduced = isNew.has(directive);
      for (const problem of directive.problems) {
        findings.push(directiveFinding(directive, problem.kind, problem.message, problem.fix, introduced));
      }
      // A directive already at the base revision is a standing permission: most findings exist
      // only in the change that makes them, so it suppresses something only when such a change
      // comes. Only a directive this change adds or edits is expected to suppress something now.
      const unused = directive.codes.filter((code) => !used.get(directive)?.has(code));
      if (introduced && unused.length > 0) {
        const text = directiveUnused({
          text: directive.text,
          unused,
          scope: directive.scope,
          target: directive.target,
        });
        findings.push(directiveFinding(directive, "directive-unused", text.message, text.fix, true));
      }
    }
  }

  const levelled = findings.map((finding) =>
    input.policy && !finding.suppressed && !isProtected(finding) ? withLevel(finding, input.policy) : finding,
  );
  // Everything else the report carries (notes, the live plan) stays as it is.
  return { ...report, ...buildReport(levelled) };
}

/**
 * How the report suppresses this finding (one of the same analysis, compared by what places it),
 * if it does: the fixes of suppressed findings are neither applied nor suggested.
 */
export function suppressedIn(report: Report): (finding: Finding) => Suppression | undefined {
  const key = (f: Finding) => [f.code, f.file, f.line, f.env ?? "", f.worker ?? ""].join("\u0000");
  const found = new Map<string, Suppression>();
  for (const f of report.findings) if (f.suppressed) found.set(key(f), f.suppressed);
  return (finding) => found.get(key(finding));
}

function covers(directive: Directive, finding: Finding): boolean {
  if (!directive.codes.includes(finding.code)) return false;
  return directive.scope === "file" || (finding.line !== null && finding.line === directive.target);
}

/** The head's directives that are not at the base revision as written (a change adds or edits them). */
function newDirectives(
  change: ConfigChange,
  head: readonly Directive[],
  readToml: TomlSyntaxReader | null,
): Set<Directive> {
  if (change.baseText === change.headText) return new Set();
  const before = new Map<string, number>();
  if (change.baseText !== null) {
    // A config compared with the one it replaces (pairConfigs): the base text is in that file's syntax.
    const baseFile = change.baseFile ?? change.file;
    for (const d of readDirectives(baseFile, configFormat(baseFile), change.baseText, readToml)) {
      before.set(d.text, (before.get(d.text) ?? 0) + 1);
    }
  }
  const added = new Set<Directive>();
  for (const d of head) {
    const left = before.get(d.text) ?? 0;
    if (left > 0) before.set(d.text, left - 1);
    else added.add(d);
  }
  return added;
}

function withLevel(finding: Finding, policy: Policy): Finding {
  const found = ruleFor(policy, finding.code, finding.file);
  if (!found) return finding;
  const { rule, override } = found;
  if (rule.level === "off") {
    return {
      ...finding,
      suppressed: { by: "policy", reason: ruleText(rule, override), file: policy.file, line: rule.line },
    };
  }
  // A problem already there at the base revision stays info: old problems never block a change.
  if (!finding.introduced || rule.level === finding.severity) return finding;
  return {
    ...finding,
    severity: rule.level,
    policyLevel: { from: finding.severity, file: policy.file, line: rule.line },
  };
}

function ruleText(rule: PolicyRule, override: PolicyOverride | null): string {
  const scope = override ? ` for ${override.files.map((f) => `\`${f}\``).join(", ")}` : "";
  return `"${rule.code}": "${rule.level}"${scope} in the policy`;
}

function directiveFinding(
  directive: Directive,
  kind: FindingKind,
  message: string,
  fix: string,
  introduced: boolean,
): Finding {
  const entry = CATALOGUE[kind];
  const finding: Finding = {
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
    introduced: true,
  };
  return introduced ? finding : alreadyAtBase(finding);
}

// Rule family DO7xx: the check's own suppressions (inline directives, the policy file). Detection
// lives with the policy (src/core/policy/directives.ts, policy-step.ts, loosening.ts); the words
// are here, as functions of plain facts.
import { andList } from "../text/lists.ts";
import type { RuleFamily, Wording } from "./rule.ts";
import { q } from "./words.ts";

export const DIRECTIVE_RULES = {
  "directive-without-reason": {
    code: "DO701",
    title: "Suppression without a reason",
    severity: "warning",
    aboutTheCheck: true,
  },
  "directive-unused": {
    code: "DO702",
    title: "Suppression that suppresses nothing",
    severity: "info",
    aboutTheCheck: true,
  },
  "directive-data-loss": {
    code: "DO703",
    title: "Suppression of data loss",
    severity: "warning",
    aboutTheCheck: true,
  },
  "directive-invalid": {
    code: "DO704",
    title: "Malformed suppression",
    severity: "warning",
    aboutTheCheck: true,
  },
  // A policy edit (src/core/policy/loosening.ts): what the new policy checks less once merged.
  "policy-loosened": { code: "DO705", title: "Policy change loosens the check", severity: "warning" },
} as const satisfies RuleFamily;

// ---------------------------------------------------------------------------------------------
// Wording.

/** A code list as the directives' words write it: `DO101`, `DO102`. */
function codeList(codes: readonly string[], separator = ", "): string {
  return codes.map((c) => `\`${c}\``).join(separator);
}

/** DO704: a `do-migrate-ignore…` word that is not a directive. */
export function directiveUnknown(f: {
  readonly word: string;
  readonly lineDirective: string;
  readonly fileDirective: string;
}): Wording {
  return {
    message: `\`${f.word}\` is not a directive this check knows, so it suppresses nothing.`,
    fix: `Write \`${f.lineDirective} CODE -- reason\` (on the finding's line or the line above it) or \`${f.fileDirective} CODE -- reason\` (anywhere, for the whole file).`,
  };
}

/** DO704: a directive that names no code. `example`: the directive as it should be written. */
export function directiveWithoutCodes(f: { readonly word: string; readonly example: string }): Wording {
  return {
    message: `\`${f.word}\` names no finding code, so it suppresses nothing (a directive never silences everything).`,
    fix: `Name the codes it is for: \`${f.example}\`.`,
  };
}

/** DO701: a directive without a reason. */
export function directiveWithoutReason(f: {
  readonly word: string;
  readonly tokens: readonly string[];
  readonly example: string;
}): Wording {
  return {
    message: `\`${f.word} ${f.tokens.join(" ")}\` gives no reason, so it does not apply: a suppression must say why the finding is fine here.`,
    fix: `Write the reason after \` -- \`: \`${f.example}\`.`,
  };
}

/** DO703: a directive that names data-loss codes. */
export function directiveDataLoss(f: {
  readonly word: string;
  readonly lossCodes: readonly string[];
}): Wording {
  const codes = codeList(f.lossCodes);
  return {
    message: `\`${f.word}\` names ${codes}, which ${f.lossCodes.length === 1 ? "reports" : "report"} data loss: no directive, rule or override can hide it, so this part of the directive does not apply.`,
    fix: `Remove ${codes} from the directive. If the data really must go, acknowledge it in the pull request description with the line the report gives, and deploy it with the two-phase deploy.`,
  };
}

/** Why a directive may not name a token (DO704 lists these). */
export function directiveCodeProblem(f: {
  readonly token: string;
  readonly why: "directive-code" | "unknown";
}): string {
  return f.why === "directive-code"
    ? `\`${f.token}\` reports a problem with a directive, which only the policy's \`rules\` can set`
    : `unknown finding code \`${f.token}\``;
}

/** DO704: a directive naming codes it may not (`invalid`: why each, see directiveCodeProblem). */
export function directiveInvalidCodes(f: {
  readonly word: string;
  readonly invalid: readonly string[];
  /** It names other codes, which apply. */
  readonly othersApply: boolean;
}): Wording {
  return {
    message: `\`${f.word}\`: ${f.invalid.join("; ")}.${f.othersApply ? " The other codes it names apply." : " It suppresses nothing."}`,
    fix: "Name finding codes as the report shows them (`DO201`); the codes are listed in docs/findings.md.",
  };
}

/**
 * DO704: the directives of a TOML file cannot be read. `wranglerReads`: smol-toml reads the file
 * (only the comment reader refuses line `at`, for `reason`); else the file is not TOML (DO001).
 */
export function directivesUnreadable(f: {
  readonly at: number;
  readonly wranglerReads: boolean;
  readonly reason: string;
}): Wording {
  return f.wranglerReads
    ? {
        message: `The inline directives of this file cannot be read, so none of them applies: toml-eslint-parser, the TOML reader the comments are found with, refuses line ${f.at} (${f.reason}), which smol-toml (what wrangler reads configs with) accepts.`,
        fix: `Write line ${f.at} as TOML 1.1.0 has it (a date that exists, a value the specification allows), so that both TOML readers read the file alike; the directives then apply.`,
      }
    : {
        message: `The inline directives of this file cannot be read, so none of them applies: the file is not valid TOML (DO001, line ${f.at}).`,
        fix: "Correct the TOML (DO001 names the error). To leave a deliberately broken config out of the check, list it in the policy's `ignore`.",
      };
}

/** DO702: a directive this change adds or edits that suppresses nothing. */
export function directiveUnused(f: {
  /** The directive as written. */
  readonly text: string;
  readonly unused: readonly string[];
  readonly scope: "file" | "line";
  /** The line a line directive covers. */
  readonly target: number;
}): Wording {
  const where = f.scope === "file" ? "in this file" : `on line ${f.target}`;
  return {
    message: `\`${f.text}\` suppresses nothing: there is no ${codeList(f.unused, " or ")} finding ${where}.`,
    fix:
      f.scope === "file"
        ? "Remove the directive, or the codes in it that no finding has."
        : "Remove the directive, or move it onto the line the finding names (or the line just above it).",
  };
}

/** A rule of the new policy that lowers a code (or the old rule that set it, removed), as DO705 lists it. */
export interface LoweredLevel {
  readonly code: string;
  readonly from: string;
  readonly to: string;
  /** The new policy's rule is gone (the default applies). */
  readonly removed: boolean;
  /** The rule's line in the new policy. */
  readonly line: number | null;
  /** The override's `files`; null: the top-level `rules`. */
  readonly overrideFiles: readonly string[] | null;
  /** The repository's configs whose level it lowers. */
  readonly configs: readonly string[];
}

/** DO705: a policy edit that checks less once merged. */
export function policyLoosened(f: {
  readonly file: string;
  /** The change removes the policy. */
  readonly removed: boolean;
  /** Configs the new policy ignores and the old one analysed. */
  readonly ignored: readonly string[];
  /** `ignore` patterns of the new policy that match no config yet. */
  readonly newPatterns: readonly string[];
  readonly rules: readonly LoweredLevel[];
}): Wording {
  const { ignored, newPatterns } = f;
  const parts: string[] = [];
  if (ignored.length > 0) {
    parts.push(
      `it ignores ${shortList(ignored)}, which the current policy checks (nothing in ${ignored.length === 1 ? "it" : "them"} is checked any more)`,
    );
  }
  if (newPatterns.length > 0) {
    parts.push(
      `its \`ignore\` adds ${andList(newPatterns.map(q))}, which ${newPatterns.length === 1 ? "matches" : "match"} no config yet (a config added there is never checked)`,
    );
  }
  for (const r of f.rules) parts.push(loweredText(r));
  return {
    message: `Once this change is merged, every pull request is checked ${!f.removed ? `with the policy ${q(f.file)} as this change leaves it` : `without a policy (this change removes ${q(f.file)})`}, which checks less than the policy this check uses: ${parts.join("; ")}.`,
    fix: `Make sure the reviewers mean this: this pull request is still checked with the base revision's policy, the next ones are not. To keep the check, leave ${ignored.length + newPatterns.length > 0 ? "those configs out of `ignore` and " : ""}the codes at their current level.`,
  };
}

function loweredText(r: LoweredLevel): string {
  const level = `it sets ${r.code} ${r.to === "off" ? "off" : `to ${r.to}`} (was ${r.from}`;
  if (r.removed) return `${level}: the rule that set it is removed): ${shortList(r.configs)}`;
  const at = r.line ? `, line ${r.line}` : "";
  if (r.overrideFiles === null) {
    return `${level}) in \`rules\`${at}: ${[...(r.configs.length > 0 ? [shortList(r.configs)] : []), "every config added later"].join(" and ")}`;
  }
  const files = andList(r.overrideFiles.map(q));
  return r.configs.length > 0
    ? `${level}) for ${files}${at}: ${shortList(r.configs)}`
    : `${level}) for ${files}${at}, which ${r.overrideFiles.length === 1 ? "matches" : "match"} no config yet`;
}

/** Up to five paths, then how many more. */
function shortList(paths: readonly string[]): string {
  const shown = paths.slice(0, 5).map(q);
  return paths.length > 5 ? `${shown.join(", ")} and ${paths.length - 5} more` : andList(shown);
}

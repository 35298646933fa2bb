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

/**
 * Why a policy rule or a directive may not name a code (DO704 quotes it for a directive; for a
 * policy rule it is one of the policy file's problems).
 */
export function codeRefusal(
  f:
    | { readonly why: "data-loss"; readonly code: string; readonly kind: string }
    | { readonly why: "case"; readonly code: string; readonly upper: string }
    | { readonly why: "kind"; readonly code: string; readonly kindCode: string }
    | { readonly why: "unknown"; readonly code: string },
): string {
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

/**
 * What is wrong in a policy file (no finding: the check stops on it, `file:line: problem`).
 * `at`: the path of the value, as written (`overrides[0].files`).
 */
export function policyFileProblem(
  f:
    | { readonly problem: "not-jsonc"; readonly reason: string; readonly column: number | null }
    | { readonly problem: "proto-key" }
    | { readonly problem: "schema-not-string" }
    | { readonly problem: "overrides-not-list" }
    | { readonly problem: "override-not-object"; readonly index: number }
    | { readonly problem: "override-without-files"; readonly index: number }
    | { readonly problem: "override-without-rules"; readonly index: number }
    | {
        readonly problem: "unknown-key";
        readonly key: string;
        readonly at: string | null;
        readonly guess: string | null;
        readonly known: readonly string[];
      }
    | { readonly problem: "not-pattern-list"; readonly at: string }
    | { readonly problem: "empty-pattern-list"; readonly at: string }
    | { readonly problem: "empty-pattern"; readonly at: string; readonly index: number }
    | { readonly problem: "rules-not-object"; readonly at: string }
    | { readonly problem: "critical-level"; readonly code: string }
    | {
        readonly problem: "unknown-level";
        readonly code: string;
        readonly shown: string;
        readonly guess: string | null;
      },
): string {
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

/** The report's note on which policy this check runs with, when the change touches the policy file. */
export function policyNote(
  f:
    | { readonly change: "repairs" | "removes-broken"; readonly problem: string }
    | { readonly change: "edits" | "adds" | "removes"; readonly file: string },
): string {
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

/** The report's note on the configs the policy's `ignore` left out (`touched`: those this change touches). */
export function ignoredNote(f: {
  readonly policyFile: string;
  readonly leftOut: number;
  readonly touched: readonly string[];
}): string {
  const { touched } = f;
  const shown = touched
    .slice(0, 5)
    .map((p) => `\`${p}\``)
    .join(", ");
  const more = touched.length > 5 ? ` and ${touched.length - 5} more` : "";
  return `${f.leftOut} config(s) not analysed: the policy \`${f.policyFile}\` ignores them${touched.length ? `; changed here: ${shown}${more}` : ""}.`;
}

/**
 * Why the policy file cannot be used (the check stops on it). `revision`: which one, when the
 * change's two revisions are read (`at the base revision`, `in this change`).
 */
export function policySourceProblem(
  f:
    | { readonly problem: "missing"; readonly file: string }
    | {
        readonly problem: "unreadable";
        readonly file: string;
        readonly why: string | null;
        readonly revision: string | null;
      }
    | { readonly problem: "invalid"; readonly described: string; readonly revision: string | null },
): string {
  if (f.problem === "missing") return `${f.file}: no such policy file at the base or the head revision`;
  const suffix = f.revision ? ` (the policy ${f.revision})` : "";
  return f.problem === "unreadable"
    ? `${f.file}: cannot be read: ${f.why ?? "no such file"}${suffix}`
    : `${f.described}${suffix}`;
}

// The policy file (`.do-migrate.jsonc` at the repository root): the configs never analysed, and
// the level of each finding code, for the whole repository and per path. It is read as JSONC the
// way a wrangler config is, then validated strictly: an unknown key, code or level is a problem
// naming the file and line, never ignored. No rule can name a code that reports data loss.
// Pure: a text in, a Policy (or its problems) out.
import { CATALOGUE, catalogueEntryOf } from "../catalogue.ts";
import { parseConfigText } from "../config/parse.ts";
import { pathListMatcher } from "../glob.ts";
import type { ConfigPath, FindingKind, Severity } from "../model.ts";
import { codeRefusal, policyFileProblem } from "../rules/directives.ts";
import { closest } from "../text/suggest.ts";

/** Where the policy is looked for at the repository root, in this order. */
export const POLICY_FILE_NAMES = [".do-migrate.jsonc", ".do-migrate.json"] as const;

/** A rule's level. `critical` is not one: it is reserved for data loss, which no rule can touch. */
export type Level = "off" | Exclude<Severity, "critical">;
export const LEVELS: readonly Level[] = ["off", "info", "warning", "error"];

export interface PolicyRule {
  readonly code: string;
  readonly level: Level;
  /** Line of the rule in the policy file. */
  readonly line: number | null;
}

export interface PolicyOverride {
  /** The patterns as written (repository-relative globs, `!` to take paths back out). */
  readonly files: readonly string[];
  readonly line: number | null;
  readonly rules: ReadonlyMap<string, PolicyRule>;
  readonly matches: (path: string) => boolean;
}

export interface Policy {
  /** The policy file as named in messages (a repository path, or the `--policy` argument). */
  readonly file: string;
  readonly ignore: readonly string[];
  /** Line of the `ignore` key in the policy file. */
  readonly ignoreLine: number | null;
  readonly rules: ReadonlyMap<string, PolicyRule>;
  /** In file order: for a path several overrides match, the last one that sets a code decides. */
  readonly overrides: readonly PolicyOverride[];
  /** Whether a config path is never analysed (the `ignore` list; the last matching pattern decides). */
  readonly ignores: (path: string) => boolean;
}

export interface PolicyProblem {
  readonly file: string;
  readonly line: number | null;
  readonly message: string;
}

export type PolicyReading =
  | { readonly ok: true; readonly policy: Policy }
  | { readonly ok: false; readonly problems: readonly PolicyProblem[] };

/** `file:line: message`: how a problem is shown everywhere. */
export function describePolicyProblem(problem: PolicyProblem): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ""}: ${problem.message}`;
}

/**
 * The rule that sets a code's level in one config: the top-level `rules`, unless an override whose
 * `files` match the config sets the code (the last such override decides).
 */
export function ruleFor(
  policy: Policy,
  code: string,
  file: string,
): { readonly rule: PolicyRule; readonly override: PolicyOverride | null } | null {
  const top = policy.rules.get(code);
  let found = top ? { rule: top, override: null as PolicyOverride | null } : null;
  for (const override of policy.overrides) {
    const own = override.rules.get(code);
    if (own && override.matches(file)) found = { rule: own, override };
  }
  return found;
}

/** The keys of a policy file, and of one of its `overrides` (schema.ts describes the same). */
export const TOP_KEYS = ["$schema", "ignore", "rules", "overrides"] as const;
export const OVERRIDE_KEYS = ["files", "rules"] as const;

export function parsePolicy(file: string, text: string): PolicyReading {
  // The same reader as a wrangler config (JSONC, trailing commas, size and depth limits).
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
            column: parsed.line ? parsed.column : null,
          }),
        },
      ],
    };
  }
  const problems: PolicyProblem[] = [];
  const problem = (path: ConfigPath, message: string) =>
    problems.push({ file, line: parsed.locate(path), message });
  const value = parsed.value;

  unknownKeys(value, [], TOP_KEYS, problem);
  // The reader gives the fields inside a `"__proto__"` key as the object's own (as wrangler reads
  // a config): in the policy, where nothing else reads it, such a key only hides what it holds.
  for (const path of parsed.protoKeys ?? []) {
    problem(path, policyFileProblem({ problem: "proto-key" }));
  }
  if ("$schema" in value && typeof value.$schema !== "string")
    problem(["$schema"], policyFileProblem({ problem: "schema-not-string" }));
  const ignore = patternList(value.ignore, ["ignore"], problem, false);
  const rules = ruleMap(value.rules, ["rules"], problem, parsed.locate);
  const overrides: PolicyOverride[] = [];
  if (value.overrides !== undefined) {
    if (!Array.isArray(value.overrides)) {
      problem(["overrides"], policyFileProblem({ problem: "overrides-not-list" }));
    } else {
      value.overrides.forEach((raw: unknown, i: number) => {
        const at: ConfigPath = ["overrides", i];
        if (!isObject(raw)) {
          problem(at, policyFileProblem({ problem: "override-not-object", index: i }));
          return;
        }
        unknownKeys(raw, at, OVERRIDE_KEYS, problem);
        if (raw.files === undefined)
          problem(at, policyFileProblem({ problem: "override-without-files", index: i }));
        const files = patternList(raw.files, [...at, "files"], problem, true);
        if (raw.rules === undefined)
          problem(at, policyFileProblem({ problem: "override-without-rules", index: i }));
        const own = ruleMap(raw.rules, [...at, "rules"], problem, parsed.locate);
        overrides.push({ files, line: parsed.locate(at), rules: own, matches: pathListMatcher(files) });
      });
    }
  }
  // In file order, as a reader fixes them.
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
      ignores: pathListMatcher(ignore),
    },
  };
}

type Report = (path: ConfigPath, message: string) => void;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function unknownKeys(
  value: Record<string, unknown>,
  at: ConfigPath,
  known: readonly string[],
  problem: Report,
) {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const guess = closest(key, known);
    problem(
      [...at, key],
      policyFileProblem({ problem: "unknown-key", key, at: at.length ? pathLabel(at) : null, guess, known }),
    );
  }
}

function pathLabel(path: ConfigPath): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/**
 * A list of repository-relative globs (glob.ts). A leading `/` is dropped (paths have none) and
 * a trailing `/` means everything under the directory, as people write them in .gitignore.
 */
function patternList(value: unknown, at: ConfigPath, problem: Report, required: boolean): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((p) => typeof p !== "string")) {
    problem(at, policyFileProblem({ problem: "not-pattern-list", at: pathLabel(at) }));
    return [];
  }
  if (required && value.length === 0)
    problem(at, policyFileProblem({ problem: "empty-pattern-list", at: pathLabel(at) }));
  const out: string[] = [];
  value.forEach((raw: string, i: number) => {
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

function ruleMap(
  value: unknown,
  at: ConfigPath,
  problem: Report,
  locate: (path: ConfigPath) => number | null,
): Map<string, PolicyRule> {
  const rules = new Map<string, PolicyRule>();
  if (value === undefined) return rules;
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
    if (typeof level !== "string" || !(LEVELS as readonly string[]).includes(level)) {
      problem(path, levelProblem(code, level));
      continue;
    }
    rules.set(code, { code, level: level as Level, line: locate(path) });
  }
  return rules;
}

/** Why a rule or directive may not name `code`, or null when it may. */
export function checkCode(code: string): string | null {
  const entry = catalogueEntryOf(code);
  if (entry?.reportsDataLoss) {
    return codeRefusal({ why: "data-loss", code, kind: entry.kind });
  }
  if (entry) return null;
  const upper = code.toUpperCase();
  if (upper !== code && catalogueEntryOf(upper)) return codeRefusal({ why: "case", code, upper });
  const byKind = CATALOGUE[code as FindingKind];
  if (byKind) return codeRefusal({ why: "kind", code, kindCode: byKind.code });
  return codeRefusal({ why: "unknown", code });
}

/** Levels as other linters spell them. */
const LEVEL_SPELLINGS: Readonly<Record<string, Level>> = {
  warn: "warning",
  err: "error",
  ignore: "off",
  none: "off",
  disable: "off",
  disabled: "off",
  information: "info",
  notice: "info",
};

function levelProblem(code: string, level: unknown): string {
  const shown = typeof level === "string" ? `"${level}"` : (JSON.stringify(level) ?? String(level));
  if (level === "critical") {
    return policyFileProblem({ problem: "critical-level", code });
  }
  const guess =
    typeof level === "string" ? (LEVEL_SPELLINGS[level.toLowerCase()] ?? closest(level, LEVELS)) : null;
  return policyFileProblem({ problem: "unknown-level", code, shown, guess });
}

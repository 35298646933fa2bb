// What a policy edit checks less once it is merged. A change is judged by the policy at its base
// revision, so its own edit of the policy cannot loosen the check that judges it; but every later
// pull request is judged by the new one, and a change that only edits `.do-migrate.jsonc` looks
// harmless. So when the policy differs between the revisions, this works out what the new one
// newly leaves out: the repository's configs it ignores that the old one analysed, and the codes
// it lowers or turns off (per config, per rule of the new policy: the top-level `rules` or an
// override), including a rule whose override matches no config yet. Tightening is not reported.
// Pure: the two policies and the config paths in, a finding (or null) out.
import { CATALOGUE, catalogueEntryOf } from "../catalogue.ts";
import { pathListMatcher } from "../glob.ts";
import type { Finding, Severity } from "../model.ts";
import { policyLoosened } from "../rules/directives.ts";
import { type Policy, type PolicyOverride, type PolicyRule, ruleFor } from "./policy.ts";

export interface PolicyEdit {
  /** The policy this check runs with (the base revision's); null: none. */
  readonly before: Policy | null;
  /** The policy the change leaves for after merge; null: the change removes it. */
  readonly after: Policy | null;
  /** The edited file as a repository path: the head's policy, or the base's when it is removed. */
  readonly file: string;
  /** Every config in the check's scope, at either revision (analysed or ignored). */
  readonly configs: readonly string[];
}

/** The level a code has in a config: a rule's, or the catalogue's severity. */
type Effective = "off" | Severity;
const RANK: readonly Effective[] = ["off", "info", "warning", "error", "critical"];
const lower = (a: Effective, b: Effective) => RANK.indexOf(a) < RANK.indexOf(b);

export interface LoweredRule {
  readonly code: string;
  readonly from: Effective;
  readonly to: Effective;
  /** The new policy's rule that lowers it; null: the old policy's rule is gone (the default applies). */
  readonly rule: PolicyRule | null;
  readonly override: PolicyOverride | null;
  /** The repository's configs whose level it lowers (none: its override matches no config yet). */
  readonly configs: readonly string[];
}

export interface Loosening {
  /** Configs the new policy ignores and the old one analysed. */
  readonly ignored: readonly string[];
  /** `ignore` patterns the edit adds that match no config yet (they leave out configs added later). */
  readonly newPatterns: readonly string[];
  readonly rules: readonly LoweredRule[];
}

export function policyLoosening(edit: PolicyEdit): Loosening {
  const { before, after } = edit;
  const ignoredBefore = before ? before.ignores : () => false;
  const ignoredAfter = after ? after.ignores : () => false;
  const codes = [...new Set([...namedCodes(before), ...namedCodes(after)])].sort();
  const configs = [...new Set(edit.configs)].sort();

  const ignored: string[] = [];
  const lowered = new Map<string, { rule: LoweredRule; configs: string[] }>();
  for (const path of configs) {
    if (ignoredAfter(path)) {
      if (!ignoredBefore(path)) ignored.push(path);
      continue;
    }
    // A config the old policy ignored was not checked at all: any level is more than that.
    if (ignoredBefore(path)) continue;
    for (const code of codes) {
      const from = levelIn(before, code, path);
      const found = after ? ruleFor(after, code, path) : null;
      const to = found ? found.rule.level : defaultLevel(code);
      if (!lower(to, from)) continue;
      const key = `${code}\u0000${found ? (found.override ? after!.overrides.indexOf(found.override) : "top") : "gone"}\u0000${from}`;
      const entry = lowered.get(key) ?? {
        rule: { code, from, to, rule: found?.rule ?? null, override: found?.override ?? null, configs: [] },
        configs: [],
      };
      entry.configs.push(path);
      lowered.set(key, entry);
    }
  }
  const rules: LoweredRule[] = [...lowered.values()].map(({ rule, configs }) => ({ ...rule, configs }));

  // A rule of the new policy that lowers a code where no config is yet (an override for a
  // directory that has none): it leaves out the configs added there later.
  if (after) {
    const scopes: Array<{ override: PolicyOverride | null; rules: ReadonlyMap<string, PolicyRule> }> = [
      { override: null, rules: after.rules },
      ...after.overrides.map((override) => ({ override, rules: override.rules })),
    ];
    for (const scope of scopes) {
      // An override that matches some config was judged config by config above.
      if (scope.override && configs.some(scope.override.matches)) continue;
      for (const rule of scope.rules.values()) {
        if (rules.some((r) => r.rule === rule)) continue;
        const from = scopeLevel(before, rule.code, scope.override);
        if (lower(rule.level, from)) {
          rules.push({ code: rule.code, from, to: rule.level, rule, override: scope.override, configs: [] });
        }
      }
    }
  }

  const known = new Set(before?.ignore ?? []);
  const newPatterns = (after?.ignore ?? []).filter((pattern) => {
    if (pattern.startsWith("!") || known.has(pattern)) return false;
    const matches = pathListMatcher([pattern]);
    return !configs.some(matches);
  });
  return { ignored, newPatterns, rules: rules.sort(byPlace) };
}

/** The DO705 finding for a policy edit that loosens the check, or null when it loosens nothing. */
export function policyLooseningFinding(edit: PolicyEdit): Finding | null {
  const loosening = policyLoosening(edit);
  const { ignored, newPatterns, rules } = loosening;
  if (ignored.length + newPatterns.length + rules.length === 0) return null;
  const lines = [
    ...(ignored.length + newPatterns.length > 0 ? [edit.after?.ignoreLine ?? null] : []),
    ...rules.map((r) => r.rule?.line ?? null),
  ].filter((line): line is number => line !== null);
  const entry = CATALOGUE["policy-loosened"];
  return {
    code: entry.code,
    kind: "policy-loosened",
    severity: entry.severity,
    dataLoss: false,
    classes: [],
    worker: null,
    env: null,
    file: edit.file,
    line: lines.length > 0 ? Math.min(...lines) : null,
    tag: null,
    ...policyLoosened({
      file: edit.file,
      removed: edit.after === null,
      ignored,
      newPatterns,
      rules: rules.map((r) => ({
        code: r.code,
        from: r.from,
        to: r.to,
        removed: r.rule === null,
        line: r.rule?.line ?? null,
        overrideFiles: r.override?.files ?? null,
        configs: r.configs,
      })),
    }),
    introduced: true,
  };
}

function byPlace(a: LoweredRule, b: LoweredRule): number {
  return (
    (a.rule?.line ?? Number.MAX_SAFE_INTEGER) - (b.rule?.line ?? Number.MAX_SAFE_INTEGER) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

function defaultLevel(code: string): Effective {
  return catalogueEntryOf(code)?.severity ?? "info";
}

function levelIn(policy: Policy | null, code: string, path: string): Effective {
  const found = policy ? ruleFor(policy, code, path) : null;
  return found ? found.rule.level : defaultLevel(code);
}

/**
 * The level the old policy gives a code where a rule of the new one applies: the old rule of the
 * same scope (the top-level `rules`, or an override with the same `files`), else its top level,
 * else the catalogue's.
 */
function scopeLevel(before: Policy | null, code: string, override: PolicyOverride | null): Effective {
  if (before && override) {
    const same = before.overrides.filter(
      (o) => o.files.join("\u0000") === override.files.join("\u0000") && o.rules.has(code),
    );
    const last = same.at(-1)?.rules.get(code);
    if (last) return last.level;
  }
  return before?.rules.get(code)?.level ?? defaultLevel(code);
}

function namedCodes(policy: Policy | null): string[] {
  if (!policy) return [];
  return [...policy.rules.keys(), ...policy.overrides.flatMap((o) => [...o.rules.keys()])];
}

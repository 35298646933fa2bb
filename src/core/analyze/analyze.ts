// The analysis entry points: one config file at two revisions, or a whole repository's configs.
// Every (file, environment) is one deployed Worker, analysed on its own.
import { CATALOGUE, severityRank } from "../catalogue.ts";
import { configFormat, parseConfigText } from "../config/parse.ts";
import { pathKey } from "../config/toml-locator.ts";
import { readWorkers } from "../config/workers.ts";
import { type Draft, placeDraft, q } from "../diagnostics.ts";
import type { ConfigChange, Finding, ParsedConfig, ParseResult, Report, Risk, Worker } from "../model.ts";
import { plannedWorker, planTargets, planWorker } from "../plan/live-plan.ts";
import { compareWorker, removedWorker } from "./compare-worker.ts";

export interface AnalyzeOptions {
  /** Only these environments (`null` = the top level); all when absent. */
  readonly envs?: readonly (string | null)[] | null;
}

export interface FileAnalysis {
  readonly file: string;
  readonly findings: Finding[];
  /** The Workers the head revision deploys (empty when the head is missing or does not parse). */
  readonly headWorkers: readonly Worker[];
  /** The Workers of the base revision (empty when the base is missing or does not parse). */
  readonly baseWorkers?: readonly Worker[];
}

export function analyzeFile(change: ConfigChange, options: AnalyzeOptions = {}): FileAnalysis {
  const { file } = change;
  const head = readSide(file, change.headText, change.headUnreadable);
  // A file the change leaves alone (most of a monorepo) is read once for both sides.
  const same = change.baseText === change.headText && change.baseUnreadable === change.headUnreadable;
  const base = same ? head : readSide(file, change.baseText, change.baseUnreadable);
  const findings: Finding[] = [];
  const wanted = (env: string | null) => !options.envs || options.envs.includes(env);

  if (head && !head.ok) {
    findings.push(parseErrorFinding(head, base !== null && !base.ok && base.message === head.message));
    return { file, findings, headWorkers: [] };
  }
  if (base && !base.ok) findings.push(parseErrorFinding(base, false, true));
  const baseConfig = base?.ok ? base : null;

  if (!head) {
    const removed = baseConfig ? readWorkers(baseConfig).workers : [];
    for (const worker of removed) {
      const draft = wanted(worker.env) ? removedWorker(worker, "file") : null;
      if (draft && baseConfig) findings.push(placeDraft(draft, placement(baseConfig, worker.name, true)));
    }
    return { file, findings, headWorkers: [], baseWorkers: removed };
  }

  const headReading = readWorkers(head);
  const baseReading = baseConfig === head ? headReading : baseConfig ? readWorkers(baseConfig) : null;
  // When the base does not parse, nothing can be said about what changed: compare head with itself.
  const baseWorkers = base && !base.ok ? headReading.workers : (baseReading?.workers ?? []);
  const baseByEnv = new Map(baseWorkers.map((w) => [w.env, w]));

  const known = new Set((baseReading?.drafts ?? []).map(draftKey));
  for (const draft of headReading.drafts) {
    if (!wanted(draft.env)) continue;
    const worker = headReading.workers.find((w) => w.env === draft.env);
    findings.push(placeDraft(draft, placement(head, worker?.name ?? null, !known.has(draftKey(draft)))));
  }
  for (const worker of headReading.workers) {
    if (!wanted(worker.env)) continue;
    for (const draft of compareWorker(baseByEnv.get(worker.env) ?? null, worker)) {
      findings.push(placeDraft(draft, placement(head, worker.name, true)));
    }
  }
  if (baseConfig && base?.ok) {
    const headEnvs = new Set(headReading.workers.map((w) => w.env));
    for (const worker of baseWorkers) {
      if (headEnvs.has(worker.env) || !wanted(worker.env)) continue;
      const draft = removedWorker(worker, "env");
      if (draft)
        findings.push(
          placeDraft({ ...draft, line: head.locate(["env"]) }, placement(head, worker.name, true)),
        );
    }
  }
  return {
    file,
    findings,
    headWorkers: headReading.workers,
    baseWorkers: base && !base.ok ? [] : (baseReading?.workers ?? []),
  };
}

/** Analyses every config of a change together, adding what needs more than one file. */
export function analyzeRepository(changes: readonly ConfigChange[], options: AnalyzeOptions = {}): Report {
  return reportFor(analyzeFiles(changes, options), [], options);
}

export function analyzeFiles(changes: readonly ConfigChange[], options: AnalyzeOptions = {}): FileAnalysis[] {
  return changes.map((change) => analyzeFile(change, options));
}

/**
 * The report over analysed files, with the cross-file checks and any extra findings (code checks),
 * and the Workers the change touches (their live plan comes later, when the live state is read).
 */
export function reportFor(
  analyses: readonly FileAnalysis[],
  extra: readonly Finding[] = [],
  options: AnalyzeOptions = {},
): Report {
  const findings = [...analyses.flatMap((a) => a.findings), ...extra];
  findings.push(...crossWorkerBindings(findings, analyses));
  const workers = planTargets(analyses, options.envs ?? null).map((t) => plannedWorker(planWorker(t, null)));
  return { ...buildReport(findings), workers };
}

/** Another Worker in the repository that binds a class being deleted blocks the delete (10061). */
function crossWorkerBindings(findings: readonly Finding[], analyses: readonly FileAnalysis[]): Finding[] {
  const out: Finding[] = [];
  for (const deletion of findings.filter((f) => f.kind === "class-deleted" && f.worker)) {
    for (const analysis of analyses) {
      for (const other of analysis.headWorkers) {
        if (other.name === deletion.worker) continue;
        for (const binding of other.bindings) {
          if (binding.scriptName !== deletion.worker || !deletion.classes.includes(binding.className))
            continue;
          const entry = CATALOGUE["cross-worker-binding"];
          out.push({
            code: entry.code,
            kind: "cross-worker-binding",
            severity: entry.severity,
            dataLoss: false,
            classes: [binding.className],
            worker: other.name,
            env: other.env,
            file: other.file,
            line: binding.line,
            tag: deletion.tag,
            message: `Worker ${q(other.name ?? other.file)} still binds ${q(binding.className)} of ${q(deletion.worker)} through \`script_name\` (binding ${q(binding.name)}): the delete in ${q(deletion.file)} is rejected (code 10061) until this binding is removed and deployed.`,
            fix: `Remove binding ${q(binding.name)} from ${q(other.file)} and deploy that Worker first (phase 1), then deploy the delete.`,
            introduced: true,
          });
        }
      }
    }
  }
  return out;
}

export function buildReport(findings: readonly Finding[]): Report {
  const sorted = [...findings].sort(compareFindings);
  return { risk: riskOf(sorted), findings: sorted };
}

/** The worst severity among the findings that are not suppressed. */
export function riskOf(findings: readonly Finding[]): Risk {
  let top = -1;
  for (const f of findings) if (!f.suppressed) top = Math.max(top, severityRank(f.severity));
  return (["none", "low", "medium", "high", "critical"] as const)[top + 1]!;
}

/** Data-destroying findings first, suppressed ones last, then by severity, file, environment and line. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    Number(b.dataLoss) - Number(a.dataLoss) ||
    Number(Boolean(a.suppressed)) - Number(Boolean(b.suppressed)) ||
    severityRank(b.severity) - severityRank(a.severity) ||
    textOrder(a.file, b.file) ||
    textOrder(a.env ?? "", b.env ?? "") ||
    (a.line ?? 0) - (b.line ?? 0) ||
    textOrder(a.code, b.code)
  );
}

// The first localeCompare loads ICU's collation data: about 20 ms, a third of a bare Node start.
// For strings of only lower-case (or only upper-case) ASCII letters, digits, space, "-", "." and
// "/", ICU's order is the order of the characters' codes, so those are compared directly.
const LOWER = /^[a-z0-9 ./-]*$/;
const UPPER = /^[A-Z0-9 ./-]*$/;

function textOrder(a: string, b: string): number {
  if (a === b) return 0;
  if ((LOWER.test(a) && LOWER.test(b)) || (UPPER.test(a) && UPPER.test(b))) return a < b ? -1 : 1;
  return a.localeCompare(b);
}

function placement(config: ParsedConfig, worker: string | null, introduced: boolean) {
  return { file: config.file, worker, locate: config.locate, introduced };
}

function draftKey(draft: Draft): string {
  return [draft.kind, draft.env, draft.path ? pathKey(draft.path) : "", draft.message].join("\u0000");
}

/** One revision of a config: parsed, a failure (also when it could not be read), or absent. */
function readSide(
  file: string,
  text: string | null,
  unreadable: string | null | undefined,
): ParseResult | null {
  if (unreadable) {
    return {
      ok: false,
      file,
      format: configFormat(file),
      message: unreadable,
      line: null,
      column: null,
      overLimit: true,
    };
  }
  return text === null ? null : parseConfigText(file, text);
}

function parseErrorFinding(
  failure: ParseResult & { ok: false },
  preExisting: boolean,
  isBase = false,
): Finding {
  const entry = CATALOGUE["parse-error"];
  const where = failure.line && failure.column ? ` at line ${failure.line}, column ${failure.column}` : "";
  const common = {
    code: entry.code,
    kind: "parse-error" as const,
    dataLoss: false,
    classes: [],
    worker: null,
    env: null,
    file: failure.file,
    line: failure.line,
    tag: null,
  };
  if (failure.overLimit && !isBase) {
    // wrangler may well deploy what this check could not read: fail closed.
    return {
      ...common,
      severity: "critical",
      message: `${q(failure.file)} was not checked: ${failure.message}${where}. wrangler may still deploy it, so this check cannot vouch for what it does to Durable Objects.`,
      fix: "Keep the config a plain file inside the repository, under 1 MiB and without deep nesting (real wrangler configs are a few KB).",
      introduced: true,
    };
  }
  return {
    ...common,
    severity: preExisting ? "info" : isBase ? "warning" : entry.severity,
    message: isBase
      ? `The base revision of ${q(failure.file)} does not parse (${failure.message}${where}), so what changed cannot be told; the head revision was checked on its own.`
      : `${q(failure.file)} does not parse as ${failure.format === "toml" ? "TOML" : "JSON/JSONC"}: ${failure.message}${where}. wrangler will refuse it.`,
    fix: "Fix the syntax at that position (wrangler reads TOML with smol-toml and JSON/JSONC with comments and trailing commas allowed).",
    introduced: !preExisting,
  };
}

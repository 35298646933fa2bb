// `do-migrate fix` and the pull request's suggestions: every finding with one safe mechanical
// fix gets it, and every fix is proven before it is applied or offered: the fixed text is parsed
// and analysed again against the same base, the findings it targets must be gone, and no new
// finding of warning or above may appear (data loss only with --accept-deletes, a rename only
// with --accept-renames). Fixes are applied one at a time, each on the text the previous one
// left, until none applies; so a second run changes nothing.
import { type AnalyzeOptions, analyzeFile, type FileAnalysis, reportFor } from "../analyze/analyze.ts";
import { codeFindings } from "../analyze/code-exports.ts";
import { severityRank } from "../catalogue.ts";
import type { WorkerExports } from "../code/worker-exports.ts";
import { configFormat, parseConfigText } from "../config/parse.ts";
import { readWorkers } from "../config/workers.ts";
import { q } from "../diagnostics.ts";
import type { ConfigChange, Finding, ParsedConfig, Report } from "../model.ts";
import { applyOps, rawValueText, uneditable } from "./document.ts";
import {
  type FileState,
  type FixKind,
  isProposal,
  type NoProposal,
  type Proposal,
  proposalsFor,
} from "./proposals.ts";

export type { FixKind } from "./proposals.ts";

export interface FixOptions {
  /** Today's date, YYYY-MM-DD (new date-scheme tags); the caller reads the clock. */
  readonly today: string;
  /** Apply fixes that make a delete real (e.g. `delete_classes` -> `deleted_classes`). */
  readonly acceptDeletes?: boolean;
  /** Apply renames in place of a delete + create (keeps the objects: a change of meaning). */
  readonly acceptRenames?: boolean;
  readonly envs?: AnalyzeOptions["envs"];
  /** Export names of Workers' entry modules, by repository path, when the code was read. */
  readonly exportsOf?: (entryPath: string) => WorkerExports | undefined;
}

export type FixFlagName = "--accept-deletes" | "--accept-renames";

export interface AppliedFix {
  readonly kind: FixKind;
  readonly file: string;
  readonly title: string;
  readonly targets: readonly Finding[];
}

export interface LeftFix {
  readonly kind: FixKind;
  readonly file: string;
  readonly targets: readonly Finding[];
  /** What the fix would do, when there is one. */
  readonly title: string | null;
  /** Why it was not applied. */
  readonly reason: string;
  /** The flag that applies it, when only a flag is missing. */
  readonly flag: FixFlagName | null;
}

export interface FixedFile {
  readonly file: string;
  readonly before: string;
  readonly after: string;
}

export interface FixResult {
  /** Files the fixes changed. */
  readonly files: readonly FixedFile[];
  readonly applied: readonly AppliedFix[];
  readonly left: readonly LeftFix[];
  /** The report before and after the fixes. */
  readonly before: Report;
  readonly after: Report;
}

/** One proven fix of the head revision as it is, for a suggestion on the pull request. */
export interface FixOffer {
  /** Stable across runs while the same findings are fixed the same way. */
  readonly id: string;
  readonly kind: FixKind;
  readonly file: string;
  readonly title: string;
  readonly targets: readonly Finding[];
  /** The flag `do-migrate fix` needs to apply it (it changes meaning or makes a delete real). */
  readonly flag: FixFlagName | null;
  readonly before: string;
  readonly after: string;
}

const MAX_ROUNDS = 100;

/** Applies every proven fix to the head texts; returns the changed files and what was left. */
export function fixConfigs(changes: readonly ConfigChange[], options: FixOptions): FixResult {
  const checker = new Checker(changes, options);
  const texts = new Map(changes.map((c) => [c.file, c.headText]));
  const applied: AppliedFix[] = [];
  const first = checker.report(texts);
  let report = first;
  let left: LeftFix[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    left = [];
    let progressed = false;
    for (const candidate of checker.proposals(texts, report)) {
      if (!isProposal(candidate)) {
        left.push(notFixable(candidate));
        continue;
      }
      const verdict = checker.evaluate(candidate, texts, report, options);
      if (verdict.status !== "ok") {
        left.push(leftOf(candidate, verdict));
        continue;
      }
      texts.set(candidate.file, verdict.after);
      for (const p of verdict.chain)
        applied.push({ kind: p.kind, file: p.file, title: p.title, targets: p.targets });
      report = verdict.report;
      progressed = true;
      break;
    }
    if (!progressed) break;
  }
  const files = changes.flatMap((c): FixedFile[] => {
    const after = texts.get(c.file);
    return c.headText !== null && after != null && after !== c.headText
      ? [{ file: c.file, before: c.headText, after }]
      : [];
  });
  return { files, applied, left, before: first, after: report };
}

/** Every proven fix of the head texts as they are, each on its own (none applied). */
export function offerFixes(changes: readonly ConfigChange[], options: FixOptions): FixOffer[] {
  const checker = new Checker(changes, options);
  const texts = new Map(changes.map((c) => [c.file, c.headText]));
  const report = checker.report(texts);
  const offers: FixOffer[] = [];
  const all = { ...options, acceptDeletes: true, acceptRenames: true };
  for (const candidate of checker.proposals(texts, report)) {
    if (!isProposal(candidate)) continue;
    const verdict = checker.evaluate(candidate, texts, report, all);
    if (verdict.status !== "ok") continue;
    const strict = checker.evaluate(candidate, texts, report, {
      ...options,
      acceptDeletes: false,
      acceptRenames: false,
    });
    offers.push({
      id: offerId(candidate),
      kind: candidate.kind,
      file: candidate.file,
      title: verdict.chain.map((p) => p.title).join(" "),
      targets: verdict.chain.flatMap((p) => p.targets),
      flag: strict.status === "needs" ? strict.flag : null,
      before: texts.get(candidate.file) ?? "",
      after: verdict.after,
    });
  }
  return offers;
}

// ---------------------------------------------------------------------------------------------
// The proof

type Verdict =
  | {
      readonly status: "ok";
      readonly after: string;
      readonly report: Report;
      readonly chain: readonly Proposal[];
    }
  | { readonly status: "needs"; readonly flag: FixFlagName; readonly reason: string }
  | { readonly status: "refused"; readonly reason: string; readonly added?: readonly Finding[] };

/** What makes two findings "the same" across a fix: tags and lines may move, meaning may not. */
function signature(f: Finding): string {
  return [f.kind, f.file, f.env ?? "\u0000top", [...f.classes].sort().join(",")].join("\u0001");
}

function counts(findings: readonly Finding[], keep: (f: Finding) => boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) if (keep(f)) out.set(signature(f), (out.get(signature(f)) ?? 0) + 1);
  return out;
}

const serious = (f: Finding) => f.dataLoss || severityRank(f.severity) >= severityRank("warning");

/**
 * Proves a fix against the report before it: the targets are gone, and every finding of warning
 * or above (or with data loss) the fixed text has was there before, is one the fix is expected
 * to add, or is a delete the caller accepted.
 */
export function proveFix(
  before: Report,
  after: Report,
  targets: readonly Finding[],
  expected: readonly Finding["kind"][],
): { readonly resolved: boolean; readonly added: readonly Finding[] } {
  const all = () => true;
  const was = counts(before.findings, all);
  const now = counts(after.findings, all);
  const resolved = targets.every((t) => (now.get(signature(t)) ?? 0) < (was.get(signature(t)) ?? 0));
  const wasSerious = counts(before.findings, serious);
  const seen = new Map<string, number>();
  const added: Finding[] = [];
  for (const f of after.findings) {
    if (!serious(f) || expected.includes(f.kind)) continue;
    const key = signature(f);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > (wasSerious.get(key) ?? 0)) added.push(f);
  }
  return { resolved, added };
}

class Checker {
  private readonly changes: readonly ConfigChange[];
  private readonly options: FixOptions;
  private readonly analyses = new Map<string, FileAnalysis>();

  constructor(changes: readonly ConfigChange[], options: FixOptions) {
    this.changes = changes;
    this.options = options;
  }

  private analysis(change: ConfigChange, text: string | null): FileAnalysis {
    const key = `${change.file}\u0000${text}`;
    let analysis = this.analyses.get(key);
    if (!analysis) {
      analysis = analyzeFile({ ...change, headText: text }, { envs: this.options.envs ?? null });
      this.analyses.set(key, analysis);
    }
    return analysis;
  }

  report(texts: ReadonlyMap<string, string | null>): Report {
    const analyses = this.changes.map((c) => this.analysis(c, texts.get(c.file) ?? null));
    const exportsOf = this.options.exportsOf;
    return reportFor(analyses, exportsOf ? codeFindings(analyses, exportsOf) : []);
  }

  proposals(texts: ReadonlyMap<string, string | null>, report: Report): (Proposal | NoProposal)[] {
    const out: (Proposal | NoProposal)[] = [];
    for (const change of this.changes) {
      const text = texts.get(change.file) ?? null;
      if (text === null || change.headUnreadable) continue;
      const findings = report.findings.filter((f) => f.file === change.file);
      if (!findings.some((f) => f.introduced)) continue;
      const state = fileState(change, text, findings);
      if (state)
        out.push(...proposalsFor(state, { today: this.options.today, exportsOf: this.options.exportsOf }));
    }
    return out;
  }

  /**
   * Writes and proves a fix. When the fixed text shows findings the first text hid (renaming
   * `[[migration]]` reveals the misspelt keys of its steps), the fixes of exactly those findings
   * are added to it, up to `depth` deep, and the whole chain is proven against the report before.
   */
  evaluate(
    proposal: Proposal,
    texts: ReadonlyMap<string, string | null>,
    report: Report,
    options: FixOptions,
    depth = 2,
  ): Verdict {
    const change = this.changes.find((c) => c.file === proposal.file);
    const text = texts.get(proposal.file);
    if (!change || text == null) return { status: "refused", reason: "the file is not there" };
    const format = configFormat(change.file);
    const after = applyOps(format, text, proposal.ops);
    if (after === null || after === text) {
      const reason = uneditable(format, text) ?? "this file's layout is one the fix cannot edit in place";
      return { status: "refused", reason };
    }
    const next = new Map(texts);
    next.set(proposal.file, after);
    const fixed = this.report(next);
    const verdict = judge(proposal, proveFix(report, fixed, proposal.targets, proposal.adds), options);
    if (verdict.status !== "refused" || !verdict.added || depth === 0) {
      return verdict.status === "ok" ? { status: "ok", after, report: fixed, chain: [proposal] } : verdict;
    }
    const blockers = new Set(verdict.added.map(signature));
    for (const follow of this.proposals(next, fixed)) {
      if (!isProposal(follow) || follow.file !== proposal.file) continue;
      if (!follow.targets.every((t) => blockers.has(signature(t)))) continue;
      const rest = this.evaluate(
        follow,
        next,
        fixed,
        { ...options, acceptDeletes: true, acceptRenames: true },
        depth - 1,
      );
      if (rest.status !== "ok") continue;
      const chain = [proposal, ...rest.chain];
      const whole: Proposal = {
        ...proposal,
        targets: chain.flatMap((p) => p.targets).filter((t) => !blockers.has(signature(t))),
        adds: chain.flatMap((p) => p.adds),
        flag: chain.find((p) => p.flag)?.flag ?? null,
      };
      const combined = judge(whole, proveFix(report, rest.report, whole.targets, whole.adds), options);
      if (combined.status === "ok") return { status: "ok", after: rest.after, report: rest.report, chain };
      return combined;
    }
    return verdict;
  }
}

/** The verdict of a proof under the caller's flags. */
function judge(
  proposal: Proposal,
  proof: { readonly resolved: boolean; readonly added: readonly Finding[] },
  options: FixOptions,
): Verdict {
  if (!proof.resolved) return { status: "refused", reason: "the fixed config would still have the finding" };
  // A fix may make a delete or a rename real that the config only meant (`delete_classes`,
  // `[[migration]]`): that is the caller's call, through the flag for it.
  const deletes = proof.added.filter((f) => f.kind === "class-deleted");
  const renames = proof.added.filter((f) => f.kind === "class-renamed");
  const others = proof.added.filter((f) => f.kind !== "class-deleted" && f.kind !== "class-renamed");
  if (others.length > 0) {
    return { status: "refused", reason: `the fixed config would have ${describe(others)}`, added: others };
  }
  if (deletes.length > 0 && !options.acceptDeletes) {
    return {
      status: "needs",
      flag: "--accept-deletes",
      reason: `it makes a delete real: ${describe(deletes)}`,
    };
  }
  if (renames.length > 0 && !options.acceptRenames) {
    return {
      status: "needs",
      flag: "--accept-renames",
      reason: `it makes a rename real: ${describe(renames)}`,
    };
  }
  if (proposal.flag === "accept-renames" && !options.acceptRenames) {
    return {
      status: "needs",
      flag: "--accept-renames",
      reason: "it changes what the config means (the objects are kept instead of destroyed)",
    };
  }
  return { status: "ok", after: "", report: { risk: "none", findings: [] }, chain: [proposal] };
}

function describe(findings: readonly Finding[]): string {
  const parts = [
    ...new Set(
      findings.map(
        (f) => `${f.code} ${f.kind}${f.classes.length ? ` (${f.classes.map(q).join(", ")})` : ""}`,
      ),
    ),
  ];
  return parts.join(", ");
}

function notFixable(p: NoProposal): LeftFix {
  return { kind: p.kind, file: p.file, targets: p.targets, title: null, reason: p.reason, flag: null };
}

function leftOf(p: Proposal, verdict: Exclude<Verdict, { status: "ok" }>): LeftFix {
  return {
    kind: p.kind,
    file: p.file,
    targets: p.targets,
    title: p.title,
    reason: verdict.reason,
    flag: verdict.status === "needs" ? verdict.flag : null,
  };
}

function fileState(change: ConfigChange, headText: string, findings: readonly Finding[]): FileState | null {
  const head = parseConfigText(change.file, headText);
  if (!head.ok) return null;
  const base =
    change.baseText === null || change.baseUnreadable ? null : parseConfigText(change.file, change.baseText);
  const baseConfig: ParsedConfig | null = base?.ok ? base : null;
  const headReading = readWorkers(head);
  return {
    file: change.file,
    head,
    base: baseConfig,
    headWorkers: headReading.workers,
    baseWorkers: baseConfig ? readWorkers(baseConfig).workers : [],
    headDrafts: headReading.drafts,
    findings,
    baseRaw: (path) =>
      baseConfig && change.baseText !== null
        ? rawValueText(baseConfig.format, change.baseText, path)
        : undefined,
  };
}

/** A short stable id: the kind, file, and the findings' identities (not lines or message text). */
function offerId(p: Proposal): string {
  const text = [
    p.kind,
    p.file,
    ...p.targets.map(signature).sort(),
    ...p.targets.map((t) => t.tag ?? ""),
  ].join("\u0002");
  // FNV-1a, 32 bits, twice with different seeds: short, stable, no crypto needed.
  const hash = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, "0");
  };
  return `${p.kind}-${hash(0x811c9dc5)}${hash(0x1b873593)}`;
}

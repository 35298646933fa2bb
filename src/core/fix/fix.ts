// `do-migrate fix` and the pull request's suggestions: every finding with one safe mechanical
// fix gets it, and every fix is proven before it is applied or offered: the fixed text is parsed
// and analysed again against the same base, the findings it targets must be gone, and no new
// finding of warning or above may appear (data loss only with --accept-deletes, a rename only
// with --accept-renames). Fixes are applied one at a time in each file, each on the text the
// previous one left, until none applies; so a second run changes nothing. A finding the policy
// or a directive suppresses is left alone.
//
// A proof analyses the files whose findings the fix can change (the file it edits and the files
// joined to it through Worker names and `script_name`: analyze.ts `crossFileKeys`), computed
// from the files those findings depend on; every other file's findings are the first analysis's.
import {
  type AnalyzeOptions,
  analyzeFile,
  type BaseWorkerIndex,
  baseWorkerIndex,
  type CrossFileKeys,
  crossFileKeys,
  type FileAnalysis,
  reportFor,
  repositoryFindings,
} from "../analyze/analyze.ts";
import { codeFindings } from "../analyze/code-exports.ts";
import { severityRank } from "../catalogue.ts";
import type { WorkerExports } from "../code/worker-exports.ts";
import { configFormat, parseConfigText } from "../config/parse.ts";
import { readWorkers } from "../config/workers.ts";
import { q } from "../diagnostics.ts";
import type { ConfigChange, Finding, ParsedConfig, Report, Suppression } from "../model.ts";
import { suppressedIn } from "../policy/policy-step.ts";
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
  /**
   * The policy step as the check runs it (the directives of the configs as given, the policy's
   * levels): a finding it suppresses is neither fixed nor offered a fix.
   */
  readonly policy?: (report: Report, changes: readonly ConfigChange[]) => Report;
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

/** A fix left alone because the policy or a directive suppresses the findings it targets. */
export interface SuppressedFix {
  readonly kind: FixKind;
  readonly file: string;
  /** The findings, each with its `suppressed`. */
  readonly targets: readonly (Finding & { readonly suppressed: Suppression })[];
  /** What the fix would do, when there is one. */
  readonly title: string | null;
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
  /** The fixes of suppressed findings, not applied. */
  readonly suppressed: readonly SuppressedFix[];
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
  const textOf: TextOf = (file) => texts.get(file) ?? null;
  const applied: AppliedFix[] = [];
  const first = checker.report(textOf);
  const findings = byFile(first.findings);
  let left: LeftFix[] = [];
  let suppressed: SuppressedFix[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    left = [];
    const candidates = checker.proposals(textOf, findings);
    suppressed = candidates.suppressed;
    // A fix changes the findings of the files it is judged on: their other fixes wait for the
    // next round, on the new text; fixes of files it cannot reach go on in this one.
    const touched = new Set<string>();
    for (const candidate of candidates.open) {
      if (touched.has(candidate.file)) continue;
      if (!isProposal(candidate)) {
        left.push(notFixable(candidate));
        continue;
      }
      const verdict = checker.evaluate(candidate, textOf, options);
      if (verdict.status !== "ok") {
        left.push(leftOf(candidate, verdict));
        continue;
      }
      texts.set(candidate.file, verdict.after);
      checker.moved(candidate.file, textOf);
      for (const p of verdict.chain)
        applied.push({ kind: p.kind, file: p.file, title: p.title, targets: p.targets });
      for (const file of verdict.judged) {
        findings.set(file, verdict.findings.get(file) ?? []);
        touched.add(file);
      }
    }
    if (touched.size === 0) break;
  }
  const files = changes.flatMap((c): FixedFile[] => {
    const after = texts.get(c.file);
    return c.headText !== null && after != null && after !== c.headText
      ? [{ file: c.file, before: c.headText, after }]
      : [];
  });
  const after = applied.length > 0 ? checker.report(textOf) : first;
  return { files, applied, left, suppressed, before: first, after };
}

/** Every proven fix of the head texts as they are, each on its own (none applied). */
export function offerFixes(changes: readonly ConfigChange[], options: FixOptions): FixOffer[] {
  const checker = new Checker(changes, options);
  const texts = new Map(changes.map((c) => [c.file, c.headText]));
  const textOf: TextOf = (file) => texts.get(file) ?? null;
  const findings = byFile(checker.report(textOf).findings);
  const offers: FixOffer[] = [];
  const all = { ...options, acceptDeletes: true, acceptRenames: true };
  for (const candidate of checker.proposals(textOf, findings).open) {
    if (!isProposal(candidate)) continue;
    const verdict = checker.evaluate(candidate, textOf, all);
    if (verdict.status !== "ok") continue;
    // The flag fix would need: the same proof, judged without the flags.
    const strict = judge(verdict.proposal, verdict.proof, {
      ...options,
      acceptDeletes: false,
      acceptRenames: false,
    });
    // The same edit for several findings (a top-level step that every env inherits reports once
    // per Worker): one offer resolving them all.
    const same = offers.findIndex((o) => o.file === candidate.file && o.after === verdict.after);
    if (same >= 0) {
      const o = offers[same]!;
      offers[same] = { ...o, targets: [...o.targets, ...verdict.chain.flatMap((p) => p.targets)] };
      continue;
    }
    offers.push({
      id: offerId(candidate),
      kind: candidate.kind,
      file: candidate.file,
      title: verdict.chain.map((p) => p.title).join(" "),
      targets: verdict.chain.flatMap((p) => p.targets),
      flag: strict.status === "needs" ? strict.flag : null,
      before: textOf(candidate.file) ?? "",
      after: verdict.after,
    });
  }
  return offers;
}

/** The texts of the configs as the fixes have left them, by file (null: no such file). */
type TextOf = (file: string) => string | null;

function byFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = out.get(f.file);
    if (list) list.push(f);
    else out.set(f.file, [f]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The proof

type Verdict =
  | {
      readonly status: "ok";
      readonly after: string;
      /** The files whose findings the fix was judged on, and their findings afterwards. */
      readonly judged: ReadonlySet<string>;
      readonly findings: ReadonlyMap<string, Finding[]>;
      readonly chain: readonly Proposal[];
      /** The proposal judged (the whole chain as one) and its proof. */
      readonly proposal: Proposal;
      readonly proof: Proof;
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
 * Proves a fix against the findings before it: the targets are gone, and every finding of warning
 * or above (or with data loss) the fixed text has was there before, is one the fix is expected
 * to add, or is a delete the caller accepted.
 */
export function proveFix(
  before: Pick<Report, "findings">,
  after: Pick<Report, "findings">,
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

/** Which files define or reach which Worker names (analyze.ts `crossFileKeys`), kept current. */
class Links {
  private readonly keys = new Map<string, CrossFileKeys>();
  private readonly defining = new Map<string, Set<string>>();
  private readonly reaching = new Map<string, Set<string>>();

  set(file: string, keys: CrossFileKeys): void {
    const old = this.keys.get(file);
    if (old) {
      for (const name of old.names) this.defining.get(name)?.delete(file);
      for (const name of old.reaches) this.reaching.get(name)?.delete(file);
    }
    this.keys.set(file, keys);
    for (const name of keys.names) add(this.defining, name, file);
    for (const name of keys.reaches) add(this.reaching, name, file);
  }

  /** The other files joined to a file with these keys (its own, or those of another text of it). */
  joined(file: string, keys: readonly CrossFileKeys[]): Set<string> {
    const out = new Set<string>();
    const from = (index: Map<string, Set<string>>, names: readonly string[]) => {
      for (const name of names) for (const other of index.get(name) ?? []) if (other !== file) out.add(other);
    };
    for (const k of keys) {
      from(this.defining, k.names);
      from(this.reaching, k.names);
      from(this.defining, k.reaches);
    }
    return out;
  }
}

function add(index: Map<string, Set<string>>, name: string, file: string): void {
  const files = index.get(name);
  if (files) files.add(file);
  else index.set(name, new Set([file]));
}

class Checker {
  private readonly changes: readonly ConfigChange[];
  private readonly byName: ReadonlyMap<string, ConfigChange>;
  private readonly options: FixOptions;
  /** Each file's analyses, by text (a text of the file is its key: no copy of it is made). */
  private readonly analyses = new Map<string, Map<string | null, FileAnalysis>>();
  private readonly code = new WeakMap<FileAnalysis, readonly Finding[]>();
  private links: Links | null = null;

  /** The base revision's Workers by name: a fix edits head texts only, so it holds throughout. */
  private readonly baseWorkersNamed: BaseWorkerIndex;

  constructor(changes: readonly ConfigChange[], options: FixOptions) {
    this.changes = changes;
    this.byName = new Map(changes.map((c) => [c.file, c]));
    this.options = options;
    this.baseWorkersNamed = baseWorkerIndex(changes);
  }

  private analysis(change: ConfigChange, text: string | null): FileAnalysis {
    let byText = this.analyses.get(change.file);
    if (!byText) {
      byText = new Map();
      this.analyses.set(change.file, byText);
    }
    let analysis = byText.get(text);
    if (!analysis) {
      analysis = analyzeFile(
        { ...change, headText: text },
        { envs: this.options.envs ?? null, baseWorkersNamed: this.baseWorkersNamed },
      );
      byText.set(text, analysis);
    }
    return analysis;
  }

  /** The code-aware findings of one file (they depend on that file and its code only). */
  private codeOf(analysis: FileAnalysis): readonly Finding[] {
    const exportsOf = this.options.exportsOf;
    if (!exportsOf) return [];
    let found = this.code.get(analysis);
    if (!found) {
      found = codeFindings([analysis], exportsOf);
      this.code.set(analysis, found);
    }
    return found;
  }

  /** The whole report over every file. */
  report(textOf: TextOf): Report {
    const analyses = this.changes.map((c) => this.analysis(c, textOf(c.file)));
    this.links = new Links();
    for (const a of analyses) this.links.set(a.file, crossFileKeys(a));
    return reportFor(
      analyses,
      analyses.flatMap((a) => this.codeOf(a)),
    );
  }

  /** A fix changed a file's text: its links follow. */
  moved(file: string, textOf: TextOf): void {
    const change = this.byName.get(file);
    if (change && this.links) this.links.set(file, crossFileKeys(this.analysis(change, textOf(file))));
  }

  /**
   * The files a fix of `file` is proven on, given the texts it has before and after: the file and
   * the files joined to it (in the changes' order), whose findings are the ones it can change.
   *
   * Their findings are computed from these files alone. A joined file's findings may also depend
   * on files joined to it in turn, but only through a rule that takes findings away (another
   * Worker's DO105 replaces the DO107 of a delete it blocks), and those files are the same before
   * and after: leaving them out can make a proof stricter, never looser (test/core/fix-properties).
   */
  private scope(file: string, versions: readonly (string | null)[]): readonly ConfigChange[] {
    const change = this.byName.get(file)!;
    const keys = versions.map((text) => crossFileKeys(this.analysis(change, text)));
    const files = this.links!.joined(file, keys).add(file);
    return this.changes.filter((c) => files.has(c.file));
  }

  /** The findings of these files, from these files. */
  private findingsIn(textOf: TextOf, scope: readonly ConfigChange[]): Finding[] {
    const analyses = scope.map((c) => this.analysis(c, textOf(c.file)));
    return repositoryFindings(
      analyses,
      analyses.flatMap((a) => this.codeOf(a)),
    );
  }

  /**
   * The fixes of every file with a finding this change introduced, from the current findings by
   * file: `open` for the findings the policy leaves open, `suppressed` for the others.
   */
  proposals(
    textOf: TextOf,
    findings: ReadonlyMap<string, readonly Finding[]>,
    only?: string,
  ): { open: (Proposal | NoProposal)[]; suppressed: SuppressedFix[] } {
    // The fixes a chain adds to a fix (see `evaluate`) are part of it: the policy judged the first.
    const suppression = only ? () => undefined : this.suppression(textOf, findings);
    const open: (Proposal | NoProposal)[] = [];
    const suppressed: SuppressedFix[] = [];
    const context = { today: this.options.today, exportsOf: this.options.exportsOf };
    for (const change of only ? [this.byName.get(only)!] : this.changes) {
      const text = textOf(change.file);
      if (text === null || change.headUnreadable) continue;
      const mine = findings.get(change.file) ?? [];
      if (!mine.some((f) => f.introduced)) continue;
      const left = mine.filter((f) => !suppression(f));
      const alone = mine.filter((f) => suppression(f));
      const state = fileState(change, text, left);
      if (!state) continue;
      open.push(...proposalsFor(state, context));
      if (alone.length === 0) continue;
      for (const p of proposalsFor({ ...state, findings: alone }, context)) {
        suppressed.push({
          kind: p.kind,
          file: p.file,
          title: isProposal(p) ? p.title : null,
          targets: p.targets.map((t) => ({ ...t, suppressed: suppression(t)! })),
        });
      }
    }
    return { open, suppressed };
  }

  /** How the policy suppresses a finding of the current texts, if it does. */
  private suppression(
    textOf: TextOf,
    findings: ReadonlyMap<string, readonly Finding[]>,
  ): (finding: Finding) => Suppression | undefined {
    const policy = this.options.policy;
    if (!policy) return () => undefined;
    const changes = this.changes.map((c) => ({ ...c, headText: textOf(c.file) }));
    const all = changes.flatMap((c) => findings.get(c.file) ?? []);
    return suppressedIn(policy({ risk: "none", findings: all }, changes));
  }

  /**
   * Writes and proves a fix. When the fixed text shows findings the first text hid (renaming
   * `[[migration]]` reveals the misspelt keys of its steps), the fixes of exactly those findings
   * are added to it, up to `depth` deep, and the whole chain is proven against the findings before.
   */
  evaluate(proposal: Proposal, textOf: TextOf, options: FixOptions, depth = 2): Verdict {
    const change = this.byName.get(proposal.file);
    const text = textOf(proposal.file);
    if (!change || text === null) return { status: "refused", reason: "the file is not there" };
    const format = configFormat(change.file);
    const after = applyOps(format, text, proposal.ops);
    if (after === null || after === text) {
      const reason = uneditable(format, text) ?? "this file's layout is one the fix cannot edit in place";
      return { status: "refused", reason };
    }
    const next: TextOf = (file) => (file === proposal.file ? after : textOf(file));
    const scope = this.scope(proposal.file, [text, after]);
    const fixed = this.findingsIn(next, scope);
    const proof = proveFix(
      { findings: this.findingsIn(textOf, scope) },
      { findings: fixed },
      proposal.targets,
      proposal.adds,
    );
    const verdict = judge(proposal, proof, options);
    if (verdict.status === "ok") return proven(verdict, after, scope, fixed, [proposal], proof);
    if (verdict.status !== "refused" || !verdict.added || depth === 0) return verdict;
    const blockers = new Set(verdict.added.map(signature));
    for (const follow of this.proposals(next, byFile(fixed), proposal.file).open) {
      if (!isProposal(follow)) continue;
      if (!follow.targets.every((t) => blockers.has(signature(t)))) continue;
      const rest = this.evaluate(
        follow,
        next,
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
      // The whole chain, on the files any of its texts reaches.
      const wide = this.scope(proposal.file, [text, after, rest.after]);
      const end = this.findingsIn((file) => (file === proposal.file ? rest.after : textOf(file)), wide);
      const all = proveFix(
        { findings: this.findingsIn(textOf, wide) },
        { findings: end },
        whole.targets,
        whole.adds,
      );
      const combined = judge(whole, all, options);
      return combined.status === "ok" ? proven(combined, rest.after, wide, end, chain, all) : combined;
    }
    return verdict;
  }
}

type Proof = ReturnType<typeof proveFix>;

/** An ok verdict with what it was proven on, so the same proof can be judged under other flags. */
function proven(
  verdict: Verdict & { status: "ok" },
  after: string,
  scope: readonly ConfigChange[],
  findings: readonly Finding[],
  chain: readonly Proposal[],
  proof: Proof,
): Verdict {
  return {
    ...verdict,
    after,
    judged: new Set(scope.map((c) => c.file)),
    findings: byFile(findings),
    chain,
    proof,
  };
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
  return {
    status: "ok",
    after: "",
    judged: new Set(),
    findings: new Map(),
    chain: [proposal],
    proposal,
    proof,
  };
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
    change.baseText === null || change.baseUnreadable
      ? null
      : parseConfigText(change.baseFile ?? change.file, change.baseText);
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
    // The base's text as written, when it is in the head's syntax (a config moved to another
    // format is compared with the old file: its values are written out instead).
    baseRaw: (path) =>
      baseConfig && change.baseText !== null && baseConfig.format === head.format
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

// The analyses a fix run proves its fixes on, kept per text of each file so no text is analysed
// twice: the whole report, the fixes the current findings call for (those the policy suppresses
// apart), and `evaluate`, which writes a fix, proves it, and chains the fixes its text reveals.
//
// A proof analyses the files whose findings the fix can change (the file it edits and the files
// joined to it through Worker names and `script_name`: analyze.ts `crossFileKeys`), computed
// from the files those findings depend on; every other file's findings are the first analysis's.
import {
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
import { configFormat, parseConfigText } from "../config/parse.ts";
import { readWorkers } from "../config/workers.ts";
import type { ConfigChange, Finding, ParsedConfig, Report, Suppression } from "../model.ts";
import { suppressedIn } from "../policy/policy-step.ts";
import { applyOps, rawValueText, uneditable } from "./document.ts";
import type { FixOptions, SuppressedFix } from "./fix-types.ts";
import { byFile, judge, proveFix, proven, signature, type TextOf, type Verdict } from "./proof.ts";
import { type FileState, isProposal, type NoProposal, type Proposal, proposalsFor } from "./proposals.ts";

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

export class Checker {
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

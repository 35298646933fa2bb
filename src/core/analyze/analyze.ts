// The analysis entry points: one config file at two revisions, or a whole repository's configs.
// Every (file, environment) is one deployed Worker, analysed on its own.
import { CATALOGUE, forUndeployedWorker, severityRank } from "../catalogue.ts";
import { configFormat, parseConfigText, releaseLocator } from "../config/parse.ts";
import { pathKey } from "../config/toml-locator.ts";
import { notDeployedAsWritten, readWorkers } from "../config/workers.ts";
import {
  alreadyAtBase,
  capitalised,
  type Draft,
  envLabel,
  INHERITED_REMARK,
  placeDraft,
  q,
  workerFinding,
} from "../diagnostics.ts";
import { deletesOfCreated } from "../lifecycle/engine.ts";
import { liveClasses, replayLifecycle } from "../lifecycle/replay.ts";
import type {
  ConfigChange,
  DurableObjectBinding,
  Finding,
  ParsedConfig,
  ParseResult,
  Report,
  Risk,
  Worker,
} from "../model.ts";
import { plannedWorker, planTargets, planWorker } from "../plan/live-plan.ts";
import { workerEntryPath } from "./code-exports.ts";
import { compareWorker, removedWorker } from "./compare-worker.ts";
import { pairConfigs } from "./config-files.ts";
import { exportsRepositoryFindings } from "./exports-rules.ts";

export interface AnalyzeOptions {
  /** Only these environments (`null` = the top level); all when absent. */
  readonly envs?: readonly (string | null)[] | null;
  /**
   * The export names of a Worker's entry module at the base revision (repository path), when the
   * caller read them: a last step creating a class the base code does not export never deployed.
   */
  readonly baseExportsOf?: (entryPath: string) => ReadonlySet<string> | undefined;
  /**
   * The Workers the repository's configs deploy at the base revision, by deployed name (see
   * `baseWorkerIndex`): a head target is compared with the base history of the Worker it deploys
   * to, wherever that history was declared. Without it, targets are paired by position only.
   */
  readonly baseWorkersNamed?: BaseWorkerIndex;
}

/** The base revision's Workers by the name they deploy to (placeholders and unnamed left out). */
export type BaseWorkerIndex = ReadonlyMap<string, readonly Worker[]>;

/**
 * A head target that deploys to a Worker another target deployed at the base revision: it is
 * compared with that Worker's history (`owner`), not with the one at its own place (`positional`).
 */
export interface Takeover {
  readonly head: Worker;
  readonly owner: Worker;
  readonly positional: Worker | null;
}

export interface FileAnalysis {
  readonly file: string;
  readonly findings: Finding[];
  /** The Workers the head revision deploys (empty when the head is missing or does not parse). */
  readonly headWorkers: readonly Worker[];
  /** The Workers of the base revision (empty when the base is missing or does not parse). */
  readonly baseWorkers?: readonly Worker[];
  /** Head targets compared with another target's base history (see Takeover). */
  readonly takeovers?: readonly Takeover[];
  /** See ConfigChange.onlyWithConfig: its targets deploy only when named with `--config`. */
  readonly onlyWithConfig?: boolean;
}

export function analyzeFile(change: ConfigChange, options: AnalyzeOptions = {}): FileAnalysis {
  const { file } = change;
  const { head, base, same } = readChange(change);
  const findings: Finding[] = [];
  const wanted = (env: string | null) => !options.envs || options.envs.includes(env);

  if (head && !head.ok) {
    // Pre-existing only when the text is the same: a changed text the check cannot read is judged unread.
    findings.push(parseErrorFinding(head, same && base !== null));
    return { file, findings, headWorkers: [] };
  }
  if (base && !base.ok) findings.push(parseErrorFinding(base, false, true));
  const baseConfig = base?.ok ? base : null;

  if (!head) {
    const removed = baseConfig ? readWorkers(baseConfig).workers : [];
    for (const worker of removed) {
      const draft = wanted(worker.env) ? removedWorker(worker, "file") : null;
      if (draft && baseConfig) findings.push(placed(draft, placement(baseConfig, worker.name, true), worker));
    }
    return { file, findings, headWorkers: [], baseWorkers: removed };
  }

  const headReading = workersOf(head);
  const baseReading = baseConfig ? workersOf(baseConfig) : null;
  // When the base does not parse, nothing can be said about what changed: compare head with itself.
  const baseWorkers = base && !base.ok ? headReading.workers : (baseReading?.workers ?? []);
  const baseByEnv = new Map(baseWorkers.map((w) => [w.env, w]));

  const known = new Set((baseReading?.drafts ?? []).map(draftKey));
  for (const draft of headReading.drafts) {
    if (!wanted(draft.env)) continue;
    // Said once, where the file changes: not again for every untouched v1 config of a repository.
    if (draft.kind === "legacy-wrangler-config" && same) continue;
    const worker = headReading.workers.find((w) => w.env === draft.env);
    findings.push(placeDraft(draft, placement(head, worker?.name ?? null, !known.has(draftKey(draft)))));
  }
  const takeovers: Takeover[] = [];
  const unreadBase = base && !base.ok ? base.file : null;
  const unreadDeletes: string[] = [];
  for (const worker of headReading.workers) {
    if (!wanted(worker.env)) continue;
    const positional = baseByEnv.get(worker.env) ?? null;
    // Judged against the history of the Worker it deploys to, wherever that was declared.
    const owner = deployedOnto(worker, positional, options.baseWorkersNamed);
    if (owner) takeovers.push({ head: worker, owner, positional });
    const base = owner ?? positional;
    const baseEntry = base && options.baseExportsOf ? workerEntryPath(base) : null;
    const baseExports = baseEntry ? (options.baseExportsOf?.(baseEntry) ?? null) : null;
    const boundElsewhere = base ? bindingsReaching(base, options.baseWorkersNamed) : undefined;
    for (const draft of compareWorker(base, worker, { baseExports, boundElsewhere })) {
      findings.push(placed(draft, placement(head, worker.name, true), worker));
    }
    const deletes = baseConfig === null && base === null ? newConfigDeletes(worker) : null;
    if (deletes) findings.push(placed(deletes, placement(head, worker.name, true), worker));
    if (unreadBase !== null) unreadDeletes.push(...unreadBaseDeletes(worker));
  }
  // What the base revision deployed cannot be read: the deletes of the head's history may
  // destroy objects on a Worker that has not run them, which only the live tag tells. The base's
  // DO001 says so, as an error (the base never deployed as written: not counted as data loss).
  if (unreadDeletes.length > 0) {
    const at = findings.findIndex((f) => f.kind === "parse-error" && f.file === unreadBase);
    const was = findings[at];
    if (was) {
      const list = [...new Set(unreadDeletes)].join(", ");
      findings[at] = {
        ...was,
        severity: "error",
        message: `${was.message} The head's history deletes ${list}: on a Worker that has not run that step yet, the next deploy destroys the class's objects and all its storage, irreversibly, and which steps deployed Workers have run cannot be told from a base that does not parse.`,
        fix: `${was.fix} The live plan (\`--live\`, a read-only token) reads each Worker's migration tag and settles it.`,
      };
    }
  }
  if (baseConfig && base?.ok) {
    const headEnvs = new Set(headReading.workers.map((w) => w.env));
    for (const worker of baseWorkers) {
      if (headEnvs.has(worker.env) || !wanted(worker.env)) continue;
      const draft = removedWorker(worker, "env");
      if (draft)
        findings.push(
          placed({ ...draft, line: head.locate(["env"]) }, placement(head, worker.name, true), worker),
        );
    }
  }
  return {
    file,
    findings,
    headWorkers: headReading.workers,
    baseWorkers: baseReading?.workers ?? [],
    ...(takeovers.length > 0 ? { takeovers } : {}),
    ...(change.onlyWithConfig ? { onlyWithConfig: true } : {}),
  };
}

/** The two sides of a config change, each parsed once (however often the change is analysed). */
function readChange(change: ConfigChange): {
  head: ParseResult | null;
  base: ParseResult | null;
  same: boolean;
} {
  const known = sidesRead.get(change);
  if (known) return known;
  const { file } = change;
  const head = readSide(file, change.headText, change.headUnreadable);
  const baseFile = change.baseFile ?? file;
  // A file the change leaves alone (most of a monorepo) is read once for both sides.
  const same =
    change.baseText === change.headText &&
    change.baseUnreadable === change.headUnreadable &&
    configFormat(baseFile) === configFormat(file);
  const base = same ? head : readSide(baseFile, change.baseText, change.baseUnreadable);
  const sides = { head, base, same };
  sidesRead.set(change, sides);
  return sides;
}
const sidesRead = new WeakMap<
  ConfigChange,
  { head: ParseResult | null; base: ParseResult | null; same: boolean }
>();

/** `readWorkers`, once per parsed config. */
function workersOf(config: ParsedConfig): ReturnType<typeof readWorkers> {
  let reading = workersRead.get(config);
  if (!reading) {
    reading = readWorkers(config);
    workersRead.set(config, reading);
    // Kept for the whole check: only what a finding needs is rebuilt (a few files, not all).
    releaseLocator(config);
  }
  return reading;
}
const workersRead = new WeakMap<ParsedConfig, ReturnType<typeof readWorkers>>();

/**
 * The Workers every config deploys at the base revision, by the name they deploy to. A Worker
 * without a name, or with a placeholder for one, is nobody's identity and is left out.
 */
export function baseWorkerIndex(changes: readonly ConfigChange[]): BaseWorkerIndex {
  const index = new Map<string, Worker[]>();
  for (const change of changes) {
    const { base } = readChange(change);
    if (!base?.ok) continue;
    for (const worker of workersOf(base).workers) {
      if (worker.name === null || worker.placeholderName) continue;
      const list = index.get(worker.name);
      if (list) list.push(worker);
      else index.set(worker.name, [worker]);
    }
  }
  return index;
}

/** Whether two targets deploy to the same Worker: the same name, in the same account when both say. */
function sameWorker(a: Worker, b: Worker): boolean {
  return (
    a.name !== null && a.name === b.name && !a.placeholderName && !b.placeholderName && sameAccount(a, b)
  );
}

/**
 * The base Worker a head target deploys to when that is not the one at its own place (a new env
 * named like another Worker, a name changed onto another Worker's, a second config deploying the
 * same Worker): the Worker's real history is the one declared there.
 */
function deployedOnto(
  head: Worker,
  positional: Worker | null,
  index: BaseWorkerIndex | undefined,
): Worker | null {
  if (!index || head.name === null || head.placeholderName) return null;
  if (positional && sameWorker(positional, head)) return null;
  const samePlace = (w: Worker) =>
    positional !== null && w.file === positional.file && w.env === positional.env;
  const owners = (index.get(head.name) ?? []).filter((w) => sameWorker(w, head) && !samePlace(w));
  // The same config first (an env named like its top level), then the others in path order.
  return owners.find((w) => w.file === head.file) ?? owners[0] ?? null;
}

/**
 * The bindings of the repository's other targets at the base revision that name a class of
 * `base` through `script_name`, by class name: a delete of that class is rejected while they are
 * live (10061), so the base's step that deletes it most likely never applied.
 */
function bindingsReaching(
  base: Worker,
  index: BaseWorkerIndex | undefined,
): Map<string, { binding: string; worker: string }> | undefined {
  if (!index || base.name === null || base.placeholderName) return undefined;
  const out = new Map<string, { binding: string; worker: string }>();
  for (const [other, b] of bindingsByScript(index).get(base.name) ?? []) {
    if (other === base || (other.file === base.file && other.env === base.env)) continue;
    if (other.name === base.name) continue;
    if (!out.has(b.className)) out.set(b.className, { binding: b.name, worker: other.name ?? other.file });
  }
  return out.size > 0 ? out : undefined;
}

/**
 * The index's `script_name` bindings by the script they name, in the index's order, built once
 * per index: a scan of every Worker for every head target grew with the square of the Workers.
 */
function bindingsByScript(index: BaseWorkerIndex): Map<string, [Worker, DurableObjectBinding][]> {
  let byScript = scriptBindings.get(index);
  if (byScript) return byScript;
  byScript = new Map();
  for (const workers of index.values()) {
    for (const other of workers) {
      for (const b of other.bindings) {
        if (b.scriptName === null) continue;
        const list = byScript.get(b.scriptName);
        if (list) list.push([other, b]);
        else byScript.set(b.scriptName, [[other, b]]);
      }
    }
  }
  scriptBindings.set(index, byScript);
  return byScript;
}
const scriptBindings = new WeakMap<BaseWorkerIndex, Map<string, [Worker, DurableObjectBinding][]>>();

/**
 * A new config whose history deletes a class it created: a Worker that is not deployed yet gets
 * every step in its first deploy, and the API rejects a delete of a class no earlier version
 * exported (10074); a Worker already deployed from a config this change does not show gets the
 * delete, unless it ran that step. Only the live state says which.
 */
function newConfigDeletes(worker: Worker): Draft | null {
  const lifecycle = worker.lifecycle;
  if (lifecycle.model !== "migrations") return null;
  const deleted = deletesOfCreated(lifecycle.steps);
  const first = deleted[0];
  if (!first) return null;
  const names = [...new Set(deleted.map((d) => d.className))];
  const tags = [...new Set(deleted.map((d) => d.tag))].map(q).join(", ");
  const name = q(worker.name ?? "this Worker");
  return {
    kind: "new-config-deletes",
    env: worker.env,
    classes: names,
    line: first.line,
    tag: first.tag,
    message: `${q(worker.file)} is new, and the migrations of ${envLabel(worker.env)}${lifecycle.inherited ? INHERITED_REMARK : ""} delete ${names.map(q).join(", ")} (${tags}). If ${name} is not deployed yet, its first deploy sends every step, and the API rejects the delete of a class no earlier version of the Worker exported (code 10074): the deploy fails. If ${name} is already deployed from a config this change does not show, its next deploy from this file deletes ${names.map(q).join(", ")} there, unless it has run ${tags} already.`,
    fix: `For a new Worker, write a history without the delete: create only the classes it uses. If this config takes over from another one, keep it in the same directory or give it the same Worker name, so that the check compares the two.`,
  };
}

/**
 * The deletes of a history whose base revision does not parse, as `Class` (`tag`): each delete
 * of a class an earlier step creates destroys it on a Worker that has not run that step yet.
 */
function unreadBaseDeletes(worker: Worker): string[] {
  if (worker.lifecycle.model !== "migrations") return [];
  return deletesOfCreated(worker.lifecycle.steps).map((d) => `${q(d.className)} (${q(d.tag)})`);
}

/** A draft placed for a Worker: what only matters once deployed is info where it is not deployed. */
function placed(draft: Draft, at: ReturnType<typeof placement>, worker: Worker): Finding {
  const finding = placeDraft(draft, at);
  const why = notDeployedAsWritten(worker);
  return why ? forUndeployedWorker(finding, why) : finding;
}

/** Analyses every config of a change together, adding what needs more than one file. */
export function analyzeRepository(changes: readonly ConfigChange[], options: AnalyzeOptions = {}): Report {
  const paired = pairConfigs(changes);
  return reportFor(analyzeFiles(paired.changes, options), paired.findings, options);
}

export function analyzeFiles(changes: readonly ConfigChange[], options: AnalyzeOptions = {}): FileAnalysis[] {
  const withIndex = withBaseWorkerIndex(changes, options);
  return changes.map((change) => analyzeFile(change, withIndex));
}

/** The options with the base revision's Workers by name (see baseWorkerIndex), built once. */
export function withBaseWorkerIndex(
  changes: readonly ConfigChange[],
  options: AnalyzeOptions,
): AnalyzeOptions {
  return options.baseWorkersNamed ? options : { ...options, baseWorkersNamed: baseWorkerIndex(changes) };
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
  const workers = planTargets(analyses, options.envs ?? null).map((t) => plannedWorker(planWorker(t, null)));
  const report = { ...buildReport(repositoryFindings(analyses, extra)), workers };
  const notes = localOnlyNotes(analyses, report.findings);
  return notes.length > 0 ? { ...report, notes } : report;
}

/**
 * The findings of analysed files taken together (unsorted): each file's, the extra ones, and
 * those of the cross-file rules. The cross-file rules join files only through the names of
 * `crossFileKeys`: a file's findings here depend on its own analysis and on the analyses of the
 * files it shares such a name with, nothing else (the fix's proof relies on it, so a rule that
 * joins files another way must add its key there).
 */
export function repositoryFindings(
  analyses: readonly FileAnalysis[],
  extra: readonly Finding[] = [],
): Finding[] {
  const findings = [...analyses.flatMap((a) => a.findings), ...extra];
  const lookups = new AnalysisLookups(analyses);
  const cross = crossWorkerBindings(findings, analyses);
  // A delete another Worker still binds is not the plain one-shot case: DO105 names the cause.
  const blocked = new Set(cross.map((c) => c.blocks));
  // A removed binding whose class the code no longer exports is the 10064 of DO601: said once.
  const unexported = new Set(
    findings.filter((f) => f.kind === "class-not-exported").map((f) => placeKey(f.file, f.env, f.classes[0])),
  );
  // A Worker whose config was removed, while another target deploys it now: a move (DO504 says so).
  const kept = findings
    .filter(
      (f) =>
        !(f.kind === "env-removed" && movedTo(lookups, f)) &&
        !(f.kind === "delete-binding-removed" && blocked.has(deletionKey(f.worker, f.classes[0], f.tag))) &&
        !(f.kind === "binding-removed" && unexported.has(placeKey(f.file, f.env, f.classes[0]))),
    )
    .map((f) => (f.kind === "binding-retargeted" ? checkRetargetTarget(f, lookups) : f));
  return exportsRepositoryFindings(
    incompleteFixes([...kept, ...cross.map((c) => c.finding), ...identityFindings(analyses)], lookups),
    analyses,
  );
}

/**
 * A class the code no longer exports that another target of the same code (the same entry
 * module, or a config in the same directory) still has: its deploy failing with 10064 (or 10070)
 * was already so at the base revision, but when this change deletes that very class in one
 * target, the failure of the other is news: the fix is incomplete. Reported as introduced, at
 * the finding's own severity.
 */
function incompleteFixes(findings: readonly Finding[], lookups: AnalysisLookups): Finding[] {
  const deletions = findings.filter((f) => f.kind === "class-deleted" && f.introduced);
  if (deletions.length === 0) return [...findings];
  const workerAt = (file: string, env: string | null) =>
    lookups.analysisOf(file)?.headWorkers.find((w) => w.env === env) ?? null;
  const sameCode = (a: Worker, b: Worker) => {
    const [ea, eb] = [workerEntryPath(a), workerEntryPath(b)];
    return (ea !== null && ea === eb) || (a.file !== b.file && dirOf(a.file) === dirOf(b.file));
  };
  return findings.map((f) => {
    if (f.introduced || (f.kind !== "class-not-exported" && f.kind !== "created-class-not-exported"))
      return f;
    const target = workerAt(f.file, f.env);
    if (!target || notDeployedAsWritten(target)) return f;
    const className = f.classes[0];
    const deletion = deletions.find((d) => {
      if (!d.classes.includes(className ?? "") || (d.file === f.file && d.env === f.env)) return false;
      const deleting = workerAt(d.file, d.env);
      return deleting !== null && sameCode(deleting, target);
    });
    if (!deletion) return f;
    const deleting = workerAt(deletion.file, deletion.env)!;
    const prefix = "Already at the base revision: ";
    const said = f.message.startsWith(prefix) ? f.message.slice(prefix.length) : f.message;
    return {
      ...f,
      severity: CATALOGUE[f.kind].severity,
      introduced: true,
      message: `This change deletes ${q(className)} in ${targetLabel(deleting, false)}${deletion.tag ? ` (migration ${q(deletion.tag)})` : ""}, but ${targetLabel(target, false)} deploys the same code and still has ${q(className)}, so the fix is incomplete. ${said}`,
      fix: `Delete ${q(className)} in ${targetLabel(target, false)} as well (bindings removed first, then the delete: two deploys), or keep exporting ${q(className)} (a stub class is enough) until every config of this code has deleted it.`,
    };
  });
}

/**
 * Targets judged by the Worker they deploy to: two targets of the head that deploy the same
 * Worker (DO505: each deploy replaces the other's code, bindings and history), and a target that
 * takes over a Worker another config deployed at the base revision (DO504).
 */
function identityFindings(analyses: readonly FileAnalysis[]): Finding[] {
  const out: Finding[] = [];
  const byName = (side: "head" | "base") => {
    const groups = new Map<string, { file: string; worker: Worker }[]>();
    for (const analysis of analyses) {
      // A config wrangler reads only with `--config` is an alternative to its directory's, not a
      // second deploy of the same Worker.
      if (analysis.onlyWithConfig) continue;
      const workers = side === "head" ? analysis.headWorkers : (analysis.baseWorkers ?? []);
      for (const worker of workers) {
        if (worker.name === null || worker.placeholderName) continue;
        const group = groups.get(worker.name);
        const entry = { file: analysis.file, worker };
        if (group) group.push(entry);
        else groups.set(worker.name, [entry]);
      }
    }
    return groups;
  };
  const at = (file: string, env: string | null) => `${file}\u0000${env}`;
  const baseGroups = byName("base");
  const twice = new Set<string>();
  for (const [name, group] of byName("head")) {
    if (group.length < 2) continue;
    const [first, ...others] = group;
    const before = new Set((baseGroups.get(name) ?? []).map((g) => at(g.file, g.worker.env)));
    for (const other of others) {
      if (!sameAccount(first!.worker, other.worker)) continue;
      // Two configs of one directory are alternatives (wrangler reads one of them; DO007, DO011).
      if (other.file !== first!.file && dirOf(other.file) === dirOf(first!.file)) continue;
      twice.add(at(other.file, other.worker.env));
      twice.add(at(first!.file, first!.worker.env));
      const preExisting =
        before.has(at(first!.file, first!.worker.env)) && before.has(at(other.file, other.worker.env));
      const finding = identityFinding("worker-deployed-twice", other.worker, {
        message: `${targetLabel(other.worker)} deploys to Worker ${q(name)}, and so does ${targetLabel(first!.worker, false)}: each deploy replaces the other's code and bindings, and sends its own migrations against the migration tag the other left. A class one of them deletes, or does not export, is destroyed or rejected there for both.`,
        fix: `Give each target its own \`name\`${other.worker.env === null ? "" : ` (e.g. \`${name}-${other.worker.env}\` for ${envLabel(other.worker.env)})`}, or deploy ${q(name)} from one config only.`,
      });
      out.push(preExisting ? alreadyAtBase(finding) : finding);
    }
  }
  for (const analysis of analyses) {
    for (const { head, owner, positional } of analysis.takeovers ?? []) {
      // Still deployed from its own place too: that is DO505, said above.
      if (twice.has(at(analysis.file, head.env))) continue;
      const left =
        positional?.name && positional.name !== head.name
          ? ` Worker ${q(positional.name)}, deployed from here at the base revision, keeps its objects, no longer managed by this config.`
          : "";
      out.push(
        identityFinding("worker-name-taken", head, {
          message: `${targetLabel(head)} now deploys to Worker ${q(head.name)}, which ${targetLabel(owner, false)} deployed at the base revision: the next deploy from here sends this config's migrations and bindings to that Worker, so this change is checked against the history declared there.${left}`,
          fix: `If ${q(head.name)} is meant to be deployed from here now, nothing to do: the findings of this Worker compare the two histories. Otherwise restore the name${positional?.name ? ` ${q(positional.name)}` : ""}.`,
        }),
      );
    }
  }
  return out;
}

function dirOf(file: string): string {
  const slash = file.lastIndexOf("/");
  return slash < 0 ? "" : file.slice(0, slash);
}

function sameAccount(a: Worker, b: Worker): boolean {
  return a.accountId === undefined || b.accountId === undefined || a.accountId === b.accountId;
}

function targetLabel(worker: Worker, start = true): string {
  const what = worker.env === null ? "the top level" : envLabel(worker.env);
  return `${start ? capitalised(what) : what} of ${q(worker.file)}`;
}

function identityFinding(
  kind: "worker-deployed-twice" | "worker-name-taken",
  worker: Worker,
  text: { message: string; fix: string },
): Finding {
  return workerFinding(worker, kind, { classes: [], line: worker.nameLine ?? worker.envLine }, text);
}

/** Whether a removed Worker is deployed from another place at head (a takeover of its name). */
function movedTo(lookups: AnalysisLookups, removed: Finding): boolean {
  return lookups.takenOver().has(JSON.stringify([removed.worker, removed.env]));
}

/**
 * What the per-finding rules look up in the analyses, each built once on first use: a scan of
 * every analysis for every finding grew with the square of the configs.
 */
class AnalysisLookups {
  private owners: Set<string> | null = null;
  private files: Map<string, FileAnalysis> | null = null;
  private names: Map<string | null, Worker> | null = null;
  private readonly analyses: readonly FileAnalysis[];
  constructor(analyses: readonly FileAnalysis[]) {
    this.analyses = analyses;
  }
  /** The base Workers some head target takes over, as JSON of [name, env]. */
  takenOver(): Set<string> {
    this.owners ??= new Set(
      this.analyses.flatMap((a) =>
        (a.takeovers ?? []).map((t) => JSON.stringify([t.owner.name, t.owner.env])),
      ),
    );
    return this.owners;
  }
  /** The first analysis of a file. */
  analysisOf(file: string): FileAnalysis | undefined {
    if (!this.files) {
      this.files = new Map();
      for (const a of this.analyses) if (!this.files.has(a.file)) this.files.set(a.file, a);
    }
    return this.files.get(file);
  }
  /** The first head Worker of that name, in the analyses' order. */
  headWorkerNamed(name: string): Worker | undefined {
    if (!this.names) {
      this.names = new Map();
      for (const a of this.analyses)
        for (const w of a.headWorkers) if (!this.names.has(w.name)) this.names.set(w.name, w);
    }
    return this.names.get(name);
  }
}

/** The names that join a config file to others in the cross-file rules (see `repositoryFindings`). */
export interface CrossFileKeys {
  /** The Worker names the file defines, at either revision. */
  readonly names: readonly string[];
  /** The Workers its bindings reach through `script_name`, at either revision. */
  readonly reaches: readonly string[];
}

/**
 * Two files are joined when one defines a Worker name the other defines too or reaches through
 * `script_name` (another Worker's binding to a deleted class: DO105; a binding retargeted to it),
 * or when they deploy the same code (an entry module, or configs of one directory: DO601 of an
 * incomplete fix).
 */
export function crossFileKeys(analysis: FileAnalysis): CrossFileKeys {
  const names = new Set<string>();
  const reaches = new Set<string>();
  // The code a target deploys joins it to the other targets of that code (incompleteFixes): an
  // entry module, and the directory of the config, as keys no Worker name can be.
  names.add(`\u0000dir:${dirOf(analysis.file)}`);
  for (const worker of [...analysis.headWorkers, ...(analysis.baseWorkers ?? [])]) {
    const entry = workerEntryPath(worker);
    if (entry !== null) names.add(`\u0000main:${entry}`);
    if (worker.name !== null) names.add(worker.name);
    for (const binding of worker.bindings) if (binding.scriptName) reaches.add(binding.scriptName);
  }
  return { names: [...names], reaches: [...reaches] };
}

function placeKey(file: string, env: string | null, className: string | undefined): string {
  return [file, env, className].join("\u0000");
}

function deletionKey(worker: string | null, className: string | undefined, tag: string | null): string {
  return [worker, className, tag].join("\u0000");
}

/**
 * A binding retargeted to another Worker's class: when that Worker's config is in the repository
 * and has no live class of that name, the deploy is rejected (10061), which is an error.
 */
function checkRetargetTarget(finding: Finding, lookups: AnalysisLookups): Finding {
  const className = finding.classes[1];
  const own = lookups.analysisOf(finding.file)?.headWorkers.find((w) => w.env === finding.env);
  const binding = own?.bindings.find((b) => b.line === finding.line && b.className === className);
  if (!binding?.scriptName || !finding.introduced) return finding;
  const target = lookups.headWorkerNamed(binding.scriptName);
  if (!target) return finding;
  if (liveClasses(replayLifecycle(target.lifecycle).classes).has(binding.className)) {
    return {
      ...finding,
      message: `${finding.message} ${q(target.name)} (${q(target.file)}) does create ${q(binding.className)}.`,
    };
  }
  return {
    ...finding,
    severity: "error",
    message: `${finding.message} ${q(target.name)} is configured in ${q(target.file)}, and no migration there creates ${q(binding.className)}: the deploy is rejected (code 10061).`,
  };
}

/**
 * One note for the top levels that look like they are only used by `wrangler dev` (a `-dev`
 * name, placeholder resource ids, no name at all) when they carry findings: most multi-env
 * repositories never deploy them, and the `environments` input leaves them out.
 */
function localOnlyNotes(analyses: readonly FileAnalysis[], findings: readonly Finding[]): string[] {
  const listed: string[] = [];
  const envs = new Set<string>();
  for (const analysis of analyses) {
    const top = analysis.headWorkers.find((w) => w.env === null);
    if (!top || analysis.headWorkers.length < 2) continue;
    const signs = top.name === null ? ["no `name`"] : (top.localOnlySigns ?? []);
    if (signs.length === 0) continue;
    const concerned = findings.some(
      (f) => f.file === analysis.file && f.env === null && f.introduced && severityRank(f.severity) >= 1,
    );
    if (!concerned) continue;
    listed.push(`${q(analysis.file)} (${signs.join(", ")})`);
    for (const w of analysis.headWorkers) if (w.env !== null) envs.add(w.env);
  }
  if (listed.length === 0) return [];
  const shown = listed.length > 3 ? [...listed.slice(0, 3), `and ${listed.length - 3} more`] : listed;
  const example = [...envs].slice(0, 3).join(", ");
  return [
    `The top level of ${shown.join("; ")} looks local-only (for \`wrangler dev\`); its findings only matter if it is deployed. If it never is, list the environments you deploy in the \`environments\` input (CLI: \`--env NAME\`)${example ? `, e.g. \`${example}\`` : ""}.`,
  ];
}

/**
 * Another Worker in the repository that binds a class being deleted blocks the delete (10061).
 * Each finding comes with the key of the deletion it blocks.
 */
function crossWorkerBindings(
  findings: readonly Finding[],
  analyses: readonly FileAnalysis[],
): { finding: Finding; blocks: string }[] {
  const out: { finding: Finding; blocks: string }[] = [];
  const entry = CATALOGUE["cross-worker-binding"];
  const blocking = (deletion: Finding, other: Worker, binding: DurableObjectBinding, dropped: boolean) => {
    const why = notDeployedAsWritten(other);
    const finding: Finding = {
      code: entry.code,
      kind: "cross-worker-binding",
      severity: entry.severity,
      dataLoss: false,
      classes: [binding.className],
      worker: other.name,
      env: other.env,
      file: other.file,
      line: dropped ? (other.bindingsLine ?? other.envLine) : binding.line,
      tag: deletion.tag,
      message: dropped
        ? `Worker ${q(other.name ?? other.file)} drops its binding ${q(binding.name)} to ${q(binding.className)} of ${q(deletion.worker)} (\`script_name\`) in the same change that deletes the class in ${q(deletion.file)}, but the live binding stays until ${q(other.name ?? other.file)} has deployed without it: the delete is rejected (code 10061) if it deploys first or at the same time.`
        : `Worker ${q(other.name ?? other.file)} still binds ${q(binding.className)} of ${q(deletion.worker)} through \`script_name\` (binding ${q(binding.name)}): the delete in ${q(deletion.file)} is rejected (code 10061) until this binding is removed and deployed.`,
      fix: dropped
        ? `Deploy ${q(other.name ?? other.file)} without the binding first (phase 1), then deploy the delete, for example from a later pull request.`
        : `Remove binding ${q(binding.name)} from ${q(other.file)} and deploy that Worker first (phase 1), then deploy the delete.`,
      introduced: true,
    };
    out.push({
      finding: why ? forUndeployedWorker(finding, why) : finding,
      blocks: deletionKey(deletion.worker, binding.className, deletion.tag),
    });
  };
  const bindsIt = (deletion: Finding, b: DurableObjectBinding) =>
    b.scriptName === deletion.worker && deletion.classes.includes(b.className);
  // The script_name bindings by the script they name, in the order of a walk of every analysis
  // (its head Workers, then its base Workers): one walk, not one per deletion.
  const byScript = new Map<string, { analysis: FileAnalysis; worker: Worker; atHead: boolean }[]>();
  for (const analysis of analyses) {
    for (const [workers, atHead] of [
      [analysis.headWorkers, true],
      [analysis.baseWorkers ?? [], false],
    ] as const) {
      for (const worker of workers) {
        for (const script of new Set(worker.bindings.map((b) => b.scriptName))) {
          if (script === null) continue;
          const list = byScript.get(script);
          if (list) list.push({ analysis, worker, atHead });
          else byScript.set(script, [{ analysis, worker, atHead }]);
        }
      }
    }
  }
  for (const deletion of findings.filter((f) => f.kind === "class-deleted" && f.worker)) {
    for (const { analysis, worker, atHead } of byScript.get(deletion.worker ?? "") ?? []) {
      if (worker.name === deletion.worker) continue;
      if (atHead) {
        for (const binding of worker.bindings.filter((b) => bindsIt(deletion, b))) {
          blocking(deletion, worker, binding, false);
        }
        continue;
      }
      // Case (c) in one pull request: another Worker's binding removed in the same change is still
      // live until that Worker deploys (cloudflare/mcp-server-cloudflare#384).
      const was = worker;
      const now = analysis.headWorkers.find((w) => w.env === was.env);
      for (const binding of was.bindings.filter((b) => bindsIt(deletion, b))) {
        const kept = now?.bindings.some((b) => b.name === binding.name && bindsIt(deletion, b));
        if (!kept && now) blocking(deletion, now, binding, true);
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
      : // Fail closed: wrangler's parser may read what this one cannot (config/parse.ts).
        `${q(failure.file)} cannot be read by this check: it does not parse as ${failure.format === "toml" ? "TOML" : "JSON/JSONC"} (${failure.message}${where}). If wrangler refuses it too, nothing deploys; if wrangler reads it, this check cannot vouch for what the deploy does to Durable Objects.`,
    fix: failure.message.startsWith("the file is a Git LFS pointer")
      ? "Keep wrangler configs out of Git LFS (remove their pattern from `.gitattributes` and commit the real file)."
      : "Fix the syntax at that position (wrangler reads TOML with smol-toml and JSON/JSONC with comments and trailing commas allowed).",
    introduced: !preExisting,
  };
}

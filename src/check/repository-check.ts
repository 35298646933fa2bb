// The check's analysis of a repository change: the configs (core), then the code of the Workers
// the change touches, read through the change's source readers (the RepositoryChange port): the
// entry modules at the head, and at the base where a finding depends on what the base code was.
import { posix } from "node:path";
import {
  type AnalyzeOptions,
  analyzeFile,
  analyzeFiles,
  type FileAnalysis,
  reportFor,
  withBaseWorkerIndex,
} from "../core/analyze/analyze.ts";
import { codeFindings, settleRetirements, workerEntryPath } from "../core/analyze/code-exports.ts";
import type { SourceReader, WorkerExports } from "../core/code/worker-exports.ts";
import { alreadyAtBase } from "../core/diagnostics.ts";
import type { Finding, Report } from "../core/model.ts";
import type { RepositoryChange } from "./ports.ts";

export interface RepositoryAnalysis {
  readonly report: Report;
  /** Each config's analysis (its Workers at both revisions), for the live plan. */
  readonly analyses: readonly FileAnalysis[];
  /** The export names of the entry modules read (those of the Workers the change touches), by path. */
  readonly codeExports: ReadonlyMap<string, WorkerExports>;
}

/** Analyses a repository change: the configs, then the code of the Workers the change touches. */
export async function analyzeRepositoryChange(
  repo: RepositoryChange,
  options: AnalyzeOptions = {},
): Promise<RepositoryAnalysis> {
  // The base revision's entry modules, each parsed once for both uses below.
  const baseExports = repo.readBaseSource ? memoisedExports(repo.readBaseSource) : null;
  // Built once: the re-analysis with the base code judges each target by the same Worker.
  const indexed = withBaseWorkerIndex(repo.changes, options);
  const analyses = await withBaseCode(repo, analyzeFiles(repo.changes, indexed), indexed, baseExports);
  // The directories holding a changed file other than Markdown: a Worker's code changed when its
  // config's directory is one of them (one lookup per Worker, not a scan of every changed path).
  const changedDirs = new Set<string>();
  for (const path of repo.changed) {
    if (path.endsWith(".md")) continue;
    changedDirs.add(".");
    for (let slash = path.indexOf("/"); slash !== -1; slash = path.indexOf("/", slash + 1)) {
      changedDirs.add(path.slice(0, slash));
    }
  }
  const entries = new Set<string>();
  for (const analysis of analyses) {
    const touched = analysis.findings.some((f) => f.introduced);
    for (const worker of analysis.headWorkers) {
      const entry = workerEntryPath(worker);
      if (!entry) continue;
      const codeChanged = changedDirs.has(posix.dirname(worker.file));
      if (touched || codeChanged) entries.add(entry);
    }
  }
  const resolved = await resolveEntries(repo, entries);
  const code = codeFindings(analyses, (entry) => resolved.get(entry));
  const settled = analyses.map((a) => settleRetirements(a, (entry) => resolved.get(entry)));
  const report = reportFor(
    settled,
    [...repo.selection, ...(await settleAgainstBaseCode(baseExports, analyses, code))],
    options,
  );
  return { report, analyses, codeExports: resolved };
}

/**
 * A class the entry module does not export is this change's problem only if the base revision
 * did not already have it: the code check is run on the base revision's Workers and code too
 * (only when the head has such a finding, so only then is the base code read), and a finding
 * the base had as well (same config, environment and class) is reported as already there.
 */
async function settleAgainstBaseCode(
  exportsAtBase: ExportsOf | null,
  analyses: readonly FileAnalysis[],
  findings: readonly Finding[],
): Promise<Finding[]> {
  const unexported = (f: Finding) =>
    f.kind === "class-not-exported" || f.kind === "created-class-not-exported";
  const candidates = new Set(findings.filter((f) => unexported(f) && f.introduced));
  if (!exportsAtBase || candidates.size === 0) return [...findings];
  const files = new Set([...candidates].map((f) => f.file));
  const atBase: FileAnalysis[] = analyses
    .filter((a) => files.has(a.file) && (a.baseWorkers?.length ?? 0) > 0)
    .map((a) => ({ file: a.file, findings: [], headWorkers: a.baseWorkers ?? [] }));
  const entries = new Set(atBase.flatMap((a) => a.headWorkers.flatMap((w) => workerEntryPath(w) ?? [])));
  const baseExports = await exportsAtBase(entries);
  const key = (file: string, env: string | null, className: string) =>
    `${file}\u0000${env}\u0000${className}`;
  // A config read against another file at base (moved, shadowed): its base Workers are that file's.
  const headFileOf = new Map(
    analyses.flatMap((a) => (a.baseWorkers ?? []).map((w): [string, string] => [w.file, a.file])),
  );
  const hadIt = new Set(
    codeFindings(atBase, (entry) => baseExports.get(entry))
      .filter(unexported)
      .flatMap((f) => f.classes.map((c) => key(headFileOf.get(f.file) ?? f.file, f.env, c))),
  );
  return findings.map((f) =>
    candidates.has(f) && f.classes.every((c) => hadIt.has(key(f.file, f.env, c))) ? alreadyAtBase(f) : f,
  );
}

/** The export names of Workers' entry modules at the head revision (the source parser on demand). */
export async function resolveEntries(
  repo: RepositoryChange,
  entries: ReadonlySet<string>,
): Promise<Map<string, WorkerExports>> {
  return exportsAt(repo.readHeadSource, entries);
}

type ExportsOf = (entries: ReadonlySet<string>) => Promise<Map<string, WorkerExports>>;

/** `exportsAt` over one reader, each entry module parsed at most once. */
function memoisedExports(read: SourceReader): ExportsOf {
  const known = new Map<string, WorkerExports>();
  return async (entries) => {
    const missing = new Set([...entries].filter((entry) => !known.has(entry)));
    for (const [entry, exports] of await exportsAt(read, missing)) known.set(entry, exports);
    return new Map([...entries].map((entry) => [entry, known.get(entry) as WorkerExports]));
  };
}

/** The export names of entry modules read through `read` (the source parser loaded on demand). */
async function exportsAt(
  read: SourceReader,
  entries: ReadonlySet<string>,
): Promise<Map<string, WorkerExports>> {
  const resolved = new Map<string, WorkerExports>();
  if (entries.size === 0) return resolved;
  // The source parser is large: load it only when some Worker's code is to be read.
  const { resolveWorkerExports } = await import("../core/code/worker-exports.ts");
  await Promise.all(
    [...entries].map(async (entry) => {
      resolved.set(entry, await resolveWorkerExports(entry, safeReader(read)));
    }),
  );
  return resolved;
}

/**
 * A history edit or removal is an error only while the step may have applied. When one is
 * reported, the base revision's code of that Worker is read: a last step creating a class that
 * code does not export never deployed (10070), and the file is analysed again knowing it.
 */
async function withBaseCode(
  repo: RepositoryChange,
  analyses: FileAnalysis[],
  options: AnalyzeOptions,
  exportsAtBase: ExportsOf | null,
): Promise<FileAnalysis[]> {
  if (!exportsAtBase) return analyses;
  const historyError = (f: Finding) =>
    (f.kind === "history-edited" || f.kind === "history-removed") && f.introduced && f.severity === "error";
  const concerned = analyses.filter((a) => a.findings.some(historyError));
  if (concerned.length === 0) return analyses;
  const entries = new Set(
    concerned.flatMap((a) => (a.baseWorkers ?? []).flatMap((w) => workerEntryPath(w) ?? [])),
  );
  if (entries.size === 0) return analyses;
  const names = new Map<string, ReadonlySet<string>>();
  for (const [entry, exports] of await exportsAtBase(entries)) {
    if (exports.status === "known") names.set(entry, exports.names);
  }
  if (names.size === 0) return analyses;
  const again = { ...options, baseExportsOf: (entry: string) => names.get(entry) };
  return analyses.map((analysis, i) =>
    concerned.includes(analysis) ? analyzeFile(repo.changes[i]!, again) : analysis,
  );
}

/** A refused path (outside the repository, too large) reads as an unreadable file, not a crash. */
function safeReader(read: SourceReader): SourceReader {
  return async (path) => {
    try {
      return await read(path);
    } catch (error) {
      throw new Error(`cannot read ${path}: ${(error as Error).message}`);
    }
  };
}

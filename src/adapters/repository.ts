// A repository's wrangler configs at two revisions, read with git as data (nothing from the
// change is ever run), and the analysis over them including the code-aware checks.
import { statSync } from "node:fs";
import { posix, relative, resolve, sep } from "node:path";
import { type AnalyzeOptions, analyzeFiles, reportFor } from "../core/analyze/analyze.ts";
import { codeFindings, workerEntryPath } from "../core/analyze/code-exports.ts";
import type { SourceReader, WorkerExports } from "../core/code/worker-exports.ts";
import { selectConfigPaths } from "../core/discover.ts";
import type { ConfigChange, Report } from "../core/model.ts";
import {
  changedPaths,
  GitFileReader,
  isGitRepo,
  listFilesAtRev,
  listWorkingTreeFiles,
  MissingRevisionError,
  mergeBase,
  resolveRev,
  showToplevel,
} from "./git.ts";
import { createSourceReader } from "./source-files.ts";
import { UsageError } from "./usage-error.ts";

export interface RepositoryRevisions {
  readonly cwd: string;
  /** Base revision; null = the CLI's default (merge base with the upstream, else HEAD~1). */
  readonly base: string | null;
  /** Head revision; null = the working tree. */
  readonly head: string | null;
  /** Paths, directories or globs (relative to cwd); empty = every wrangler config. */
  readonly paths: readonly string[];
  /**
   * Reads a file at the base revision another way (the GitHub contents API) when the base commit
   * is not in the clone. Configs deleted by the change cannot be listed then.
   */
  readonly baseFallback?: (path: string) => Promise<string | null>;
}

export interface RepositoryChange {
  readonly root: string;
  readonly baseRev: string | null;
  readonly headRev: string | null;
  readonly changes: ConfigChange[];
  /** Repository paths that differ between the revisions (for the code-aware checks). */
  readonly changed: ReadonlySet<string>;
  /** Reads source files at the head revision (repository-relative paths). */
  readonly readHeadSource: SourceReader;
  close(): Promise<void>;
}

export async function readRepositoryChange(options: RepositoryRevisions): Promise<RepositoryChange> {
  if (!(await isGitRepo(options.cwd))) {
    throw new UsageError(
      `${options.cwd} is not in a git repository (check needs one; use diff for two files)`,
    );
  }
  const root = await showToplevel(options.cwd);
  if (!root) throw new UsageError(`${options.cwd} has no git work tree`);
  const headRev = options.head === null ? null : await mustResolve(root, options.head, "--head");
  const fallback = Boolean(
    options.base !== null && options.baseFallback && !(await resolveRev(root, options.base)),
  );
  const baseRev = fallback
    ? null
    : options.base === null
      ? await defaultBase(root)
      : await mustResolve(root, options.base, "--base");
  const patterns = options.paths.map((p) => toRepoPattern(root, options.cwd, p));

  const reader = new GitFileReader(root);
  try {
    const headPaths =
      headRev === null
        ? await listWorkingTreeFiles(root, () => true)
        : await listFilesAtRev(root, headRev, () => true);
    const basePaths = fallback
      ? headPaths
      : baseRev === null
        ? []
        : await listFilesAtRev(root, baseRev, () => true);
    const selected = [
      ...new Set([...selectConfigPaths(headPaths, patterns), ...selectConfigPaths(basePaths, patterns)]),
    ].sort();
    const headSet = new Set(headPaths);
    const baseSet = new Set(basePaths);
    const readHeadSource: SourceReader =
      headRev === null
        ? createSourceReader(root)
        : async (path) => (headSet.has(path) ? ((await reader.read(headRev, path)).content ?? null) : null);
    const changes = await Promise.all(
      selected.map(async (file): Promise<ConfigChange> => {
        const [baseText, headText] = await Promise.all([
          fallback && options.baseFallback
            ? options.baseFallback(file)
            : baseRev !== null && baseSet.has(file)
              ? reader.read(baseRev, file).then((f) => f.content)
              : null,
          headSet.has(file) ? readHeadSource(file) : null,
        ]);
        return { file, baseText, headText };
      }),
    );
    const changed = new Set(baseRev === null ? headPaths : await changedPaths(root, baseRev, headRev));
    return { root, baseRev, headRev, changes, changed, readHeadSource, close: () => reader.close() };
  } catch (error) {
    await reader.close();
    if (error instanceof MissingRevisionError) {
      throw new UsageError(
        `revision ${error.rev} is not in this repository (a shallow clone? fetch it first)`,
      );
    }
    throw error;
  }
}

/** Analyses a repository change: the configs, then the code of the Workers the change touches. */
export async function analyzeRepositoryChange(
  repo: RepositoryChange,
  options: AnalyzeOptions = {},
): Promise<Report> {
  const analyses = analyzeFiles(repo.changes, options);
  const entries = new Set<string>();
  for (const analysis of analyses) {
    const touched = analysis.findings.some((f) => f.introduced);
    for (const worker of analysis.headWorkers) {
      const entry = workerEntryPath(worker);
      if (!entry) continue;
      const dir = posix.dirname(worker.file);
      const codeChanged = [...repo.changed].some(
        (p) => (dir === "." || p.startsWith(`${dir}/`)) && !p.endsWith(".md"),
      );
      if (touched || codeChanged) entries.add(entry);
    }
  }
  const resolved = new Map<string, WorkerExports>();
  // The source parser is large: load it only when some Worker's code is to be read.
  const { resolveWorkerExports } = entries.size ? await import("../core/code/worker-exports.ts") : { resolveWorkerExports: null };
  await Promise.all(
    [...entries].map(async (entry) => {
      if (resolveWorkerExports) resolved.set(entry, await resolveWorkerExports(entry, safeReader(repo.readHeadSource)));
    }),
  );
  return reportFor(
    analyses,
    codeFindings(analyses, (entry) => resolved.get(entry)),
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

async function mustResolve(root: string, rev: string, flag: string): Promise<string> {
  const sha = await resolveRev(root, rev);
  if (!sha) throw new UsageError(`${flag} ${JSON.stringify(rev)} is not a revision in this repository`);
  return sha;
}

async function defaultBase(root: string): Promise<string | null> {
  for (const upstream of ["@{upstream}", "origin/HEAD", "origin/main", "origin/master"]) {
    const sha = await resolveRev(root, upstream);
    if (sha) {
      const base = await mergeBase(root, sha, "HEAD");
      if (base) return base;
    }
  }
  return (await resolveRev(root, "HEAD~1")) ?? (await resolveRev(root, "HEAD"));
}

/** A path argument relative to cwd, as a repository-relative pattern (a directory means its configs). */
function toRepoPattern(root: string, cwd: string, path: string): string {
  const absolute = resolve(cwd, path);
  const rel = relative(root, absolute).split(sep).join("/");
  if (rel.startsWith("..")) throw new UsageError(`${path} is outside the repository`);
  if (/[*?]/.test(path)) return rel;
  try {
    if (statSync(absolute).isDirectory()) return rel === "" ? "**/wrangler*.*" : `${rel}/**/wrangler*.*`;
  } catch {
    // Not in the working tree (deleted at head, or only at a revision): a plain path.
  }
  return rel;
}

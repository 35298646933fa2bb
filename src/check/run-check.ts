// The check use case, shared by the CLI (`do-migrate check`) and the action (`mode: check`): read
// a repository's wrangler configs at two revisions as data, analyse them (configs, then the code
// of the Workers the change touches) and return the report. Each later step of the check (the
// policy, the live state) is one more call here, so both entry points get it the same way.
// The fix use case (`do-migrate fix`, the pull request's suggestions) reads the same way.
import { posix } from "node:path";
import {
  analyzeRepositoryChange,
  type RepositoryChange,
  type RepositoryRevisions,
  readRepositoryChange,
  resolveEntries,
} from "../adapters/repository.ts";
import { UsageError } from "../adapters/usage-error.ts";
import { type AnalyzeOptions, analyzeFiles } from "../core/analyze/analyze.ts";
import { workerEntryPath } from "../core/analyze/code-exports.ts";
import type { FixOffer, FixOptions, FixResult } from "../core/fix/fix.ts";
import type { ConfigChange, Report } from "../core/model.ts";

export interface CheckRequest extends RepositoryRevisions {
  readonly analyze?: AnalyzeOptions;
  /** Paths given on purpose (CLI arguments): matching no config is an error. */
  readonly pathsMustMatch?: boolean;
  /** Also work out the proven fixes of the head revision (the pull request's suggestions). */
  readonly offers?: { readonly today: string } | null;
}

export interface CheckResult {
  readonly report: Report;
  /** How many config files were read (at either revision). */
  readonly configCount: number;
  /** The proven fixes, when asked for. */
  readonly offers?: readonly FixOffer[];
}

export async function runCheck(request: CheckRequest): Promise<CheckResult> {
  const repo = await readRepositoryChange(request);
  try {
    mustMatch(request, repo);
    const report = await analyzeRepositoryChange(repo, request.analyze ?? {});
    if (!request.offers) return { report, configCount: repo.changes.length };
    const { offerFixes } = await import("../core/fix/fix.ts");
    const options = await fixOptions(repo, request.analyze, { today: request.offers.today });
    return { report, configCount: repo.changes.length, offers: offerFixes(repo.changes, options) };
  } finally {
    await repo.close();
  }
}

export interface FixRequest extends RepositoryRevisions {
  readonly analyze?: AnalyzeOptions;
  readonly pathsMustMatch?: boolean;
  readonly today: string;
  readonly acceptDeletes: boolean;
  readonly acceptRenames: boolean;
}

export interface FixRun {
  /** The repository's top directory: the fixed files' paths are relative to it. */
  readonly root: string;
  readonly changes: readonly ConfigChange[];
  readonly result: FixResult;
}

/** `do-migrate fix`: every proven fix of the working tree's configs against the base revision. */
export async function runFix(request: FixRequest): Promise<FixRun> {
  const repo = await readRepositoryChange(request);
  try {
    mustMatch(request, repo);
    const { fixConfigs } = await import("../core/fix/fix.ts");
    const options = await fixOptions(repo, request.analyze, {
      today: request.today,
      acceptDeletes: request.acceptDeletes,
      acceptRenames: request.acceptRenames,
    });
    return { root: repo.root, changes: repo.changes, result: fixConfigs(repo.changes, options) };
  } finally {
    await repo.close();
  }
}

function mustMatch(request: { pathsMustMatch?: boolean; paths: readonly string[] }, repo: RepositoryChange) {
  if (request.pathsMustMatch && request.paths.length > 0 && repo.changes.length === 0) {
    throw new UsageError(`no file matches ${request.paths.join(", ")} at either revision`);
  }
}

/** The fix options with the code of every Worker in a file that has something to fix. */
async function fixOptions(
  repo: RepositoryChange,
  analyze: AnalyzeOptions | undefined,
  options: Omit<FixOptions, "exportsOf" | "envs">,
): Promise<FixOptions> {
  const entries = new Set<string>();
  for (const analysis of analyzeFiles(repo.changes, analyze ?? {})) {
    if (!analysis.findings.some((f) => f.introduced)) continue;
    for (const worker of analysis.headWorkers) {
      const entry = workerEntryPath(worker);
      if (entry && !posix.isAbsolute(entry)) entries.add(entry);
    }
  }
  const resolved = await resolveEntries(repo, entries);
  return { ...options, envs: analyze?.envs ?? null, exportsOf: (entry) => resolved.get(entry) };
}

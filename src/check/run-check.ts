// The check use case, shared by the CLI (`do-migrate check`) and the action (`mode: check`): read
// a repository's wrangler configs at two revisions as data, analyse them (configs, then the code
// of the Workers the change touches) and return the report. Each later step of the check (the
// policy, the live state) is one more call here, so both entry points get it the same way.
import {
  analyzeRepositoryChange,
  type RepositoryRevisions,
  readRepositoryChange,
} from "../adapters/repository.ts";
import { UsageError } from "../adapters/usage-error.ts";
import type { AnalyzeOptions } from "../core/analyze/analyze.ts";
import type { Report } from "../core/model.ts";

export interface CheckRequest extends RepositoryRevisions {
  readonly analyze?: AnalyzeOptions;
  /** Paths given on purpose (CLI arguments): matching no config is an error. */
  readonly pathsMustMatch?: boolean;
}

export interface CheckResult {
  readonly report: Report;
  /** How many config files were read (at either revision). */
  readonly configCount: number;
}

export async function runCheck(request: CheckRequest): Promise<CheckResult> {
  const repo = await readRepositoryChange(request);
  try {
    if (request.pathsMustMatch && request.paths.length > 0 && repo.changes.length === 0) {
      throw new UsageError(`no file matches ${request.paths.join(", ")} at either revision`);
    }
    const report = await analyzeRepositoryChange(repo, request.analyze ?? {});
    return { report, configCount: repo.changes.length };
  } finally {
    await repo.close();
  }
}

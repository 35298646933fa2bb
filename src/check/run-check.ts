// The check use case, shared by the CLI (`do-migrate check`) and the action (`mode: check`): read
// a repository's wrangler configs at two revisions as data, analyse them (configs, then the code
// of the Workers the change touches), then, when a Cloudflare token is given, the live step (the
// live state can settle or change findings, and adds the plan), and return the report. Each
// further step of the check (the policy) is one more call here, so both entry points get it the
// same way.
import {
  analyzeRepositoryChange,
  type RepositoryRevisions,
  readRepositoryChange,
} from "../adapters/repository.ts";
import { UsageError } from "../adapters/usage-error.ts";
import type { AnalyzeOptions } from "../core/analyze/analyze.ts";
import type { Report } from "../core/model.ts";
import type { LiveRequest, LiveSummary } from "./live.ts";

export interface CheckRequest extends RepositoryRevisions {
  readonly analyze?: AnalyzeOptions;
  /** Paths given on purpose (CLI arguments): matching no config is an error. */
  readonly pathsMustMatch?: boolean;
  /** Read the live state and plan against it; null or absent: the static check only. */
  readonly live?: LiveRequest | null;
}

export interface CheckResult {
  readonly report: Report;
  /** How many config files were read (at either revision). */
  readonly configCount: number;
  /** What the live step read; null when it was not asked for. */
  readonly live: LiveSummary | null;
}

export async function runCheck(request: CheckRequest): Promise<CheckResult> {
  const repo = await readRepositoryChange(request);
  try {
    if (request.pathsMustMatch && request.paths.length > 0 && repo.changes.length === 0) {
      throw new UsageError(`no file matches ${request.paths.join(", ")} at either revision`);
    }
    const analysed = await analyzeRepositoryChange(repo, request.analyze ?? {});
    let report = analysed.report;
    let live: LiveSummary | null = null;
    if (request.live) {
      // Loaded on demand: a static check never pays for the live step.
      const { addLivePlan } = await import("./live.ts");
      ({ report, live } = await addLivePlan(
        report,
        analysed.analyses,
        request.live,
        request.analyze?.envs ?? null,
      ));
    }
    return { report, configCount: repo.changes.length, live };
  } finally {
    await repo.close();
  }
}

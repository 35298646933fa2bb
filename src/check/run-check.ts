// The check use case, shared by the CLI (`do-migrate check`) and the action (`mode: check`). In
// pipeline order:
//   1. read the repository change as data: the policy file at the BASE revision first, its
//      `ignore` list applied to the config paths, then the configs at base and head;
//   2. analyse (core), then the code-aware checks of the Workers the change touches;
//   3. live evidence (when a Cloudflare token is given): it can settle or change findings;
//   4. the policy's levels and the inline suppressions (core);
//   5. the report: risk and gate count only what is not suppressed.
// Each step is a pure core function over plain data; the reads are adapters.
import {
  analyzeRepositoryChange,
  type RepositoryRevisions,
  readRepositoryChange,
} from "../adapters/repository.ts";
import { PolicyFileError, UsageError } from "../adapters/usage-error.ts";
import type { AnalyzeOptions } from "../core/analyze/analyze.ts";
import type { Report } from "../core/model.ts";
import { applyPolicy } from "../core/policy/apply.ts";
import { POLICY_FILE_NAMES } from "../core/policy/policy.ts";
import {
  choosePolicy,
  givenPolicy,
  ignoredBy,
  ignoredNote,
  type PolicyChoice,
} from "../core/policy/source.ts";

/** Where the policy comes from. */
export type PolicySource =
  /** The repository's policy file, read at the base revision (`path`: a given repository path). */
  | { readonly from: "repository"; readonly path?: string | null }
  /** A policy file given outright (`--policy FILE`), already read. */
  | { readonly from: "file"; readonly file: string; readonly text: string };

export interface CheckRequest extends Omit<RepositoryRevisions, "policyPaths" | "leaveOut"> {
  readonly analyze?: AnalyzeOptions;
  /** Paths given on purpose (CLI arguments): matching no config is an error. */
  readonly pathsMustMatch?: boolean;
  /** Default: the repository's `.do-migrate.jsonc` (or `.do-migrate.json`) at the base revision. */
  readonly policy?: PolicySource;
}

export interface CheckResult {
  readonly report: Report;
  /** How many config files were read (at either revision). */
  readonly configCount: number;
}

export async function runCheck(request: CheckRequest): Promise<CheckResult> {
  const source = request.policy ?? { from: "repository" };
  let choice: PolicyChoice = { ok: true, policy: null, notes: [] };
  const repo = await readRepositoryChange({
    ...request,
    policyPaths: source.from === "repository" ? (source.path ? [source.path] : POLICY_FILE_NAMES) : [],
    leaveOut: (files) => {
      choice =
        source.from === "file"
          ? givenPolicy(source.file, source.text)
          : choosePolicy(files, { explicit: source.path ?? null });
      if (!choice.ok) throw new PolicyFileError(choice.problems);
      return ignoredBy(choice.policy);
    },
  });
  try {
    if (
      request.pathsMustMatch &&
      request.paths.length > 0 &&
      repo.changes.length === 0 &&
      repo.leftOut.length === 0
    ) {
      throw new UsageError(`no file matches ${request.paths.join(", ")} at either revision`);
    }
    const policy = choice.ok ? choice.policy : null;
    const analysed = await analyzeRepositoryChange(repo, request.analyze ?? {});
    // Live evidence (a later step) goes here: before the policy, which judges what it settles.
    const report = applyPolicy(analysed, { policy, changes: repo.changes });
    const notes = [
      ...(report.notes ?? []),
      ...(choice.ok ? choice.notes : []),
      ...(policy ? [ignoredNote(policy, repo.leftOut, repo.changed)].filter((n) => n !== null) : []),
    ];
    return { report: notes.length ? { ...report, notes } : report, configCount: repo.changes.length };
  } finally {
    await repo.close();
  }
}

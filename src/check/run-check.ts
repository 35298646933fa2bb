// The check use case, shared by the CLI (`do-migrate check`) and the action (`mode: check`). In
// pipeline order:
//   1. read the repository change as data: the policy file at the BASE revision first, its
//      `ignore` list applied to the config paths, then the configs at base and head;
//   2. analyse (core), then the code-aware checks of the Workers the change touches;
//   3. live evidence (when a Cloudflare token is given): it can settle or change findings;
//   4. the policy's levels and the inline suppressions (core);
//   5. the report: risk and gate count only what is not suppressed.
// Each step is a pure core function over plain data; the reads go through the ports
// (src/check/ports.ts), which the entry points fill with the real adapters
// (src/check/adapters.ts). The fix use case (`do-migrate fix`, the pull request's suggestions)
// reads the same way.
import { posix } from "node:path";
import { type AnalyzeOptions, analyzeFiles } from "../core/analyze/analyze.ts";
import { workerEntryPath } from "../core/analyze/code-exports.ts";
import type { WorkerExports } from "../core/code/worker-exports.ts";
import type { FixOffer, FixOptions, FixResult } from "../core/fix/fix.ts";
import type { ConfigChange, Report } from "../core/model.ts";
import { policyLooseningFinding } from "../core/policy/loosening.ts";
import { POLICY_FILE_NAMES, type Policy } from "../core/policy/policy.ts";
import {
  choosePolicy,
  givenPolicy,
  ignoredBy,
  ignoredNote,
  type PolicyChoice,
} from "../core/policy/source.ts";
import { unknownEnvProblem } from "./envs.ts";
import { PolicyFileError, UsageError } from "./errors.ts";
import type { LiveRequest, LiveSummary } from "./live.ts";
import { applyPolicy } from "./policy-step.ts";
import type { CheckAdapters, RepositoryChange, RepositoryRevisions } from "./ports.ts";
import { readRepositoryChange } from "./repository-change.ts";
import { analyzeRepositoryChange, type RepositoryAnalysis, resolveEntries } from "./repository-check.ts";

/** Where the policy comes from. */
export type PolicySource =
  /** The repository's policy file, read at the base revision (`path`: a given repository path). */
  | { readonly from: "repository"; readonly path?: string | null }
  /** A policy file given outright (`--policy FILE`), already read. */
  | { readonly from: "file"; readonly file: string; readonly text: string };

export interface CheckRequest extends RepositoryRevisions {
  readonly analyze?: AnalyzeOptions;
  /** Paths given on purpose (CLI arguments): matching no config is an error. */
  readonly pathsMustMatch?: boolean;
  /** Default: the repository's `.do-migrate.jsonc` (or `.do-migrate.json`) at the base revision. */
  readonly policy?: PolicySource;
  /** Read the live state and plan against it; null or absent: the static check only. */
  readonly live?: LiveRequest | null;
  /** Also work out the proven fixes of the head revision (the pull request's suggestions). */
  readonly offers?: { readonly today: string } | null;
}

export interface CheckResult {
  readonly report: Report;
  /** How many config files were read (at either revision). */
  readonly configCount: number;
  /** What the live step read; null when it was not asked for. */
  readonly live: LiveSummary | null;
  /** The proven fixes, when asked for. */
  readonly offers?: readonly FixOffer[];
}

/** `adapters`: the real ones are src/check/adapters.ts's `checkAdapters`. */
export async function runCheck(request: CheckRequest, adapters: CheckAdapters): Promise<CheckResult> {
  const { repo, choice } = await readWithPolicy(request, adapters);
  try {
    mustMatch(request, repo);
    const policy = choice.policy;
    const analysed = await analyzeRepositoryChange(repo, request.analyze ?? {});
    const envProblem = unknownEnvProblem(request.analyze?.envs, analysed.analyses);
    if (envProblem) throw new UsageError(envProblem);
    let report = analysed.report;
    let live: LiveSummary | null = null;
    if (request.live) {
      // Loaded on demand: a static check never pays for the live step. It comes before the
      // policy, which judges what the live state settles.
      const { addLivePlan } = await import("./live.ts");
      ({ report, live } = await addLivePlan(
        report,
        analysed.analyses,
        request.live,
        await adapters.liveReader(request.live),
        request.analyze?.envs ?? null,
        analysed.codeExports,
      ));
    }
    // A policy edit is judged by the base policy too, like any other change: what it would
    // check less after merge is a finding of its own (DO705).
    const loosened = choice.edit ? policyEditFinding(policy, choice.edit, repo) : null;
    if (loosened) report = { ...report, findings: [...report.findings, loosened] };
    const levelled = await applyPolicy(report, { policy, changes: repo.changes });
    const notes = [
      ...(levelled.notes ?? []),
      ...choice.notes,
      ...(policy ? [ignoredNote(policy, repo.leftOut, repo.changed)].filter((n) => n !== null) : []),
    ];
    report = notes.length ? { ...levelled, notes } : levelled;
    if (!request.offers) return { report, configCount: repo.changes.length, live };
    const { offerFixes } = await import("../core/fix/fix.ts");
    // A finding suppressed with a reason is not nagged about with a suggestion either. The code
    // the analysis read is not read again.
    const options = await fixOptions(
      repo,
      { analyses: analysed.analyses, codeExports: analysed.codeExports },
      request.analyze,
      { today: request.offers.today },
      policy,
    );
    return { report, configCount: repo.changes.length, live, offers: offerFixes(repo.changes, options) };
  } finally {
    await repo.close();
  }
}

export interface FixRequest extends RepositoryRevisions {
  readonly analyze?: AnalyzeOptions;
  readonly pathsMustMatch?: boolean;
  /** As for the check: a config the policy ignores is never rewritten. */
  readonly policy?: PolicySource;
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
export async function runFix(request: FixRequest, adapters: CheckAdapters): Promise<FixRun> {
  const { repo, choice } = await readWithPolicy(request, adapters);
  try {
    mustMatch(request, repo);
    const { fixConfigs } = await import("../core/fix/fix.ts");
    // As in the check: what a directive or the policy suppresses is left alone.
    const options = await fixOptions(
      repo,
      null,
      request.analyze,
      {
        today: request.today,
        acceptDeletes: request.acceptDeletes,
        acceptRenames: request.acceptRenames,
      },
      choice.policy,
    );
    return { root: repo.root, changes: repo.changes, result: fixConfigs(repo.changes, options) };
  } finally {
    await repo.close();
  }
}

/** The policy a run uses: a broken one has thrown a PolicyFileError before. */
type ChosenPolicy = Extract<PolicyChoice, { ok: true }>;

/**
 * Reads the repository change with its policy: the policy file at the base revision first (or
 * the one given), then the configs its `ignore` list does not leave out. A broken policy is a
 * PolicyFileError naming every problem.
 */
async function readWithPolicy(
  request: RepositoryRevisions & { readonly policy?: PolicySource },
  adapters: CheckAdapters,
): Promise<{ repo: RepositoryChange; choice: ChosenPolicy }> {
  const source = request.policy ?? { from: "repository" };
  let choice: ChosenPolicy = { ok: true, policy: null, notes: [] };
  const repo = await readRepositoryChange(await adapters.readRevisions(request), {
    policyPaths: source.from === "repository" ? (source.path ? [source.path] : POLICY_FILE_NAMES) : [],
    leaveOut: (files) => {
      const chosen =
        source.from === "file"
          ? givenPolicy(source.file, source.text)
          : choosePolicy(files, { explicit: source.path ?? null });
      if (!chosen.ok) throw new PolicyFileError(chosen.problems);
      choice = chosen;
      return ignoredBy(chosen.policy);
    },
  });
  return { repo, choice };
}

/** What the policy edit checks less, over every config in scope (the analysed and the ignored ones). */
function policyEditFinding(
  before: Policy | null,
  edit: { readonly after: Policy | null; readonly file: string },
  repo: RepositoryChange,
) {
  const configs = [...repo.changes.map((c) => c.file), ...repo.leftOut];
  return policyLooseningFinding({ before, after: edit.after, file: edit.file, configs });
}

function mustMatch(request: { pathsMustMatch?: boolean; paths: readonly string[] }, repo: RepositoryChange) {
  // A path the policy ignores did match: it is only left out.
  if (request.pathsMustMatch && request.paths.length > 0 && repo.changes.length + repo.leftOut.length === 0) {
    throw new UsageError(`no file matches ${request.paths.join(", ")} at either revision`);
  }
}

/**
 * The fix options with the code of every Worker in a file that has something to fix (read once:
 * what the analysis read already is reused), and the policy step of the check (directives, the
 * policy's levels).
 */
async function fixOptions(
  repo: RepositoryChange,
  analysed: Pick<RepositoryAnalysis, "analyses" | "codeExports"> | null,
  analyze: AnalyzeOptions | undefined,
  options: Omit<FixOptions, "exportsOf" | "envs" | "policy">,
  policy: Policy | null,
): Promise<FixOptions> {
  const known = analysed?.codeExports ?? new Map<string, WorkerExports>();
  const entries = new Set<string>();
  for (const analysis of analysed?.analyses ?? analyzeFiles(repo.changes, analyze ?? {})) {
    if (!analysis.findings.some((f) => f.introduced)) continue;
    for (const worker of analysis.headWorkers) {
      const entry = workerEntryPath(worker);
      if (entry && !posix.isAbsolute(entry) && !known.has(entry)) entries.add(entry);
    }
  }
  const resolved = await resolveEntries(repo, entries);
  // The fix code loads the TOML syntax reader anyway: the policy step with it at hand.
  const { applyPolicy: policyStep } = await import("../core/policy/apply.ts");
  return {
    ...options,
    envs: analyze?.envs ?? null,
    exportsOf: (entry) => known.get(entry) ?? resolved.get(entry),
    policy: (report, changes) => policyStep(report, { policy, changes }),
  };
}

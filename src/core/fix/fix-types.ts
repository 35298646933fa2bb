// The shapes of `do-migrate fix` and the pull request's suggestions: the options a fix run takes,
// and what it returns (the fixed files, the fixes applied, left or suppressed, the offers).
import type { AnalyzeOptions } from "../analyze/analyze.ts";
import type { WorkerExports } from "../code/worker-exports.ts";
import type { ConfigChange, Finding, Report, Suppression } from "../model.ts";
import type { FixKind } from "./proposals.ts";

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

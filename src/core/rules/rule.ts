// What every rule family module (src/core/rules/<family>.ts) declares for each of its rules: the
// catalogue entry (code, title, default severity and the facts the other stages read), and the
// shape of its wording (a message and a fix, rendered from plain facts). catalogue.ts assembles
// the entries of all families into CATALOGUE.
import type { FindingKind, Severity } from "../model.ts";

export interface CatalogueEntry {
  readonly code: string;
  readonly title: string;
  /** The severity when the change introduces it. Pre-existing problems are reported as info. */
  readonly severity: Severity;
  /**
   * The finding is about what happens to a Worker that is already deployed (its applied history,
   * its objects, its live bindings): it does not apply to a Worker that was never deployed (a
   * template, a config without a name, a Worker the live state says does not exist), whose first
   * deploy replays the whole history from scratch. Data-loss kinds are never marked: whether
   * anything is destroyed is what the acknowledgement is for, and the live plan settles it.
   */
  readonly deployedWorkerOnly?: boolean;
  /**
   * Findings of this kind can be data loss (`dataLoss: true`): no policy rule, override or inline
   * directive may name the code, and the acknowledgement is the only way to pass one. This is
   * the one list of data-loss kinds: the placement, the live plan and the action read it through
   * `reportsDataLoss`, `destroyedClasses`, `deletesNamedClasses` and `isConfigDelete` below.
   */
  readonly reportsDataLoss?: boolean;
  /**
   * For a data-loss kind: which of a finding's `classes` lose their objects. `all` of them, or
   * only the `first` (a rename written as delete + create names the class it deletes, then the
   * class it creates).
   */
  readonly destroys?: "all" | "first";
  /**
   * For a data-loss kind: the live plan reports it (from what the account says the next deploy
   * sends), not the comparison of the configs, whose deletes the live plan confirms or settles.
   */
  readonly fromLivePlan?: boolean;
  /**
   * The finding is about the check itself (what it could not see, its own suppressions), not
   * about a Worker's lifecycle, bindings, history or names: it never starts a PR comment alone.
   */
  readonly aboutTheCheck?: boolean;
}

/** The entries of one rule family, by finding kind. */
export type RuleFamily = Partial<Record<FindingKind, CatalogueEntry>>;

/** What a rule says about one finding: its message and its fix, rendered from the facts. */
export interface Wording {
  readonly message: string;
  readonly fix: string;
}

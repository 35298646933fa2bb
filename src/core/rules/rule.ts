// What every rule family module (src/core/rules/<family>.ts) declares for each of its rules: the
// catalogue entry (code, title, default severity and the facts the other stages read), and the
// shape of its wording (a message and a fix, rendered from plain facts). catalogue.ts assembles
// the entries of all families into CATALOGUE.
import type { FindingKind, Severity } from "../model.ts";
import { ENV_FACT, INHERITED_FACT, WORKER_FACT } from "./words.ts";

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

/**
 * What a wording says with the Worker, its environment and its inheritance left open as slots
 * (rules/words.ts SLOT): the template the grouped rendering fills with every Worker of a group.
 */
export interface Slotted<W> {
  readonly wording: W;
  /** The finding's own fact: its environment inherits the lifecycle from the top level. */
  readonly inherited: boolean;
}

/** A wording (or a remark) that can be worded again with slots, until it is placed. */
export type Worded<W> = W & { readonly slotted?: () => Slotted<W> };

/**
 * A rule's wording function, made to carry its own template: the words it returns come with
 * `slotted`, which words the same facts again with the Worker (`worker`), the environment (`env`)
 * and the inheritance (`inherited`) as slots. The placement (diagnostics.ts placeDraft,
 * remarks.ts remarked) keeps the template on the finding as plain text and drops the function.
 * Facts of another name (another Worker, another environment) stay as they are: only the
 * finding's own Worker and environment are open, whatever other names the message has.
 */
export function worded<F extends object, W extends object>(
  say: (facts: F) => W,
  /** The fact that holds the finding's own Worker, when it is not called `worker` (e.g. a rename's `to`). */
  names: { readonly worker?: keyof F & string } = {},
): (facts: F) => Worded<W> {
  return (facts) => ({ ...say(facts), slotted: () => slotted(say, facts, names.worker ?? "worker") });
}

function slotted<F extends object, W>(say: (facts: F) => W, facts: F, worker: string): Slotted<W> {
  const open: Record<string, unknown> = { ...(facts as Record<string, unknown>) };
  if ("env" in open) open.env = ENV_FACT;
  if (typeof open[worker] === "string") open[worker] = WORKER_FACT;
  if ("inherited" in open) open.inherited = INHERITED_FACT;
  return { wording: say(open as F), inherited: (facts as { inherited?: unknown }).inherited === true };
}

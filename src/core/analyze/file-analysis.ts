// What the analysis of one config file gives the later stages (the repository rules, the live
// plan, the check's use cases): a types-only module, so the plan can read an analysis without
// importing the analysis that calls it.
import type { Finding, Worker } from "../model.ts";

/**
 * A head target that deploys to a Worker another target deployed at the base revision: it is
 * compared with that Worker's history (`owner`), not with the one at its own place (`positional`).
 */
export interface Takeover {
  readonly head: Worker;
  readonly owner: Worker;
  readonly positional: Worker | null;
}

export interface FileAnalysis {
  readonly file: string;
  readonly findings: Finding[];
  /** The Workers the head revision deploys (empty when the head is missing or does not parse). */
  readonly headWorkers: readonly Worker[];
  /** The Workers of the base revision (empty when the base is missing or does not parse). */
  readonly baseWorkers?: readonly Worker[];
  /** Head targets compared with another target's base history (see Takeover). */
  readonly takeovers?: readonly Takeover[];
  /** See ConfigChange.onlyWithConfig: its targets deploy only when named with `--config`. */
  readonly onlyWithConfig?: boolean;
}

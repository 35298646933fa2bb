// How the live evidence makes and changes findings. The live plan's own findings (DO801 to
// DO807) are placed like every other; another rule's finding is never rewritten in place: its
// message is composed from the rule's sentence and the live plan's remarks by `remarked`, the one
// function that does so, or replaced whole by the live plan's sentence (`restated`) where the
// live state settles the finding another way. The words come from src/core/rules/live*.ts.
import { placeDraft } from "../diagnostics.ts";
import type { Finding, FindingKind, Severity } from "../model.ts";
import type { Remark, Restatement } from "../rules/live-remarks.ts";

/** Where the live plan's findings about one Worker stand (the line is given with each). */
export interface LivePlace {
  readonly worker: string;
  readonly env: string | null;
  readonly file: string;
}

/** One of the live plan's own findings, with its words (src/core/rules/live.ts). */
export function liveFinding(
  kind: FindingKind,
  place: LivePlace,
  fields: Pick<Finding, "line" | "tag" | "classes" | "message" | "fix"> & {
    readonly severity?: Severity;
    readonly dataLoss?: boolean;
  },
): Finding {
  const { dataLoss, ...draft } = fields;
  // Placed like every other finding (the line is given; none is located), always introduced.
  return placeDraft(
    { kind, env: place.env, ...draft, dataLoss: dataLoss ?? false },
    { file: place.file, worker: place.worker, introduced: true, locate: () => null },
  );
}

/**
 * THE composition of a finding's message with the live plan's remarks: the remark before the
 * rule's sentence, the one after it, each joined with one space. Severity and the other fields
 * are the caller's to change (`changes`); the message is only ever composed here.
 */
export function remarked(
  finding: Finding,
  remark: Remark,
  changes: Partial<Omit<Finding, "message">> = {},
): Finding {
  const parts = [remark.before, finding.message, remark.after].filter((p): p is string => p !== undefined);
  return { ...finding, ...changes, message: parts.join(" ") };
}

/** The finding with the live plan's own sentence (and fix, when it gives one) instead of the rule's. */
export function restated(
  finding: Finding,
  text: Restatement,
  changes: Partial<Omit<Finding, "message" | "fix">> = {},
): Finding {
  return {
    ...finding,
    ...changes,
    message: text.message,
    ...(text.fix === undefined ? {} : { fix: text.fix }),
  };
}

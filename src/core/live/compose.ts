// How the live evidence makes and changes findings. The live plan's own findings (DO801 to
// DO807) are placed like every other; another rule's message is never spliced here: the live
// plan's remarks go before or after the rule's sentence through src/core/remarks.ts (`remarked`),
// or, where the live state settles the finding another way, the live plan's own sentence takes
// its place whole (`restated`, also src/core/remarks.ts). The words come from src/core/rules/live*.ts.
import { type Draft, placeDraft } from "../diagnostics.ts";
import type { Finding, FindingKind, Severity } from "../model.ts";
import { remarked as withRemark } from "../remarks.ts";
import type { Remark } from "../rules/live-remarks.ts";

/** The live plan's own sentence in place of a rule's: src/core/remarks.ts replaces it. */
export { restated } from "../remarks.ts";

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
    readonly slotted?: Draft["slotted"];
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
 * A remark of the live plan on another rule's finding, composed with the rule's sentence by the
 * one mechanism that does so (src/core/remarks.ts: the remark before the sentence and any earlier
 * remarks, or after them). `changes`: the other fields the live state settles (severity, data
 * loss); the message is never written here.
 */
export function remarked(
  finding: Finding,
  remark: Remark,
  changes: Partial<Omit<Finding, "message" | "composed">> = {},
): Finding {
  return withRemark({ ...finding, ...changes }, remark);
}

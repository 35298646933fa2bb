// A finding before it is placed: kind and facts, plus the config path it is about. The analysis
// turns drafts into findings (code, severity, line, worker) in one place.
import { CATALOGUE, fixInFormat, reportsDataLoss } from "./catalogue.ts";
import { configFormat } from "./config/parse.ts";
import type { ConfigPath, Finding, FindingKind, MessageTemplate, Severity, Worker } from "./model.ts";
import { remarked } from "./remarks.ts";
import type { Slotted } from "./rules/rule.ts";

export { capitalised, envLabel, INHERITED_REMARK, q } from "./rules/words.ts";

export interface Draft {
  readonly kind: FindingKind;
  readonly env: string | null;
  readonly classes?: readonly string[];
  readonly path?: ConfigPath;
  readonly line?: number | null;
  readonly tag?: string | null;
  readonly message: string;
  readonly fix: string;
  /**
   * The message worded again with the Worker and its environment as slots (a rule family's
   * wording brings it, see rules/rule.ts `worded`); placement keeps the text as the finding's
   * template (render/groups.ts), never the function.
   */
  readonly slotted?: () => Slotted<{ readonly message: string }>;
  /** Overrides the catalogue severity (e.g. a delete in a fresh Worker destroys nothing). */
  readonly severity?: Severity;
  /** Defaults to the catalogue's `reportsDataLoss`: a delete is data loss unless it says not. */
  readonly dataLoss?: boolean;
  /** The problem was already there at the base revision: reported as info, not introduced. */
  readonly preExisting?: boolean;
  /** For an unknown key: the one key it was most likely meant to be (the "did you mean"). */
  readonly replacement?: string;
  /** See Finding.unlessRan. */
  readonly unlessRan?: string;
  /** See Finding.ifRan. */
  readonly ifRan?: string;
}

export interface Placement {
  readonly file: string;
  readonly worker: string | null;
  readonly locate: (path: ConfigPath) => number | null;
  readonly introduced: boolean;
}

export function placeDraft(draft: Draft, place: Placement): Finding {
  const entry = CATALOGUE[draft.kind];
  const placed: Finding = {
    code: entry.code,
    kind: draft.kind,
    severity: draft.severity ?? entry.severity,
    dataLoss: draft.dataLoss ?? reportsDataLoss(draft.kind),
    classes: draft.classes ?? [],
    worker: place.worker,
    env: draft.env,
    file: place.file,
    line: draft.line !== undefined ? draft.line : draft.path ? place.locate(draft.path) : null,
    tag: draft.tag ?? null,
    message: draft.message,
    fix: fixInFormat(draft.fix, configFormat(place.file)),
    introduced: true,
    ...(draft.unlessRan ? { unlessRan: draft.unlessRan } : {}),
    ...(draft.ifRan ? { ifRan: draft.ifRan } : {}),
    ...templateOf(draft),
  };
  return place.introduced && !draft.preExisting ? placed : alreadyAtBase(placed);
}

/** The finding's template (Finding.template), from a wording that can be worded with slots. */
function templateOf(words: { readonly slotted?: () => Slotted<{ readonly message: string }> }): {
  template?: MessageTemplate;
} {
  if (!words.slotted) return {};
  const { wording, inherited } = words.slotted();
  return { template: { before: [], own: wording.message, after: [], inherited } };
}

/**
 * A problem the base revision already had: reported as info, saying so, never as data loss, so
 * an old problem never blocks a change that does not make it.
 */
export function alreadyAtBase(finding: Finding): Finding {
  if (!finding.introduced) return finding;
  return remarked({ ...finding, severity: "info", dataLoss: false, introduced: false }, { before: AT_BASE });
}

/** The remark `alreadyAtBase` puts in front of a finding's message. */
export const AT_BASE = "Already at the base revision:";

/**
 * A finding about one Worker that a repository-wide rule (code, identity, `exports`) builds
 * without a config to locate paths in: the catalogue's code and severity, the Worker's place.
 */
export function workerFinding(
  worker: Pick<Worker, "name" | "env" | "file" | "envLine">,
  kind: FindingKind,
  at: { readonly classes: readonly string[]; readonly line: number | null; readonly tag?: string | null },
  text: {
    readonly message: string;
    readonly fix: string;
    readonly slotted?: () => Slotted<{ readonly message: string }>;
  },
): Finding {
  const entry = CATALOGUE[kind];
  return {
    code: entry.code,
    kind,
    severity: entry.severity,
    dataLoss: false,
    classes: at.classes,
    worker: worker.name,
    env: worker.env,
    file: worker.file,
    line: at.line ?? worker.envLine,
    tag: at.tag ?? null,
    message: text.message,
    fix: text.fix,
    introduced: true,
    ...templateOf(text),
  };
}

// A finding's message as parts: the rule's own sentence (its wording, from the rule's family
// module) and the remarks later stages put before or after it (the placement's "Already at the
// base revision:", the live plan's "Live: ..."). A stage that adds to a message calls `remarked`;
// it never cuts or splices `message` itself, so the rule's own sentence stays findable (grouping,
// a later stage that takes a remark back out) whatever the remarks around it say. A stage that
// settles a finding another way than its rule could (the live plan) replaces the sentence whole,
// remarks included, with `restated`: this module is the one place a message is composed or replaced.
//
// `message` stays the one text every renderer reads: `remarked` recomposes it from the parts.
// The parts travel on the finding as `composed` (internal: the JSON report lists its fields and
// leaves it out). A stage that still writes `message` directly leaves `composed` stale; the parts
// are trusted only while they compose to the message, else the whole message is the own sentence.
//
// Beside the parts, `template` (internal too) keeps them with the Worker and its environment as
// slots, for the grouped rendering: a remark worded by a rule family (`worded`) brings its own
// template; any other remark is its own template (it names no Worker the group could fill).
import type { Finding, MessageParts, MessageTemplate } from "./model.ts";
import type { Slotted } from "./rules/rule.ts";

/** A remark: words before and/or after a message, maybe worded with slots (rules/rule.ts `worded`). */
export interface RemarkWords {
  readonly before?: string;
  readonly after?: string;
  readonly slotted?: () => Slotted<{ readonly before?: string; readonly after?: string }>;
}

/** The parts joined as the message shows them: remarks before, the own sentence, remarks after. */
export function composeMessage(parts: MessageParts): string {
  return [...parts.before, parts.own, ...parts.after].join(" ");
}

/** A finding's message as parts (no remarks, when no stage added any). */
export function messageParts(finding: Pick<Finding, "message" | "composed">): MessageParts {
  const parts = finding.composed;
  if (parts && composeMessage(parts) === finding.message) return parts;
  return { before: [], own: finding.message, after: [] };
}

/**
 * The finding with a remark in front of its message (before any earlier one) and/or one after it
 * (after any earlier one). Each remark is a full sentence or a lead with its own punctuation
 * ("Already at the base revision:"); parts are joined with one space.
 */
export function remarked(finding: Finding, remark: RemarkWords): Finding {
  const composed = withRemark(messageParts(finding), remark);
  const t = finding.template;
  const template = t && { ...withRemark(t, remark.slotted?.().wording ?? remark), inherited: t.inherited };
  return { ...finding, message: composeMessage(composed), composed, ...(template ? { template } : {}) };
}

function withRemark(
  parts: MessageParts,
  remark: { readonly before?: string | undefined; readonly after?: string | undefined },
): MessageParts {
  return {
    before: remark.before === undefined ? parts.before : [remark.before, ...parts.before],
    own: parts.own,
    after: remark.after === undefined ? parts.after : [...parts.after, remark.after],
  };
}

/** The finding without the remarks `drop` picks (e.g. a lead a later stage replaces). */
export function withoutRemarks(finding: Finding, drop: (remark: string) => boolean): Finding {
  const parts = messageParts(finding);
  const composed: MessageParts = {
    before: parts.before.filter((r) => !drop(r)),
    own: parts.own,
    after: parts.after.filter((r) => !drop(r)),
  };
  const { template: t, ...rest } = finding;
  // The template's remarks stand where the message's do: the same ones go.
  const template: MessageTemplate | undefined =
    t && t.before.length === parts.before.length && t.after.length === parts.after.length
      ? {
          before: t.before.filter((_, i) => !drop(parts.before[i]!)),
          own: t.own,
          after: t.after.filter((_, i) => !drop(parts.after[i]!)),
          inherited: t.inherited,
        }
      : undefined;
  return { ...rest, message: composeMessage(composed), composed, ...(template ? { template } : {}) };
}

/**
 * The finding with another sentence (and fix, when one is given) in place of the rule's and of
 * every remark on it: a later stage settles it another way than the rule could (the live plan's
 * words, src/core/rules/live-remarks.ts). `changes`: the other fields it settles (severity, ...).
 */
export function restated(
  finding: Finding,
  text: {
    readonly message: string;
    readonly fix?: string;
    readonly slotted?: () => Slotted<{ readonly message: string }>;
  },
  changes: Partial<Omit<Finding, "message" | "fix" | "composed">> = {},
): Finding {
  const { composed: _replaced, template: _theirs, ...rest } = finding;
  // The new sentence's own template, when its words were worded with slots.
  const template: MessageTemplate | undefined = text.slotted && {
    before: [],
    own: text.slotted().wording.message,
    after: [],
    inherited: false,
  };
  return {
    ...rest,
    ...changes,
    message: text.message,
    ...(text.fix === undefined ? {} : { fix: text.fix }),
    ...(template ? { template } : {}),
  };
}

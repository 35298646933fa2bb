// Which policy a check runs with. A change is judged by the policy it starts from: on a pull
// request (and in `do-migrate check`) the policy file at the BASE revision, so a change can never
// loosen the rules that judge it; its own edit of the policy applies after merge. The head's
// policy is still validated, so a broken policy cannot be merged through the check. Pure: the
// texts of the policy file at both revisions in, the policy and the notes to show out.
import { pathListMatcher } from "../glob.ts";
import { ignoredNote as ignoredNoteWords, policyNote, policySourceProblem } from "../rules/directives.ts";
import { describePolicyProblem, type Policy, parsePolicy } from "./policy.ts";

/** The policy file at one revision: its text, or why it exists but was not read. */
export interface PolicyText {
  /** The repository path where it was found. */
  readonly path: string;
  readonly text: string | null;
  readonly unreadable?: string | null;
}

export interface PolicyTexts {
  readonly base: PolicyText | null;
  readonly head: PolicyText | null;
}

export type PolicyChoice =
  | {
      readonly ok: true;
      readonly policy: Policy | null;
      readonly notes: readonly string[];
      /**
       * When the change edits, adds or removes the policy file: the policy it leaves for after
       * merge (null: none) and the file, to tell what the edit checks less (loosening.ts).
       */
      readonly edit?: { readonly after: Policy | null; readonly file: string };
    }
  /** Each problem as `file:line: message`, the revision said where it matters. */
  | { readonly ok: false; readonly problems: readonly string[] };

export interface ChooseOptions {
  /** The policy path was given on purpose (the action's `policy` input): not finding it is an error. */
  readonly explicit?: string | null;
}

/** The policy of a change, from the policy file at its base and head revisions. */
export function choosePolicy(files: PolicyTexts, options: ChooseOptions = {}): PolicyChoice {
  const { base, head } = files;
  if (!base && !head) {
    if (options.explicit) {
      return {
        ok: false,
        problems: [policySourceProblem({ problem: "missing", file: options.explicit })],
      };
    }
    return { ok: true, policy: null, notes: [] };
  }
  const baseReading = base ? read(base, "at the base revision") : null;
  const changed = !sameFile(base, head);
  const headReading = head && changed ? read(head, "in this change") : null;
  const problems = [...(headReading && !headReading.ok ? headReading.problems : [])];
  if (problems.length > 0) {
    // A broken policy is never merged through the check: the head's problems fail it.
    return {
      ok: false,
      problems: [...(baseReading && !baseReading.ok ? baseReading.problems : []), ...problems],
    };
  }
  if (baseReading && !baseReading.ok) {
    if (changed) {
      // The change repairs (or removes) the broken policy it starts from. Nothing from the change
      // is trusted, so the check runs with no policy at all: nothing is ignored or suppressed.
      return {
        ok: true,
        policy: null,
        notes: [
          policyNote({ change: head ? "repairs" : "removes-broken", problem: baseReading.problems[0]! }),
        ],
        ...(headReading?.ok ? { edit: { after: headReading.policy, file: head!.path } } : {}),
      };
    }
    return { ok: false, problems: baseReading.problems };
  }
  const policy = baseReading?.ok ? baseReading.policy : null;
  const notes: string[] = [];
  if (changed && base && head) {
    notes.push(policyNote({ change: "edits", file: head.path }));
  } else if (!base && head) {
    notes.push(policyNote({ change: "adds", file: head.path }));
  } else if (base && !head) {
    notes.push(policyNote({ change: "removes", file: base.path }));
  }
  if (!changed) return { ok: true, policy, notes };
  const after = headReading?.ok ? headReading.policy : null;
  return { ok: true, policy, notes, edit: { after, file: (head ?? base)!.path } };
}

/** A policy given outright (`--policy FILE`): used as it is. */
export function givenPolicy(file: string, text: string): PolicyChoice {
  const reading = read({ path: file, text }, null);
  return reading.ok ? { ok: true, policy: reading.policy, notes: [] } : reading;
}

/**
 * The note on configs the policy's `ignore` left out of the analysis: how many, and the ones
 * this change touches (those are the ones a reviewer may want to look at).
 */
export function ignoredNote(
  policy: Policy,
  leftOut: readonly string[],
  changed: ReadonlySet<string>,
): string | null {
  if (leftOut.length === 0) return null;
  const touched = leftOut.filter((path) => changed.has(path));
  return ignoredNoteWords({ policyFile: policy.file, leftOut: leftOut.length, touched });
}

/** Whether a config path is left out by a policy (none: nothing is). */
export function ignoredBy(policy: Policy | null): (path: string) => boolean {
  return policy ? policy.ignores : NOTHING;
}

const NOTHING = pathListMatcher([]);

function sameFile(a: PolicyText | null, b: PolicyText | null): boolean {
  return a !== null && b !== null && a.path === b.path && a.text === b.text && !a.unreadable && !b.unreadable;
}

type Reading = { ok: true; policy: Policy } | { ok: false; problems: string[] };

function read(file: PolicyText, revision: string | null): Reading {
  if (file.text === null) {
    return {
      ok: false,
      problems: [
        policySourceProblem({
          problem: "unreadable",
          file: file.path,
          why: file.unreadable ?? null,
          revision,
        }),
      ],
    };
  }
  const reading = parsePolicy(file.path, file.text);
  if (reading.ok) return reading;
  return {
    ok: false,
    problems: reading.problems.map((p) =>
      policySourceProblem({ problem: "invalid", described: describePolicyProblem(p), revision }),
    ),
  };
}

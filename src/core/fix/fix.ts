// `do-migrate fix` and the pull request's suggestions: every finding with one safe mechanical
// fix gets it, and every fix is proven before it is applied or offered: the fixed text is parsed
// and analysed again against the same base, the findings it targets must be gone, and no new
// finding of warning or above may appear (data loss only with --accept-deletes, a rename only
// with --accept-renames). Fixes are applied one at a time in each file, each on the text the
// previous one left, until none applies; so a second run changes nothing. A finding the policy
// or a directive suppresses is left alone.
//
// The proof is in proof.ts, the analyses it runs on in checker.ts, the shapes in fix-types.ts.
import type { ConfigChange } from "../model.ts";
import { Checker } from "./checker.ts";
import type {
  AppliedFix,
  FixedFile,
  FixOffer,
  FixOptions,
  FixResult,
  LeftFix,
  SuppressedFix,
} from "./fix-types.ts";
import { byFile, judge, signature, type TextOf, type Verdict } from "./proof.ts";
import { isProposal, type NoProposal, type Proposal } from "./proposals.ts";

export type {
  AppliedFix,
  FixedFile,
  FixFlagName,
  FixOffer,
  FixOptions,
  FixResult,
  LeftFix,
  SuppressedFix,
} from "./fix-types.ts";
export { proveFix } from "./proof.ts";
export type { FixKind } from "./proposals.ts";

const MAX_ROUNDS = 100;

/** Applies every proven fix to the head texts; returns the changed files and what was left. */
export function fixConfigs(changes: readonly ConfigChange[], options: FixOptions): FixResult {
  const checker = new Checker(changes, options);
  const texts = new Map(changes.map((c) => [c.file, c.headText]));
  const textOf: TextOf = (file) => texts.get(file) ?? null;
  const applied: AppliedFix[] = [];
  const first = checker.report(textOf);
  const findings = byFile(first.findings);
  let left: LeftFix[] = [];
  let suppressed: SuppressedFix[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    left = [];
    const candidates = checker.proposals(textOf, findings);
    suppressed = candidates.suppressed;
    // A fix changes the findings of the files it is judged on: their other fixes wait for the
    // next round, on the new text; fixes of files it cannot reach go on in this one.
    const touched = new Set<string>();
    for (const candidate of candidates.open) {
      if (touched.has(candidate.file)) continue;
      if (!isProposal(candidate)) {
        left.push(notFixable(candidate));
        continue;
      }
      const verdict = checker.evaluate(candidate, textOf, options);
      if (verdict.status !== "ok") {
        left.push(leftOf(candidate, verdict));
        continue;
      }
      texts.set(candidate.file, verdict.after);
      checker.moved(candidate.file, textOf);
      for (const p of verdict.chain)
        applied.push({ kind: p.kind, file: p.file, title: p.title, targets: p.targets });
      for (const file of verdict.judged) {
        findings.set(file, verdict.findings.get(file) ?? []);
        touched.add(file);
      }
    }
    if (touched.size === 0) break;
  }
  const files = changes.flatMap((c): FixedFile[] => {
    const after = texts.get(c.file);
    return c.headText !== null && after != null && after !== c.headText
      ? [{ file: c.file, before: c.headText, after }]
      : [];
  });
  const after = applied.length > 0 ? checker.report(textOf) : first;
  return { files, applied, left, suppressed, before: first, after };
}

/** Every proven fix of the head texts as they are, each on its own (none applied). */
export function offerFixes(changes: readonly ConfigChange[], options: FixOptions): FixOffer[] {
  const checker = new Checker(changes, options);
  const texts = new Map(changes.map((c) => [c.file, c.headText]));
  const textOf: TextOf = (file) => texts.get(file) ?? null;
  const findings = byFile(checker.report(textOf).findings);
  const offers: FixOffer[] = [];
  const all = { ...options, acceptDeletes: true, acceptRenames: true };
  for (const candidate of checker.proposals(textOf, findings).open) {
    if (!isProposal(candidate)) continue;
    const verdict = checker.evaluate(candidate, textOf, all);
    if (verdict.status !== "ok") continue;
    // The flag fix would need: the same proof, judged without the flags.
    const strict = judge(verdict.proposal, verdict.proof, {
      ...options,
      acceptDeletes: false,
      acceptRenames: false,
    });
    // The same edit for several findings (a top-level step that every env inherits reports once
    // per Worker): one offer resolving them all.
    const same = offers.findIndex((o) => o.file === candidate.file && o.after === verdict.after);
    if (same >= 0) {
      const o = offers[same]!;
      offers[same] = { ...o, targets: [...o.targets, ...verdict.chain.flatMap((p) => p.targets)] };
      continue;
    }
    offers.push({
      id: offerId(candidate),
      kind: candidate.kind,
      file: candidate.file,
      title: verdict.chain.map((p) => p.title).join(" "),
      targets: verdict.chain.flatMap((p) => p.targets),
      flag: strict.status === "needs" ? strict.flag : null,
      before: textOf(candidate.file) ?? "",
      after: verdict.after,
    });
  }
  return offers;
}

function notFixable(p: NoProposal): LeftFix {
  return { kind: p.kind, file: p.file, targets: p.targets, title: null, reason: p.reason, flag: null };
}

function leftOf(p: Proposal, verdict: Exclude<Verdict, { status: "ok" }>): LeftFix {
  return {
    kind: p.kind,
    file: p.file,
    targets: p.targets,
    title: p.title,
    reason: verdict.reason,
    flag: verdict.status === "needs" ? verdict.flag : null,
  };
}

/** A short stable id: the kind, file, and the findings' identities (not lines or message text). */
function offerId(p: Proposal): string {
  const text = [
    p.kind,
    p.file,
    ...p.targets.map(signature).sort(),
    ...p.targets.map((t) => t.tag ?? ""),
  ].join("\u0002");
  // FNV-1a, 32 bits, twice with different seeds: short, stable, no crypto needed.
  const hash = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, "0");
  };
  return `${p.kind}-${hash(0x811c9dc5)}${hash(0x1b873593)}`;
}

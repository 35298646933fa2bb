// The proof of a fix: what makes two findings the same across it, whether the fixed text resolves
// the findings it targets without adding a serious one (`proveFix`), and the verdict of that
// proof under the caller's flags (`judge`): ok, needs --accept-deletes or --accept-renames, or
// refused with the reason.
import { severityRank } from "../catalogue.ts";
import { q } from "../diagnostics.ts";
import type { ConfigChange, Finding, Report } from "../model.ts";
import type { FixFlagName, FixOptions } from "./fix-types.ts";
import type { Proposal } from "./proposals.ts";

/** The texts of the configs as the fixes have left them, by file (null: no such file). */
export type TextOf = (file: string) => string | null;

export function byFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = out.get(f.file);
    if (list) list.push(f);
    else out.set(f.file, [f]);
  }
  return out;
}

export type Verdict =
  | {
      readonly status: "ok";
      readonly after: string;
      /** The files whose findings the fix was judged on, and their findings afterwards. */
      readonly judged: ReadonlySet<string>;
      readonly findings: ReadonlyMap<string, Finding[]>;
      readonly chain: readonly Proposal[];
      /** The proposal judged (the whole chain as one) and its proof. */
      readonly proposal: Proposal;
      readonly proof: Proof;
    }
  | { readonly status: "needs"; readonly flag: FixFlagName; readonly reason: string }
  | { readonly status: "refused"; readonly reason: string; readonly added?: readonly Finding[] };

/** What makes two findings "the same" across a fix: tags and lines may move, meaning may not. */
export function signature(f: Finding): string {
  return [f.kind, f.file, f.env ?? "\u0000top", [...f.classes].sort().join(",")].join("\u0001");
}

function counts(findings: readonly Finding[], keep: (f: Finding) => boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) if (keep(f)) out.set(signature(f), (out.get(signature(f)) ?? 0) + 1);
  return out;
}

const serious = (f: Finding) => f.dataLoss || severityRank(f.severity) >= severityRank("warning");

/**
 * Proves a fix against the findings before it: the targets are gone, and every finding of warning
 * or above (or with data loss) the fixed text has was there before, is one the fix is expected
 * to add, or is a delete the caller accepted.
 */
export function proveFix(
  before: Pick<Report, "findings">,
  after: Pick<Report, "findings">,
  targets: readonly Finding[],
  expected: readonly Finding["kind"][],
): { readonly resolved: boolean; readonly added: readonly Finding[] } {
  const all = () => true;
  const was = counts(before.findings, all);
  const now = counts(after.findings, all);
  const resolved = targets.every((t) => (now.get(signature(t)) ?? 0) < (was.get(signature(t)) ?? 0));
  const wasSerious = counts(before.findings, serious);
  const seen = new Map<string, number>();
  const added: Finding[] = [];
  for (const f of after.findings) {
    if (!serious(f) || expected.includes(f.kind)) continue;
    const key = signature(f);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > (wasSerious.get(key) ?? 0)) added.push(f);
  }
  return { resolved, added };
}

export type Proof = ReturnType<typeof proveFix>;

/** An ok verdict with what it was proven on, so the same proof can be judged under other flags. */
export function proven(
  verdict: Verdict & { status: "ok" },
  after: string,
  scope: readonly ConfigChange[],
  findings: readonly Finding[],
  chain: readonly Proposal[],
  proof: Proof,
): Verdict {
  return {
    ...verdict,
    after,
    judged: new Set(scope.map((c) => c.file)),
    findings: byFile(findings),
    chain,
    proof,
  };
}

/** The verdict of a proof under the caller's flags. */
export function judge(
  proposal: Proposal,
  proof: { readonly resolved: boolean; readonly added: readonly Finding[] },
  options: FixOptions,
): Verdict {
  if (!proof.resolved) return { status: "refused", reason: "the fixed config would still have the finding" };
  // A fix may make a delete or a rename real that the config only meant (`delete_classes`,
  // `[[migration]]`): that is the caller's call, through the flag for it.
  const deletes = proof.added.filter((f) => f.kind === "class-deleted");
  const renames = proof.added.filter((f) => f.kind === "class-renamed");
  const others = proof.added.filter((f) => f.kind !== "class-deleted" && f.kind !== "class-renamed");
  if (others.length > 0) {
    return { status: "refused", reason: `the fixed config would have ${describe(others)}`, added: others };
  }
  if (deletes.length > 0 && !options.acceptDeletes) {
    return {
      status: "needs",
      flag: "--accept-deletes",
      reason: `it makes a delete real: ${describe(deletes)}`,
    };
  }
  if (renames.length > 0 && !options.acceptRenames) {
    return {
      status: "needs",
      flag: "--accept-renames",
      reason: `it makes a rename real: ${describe(renames)}`,
    };
  }
  if (proposal.flag === "accept-renames" && !options.acceptRenames) {
    return {
      status: "needs",
      flag: "--accept-renames",
      reason: "it changes what the config means (the objects are kept instead of destroyed)",
    };
  }
  return {
    status: "ok",
    after: "",
    judged: new Set(),
    findings: new Map(),
    chain: [proposal],
    proposal,
    proof,
  };
}

function describe(findings: readonly Finding[]): string {
  const parts = [
    ...new Set(
      findings.map(
        (f) => `${f.code} ${f.kind}${f.classes.length ? ` (${f.classes.map(q).join(", ")})` : ""}`,
      ),
    ),
  ];
  return parts.join(", ");
}

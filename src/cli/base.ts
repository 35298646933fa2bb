// What `check` compares with, said in every output: the base given (`--base REF`) or the
// default one (the merge base with the remote's default branch; src/adapters/git.ts), with its
// short SHA, and a warning when it is the head itself (nothing committed is then compared).
import { defaultBase, isFullSha, isGitRepo, resolveRev } from "../adapters/git.ts";

export interface ChosenBase {
  /** As given (`--base v1`) or the ref the default was found through (`origin/main`). */
  readonly ref: string;
  readonly sha: string;
  /** given: --base; merge-base: with the default branch; fallback: HEAD~1 (no default branch). */
  readonly how: "given" | "merge-base" | "fallback";
  /** The base is the head commit (with no --head: HEAD, so only uncommitted changes count). */
  readonly sameAsHead: boolean;
  /** The head as given, or null for the working tree. */
  readonly head: string | null;
}

/**
 * The base of a check, or null when there is none to name (not a git repository, no commit, a
 * --base or --head that is no revision: the check then says what is wrong).
 */
export async function chooseBase(
  cwd: string,
  base: string | null,
  head: string | null,
): Promise<ChosenBase | null> {
  if (!(await isGitRepo(cwd))) return null;
  const headSha = await resolveRev(cwd, head ?? "HEAD");
  if (head !== null && !headSha) return null;
  if (base !== null) {
    const sha = await resolveRev(cwd, base);
    return sha ? { ref: base, sha, how: "given", sameAsHead: sha === headSha, head } : null;
  }
  const found = await defaultBase(cwd, head ?? "HEAD", {}, head !== null);
  if (!found) return null;
  return {
    ref: found.ref,
    sha: found.sha,
    how: found.mergeBase ? "merge-base" : "fallback",
    sameAsHead: found.sha === headSha,
    head,
  };
}

const short = (sha: string) => sha.slice(0, 7);

/** The note every output carries first: what was compared with what. */
export function baseNote(base: ChosenBase): string {
  const head =
    base.head === null ? "the working tree" : `\`${isFullSha(base.head) ? short(base.head) : base.head}\``;
  const what =
    base.how === "merge-base"
      ? `\`${short(base.sha)}\`, the merge base with \`${base.ref}\` (the default branch)`
      : base.how === "fallback"
        ? `\`${base.ref}\` (\`${short(base.sha)}\`): no \`origin/HEAD\`, \`main\` or \`master\` was found`
        : isFullSha(base.ref)
          ? `\`${short(base.sha)}\``
          : `\`${base.ref}\` (\`${short(base.sha)}\`)`;
  return `Base: ${what}; head: ${head}. \`--base REF\` compares with another revision.`;
}

/** Said out loud (stderr) when the base is the head. */
export function sameAsHeadWarning(base: ChosenBase): string {
  const which =
    base.how === "given"
      ? `--base ${base.ref}`
      : `the base (${base.how === "merge-base" ? `merge base with ${base.ref}` : base.ref})`;
  return base.head === null
    ? `${which} is ${short(base.sha)}, the commit checked out: only uncommitted changes are compared; to check this branch's commits, work on a branch of its own or give --base REF`
    : `${which} is ${short(base.sha)}, the head itself: nothing is compared; give --base REF`;
}

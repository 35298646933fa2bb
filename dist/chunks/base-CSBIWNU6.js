import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  defaultBase,
  isFullSha,
  isGitRepo,
  resolveRev
} from "./chunk-KDC7SQTS.js";
import "./chunk-FDGYIFXX.js";

// src/cli/base.ts
async function chooseBase(cwd, base, head) {
  if (!await isGitRepo(cwd)) return null;
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
    head
  };
}
var short = (sha) => sha.slice(0, 7);
function baseNote(base) {
  const head = base.head === null ? "the working tree" : `\`${isFullSha(base.head) ? short(base.head) : base.head}\``;
  const what = base.how === "merge-base" ? `\`${short(base.sha)}\`, the merge base with \`${base.ref}\` (the default branch)` : base.how === "fallback" ? `\`${base.ref}\` (\`${short(base.sha)}\`): no \`origin/HEAD\`, \`main\` or \`master\` was found` : isFullSha(base.ref) ? `\`${short(base.sha)}\`` : `\`${base.ref}\` (\`${short(base.sha)}\`)`;
  return `Base: ${what}; head: ${head}. \`--base REF\` compares with another revision.`;
}
function sameAsHeadWarning(base) {
  const which = base.how === "given" ? `--base ${base.ref}` : `the base (${base.how === "merge-base" ? `merge base with ${base.ref}` : base.ref})`;
  return base.head === null ? `${which} is ${short(base.sha)}, the commit checked out: only uncommitted changes are compared; to check this branch's commits, work on a branch of its own or give --base REF` : `${which} is ${short(base.sha)}, the head itself: nothing is compared; give --base REF`;
}
export {
  baseNote,
  chooseBase,
  sameAsHeadWarning
};

// Which configs a change concerns, read from the repository's files at its two revisions (the
// RevisionFiles port): the configs the paths select at either revision, the policy file first
// (its `ignore` list, at the base, leaves configs out), the deploy redirects of the directories
// checked and the configs they deploy, one reading per Worker reached through a link, and each
// config wrangler reads in place of another paired with it (core).
import { posix } from "node:path";
import { isRedirectFile, pairConfigs, redirectedDir, redirectTarget } from "../core/analyze/config-files.ts";
import { selectConfigPaths } from "../core/discover.ts";
import type { ConfigChange } from "../core/model.ts";
import type { PolicyText, PolicyTexts } from "../core/policy/source.ts";
import type { RepositoryChange, RevisionFiles } from "./ports.ts";

export interface ChangeOptions {
  /** Repository paths of the policy file, read at both revisions (the first one present wins). */
  readonly policyPaths?: readonly string[];
  /**
   * Given the policy file at both revisions, the config paths to leave out of the analysis.
   * Called once, after the files are listed and before any config is read; it may throw.
   */
  readonly leaveOut?: (policy: PolicyTexts) => (path: string) => boolean;
}

/** The names wrangler looks for in a directory. */
const CONFIG_NAMES = ["wrangler.json", "wrangler.jsonc", "wrangler.toml"] as const;

/** The change's configs; `files` is closed when this fails, and by the caller's `close` otherwise. */
export async function readRepositoryChange(
  files: RevisionFiles,
  options: ChangeOptions = {},
): Promise<RepositoryChange> {
  try {
    return await selectChange(files, options);
  } catch (error) {
    await files.close();
    throw error;
  }
}

async function selectChange(files: RevisionFiles, options: ChangeOptions): Promise<RepositoryChange> {
  const { root, patterns, headPaths, basePaths, linkedFrom } = files;
  const selected = [
    ...new Set([...selectConfigPaths(headPaths, patterns), ...selectConfigPaths(basePaths, patterns)]),
  ].sort();
  const headSet = new Set(headPaths);
  const baseSet = new Set(basePaths);
  // Deploy redirects (`<dir>/.wrangler/deploy/config.json`) of the directories checked: wrangler
  // deploys the config they point at, which is read too (build output such as `dist/` included).
  const selectedDirs = new Set(selected.map((path) => dirOf(path)));
  const redirectPaths = [...new Set([...headPaths, ...basePaths])]
    .filter(
      (path) => isRedirectFile(path) && (patterns.length === 0 || selectedDirs.has(redirectedDir(path))),
    )
    .sort();
  // The policy file first: its `ignore` list (at the base revision) decides which configs are read.
  const policyAt = async (side: "base" | "head"): Promise<PolicyText | null> => {
    for (const path of options.policyPaths ?? []) {
      const read = await files.readConfig(side, path);
      if (read.text !== null || read.unreadable !== null) return { path, ...read };
    }
    return null;
  };
  const [basePolicy, headPolicy] = await Promise.all([policyAt("base"), policyAt("head")]);
  const policyFiles: PolicyTexts = { base: basePolicy, head: headPolicy };
  const leaveOut = options.leaveOut?.(policyFiles);
  const readChange = async (file: string): Promise<ConfigChange> => {
    const [base, head] = await Promise.all([files.readConfig("base", file), files.readConfig("head", file)]);
    return {
      file,
      baseText: base.text,
      headText: head.text,
      baseUnreadable: base.unreadable,
      headUnreadable: head.unreadable,
    };
  };
  const redirects = await Promise.all(redirectPaths.map(readChange));
  // A redirect is left out with the directory it redirects (all its config names left out).
  const redirectLeftOut = (r: ConfigChange) =>
    Boolean(leaveOut?.(r.file)) &&
    CONFIG_NAMES.every((name) => leaveOut?.(posix.join(redirectedDir(r.file), name)));
  const keptFiles = new Set(redirects.filter((r) => !redirectLeftOut(r)).map((r) => r.file));
  const kept = redirects.filter((r) => keptFiles.has(r.file) && !keptFiles.has(linkedFrom.get(r.file) ?? ""));
  const targetsOf = (list: readonly ConfigChange[]) =>
    list.flatMap((r) =>
      [r.baseText, r.headText].flatMap((text) => {
        const target = text === null ? null : redirectTarget(r.file, text, root);
        return target?.ok && (headSet.has(target.target) || baseSet.has(target.target))
          ? [target.target]
          : [];
      }),
    );
  // The config a redirect deploys is checked even where the policy ignores its path (`dist/`):
  // a redirect into an ignored path does not make the deployed config ignored.
  const deployedTargets = new Set(targetsOf(kept));
  const candidates = [...new Set([...selected, ...targetsOf(redirects)])].sort();
  const leftOut: string[] = [];
  const analysed: string[] = [];
  const analysedSet = new Set<string>();
  for (const path of candidates) {
    const out = leaveOut?.(path) && !deployedTargets.has(path);
    if (out) leftOut.push(path);
    else analysedSet.add(path);
  }
  // A config reached through a link is checked at the link's path only when the file it reaches
  // is not checked itself (under `dist/`, or ignored): one Worker, one reading.
  // (A path that is a file of its own at either revision is always checked: what it was counts.)
  for (const path of analysedSet) {
    if (!files.listed.has(path) && analysedSet.has(linkedFrom.get(path) ?? "")) continue;
    analysed.push(path);
  }
  // Each config wrangler reads in place of another is read against that one (pairConfigs).
  const paired = pairConfigs([...(await Promise.all(analysed.map(readChange))), ...kept], root);
  return {
    root,
    baseRev: files.baseRev,
    headRev: files.headRev,
    changes: paired.changes,
    changed: files.changed,
    readHeadSource: files.readHeadSource,
    readBaseSource: files.readBaseSource,
    policyFiles,
    leftOut,
    selection: paired.findings,
    close: () => files.close(),
  };
}

/** A path's directory as the pairing names it (`""` for the top). */
function dirOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === "." ? "" : dir;
}

// A repository's wrangler configs at two revisions, read with git as data (nothing from the
// change is ever run): the check's `readChange` port (src/check/ports.ts). The analysis over
// them is the check's (src/check/repository-check.ts).
import { realpathSync, statSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import type { RepositoryChange, RepositoryRevisions } from "../check/ports.ts";
import { isRedirectFile, pairConfigs, redirectedDir, redirectTarget } from "../core/analyze/config-files.ts";
import type { SourceReader } from "../core/code/worker-exports.ts";
import { selectConfigPaths } from "../core/discover.ts";
import type { ConfigChange } from "../core/model.ts";
import type { PolicyText, PolicyTexts } from "../core/policy/source.ts";
import {
  changedPaths,
  defaultBase,
  isGitRepo,
  isRegularFile,
  listIndexSymlinks,
  listTreeFilesAtRev,
  listWorkingTreeFiles,
  MissingRevisionError,
  resolveRev,
  showToplevel,
  type TreeFile,
} from "./git.ts";
import { GitFileReader } from "./git-blobs.ts";
import { toRepoPatterns } from "./path-patterns.ts";
import { createSourceReader, DEFAULT_MAX_SOURCE_BYTES, SourceReadError } from "./source-files.ts";
import { UsageError } from "./usage-error.ts";

export type { RepositoryChange, RepositoryRevisions } from "../check/ports.ts";

export async function readRepositoryChange(options: RepositoryRevisions): Promise<RepositoryChange> {
  // Four questions, four git processes side by side; the answers are checked in this order.
  const lookUp = (rev: string | null) =>
    rev === null ? null : resolveRev(options.cwd, rev).catch((): string | null => null);
  const [isRepo, root, headSha, baseSha] = await Promise.all([
    isGitRepo(options.cwd),
    showToplevel(options.cwd).catch((): string | null => null),
    lookUp(options.head),
    lookUp(options.base),
  ]);
  if (!isRepo) {
    throw new UsageError(
      `${options.cwd} is not in a git repository (check needs one; use diff for two files)`,
    );
  }
  if (!root) throw new UsageError(`${options.cwd} has no git work tree`);
  const headRev = options.head === null ? null : (headSha ?? notARevision(options.head, "--head"));
  const fallback = Boolean(options.base !== null && options.baseFallback && !baseSha);
  const baseRev = fallback
    ? null
    : options.base === null
      ? await defaultBaseRev(root, headRev)
      : (baseSha ?? notARevision(options.base, "--base"));
  const patterns = options.paths.flatMap((p) => toRepoPatterns(root, options.cwd, p));

  // Sources and configs of a pull request are untrusted: the same 1 MiB cap as in the working
  // tree bounds what the code-aware check parses (at most DEFAULT_MAX_FILES files).
  const reader = new GitFileReader(root, { maxFileBytes: DEFAULT_MAX_SOURCE_BYTES });
  try {
    // The files at both sides and the paths that differ: the git processes run side by side.
    const [headTree, workingTree, baseTree, changedList] = await Promise.all([
      headRev === null ? null : listTreeFilesAtRev(root, headRev, () => true),
      headRev === null ? listWorkingTreeFiles(root, () => true) : null,
      baseRev === null ? null : listTreeFilesAtRev(root, baseRev, () => true),
      baseRev === null ? null : changedPaths(root, baseRev, headRev),
    ]);
    // wrangler follows a symbolic link to a directory like any other path: the configs reached
    // through one are listed at the link's path too (and read there, git following the link).
    // `linkedFrom`: such a path -> the path it reaches, which when checked itself says it all.
    const linkedFrom = new Map<string, string>();
    const [headFiles, baseFiles] = await Promise.all([
      headRev === null || headTree === null
        ? headTree
        : withLinkedDirs(reader, headRev, headTree, linkedFrom),
      baseRev === null || baseTree === null
        ? baseTree
        : withLinkedDirs(reader, baseRev, baseTree, linkedFrom),
    ]);
    const headPaths =
      workingTree === null
        ? (headFiles ?? []).map((f) => f.path)
        : await withLinkedWorkingDirs(root, workingTree, linkedFrom);
    const basePaths = fallback ? headPaths : baseFiles === null ? [] : baseFiles.map((f) => f.path);
    // Regular files are read by blob id: no path walk per file, and a file the change did not
    // touch (same id at both revisions) is read once.
    const blobIds = (files: readonly TreeFile[] | null) =>
      new Map((files ?? []).filter(isRegularFile).map((f) => [f.path, f.oid]));
    const headBlobs = blobIds(headFiles);
    const baseBlobs = blobIds(baseFiles);
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
    const readHeadSource: SourceReader =
      headRev === null
        ? createSourceReader(root)
        : async (path) =>
            headSet.has(path)
              ? ((await reader.read(headRev, path, headBlobs.get(path))).content ?? null)
              : null;
    const readBaseSource: SourceReader | null =
      baseRev === null
        ? null
        : async (path) =>
            baseSet.has(path)
              ? ((await reader.read(baseRev, path, baseBlobs.get(path))).content ?? null)
              : null;
    const reads = new Map<string, Promise<ConfigRead>>();
    const readConfig = (rev: string | null, file: string): Promise<ConfigRead> => {
      if (rev === null) return readWorkingTreeConfig(readHeadSource, file);
      const oid = (rev === headRev ? headBlobs : baseBlobs).get(file);
      if (oid === undefined) return readConfigAtRev(reader, rev, file);
      let read = reads.get(oid);
      if (!read) {
        read = readConfigAtRev(reader, rev, file, oid);
        reads.set(oid, read);
      }
      return read;
    };
    // The policy file first: its `ignore` list (at the base revision) decides which configs are read.
    const policyAt = async (side: "base" | "head"): Promise<PolicyText | null> => {
      for (const path of options.policyPaths ?? []) {
        if (side === "base" && fallback && options.baseFallback) {
          const text = await options.baseFallback(path);
          if (text !== null) return { path, text, unreadable: null };
          continue;
        }
        const rev = side === "base" ? baseRev : headRev;
        if (side === "base" ? rev === null || !baseSet.has(path) : !headSet.has(path)) continue;
        const read = await readConfig(rev, path);
        if (read.text !== null || read.unreadable !== null) return { path, ...read };
      }
      return null;
    };
    const [basePolicy, headPolicy] = await Promise.all([policyAt("base"), policyAt("head")]);
    const policyFiles: PolicyTexts = { base: basePolicy, head: headPolicy };
    const leaveOut = options.leaveOut?.(policyFiles);
    const readChange = async (file: string): Promise<ConfigChange> => {
      const [base, head] = await Promise.all([
        fallback && options.baseFallback
          ? options.baseFallback(file).then((text): ConfigRead => ({ text, unreadable: null }))
          : baseRev !== null && baseSet.has(file)
            ? readConfig(baseRev, file)
            : NO_FILE,
        headSet.has(file) ? readConfig(headRev, file) : NO_FILE,
      ]);
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
    const kept = redirects.filter(
      (r) => keptFiles.has(r.file) && !keptFiles.has(linkedFrom.get(r.file) ?? ""),
    );
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
    const listed = new Set([
      ...(headTree ?? []).map((f) => f.path),
      ...(baseTree ?? []).map((f) => f.path),
      ...(workingTree ?? []),
    ]);
    for (const path of analysedSet) {
      if (!listed.has(path) && analysedSet.has(linkedFrom.get(path) ?? "")) continue;
      analysed.push(path);
    }
    // Each config wrangler reads in place of another is read against that one (pairConfigs).
    const paired = pairConfigs([...(await Promise.all(analysed.map(readChange))), ...kept], root);
    const changes = paired.changes;
    const changed = new Set(changedList ?? headPaths);
    return {
      root,
      baseRev,
      headRev,
      changes,
      changed,
      readHeadSource,
      readBaseSource,
      policyFiles,
      leftOut,
      selection: paired.findings,
      close: () => reader.close(),
    };
  } catch (error) {
    await reader.close();
    if (error instanceof MissingRevisionError) {
      throw new UsageError(
        `revision ${error.rev} is not in this repository (a shallow clone? fetch it first)`,
      );
    }
    throw error;
  }
}

/**
 * Every wrangler config of the working tree that `check` would find (tracked or not ignored,
 * dependency and build directories skipped), read through the confined reader, with the
 * repository's top directory; null outside a git work tree. A config that cannot be read is left
 * out.
 */
export async function readWorkingTreeConfigs(
  cwd: string,
): Promise<{ readonly root: string; readonly configs: { path: string; text: string }[] } | null> {
  const [isRepo, root] = await Promise.all([
    isGitRepo(cwd),
    showToplevel(cwd).catch((): string | null => null),
  ]);
  if (!isRepo || !root) return null;
  const paths = selectConfigPaths(await listWorkingTreeFiles(root, () => true), []);
  const read = createSourceReader(root);
  const configs: { path: string; text: string }[] = [];
  for (const path of paths) {
    const { text } = await readWorkingTreeConfig(read, path);
    if (text !== null) configs.push({ path, text });
  }
  return { root, configs };
}

/** A config at one revision: its text, or why it exists but was not read (never "missing"). */
interface ConfigRead {
  readonly text: string | null;
  readonly unreadable: string | null;
}

const NO_FILE: ConfigRead = { text: null, unreadable: null };

/**
 * A config at a commit. git reads it from the object database, so a symbolic link can only
 * lead to another file of the same commit: one leading out of the repository (or in a loop) is
 * reported as unreadable, like a file over the reader's size cap, never as a missing file.
 */
async function readConfigAtRev(
  reader: GitFileReader,
  rev: string,
  path: string,
  oid?: string,
): Promise<ConfigRead> {
  const file = await reader.read(rev, path, oid);
  switch (file.status) {
    case "file":
      return { text: file.content, unreadable: null };
    case "missing":
      return NO_FILE;
    case "too-large":
      return {
        text: null,
        unreadable: `${file.size ?? "too many"} bytes, over the size this check reads`,
      };
    case "not-a-file":
      return {
        text: null,
        unreadable:
          "a symbolic link leading out of the repository (or in a loop), which this check does not follow",
      };
  }
}

/** A config in the working tree, through the confined source reader (no links out, size cap). */
async function readWorkingTreeConfig(read: SourceReader, path: string): Promise<ConfigRead> {
  try {
    return { text: await read(path), unreadable: null };
  } catch (error) {
    if (!(error instanceof SourceReadError)) throw error;
    return { text: null, unreadable: error.message.replace(`refusing ${path}: `, "") };
  }
}

/** The names wrangler looks for in a directory. */
const CONFIG_NAMES = ["wrangler.json", "wrangler.jsonc", "wrangler.toml"] as const;

/** Most symbolic links of a revision followed into directories (a real repository has a few). */
const MAX_LINKED_DIRS = 1000;

/**
 * A revision's files, with the configs and deploy redirects found below a symbolic link to a
 * directory of the same revision also listed at the link's path (`apps/api -> ../dist/api` lists
 * `apps/api/wrangler.toml`): wrangler, run there, reads them. Those entries are read by path (git
 * follows the link), never by blob id. One level: links inside the linked directory are not
 * followed again. A link out of the repository lists nothing (what it reaches is not in the commit).
 */
async function withLinkedDirs(
  reader: GitFileReader,
  rev: string,
  files: TreeFile[],
  linkedFrom: Map<string, string>,
): Promise<TreeFile[]> {
  const links = files.filter((f) => f.mode === "120000").slice(0, MAX_LINKED_DIRS);
  if (links.length === 0) return files;
  const deployFiles = files.filter(
    (f) => CONFIG_NAMES.includes(posix.basename(f.path).toLowerCase() as never) || isRedirectFile(f.path),
  );
  const extra: TreeFile[] = [];
  const texts = await Promise.all(links.map((link) => reader.read(rev, link.path, link.oid)));
  links.forEach((link, i) => {
    const text = texts[i]?.content;
    if (!text || text.includes("\0") || posix.isAbsolute(text)) return;
    const target = posix.normalize(posix.join(posix.dirname(link.path), text));
    if (target === ".." || target.startsWith("../")) return;
    const prefix = target === "." ? "" : `${target}/`;
    for (const file of deployFiles) {
      if (!file.path.startsWith(prefix)) continue;
      const path = `${link.path}/${file.path.slice(prefix.length)}`;
      extra.push({ path, mode: "120000", oid: file.oid });
      linkedFrom.set(path, file.path);
    }
  });
  if (extra.length === 0) return files;
  const known = new Set(files.map((f) => f.path));
  return [...files, ...extra.filter((f) => !known.has(f.path))];
}

/**
 * The working tree's files, with the configs and deploy redirects directly inside a directory
 * that a tracked symbolic link of the repository leads to also listed at the link's path (see
 * withLinkedDirs; the confined source reader follows such a link when it reads them).
 */
async function withLinkedWorkingDirs(
  root: string,
  files: readonly string[],
  linkedFrom: Map<string, string>,
): Promise<string[]> {
  const links = (await listIndexSymlinks(root)).slice(0, MAX_LINKED_DIRS);
  if (links.length === 0) return [...files];
  const top = realpathSync(root);
  const known = new Set(files);
  const extra: string[] = [];
  for (const link of links) {
    let real: string;
    try {
      real = realpathSync(join(root, link));
      if (!statSync(real).isDirectory()) continue;
    } catch {
      continue; // dangling, a loop, unreadable: nothing is read through it
    }
    const rel = relative(top, real);
    if (rel.startsWith(`..${sep}`) || rel === "..") continue; // leads out of the repository
    for (const name of [...CONFIG_NAMES, ".wrangler/deploy/config.json"]) {
      const path = `${link}/${name}`;
      if (known.has(path)) continue;
      try {
        if (statSync(join(real, name)).isFile()) {
          extra.push(path);
          linkedFrom.set(path, posix.join(rel.split(sep).join("/"), name));
        }
      } catch {
        // no such file
      }
    }
  }
  return [...files, ...extra];
}

/** A path's directory as the pairing names it (`""` for the top). */
function dirOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === "." ? "" : dir;
}

function notARevision(rev: string, flag: string): never {
  throw new UsageError(`${flag} ${JSON.stringify(rev)} is not a revision in this repository`);
}

async function defaultBaseRev(root: string, head: string | null): Promise<string | null> {
  return (await defaultBase(root, head ?? "HEAD", {}, head !== null))?.sha ?? null;
}

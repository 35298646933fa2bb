// A repository's wrangler configs at two revisions, read with git as data (nothing from the
// change is ever run): the check's `readRevisions` port (src/check/ports.ts). Which of them
// the check reads is its choice (src/check/repository-change.ts), and so is the analysis
// (src/check/repository-check.ts).
import { realpathSync, statSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import type { ConfigRead, RepositoryRevisions, RevisionFiles } from "../check/ports.ts";
import { isRedirectFile } from "../core/analyze/config-files.ts";
import type { SourceReader } from "../core/code/worker-exports.ts";
import { selectConfigPaths } from "../core/discover.ts";
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

export type { RepositoryRevisions, RevisionFiles } from "../check/ports.ts";

/**
 * The repository's files at the two revisions of a change: the revisions resolved (the base
 * defaulting as `defaultBase` says), every path at each listed, and the readers.
 */
export async function readRevisionFiles(options: RepositoryRevisions): Promise<RevisionFiles> {
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
  const baseFallback = options.base !== null && !baseSha ? options.baseFallback : undefined;
  const baseRev = baseFallback
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
    const basePaths = baseFallback ? headPaths : baseFiles === null ? [] : baseFiles.map((f) => f.path);
    // Regular files are read by blob id: no path walk per file, and a file the change did not
    // touch (same id at both revisions) is read once.
    const blobIds = (files: readonly TreeFile[] | null) =>
      new Map((files ?? []).filter(isRegularFile).map((f) => [f.path, f.oid]));
    const headBlobs = blobIds(headFiles);
    const baseBlobs = blobIds(baseFiles);
    const headSet = new Set(headPaths);
    const baseSet = new Set(basePaths);
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
    const readAt = (rev: string | null, file: string): Promise<ConfigRead> => {
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
    const readConfig = (side: "base" | "head", file: string): Promise<ConfigRead> => {
      if (side === "head") return headSet.has(file) ? readAt(headRev, file).catch(asUsageError) : NO_READ;
      if (baseFallback) return baseFallback(file).then((text): ConfigRead => ({ text, unreadable: null }));
      return baseRev !== null && baseSet.has(file) ? readAt(baseRev, file).catch(asUsageError) : NO_READ;
    };
    return {
      root,
      baseRev,
      headRev,
      patterns,
      headPaths,
      basePaths,
      listed: new Set([
        ...(headTree ?? []).map((f) => f.path),
        ...(baseTree ?? []).map((f) => f.path),
        ...(workingTree ?? []),
      ]),
      linkedFrom,
      changed: new Set(changedList ?? headPaths),
      readConfig,
      readHeadSource,
      readBaseSource,
      close: () => reader.close(),
    };
  } catch (error) {
    await reader.close();
    return asUsageError(error);
  }
}

/** A revision missing from the clone is a usage error (fetch it first); any other error is itself. */
function asUsageError(error: unknown): never {
  if (error instanceof MissingRevisionError) {
    throw new UsageError(`revision ${error.rev} is not in this repository (a shallow clone? fetch it first)`);
  }
  throw error;
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

const NO_FILE: ConfigRead = { text: null, unreadable: null };
const NO_READ: Promise<ConfigRead> = Promise.resolve(NO_FILE);

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

function notARevision(rev: string, flag: string): never {
  throw new UsageError(`${flag} ${JSON.stringify(rev)} is not a revision in this repository`);
}

async function defaultBaseRev(root: string, head: string | null): Promise<string | null> {
  return (await defaultBase(root, head ?? "HEAD", {}, head !== null))?.sha ?? null;
}

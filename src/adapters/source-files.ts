// Reads source files of a checked-out repository for the export analysis (core/code), and
// refuses anything outside the repository: `..` that climbs above the root, absolute paths
// elsewhere, and symbolic links (at any level) whose target lies outside. The files come from a
// pull request, so they are untrusted data: they are only read as text, never run.
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { SourceReader } from "../core/code/worker-exports.ts";

/** Largest source file read (1 MiB): real Worker sources are far smaller; bundles are not sources. */
export const DEFAULT_MAX_SOURCE_BYTES = 1024 * 1024;

export class SourceReadError extends Error {
  override name = "SourceReadError";
}

export interface SourceReaderOptions {
  maxBytes?: number;
}

/**
 * A reader for `resolveWorkerExports`, rooted at `rootDir`. Paths are relative to the root
 * (POSIX separators) or absolute inside it. Returns null when there is no such file (or it is a
 * directory); throws SourceReadError for a path it refuses or a file over the size cap.
 */
export function createSourceReader(rootDir: string, options: SourceReaderOptions = {}): SourceReader {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SOURCE_BYTES;
  const root = realpathSync(rootDir);
  const inside = (path: string): boolean => {
    const rel = relative(root, path);
    return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
  };

  return (path: string): string | null => {
    if (path.includes("\0"))
      throw new SourceReadError(`refusing a path with a NUL byte: ${JSON.stringify(path)}`);
    const lexical = resolve(root, path);
    if (!inside(lexical)) throw new SourceReadError(`refusing ${path}: outside the repository`);
    let real: string;
    try {
      real = realpathSync(lexical);
    } catch (error) {
      if (isMissing(error)) return null;
      throw new SourceReadError(`cannot read ${path}: ${whyUnreadable(error, root)}`);
    }
    if (!inside(real))
      throw new SourceReadError(`refusing ${path}: a symbolic link to outside the repository`);
    let fd: number;
    try {
      // O_NOFOLLOW: the resolved path must not have become a link since realpath; O_NONBLOCK:
      // a FIFO planted in the repository must not hang the read (fstat then rejects it).
      fd = openSync(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (error) {
      if (isMissing(error)) return null;
      throw new SourceReadError(`cannot read ${path}: ${whyUnreadable(error, root)}`);
    }
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) return null;
      if (stat.size > maxBytes) {
        throw new SourceReadError(`refusing ${path}: ${stat.size} bytes is over the ${maxBytes}-byte limit`);
      }
      return readFileSync(fd, "utf8");
    } finally {
      closeSync(fd);
    }
  };
}

/**
 * Why a file cannot be read, in words, without the runner's absolute path that Node puts in its
 * messages (`ELOOP: ..., stat '/home/runner/work/...'`): paths in it are shown from the root.
 */
function whyUnreadable(error: unknown, root: string): string {
  const { code, path, dest, message } = error as NodeJS.ErrnoException & { dest?: string };
  if (code === "ELOOP") return "a symbolic link in a loop (or a chain of too many links), ELOOP";
  if (code === "EACCES" || code === "EPERM") return `permission denied (${code})`;
  let text = String(message);
  for (const absolute of [dest, path]) {
    if (absolute && isAbsolute(absolute)) text = text.split(absolute).join(relative(root, absolute) || ".");
  }
  return text;
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === "ENOENT" || code === "ENOTDIR";
}

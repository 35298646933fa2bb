/**
 * The wrangler configs of the repository a deploy runs in: the git work tree around the working
 * directory (tracked and untracked, not ignored), else the working directory itself, walked to
 * a bounded depth (node_modules, .git, build output skipped). Used to find the other Workers that
 * may bind the deployed Worker's classes through `script_name`.
 */
import { readdir } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { isWranglerConfigPath, SKIPPED_DIRS } from "../core/discover.ts";
import { listWorkingTreeFiles, showToplevel } from "./git.ts";

export interface WorkspaceConfigs {
  /** The repository root (git top level), else the working directory. */
  readonly root: string;
  /** Absolute paths of every wrangler config under the root. */
  readonly files: readonly string[];
}

const SKIPPED = new Set(SKIPPED_DIRS);
const MAX_DEPTH = 8;
const MAX_ENTRIES = 50_000;

export async function listWorkspaceConfigs(workingDirectory: string): Promise<WorkspaceConfigs> {
  const cwd = resolve(workingDirectory);
  const top = await showToplevel(cwd).catch(() => null);
  if (top) {
    try {
      const paths = await listWorkingTreeFiles(top, isWranglerConfigPath);
      return { root: top, files: paths.map((p) => join(top, ...p.split("/"))) };
    } catch {
      // fall through to a walk of the working directory
    }
  }
  const files: string[] = [];
  let seen = 0;
  async function walk(dir: string, depth: number): Promise<void> {
    if (depth > MAX_DEPTH || seen > MAX_ENTRIES) return;
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      seen++;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) await walk(path, depth + 1);
      } else if (entry.isFile() && isWranglerConfigPath(relative(cwd, path).split(sep).join("/"))) {
        files.push(path);
      }
    }
  }
  await walk(cwd, 0);
  return { root: cwd, files: files.sort() };
}

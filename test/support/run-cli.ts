// Runs the committed CLI (dist/cli.js) as a child process of Node 24, with no colours and no git
// repository above the temporary directories. DO_MIGRATE_CLI points at another build.
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
export const CLI = process.env.DO_MIGRATE_CLI ?? join(ROOT, "dist/cli.js");

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], cwd = ROOT): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: "1", GIT_CEILING_DIRECTORIES: tmpdir() },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

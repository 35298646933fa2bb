// The ports of the deploy use case: what it needs of the world, as plain interfaces. The real
// adapters (the Cloudflare API, wrangler, the repository's files) are put behind them by the
// composition root (src/deploy/adapters.ts), which the entry points (src/action/deploy.ts,
// src/cli/deploy.ts) build; tests may replace any.
import type { Writable } from "node:stream";
import type { ReadLiveAccounts } from "../check/ports.ts";
import type { SourceReader } from "../core/code/worker-exports.ts";

export type { LiveAccounts, LiveReadRequest, ReadLiveAccounts } from "../check/ports.ts";

export interface DeployLog {
  info(message: string): void;
  warning(message: string): void;
}

/**
 * The repository's files, the deploy's only way to them: the selection of the Workers reads the
 * configs through it, phase 1 writes its temporary files through it (src/deploy/adapters.ts
 * `diskFiles` on disk; tests may keep them in memory).
 */
export interface DeployFiles {
  /** The repository root and its wrangler configs (absolute paths). */
  listConfigs(workingDirectory: string): Promise<{ root: string; files: readonly string[] }>;
  /** True when something exists at the path (a file, a directory or a link that resolves). */
  exists(path: string): Promise<boolean>;
  /** True when the path is a directory (or a link to one); false when it is not, or is not there. */
  isDirectory(path: string): Promise<boolean>;
  /**
   * A file's text (UTF-8). Rejects when it cannot be read, with the error's `code` (`ENOENT`,
   * `EISDIR`, `EACCES`...) when there is one: the deploy words it.
   */
  readText(path: string): Promise<string>;
  /**
   * Writes a temporary file that must not exist yet (phase 1's derived config and stand-in
   * entry, beside the originals). It is removed by {@link DeployFiles.removeTemp}, or when the
   * process exits or is interrupted before that.
   */
  writeTemp(path: string, text: string): Promise<void>;
  /** Removes a file written by {@link DeployFiles.writeTemp} (nothing when it is gone). */
  removeTemp(path: string): Promise<void>;
  /**
   * A path argument relative to cwd as repository-relative patterns (a directory: the configs
   * under it). Throws a UsageError for a path outside the repository.
   */
  repoPatterns(root: string, cwd: string, path: string): string[];
}

export interface DeployAdapters extends DeployFiles {
  readonly log: DeployLog;
  /**
   * Reads the live state of accounts, each reading within its own request budget (the caller
   * holds the token and the API base URL). Rejects with {@link UnusableApiBaseUrl} when the API
   * base URL cannot be used.
   */
  readonly readLive: ReadLiveAccounts;
  /** Runs `wrangler deploy` (adapters/wrangler.ts `runWranglerDeploy`). */
  deploy(options: RunWranglerDeployOptions): Promise<WranglerDeployResult>;
  /** The wrangler to run: the project's, else installed. Throws with a plain message. */
  resolveWrangler(workingDirectory: string, version: string | null): Promise<string | readonly string[]>;
  /** Reads source files under a root, for the export analysis (adapters/source-files.ts). */
  sourceReader(root: string): SourceReader;
}

/** The Cloudflare API base URL (CLOUDFLARE_API_BASE_URL) cannot be used: nothing was read. */
export class UnusableApiBaseUrl extends Error {
  override readonly name = "UnusableApiBaseUrl";
}

/** One line of wrangler's output file. */
export interface WranglerOutputRecord {
  type: string;
  version?: number;
  [key: string]: unknown;
}

export interface RunWranglerDeployOptions {
  /** Path to wrangler (a `.js` file or a `node_modules/.bin` link to one runs under this Node), or a command array. */
  wranglerBin: string | readonly string[];
  cwd: string;
  configPath: string;
  /** Environment to deploy (`--env`); null for the top level. CLOUDFLARE_ENV is never inherited. */
  env: string | null;
  accountId: string;
  token: string;
  /** Sets CLOUDFLARE_API_BASE_URL for the child when given. */
  apiBaseUrl?: string;
  /** Extra variables for the child (cannot override the token, account, base URL or output file). */
  extraEnv?: Record<string, string>;
  /** Where wrangler writes its ND-JSON records; a temp file (removed afterwards) when omitted. */
  outputFile?: string;
  /** Environment the child starts from; defaults to this process's environment. */
  baseEnv?: Readonly<Record<string, string | undefined>>;
  /** Do not echo the command and its output to this process's stdout (default false). */
  silent?: boolean;
  /** Echo to this stream instead of stdout (the CLI's `--json` keeps stdout for its JSON). */
  echoTo?: Writable;
}

export interface WranglerDeployError {
  /** Cloudflare API error code, when there is one (e.g. 10061). */
  code?: number;
  message: string;
}

export interface WranglerDeployResult {
  ok: boolean;
  exitCode: number;
  records: WranglerOutputRecord[];
  stdout: string;
  stderr: string;
  /** From the `deploy` record on success. */
  versionId?: string;
  error?: WranglerDeployError;
}

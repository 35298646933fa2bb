// The real adapters of the deploy (its composition root, behind the DeployAdapters port of
// ports.ts): the Cloudflare API, wrangler, the repository's configs and source files, the file
// system (the only place of the deploy that touches it). The action and the CLI build them here;
// tests may replace any.
import { rmSync } from "node:fs";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import { ApiBaseUrlError, createCloudflareClient } from "../adapters/cloudflare-api.ts";
import { liveAccountsReader } from "../adapters/live-state.ts";
import { toRepoPatterns } from "../adapters/path-patterns.ts";
import { pathExists } from "../adapters/paths.ts";
import { createSourceReader } from "../adapters/source-files.ts";
import { listWorkspaceConfigs } from "../adapters/workspace-configs.ts";
import { runWranglerDeploy } from "../adapters/wrangler.ts";
import { resolveWrangler } from "../adapters/wrangler-install.ts";
import { type DeployAdapters, type DeployFiles, type DeployLog, UnusableApiBaseUrl } from "./ports.ts";

export interface DeployAdapterOptions {
  readonly log: DeployLog;
  readonly token: string;
  /** CLOUDFLARE_API_BASE_URL, when set. */
  readonly apiBaseUrl?: string;
  /** Use this wrangler instead of looking for (or installing) one. */
  readonly wranglerBin?: string | readonly string[];
  /** Environment for a package manager installing wrangler. */
  readonly installEnv?: Record<string, string>;
}

export function createDeployAdapters(options: DeployAdapterOptions): DeployAdapters {
  const read = liveAccountsReader({
    client: (accountId, budget) => {
      try {
        return createCloudflareClient({
          accountId,
          token: options.token,
          budget,
          ...(options.apiBaseUrl ? { apiBaseUrl: options.apiBaseUrl } : {}),
        });
      } catch (error) {
        if (error instanceof ApiBaseUrlError) throw new UnusableApiBaseUrl(error.message);
        throw error;
      }
    },
  });
  return {
    log: options.log,
    readLive: read,
    deploy: runWranglerDeploy,
    resolveWrangler: async (workingDirectory, version) =>
      options.wranglerBin ??
      (await resolveWrangler({
        workingDirectory,
        version,
        log: options.log,
        ...(options.installEnv ? { env: options.installEnv } : {}),
      })),
    ...diskFiles,
    sourceReader: (root) => createSourceReader(root),
  };
}

/** The repository's files on disk (the DeployFiles port). */
export const diskFiles: DeployFiles = {
  listConfigs: listWorkspaceConfigs,
  exists: pathExists,
  isDirectory: async (path) => {
    try {
      return (await stat(path)).isDirectory();
    } catch {
      return false;
    }
  },
  readText: (path) => readFile(path, "utf8"),
  repoPatterns: toRepoPatterns,
  writeTemp,
  removeTemp,
};

// Temporary files are removed by removeTemp (the deploy's `finally`), and also if the process is
// interrupted.
const tempFiles = new Set<string>();
let signalCleanupInstalled = false;

function removeTempFilesNow(): void {
  for (const path of tempFiles) rmSync(path, { force: true });
  tempFiles.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeTempFilesNow();
  uninstallSignalCleanup();
  process.kill(process.pid, signal);
}

function installSignalCleanup(): void {
  if (signalCleanupInstalled) return;
  signalCleanupInstalled = true;
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("exit", removeTempFilesNow);
}

function uninstallSignalCleanup(): void {
  if (!signalCleanupInstalled) return;
  signalCleanupInstalled = false;
  process.removeListener("SIGINT", onSignal);
  process.removeListener("SIGTERM", onSignal);
  process.removeListener("exit", removeTempFilesNow);
}

async function writeTemp(path: string, text: string): Promise<void> {
  installSignalCleanup();
  tempFiles.add(path);
  await writeFile(path, text, { flag: "wx" });
}

async function removeTemp(path: string): Promise<void> {
  await rm(path, { force: true });
  tempFiles.delete(path);
  if (tempFiles.size === 0) uninstallSignalCleanup();
}

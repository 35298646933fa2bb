// The real adapters of the deploy (its composition root, behind the DeployAdapters port of
// ports.ts): the Cloudflare API, wrangler, the repository's configs and source files. The action
// and the CLI build them here; tests may replace any.
import { ApiBaseUrlError, createCloudflareClient } from "../adapters/cloudflare-api.ts";
import { liveAccountsReader } from "../adapters/live-state.ts";
import { toRepoPatterns } from "../adapters/path-patterns.ts";
import { pathExists } from "../adapters/paths.ts";
import { createSourceReader } from "../adapters/source-files.ts";
import { listWorkspaceConfigs } from "../adapters/workspace-configs.ts";
import { runWranglerDeploy } from "../adapters/wrangler.ts";
import { resolveWrangler } from "../adapters/wrangler-install.ts";
import { type DeployAdapters, type DeployLog, UnusableApiBaseUrl } from "./ports.ts";

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
    listConfigs: listWorkspaceConfigs,
    exists: pathExists,
    repoPatterns: toRepoPatterns,
    sourceReader: (root) => createSourceReader(root),
  };
}

// The real adapters of the two-phase deploy: the Cloudflare API, wrangler, the repository's
// configs and source files. The action and the CLI build them here; tests may replace any.
import { createCloudflareClient } from "../adapters/cloudflare-api.ts";
import { createSourceReader } from "../adapters/source-files.ts";
import { listWorkspaceConfigs } from "../adapters/workspace-configs.ts";
import { runWranglerDeploy } from "../adapters/wrangler.ts";
import { resolveWrangler } from "../adapters/wrangler-install.ts";
import type { DeployLog, DeployAdapters as TwoPhaseAdapters } from "./release.ts";

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

export function createDeployAdapters(options: DeployAdapterOptions): TwoPhaseAdapters {
  return {
    log: options.log,
    cloudflare: (accountId, budget) =>
      createCloudflareClient({
        accountId,
        token: options.token,
        ...(budget ? { budget } : {}),
        ...(options.apiBaseUrl ? { apiBaseUrl: options.apiBaseUrl } : {}),
      }),
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
    sourceReader: (root) => createSourceReader(root),
  };
}

// `mode: deploy`: the release of one Worker or many (src/deploy/release.ts) wired to the runner:
// outputs (safe defaults first), the job summary, one setFailed with a plain explanation.
import { resolve } from "node:path";
import * as core from "@actions/core";
import { createDeployAdapters } from "../deploy/adapters.ts";
import { runDeploy } from "../deploy/run-deploy.ts";
import { selectionFor } from "../deploy/targets.ts";
import type { RunContext } from "./context.ts";
import type { Settings } from "./inputs.ts";

/**
 * Variables wrangler (and any build command it runs) must not inherit from the runner: the
 * action's inputs (`INPUT_GITHUB-TOKEN`, `INPUT_CLOUDFLARE-API-TOKEN`) and the runner's own tokens.
 * wrangler gets the Cloudflare token as CLOUDFLARE_API_TOKEN, set by the wrangler adapter.
 */
function wranglerBaseEnv(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith("INPUT_")) continue;
    if (key === "ACTIONS_RUNTIME_TOKEN" || key.startsWith("ACTIONS_ID_TOKEN_REQUEST_")) continue;
    out[key] = value;
  }
  return out;
}

export async function runDeployMode(settings: Settings, context: RunContext): Promise<void> {
  core.setOutput("phase", "none");
  core.setOutput("next-phase", "none");
  core.setOutput("migration-tag", "");
  core.setOutput("deleted-classes", "[]");
  core.setOutput("workers", "[]");
  core.setOutput("next-confirmation", "");

  const token = settings.cloudflareApiToken.trim();
  if (token) core.setSecret(token);
  if (!token) {
    core.setFailed(
      "mode: deploy needs the cloudflare-api-token input: pass it from a repository or environment secret.",
    );
    return;
  }

  const apiBaseUrl = context.cloudflareApiBaseUrl;
  const adapters = createDeployAdapters({
    log: { info: (m) => core.info(m), warning: (m) => core.warning(m) },
    token,
    ...(apiBaseUrl ? { apiBaseUrl } : {}),
  });
  const workingDirectory = resolve(settings.workingDirectory);
  const result = await runDeploy(
    {
      workingDirectory,
      selection: await selectionFor(workingDirectory, settings.config, false, adapters),
      environment: settings.environment,
      phase: settings.phase,
      confirmDataLoss: settings.confirmDataLoss,
      accountId: settings.cloudflareAccountId || null,
      token,
      ...(apiBaseUrl ? { apiBaseUrl } : {}),
      wranglerVersion: settings.wranglerVersion,
      baseEnv: wranglerBaseEnv(process.env),
      maxParallel: settings.maxParallel,
      skipUnchanged: settings.skipUnchanged,
    },
    adapters,
  );

  core.info(result.text);
  core.setOutput("phase", result.phase);
  core.setOutput("next-phase", result.nextPhase);
  core.setOutput("migration-tag", result.migrationTag ?? "");
  core.setOutput("deleted-classes", JSON.stringify(result.deletedClasses));
  core.setOutput("workers", JSON.stringify(result.workers));
  core.setOutput("next-confirmation", result.confirmation);
  if (process.env.GITHUB_STEP_SUMMARY) {
    try {
      await core.summary.addRaw(result.markdown).write();
    } catch (error) {
      core.warning(`Could not write the job summary: ${(error as Error).message}`);
    }
  }
  if (!result.ok) core.setFailed(result.message ?? "The deploy did not complete.");
}

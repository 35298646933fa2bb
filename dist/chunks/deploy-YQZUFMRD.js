import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  createDeployAdapters,
  runDeploy,
  selectionFor
} from "./chunk-W3ILXS7X.js";
import "./chunk-J4XJ76NM.js";
import "./chunk-2ZXUYZ3X.js";
import "./chunk-SGWWQGAH.js";
import "./chunk-B4Y5UVPG.js";
import {
  info,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-N6AHBFZZ.js";
import "./chunk-FSZB5RRS.js";
import "./chunk-5VPY553I.js";
import "./chunk-ATEYP6NA.js";
import "./chunk-5DI27VZ3.js";
import "./chunk-X7T4KLFK.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-QWO2RPQJ.js";
import "./chunk-2BJOGL7Q.js";
import "./chunk-TLPFU5T4.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-FDGYIFXX.js";

// src/action/deploy.ts
import { resolve } from "node:path";
function wranglerBaseEnv(env) {
  const out = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith("INPUT_")) continue;
    if (key === "ACTIONS_RUNTIME_TOKEN" || key.startsWith("ACTIONS_ID_TOKEN_REQUEST_")) continue;
    out[key] = value;
  }
  return out;
}
async function runDeployMode(settings) {
  setOutput("phase", "none");
  setOutput("next-phase", "none");
  setOutput("migration-tag", "");
  setOutput("deleted-classes", "[]");
  setOutput("workers", "[]");
  setOutput("next-confirmation", "");
  const token = settings.cloudflareApiToken.trim();
  if (token) setSecret(token);
  if (!token) {
    setFailed(
      "mode: deploy needs the cloudflare-api-token input: pass it from a repository or environment secret."
    );
    return;
  }
  const apiBaseUrl = process.env.CLOUDFLARE_API_BASE_URL?.trim() || void 0;
  const adapters = createDeployAdapters({
    log: { info: (m) => info(m), warning: (m) => warning(m) },
    token,
    ...apiBaseUrl ? { apiBaseUrl } : {}
  });
  const workingDirectory = resolve(settings.workingDirectory);
  const result = await runDeploy(
    {
      workingDirectory,
      selection: selectionFor(workingDirectory, settings.config, false),
      environment: settings.environment,
      phase: settings.phase,
      confirmDataLoss: settings.confirmDataLoss,
      accountId: settings.cloudflareAccountId || null,
      token,
      ...apiBaseUrl ? { apiBaseUrl } : {},
      wranglerVersion: settings.wranglerVersion,
      baseEnv: wranglerBaseEnv(process.env),
      maxParallel: settings.maxParallel,
      skipUnchanged: settings.skipUnchanged
    },
    adapters
  );
  info(result.text);
  setOutput("phase", result.phase);
  setOutput("next-phase", result.nextPhase);
  setOutput("migration-tag", result.migrationTag ?? "");
  setOutput("deleted-classes", JSON.stringify(result.deletedClasses));
  setOutput("workers", JSON.stringify(result.workers));
  setOutput("next-confirmation", result.confirmation);
  if (process.env.GITHUB_STEP_SUMMARY) {
    try {
      await summary.addRaw(result.markdown).write();
    } catch (error) {
      warning(`Could not write the job summary: ${error.message}`);
    }
  }
  if (!result.ok) setFailed(result.message ?? "The deploy did not complete.");
}
export {
  runDeployMode
};

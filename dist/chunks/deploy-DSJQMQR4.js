import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  createDeployAdapters,
  runDeploy,
  selectionFor
} from "./chunk-TQM2VRPY.js";
import "./chunk-27Y2JU4L.js";
import "./chunk-KDC7SQTS.js";
import "./chunk-RQ5ONLRU.js";
import "./chunk-PQ7QJ6BL.js";
import "./chunk-TW7EIWBP.js";
import "./chunk-ZKWNJPXZ.js";
import "./chunk-MENN5CMZ.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-5OSWRORD.js";
import "./chunk-PIRUEGYP.js";
import "./chunk-CYCF2PHT.js";
import "./chunk-7ZJZNNLB.js";
import "./chunk-57KHF4P2.js";
import {
  info,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-N6AHBFZZ.js";
import "./chunk-FSZB5RRS.js";
import "./chunk-NRVXM5AG.js";
import "./chunk-BKDYTUFB.js";
import "./chunk-Q4EI3H2W.js";
import "./chunk-EIFGOVMA.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-5VPY553I.js";
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
async function runDeployMode(settings, context) {
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
  const apiBaseUrl = context.cloudflareApiBaseUrl;
  const adapters = createDeployAdapters({
    log: { info: (m) => info(m), warning: (m) => warning(m) },
    token,
    ...apiBaseUrl ? { apiBaseUrl } : {}
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

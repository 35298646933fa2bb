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
import {
  UsageError
} from "./chunk-MENN5CMZ.js";
import "./chunk-TZV6S3WX.js";
import "./chunk-5OSWRORD.js";
import "./chunk-PIRUEGYP.js";
import "./chunk-CYCF2PHT.js";
import "./chunk-7ZJZNNLB.js";
import "./chunk-57KHF4P2.js";
import "./chunk-FSZB5RRS.js";
import "./chunk-NRVXM5AG.js";
import "./chunk-BKDYTUFB.js";
import "./chunk-Q4EI3H2W.js";
import "./chunk-EIFGOVMA.js";
import "./chunk-LHHAANFG.js";
import "./chunk-Y72PUWW2.js";
import "./chunk-5VPY553I.js";
import "./chunk-FDGYIFXX.js";

// src/cli/deploy.ts
import { parseArgs } from "node:util";
var PHASES = ["auto", "plan", "1", "2"];
async function runDeployCommand(argv) {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(error.message, true);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0)
    throw new UsageError(`deploy takes no arguments (got "${positionals[0]}")`, true);
  const phase = values.phase ?? "auto";
  if (!PHASES.includes(phase)) {
    throw new UsageError(`--phase must be one of ${PHASES.join(", ")} (got "${values.phase}")`);
  }
  const token = process.env.CLOUDFLARE_API_TOKEN?.trim() ?? "";
  if (!token) {
    throw new UsageError("set the CLOUDFLARE_API_TOKEN environment variable (the token is never a flag)");
  }
  const accountId = values["account-id"]?.trim() || process.env.CLOUDFLARE_ACCOUNT_ID?.trim() || null;
  const apiBaseUrl = process.env.CLOUDFLARE_API_BASE_URL?.trim() || void 0;
  const confirm = (values["confirm-data-loss"] ?? []).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  const env = values.env === void 0 || values.env === "" ? null : values.env;
  const maxParallel = Number(values["max-parallel"] ?? "1");
  if (!Number.isInteger(maxParallel) || maxParallel < 1 || maxParallel > 16) {
    throw new UsageError(
      `--max-parallel must be a whole number from 1 to 16 (got "${values["max-parallel"]}")`
    );
  }
  const cwd = process.cwd();
  const real = createDeployAdapters({
    log: {
      info: (m) => process.stderr.write(`${m}
`),
      warning: (m) => process.stderr.write(`warning: ${m}
`)
    },
    token,
    ...apiBaseUrl ? { apiBaseUrl } : {}
  });
  const adapters = values.json ? {
    ...real,
    deploy: (o) => real.deploy({ ...o, echoTo: process.stderr })
  } : real;
  const result = await runDeploy(
    {
      workingDirectory: cwd,
      selection: await selectionFor(cwd, values.config ?? [], values.all === true, adapters),
      environment: env,
      phase,
      confirmDataLoss: confirm,
      accountId,
      token,
      ...apiBaseUrl ? { apiBaseUrl } : {},
      wranglerVersion: values["wrangler-version"]?.trim() || null,
      maxParallel,
      skipUnchanged: values["skip-unchanged"] === true
    },
    adapters
  );
  process.stdout.write(
    values.json ? `${JSON.stringify({ ok: result.ok, phase: result.phase, nextPhase: result.nextPhase, migrationTag: result.migrationTag, deletedClasses: result.deletedClasses, nextConfirmation: result.confirmation, workers: result.workers }, null, 2)}
` : result.text
  );
  return result.ok ? 0 : 1;
}
function parse(argv) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: DEPLOY_OPTIONS
  });
}
var DEPLOY_OPTIONS = {
  env: { type: "string", short: "e" },
  phase: { type: "string" },
  "confirm-data-loss": { type: "string", multiple: true },
  config: { type: "string", short: "c", multiple: true },
  all: { type: "boolean" },
  "max-parallel": { type: "string" },
  "skip-unchanged": { type: "boolean" },
  json: { type: "boolean" },
  "account-id": { type: "string" },
  "wrangler-version": { type: "string" }
};
export {
  DEPLOY_OPTIONS,
  runDeployCommand
};

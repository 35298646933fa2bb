// do-migrate deploy [--env X] [--phase auto|plan|1|2] [--confirm-data-loss A,B] [--config PATH]...
//                   [--all] [--max-parallel N] [--skip-unchanged] [--json]
//                   [--account-id ID] [--wrangler-version V]
// The guarded deploy of one Worker, or the release of many (several --config, globs, a
// directory, or --all: every config under the current directory), from a terminal or any CI.
// The API token comes from the CLOUDFLARE_API_TOKEN variable only (never a flag: argv is
// visible to every process). Exit codes: 0 deployed / planned / nothing to do, 1 refused or
// failed, 2 usage error.
import { parseArgs } from "node:util";
import { UsageError } from "../adapters/usage-error.ts";
import type { RequestedPhase } from "../core/plan/decide.ts";
import { createDeployAdapters } from "../deploy/adapters.ts";
import { runDeploy } from "../deploy/run-deploy.ts";
import { selectionFor } from "../deploy/targets.ts";

const PHASES: readonly RequestedPhase[] = ["auto", "plan", "1", "2"];

export async function runDeployCommand(argv: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message, true);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0)
    throw new UsageError(`deploy takes no arguments (got "${positionals[0]}")`, true);
  const phase = (values.phase ?? "auto") as RequestedPhase;
  if (!PHASES.includes(phase)) {
    throw new UsageError(`--phase must be one of ${PHASES.join(", ")} (got "${values.phase}")`);
  }
  const token = process.env.CLOUDFLARE_API_TOKEN?.trim() ?? "";
  if (!token) {
    throw new UsageError("set the CLOUDFLARE_API_TOKEN environment variable (the token is never a flag)");
  }
  const accountId = values["account-id"]?.trim() || process.env.CLOUDFLARE_ACCOUNT_ID?.trim() || null;
  const apiBaseUrl = process.env.CLOUDFLARE_API_BASE_URL?.trim() || undefined;
  const confirm = (values["confirm-data-loss"] ?? [])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  const env = values.env === undefined || values.env === "" ? null : values.env;

  const maxParallel = Number(values["max-parallel"] ?? "1");
  if (!Number.isInteger(maxParallel) || maxParallel < 1 || maxParallel > 16) {
    throw new UsageError(
      `--max-parallel must be a whole number from 1 to 16 (got "${values["max-parallel"]}")`,
    );
  }
  const cwd = process.cwd();
  const real = createDeployAdapters({
    log: {
      info: (m) => process.stderr.write(`${m}\n`),
      warning: (m) => process.stderr.write(`warning: ${m}\n`),
    },
    token,
    ...(apiBaseUrl ? { apiBaseUrl } : {}),
  });
  // With --json, stdout carries the JSON only: wrangler's echo goes to stderr.
  const adapters = values.json
    ? {
        ...real,
        deploy: (o: Parameters<typeof real.deploy>[0]) => real.deploy({ ...o, echoTo: process.stderr }),
      }
    : real;
  const result = await runDeploy(
    {
      workingDirectory: cwd,
      selection: await selectionFor(cwd, values.config ?? [], values.all === true, adapters),
      environment: env,
      phase,
      confirmDataLoss: confirm,
      accountId,
      token,
      ...(apiBaseUrl ? { apiBaseUrl } : {}),
      wranglerVersion: values["wrangler-version"]?.trim() || null,
      maxParallel,
      skipUnchanged: values["skip-unchanged"] === true,
    },
    adapters,
  );
  process.stdout.write(
    values.json
      ? `${JSON.stringify({ ok: result.ok, phase: result.phase, nextPhase: result.nextPhase, migrationTag: result.migrationTag, deletedClasses: result.deletedClasses, nextConfirmation: result.confirmation, workers: result.workers }, null, 2)}\n`
      : result.text,
  );
  return result.ok ? 0 : 1;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: DEPLOY_OPTIONS,
  });
}

/** The options of `deploy`; src/cli/help.ts describes each one (test/dist/cli-help.test.ts). */
export const DEPLOY_OPTIONS = {
  env: { type: "string", short: "e" },
  phase: { type: "string" },
  "confirm-data-loss": { type: "string", multiple: true },
  config: { type: "string", short: "c", multiple: true },
  all: { type: "boolean" },
  "max-parallel": { type: "string" },
  "skip-unchanged": { type: "boolean" },
  json: { type: "boolean" },
  "account-id": { type: "string" },
  "wrangler-version": { type: "string" },
} as const;

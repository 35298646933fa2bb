/**
 * Runs `wrangler deploy` for one Worker and reports what happened as data.
 *
 * - The command is an argument array (never a shell string).
 * - The API token goes only into the child's environment (CLOUDFLARE_API_TOKEN), never argv.
 * - wrangler writes ND-JSON records to WRANGLER_OUTPUT_FILE_PATH (`wrangler-session`, `deploy`,
 *   `command-failed`, ...); we read them, and take the Cloudflare error code from the
 *   `command-failed` record or, failing that, from the `[code: N]` wrangler prints.
 */
import { access, mkdtemp, readFile, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { getExecOutput } from "@actions/exec";
import type {
  RunWranglerDeployOptions,
  WranglerDeployError,
  WranglerDeployResult,
  WranglerOutputRecord,
} from "../deploy/ports.ts";

export { explainCloudflareError } from "../core/cloudflare-errors.ts";

export type {
  RunWranglerDeployOptions,
  WranglerDeployError,
  WranglerDeployResult,
  WranglerOutputRecord,
} from "../deploy/ports.ts";

/** Variables that must not leak from the parent into the deploy. */
const STRIPPED_ENV = [
  "CLOUDFLARE_API_TOKEN",
  "CLOUDFLARE_API_KEY",
  "CLOUDFLARE_EMAIL",
  "CLOUDFLARE_ACCOUNT_ID",
  "CLOUDFLARE_API_BASE_URL",
  "CLOUDFLARE_ENV",
  "WRANGLER_OUTPUT_FILE_PATH",
  "WRANGLER_OUTPUT_FILE_DIRECTORY",
];

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escape sequences
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/** Parse ND-JSON text; lines that are not JSON objects with a string `type` are skipped. */
export function parseWranglerOutput(text: string): WranglerOutputRecord[] {
  const records: WranglerOutputRecord[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const value: unknown = JSON.parse(line);
      if (
        typeof value === "object" &&
        value !== null &&
        typeof (value as { type?: unknown }).type === "string"
      ) {
        records.push(value as WranglerOutputRecord);
      }
    } catch {
      // a torn last line (killed process): ignore
    }
  }
  return records;
}

const EXPORTS_RECONCILIATION_PREFIX = "Durable Object exports reconciliation failed";

/**
 * The error of a failed run: code from the `command-failed` record, else from `[code: N]` in the
 * output; message from the line carrying that code (the API's own words), else the record.
 */
export function extractWranglerError(
  records: readonly WranglerOutputRecord[],
  output: string,
  exitCode: number,
): WranglerDeployError {
  const text = stripAnsi(output);
  const failed = [...records].reverse().find((r) => r.type === "command-failed");
  let code = typeof failed?.code === "number" ? failed.code : undefined;
  const recordMessage = typeof failed?.message === "string" ? failed.message.trim() : "";
  const codeLines = [...text.matchAll(/^[ \t]*(.*?)\s*\[code: (\d+)\]\s*$/gm)];
  const line = codeLines.find((m) => code === undefined || Number(m[2]) === code) ?? codeLines[0];
  if (code === undefined && line) code = Number(line[2]);
  if (code === undefined && recordMessage.startsWith(EXPORTS_RECONCILIATION_PREFIX)) code = 100402;
  let message = line?.[1]?.trim() ?? "";
  if (message === "") message = recordMessage;
  if (message === "") {
    const errorLine = /^\s*✘\s*\[ERROR\]\s*(.+)$/m.exec(text);
    message = errorLine?.[1]?.trim() ?? "";
  }
  if (message === "") message = `wrangler exited with code ${exitCode}`;
  return code === undefined ? { message } : { code, message };
}

/**
 * How to start wrangler: a JS entry (or a `.bin` link to one) runs under the current Node (the
 * action's node24). A relative path with a slash is taken relative to `cwd`.
 */
export async function resolveWranglerCommand(
  wranglerBin: string | readonly string[],
  cwd: string = process.cwd(),
): Promise<string[]> {
  if (typeof wranglerBin !== "string") {
    if (wranglerBin.length === 0 || !wranglerBin[0]) throw new Error("wranglerBin: empty command");
    return [...wranglerBin];
  }
  const bin = !isAbsolute(wranglerBin) && wranglerBin.includes("/") ? resolve(cwd, wranglerBin) : wranglerBin;
  const real = await realpath(bin).catch(() => bin);
  return /\.(?:c|m)?js$/.test(real) ? [process.execPath, real] : [bin];
}

/** The project's `node_modules/.bin/wrangler`, looking in `cwd` and then each parent; else null. */
export async function findWrangler(cwd: string): Promise<string | null> {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, "node_modules", ".bin", "wrangler");
    try {
      await access(candidate);
      return candidate;
    } catch {
      // keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function quoteForExec(tool: string): string {
  // @actions/exec splits its first argument on spaces unless double-quoted.
  return `"${tool.replaceAll('"', '\\"')}"`;
}

export async function runWranglerDeploy(options: RunWranglerDeployOptions): Promise<WranglerDeployResult> {
  const args = ["deploy", "--config", options.configPath];
  if (options.env !== null) args.push("--env", options.env);

  const ownTemp =
    options.outputFile === undefined ? await mkdtemp(join(tmpdir(), "do-migrate-wrangler-")) : null;
  const outputFile = options.outputFile ?? join(ownTemp as string, "output.ndjson");
  await writeFile(outputFile, "");

  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.baseEnv ?? process.env)) {
    if (value !== undefined && !STRIPPED_ENV.includes(key)) env[key] = value;
  }
  for (const [key, value] of Object.entries(options.extraEnv ?? {})) {
    if (!STRIPPED_ENV.includes(key)) env[key] = value;
  }
  env.CLOUDFLARE_API_TOKEN = options.token;
  env.CLOUDFLARE_ACCOUNT_ID = options.accountId;
  if (options.apiBaseUrl !== undefined) env.CLOUDFLARE_API_BASE_URL = options.apiBaseUrl;
  env.WRANGLER_OUTPUT_FILE_PATH = outputFile;

  const scrub = (text: string): string => (options.token ? text.split(options.token).join("***") : text);
  const notStarted = (message: string): WranglerDeployResult => ({
    ok: false,
    exitCode: -1,
    records: [],
    stdout: "",
    stderr: "",
    error: { message },
  });

  try {
    let command: string[];
    try {
      command = await resolveWranglerCommand(options.wranglerBin, options.cwd);
    } catch (err) {
      return notStarted((err as Error).message);
    }
    const [tool, ...prefix] = command as [string, ...string[]];
    let exitCode: number;
    let stdout: string;
    let stderr: string;
    try {
      ({ exitCode, stdout, stderr } = await getExecOutput(quoteForExec(tool), [...prefix, ...args], {
        cwd: options.cwd,
        env,
        ignoreReturnCode: true,
        silent: options.silent ?? false,
        ...(options.echoTo ? { outStream: options.echoTo } : {}),
      }));
    } catch (err) {
      return notStarted(scrub(`could not start wrangler: ${(err as Error).message}`));
    }
    stdout = scrub(stdout);
    stderr = scrub(stderr);
    const records = parseWranglerOutput(scrub(await readFile(outputFile, "utf8").catch(() => "")));
    const deployRecord = records.find((r) => r.type === "deploy");
    const failed = records.some((r) => r.type === "command-failed");
    const ok = exitCode === 0 && !failed;
    const result: WranglerDeployResult = { ok, exitCode, records, stdout, stderr };
    if (typeof deployRecord?.version_id === "string") result.versionId = deployRecord.version_id;
    if (!ok) result.error = extractWranglerError(records, `${stderr}\n${stdout}`, exitCode);
    return result;
  } finally {
    if (ownTemp !== null) await rm(ownTemp, { recursive: true, force: true });
  }
}

/**
 * Which wrangler the deploy runs: the project's own (`node_modules/.bin/wrangler`, found from the
 * working directory upwards), else one installed with the project's package manager (detected
 * from its lockfile). Commands are argument arrays; nothing goes through a shell.
 */
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { getExecOutput } from "@actions/exec";
import { pathExists } from "./paths.ts";
import { findWrangler } from "./wrangler.ts";

export type PackageManager = "npm" | "pnpm" | "yarn" | "bun";

/** Lockfiles in the order they are looked for. */
const LOCKFILES: readonly [string, PackageManager][] = [
  ["pnpm-lock.yaml", "pnpm"],
  ["yarn.lock", "yarn"],
  ["bun.lock", "bun"],
  ["bun.lockb", "bun"],
  ["package-lock.json", "npm"],
  ["npm-shrinkwrap.json", "npm"],
];

/** The package manager a lockfile name belongs to; npm when none is known. */
export function packageManagerFor(lockfiles: readonly string[]): PackageManager {
  for (const [file, manager] of LOCKFILES) if (lockfiles.includes(file)) return manager;
  return "npm";
}

/** The install command for `wrangler@<spec>`, as an argument array. */
export function installCommand(manager: PackageManager, spec: string): [string, string[]] {
  const pkg = `wrangler@${spec}`;
  switch (manager) {
    case "pnpm":
      return ["pnpm", ["add", "--save-dev", pkg]];
    case "yarn":
      return ["yarn", ["add", "--dev", pkg]];
    case "bun":
      return ["bun", ["add", "--dev", pkg]];
    default:
      return ["npm", ["install", "--no-save", "--no-audit", "--no-fund", pkg]];
  }
}

/** A version given as `4.156.0` (or `v4.156.0`): compared exactly with the installed one. */
function exactVersion(spec: string): string | null {
  const m = /^v?(\d+\.\d+\.\d+(?:[-+][\w.-]+)?)$/.exec(spec.trim());
  return m ? m[1]! : null;
}

/** Lockfile names found in `dir` or its parents (the nearest directory that has any). */
export async function findLockfiles(dir: string): Promise<{ dir: string; files: string[] } | null> {
  let current = resolve(dir);
  for (;;) {
    const found: string[] = [];
    for (const [file] of LOCKFILES) if (await pathExists(join(current, file))) found.push(file);
    if (found.length > 0) return { dir: current, files: found };
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/** The version of the wrangler a `.bin/wrangler` link belongs to, when readable. */
export async function installedWranglerVersion(bin: string): Promise<string | null> {
  const pkg = join(dirname(dirname(bin)), "wrangler", "package.json");
  try {
    const value = JSON.parse(await readFile(pkg, "utf8")) as { version?: unknown };
    return typeof value.version === "string" ? value.version : null;
  } catch {
    return null;
  }
}

export interface ResolveWranglerOptions {
  workingDirectory: string;
  /** The `wrangler-version` input; null = the project's wrangler, else the latest 4.x. */
  version: string | null;
  log: { info(message: string): void };
  /** Environment for the package manager (defaults to this process's). */
  env?: Record<string, string>;
}

/**
 * The wrangler to run: the project's own when there is one (and it matches an exact
 * `version`), else `wrangler@<version or 4>` installed in the project with its package manager.
 * Throws an Error with a plain message when the install fails.
 */
export async function resolveWrangler(options: ResolveWranglerOptions): Promise<string> {
  const installed = await findWrangler(options.workingDirectory);
  const wanted = options.version ? exactVersion(options.version) : null;
  if (installed) {
    const have = await installedWranglerVersion(installed);
    if (options.version === null || wanted === null || have === wanted) {
      options.log.info(`Using the project's wrangler${have ? ` ${have}` : ""} (${installed}).`);
      return installed;
    }
    options.log.info(`The project has wrangler ${have ?? "(unknown version)"}; installing ${wanted}.`);
  }
  const lock = await findLockfiles(options.workingDirectory);
  const manager = packageManagerFor(lock?.files ?? []);
  const cwd = lock?.dir ?? resolve(options.workingDirectory);
  const [tool, args] = installCommand(manager, options.version ?? "4");
  options.log.info(`Installing wrangler: ${tool} ${args.join(" ")} (in ${cwd})`);
  const result = await getExecOutput(tool, args, {
    cwd,
    ignoreReturnCode: true,
    silent: true,
    ...(options.env ? { env: options.env } : {}),
  }).catch((error: unknown) => ({
    exitCode: -1,
    stdout: "",
    stderr: (error as Error).message,
  }));
  if (result.exitCode !== 0) {
    const tail = `${result.stderr}\n${result.stdout}`.trim().split("\n").slice(-5).join("\n");
    throw new Error(`Installing wrangler with ${tool} failed (exit code ${result.exitCode}): ${tail}`);
  }
  const after = (await findWrangler(options.workingDirectory)) ?? (await findWrangler(cwd));
  if (!after)
    throw new Error(`Installed wrangler with ${tool}, but node_modules/.bin/wrangler is not there.`);
  return after;
}

// Every action input is read and validated here, once, into a typed settings object. A bad
// value stops the run before anything else happens, with a message listing the allowed values.
import * as core from "@actions/core";
import { isAccountId } from "../core/config/workers.ts";
import { FAIL_ON_VALUES, type FailOn, parseFailOn } from "../core/gate.ts";

export type Mode = "check" | "deploy";
export type CommentMode = "on-change" | "always" | "never";
export type PhaseInput = "auto" | "plan" | "1" | "2";
/** Check mode: read the live state `auto` (when a token is there), `off`, or `required`. */
export type LiveMode = "auto" | "off" | "required";

export interface Settings {
  readonly mode: Mode;
  readonly githubToken: string;
  readonly config: readonly string[];
  /** `null` = every environment and the top level. */
  readonly environments: readonly (string | null)[] | null;
  readonly failOn: FailOn;
  readonly comment: CommentMode;
  /** Post each proven mechanical fix as a suggestion on the pull request's lines. */
  readonly suggestions: boolean;
  readonly environment: string | null;
  readonly phase: PhaseInput;
  readonly confirmDataLoss: readonly string[];
  readonly live: LiveMode;
  readonly cloudflareApiToken: string;
  readonly cloudflareAccountId: string;
  readonly workingDirectory: string;
  readonly wranglerVersion: string | null;
  /** Deploy mode: most Workers of a release deployed side by side. */
  readonly maxParallel: number;
  /** Deploy mode: a Worker the live state shows at the head is not deployed again. */
  readonly skipUnchanged: boolean;
  /** Repository path of the policy file; null: `.do-migrate.jsonc` (or `.json`) when there is one. */
  readonly policy: string | null;
  /** Logins whose marked comments are also this action's (besides the token's own account). */
  readonly commentAuthors: readonly string[];
}

export class InputError extends Error {}

const MODES = ["check", "deploy"] as const;
const COMMENT_MODES = ["on-change", "always", "never"] as const;
const PHASES = ["auto", "plan", "1", "2"] as const;
const LIVE = ["auto", "off", "required"] as const;

function choice<T extends string>(name: string, allowed: readonly T[]): T {
  const raw = core.getInput(name).trim();
  const value = raw === "" ? allowed[0]! : raw;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(`Input "${name}" is "${raw}"; allowed values: ${allowed.join(", ")}.`);
  }
  return value as T;
}

/** A list input: one item per line or comma-separated; blanks and `#` comments dropped. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((item) => item.replace(/#.*$/, "").trim())
    .filter(Boolean);
}

/** A boolean input, strictly `true` or `false` (a typo is an error, not `false`). */
function booleanInput(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim();
  if (raw === "") return fallback;
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw new InputError(`Input "${name}" is "${raw}"; allowed values: true, false.`);
}

export function readSettings(): Settings {
  const mode = choice("mode", MODES);
  const failOnRaw = core.getInput("fail-on").trim() || "critical";
  const failOn = parseFailOn(failOnRaw);
  if (!failOn) {
    throw new InputError(`Input "fail-on" is "${failOnRaw}"; allowed values: ${FAIL_ON_VALUES.join(", ")}.`);
  }
  const environments = listInput("environments");
  const apiToken = core.getInput("cloudflare-api-token").trim();
  if (apiToken) core.setSecret(apiToken);
  const githubToken = core.getInput("github-token");
  if (githubToken) core.setSecret(githubToken);
  const accountId = core.getInput("cloudflare-account-id").trim();
  if (accountId && !isAccountId(accountId)) {
    throw new InputError('Input "cloudflare-account-id" is not an account ID (32 hexadecimal characters).');
  }
  const wranglerVersion = core.getInput("wrangler-version").trim();
  if (wranglerVersion && !/^[\w.^~<>=*|-]{1,64}$/.test(wranglerVersion)) {
    throw new InputError(`Input "wrangler-version" is "${wranglerVersion}"; give a version such as 4.156.0.`);
  }
  const environment = core.getInput("environment").trim();
  if (environment && !/^\w[\w.-]{0,127}$/.test(environment)) {
    throw new InputError(
      `Input "environment" is "${environment}"; an environment name is letters, digits, "_", "-", "." and starts with a letter, digit or "_".`,
    );
  }
  const maxParallelRaw = core.getInput("max-parallel").trim() || "1";
  if (!/^\d{1,2}$/.test(maxParallelRaw) || Number(maxParallelRaw) < 1 || Number(maxParallelRaw) > 16) {
    throw new InputError(`Input "max-parallel" is "${maxParallelRaw}"; give a whole number from 1 to 16.`);
  }
  const policy = core.getInput("policy").trim();
  if (policy && !isRepositoryPath(policy)) {
    throw new InputError(
      `Input "policy" is "${policy}"; give a path from the repository root, such as .do-migrate.jsonc.`,
    );
  }
  const commentAuthors = listInput("comment-author");
  for (const login of commentAuthors) {
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/.test(login)) {
      throw new InputError(
        `Input "comment-author" has "${login}"; give GitHub logins such as my-app[bot], one per line or comma-separated.`,
      );
    }
  }
  return {
    mode,
    githubToken,
    config: listInput("config"),
    environments: environments.length ? environments.map((e) => (e === "(top-level)" ? null : e)) : null,
    failOn,
    comment: choice("comment", COMMENT_MODES),
    suggestions: booleanInput("suggestions", true),
    environment: environment || null,
    phase: choice("phase", PHASES),
    confirmDataLoss: listInput("confirm-data-loss"),
    live: choice("live", LIVE),
    cloudflareApiToken: apiToken,
    cloudflareAccountId: accountId,
    workingDirectory: core.getInput("working-directory").trim() || ".",
    wranglerVersion: wranglerVersion || null,
    maxParallel: Number(maxParallelRaw),
    skipUnchanged: booleanInput("skip-unchanged", false),
    policy: policy ? policy.replace(/^(?:\.\/)+/, "") : null,
    commentAuthors,
  };
}

/** A relative path inside the repository: no `..`, not absolute, no control characters. */
function isRepositoryPath(path: string): boolean {
  const clean = path.replace(/^(?:\.\/)+/, "");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (clean === "" || /[\u0000-\u001f\\]/.test(clean) || clean.startsWith("/")) return false;
  return !clean.split("/").some((part) => part === ".." || part === "." || part === "");
}

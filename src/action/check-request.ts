// What `mode: check` checks: the revisions to compare (fetching a commit a shallow checkout
// lacks), whether the live state is read and with what, and the check's request built from them.
import { resolve } from "node:path";
import * as core from "@actions/core";
import { fetchCommit, hasCommit, isFullSha } from "../adapters/git.ts";
import type { GitHubClient } from "../adapters/github-client.ts";
import { fetchFileAtRef } from "../adapters/github-pulls.ts";
import { checkAdapters } from "../check/adapters.ts";
import type { LiveRequest } from "../check/live.ts";
import { type CheckResult, runCheck } from "../check/run-check.ts";
import { ContextError, type RunContext } from "./context.ts";
import { InputError, type Settings } from "./inputs.ts";

/**
 * Whether this run reads the live state, and with what: `live: auto` reads it when a token is
 * given; a fork's pull request gets no secrets, so it is checked statically and the report says
 * so. `live: required` without a token stops the run.
 */
export function chooseLive(
  settings: Settings,
  context: RunContext,
): { request: LiveRequest | null; note: string | null } {
  if (settings.live === "off") return { request: null, note: null };
  const token = settings.cloudflareApiToken;
  const fork = context.pullRequest?.isFork === true;
  if (!token) {
    const forkNote = fork
      ? "This pull request comes from a fork, which gets no secrets: this is the static check, without the live plan."
      : null;
    if (settings.live === "required") {
      throw new InputError(
        fork
          ? "live: required, but a pull request from a fork gets no secrets, so there is no cloudflare-api-token: use live: auto to check forks statically."
          : "live: required needs the cloudflare-api-token input (a read-only token: Workers Scripts Read).",
      );
    }
    return { request: null, note: forkNote };
  }
  const apiBaseUrl = context.cloudflareApiBaseUrl;
  return {
    request: {
      token,
      accountId: settings.cloudflareAccountId || null,
      ...(apiBaseUrl ? { apiBaseUrl } : {}),
    },
    note: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Revisions and analysis

export interface Revisions {
  /** null: the CLI's default (merge base with the remote's default branch, else the parent of HEAD). */
  readonly base: string | null;
  readonly head: string;
  /** The base commit is not in the clone and could not be fetched: read it through the API. */
  readonly baseViaApi: boolean;
}

/**
 * The revisions to compare: the PR's base and what was checked out, or for pull_request_target
 * (whose checkout is the base branch) the PR head, fetched and read as data, never checked out.
 * A commit missing from a shallow checkout is fetched alone from `origin`.
 */
export async function chooseRevisions(
  context: RunContext,
  cwd: string,
  canUseApi: boolean,
): Promise<Revisions> {
  const pr = context.pullRequest;
  if (pr && isFullSha(pr.baseSha)) {
    const baseHere = await ensureCommit(cwd, pr.baseSha);
    if (!baseHere && !canUseApi) {
      throw new ContextError(
        `The base commit ${pr.baseSha} is not in the checkout and could not be fetched, and there is no github-token to read it through the API.`,
      );
    }
    let head = "HEAD";
    if (context.eventName === "pull_request_target") {
      if (!isFullSha(pr.headSha)) throw new ContextError("The pull_request_target payload has no head SHA.");
      if (!(await ensureCommit(cwd, pr.headSha))) {
        throw new ContextError(
          `The pull request head ${pr.headSha} could not be fetched from origin; it is read as data, never checked out.`,
        );
      }
      head = pr.headSha;
    }
    core.info(
      `Comparing the pull request's base ${pr.baseSha} with ${head === "HEAD" ? "the checkout" : head}.`,
    );
    return { base: pr.baseSha, head, baseViaApi: !baseHere };
  }
  if (context.eventName === "push" && context.pushBefore && isFullSha(context.pushBefore)) {
    if (await ensureCommit(cwd, context.pushBefore)) {
      core.info(`Comparing the commit before the push, ${context.pushBefore}, with the checkout.`);
      return { base: context.pushBefore, head: "HEAD", baseViaApi: false };
    }
  }
  core.info(
    "No pull request: comparing the checkout with its merge base with the remote's default branch, else its parent commit.",
  );
  return { base: null, head: "HEAD", baseViaApi: false };
}

/** True when the commit is in the clone, fetching it from `origin` if needed. */
async function ensureCommit(cwd: string, sha: string): Promise<boolean> {
  try {
    if (await hasCommit(cwd, sha)) return true;
    const fetched = await fetchCommit(cwd, "origin", sha);
    if (fetched.fetched) {
      core.info(`Fetched ${sha} from origin (the checkout is shallow).`);
      return true;
    }
    core.info(`Could not fetch ${sha} from origin: ${fetched.message}`);
  } catch (error) {
    core.info(`Could not look up ${sha}: ${(error as Error).message}`);
  }
  return false;
}

export async function analyse(
  settings: Settings,
  context: RunContext,
  cwd: string,
  revisions: Revisions,
  github: GitHubClient | null,
  live: LiveRequest | null,
): Promise<CheckResult> {
  const base = revisions.base;
  if (revisions.baseViaApi) core.info(`Reading the configs at ${base} through the GitHub contents API.`);
  return runCheck(
    {
      cwd,
      base,
      head: revisions.head,
      // No `config`: every wrangler config under working-directory (the whole repository by default).
      paths: settings.config.length > 0 ? settings.config : cwd === resolve(context.workspace) ? [] : ["."],
      baseFallback:
        github && base && revisions.baseViaApi
          ? (path) => fetchFileAtRef(github, { owner: context.owner, repo: context.repo, path, ref: base })
          : undefined,
      analyze: { envs: settings.environments },
      // The repository's policy file, read at the base revision: a pull request is judged by the
      // policy it starts from.
      policy: { from: "repository", path: settings.policy },
      live,
      // The proven fixes, for the suggestions; "today" dates a new date-scheme migration tag.
      offers:
        context.pullRequest && settings.suggestions ? { today: new Date().toISOString().slice(0, 10) } : null,
    },
    checkAdapters,
  );
}

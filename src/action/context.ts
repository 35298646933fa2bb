// What the runner tells the action about the run: the event, the repository, the workspace.
// Read once from the environment and the event payload file, as plain data.
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";

export interface PullRequestEvent {
  readonly number: number;
  readonly baseSha: string;
  readonly headSha: string;
  readonly body: string;
  readonly isFork: boolean;
}

export interface RunContext {
  readonly eventName: string;
  readonly owner: string;
  readonly repo: string;
  readonly workspace: string;
  readonly apiUrl: string;
  readonly serverUrl: string;
  readonly sha: string | null;
  readonly tempDir: string;
  readonly pullRequest: PullRequestEvent | null;
  /** `push`: the commit before the push (null for a new branch). */
  readonly pushBefore: string | null;
  /** Where the action's own docs live (for finding links), when the runner says. */
  readonly docsBaseUrl: string | undefined;
  /** CLOUDFLARE_API_BASE_URL, when set (the Cloudflare API of the live read and the deploy). */
  readonly cloudflareApiBaseUrl: string | undefined;
}

export class ContextError extends Error {}

/** The parts of a pull_request event payload the action reads. */
interface PullRequestPayload {
  number?: unknown;
  body?: unknown;
  base?: { sha?: unknown; repo?: { full_name?: unknown } };
  head?: { sha?: unknown; repo?: { full_name?: unknown; fork?: unknown } | null };
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner = "", repo = ""] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const pr = payload.pull_request as PullRequestPayload | undefined;
  const serverUrl = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/$/, "");
  const actionRepo = env.GITHUB_ACTION_REPOSITORY;
  const actionRef = env.GITHUB_ACTION_REF;
  const before = typeof payload.before === "string" && !/^0+$/.test(payload.before) ? payload.before : null;
  return {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    owner,
    repo,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    apiUrl: env.GITHUB_API_URL || "https://api.github.com",
    serverUrl,
    sha: env.GITHUB_SHA || null,
    tempDir: env.RUNNER_TEMP || tmpdir(),
    pullRequest:
      pr?.base && pr.head && typeof pr.number === "number"
        ? {
            number: pr.number,
            baseSha: String(pr.base?.sha ?? ""),
            headSha: String(pr.head?.sha ?? ""),
            body: typeof pr.body === "string" ? pr.body : "",
            isFork: Boolean(pr.head?.repo?.fork) || pr.head?.repo?.full_name !== pr.base?.repo?.full_name,
          }
        : null,
    pushBefore: before,
    docsBaseUrl: actionRepo && actionRef ? `${serverUrl}/${actionRepo}/blob/${actionRef}` : undefined,
    cloudflareApiBaseUrl: env.CLOUDFLARE_API_BASE_URL?.trim() || undefined,
  };
}

function readPayload(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  try {
    const value = JSON.parse(readFileSync(path, "utf8"));
    return value && typeof value === "object" ? value : {};
  } catch (error) {
    throw new ContextError(`cannot read the event payload at ${path}: ${(error as Error).message}`);
  }
}

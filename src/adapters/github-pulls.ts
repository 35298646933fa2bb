// GitHub adapter, the pull request: its base, head and description, its files with their
// patches, and a file at a ref through the contents API.
import { Buffer } from "node:buffer";
import {
  asRequestError,
  checkNumber,
  checkRepo,
  checkRepoPath,
  type GitHubClient,
  listAll,
  UnexpectedGitHubResponseError,
} from "./github-client.ts";

export interface PullRequestInfo {
  /** Description; "" when the pull request has none. */
  body: string;
  baseSha: string;
  headSha: string;
  baseRef: string;
  headRef: string;
  /** The head branch lives in another repository (or its repository was deleted). */
  isFork: boolean;
}

export async function getPullRequest(
  client: GitHubClient,
  params: { owner: string; repo: string; number: number },
): Promise<PullRequestInfo> {
  checkRepo(params.owner, params.repo);
  checkNumber("pull request number", params.number);
  const { data } = await client.octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
    owner: params.owner,
    repo: params.repo,
    pull_number: params.number,
  });
  const raw = data as unknown as {
    body?: string | null;
    base?: { sha?: unknown; ref?: unknown; repo?: { id?: unknown } | null };
    head?: { sha?: unknown; ref?: unknown; repo?: { id?: unknown } | null };
  };
  const { base, head } = raw;
  if (
    typeof base?.sha !== "string" ||
    typeof base.ref !== "string" ||
    typeof head?.sha !== "string" ||
    typeof head.ref !== "string"
  ) {
    throw new UnexpectedGitHubResponseError(`pull request #${params.number} has no base/head sha and ref`);
  }
  const headRepoId = head.repo?.id;
  return {
    body: typeof raw.body === "string" ? raw.body : "",
    baseSha: base.sha,
    headSha: head.sha,
    baseRef: base.ref,
    headRef: head.ref,
    isFork: headRepoId === undefined || headRepoId === null || headRepoId !== base.repo?.id,
  };
}

const utf8 = new TextDecoder("utf-8");

/**
 * Text of a file at a ref through the contents API, or null when there is no file at that path
 * (404, a directory, a submodule). For reading a base revision a shallow clone lacks.
 */
export async function fetchFileAtRef(
  client: GitHubClient,
  params: { owner: string; repo: string; path: string; ref: string },
): Promise<string | null> {
  checkRepo(params.owner, params.repo);
  checkRepoPath(params.path);
  if (params.ref === "") throw new TypeError("ref is empty");
  const route = "GET /repos/{owner}/{repo}/contents/{path}";
  const args = { owner: params.owner, repo: params.repo, path: params.path, ref: params.ref };
  let data: unknown;
  try {
    ({ data } = await client.octokit.request(route, args));
  } catch (error) {
    if (asRequestError(error)?.status === 404) return null;
    throw error;
  }
  if (Array.isArray(data)) return null;
  const file = data as { type?: unknown; encoding?: unknown; content?: unknown };
  if (file.type !== "file") return null;
  if (file.encoding === "base64" && typeof file.content === "string") {
    return utf8.decode(Buffer.from(file.content, "base64"));
  }
  // Files over 1 MB come without content; ask for the raw bytes.
  const raw = await client.octokit.request(route, { ...args, mediaType: { format: "raw" } });
  if (typeof raw.data === "string") return raw.data;
  if (raw.data instanceof ArrayBuffer) return utf8.decode(raw.data);
  throw new UnexpectedGitHubResponseError(`raw contents of ${params.path} are neither text nor bytes`);
}

export interface PullRequestFile {
  readonly path: string;
  /** The unified diff GitHub shows; absent for binary or very large files. */
  readonly patch: string | null;
}

export async function listPullRequestFiles(
  client: GitHubClient,
  params: { owner: string; repo: string; number: number },
): Promise<PullRequestFile[]> {
  checkRepo(params.owner, params.repo);
  checkNumber("pull request number", params.number);
  return listAll(
    client,
    "GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
    { owner: params.owner, repo: params.repo, pull_number: params.number },
    {
      what: "pull request files",
      item: (raw) => {
        const { filename, patch } = (raw ?? {}) as { filename?: unknown; patch?: unknown };
        if (typeof filename !== "string") return undefined;
        return { path: filename, patch: typeof patch === "string" ? patch : null };
      },
    },
  );
}

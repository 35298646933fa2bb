// GitHub adapter, the review comments: the suggestions are review comments on the pull
// request's lines, read, posted as one review, updated and deleted here.
import { checkNumber, checkRepo, checkRepoPath, type GitHubClient, listAll } from "./github-client.ts";

export interface ReviewComment {
  readonly id: number;
  readonly body: string;
  readonly path: string;
  readonly line: number | null;
  readonly startLine: number | null;
  readonly authorLogin: string | null;
  readonly inReplyToId: number | null;
}

export async function listReviewComments(
  client: GitHubClient,
  params: { owner: string; repo: string; number: number },
): Promise<ReviewComment[]> {
  checkRepo(params.owner, params.repo);
  checkNumber("pull request number", params.number);
  return listAll(
    client,
    "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments",
    { owner: params.owner, repo: params.repo, pull_number: params.number },
    {
      what: "review comments",
      item: (raw) => {
        const r = (raw ?? {}) as Record<string, unknown>;
        if (typeof r.id !== "number") return undefined;
        const login = (r.user as { login?: unknown } | null | undefined)?.login;
        return {
          id: r.id,
          body: typeof r.body === "string" ? r.body : "",
          path: typeof r.path === "string" ? r.path : "",
          line: typeof r.line === "number" ? r.line : null,
          startLine: typeof r.start_line === "number" ? r.start_line : null,
          authorLogin: typeof login === "string" ? login : null,
          inReplyToId: typeof r.in_reply_to_id === "number" ? r.in_reply_to_id : null,
        };
      },
    },
  );
}

export interface NewReviewComment {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly body: string;
}

/** One review with every new comment (one notification, not one per comment). */
export async function createReview(
  client: GitHubClient,
  params: {
    owner: string;
    repo: string;
    number: number;
    commitId: string;
    body: string;
    comments: readonly NewReviewComment[];
  },
): Promise<void> {
  checkRepo(params.owner, params.repo);
  checkNumber("pull request number", params.number);
  for (const c of params.comments) checkRepoPath(c.path);
  await client.octokit.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
    owner: params.owner,
    repo: params.repo,
    pull_number: params.number,
    commit_id: params.commitId,
    event: "COMMENT",
    body: params.body,
    comments: params.comments.map((c) => ({
      path: c.path,
      line: c.end,
      side: "RIGHT",
      ...(c.start < c.end ? { start_line: c.start, start_side: "RIGHT" } : {}),
      body: c.body,
    })),
  });
}

export async function updateReviewComment(
  client: GitHubClient,
  params: { owner: string; repo: string; commentId: number; body: string },
): Promise<void> {
  checkRepo(params.owner, params.repo);
  checkNumber("comment id", params.commentId);
  await client.octokit.request("PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}", {
    owner: params.owner,
    repo: params.repo,
    comment_id: params.commentId,
    body: params.body,
  });
}

export async function deleteReviewComment(
  client: GitHubClient,
  params: { owner: string; repo: string; commentId: number },
): Promise<void> {
  checkRepo(params.owner, params.repo);
  checkNumber("comment id", params.commentId);
  await client.octokit.request("DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}", {
    owner: params.owner,
    repo: params.repo,
    comment_id: params.commentId,
  });
}

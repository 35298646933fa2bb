// GitHub adapter, the sticky comment: who the token is, an issue's comments, and the one comment
// of a scope (found by its marker and its author, created, updated, or left unchanged).
import {
  asRequestError,
  checkNumber,
  checkRepo,
  type GitHubClient,
  isRateLimit,
  listAll,
  type RequestErrorLike,
  UnexpectedGitHubResponseError,
} from "./github-client.ts";

/** GitHub rejects issue comments longer than this many characters (422). */
export const MAX_COMMENT_BODY = 65536;
/** Login of the GITHUB_TOKEN's author. */
export const DEFAULT_BOT_LOGIN = "github-actions[bot]";
/** Safety bound on comment pages read (100 comments each). */
export const MAX_COMMENT_PAGES = 100;

/** GitHub refused a comment body as too long (422). Shorten the body and try again. */
export class CommentBodyTooLongError extends Error {
  override readonly name = "CommentBodyTooLongError";
  readonly limit = MAX_COMMENT_BODY;
  /** Length of the refused body in UTF-16 code units (JavaScript's `length`). */
  readonly bodyLength: number;
  constructor(bodyLength: number, serverMessage: string) {
    super(`GitHub refused the comment body (${bodyLength} characters): ${serverMessage}`);
    this.bodyLength = bodyLength;
  }
}

function bodyTooLongMessage(error: RequestErrorLike): string | undefined {
  if (error.status !== 422) return undefined;
  const errors = (error.response?.data as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return undefined;
  for (const e of errors) {
    if (typeof e !== "object" || e === null) continue;
    const { field, code, message } = e as { field?: unknown; code?: unknown; message?: unknown };
    if (field !== "body") continue;
    if (code === "too_long" || (typeof message === "string" && /too long/i.test(message))) {
      return typeof message === "string" ? message : "body is too long";
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Sticky comment

export interface StickyCommentRequest {
  owner: string;
  repo: string;
  issueNumber: number;
  /** Hidden HTML comment that starts the body, e.g. `<!-- do-migrate-action:sticky:SCOPE -->`. */
  marker: string;
  /** Comment body. The marker is put first when the body does not already start with it. */
  body: string;
  /**
   * The token's own login ({@link viewerLogin}), when known: its marked comment is the one to
   * update (only its author can edit a comment with an integration token).
   */
  selfLogin?: string | null;
  /**
   * Other logins whose marked comments are this action's, e.g. an earlier token's account
   * (default `github-actions[bot]`). Case-insensitive.
   */
  authorLogins?: readonly string[];
}

export type StickyCommentResult =
  | {
      action: "created" | "updated" | "unchanged" | "deleted-recreated";
      commentId: number;
      htmlUrl?: string;
      message?: string;
    }
  | { action: "forbidden"; commentId?: number; message: string };

export interface IssueComment {
  id: number;
  body: string;
  authorLogin: string | null;
  htmlUrl?: string;
}

const MARKER = /^<!--[^\r\n]*-->$/;

function checkMarker(marker: string): void {
  if (!MARKER.test(marker) || marker.slice(4, -3).includes("--")) {
    throw new TypeError(
      `marker must be one HTML comment on one line, like "<!-- name:scope -->": ${JSON.stringify(marker)}`,
    );
  }
}

/** The body as it will be stored: starting with the marker. */
export function withMarker(marker: string, body: string): string {
  checkMarker(marker);
  return body.startsWith(marker) ? body : `${marker}\n${body}`;
}

function sameBody(a: string, b: string): boolean {
  return a.replace(/\r\n/g, "\n") === b.replace(/\r\n/g, "\n");
}

function forbidden(step: string, error: RequestErrorLike, commentId?: number): StickyCommentResult {
  const detail = error.message.split(" - ")[0];
  return {
    action: "forbidden",
    ...(commentId === undefined ? {} : { commentId }),
    message:
      `GitHub refused to ${step} the pull request comment (403: ${detail}). ` +
      "The token is read-only, as it is for pull requests from forks, or lacks `pull-requests: write`.",
  };
}

function toComment(raw: unknown): IssueComment | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const { id, body, user, html_url } = raw as {
    id?: unknown;
    body?: unknown;
    user?: unknown;
    html_url?: unknown;
  };
  if (typeof id !== "number") return undefined;
  const login = (user as { login?: unknown } | null | undefined)?.login;
  return {
    id,
    body: typeof body === "string" ? body : "",
    authorLogin: typeof login === "string" ? login : null,
    ...(typeof html_url === "string" ? { htmlUrl: html_url } : {}),
  };
}

/** Every comment of an issue or pull request, oldest first, following the Link header. */
export async function listIssueComments(
  client: GitHubClient,
  params: { owner: string; repo: string; issueNumber: number },
): Promise<IssueComment[]> {
  checkRepo(params.owner, params.repo);
  checkNumber("issue number", params.issueNumber);
  return listAll(
    client,
    "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
    { owner: params.owner, repo: params.repo, issue_number: params.issueNumber },
    {
      what: "comment list",
      maxPages: MAX_COMMENT_PAGES,
      tooMany: `more than ${MAX_COMMENT_PAGES * 100} comments on #${params.issueNumber}; not reading further`,
      item: toComment,
    },
  );
}

/**
 * The login of the token's account: `github-actions[bot]` for the job's GITHUB_TOKEN,
 * `<app-slug>[bot]` for a GitHub App's token, the user for a personal token. Asked through
 * GraphQL's `viewer`, which answers all three (`GET /user` refuses integration tokens with 403).
 */
export async function viewerLogin(client: GitHubClient): Promise<string> {
  const data: unknown = await client.octokit.graphql("query { viewer { login } }");
  const login = (data as { viewer?: { login?: unknown } } | null)?.viewer?.login;
  if (typeof login !== "string" || login === "") {
    throw new UnexpectedGitHubResponseError("the GraphQL viewer has no login");
  }
  return login;
}

export interface StickyCommentQuery {
  marker: string;
  selfLogin?: string | null;
  authorLogins?: readonly string[];
}

/**
 * The comment of a scope among an issue's comments: it starts with the marker AND its author is
 * the token's own account or another login named as ours; anybody else's copy of the marker is
 * ignored. The token's own comment is preferred (it can edit it), else the oldest.
 */
export function pickStickyComment(
  comments: readonly IssueComment[],
  query: StickyCommentQuery,
): { comment: IssueComment | null; count: number } {
  const self = query.selfLogin?.toLowerCase() ?? null;
  const authors = new Set((query.authorLogins ?? [DEFAULT_BOT_LOGIN]).map((l) => l.toLowerCase()));
  if (self) authors.add(self);
  const ours = comments.filter(
    (c) =>
      c.authorLogin !== null &&
      authors.has(c.authorLogin.toLowerCase()) &&
      c.body.trimStart().startsWith(query.marker),
  );
  const own = self ? ours.find((c) => c.authorLogin!.toLowerCase() === self) : undefined;
  return { comment: own ?? ours[0] ?? null, count: ours.length };
}

/**
 * Creates or updates the one comment of a scope. It is found by its marker AND its author, on
 * every page; a comment by anybody else carrying the marker is ignored. An unchanged body is not
 * written again. A read-only token gives `forbidden` (no exception); a body GitHub finds too long
 * throws {@link CommentBodyTooLongError}.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  request: StickyCommentRequest,
): Promise<StickyCommentResult> {
  const { owner, repo, issueNumber, marker } = request;
  checkRepo(owner, repo);
  checkNumber("issue number", issueNumber);
  const body = withMarker(marker, request.body);

  let comments: IssueComment[];
  try {
    comments = await listIssueComments(client, { owner, repo, issueNumber });
  } catch (error) {
    const e = asRequestError(error);
    if (e?.status === 403 && !isRateLimit(e)) return forbidden("read", e);
    throw error;
  }
  const picked = pickStickyComment(comments, request);
  const existing = picked.comment;
  const note =
    picked.count > 1
      ? { message: `${picked.count - 1} more comment(s) carry the same marker; kept this one.` }
      : {};

  const create = async (action: "created" | "deleted-recreated"): Promise<StickyCommentResult> => {
    try {
      const { data } = await client.octokit.request(
        "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
        {
          owner,
          repo,
          issue_number: issueNumber,
          body,
        },
      );
      const created = toComment(data);
      if (!created) throw new UnexpectedGitHubResponseError("created comment has no id");
      return {
        action,
        commentId: created.id,
        ...(created.htmlUrl ? { htmlUrl: created.htmlUrl } : {}),
        ...note,
      };
    } catch (error) {
      throw translateWriteError(error, body) ?? error;
    }
  };

  // A read-only token (a fork's) cannot write the comment: that is a result, not an error.
  const createOrForbidden = async (action: "created" | "deleted-recreated"): Promise<StickyCommentResult> => {
    try {
      return await create(action);
    } catch (error) {
      const e = asRequestError(error);
      if (e?.status === 403 && !isRateLimit(e)) return forbidden("create", e);
      throw error;
    }
  };

  if (!existing) return createOrForbidden("created");

  if (sameBody(existing.body, body)) {
    return {
      action: "unchanged",
      commentId: existing.id,
      ...(existing.htmlUrl ? { htmlUrl: existing.htmlUrl } : {}),
      ...note,
    };
  }

  try {
    const { data } = await client.octokit.request(
      "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
      {
        owner,
        repo,
        comment_id: existing.id,
        body,
      },
    );
    const updated = toComment(data);
    return {
      action: "updated",
      commentId: existing.id,
      ...(updated?.htmlUrl ? { htmlUrl: updated.htmlUrl } : {}),
      ...note,
    };
  } catch (error) {
    const e = asRequestError(error);
    if (e?.status === 404) {
      // Deleted between the list and the update: write it again.
      return createOrForbidden("deleted-recreated");
    }
    if (e?.status === 403 && !isRateLimit(e)) {
      const self = request.selfLogin?.toLowerCase();
      const author = existing.authorLogin ?? "another account";
      if (self && author.toLowerCase() !== self) {
        // The comment was written with another token (the workflow switched tokens): GitHub lets
        // only its author edit it. This token writes its own once; later runs update that one.
        const created = await createOrForbidden("created");
        return created.action === "forbidden"
          ? created
          : {
              ...created,
              message: `The earlier comment ${existing.id} by ${author} cannot be edited with this token (GitHub lets only its author edit it): wrote a new one, which later runs update.`,
            };
      }
      const refused = forbidden("update", e, existing.id);
      return self
        ? refused
        : {
            ...refused,
            message: `${refused.message} The comment is by ${author}: if this workflow now uses another token, GitHub lets only the comment's author edit it, and this token's account could not be determined.`,
          };
    }
    throw translateWriteError(error, body) ?? error;
  }
}

function translateWriteError(error: unknown, body: string): Error | undefined {
  if (error instanceof CommentBodyTooLongError) return error;
  const e = asRequestError(error);
  const message = e && bodyTooLongMessage(e);
  return message === undefined ? undefined : new CommentBodyTooLongError(body.length, message);
}

// GitHub REST adapter: one configured client (retries, rate limits, timeouts) and the few calls
// the action makes: who the token is, the sticky pull-request comment, the pull request, a file
// at a ref.
// The caller passes every setting (the entry reads GITHUB_API_URL); nothing here reads the
// environment but what @actions/github would (proxy variables, the runner's orchestration id),
// and the token never appears in a message this module produces.
import { Buffer } from "node:buffer";
import { Octokit as OctokitCore } from "@octokit/core";
import { retry } from "@octokit/plugin-retry";
import { type ThrottlingOptions, throttling } from "@octokit/plugin-throttling";

/** GitHub rejects issue comments longer than this many characters (422). */
export const MAX_COMMENT_BODY = 65536;
/** Login of the GITHUB_TOKEN's author. */
export const DEFAULT_BOT_LOGIN = "github-actions[bot]";
/** Safety bound on comment pages read (100 comments each). */
export const MAX_COMMENT_PAGES = 100;

export interface GitHubLog {
  debug(message: string): void;
  warning(message: string): void;
}

export interface GitHubClientOptions {
  token: string;
  /** REST base URL, e.g. `https://api.github.com` or `https://ghes.example/api/v3`. */
  apiUrl: string;
  userAgent?: string;
  log?: GitHubLog;
  /** Retries after a 5xx answer or a network error (default 3). */
  retries?: number;
  /** Retry n waits n² times this (default 1000 ms: 1 s, 4 s, 9 s). */
  retryBaseDelayMs?: number;
  /** Retries after a primary or secondary rate limit (default 2). */
  rateLimitRetries?: number;
  /** A rate limit asking for a longer wait than this is not waited for (default 120 s). */
  maxRateLimitWaitSeconds?: number;
  /** Time limit of one attempt, including reading the body (default 30 s). */
  requestTimeoutMs?: number;
  /**
   * Space content-creating requests as GitHub asks (the throttling plugin: 1 s between writes,
   * 3 s between comment creations, per process). Default true; tests against a local server
   * turn it off. Rate-limit answers are honoured either way.
   */
  paceWrites?: boolean;
}

// @octokit/core with the two plugins this module relies on. `octokit.request` is all it calls, so
// @actions/github's REST-method and pagination plugins are not loaded.
const GitHubOctokit = OctokitCore.plugin(retry, throttling);
type Octokit = InstanceType<typeof GitHubOctokit>;

export interface GitHubClient {
  readonly octokit: Octokit;
  /** apiUrl without a trailing slash. */
  readonly baseUrl: string;
}

type LimiterGroup = NonNullable<ThrottlingOptions["write"]>;

/** A limiter group that runs jobs at once (the subset of Bottleneck.Group the plugin calls). */
function unpacedGroup(): LimiterGroup {
  const limiter = {
    schedule: (...args: unknown[]) => {
      const [first, ...rest] = args;
      // schedule(fn, ...args) or schedule(options, fn, ...args)
      const [fn, fnArgs] =
        typeof first === "function"
          ? [first, rest]
          : [rest[0] as (...a: unknown[]) => unknown, rest.slice(1)];
      return Promise.resolve().then(() => (fn as (...a: unknown[]) => unknown)(...fnArgs));
    },
  };
  return { key: () => limiter } as unknown as LimiterGroup;
}

type FetchFn = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

const PROXY_VARIABLES = ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"];

/**
 * The fetch requests go through. With a proxy variable set it is @actions/github's (undici with
 * the runner's proxy, `no_proxy` honoured), loaded on the first request: undici costs more start-up
 * time than the whole analysis, and without a proxy it would only do what Node's own fetch does.
 */
function transportFetch(): FetchFn {
  if (!PROXY_VARIABLES.some((name) => process.env[name])) return globalThis.fetch;
  let proxied: Promise<FetchFn> | undefined;
  return async (input, init) => {
    proxied ??= import("@actions/github/lib/utils").then(
      (utils) => (utils.defaults.request?.fetch as FetchFn | undefined) ?? globalThis.fetch,
    );
    return (await proxied)(input, init);
  };
}

/** The user agent with the runner's orchestration id appended, as @actions/github does it. */
function withOrchestrationId(userAgent: string): string {
  const id = process.env.ACTIONS_ORCHESTRATION_ID?.trim();
  if (!id) return userAgent;
  const tag = `actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, "_")}`;
  return userAgent.includes(tag) ? userAgent : `${userAgent} ${tag}`;
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * fetch that (1) times each attempt out, and (2) reads the whole body before answering, so a
 * connection dropped mid-body fails like a network error (and is retried) instead of reaching
 * octokit, which would silently turn a truncated JSON body into an empty string.
 */
function wholeBodyFetch(base: FetchFn, timeoutMs: number): FetchFn {
  return async (input, init = {}) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      const response = await base(input, { ...init, signal });
      const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (error) {
      if (timeout.aborted && !init.signal?.aborted) {
        // A TypeError with a cause is what octokit turns into a retryable "network" RequestError.
        throw new TypeError("request failed", {
          cause: new Error(`no complete answer within ${timeoutMs} ms`),
        });
      }
      throw error;
    }
  };
}

function normaliseBaseUrl(apiUrl: string): string {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new TypeError(`apiUrl is not a URL: ${JSON.stringify(apiUrl)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`apiUrl must be http(s): ${JSON.stringify(apiUrl)}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError("apiUrl must not contain credentials, a query or a fragment");
  }
  return url.href.replace(/\/+$/, "");
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  // A secret pasted with a trailing newline is common; whitespace inside is not a token.
  const token = typeof options.token === "string" ? options.token.trim() : "";
  if (token === "" || /\s/.test(token)) {
    // Never echo the token: say only what is wrong with it.
    throw new TypeError("GitHub token is empty or contains whitespace");
  }
  const baseUrl = normaliseBaseUrl(options.apiUrl);
  const log = options.log;
  const rateLimitRetries = options.rateLimitRetries ?? 2;
  const maxWait = options.maxRateLimitWaitSeconds ?? 120;
  const baseFetch = transportFetch();

  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method?: string; url?: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      const what = `${request.method ?? "?"} ${request.url ?? "?"}`;
      if (retryCount < rateLimitRetries && retryAfter <= maxWait) {
        log?.warning(
          `GitHub ${kind} rate limit on ${what}: retrying in ${retryAfter} s (${retryCount + 1}/${rateLimitRetries}).`,
        );
        return true;
      }
      log?.warning(`GitHub ${kind} rate limit on ${what}: giving up (asked to wait ${retryAfter} s).`);
      return false;
    };

  const octokit = new GitHubOctokit({
    auth: `token ${token}`,
    baseUrl,
    userAgent: withOrchestrationId(options.userAgent ?? "do-migrate-action"),
    request: { fetch: wholeBodyFetch(baseFetch, options.requestTimeoutMs ?? 30_000) },
    retry: {
      retries: options.retries ?? 3,
      retryAfterBaseValue: options.retryBaseDelayMs ?? 1000,
      // 403/429 are rate limits (the throttling plugin) or refusals; neither is worth a blind retry.
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
    },
    throttle: {
      onRateLimit: onLimit("primary"),
      onSecondaryRateLimit: onLimit("secondary"),
      ...(options.paceWrites === false ? { write: unpacedGroup(), notifications: unpacedGroup() } : {}),
    },
    log: {
      debug: (message: string) => log?.debug(String(message)),
      info: (message: string) => log?.debug(String(message)),
      warn: (message: string) => log?.warning(String(message)),
      error: (message: string) => log?.warning(String(message)),
    },
  });
  return { octokit, baseUrl };
}

// ---------------------------------------------------------------------------------------------
// Errors

interface RequestErrorLike {
  status: number;
  message: string;
  response?: { data?: unknown; headers?: Record<string, string | undefined> };
}

function asRequestError(error: unknown): RequestErrorLike | undefined {
  if (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { status?: unknown }).status === "number"
  ) {
    return error as RequestErrorLike;
  }
  return undefined;
}

function isRateLimit(error: RequestErrorLike): boolean {
  return (
    /rate limit/i.test(error.message) ||
    error.response?.headers?.["x-ratelimit-remaining"] === "0" ||
    error.response?.headers?.["retry-after"] !== undefined
  );
}

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

/** A response that does not have the shape GitHub documents (or a pagination link elsewhere). */
export class UnexpectedGitHubResponseError extends Error {
  override readonly name = "UnexpectedGitHubResponseError";
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
// Input checks (owner, repo, numbers, paths end up in URLs)

const NAME = /^[A-Za-z0-9_.-]+$/;

function checkRepo(owner: string, repo: string): void {
  for (const [what, value] of [
    ["owner", owner],
    ["repo", repo],
  ] as const) {
    if (!NAME.test(value) || value === "." || value === "..") {
      throw new TypeError(`invalid repository ${what}: ${JSON.stringify(value)}`);
    }
  }
}

function checkNumber(what: string, n: number): void {
  if (!Number.isSafeInteger(n) || n <= 0) throw new TypeError(`invalid ${what}: ${n}`);
}

/** Repository-relative path, "/"-separated, without empty, "." or ".." segments. */
function checkRepoPath(path: string): void {
  const segments = path.split("/");
  if (path === "" || segments.some((s) => s === "" || s === "." || s === "..") || /[\0\r\n]/.test(path)) {
    throw new TypeError(`invalid repository path: ${JSON.stringify(path)}`);
  }
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

function parseNextLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  for (const match of link.matchAll(/<([^>]*)>\s*;\s*rel="([^"]*)"/g)) {
    if (match[2]!.split(/\s+/).includes("next")) return match[1];
  }
  return undefined;
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
  const comments: IssueComment[] = [];
  let response: { data: unknown; headers: { link?: string } } = await client.octokit.request(
    "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
    {
      owner: params.owner,
      repo: params.repo,
      issue_number: params.issueNumber,
      per_page: 100,
    },
  );
  for (let page = 1; ; page++) {
    const data: unknown = response.data;
    if (!Array.isArray(data)) {
      throw new UnexpectedGitHubResponseError(`comment list page ${page} is not a JSON array`);
    }
    for (const raw of data) {
      const comment = toComment(raw);
      if (comment) comments.push(comment);
    }
    const next = parseNextLink(response.headers.link);
    if (!next) return comments;
    if (page >= MAX_COMMENT_PAGES) {
      throw new UnexpectedGitHubResponseError(
        `more than ${MAX_COMMENT_PAGES * 100} comments on #${params.issueNumber}; not reading further`,
      );
    }
    // The token goes with every request: follow only links into the same API.
    if (!next.startsWith(`${client.baseUrl}/`)) {
      throw new UnexpectedGitHubResponseError("pagination link points outside the API base URL");
    }
    response = await client.octokit.request({ method: "GET", url: next });
  }
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

// ---------------------------------------------------------------------------------------------
// Pull request, contents

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

// ---------------------------------------------------------------------------------------------
// Pull request review: files and their patches, review comments (the suggestions)

/** Safety bound on pages of a pull request's files or review comments (100 each). */
export const MAX_LIST_PAGES = 30;

/** Every item of a paginated list, following the Link header inside the API only. */
async function listAll<T>(
  client: GitHubClient,
  route: string,
  params: Record<string, unknown>,
  what: string,
  item: (raw: unknown) => T | undefined,
): Promise<T[]> {
  const items: T[] = [];
  let response: { data: unknown; headers: { link?: string } } = await client.octokit.request(route, {
    ...params,
    per_page: 100,
  });
  for (let page = 1; ; page++) {
    if (!Array.isArray(response.data)) {
      throw new UnexpectedGitHubResponseError(`${what} page ${page} is not a JSON array`);
    }
    for (const raw of response.data) {
      const value = item(raw);
      if (value !== undefined) items.push(value);
    }
    const next = parseNextLink(response.headers.link);
    if (!next) return items;
    if (page >= MAX_LIST_PAGES) {
      throw new UnexpectedGitHubResponseError(
        `more than ${MAX_LIST_PAGES} pages of ${what}; not reading further`,
      );
    }
    if (!next.startsWith(`${client.baseUrl}/`)) {
      throw new UnexpectedGitHubResponseError("pagination link points outside the API base URL");
    }
    response = await client.octokit.request({ method: "GET", url: next });
  }
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
    "pull request files",
    (raw) => {
      const { filename, patch } = (raw ?? {}) as { filename?: unknown; patch?: unknown };
      if (typeof filename !== "string") return undefined;
      return { path: filename, patch: typeof patch === "string" ? patch : null };
    },
  );
}

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
    "review comments",
    (raw) => {
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

/** The HTTP status of a failed request, when it has one. */
export function statusOf(error: unknown): number | null {
  return asRequestError(error)?.status ?? null;
}

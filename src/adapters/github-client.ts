// GitHub REST adapter, the client: one configured client (retries, rate limits, timeouts), the
// checks on what ends up in URLs, the request errors, and the one paginator every list uses.
// The jobs are in their own modules: github-comments.ts (who the token is, the sticky pull-request
// comment), github-pulls.ts (the pull request, its files, a file at a ref), github-reviews.ts
// (review comments: the suggestions).
// The caller passes every setting (the entry reads GITHUB_API_URL); nothing here reads the
// environment but what @actions/github would (proxy variables, the runner's orchestration id),
// and the token never appears in a message this module produces.
import { Octokit as OctokitCore } from "@octokit/core";
import { retry } from "@octokit/plugin-retry";
import { type ThrottlingOptions, throttling } from "@octokit/plugin-throttling";

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

export interface RequestErrorLike {
  status: number;
  message: string;
  response?: { data?: unknown; headers?: Record<string, string | undefined> };
}

export function asRequestError(error: unknown): RequestErrorLike | undefined {
  if (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { status?: unknown }).status === "number"
  ) {
    return error as RequestErrorLike;
  }
  return undefined;
}

export function isRateLimit(error: RequestErrorLike): boolean {
  return (
    /rate limit/i.test(error.message) ||
    error.response?.headers?.["x-ratelimit-remaining"] === "0" ||
    error.response?.headers?.["retry-after"] !== undefined
  );
}

/** A response that does not have the shape GitHub documents (or a pagination link elsewhere). */
export class UnexpectedGitHubResponseError extends Error {
  override readonly name = "UnexpectedGitHubResponseError";
}

// ---------------------------------------------------------------------------------------------
// Input checks (owner, repo, numbers, paths end up in URLs)

const NAME = /^[A-Za-z0-9_.-]+$/;

export function checkRepo(owner: string, repo: string): void {
  for (const [what, value] of [
    ["owner", owner],
    ["repo", repo],
  ] as const) {
    if (!NAME.test(value) || value === "." || value === "..") {
      throw new TypeError(`invalid repository ${what}: ${JSON.stringify(value)}`);
    }
  }
}

export function checkNumber(what: string, n: number): void {
  if (!Number.isSafeInteger(n) || n <= 0) throw new TypeError(`invalid ${what}: ${n}`);
}

/** Repository-relative path, "/"-separated, without empty, "." or ".." segments. */
export function checkRepoPath(path: string): void {
  const segments = path.split("/");
  if (path === "" || segments.some((s) => s === "" || s === "." || s === "..") || /[\0\r\n]/.test(path)) {
    throw new TypeError(`invalid repository path: ${JSON.stringify(path)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Pagination: pages of 100, following the Link header inside the API only

/** Safety bound on pages of a pull request's files or review comments (100 each). */
export const MAX_LIST_PAGES = 30;

function parseNextLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  for (const match of link.matchAll(/<([^>]*)>\s*;\s*rel="([^"]*)"/g)) {
    if (match[2]!.split(/\s+/).includes("next")) return match[1];
  }
  return undefined;
}

export interface ListOptions<T> {
  /** What a page is of, for errors: "`what` page 2 is not a JSON array". */
  readonly what: string;
  /** Pages read at most (default {@link MAX_LIST_PAGES}). */
  readonly maxPages?: number;
  /** The error when there are more pages (default "more than N pages of `what`; not reading further"). */
  readonly tooMany?: string;
  /** One item of a page, or undefined to skip it. */
  readonly item: (raw: unknown) => T | undefined;
}

/**
 * Every item of a paginated list, 100 a page: the first page from the route, the next ones from
 * the Link header, followed only into the same API (the token goes with every request).
 */
export async function listAll<T>(
  client: GitHubClient,
  route: string,
  params: Record<string, unknown>,
  options: ListOptions<T>,
): Promise<T[]> {
  const { what, item } = options;
  const maxPages = options.maxPages ?? MAX_LIST_PAGES;
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
    if (page >= maxPages) {
      throw new UnexpectedGitHubResponseError(
        options.tooMany ?? `more than ${maxPages} pages of ${what}; not reading further`,
      );
    }
    if (!next.startsWith(`${client.baseUrl}/`)) {
      throw new UnexpectedGitHubResponseError("pagination link points outside the API base URL");
    }
    response = await client.octokit.request({ method: "GET", url: next });
  }
}

/** The HTTP status of a failed request, when it has one. */
export function statusOf(error: unknown): number | null {
  return asRequestError(error)?.status ?? null;
}

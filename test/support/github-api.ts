// A local stand-in for the parts of the GitHub API the action uses: issue comments (list with
// real Link-header pagination, create, update), pull requests, file contents, and who a token is
// (GraphQL `viewer { login }`, and `GET /user`, which refuses integration tokens as GitHub does).
// It listens on 127.0.0.1 only, knows its tokens, answers errors with GitHub's shapes and can
// inject faults (5xx, rate limits, dropped connections). Every request is recorded; tokens
// are recorded by label, never verbatim.
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export const BOT_LOGIN = "github-actions[bot]";
export const MAX_BODY_CHARS = 65536;
/** Files above this size come back from the contents API without content (`encoding: "none"`). */
export const CONTENTS_INLINE_LIMIT = 1024 * 1024;

export type Permission = "write" | "read";

export interface TokenSpec {
  /** The secret the client sends. Never recorded or printed; requests record `label`. */
  token: string;
  /** What recorded requests show for this token. */
  label: string;
  /** `read` answers 403 "Resource not accessible by integration" on every write, like a fork PR's token. */
  permission: Permission;
  /**
   * The token's account: author of the comments it creates, and GraphQL's `viewer`. Default
   * `github-actions[bot]`. A login ending in `[bot]` is an integration (the job's GITHUB_TOKEN,
   * a GitHub App's token): like on GitHub, it may edit only its own comments, and `GET /user`
   * answers it 403. Any other login is a person's token, which may edit others' comments too
   * (a collaborator with write access can).
   */
  login?: string;
}

export interface GitHubApiOptions {
  tokens: TokenSpec[];
  /** Largest `per_page` honoured (GitHub: 100). */
  maxPerPage?: number;
  /** Default `per_page` when the client sends none (GitHub: 30). */
  defaultPerPage?: number;
  /**
   * Longest comment body accepted (default {@link MAX_BODY_CHARS}, GitHub's). Lower it to see how
   * a client copes with a server that counts differently from it.
   */
  maxBodyChars?: number;
}

export type RouteName =
  | "list-comments"
  | "create-comment"
  | "update-comment"
  | "get-pull"
  | "get-contents"
  | "graphql"
  | "get-user"
  | "list-pull-files"
  | "create-review"
  | "list-review-comments"
  | "update-review-comment"
  | "delete-review-comment";

/** A pull request file as the files endpoint lists it: its name and unified diff patch. */
export interface PullFileSpec {
  filename: string;
  status?: string;
  /** GitHub's patch (hunks without file headers); absent for binary files. */
  patch?: string;
}

export interface StoredReviewComment {
  id: number;
  owner: string;
  repo: string;
  pullNumber: number;
  reviewId: number;
  path: string;
  line: number;
  startLine: number | null;
  body: string;
  login: string;
  inReplyToId: number | null;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string, as sent (percent-encoding kept). */
  path: string;
  route: RouteName | "unknown";
  query: Record<string, string>;
  /** Parsed JSON body, or the raw text when it is not JSON, or undefined when empty. */
  body: unknown;
  /** `none` (no Authorization header), `unknown` (a token the server does not know) or the token's label. */
  auth: string;
  userAgent: string | undefined;
  /** Status answered; 0 when the connection was destroyed before the status line. */
  status: number;
}

export type Fault =
  | { kind: "status"; status: number; message?: string; headers?: Record<string, string> }
  /** 403 with a "secondary rate limit" message and `retry-after`. */
  | { kind: "secondary-rate-limit"; retryAfterSeconds: number }
  /** 403 with `x-ratelimit-remaining: 0` and `x-ratelimit-reset` this many seconds ahead. */
  | { kind: "primary-rate-limit"; resetInSeconds: number }
  /** Close the connection: before any byte of the answer, or after the headers and half the body. */
  | { kind: "destroy-socket"; when: "before-response" | "mid-body" }
  /** Run a side effect (e.g. delete a comment "meanwhile"), then answer normally. */
  | { kind: "run"; run: () => void };

export interface FaultRule {
  route: RouteName;
  fault: Fault;
  /** How many matching requests get the fault (default 1). */
  times?: number;
  /** Only for `list-comments`: the page number that gets the fault. */
  page?: number;
}

export interface CommentUser {
  login: string;
  id: number;
  type: "Bot" | "User";
}

export interface StoredComment {
  id: number;
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  /** null: the author's account was deleted (GitHub answers `"user": null`). */
  user: CommentUser | null;
  createdAt: string;
  updatedAt: string;
}

export interface PullSpec {
  body?: string | null;
  title?: string;
  base: { sha: string; ref: string; repoFullName: string };
  /** `repoFullName: null` is a head repository that was deleted (fork gone). */
  head: { sha: string; ref: string; repoFullName: string | null };
}

export interface GitHubApi {
  /** Base URL to pass as apiUrl, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  /** Every request so far, oldest first. */
  readonly requests: RecordedRequest[];
  /** Requests that could change state (anything but GET/HEAD). */
  writes(): RecordedRequest[];
  clearRequests(): void;
  seedComment(spec: {
    owner: string;
    repo: string;
    issueNumber: number;
    body: string;
    /** null: a deleted account. */
    login: string | null;
    type?: "Bot" | "User";
  }): StoredComment;
  /** The comments of one issue, oldest first (copies). */
  comments(owner: string, repo: string, issueNumber: number): StoredComment[];
  deleteComment(id: number): boolean;
  setPull(owner: string, repo: string, number: number, spec: PullSpec): void;
  /** The files (and patches) of a pull request, for the files endpoint and review validation. */
  setPullFiles(owner: string, repo: string, number: number, files: PullFileSpec[]): void;
  /** Review comments of a pull request, oldest first (copies). */
  reviewComments(owner: string, repo: string, number: number): StoredReviewComment[];
  /** Reviews created so far (count per pull request). */
  reviewCount(owner: string, repo: string, number: number): number;
  /** A reply by someone else to a review comment. */
  replyToReviewComment(id: number, login: string, body: string): void;
  /** Stores a file at a ref (a branch name or a commit SHA, matched exactly). */
  setFile(owner: string, repo: string, ref: string, path: string, content: string): void;
  injectFault(rule: FaultRule): void;
  /** Faults not yet consumed. */
  pendingFaults(): number;
  clearFaults(): void;
  close(): Promise<void>;
}

interface RepoState {
  id: number;
  pulls: Map<number, PullSpec>;
  pullFiles: Map<number, PullFileSpec[]>;
  /** ref -> path -> content */
  files: Map<string, Map<string, string>>;
}

interface Route {
  name: RouteName;
  owner: string;
  repo: string;
  issueNumber?: number;
  commentId?: number;
  pullNumber?: number;
  filePath?: string;
}

const DOCS = "https://docs.github.com/rest";
const FIXED_TIME = "2026-01-01T00:00:00Z";

/** The hunk of a patch whose head-side lines include `line`, or null. */
function hunkOf(patch: string | undefined, line: number): { start: number; end: number } | null {
  for (const m of (patch ?? "").matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1]);
    const end = start + (m[2] === undefined ? 1 : Number(m[2])) - 1;
    if (line >= start && line <= end) return { start, end };
  }
  return null;
}

function isWrite(method: string, route?: RouteName | "unknown"): boolean {
  // A GraphQL query is a POST that changes nothing (the stand-in knows no mutation).
  return method !== "GET" && method !== "HEAD" && route !== "graphql";
}

export async function startGitHubApi(options: GitHubApiOptions): Promise<GitHubApi> {
  const maxPerPage = options.maxPerPage ?? 100;
  const defaultPerPage = options.defaultPerPage ?? 30;
  const maxBodyChars = options.maxBodyChars ?? MAX_BODY_CHARS;
  const tokens = new Map<string, TokenSpec>();
  for (const spec of options.tokens) tokens.set(spec.token, spec);

  const repos = new Map<string, RepoState>();
  const reposById = new Map<number, { owner: string; repo: string }>();
  const comments: StoredComment[] = [];
  const userIds = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const faults: Array<FaultRule & { remaining: number }> = [];
  let nextCommentId = 1000;
  const reviewComments: StoredReviewComment[] = [];
  const reviews: { owner: string; repo: string; pullNumber: number }[] = [];
  let nextRepoId = 500;

  function repoState(owner: string, repo: string): RepoState {
    const key = `${owner}/${repo}`.toLowerCase();
    let state = repos.get(key);
    if (!state) {
      state = { id: nextRepoId++, pulls: new Map(), pullFiles: new Map(), files: new Map() };
      repos.set(key, state);
      reposById.set(state.id, { owner, repo });
    }
    return state;
  }

  function userFor(login: string, type: "Bot" | "User"): CommentUser {
    let id = userIds.get(login);
    if (id === undefined) {
      id = 41898282 + userIds.size;
      userIds.set(login, id);
    }
    return { login, id, type };
  }

  function commentJson(c: StoredComment, baseUrl: string): Record<string, unknown> {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${baseUrl}/repos/${c.owner}/${c.repo}/issues/comments/${c.id}`,
      html_url: `https://github.test/${c.owner}/${c.repo}/pull/${c.issueNumber}#issuecomment-${c.id}`,
      issue_url: `${baseUrl}/repos/${c.owner}/${c.repo}/issues/${c.issueNumber}`,
      body: c.body,
      user: c.user === null ? null : { login: c.user.login, id: c.user.id, type: c.user.type },
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      author_association: c.user?.type === "Bot" ? "NONE" : "CONTRIBUTOR",
    };
  }

  function parseRoute(method: string, path: string): Route | undefined {
    if (path === "/graphql" && method === "POST") return { name: "graphql", owner: "", repo: "" };
    if (path === "/user" && method === "GET") return { name: "get-user", owner: "", repo: "" };
    const rawSegments = path.split("/").slice(1);
    let owner: string;
    let repo: string;
    let rest: string[];
    if (rawSegments[0] === "repos" && rawSegments.length >= 3) {
      owner = decodeURIComponent(rawSegments[1]!);
      repo = decodeURIComponent(rawSegments[2]!);
      rest = rawSegments.slice(3);
    } else if (rawSegments[0] === "repositories" && rawSegments.length >= 2) {
      // GitHub's Link headers point at /repositories/{id}/..., not /repos/{owner}/{repo}/...
      const found = reposById.get(Number(rawSegments[1]));
      if (!found) return undefined;
      owner = found.owner;
      repo = found.repo;
      rest = rawSegments.slice(2);
    } else {
      return undefined;
    }
    const num = (s: string | undefined) =>
      s !== undefined && /^[1-9][0-9]*$/.test(s) ? Number(s) : undefined;
    if (rest[0] === "issues" && rest[2] === "comments" && rest.length === 3) {
      const issueNumber = num(rest[1]);
      if (issueNumber === undefined) return undefined;
      if (method === "GET") return { name: "list-comments", owner, repo, issueNumber };
      if (method === "POST") return { name: "create-comment", owner, repo, issueNumber };
      return undefined;
    }
    if (rest[0] === "issues" && rest[1] === "comments" && rest.length === 3 && method === "PATCH") {
      const commentId = num(rest[2]);
      if (commentId === undefined) return undefined;
      return { name: "update-comment", owner, repo, commentId };
    }
    if (rest[0] === "pulls" && rest.length === 3 && rest[2] === "files" && method === "GET") {
      const pullNumber = num(rest[1]);
      if (pullNumber === undefined) return undefined;
      return { name: "list-pull-files", owner, repo, pullNumber };
    }
    if (rest[0] === "pulls" && rest.length === 3 && rest[2] === "reviews" && method === "POST") {
      const pullNumber = num(rest[1]);
      if (pullNumber === undefined) return undefined;
      return { name: "create-review", owner, repo, pullNumber };
    }
    if (rest[0] === "pulls" && rest.length === 3 && rest[2] === "comments" && method === "GET") {
      const pullNumber = num(rest[1]);
      if (pullNumber === undefined) return undefined;
      return { name: "list-review-comments", owner, repo, pullNumber };
    }
    if (rest[0] === "pulls" && rest[1] === "comments" && rest.length === 3) {
      const commentId = num(rest[2]);
      if (commentId === undefined) return undefined;
      if (method === "PATCH") return { name: "update-review-comment", owner, repo, commentId };
      if (method === "DELETE") return { name: "delete-review-comment", owner, repo, commentId };
      return undefined;
    }
    if (rest[0] === "pulls" && rest.length === 2 && method === "GET") {
      const pullNumber = num(rest[1]);
      if (pullNumber === undefined) return undefined;
      return { name: "get-pull", owner, repo, pullNumber };
    }
    if (rest[0] === "contents" && rest.length >= 2 && method === "GET") {
      // Clients may send the path with "/" or "%2F" between segments.
      const filePath = rest.slice(1).map(decodeURIComponent).join("/");
      return { name: "get-contents", owner, repo, filePath };
    }
    return undefined;
  }

  function takeFault(route: RouteName, query: Record<string, string>): Fault | undefined {
    for (const rule of faults) {
      if (rule.remaining <= 0 || rule.route !== route) continue;
      if (rule.page !== undefined && Number(query.page ?? "1") !== rule.page) continue;
      rule.remaining--;
      return rule.fault;
    }
    return undefined;
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }

  const server = createServer(async (req, res) => {
    const method = req.method ?? "GET";
    const rawUrl = req.url ?? "/";
    const queryStart = rawUrl.indexOf("?");
    const path = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
    const query: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(queryStart === -1 ? "" : rawUrl.slice(queryStart + 1)))
      query[k] = v;
    const text = await readBody(req);
    let body: unknown;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }

    const authHeader = req.headers.authorization;
    const presented = authHeader?.match(/^(?:token|bearer)\s+(.+)$/i)?.[1];
    const tokenSpec = presented === undefined ? undefined : tokens.get(presented);
    const route = parseRoute(method, path);
    const record: RecordedRequest = {
      method,
      path,
      route: route?.name ?? "unknown",
      query,
      body,
      auth: authHeader === undefined ? "none" : (tokenSpec?.label ?? "unknown"),
      userAgent: req.headers["user-agent"],
      status: 0,
    };
    requests.push(record);
    const baseUrl = `http://${req.headers.host ?? "127.0.0.1"}`;

    const send = (status: number, payload: unknown, headers: Record<string, string> = {}, fault?: Fault) => {
      const data = Buffer.from(payload === undefined ? "" : JSON.stringify(payload), "utf8");
      const resetAt = Math.floor(Date.now() / 1000) + 3600;
      const allHeaders: Record<string, string> = {
        "content-type": "application/json; charset=utf-8",
        "content-length": String(data.length),
        "x-github-api-version-selected": "2022-11-28",
        "x-ratelimit-limit": "1000",
        "x-ratelimit-remaining": "999",
        "x-ratelimit-reset": String(resetAt),
        "x-ratelimit-used": "1",
        "x-ratelimit-resource": "core",
        ...headers,
      };
      if (fault?.kind === "destroy-socket") {
        if (fault.when === "before-response") {
          req.socket.destroy();
          return;
        }
        record.status = status;
        res.writeHead(status, allHeaders);
        res.write(data.subarray(0, Math.floor(data.length / 2)));
        // Let the half body reach the client before the connection drops.
        setTimeout(() => req.socket.destroy(), 20);
        return;
      }
      record.status = status;
      res.writeHead(status, allHeaders);
      res.end(data);
    };
    const error = (status: number, message: string, extra: Record<string, unknown> = {}, headers = {}) =>
      send(status, { message, documentation_url: DOCS, status: String(status), ...extra }, headers);

    const sameRepo = (c: { owner: string; repo: string }) =>
      c.owner.toLowerCase() === route?.owner.toLowerCase() &&
      c.repo.toLowerCase() === route?.repo.toLowerCase();
    const unprocessable = (field: string, message: string) =>
      error(422, "Unprocessable Entity", {
        errors: [
          { resource: "PullRequestReviewComment", code: "custom", field, message: `"${field}" ${message}` },
        ],
      });
    const reviewCommentJson = (c: StoredReviewComment) => ({
      id: c.id,
      pull_request_review_id: c.reviewId,
      path: c.path,
      line: c.line,
      start_line: c.startLine,
      side: "RIGHT",
      body: c.body,
      user: userFor(c.login, c.login.endsWith("[bot]") ? "Bot" : "User"),
      ...(c.inReplyToId === null ? {} : { in_reply_to_id: c.inReplyToId }),
    });
    /** A list answered page by page with GitHub's Link header. */
    const paginated = (all: unknown[], what: string) => {
      const perPage = Math.min(
        Math.max(Number(query.per_page ?? defaultPerPage) || defaultPerPage, 1),
        maxPerPage,
      );
      const page = Math.max(Number(query.page ?? "1") || 1, 1);
      const lastPage = Math.max(Math.ceil(all.length / perPage), 1);
      const repoId = repoState(route!.owner, route!.repo).id;
      const link = (p: number) => `${baseUrl}/repositories/${repoId}/${what}?per_page=${perPage}&page=${p}`;
      const rels: string[] = [];
      if (page < lastPage) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(lastPage)}>; rel="last"`);
      return send(
        200,
        all.slice((page - 1) * perPage, page * perPage),
        rels.length ? { link: rels.join(", ") } : {},
      );
    };

    if (!tokenSpec) {
      if (authHeader === undefined) return error(401, "Requires authentication");
      return error(401, "Bad credentials");
    }
    if (!route) return error(404, "Not Found");

    const fault = takeFault(route.name, query);
    if (fault?.kind === "status") {
      return error(fault.status, fault.message ?? "Server Error", {}, fault.headers ?? {});
    }
    if (fault?.kind === "secondary-rate-limit") {
      return error(
        403,
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
        {},
        { "retry-after": String(fault.retryAfterSeconds) },
      );
    }
    if (fault?.kind === "primary-rate-limit") {
      const reset = Math.floor(Date.now() / 1000) + fault.resetInSeconds;
      return error(
        403,
        "API rate limit exceeded for installation ID 1.",
        {},
        {
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": String(reset),
        },
      );
    }
    if (fault?.kind === "run") fault.run();
    const transport = fault?.kind === "destroy-socket" ? fault : undefined;

    if (isWrite(method, route.name) && tokenSpec.permission !== "write") {
      return error(403, "Resource not accessible by integration");
    }

    switch (route.name) {
      case "list-comments": {
        const perPage = Math.min(
          Math.max(Number(query.per_page ?? defaultPerPage) || defaultPerPage, 1),
          maxPerPage,
        );
        const page = Math.max(Number(query.page ?? "1") || 1, 1);
        const all = comments.filter(
          (c) =>
            c.owner.toLowerCase() === route.owner.toLowerCase() &&
            c.repo.toLowerCase() === route.repo.toLowerCase() &&
            c.issueNumber === route.issueNumber,
        );
        const lastPage = Math.max(Math.ceil(all.length / perPage), 1);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const repoId = repoState(route.owner, route.repo).id;
        const link = (p: number) =>
          `${baseUrl}/repositories/${repoId}/issues/${route.issueNumber}/comments?per_page=${perPage}&page=${p}`;
        const rels: string[] = [];
        if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`);
        if (page < lastPage) rels.push(`<${link(page + 1)}>; rel="next"`);
        if (page < lastPage) rels.push(`<${link(lastPage)}>; rel="last"`);
        if (page > 1) rels.push(`<${link(1)}>; rel="first"`);
        const headers: Record<string, string> = rels.length > 0 ? { link: rels.join(", ") } : {};
        return send(
          200,
          slice.map((c) => commentJson(c, baseUrl)),
          headers,
          transport,
        );
      }
      case "create-comment": {
        const text = (body as { body?: unknown } | undefined)?.body;
        if (typeof text !== "string") {
          return error(422, 'Invalid request.\n\n"body" wasn\'t supplied.');
        }
        if (tooLong(text)) return bodyTooLong();
        repoState(route.owner, route.repo);
        const c: StoredComment = {
          id: nextCommentId++,
          owner: route.owner,
          repo: route.repo,
          issueNumber: route.issueNumber!,
          body: text,
          user: userFor(
            tokenSpec.login ?? BOT_LOGIN,
            (tokenSpec.login ?? BOT_LOGIN).endsWith("[bot]") ? "Bot" : "User",
          ),
          createdAt: FIXED_TIME,
          updatedAt: FIXED_TIME,
        };
        comments.push(c);
        return send(
          201,
          commentJson(c, baseUrl),
          { location: `${baseUrl}/repos/${c.owner}/${c.repo}/issues/comments/${c.id}` },
          transport,
        );
      }
      case "update-comment": {
        const c = comments.find(
          (x) =>
            x.id === route.commentId &&
            x.owner.toLowerCase() === route.owner.toLowerCase() &&
            x.repo.toLowerCase() === route.repo.toLowerCase(),
        );
        if (!c) return error(404, "Not Found");
        const login = tokenSpec.login ?? BOT_LOGIN;
        if (login.endsWith("[bot]") && c.user?.login.toLowerCase() !== login.toLowerCase()) {
          // An integration may edit only the comments it wrote.
          return error(403, "Resource not accessible by integration");
        }
        const text = (body as { body?: unknown } | undefined)?.body;
        if (typeof text !== "string") return error(422, 'Invalid request.\n\n"body" wasn\'t supplied.');
        if (tooLong(text)) return bodyTooLong();
        c.body = text;
        c.updatedAt = "2026-01-01T00:00:01Z";
        return send(200, commentJson(c, baseUrl), {}, transport);
      }
      case "graphql": {
        const query = (body as { query?: unknown } | undefined)?.query;
        const login = tokenSpec.login ?? BOT_LOGIN;
        if (
          typeof query === "string" &&
          /^\s*(?:query\b[^{]*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)
        ) {
          return send(200, { data: { viewer: { login } } }, {}, transport);
        }
        // GitHub answers a query it cannot run with 200 and an `errors` list.
        return send(200, {
          errors: [{ message: "This stand-in answers only `query { viewer { login } }`." }],
        });
      }
      case "get-user": {
        const login = tokenSpec.login ?? BOT_LOGIN;
        if (login.endsWith("[bot]")) return error(403, "Resource not accessible by integration");
        return send(200, { login, id: userFor(login, "User").id, type: "User" }, {}, transport);
      }
      case "list-pull-files": {
        const files = repoState(route.owner, route.repo).pullFiles.get(route.pullNumber!) ?? [];
        return paginated(
          files.map((f) => ({
            filename: f.filename,
            status: f.status ?? "modified",
            ...(f.patch ? { patch: f.patch } : {}),
          })),
          `pulls/${route.pullNumber}/files`,
        );
      }
      case "list-review-comments": {
        const mine = reviewComments.filter((c) => sameRepo(c) && c.pullNumber === route.pullNumber);
        return paginated(mine.map(reviewCommentJson), `pulls/${route.pullNumber}/comments`);
      }
      case "create-review": {
        const payload = (body ?? {}) as {
          commit_id?: unknown;
          event?: unknown;
          body?: unknown;
          comments?: unknown;
        };
        const files = repoState(route.owner, route.repo).pullFiles.get(route.pullNumber!) ?? [];
        const list = Array.isArray(payload.comments) ? payload.comments : [];
        const accepted: StoredReviewComment[] = [];
        const reviewId = reviews.length + 1;
        for (const raw of list) {
          const c = raw as {
            path?: unknown;
            line?: unknown;
            start_line?: unknown;
            side?: unknown;
            body?: unknown;
          };
          const file = files.find((f) => f.filename === c.path);
          const hunk = typeof c.line === "number" && file ? hunkOf(file.patch, c.line) : null;
          if (!file || !hunk)
            return unprocessable("pull_request_review_thread.line", "must be part of the diff");
          if (c.start_line !== undefined) {
            const startHunk = typeof c.start_line === "number" ? hunkOf(file.patch, c.start_line) : null;
            if (!startHunk || startHunk.start !== hunk.start || (c.start_line as number) > (c.line as number))
              return unprocessable(
                "pull_request_review_thread.start_line",
                "must be part of the same hunk as the line",
              );
          }
          accepted.push({
            id: nextCommentId++,
            owner: route.owner,
            repo: route.repo,
            pullNumber: route.pullNumber!,
            reviewId,
            path: String(c.path),
            line: c.line as number,
            startLine: typeof c.start_line === "number" ? c.start_line : null,
            body: String(c.body ?? ""),
            login: tokenSpec.login ?? BOT_LOGIN,
            inReplyToId: null,
          });
        }
        reviews.push({ owner: route.owner, repo: route.repo, pullNumber: route.pullNumber! });
        reviewComments.push(...accepted);
        return send(
          200,
          { id: reviewId, state: "COMMENTED", body: payload.body ?? "", commit_id: payload.commit_id },
          {},
          transport,
        );
      }
      case "update-review-comment": {
        const c = reviewComments.find((x) => x.id === route.commentId && sameRepo(x));
        if (!c) return error(404, "Not Found");
        const text = (body as { body?: unknown } | undefined)?.body;
        if (typeof text !== "string") return error(422, 'Invalid request.\n\n"body" wasn\'t supplied.');
        c.body = text;
        return send(200, reviewCommentJson(c), {}, transport);
      }
      case "delete-review-comment": {
        const at = reviewComments.findIndex((x) => x.id === route.commentId && sameRepo(x));
        if (at < 0) return error(404, "Not Found");
        reviewComments.splice(at, 1);
        record.status = 204;
        res.writeHead(204);
        res.end();
        return;
      }
      case "get-pull": {
        const pull = repoState(route.owner, route.repo).pulls.get(route.pullNumber!);
        if (!pull) return error(404, "Not Found");
        return send(200, pullJson(route, pull, baseUrl), {}, transport);
      }
      case "get-contents": {
        const ref = query.ref ?? "main";
        const files = repoState(route.owner, route.repo).files.get(ref);
        const filePath = route.filePath ?? "";
        const content = files?.get(filePath);
        const raw = /vnd\.github(?:\.v3)?\.raw/.test(String(req.headers.accept ?? ""));
        if (content === undefined) {
          const prefix = filePath === "" ? "" : `${filePath}/`;
          const children = [...(files?.keys() ?? [])].filter((p) => p.startsWith(prefix));
          if (children.length === 0) return error(404, "Not Found");
          const names = new Set(children.map((p) => p.slice(prefix.length).split("/")[0]!));
          return send(
            200,
            [...names].sort().map((name) => ({ type: "dir", name, path: `${prefix}${name}` })),
            {},
            transport,
          );
        }
        const bytes = Buffer.from(content, "utf8");
        if (raw) {
          record.status = 200;
          res.writeHead(200, {
            "content-type": "application/vnd.github.raw",
            "content-length": String(bytes.length),
          });
          res.end(bytes);
          return;
        }
        const inline = bytes.length <= CONTENTS_INLINE_LIMIT;
        return send(
          200,
          {
            type: "file",
            encoding: inline ? "base64" : "none",
            size: bytes.length,
            name: filePath.split("/").pop(),
            path: filePath,
            // GitHub wraps base64 content at 60 characters.
            content: inline ? (bytes.toString("base64").match(/.{1,60}/g) ?? []).join("\n") : "",
            sha: createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex"),
          },
          {},
          transport,
        );
      }
    }

    function tooLong(text: string): boolean {
      // GitHub counts characters; count code points rather than UTF-16 units.
      let n = 0;
      for (const _ of text) {
        if (++n > maxBodyChars) return true;
      }
      return false;
    }
    function bodyTooLong(): void {
      error(422, "Validation Failed", {
        errors: [
          {
            resource: "IssueComment",
            code: "custom",
            field: "body",
            message: `body is too long (maximum is ${maxBodyChars} characters)`,
          },
        ],
      });
    }
  });

  function pullJson(route: Route, pull: PullSpec, baseUrl: string): Record<string, unknown> {
    const repoJson = (fullName: string) => {
      const [owner = "", name = ""] = fullName.split("/");
      return {
        id: repoState(owner, name).id,
        full_name: fullName,
        name,
        owner: { login: owner },
        fork: false,
      };
    };
    const headRepo = pull.head.repoFullName === null ? null : repoJson(pull.head.repoFullName);
    if (headRepo && pull.head.repoFullName!.toLowerCase() !== pull.base.repoFullName.toLowerCase())
      headRepo.fork = true;
    return {
      url: `${baseUrl}/repos/${route.owner}/${route.repo}/pulls/${route.pullNumber}`,
      number: route.pullNumber,
      state: "open",
      title: pull.title ?? "A pull request",
      body: pull.body ?? null,
      base: { ref: pull.base.ref, sha: pull.base.sha, repo: repoJson(pull.base.repoFullName) },
      head: { ref: pull.head.ref, sha: pull.head.sha, repo: headRepo },
    };
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    writes: () => requests.filter((r) => isWrite(r.method, r.route)),
    clearRequests: () => {
      requests.length = 0;
    },
    seedComment(spec) {
      repoState(spec.owner, spec.repo);
      const c: StoredComment = {
        id: nextCommentId++,
        owner: spec.owner,
        repo: spec.repo,
        issueNumber: spec.issueNumber,
        body: spec.body,
        user:
          spec.login === null
            ? null
            : userFor(spec.login, spec.type ?? (spec.login.endsWith("[bot]") ? "Bot" : "User")),
        createdAt: FIXED_TIME,
        updatedAt: FIXED_TIME,
      };
      comments.push(c);
      return { ...c, user: c.user && { ...c.user } };
    },
    comments: (owner, repo, issueNumber) =>
      comments
        .filter(
          (c) =>
            c.owner.toLowerCase() === owner.toLowerCase() &&
            c.repo.toLowerCase() === repo.toLowerCase() &&
            c.issueNumber === issueNumber,
        )
        .map((c) => ({ ...c, user: c.user && { ...c.user } })),
    deleteComment(id) {
      const i = comments.findIndex((c) => c.id === id);
      if (i === -1) return false;
      comments.splice(i, 1);
      return true;
    },
    setPull(owner, repo, number, spec) {
      repoState(owner, repo).pulls.set(number, spec);
    },
    setPullFiles(owner, repo, number, files) {
      repoState(owner, repo).pullFiles.set(number, files);
    },
    reviewComments: (owner, repo, number) =>
      reviewComments
        .filter(
          (c) =>
            c.owner.toLowerCase() === owner.toLowerCase() &&
            c.repo.toLowerCase() === repo.toLowerCase() &&
            c.pullNumber === number,
        )
        .map((c) => ({ ...c })),
    reviewCount: (owner, repo, number) =>
      reviews.filter((r) => r.owner === owner && r.repo === repo && r.pullNumber === number).length,
    replyToReviewComment(id, login, body) {
      const parent = reviewComments.find((c) => c.id === id);
      if (!parent) throw new Error(`no review comment ${id}`);
      reviewComments.push({ ...parent, id: nextCommentId++, body, login, inReplyToId: id });
    },
    setFile(owner, repo, ref, path, content) {
      const state = repoState(owner, repo);
      let files = state.files.get(ref);
      if (!files) {
        files = new Map();
        state.files.set(ref, files);
      }
      files.set(path, content);
    },
    injectFault(rule) {
      faults.push({ ...rule, remaining: rule.times ?? 1 });
    },
    pendingFaults: () => faults.reduce((n, f) => n + Math.max(f.remaining, 0), 0),
    clearFaults: () => {
      faults.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

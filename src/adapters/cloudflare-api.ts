/**
 * A small read-only Cloudflare API client: the GET requests the live state is read with (DOMAIN.md
 * section 8). Uses the global fetch; reads no environment variables (the caller passes the base
 * URL, account and token in). Every request goes to the base URL and nowhere else (redirects are
 * not followed), at most a few at a time, retried with back-off on 429, 5xx, network errors and
 * timeouts, honouring `Retry-After`; each attempt is counted.
 *
 * The token only ever goes into the Authorization header of a request to the base URL; it is
 * scrubbed from every error message as a second line of defence. Object IDs are never kept.
 */
import type {
  LiveDoBinding,
  LiveNamespace,
  LiveProblem,
  LiveScript,
  LiveSettings,
  ObjectCount,
} from "../core/live/state.ts";

export const DEFAULT_CLOUDFLARE_API_BASE_URL = "https://api.cloudflare.com/client/v4";

/** `budget`: not sent, because the run's request budget is used up (see `RequestBudget`). */
export type CloudflareApiErrorKind = "api" | "network" | "timeout" | "invalid-response" | "budget";

/**
 * Most requests one live read sends, over every account it reads (retries included). Cloudflare
 * allows 1,200 requests per 5 minutes per user; the deploy's wrangler needs some of them too.
 */
export const DEFAULT_REQUEST_BUDGET = 1_000;

/**
 * An overall limit on the requests of one live read, shared by every client of that read: past
 * it, a request is not sent and fails as `budget` (the caller judges what was not read from the
 * config alone, and says so).
 */
export interface RequestBudget {
  readonly limit: number;
  /** Requests sent so far (each attempt counts). */
  used: number;
  /** Requests not sent because the budget was used up. */
  refused: number;
}

export function requestBudget(limit: number = DEFAULT_REQUEST_BUDGET): RequestBudget {
  return { limit: Math.max(0, Math.floor(limit)), used: 0, refused: 0 };
}

/** A failed request, as data: never contains the token. */
export class CloudflareApiError extends Error {
  override readonly name = "CloudflareApiError";
  readonly kind: CloudflareApiErrorKind;
  /** Cloudflare's error code (`errors[0].code`), when the API answered with one. */
  readonly code: number | null;
  /** HTTP status, when there was a response. */
  readonly status: number | null;
  /** `GET /accounts/.../workers/...` (no host, no query). */
  readonly request: string;
  /** How many attempts were made. */
  readonly attempts: number;

  constructor(fields: {
    kind: CloudflareApiErrorKind;
    message: string;
    code: number | null;
    status: number | null;
    request: string;
    attempts: number;
  }) {
    super(fields.message);
    this.kind = fields.kind;
    this.code = fields.code;
    this.status = fields.status;
    this.request = fields.request;
    this.attempts = fields.attempts;
  }

  /** The failure as the core's plain data. */
  toProblem(): LiveProblem {
    return { request: this.request, status: this.status, code: this.code, message: this.message };
  }
}

export interface CloudflareClientOptions {
  /** Defaults to the public API. Pass CLOUDFLARE_API_BASE_URL here when it is set. */
  apiBaseUrl?: string;
  accountId: string;
  token: string;
  /** Per-request timeout (default 15 s). */
  timeoutMs?: number;
  /** Total attempts for a retryable failure (5xx, 429, network, timeout); default 3. */
  attempts?: number;
  /** First back-off delay, doubled each retry and capped at 5 s (default 300 ms). */
  backoffMs?: number;
  /** Most requests in flight at once (default 6). */
  concurrency?: number;
  /** The read's request budget, shared with its other clients (default: no limit). */
  budget?: RequestBudget;
  /** For tests: replaces the global fetch. */
  fetch?: typeof fetch;
}

export interface CloudflareClient {
  readonly apiBaseUrl: string;
  readonly accountId: string;
  /** Every script of the account with its live migration tag (one request). */
  listScripts(): Promise<LiveScript[]>;
  /**
   * The account's Durable Object namespaces, page by page; with `keep`, only those it keeps (each
   * page is filtered as it arrives, so a large account is never held in memory whole).
   */
  listDurableObjectNamespaces(keep?: (namespace: LiveNamespace) => boolean): Promise<LiveNamespace[]>;
  /** A Worker's live settings (its Durable Object bindings, its `exports`); `exists: false` on 10007. */
  readSettings(name: string): Promise<LiveSettings>;
  /**
   * The live `exports` map of a Worker (DOMAIN.md section 8): its current deployment's version
   * detail, `resources.script_runtime.exports` (live entries only; tombstones are left out). Null
   * when the Worker, its deployment or that field does not exist (a Worker on `migrations`).
   */
  readLiveExports(name: string): Promise<Record<string, unknown> | null>;
  /** Counts a namespace's objects (and those with stored data), page by page, up to `cap`. */
  countObjects(namespaceId: string, cap: number): Promise<ObjectCount>;
  /** HTTP requests made so far (each attempt counts). */
  requestCount(): number;
}

const WORKER_NOT_FOUND = 10007;
const MAX_BACKOFF_MS = 5_000;
const MAX_RETRY_AFTER_MS = 30_000;
/** The objects endpoint takes `limit` from 10 to 10,000. */
const OBJECTS_PAGE = 10_000;
const NAMESPACES_PAGE = 1_000;
const MAX_PAGES = 1_000;

interface Envelope {
  success?: boolean;
  errors?: { code?: number; message?: string }[];
  result?: unknown;
  result_info?: unknown;
}

type Outcome =
  | { ok: true; result: unknown; info: Record<string, unknown> }
  | { ok: false; error: CloudflareApiError };

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function retryAfterMs(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

function toBinding(raw: unknown): LiveDoBinding | null {
  if (!isRecord(raw) || raw.type !== "durable_object_namespace") return null;
  if (typeof raw.name !== "string" || typeof raw.class_name !== "string") return null;
  const script = typeof raw.script_name === "string" && raw.script_name !== "" ? raw.script_name : null;
  return { name: raw.name, className: raw.class_name, scriptName: script };
}

function toNamespace(raw: unknown): LiveNamespace | null {
  if (!isRecord(raw) || typeof raw.class !== "string" || typeof raw.id !== "string") return null;
  const sqlite = raw.use_sqlite ?? raw.useSqlite;
  return {
    id: raw.id,
    script: typeof raw.script === "string" && raw.script !== "" ? raw.script : null,
    className: raw.class,
    storage: sqlite === false ? "kv" : "sqlite",
  };
}

/** CLOUDFLARE_API_BASE_URL is not a URL the token may be sent to. */
export class ApiBaseUrlError extends Error {
  override readonly name = "ApiBaseUrlError";
}

/**
 * The base URL requests go to: `https:`, or `http:` to this machine only (a local stand-in), so
 * the token never crosses a network in clear. Throws a plain message otherwise.
 */
export function checkedApiBaseUrl(raw: string | undefined): string {
  const text = (raw ?? DEFAULT_CLOUDFLARE_API_BASE_URL).trim().replace(/\/+$/, "");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ApiBaseUrlError("CLOUDFLARE_API_BASE_URL is not a URL");
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new ApiBaseUrlError(
      "CLOUDFLARE_API_BASE_URL must be an https:// URL (http:// only for this machine)",
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ApiBaseUrlError("CLOUDFLARE_API_BASE_URL must not carry credentials, a query or a fragment");
  }
  return text;
}

export function createCloudflareClient(options: CloudflareClientOptions): CloudflareClient {
  const apiBaseUrl = checkedApiBaseUrl(options.apiBaseUrl);
  const { accountId, token } = options;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const attempts = Math.max(1, Math.floor(options.attempts ?? 3));
  const backoffMs = options.backoffMs ?? 300;
  const doFetch = options.fetch ?? fetch;
  const slots = limiter(Math.max(1, Math.floor(options.concurrency ?? 6)));
  let requests = 0;

  const scrub = (text: string): string => (token.length > 0 ? text.split(token).join("***") : text);

  async function once(
    path: string,
    request: string,
    attempt: number,
  ): Promise<Outcome & { retryAfter?: number }> {
    const error = (
      kind: CloudflareApiErrorKind,
      message: string,
      status: number | null = null,
      code: number | null = null,
    ): CloudflareApiError =>
      new CloudflareApiError({ kind, message: scrub(message), code, status, request, attempts: attempt });
    let response: Response;
    const budget = options.budget;
    if (budget) {
      if (budget.used >= budget.limit) {
        budget.refused++;
        return {
          ok: false,
          error: error(
            "budget",
            `${request}: not sent: this run's budget of ${budget.limit} Cloudflare API requests is used up`,
          ),
        };
      }
      budget.used++;
    }
    requests++;
    try {
      response = await doFetch(`${apiBaseUrl}${path}`, {
        method: "GET",
        headers: { authorization: `Bearer ${token}`, accept: "application/json" },
        // The token goes to the base URL only: a redirect is an error, never followed.
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const name = typeof err === "object" && err !== null ? (err as { name?: unknown }).name : undefined;
      if (name === "TimeoutError" || name === "AbortError") {
        return { ok: false, error: error("timeout", `${request}: no answer within ${timeoutMs} ms`) };
      }
      const cause =
        err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
      return { ok: false, error: error("network", `${request}: network error: ${cause}`) };
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      return {
        ok: false,
        error: error(
          "invalid-response",
          `${request}: the API answered with a redirect (HTTP ${response.status}), which is not followed`,
          response.status,
        ),
      };
    }
    let body: Envelope | null = null;
    let text = "";
    try {
      text = await response.text();
      const parsed: unknown = JSON.parse(text);
      body = isRecord(parsed) ? (parsed as Envelope) : null;
    } catch {
      body = null;
    }
    const first = body?.errors?.[0];
    const code = typeof first?.code === "number" ? first.code : null;
    if (response.ok && body?.success !== false && body !== null) {
      return { ok: true, result: body.result, info: isRecord(body.result_info) ? body.result_info : {} };
    }
    if (body === null && response.ok) {
      return {
        ok: false,
        error: error("invalid-response", `${request}: answer is not JSON`, response.status),
      };
    }
    const apiMessage = (
      typeof first?.message === "string" ? first.message : text.slice(0, 200) || response.statusText
    ).replace(/\s+/g, " ");
    const suffix = code !== null ? ` [code: ${code}]` : "";
    const result: Outcome & { retryAfter?: number } = {
      ok: false,
      error: error(
        "api",
        `${request} failed (HTTP ${response.status}): ${apiMessage}${suffix}`,
        response.status,
        code,
      ),
    };
    const wait = retryAfterMs(response.headers.get("retry-after"));
    if (wait !== null) result.retryAfter = wait;
    return result;
  }

  function retryable(error: CloudflareApiError): boolean {
    if (error.kind === "network" || error.kind === "timeout") return true;
    return error.status !== null && (error.status >= 500 || error.status === 429);
  }

  async function get(path: string): Promise<Outcome> {
    const request = `GET ${named(path)}`;
    let last: Outcome | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const outcome = await slots(() => once(path, request, attempt));
      if (outcome.ok || !retryable(outcome.error) || attempt === attempts) return outcome;
      last = outcome;
      const backoff = Math.min(backoffMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
      const wait =
        outcome.retryAfter !== undefined ? Math.min(outcome.retryAfter, MAX_RETRY_AFTER_MS) : backoff;
      await sleep(wait);
    }
    return last as Outcome;
  }

  async function list(path: string): Promise<{ items: unknown[]; info: Record<string, unknown> }> {
    const outcome = await get(path);
    if (!outcome.ok) throw outcome.error;
    if (!Array.isArray(outcome.result)) throw invalid(named(path), "result is not a list");
    return { items: outcome.result, info: outcome.info };
  }

  function invalid(label: string, what: string): CloudflareApiError {
    return new CloudflareApiError({
      kind: "invalid-response",
      message: `GET ${label}: ${what}`,
      code: null,
      status: 200,
      request: `GET ${label}`,
      attempts: 1,
    });
  }

  const accountPath = `/accounts/${encodeURIComponent(accountId)}/workers`;
  // Requests are named without the account ID (reports may be public) and without a query.
  // Nor a namespace ID.
  const named = (path: string) =>
    path
      .replace(accountPath, "/accounts/{account_id}/workers")
      .replace(/\/namespaces\/[^/?]+\/objects/, "/namespaces/{namespace_id}/objects")
      .replace(/\?.*$/, "");

  return {
    apiBaseUrl,
    accountId,
    requestCount: () => requests,

    async listScripts() {
      const { items } = await list(`${accountPath}/scripts`);
      const out: LiveScript[] = [];
      for (const raw of items) {
        if (!isRecord(raw) || typeof raw.id !== "string") continue;
        const tag = raw.migration_tag;
        out.push({ name: raw.id, migrationTag: typeof tag === "string" && tag !== "" ? tag : null });
      }
      return out;
    },

    async listDurableObjectNamespaces(keep = () => true) {
      const path = `${accountPath}/durable_objects/namespaces`;
      const pageOf = async (page: number) => {
        const { items, info } = await list(`${path}?per_page=${NAMESPACES_PAGE}&page=${page}`);
        const kept = items.map(toNamespace).filter((n): n is LiveNamespace => n !== null && keep(n));
        return { count: items.length, kept, info };
      };
      const first = await pageOf(1);
      const out = [...first.kept];
      // Page-numbered. When the API says how many there are (`total_pages`, or `total_count` over
      // the page size it used: it may cap `per_page`), the other pages are read side by side;
      // otherwise one after the other until a page comes back shorter than the page size.
      const perPage = numberOf(first.info.per_page) ?? NAMESPACES_PAGE;
      const totalCount = numberOf(first.info.total_count);
      const totalPages =
        numberOf(first.info.total_pages) ??
        (totalCount !== null && perPage > 0 ? Math.ceil(totalCount / perPage) : null);
      // A list cut short is no list: a namespace missing from it would read as "destroys nothing".
      const incomplete = () =>
        invalid(named(path), `more than ${MAX_PAGES} pages of namespaces: the list was not read to its end`);
      if (totalPages !== null) {
        if (totalPages > MAX_PAGES) throw incomplete();
        const pages = Array.from({ length: totalPages - 1 }, (_, i) => i + 2);
        for (const page of await Promise.all(pages.map(pageOf))) out.push(...page.kept);
      } else {
        let last = first.count;
        let page = 2;
        for (; page <= MAX_PAGES && last >= perPage && last > 0; page++) {
          const next = await pageOf(page);
          out.push(...next.kept);
          last = next.count;
        }
        if (page > MAX_PAGES && last >= perPage && last > 0) throw incomplete();
      }
      return out;
    },

    async readSettings(name) {
      const path = `${accountPath}/scripts/${encodeURIComponent(name)}/settings`;
      const outcome = await get(path);
      if (!outcome.ok) {
        // Deleted between the list and this read: report what is true now.
        if (outcome.error.code === WORKER_NOT_FOUND) return { exists: false, bindings: [] };
        throw outcome.error;
      }
      const result = isRecord(outcome.result) ? outcome.result : {};
      const raw = Array.isArray(result.bindings) ? result.bindings : [];
      const bindings = raw.map(toBinding).filter((b): b is LiveDoBinding => b !== null);
      return result.exports !== undefined
        ? { exists: true, bindings, exportsState: result.exports }
        : { exists: true, bindings };
    },

    async readLiveExports(name) {
      const script = `${accountPath}/scripts/${encodeURIComponent(name)}`;
      const deployments = await get(`${script}/deployments`);
      if (!deployments.ok) {
        if (deployments.error.code === WORKER_NOT_FOUND) return null;
        throw deployments.error;
      }
      const list = isRecord(deployments.result) ? deployments.result.deployments : undefined;
      const current = Array.isArray(list) && isRecord(list[0]) ? list[0].versions : undefined;
      // A split deployment serves several versions; they must declare the same `exports` (100405).
      const first = Array.isArray(current) && isRecord(current[0]) ? current[0].version_id : undefined;
      if (typeof first !== "string") return null;
      const version = await get(`${script}/versions/${encodeURIComponent(first)}`);
      if (!version.ok) {
        if (version.error.code === WORKER_NOT_FOUND) return null;
        throw version.error;
      }
      const resources = isRecord(version.result) ? version.result.resources : undefined;
      const runtime = isRecord(resources) ? resources.script_runtime : undefined;
      const map = isRecord(runtime) ? runtime.exports : undefined;
      return isRecord(map) ? map : null;
    },

    async countObjects(namespaceId, cap) {
      const base = `${accountPath}/durable_objects/namespaces/${encodeURIComponent(namespaceId)}/objects`;
      let objects = 0;
      let withData = 0;
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const left = cap - objects;
        // Past the cap, one smallest page tells whether more objects remain.
        const limit = left <= 0 ? 10 : Math.min(OBJECTS_PAGE, Math.max(10, left));
        const query: string = `?limit=${limit}${cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`}`;
        const { items, info } = await list(`${base}${query}`);
        if (left <= 0) return { objects, withData, capped: items.length > 0 };
        for (const raw of items.slice(0, left)) {
          objects++;
          if (isRecord(raw) && raw.hasStoredData === true) withData++;
        }
        if (items.length > left) return { objects, withData, capped: true };
        cursor = nextCursor(info);
        if (cursor === null || items.length === 0) return { objects, withData, capped: false };
      }
      return { objects, withData, capped: true };
    },
  };
}

/** The next page's cursor: `result_info.cursor`, or `result_info.cursors.after` (newer API versions). */
function nextCursor(info: Record<string, unknown>): string | null {
  const direct = info.cursor;
  if (typeof direct === "string" && direct !== "") return direct;
  const cursors = info.cursors;
  const after = isRecord(cursors) ? cursors.after : undefined;
  return typeof after === "string" && after !== "" ? after : null;
}

function numberOf(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
}

/** At most `max` tasks at once; the others wait their turn in order. */
function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    // A finishing task hands its slot straight to the next one waiting.
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/**
 * A small read-only Cloudflare API client: what is deployed right now for a Worker
 * (migration tag, Durable Object bindings). Uses the global fetch; reads no environment
 * variables (the caller passes the base URL, account and token in).
 *
 * The token only ever goes into the Authorization header; it is scrubbed from every error
 * message as a second line of defence.
 */

export const DEFAULT_CLOUDFLARE_API_BASE_URL = "https://api.cloudflare.com/client/v4";

/** A live Durable Object binding of the deployed Worker. */
export interface LiveBinding {
  type: "durable_object_namespace";
  name: string;
  className: string;
  /** Set when the binding points at a class of another Worker. */
  scriptName?: string;
  environment?: string;
}

export type LiveWorker =
  | { exists: false }
  | {
      exists: true;
      /** Deployed migration tag; null when the Worker never applied a migration. */
      migrationTag: string | null;
      bindings: LiveBinding[];
      /** The deployed declarative `exports` map, when the API reports one. */
      exportsState?: unknown;
    };

/** A Durable Object namespace of the account (one per Worker and class that has objects). */
export interface LiveNamespace {
  id: string;
  /** The Worker that owns the namespace. */
  script: string;
  className: string;
  storage: "sqlite" | "kv";
}

export type CloudflareApiErrorKind = "api" | "network" | "timeout" | "invalid-response";

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
  /** For tests: replaces the global fetch. */
  fetch?: typeof fetch;
}

export interface CloudflareClient {
  readonly apiBaseUrl: string;
  readonly accountId: string;
  /** What is deployed for this Worker right now. Throws CloudflareApiError. */
  readLiveWorker(name: string): Promise<LiveWorker>;
  /** Every Durable Object namespace of the account (all pages). Throws CloudflareApiError. */
  listDurableObjectNamespaces(): Promise<LiveNamespace[]>;
}

const WORKER_NOT_FOUND = 10007;
const MAX_BACKOFF_MS = 5_000;
const MAX_RETRY_AFTER_MS = 30_000;

interface Envelope {
  success?: boolean;
  errors?: { code?: number; message?: string }[];
  result?: unknown;
}

type Outcome = { ok: true; result: unknown } | { ok: false; error: CloudflareApiError };

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

function toLiveBinding(raw: unknown): LiveBinding | null {
  if (!isRecord(raw) || raw.type !== "durable_object_namespace") return null;
  if (typeof raw.name !== "string" || typeof raw.class_name !== "string") return null;
  const binding: LiveBinding = {
    type: "durable_object_namespace",
    name: raw.name,
    className: raw.class_name,
  };
  if (typeof raw.script_name === "string" && raw.script_name !== "") binding.scriptName = raw.script_name;
  if (typeof raw.environment === "string" && raw.environment !== "") binding.environment = raw.environment;
  return binding;
}

export function createCloudflareClient(options: CloudflareClientOptions): CloudflareClient {
  const apiBaseUrl = (options.apiBaseUrl ?? DEFAULT_CLOUDFLARE_API_BASE_URL).replace(/\/+$/, "");
  const { accountId, token } = options;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const attempts = Math.max(1, Math.floor(options.attempts ?? 3));
  const backoffMs = options.backoffMs ?? 300;
  const doFetch = options.fetch ?? fetch;

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
    try {
      response = await doFetch(`${apiBaseUrl}${path}`, {
        method: "GET",
        headers: { authorization: `Bearer ${token}`, accept: "application/json" },
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
    if (response.ok && body?.success !== false && body !== null) return { ok: true, result: body.result };
    if (body === null && response.ok) {
      return {
        ok: false,
        error: error("invalid-response", `${request}: answer is not JSON`, response.status),
      };
    }
    const apiMessage =
      typeof first?.message === "string" ? first.message : text.slice(0, 200) || response.statusText;
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
    const request = `GET ${path}`;
    let last: Outcome | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const outcome = await once(path, request, attempt);
      if (outcome.ok || !retryable(outcome.error) || attempt === attempts) return outcome;
      last = outcome;
      const backoff = Math.min(backoffMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
      const wait =
        outcome.retryAfter !== undefined ? Math.min(outcome.retryAfter, MAX_RETRY_AFTER_MS) : backoff;
      await sleep(wait);
    }
    return last as Outcome;
  }

  const accountPath = `/accounts/${encodeURIComponent(accountId)}/workers`;

  /** Migration tag from the services endpoint; `undefined` when that endpoint gives no usable answer. */
  async function tagFromService(
    name: string,
  ): Promise<{ exists: false } | { exists: true; tag: string | null } | undefined> {
    const outcome = await get(`${accountPath}/services/${encodeURIComponent(name)}`);
    if (!outcome.ok) {
      if (outcome.error.code === WORKER_NOT_FOUND) return { exists: false };
      // Other 4xx answers (an API without this route, say) fall back to the scripts list;
      // auth errors and exhausted retries are real failures.
      if (outcome.error.status === 404 || outcome.error.status === 405 || outcome.error.status === 501)
        return undefined;
      throw outcome.error;
    }
    const env = isRecord(outcome.result) ? outcome.result.default_environment : undefined;
    const script = isRecord(env) ? env.script : undefined;
    if (!isRecord(script)) return undefined;
    const tag = script.migration_tag;
    return { exists: true, tag: typeof tag === "string" && tag !== "" ? tag : null };
  }

  async function tagFromList(
    name: string,
  ): Promise<{ exists: false } | { exists: true; tag: string | null }> {
    const outcome = await get(`${accountPath}/scripts`);
    if (!outcome.ok) throw outcome.error;
    if (!Array.isArray(outcome.result)) {
      throw new CloudflareApiError({
        kind: "invalid-response",
        message: `GET ${accountPath}/scripts: result is not a list`,
        code: null,
        status: 200,
        request: `GET ${accountPath}/scripts`,
        attempts: 1,
      });
    }
    const entry = outcome.result.find((s) => isRecord(s) && s.id === name);
    if (!isRecord(entry)) return { exists: false };
    const tag = entry.migration_tag;
    return { exists: true, tag: typeof tag === "string" && tag !== "" ? tag : null };
  }

  function toNamespace(raw: unknown): LiveNamespace | null {
    if (!isRecord(raw) || typeof raw.script !== "string" || typeof raw.class !== "string") return null;
    const sqlite = raw.use_sqlite ?? raw.useSqlite;
    return {
      id: typeof raw.id === "string" ? raw.id : "",
      script: raw.script,
      className: raw.class,
      storage: sqlite === false ? "kv" : "sqlite",
    };
  }

  return {
    apiBaseUrl,
    accountId,
    async listDurableObjectNamespaces() {
      const out: LiveNamespace[] = [];
      const perPage = 1000;
      for (let page = 1; page <= 100; page++) {
        const path = `${accountPath}/durable_objects/namespaces?per_page=${perPage}&page=${page}`;
        const outcome = await get(path);
        if (!outcome.ok) throw outcome.error;
        if (!Array.isArray(outcome.result)) {
          throw new CloudflareApiError({
            kind: "invalid-response",
            message: `GET ${accountPath}/durable_objects/namespaces: result is not a list`,
            code: null,
            status: 200,
            request: `GET ${accountPath}/durable_objects/namespaces`,
            attempts: 1,
          });
        }
        for (const raw of outcome.result) {
          const ns = toNamespace(raw);
          if (ns) out.push(ns);
        }
        if (outcome.result.length < perPage) break;
      }
      return out;
    },
    async readLiveWorker(name) {
      const found = (await tagFromService(name)) ?? (await tagFromList(name));
      if (!found.exists) return { exists: false };
      const settings = await get(`${accountPath}/scripts/${encodeURIComponent(name)}/settings`);
      if (!settings.ok) {
        // Deleted between the two reads: report what is true now.
        if (settings.error.code === WORKER_NOT_FOUND) return { exists: false };
        throw settings.error;
      }
      const result = isRecord(settings.result) ? settings.result : {};
      const raw = Array.isArray(result.bindings) ? result.bindings : [];
      const bindings = raw.map(toLiveBinding).filter((b): b is LiveBinding => b !== null);
      const live: LiveWorker = { exists: true, migrationTag: found.tag, bindings };
      if (result.exports !== undefined) live.exportsState = result.exports;
      return live;
    },
  };
}

import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/adapters/cloudflare-api.ts
var DEFAULT_CLOUDFLARE_API_BASE_URL = "https://api.cloudflare.com/client/v4";
var DEFAULT_REQUEST_BUDGET = 1e3;
function requestBudget(limit = DEFAULT_REQUEST_BUDGET) {
  return { limit: Math.max(0, Math.floor(limit)), used: 0, refused: 0 };
}
var CloudflareApiError = class extends Error {
  name = "CloudflareApiError";
  kind;
  /** Cloudflare's error code (`errors[0].code`), when the API answered with one. */
  code;
  /** HTTP status, when there was a response. */
  status;
  /** `GET /accounts/.../workers/...` (no host, no query). */
  request;
  /** How many attempts were made. */
  attempts;
  constructor(fields) {
    super(fields.message);
    this.kind = fields.kind;
    this.code = fields.code;
    this.status = fields.status;
    this.request = fields.request;
    this.attempts = fields.attempts;
  }
  /** The failure as the core's plain data. */
  toProblem() {
    return { request: this.request, status: this.status, code: this.code, message: this.message };
  }
};
var WORKER_NOT_FOUND = 10007;
var MAX_BACKOFF_MS = 5e3;
var MAX_RETRY_AFTER_MS = 3e4;
var OBJECTS_PAGE = 1e4;
var NAMESPACES_PAGE = 1e3;
var MAX_PAGES = 1e3;
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function retryAfterMs(header) {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1e3);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}
function toBinding(raw) {
  if (!isRecord(raw) || raw.type !== "durable_object_namespace") return null;
  if (typeof raw.name !== "string" || typeof raw.class_name !== "string") return null;
  const script = typeof raw.script_name === "string" && raw.script_name !== "" ? raw.script_name : null;
  return { name: raw.name, className: raw.class_name, scriptName: script };
}
function toNamespace(raw) {
  if (!isRecord(raw) || typeof raw.class !== "string" || typeof raw.id !== "string") return null;
  const sqlite = raw.use_sqlite ?? raw.useSqlite;
  return {
    id: raw.id,
    script: typeof raw.script === "string" && raw.script !== "" ? raw.script : null,
    className: raw.class,
    storage: sqlite === false ? "kv" : "sqlite"
  };
}
var ApiBaseUrlError = class extends Error {
  name = "ApiBaseUrlError";
};
function checkedApiBaseUrl(raw) {
  const text = (raw ?? DEFAULT_CLOUDFLARE_API_BASE_URL).trim().replace(/\/+$/, "");
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new ApiBaseUrlError("CLOUDFLARE_API_BASE_URL is not a URL");
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new ApiBaseUrlError(
      "CLOUDFLARE_API_BASE_URL must be an https:// URL (http:// only for this machine)"
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ApiBaseUrlError("CLOUDFLARE_API_BASE_URL must not carry credentials, a query or a fragment");
  }
  return text;
}
function createCloudflareClient(options) {
  const apiBaseUrl = checkedApiBaseUrl(options.apiBaseUrl);
  const { accountId, token } = options;
  const timeoutMs = options.timeoutMs ?? 15e3;
  const attempts = Math.max(1, Math.floor(options.attempts ?? 3));
  const backoffMs = options.backoffMs ?? 300;
  const doFetch = options.fetch ?? fetch;
  const slots = limiter(Math.max(1, Math.floor(options.concurrency ?? 6)));
  let requests = 0;
  const scrub = (text) => token.length > 0 ? text.split(token).join("***") : text;
  async function once(path, request, attempt) {
    const error = (kind, message, status = null, code2 = null) => new CloudflareApiError({ kind, message: scrub(message), code: code2, status, request, attempts: attempt });
    let response;
    const budget = options.budget;
    if (budget) {
      if (budget.used >= budget.limit) {
        budget.refused++;
        return {
          ok: false,
          error: error(
            "budget",
            `${request}: not sent: this run's budget of ${budget.limit} Cloudflare API requests is used up`
          )
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
        signal: AbortSignal.timeout(timeoutMs)
      });
    } catch (err) {
      const name = typeof err === "object" && err !== null ? err.name : void 0;
      if (name === "TimeoutError" || name === "AbortError") {
        return { ok: false, error: error("timeout", `${request}: no answer within ${timeoutMs} ms`) };
      }
      const cause = err instanceof Error ? err.cause instanceof Error ? err.cause.message : err.message : String(err);
      return { ok: false, error: error("network", `${request}: network error: ${cause}`) };
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      return {
        ok: false,
        error: error(
          "invalid-response",
          `${request}: the API answered with a redirect (HTTP ${response.status}), which is not followed`,
          response.status
        )
      };
    }
    let body = null;
    let text = "";
    try {
      text = await response.text();
      const parsed = JSON.parse(text);
      body = isRecord(parsed) ? parsed : null;
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
        error: error("invalid-response", `${request}: answer is not JSON`, response.status)
      };
    }
    const apiMessage = (typeof first?.message === "string" ? first.message : text.slice(0, 200) || response.statusText).replace(/\s+/g, " ");
    const suffix = code !== null ? ` [code: ${code}]` : "";
    const result = {
      ok: false,
      error: error(
        "api",
        `${request} failed (HTTP ${response.status}): ${apiMessage}${suffix}`,
        response.status,
        code
      )
    };
    const wait = retryAfterMs(response.headers.get("retry-after"));
    if (wait !== null) result.retryAfter = wait;
    return result;
  }
  function retryable(error) {
    if (error.kind === "network" || error.kind === "timeout") return true;
    return error.status !== null && (error.status >= 500 || error.status === 429);
  }
  async function get(path) {
    const request = `GET ${named(path)}`;
    let last;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const outcome = await slots(() => once(path, request, attempt));
      if (outcome.ok || !retryable(outcome.error) || attempt === attempts) return outcome;
      last = outcome;
      const backoff = Math.min(backoffMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
      const wait = outcome.retryAfter !== void 0 ? Math.min(outcome.retryAfter, MAX_RETRY_AFTER_MS) : backoff;
      await sleep(wait);
    }
    return last;
  }
  async function list(path) {
    const outcome = await get(path);
    if (!outcome.ok) throw outcome.error;
    if (!Array.isArray(outcome.result)) throw invalid(named(path), "result is not a list");
    return { items: outcome.result, info: outcome.info };
  }
  function invalid(label, what) {
    return new CloudflareApiError({
      kind: "invalid-response",
      message: `GET ${label}: ${what}`,
      code: null,
      status: 200,
      request: `GET ${label}`,
      attempts: 1
    });
  }
  const accountPath = `/accounts/${encodeURIComponent(accountId)}/workers`;
  const named = (path) => path.replace(accountPath, "/accounts/{account_id}/workers").replace(/\/namespaces\/[^/?]+\/objects/, "/namespaces/{namespace_id}/objects").replace(/\?.*$/, "");
  return {
    apiBaseUrl,
    accountId,
    requestCount: () => requests,
    async listScripts() {
      const { items } = await list(`${accountPath}/scripts`);
      const out = [];
      for (const raw of items) {
        if (!isRecord(raw) || typeof raw.id !== "string") continue;
        const tag = raw.migration_tag;
        out.push({ name: raw.id, migrationTag: typeof tag === "string" && tag !== "" ? tag : null });
      }
      return out;
    },
    async listDurableObjectNamespaces(keep = () => true) {
      const path = `${accountPath}/durable_objects/namespaces`;
      const pageOf = async (page) => {
        const { items, info } = await list(`${path}?per_page=${NAMESPACES_PAGE}&page=${page}`);
        const kept = items.map(toNamespace).filter((n) => n !== null && keep(n));
        return { count: items.length, kept, info };
      };
      const first = await pageOf(1);
      const out = [...first.kept];
      const perPage = numberOf(first.info.per_page) ?? NAMESPACES_PAGE;
      const totalCount = numberOf(first.info.total_count);
      const totalPages = numberOf(first.info.total_pages) ?? (totalCount !== null && perPage > 0 ? Math.ceil(totalCount / perPage) : null);
      const incomplete = () => invalid(named(path), `more than ${MAX_PAGES} pages of namespaces: the list was not read to its end`);
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
        if (outcome.error.code === WORKER_NOT_FOUND) return { exists: false, bindings: [] };
        throw outcome.error;
      }
      const result = isRecord(outcome.result) ? outcome.result : {};
      const raw = Array.isArray(result.bindings) ? result.bindings : [];
      const bindings = raw.map(toBinding).filter((b) => b !== null);
      return result.exports !== void 0 ? { exists: true, bindings, exportsState: result.exports } : { exists: true, bindings };
    },
    async readLiveExports(name) {
      const script = `${accountPath}/scripts/${encodeURIComponent(name)}`;
      const deployments = await get(`${script}/deployments`);
      if (!deployments.ok) {
        if (deployments.error.code === WORKER_NOT_FOUND) return null;
        throw deployments.error;
      }
      const list2 = isRecord(deployments.result) ? deployments.result.deployments : void 0;
      const current = Array.isArray(list2) && isRecord(list2[0]) ? list2[0].versions : void 0;
      const first = Array.isArray(current) && isRecord(current[0]) ? current[0].version_id : void 0;
      if (typeof first !== "string") return null;
      const version = await get(`${script}/versions/${encodeURIComponent(first)}`);
      if (!version.ok) {
        if (version.error.code === WORKER_NOT_FOUND) return null;
        throw version.error;
      }
      const resources = isRecord(version.result) ? version.result.resources : void 0;
      const runtime = isRecord(resources) ? resources.script_runtime : void 0;
      const map = isRecord(runtime) ? runtime.exports : void 0;
      return isRecord(map) ? map : null;
    },
    async countObjects(namespaceId, cap) {
      const base = `${accountPath}/durable_objects/namespaces/${encodeURIComponent(namespaceId)}/objects`;
      let objects = 0;
      let withData = 0;
      let cursor = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const left = cap - objects;
        const limit = left <= 0 ? 10 : Math.min(OBJECTS_PAGE, Math.max(10, left));
        const query = `?limit=${limit}${cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`}`;
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
    }
  };
}
function nextCursor(info) {
  const direct = info.cursor;
  if (typeof direct === "string" && direct !== "") return direct;
  const cursors = info.cursors;
  const after = isRecord(cursors) ? cursors.after : void 0;
  return typeof after === "string" && after !== "" ? after : null;
}
function numberOf(value) {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
}
function limiter(max) {
  let running = 0;
  const waiting = [];
  return async (task) => {
    if (running >= max) await new Promise((resolve) => waiting.push(resolve));
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

export {
  DEFAULT_CLOUDFLARE_API_BASE_URL,
  DEFAULT_REQUEST_BUDGET,
  requestBudget,
  CloudflareApiError,
  ApiBaseUrlError,
  checkedApiBaseUrl,
  createCloudflareClient
};

// The read-only Cloudflare client and the live-state reader, against the local API stand-in
// (and, for what the stand-in cannot do, a bare local server). Loopback only.
import assert from "node:assert/strict";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";
import {
  ApiBaseUrlError,
  CloudflareApiError,
  checkedApiBaseUrl,
  createCloudflareClient,
  DEFAULT_CLOUDFLARE_API_BASE_URL,
  type RequestBudget,
  requestBudget,
} from "../../src/adapters/cloudflare-api.ts";
import { liveAccountsReader, readLiveAccount } from "../../src/adapters/live-state.ts";
import { addLivePlan } from "../../src/check/live.ts";
import { analyzeFiles, reportFor } from "../../src/core/analyze/analyze.ts";
import { liveStateFor } from "../../src/core/live/state.ts";
import { type CloudflareApi, startCloudflareApi } from "../support/cloudflare-api.ts";

const ACCT = "acct-1";
const TOKEN = "cf-token-must-never-leak-8c1f";

/** A stand-in for the tests of one describe block, emptied before each test. */
function standIn(): () => CloudflareApi {
  let api: CloudflareApi;
  before(async () => {
    api = await startCloudflareApi({ token: TOKEN });
  });
  after(() => api.close());
  beforeEach(() => {
    api.state.accounts.clear();
    api.clearRequests();
    api.clearFaults();
  });
  return () => api;
}

async function rejection(promise: Promise<unknown>): Promise<CloudflareApiError> {
  const error = await promise.then(
    () => assert.fail("expected an error"),
    (e: unknown) => e,
  );
  assert.ok(error instanceof CloudflareApiError, String(error));
  return error;
}

describe("Cloudflare client", () => {
  const server = standIn();
  let api: CloudflareApi;
  beforeEach(() => {
    api = server();
  });

  const client = (extra: Partial<Parameters<typeof createCloudflareClient>[0]> = {}) =>
    createCloudflareClient({
      apiBaseUrl: api.apiBaseUrl,
      accountId: ACCT,
      token: TOKEN,
      backoffMs: 10,
      ...extra,
    });

  it("defaults to the public API, and sends the token over https only (http only to this machine)", () => {
    assert.equal(
      createCloudflareClient({ accountId: ACCT, token: TOKEN }).apiBaseUrl,
      DEFAULT_CLOUDFLARE_API_BASE_URL,
    );
    assert.equal(client({ apiBaseUrl: `${api.apiBaseUrl}/` }).apiBaseUrl, api.apiBaseUrl);
    assert.equal(
      checkedApiBaseUrl("https://api.example.test/client/v4/"),
      "https://api.example.test/client/v4",
    );
    assert.equal(checkedApiBaseUrl("http://localhost:8787/client/v4"), "http://localhost:8787/client/v4");
    for (const bad of [
      "http://api.example.test/client/v4",
      "https://user:pass@api.example.test/client/v4",
      "https://api.example.test/client/v4?x=1",
      "not a url",
      "file:///etc/passwd",
    ]) {
      assert.throws(() => checkedApiBaseUrl(bad), ApiBaseUrlError, bad);
    }
  });

  it("lists the account's scripts with their live migration tags", async () => {
    api.state.seedWorker(ACCT, "shop", { migrationTag: "v3", classes: { Cart: "sqlite" } });
    api.state.seedWorker(ACCT, "plain");
    assert.deepEqual(await client().listScripts(), [
      { name: "shop", migrationTag: "v3" },
      { name: "plain", migrationTag: null },
    ]);
    assert.ok(api.requests.every((r) => r.hadAuthorization && r.method === "GET"));
  });

  it("reads a Worker's live Durable Object bindings, and a Worker gone since the list (10007)", async () => {
    api.state.seedWorker(ACCT, "shop", {
      migrationTag: "v3",
      classes: { Cart: "sqlite" },
      bindings: [
        { name: "CART", className: "Cart" },
        { name: "USERS", className: "User", scriptName: "accounts" },
      ],
    });
    assert.deepEqual(await client().readSettings("shop"), {
      exists: true,
      bindings: [
        { name: "CART", className: "Cart", scriptName: null },
        { name: "USERS", className: "User", scriptName: "accounts" },
      ],
    });
    assert.deepEqual(await client().readSettings("gone"), { exists: false, bindings: [] });
    const exportsMap = { Counter: { type: "durable-object", storage: "sqlite" } };
    api.state.seedWorker(ACCT, "exported", { exports: exportsMap, classes: { Counter: "sqlite" } });
    // The settings do not carry `exports`: the live map is the current version's detail.
    assert.equal((await client().readSettings("exported")).exportsState, undefined);
    assert.deepEqual(await client().readLiveExports("exported"), exportsMap);
    api.state.seedWorker(ACCT, "tombstoned", {
      exports: { ...exportsMap, Old: { type: "durable-object", state: "deleted" } },
      classes: { Counter: "sqlite" },
    });
    assert.deepEqual(await client().readLiveExports("tombstoned"), exportsMap, "tombstones left out");
    assert.equal(await client().readLiveExports("shop"), null, "a Worker on migrations");
    assert.equal(await client().readLiveExports("gone"), null);
  });

  describe("the namespace list, page by page", () => {
    for (const [label, options] of [
      ["with total_count", { namespacesPerPage: 2 }],
      ["without total_count (a short page ends it)", { namespacesPerPage: 2, omitTotalCount: true }],
    ] as const) {
      it(label, async () => {
        const paged = await startCloudflareApi({ token: TOKEN, ...options });
        try {
          paged.state.seedWorker(ACCT, "a", { classes: { A1: "sqlite", A2: "kv", A3: "sqlite" } });
          paged.state.seedWorker(ACCT, "b", { classes: { B1: "sqlite", B2: "sqlite" } });
          const list = await createCloudflareClient({
            apiBaseUrl: paged.apiBaseUrl,
            accountId: ACCT,
            token: TOKEN,
          }).listDurableObjectNamespaces();
          assert.deepEqual(
            list.map((n) => `${n.script}/${n.className}/${n.storage}`),
            ["a/A1/sqlite", "a/A2/kv", "a/A3/sqlite", "b/B1/sqlite", "b/B2/sqlite"],
          );
          assert.deepEqual(
            paged.requests.map((r) => r.query.page),
            ["1", "2", "3"],
          );
        } finally {
          await paged.close();
        }
      });
    }
  });

  describe("counting objects, cursor by cursor", () => {
    for (const style of ["cursor", "cursors.after"] as const) {
      it(`follows result_info.${style} to the last page`, async () => {
        const paged = await startCloudflareApi({ token: TOKEN, objectsCursor: style });
        try {
          paged.state.seedWorker(ACCT, "w", { classes: { Legacy: "sqlite" } });
          paged.state.setObjects(ACCT, "w", "Legacy", 25_001, 12_345);
          const id = paged.state.worker(ACCT, "w")!.namespaces[0]!.id;
          const c = createCloudflareClient({ apiBaseUrl: paged.apiBaseUrl, accountId: ACCT, token: TOKEN });
          assert.deepEqual(await c.countObjects(id, 100_000), {
            objects: 25_001,
            withData: 12_345,
            capped: false,
          });
          assert.deepEqual(
            paged.requests.map((r) => [r.query.limit, r.query.cursor === undefined]),
            [
              ["10000", true],
              ["10000", false],
              ["10000", false],
            ],
          );
        } finally {
          await paged.close();
        }
      });
    }

    it("stops at the cap and says so; exactly the cap is not 'more than'; an empty namespace is 0", async () => {
      api.state.seedWorker(ACCT, "w", { classes: { Big: "sqlite", Exact: "sqlite", Empty: "sqlite" } });
      api.state.setObjects(ACCT, "w", "Big", 250, 100);
      api.state.setObjects(ACCT, "w", "Exact", 200, 0);
      const id = (c: string) => api.state.worker(ACCT, "w")!.namespaces.find((n) => n.className === c)!.id;
      assert.deepEqual(await client().countObjects(id("Big"), 200), {
        objects: 200,
        withData: 100,
        capped: true,
      });
      assert.deepEqual(await client().countObjects(id("Exact"), 200), {
        objects: 200,
        withData: 0,
        capped: false,
      });
      assert.deepEqual(await client().countObjects(id("Empty"), 200), {
        objects: 0,
        withData: 0,
        capped: false,
      });
      const limits = api.requests.map((r) => Number(r.query.limit));
      assert.ok(
        limits.every((l) => l >= 10 && l <= 10_000),
        String(limits),
      );
    });

    it("never names the namespace (or the account) in an error", async () => {
      api.state.seedWorker(ACCT, "w", { classes: { Legacy: "sqlite" } });
      const id = api.state.worker(ACCT, "w")!.namespaces[0]!.id;
      api.failNext("/objects", { status: 403, code: 10000, message: "Authentication error", times: 1 });
      const error = await rejection(client().countObjects(id, 10));
      assert.equal(
        error.request,
        "GET /accounts/{account_id}/workers/durable_objects/namespaces/{namespace_id}/objects",
      );
      assert.ok(!error.message.includes(id) && !error.message.includes(ACCT), error.message);
    });
  });

  it("retries 5xx answers with back-off, then succeeds; every attempt is counted", async () => {
    api.state.seedWorker(ACCT, "w", { migrationTag: "v1", classes: { A: "sqlite" } });
    api.failNext("/workers/scripts", { times: 2, status: 502 });
    const c = client();
    assert.deepEqual(await c.listScripts(), [{ name: "w", migrationTag: "v1" }]);
    assert.equal(api.requests.length, 3);
    assert.equal(c.requestCount(), 3);
  });

  it("honours Retry-After on 429 and 5xx (not the back-off)", async (t) => {
    api.failNext("/workers/scripts", {
      status: 429,
      code: 10000,
      message: "Rate limited",
      retryAfter: "0.05",
    });
    api.failNext("/workers/scripts", { status: 503, retryAfter: "0.05" });
    // The waits the client asks for, not how long they took (no wall clock: a loaded machine is slow).
    const waits: number[] = [];
    const realSetTimeout = globalThis.setTimeout;
    t.mock.method(globalThis, "setTimeout", ((run: () => void, ms?: number) => {
      waits.push(ms ?? 0);
      return realSetTimeout(run, ms);
    }) as typeof setTimeout);
    assert.deepEqual(await client({ backoffMs: 4_321 }).listScripts(), []);
    t.mock.reset();
    // (fetch sets timers of its own: only the client's waits are counted)
    assert.deepEqual(
      waits.filter((ms) => ms === 50 || ms === 4_321 || ms === 8_642),
      [50, 50],
      "waited Retry-After (50 ms) twice, not the back-off",
    );
    assert.equal(api.requests.length, 3);
  });

  it("gives up after a bounded number of attempts, with a typed error", async () => {
    api.failNext("/workers/scripts", { times: 10, status: 503, code: 10013, message: "Service unavailable" });
    const error = await rejection(client({ attempts: 3 }).listScripts());
    assert.equal(error.kind, "api");
    assert.equal(error.status, 503);
    assert.equal(error.code, 10013);
    assert.equal(error.attempts, 3);
    assert.match(error.message, /HTTP 503\): Service unavailable \[code: 10013\]/);
    assert.equal(api.requests.length, 3);
  });

  it("does not retry an authentication failure, and never puts the token in the message", async () => {
    const error = await rejection(
      createCloudflareClient({
        apiBaseUrl: api.apiBaseUrl,
        accountId: ACCT,
        token: "wrong-token-123",
      }).listScripts(),
    );
    assert.equal(error.status, 403);
    assert.equal(api.requests.length, 1);
    // even when the server echoes the token back, the error scrubs it
    api.failNext("/settings", { status: 400, code: 10000, message: `bad credentials: Bearer ${TOKEN}` });
    const echoed = await rejection(client().readSettings("w"));
    assert.ok(!echoed.message.includes(TOKEN), echoed.message);
    assert.ok(!JSON.stringify(echoed).includes(TOKEN));
    assert.ok(!String(echoed.stack).includes(TOKEN));
    assert.ok(!JSON.stringify(echoed.toProblem()).includes(TOKEN));
  });

  it("times out a hanging request, retries it, and succeeds; reports a timeout when every attempt hangs", async () => {
    api.hangNext("/workers/scripts");
    assert.deepEqual(await client({ timeoutMs: 200 }).listScripts(), []);
    assert.deepEqual(
      api.requests.map((r) => r.fault ?? "answered"),
      ["hang", "answered"],
    );
    api.hangNext("/workers/scripts", { times: 2 });
    const error = await rejection(client({ timeoutMs: 100, attempts: 2 }).listScripts());
    assert.equal(error.kind, "timeout");
    assert.equal(error.status, null);
  });

  it("reports network errors after retrying", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((r) => closed.close(() => r()));
    const error = await rejection(
      createCloudflareClient({
        apiBaseUrl: `http://127.0.0.1:${port}/client/v4`,
        accountId: ACCT,
        token: TOKEN,
        backoffMs: 5,
        attempts: 2,
      }).listScripts(),
    );
    assert.equal(error.kind, "network");
    assert.equal(error.attempts, 2);
    assert.ok(!error.message.includes(TOKEN));
  });

  it("never follows a redirect: the token goes to the API base URL and nowhere else", async () => {
    const elsewhere: IncomingMessage["headers"][] = [];
    const trap = createServer((req, res) => {
      elsewhere.push(req.headers);
      res.writeHead(200, { "content-type": "application/json" }).end('{"success":true,"result":[]}');
    });
    await new Promise<void>((r) => trap.listen(0, "127.0.0.1", r));
    const trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
    const redirecting = createServer((_req, res) => {
      res.writeHead(302, { location: `${trapUrl}/client/v4/accounts/${ACCT}/workers/scripts` }).end();
    });
    await new Promise<void>((r) => redirecting.listen(0, "127.0.0.1", r));
    try {
      const error = await rejection(
        createCloudflareClient({
          apiBaseUrl: `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/client/v4`,
          accountId: ACCT,
          token: TOKEN,
        }).listScripts(),
      );
      assert.equal(error.kind, "invalid-response");
      assert.match(error.message, /redirect \(HTTP 302\), which is not followed/);
      assert.deepEqual(elsewhere, [], "nothing reached the other server");
    } finally {
      await new Promise<void>((r) => redirecting.close(() => r()));
      await new Promise<void>((r) => trap.close(() => r()));
    }
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const slowFetch: typeof fetch = async (input, init) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 10));
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const c = client({ concurrency: 3, fetch: slowFetch });
    await Promise.all(Array.from({ length: 12 }, (_, i) => c.readSettings(`w${i}`)));
    assert.equal(most, 3);
    assert.equal(c.requestCount(), 12);
  });
});

describe("the live-state reader", () => {
  const server = standIn();
  let api: CloudflareApi;
  beforeEach(() => {
    api = server();
  });
  const client = () =>
    createCloudflareClient({ apiBaseUrl: api.apiBaseUrl, accountId: ACCT, token: TOKEN, backoffMs: 5 });
  const routes = () =>
    api.requests.map((r) =>
      r.route.replace(`/accounts/${ACCT}/workers`, "").replace(/namespaces\/\w+/, "namespaces/ID"),
    );

  it("reads the live exports of a planned Worker without a migration tag only (its version detail)", async () => {
    const map = { Room: { type: "durable-object", storage: "sqlite" } };
    api.state.seedWorker(ACCT, "on-exports", { exports: map, classes: { Room: "sqlite" } });
    api.state.seedWorker(ACCT, "on-migrations", { migrationTag: "v1", classes: { Room: "sqlite" } });
    const account = await readLiveAccount(client(), {
      workers: ["on-exports", "on-migrations"],
      repositoryWorkers: null,
      doomed: () => [],
    });
    const settings = account.settings.get("on-exports");
    assert.ok(settings?.ok);
    assert.deepEqual(settings.value.exportsState, map);
    const other = account.settings.get("on-migrations");
    assert.ok(other?.ok && other.value.exportsState === undefined);
    assert.deepEqual(
      routes()
        .filter((r) => r.includes("/scripts/"))
        .sort(),
      [
        "/scripts/on-exports/deployments",
        "/scripts/on-exports/settings",
        `/scripts/on-exports/versions/${api.state.liveVersions(ACCT, "on-exports")[0]!.id}`,
        "/scripts/on-migrations/settings",
      ],
    );
  });

  it("reads the two account lists once and the settings of the Workers asked for only", async () => {
    for (let i = 0; i < 20; i++)
      api.state.seedWorker(ACCT, `w${i}`, { migrationTag: "v1", classes: { C: "sqlite" } });
    const account = await readLiveAccount(client(), {
      workers: ["w3", "w4", "not-deployed"],
      repositoryWorkers: new Set(["w3", "w4", "not-deployed"]),
      doomed: () => [],
    });
    assert.deepEqual(routes().sort(), [
      "/durable_objects/namespaces",
      "/scripts",
      "/scripts/w3/settings",
      "/scripts/w4/settings",
    ]);
    assert.equal(account.requests, 4);
    assert.ok(account.scripts.ok && account.scripts.value.size === 20);
    assert.deepEqual([...account.settings.keys()].sort(), ["w3", "w4"]);
    assert.deepEqual(account.scanned, { repository: [], outside: [], skipped: 0 });
  });

  it("when a class is about to be destroyed: reads the account's other Workers, the repository's first (capped), and counts its objects", async () => {
    api.state.seedWorker(ACCT, "owner", {
      migrationTag: "v1",
      classes: { Legacy: "sqlite", Counter: "sqlite" },
    });
    api.state.setObjects(ACCT, "owner", "Legacy", 42, 7);
    for (const name of ["ext-a", "ext-b", "ext-c"]) {
      api.state.seedWorker(ACCT, name, {
        bindings: [{ name: "L", className: "Legacy", scriptName: "owner" }],
      });
    }
    // A Worker of the repository whose config no longer binds the class, but whose live version does.
    api.state.seedWorker(ACCT, "in-repo", {
      bindings: [{ name: "L", className: "Legacy", scriptName: "owner" }],
    });
    const account = await readLiveAccount(client(), {
      workers: ["owner"],
      repositoryWorkers: new Set(["owner", "in-repo", "not-deployed"]),
      doomed: () => [{ worker: "owner", origin: "Legacy" }],
      scanCap: 2,
    });
    assert.deepEqual(account.scanned, { repository: ["in-repo"], outside: ["ext-a"], skipped: 2 });
    assert.deepEqual(
      liveStateFor(account, "owner")
        .bindingsToThisWorker.map((b) => b.worker)
        .sort(),
      ["ext-a", "in-repo"],
    );
    const legacy = api.state.worker(ACCT, "owner")!.namespaces.find((n) => n.className === "Legacy")!;
    assert.deepEqual(account.objects.get(legacy.id), {
      ok: true,
      value: { objects: 42, withData: 7, capped: false },
    });
    assert.equal(account.objects.size, 1, "only the doomed namespace is counted");
  });

  it("turns failures into data: a failed list, a failed settings read, a failed count", async () => {
    api.state.seedWorker(ACCT, "a", { migrationTag: "v1", classes: { X: "sqlite" } });
    api.state.seedWorker(ACCT, "b", { migrationTag: "v1" });
    api.failNext("/scripts/b/settings", { status: 500, times: 3 });
    api.failNext("/objects", { status: 403, code: 10000, message: "Authentication error" });
    const account = await readLiveAccount(client(), {
      workers: ["a", "b"],
      repositoryWorkers: new Set(["a", "b"]),
      doomed: () => [{ worker: "a", origin: "X" }],
    });
    assert.equal(account.settings.get("a")?.ok, true);
    const b = account.settings.get("b");
    assert.ok(b && !b.ok && b.problem.status === 500, JSON.stringify(b));
    const [count] = [...account.objects.values()];
    assert.ok(count && !count.ok && count.problem.status === 403);

    api.clearFaults();
    api.failNext("/workers/scripts", { status: 403, code: 10000, message: "Authentication error", times: 1 });
    const denied = await readLiveAccount(client(), {
      workers: ["a"],
      repositoryWorkers: null,
      doomed: () => [],
    });
    assert.ok(!denied.scripts.ok && denied.scripts.problem.status === 403);
    assert.equal(denied.settings.size, 0, "nothing per Worker without the list");
  });
});

/** A client whose every answer comes from `answer` (route without the account prefix, page): no network. */
function scripted(answer: (route: string, page: number) => unknown, budget?: RequestBudget) {
  const fake: typeof fetch = async (input) => {
    const url = new URL(String(input));
    const route = url.pathname.replace(/^.*\/accounts\/[^/]+\/workers/, "");
    const body = {
      success: true,
      errors: [],
      ...(answer(route, Number(url.searchParams.get("page") ?? 1)) as object),
    };
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  };
  return createCloudflareClient({
    apiBaseUrl: "http://127.0.0.1:9/client/v4",
    accountId: ACCT,
    token: TOKEN,
    fetch: fake,
    ...(budget ? { budget } : {}),
  });
}

describe("the namespace list: what it does not say is not taken as 'no namespace'", () => {
  it("keeps a namespace the API names no owner for, beside the planned Worker's own", async () => {
    const client = scripted((route) =>
      route === "/scripts"
        ? { result: [{ id: "w", migration_tag: "v1" }] }
        : route === "/durable_objects/namespaces"
          ? {
              result: [
                { id: "n1", class: "Legacy" },
                { id: "n2", class: "Other", script: "other" },
                { id: "n3", class: "Counter", script: "w" },
              ],
              result_info: { page: 1, per_page: 1000, total_count: 3 },
            }
          : { result: { bindings: [] } },
    );
    const account = await readLiveAccount(client, {
      workers: ["w"],
      repositoryWorkers: null,
      doomed: () => [],
    });
    assert.ok(account.namespaces.ok);
    assert.deepEqual(
      account.namespaces.value.map((n) => `${n.script}/${n.className}`),
      ["null/Legacy", "w/Counter"],
    );
  });

  it("a list longer than the pages it reads is a failed read, not a short list", async () => {
    const client = scripted(() => ({
      result: [{ id: "n", class: "C", script: "w" }],
      result_info: { page: 1, per_page: 1, total_pages: 5_000 },
    }));
    const error = await rejection(client.listDurableObjectNamespaces());
    assert.equal(error.kind, "invalid-response");
    assert.match(error.message, /the list was not read to its end/);
  });
});

describe("the request budget of a live read", () => {
  it("is shared by the read's clients; past it nothing is sent, and the failure says why", async () => {
    let sent = 0;
    const budget = requestBudget(3);
    const answer = () => {
      sent++;
      return { result: [] };
    };
    const a = scripted(answer, budget);
    const b = scripted(answer, budget);
    await a.listScripts();
    await b.listScripts();
    await a.listScripts();
    const error = await rejection(b.listScripts());
    assert.equal(error.kind, "budget");
    assert.match(error.message, /not sent: this run's budget of 3 Cloudflare API requests is used up/);
    assert.equal(sent, 3);
    assert.deepEqual({ used: budget.used, refused: budget.refused }, { used: 3, refused: 1 });
  });

  it("the check's live step stops at it and says so: what was not read is judged from the config alone", async () => {
    const text = (tail: string) =>
      `name = "w"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["A"]\n${tail}`;
    const analyses = analyzeFiles([
      {
        file: "wrangler.toml",
        baseText: text(""),
        headText: text('[[migrations]]\ntag = "v2"\ndeleted_classes = ["A"]\n'),
      },
    ]);
    const answer = (route: string) =>
      route === "/scripts"
        ? { result: [{ id: "w", migration_tag: "v1" }] }
        : route === "/durable_objects/namespaces"
          ? { result: [{ id: "n", class: "A", script: "w" }], result_info: { total_count: 1 } }
          : { result: { bindings: [] } };
    const { report, live } = await addLivePlan(
      reportFor(analyses),
      analyses,
      { token: TOKEN, accountId: ACCT, requestBudget: 2 },
      liveAccountsReader({ requestBudget: 2, client: (_id, budget) => scripted(answer, budget) }),
      null,
    );
    const note =
      "The live read stopped at its budget of 2 Cloudflare API requests (1 more were not sent, to stay under Cloudflare's rate limit): what it could not read is judged from the config alone.";
    assert.ok(report.notes?.includes(note), JSON.stringify(report.notes));
    assert.ok(live.warnings.includes(note));
    assert.equal(live.failed, 1, "the Worker whose settings were not read is judged statically");
    assert.ok(report.findings.some((f) => f.code === "DO101" && f.dataLoss));
  });
});

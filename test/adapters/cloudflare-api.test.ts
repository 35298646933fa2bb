import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";
import {
  CloudflareApiError,
  createCloudflareClient,
  DEFAULT_CLOUDFLARE_API_BASE_URL,
} from "../../src/adapters/cloudflare-api.ts";
import { type CloudflareApi, startCloudflareApi } from "../support/cloudflare-api.ts";

const ACCT = "acct-1";
const TOKEN = "cf-token-must-never-leak-8c1f";

describe("Cloudflare client: readLiveWorker", () => {
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

  const client = (extra: Partial<Parameters<typeof createCloudflareClient>[0]> = {}) =>
    createCloudflareClient({
      apiBaseUrl: api.apiBaseUrl,
      accountId: ACCT,
      token: TOKEN,
      backoffMs: 10,
      ...extra,
    });

  it("defaults to the public API base URL", () => {
    const c = createCloudflareClient({ accountId: ACCT, token: TOKEN });
    assert.equal(c.apiBaseUrl, DEFAULT_CLOUDFLARE_API_BASE_URL);
    assert.equal(
      createCloudflareClient({ apiBaseUrl: `${api.apiBaseUrl}/`, accountId: ACCT, token: TOKEN }).apiBaseUrl,
      api.apiBaseUrl,
    );
  });

  it("reports a Worker that does not exist (10007)", async () => {
    assert.deepEqual(await client().readLiveWorker("missing"), { exists: false });
    assert.deepEqual(
      api.requests.map((r) => `${r.method} ${r.route}`),
      [`GET /accounts/${ACCT}/workers/services/missing`],
    );
  });

  it("returns the migration tag and the Durable Object bindings, including other Workers' classes", async () => {
    api.state.seedWorker(ACCT, "shop", {
      migrationTag: "v3",
      classes: { Cart: "sqlite" },
      bindings: [
        { name: "CART", className: "Cart" },
        { name: "USERS", className: "User", scriptName: "accounts" },
      ],
    });
    const live = await client().readLiveWorker("shop");
    assert.deepEqual(live, {
      exists: true,
      migrationTag: "v3",
      bindings: [
        { type: "durable_object_namespace", name: "CART", className: "Cart" },
        { type: "durable_object_namespace", name: "USERS", className: "User", scriptName: "accounts" },
      ],
    });
    assert.ok(api.requests.every((r) => r.hadAuthorization));
  });

  it("reports a null tag for a Worker that never ran a migration, and the deployed exports map", async () => {
    const exportsMap = { Counter: { type: "durable-object", storage: "sqlite" } };
    api.state.seedWorker(ACCT, "plain", { exports: exportsMap, classes: { Counter: "sqlite" } });
    const live = await client().readLiveWorker("plain");
    assert.equal(live.exists && live.migrationTag, null);
    assert.deepEqual(live.exists && live.exportsState, exportsMap);
  });

  it("falls back to the scripts list when the services endpoint is not there", async () => {
    api.state.seedWorker(ACCT, "old-api", { migrationTag: "v1", classes: { A: "kv" } });
    api.failNext("/services/", { status: 404, code: 7003, message: "Could not route" });
    const live = await client().readLiveWorker("old-api");
    assert.equal(live.exists && live.migrationTag, "v1");
    assert.deepEqual(
      api.requests.map((r) => r.route.split("/").slice(3).join("/")),
      ["workers/services/old-api", "workers/scripts", "workers/scripts/old-api/settings"],
    );
    api.failNext("/services/", { status: 404, code: 7003, message: "Could not route" });
    assert.deepEqual(await client().readLiveWorker("not-in-list"), { exists: false });
  });

  it("retries 5xx answers with back-off, then succeeds", async () => {
    api.state.seedWorker(ACCT, "w", { migrationTag: "v1", classes: { A: "sqlite" } });
    api.failNext("/services/w", { times: 2, status: 502 });
    api.failNext("/settings", { times: 1, status: 500 });
    const live = await client().readLiveWorker("w");
    assert.equal(live.exists && live.migrationTag, "v1");
    assert.equal(api.requests.filter((r) => r.route.endsWith("/services/w")).length, 3);
    assert.equal(api.requests.filter((r) => r.route.endsWith("/settings")).length, 2);
  });

  it("gives up after a bounded number of attempts, with a typed error", async () => {
    api.failNext("/services/w", { times: 10, status: 503, code: 10013, message: "Service unavailable" });
    const error = await client({ attempts: 3 })
      .readLiveWorker("w")
      .then(
        () => assert.fail("expected an error"),
        (e: unknown) => e,
      );
    assert.ok(error instanceof CloudflareApiError);
    assert.equal(error.kind, "api");
    assert.equal(error.status, 503);
    assert.equal(error.code, 10013);
    assert.equal(error.attempts, 3);
    assert.match(error.message, /Service unavailable \[code: 10013\]/);
    assert.equal(api.requests.length, 3);
  });

  it("does not retry an authentication failure, and never puts the token in the message", async () => {
    const error = await createCloudflareClient({
      apiBaseUrl: api.apiBaseUrl,
      accountId: ACCT,
      token: "wrong-token-123",
    })
      .readLiveWorker("w")
      .catch((e: unknown) => e);
    assert.ok(error instanceof CloudflareApiError);
    assert.equal(error.status, 403);
    assert.equal(api.requests.length, 1);
    // even when the server echoes the token back, the error scrubs it
    api.failNext("/services/w", { status: 400, code: 10000, message: `bad credentials: Bearer ${TOKEN}` });
    const echoed = await client()
      .readLiveWorker("w")
      .catch((e: unknown) => e);
    assert.ok(echoed instanceof CloudflareApiError);
    assert.ok(!echoed.message.includes(TOKEN), echoed.message);
    assert.ok(!JSON.stringify(echoed).includes(TOKEN));
    assert.ok(!String(echoed.stack).includes(TOKEN));
  });

  it("times out a hanging request, retries it, and succeeds", async () => {
    api.state.seedWorker(ACCT, "w", { migrationTag: "v2", classes: { A: "sqlite" } });
    api.hangNext("/services/w");
    const live = await client({ timeoutMs: 200 }).readLiveWorker("w");
    assert.equal(live.exists && live.migrationTag, "v2");
    assert.deepEqual(
      api.requests.map((r) => r.fault ?? "answered"),
      ["hang", "answered", "answered"],
    );
  });

  it("reports a timeout when every attempt hangs", async () => {
    api.hangNext("/services/w", { times: 2 });
    const error = await client({ timeoutMs: 100, attempts: 2 })
      .readLiveWorker("w")
      .catch((e: unknown) => e);
    assert.ok(error instanceof CloudflareApiError);
    assert.equal(error.kind, "timeout");
    assert.equal(error.status, null);
  });

  it("reports network errors after retrying", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((r) => closed.close(() => r()));
    const error = await createCloudflareClient({
      apiBaseUrl: `http://127.0.0.1:${port}/client/v4`,
      accountId: ACCT,
      token: TOKEN,
      backoffMs: 5,
      attempts: 2,
    })
      .readLiveWorker("w")
      .catch((e: unknown) => e);
    assert.ok(error instanceof CloudflareApiError);
    assert.equal(error.kind, "network");
    assert.equal(error.attempts, 2);
    assert.ok(!error.message.includes(TOKEN));
  });

  it("treats a Worker deleted between the two reads as gone", async () => {
    api.state.seedWorker(ACCT, "w", { migrationTag: "v1" });
    api.failNext("/settings", {
      status: 404,
      code: 10007,
      message: "This Worker does not exist on your account.",
    });
    assert.deepEqual(await client().readLiveWorker("w"), { exists: false });
  });
});

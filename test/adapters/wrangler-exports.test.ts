/**
 * The REAL wrangler (devDependency, 4.156) deploying Durable Object `exports` through the local
 * Cloudflare API stand-in, which reconciles them as Cloudflare's "Durable Object class exports"
 * page describes (DOMAIN.md section 1): a delete, a rename and a transfer, each deploy that makes
 * wrangler print something of its own run once (created, refused with a 100402, deleted, stale
 * and removable, renamed, transfer pending, transferred), and the adapter's reading of the 100402.
 * The states between are seeded; the stand-in's other interlocks (an orphaned namespace, a
 * renamed_to onto an existing class, a transfer the target does not expect, going back to
 * migrations) are its own rules, tested with plain uploads in test/support/cloudflare-api.test.ts.
 *
 * Each real deploy takes about 2 s; the runs are sequential.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { extractWranglerError, parseWranglerOutput } from "../../src/adapters/wrangler.ts";
import { type CloudflareApi, startCloudflareApi } from "../support/cloudflare-api.ts";
import {
  createWorkerProject,
  type WorkerProject,
  type WranglerRun,
  workerSource,
  wranglerDeploy,
} from "../support/wrangler.ts";

const ACCT = "acct-exports";
const TOKEN = "exports-secret-token-81c4";
const created = { type: "durable-object", storage: "sqlite" } as const;
const deleted = { type: "durable-object", state: "deleted" } as const;

function config(name: string, bindings: Record<string, string>, exports: object, extra: object = {}): object {
  return {
    name,
    main: "src/index.js",
    compatibility_date: "2025-01-01",
    durable_objects: {
      bindings: Object.entries(bindings).map(([binding, className]) => ({
        name: binding,
        class_name: className,
      })),
    },
    exports,
    ...extra,
  };
}

describe("real wrangler: Durable Object exports through the stand-in", () => {
  let api: CloudflareApi;
  const projects: WorkerProject[] = [];
  before(async () => {
    api = await startCloudflareApi({ token: TOKEN });
  });
  after(async () => {
    await api.close();
    for (const p of projects) await p.cleanup();
  });

  async function deployed(project: WorkerProject, config: object, classes: string[]): Promise<WranglerRun> {
    await project.writeConfig(config);
    await project.writeFile("src/index.js", workerSource(classes));
    return wranglerDeploy(project, { apiBaseUrl: api.apiBaseUrl, accountId: ACCT, token: TOKEN });
  }

  async function newProject(): Promise<WorkerProject> {
    const project = await createWorkerProject({ config: {} });
    projects.push(project);
    return project;
  }

  function namespaces(worker: string): Record<string, string> {
    return Object.fromEntries(
      (api.state.worker(ACCT, worker)?.namespaces ?? []).map((n) => [n.className, `${n.state}:${n.id}`]),
    );
  }

  it("delete: created, refused while the code exports the class and another Worker binds it, then one deploy; the tombstone kept is stale", async () => {
    const p = await newProject();
    const first = await deployed(
      p,
      config("exp-del", { COUNTER: "Counter", LEGACY: "Legacy" }, { Counter: created, Legacy: created }),
      ["Counter", "Legacy"],
    );
    assert.equal(first.exitCode, 0, first.stderr);
    assert.match(first.stdout, /Created: Counter, Legacy/);
    const upload = api.uploads().at(-1);
    assert.deepEqual(upload?.metadata?.exports, { Counter: created, Legacy: created });
    assert.equal(upload?.metadata?.migrations, undefined);
    assert.equal(upload?.method, "PUT", "exports go through the non-versioned upload");

    // another Worker binds Legacy
    api.state.seedWorker(ACCT, "exp-consumer", {
      bindings: [{ name: "REMOTE", className: "Legacy", scriptName: "exp-del" }],
    });
    const before = api.state.snapshot(ACCT, "exp-del");
    // the tombstone with the class still in the code (the legacy order): refused
    api.clearRequests();
    const stillInCode = await deployed(
      p,
      config("exp-del", { COUNTER: "Counter" }, { Counter: created, Legacy: deleted }),
      ["Counter", "Legacy"],
    );
    assert.notEqual(stillInCode.exitCode, 0);
    assert.match(stillInCode.stderr, /\[tombstone_delete_class_still_in_code\] class 'Legacy'/);
    assert.match(stillInCode.stderr, /\[tombstone_delete_blocked_by_external_bindings\] class 'Legacy'/);
    assert.match(stillInCode.stderr, /Referencing scripts: exp-consumer/);
    assert.deepEqual(api.state.snapshot(ACCT, "exp-del"), before);
    assert.deepEqual(api.uploads()[0]?.metadata?.exports, { Counter: created, Legacy: deleted });
    assert.equal(api.uploads()[0]?.metadata?.migrations, undefined);
    // What the adapter reads from it: wrangler turns the API's 100402 into a plain UserError
    // listing each class; no code in the record.
    const records = parseWranglerOutput(stillInCode.outputFile);
    assert.equal(records.find((r) => r.type === "command-failed")?.code, undefined);
    const error = extractWranglerError(
      records,
      `${stillInCode.stderr}\n${stillInCode.stdout}`,
      stillInCode.exitCode ?? 1,
    );
    assert.equal(error.code, 100402);
    assert.match(error.message, /\[tombstone_delete_class_still_in_code\] class 'Legacy'/);

    // the other Worker's binding gone first, then one deploy with the tombstone and the code gone
    api.state.seedWorker(ACCT, "exp-consumer", {});
    const del = await deployed(
      p,
      config("exp-del", { COUNTER: "Counter" }, { Counter: created, Legacy: deleted }),
      ["Counter"],
    );
    assert.equal(del.exitCode, 0, del.stderr);
    assert.match(del.stdout, /Deleted: Legacy/);
    assert.match(namespaces("exp-del").Legacy ?? "", /^deleted:/);

    // kept after it applied: stale, removable
    const stale = await deployed(
      p,
      config("exp-del", { COUNTER: "Counter" }, { Counter: created, Legacy: deleted }),
      ["Counter"],
    );
    assert.equal(stale.exitCode, 0, stale.stderr);
    assert.match(stale.stdout, /\[stale_tombstone\] Legacy/);
    assert.match(stale.stdout, /Safe to remove from `exports`: Legacy/);
    assert.deepEqual(api.state.liveClasses(ACCT, "exp-del"), ["Counter"]);
  });

  it("rename: the tombstone while the code exports both names (the alias) keeps the namespace", async () => {
    api.state.seedWorker(ACCT, "exp-ren", {
      classes: { Room: "sqlite", Lobby: "sqlite" },
      bindings: [{ name: "ROOM", className: "Room" }],
      exports: { Room: created, Lobby: created },
    });
    const id = namespaces("exp-ren").Room;
    const p = await newProject();
    const renamed = { type: "durable-object", state: "renamed", renamed_to: "Chat" };
    const rename = await deployed(
      p,
      config("exp-ren", { ROOM: "Chat" }, { Room: renamed, Chat: created, Lobby: created }),
      ["Room", "Chat", "Lobby"],
    );
    assert.equal(rename.exitCode, 0, rename.stderr);
    assert.match(rename.stdout, /Renamed: Room → Chat/);
    assert.equal(namespaces("exp-ren").Chat, id, "same namespace, new name");
  });

  it("transfer: the target expects it, then the source transfers it (the same namespace)", async () => {
    api.state.seedWorker(ACCT, "exp-src", {
      classes: { Room: "sqlite" },
      bindings: [{ name: "ROOM", className: "Room" }],
      exports: { Room: created },
    });
    const id = namespaces("exp-src").Room?.split(":")[1];
    const source = await newProject();
    const target = await newProject();
    const expecting = {
      type: "durable-object",
      state: "expecting-transfer",
      transfer_from: "exp-src",
      storage: "sqlite",
    };
    const t1 = await deployed(target, config("exp-dst", {}, { Room: expecting }), ["Room"]);
    assert.equal(t1.exitCode, 0, t1.stderr);
    assert.match(t1.stdout, /Transfer pending: Room ← exp-src/);
    const transferred = { type: "durable-object", state: "transferred", transferred_to: "exp-dst" };
    const s2 = await deployed(source, config("exp-src", {}, { Room: transferred }), []);
    assert.equal(s2.exitCode, 0, s2.stderr);
    assert.match(s2.stdout, /Transferred \(completed\): Room → exp-dst/);
    assert.equal(namespaces("exp-dst").Room, `live:${id}`);
    assert.deepEqual(api.state.liveClasses(ACCT, "exp-src"), []);
  });
});

/**
 * The REAL wrangler (devDependency, 4.156) deploying Durable Object `exports` through the local
 * Cloudflare API stand-in, which reconciles them as Cloudflare's "Durable Object class exports"
 * page describes (DOMAIN.md section 1): a delete, a rename and a transfer, each as its deploy
 * sequence, and the interlocks wrangler reports from a 100402.
 *
 * Each real deploy takes about 2 s; the runs are sequential.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
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

  it("delete: refused while the code exports the class or another Worker binds it, then one deploy", async () => {
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

    const consumer = await newProject();
    const bound = await deployed(
      consumer,
      {
        name: "exp-consumer",
        main: "src/index.js",
        compatibility_date: "2025-01-01",
        durable_objects: { bindings: [{ name: "REMOTE", class_name: "Legacy", script_name: "exp-del" }] },
      },
      [],
    );
    assert.equal(bound.exitCode, 0, bound.stderr);

    const before = api.state.snapshot(ACCT, "exp-del");
    // the tombstone with the class still in the code (the legacy order): refused
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

    // the class gone from the code, another Worker still binds it: refused
    const external = await deployed(
      p,
      config("exp-del", { COUNTER: "Counter" }, { Counter: created, Legacy: deleted }),
      ["Counter"],
    );
    assert.notEqual(external.exitCode, 0);
    assert.doesNotMatch(external.stderr, /still_in_code/);
    assert.match(external.stderr, /\[tombstone_delete_blocked_by_external_bindings\] class 'Legacy'/);
    assert.deepEqual(api.state.snapshot(ACCT, "exp-del"), before);

    // the other Worker's binding first, then one deploy with the tombstone and the code gone
    assert.equal(
      (
        await deployed(
          consumer,
          { name: "exp-consumer", main: "src/index.js", compatibility_date: "2025-01-01" },
          [],
        )
      ).exitCode,
      0,
    );
    const del = await deployed(
      p,
      config("exp-del", { COUNTER: "Counter" }, { Counter: created, Legacy: deleted }),
      ["Counter"],
    );
    assert.equal(del.exitCode, 0, del.stderr);
    assert.match(del.stdout, /Deleted: Legacy/);
    assert.match(namespaces("exp-del").Legacy ?? "", /^deleted:/);

    // kept after it applied: stale, removable; dropping it is cleanup
    const stale = await deployed(
      p,
      config("exp-del", { COUNTER: "Counter" }, { Counter: created, Legacy: deleted }),
      ["Counter"],
    );
    assert.equal(stale.exitCode, 0, stale.stderr);
    assert.match(stale.stdout, /\[stale_tombstone\] Legacy/);
    assert.match(stale.stdout, /Safe to remove from `exports`: Legacy/);
    const dropped = await deployed(p, config("exp-del", { COUNTER: "Counter" }, { Counter: created }), [
      "Counter",
    ]);
    assert.equal(dropped.exitCode, 0, dropped.stderr);
    assert.deepEqual(api.state.liveClasses(ACCT, "exp-del"), ["Counter"]);
  });

  it("a class dropped from both the code and exports is refused (orphaned namespace); so is going back to migrations", async () => {
    const p = await newProject();
    assert.equal(
      (
        await deployed(p, config("exp-orphan", {}, { Counter: created, Extra: created }), [
          "Counter",
          "Extra",
        ])
      ).exitCode,
      0,
    );
    const before = api.state.snapshot(ACCT, "exp-orphan");
    const orphan = await deployed(p, config("exp-orphan", {}, { Counter: created }), ["Counter"]);
    assert.notEqual(orphan.exitCode, 0);
    assert.match(orphan.stderr, /\[orphaned_provisioned_namespace\] class 'Extra'/);
    const back = await deployed(
      p,
      {
        name: "exp-orphan",
        main: "src/index.js",
        compatibility_date: "2025-01-01",
        migrations: [{ tag: "v1", new_sqlite_classes: ["Counter", "Extra"] }],
      },
      ["Counter", "Extra"],
    );
    assert.notEqual(back.exitCode, 0);
    assert.match(back.stderr, /\[code: 100403\]/);
    assert.deepEqual(api.state.snapshot(ACCT, "exp-orphan"), before);
  });

  it("rename: an alias, then the tombstone (renamed_to onto an existing class refused), then the alias dropped", async () => {
    const p = await newProject();
    assert.equal(
      (
        await deployed(p, config("exp-ren", { ROOM: "Room" }, { Room: created, Lobby: created }), [
          "Room",
          "Lobby",
        ])
      ).exitCode,
      0,
    );
    const id = namespaces("exp-ren").Room;
    const renamed = (to: string) => ({ type: "durable-object", state: "renamed", renamed_to: to });
    const occupied = await deployed(
      p,
      config("exp-ren", { ROOM: "Lobby" }, { Room: renamed("Lobby"), Lobby: created }),
      ["Room", "Lobby"],
    );
    assert.notEqual(occupied.exitCode, 0);
    assert.match(occupied.stderr, /\[tombstone_renamed_to_occupied\] class 'Room'/);
    // 2. the tombstone, the code exporting both names (the alias of deploy 1)
    const rename = await deployed(
      p,
      config("exp-ren", { ROOM: "Chat" }, { Room: renamed("Chat"), Chat: created, Lobby: created }),
      ["Room", "Chat", "Lobby"],
    );
    assert.equal(rename.exitCode, 0, rename.stderr);
    assert.match(rename.stdout, /Renamed: Room → Chat/);
    assert.equal(namespaces("exp-ren").Chat, id, "same namespace, new name");
    // 3. the alias dropped; the tombstone is now removable
    const cleanup = await deployed(
      p,
      config("exp-ren", { ROOM: "Chat" }, { Room: renamed("Chat"), Chat: created, Lobby: created }),
      ["Chat", "Lobby"],
    );
    assert.equal(cleanup.exitCode, 0, cleanup.stderr);
    assert.match(cleanup.stdout, /Safe to remove from `exports`: Room/);
  });

  it("transfer: refused before the target expects it, then four deploys over two Workers", async () => {
    const source = await newProject();
    const target = await newProject();
    assert.equal(
      (await deployed(source, config("exp-src", { ROOM: "Room" }, { Room: created }), ["Room"])).exitCode,
      0,
    );
    const id = namespaces("exp-src").Room?.split(":")[1];
    const transferred = { type: "durable-object", state: "transferred", transferred_to: "exp-dst" };
    const early = await deployed(source, config("exp-src", {}, { Room: transferred }), []);
    assert.notEqual(early.exitCode, 0);
    assert.match(early.stderr, /\[transfer_target_not_expecting\] class 'Room'/);
    // 1. the target expects it
    const expecting = {
      type: "durable-object",
      state: "expecting-transfer",
      transfer_from: "exp-src",
      storage: "sqlite",
    };
    const t1 = await deployed(target, config("exp-dst", {}, { Room: expecting }), ["Room"]);
    assert.equal(t1.exitCode, 0, t1.stderr);
    assert.match(t1.stdout, /Transfer pending: Room ← exp-src/);
    // 2. the source transfers
    const s2 = await deployed(source, config("exp-src", {}, { Room: transferred }), []);
    assert.equal(s2.exitCode, 0, s2.stderr);
    assert.match(s2.stdout, /Transferred \(completed\): Room → exp-dst/);
    assert.equal(namespaces("exp-dst").Room, `live:${id}`);
    // 3. the target declares it created (and may bind it); 4. the source drops the tombstone
    const t3 = await deployed(target, config("exp-dst", { ROOM: "Room" }, { Room: created }), ["Room"]);
    assert.equal(t3.exitCode, 0, t3.stderr);
    const s4 = await deployed(
      source,
      { name: "exp-src", main: "src/index.js", compatibility_date: "2025-01-01" },
      [],
    );
    assert.equal(s4.exitCode, 0, s4.stderr);
    assert.deepEqual(api.state.liveClasses(ACCT, "exp-src"), []);
  });
});

/**
 * The stand-in's own rules, exercised with plain HTTP uploads (fast; no wrangler).
 * The real-wrangler runs are in test/deploy/two-phase.test.ts (the delete story) and
 * test/adapters/wrangler*.test.ts.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { type CloudflareApi, scanModuleExports, startCloudflareApi } from "./cloudflare-api.ts";
import { workerSource } from "./wrangler.ts";

const ACCT = "acct1";
const TOKEN = "stand-in-test-token";

interface UploadResult {
  status: number;
  body: { success: boolean; errors: { code: number; message: string; meta?: unknown }[]; result: unknown };
}

async function upload(
  api: CloudflareApi,
  name: string,
  metadata: Record<string, unknown>,
  classes: readonly string[],
  kind: "deploy" | "version" = "deploy",
): Promise<UploadResult> {
  const form = new FormData();
  form.set(
    "metadata",
    JSON.stringify({ main_module: "index.js", compatibility_date: "2025-01-01", ...metadata }),
  );
  form.set(
    "index.js",
    new Blob([workerSource(classes)], { type: "application/javascript+module" }),
    "index.js",
  );
  const base = `${api.apiBaseUrl}/accounts/${ACCT}/workers/scripts/${name}`;
  const response = await fetch(
    kind === "deploy" ? `${base}?excludeScript=true&bindings_inherit=strict` : `${base}/versions`,
    {
      method: kind === "deploy" ? "PUT" : "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
      body: form,
    },
  );
  return { status: response.status, body: (await response.json()) as UploadResult["body"] };
}

function doBinding(name: string, className: string, scriptName?: string): Record<string, unknown> {
  return {
    name,
    type: "durable_object_namespace",
    class_name: className,
    ...(scriptName && { script_name: scriptName }),
  };
}

function errorCode(r: UploadResult): number | undefined {
  return r.body.errors[0]?.code;
}

describe("Cloudflare API stand-in", () => {
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

  it("scans module exports: classes, export lists with aliases, default", () => {
    const text = [
      "export class A {}",
      "class B {}",
      "var index_default = {};",
      "export { B, C as D, index_default as default };",
      "// export class Commented {}",
      "export const E = class {};",
      "export default class F {}",
    ].join("\n");
    assert.deepEqual(scanModuleExports(text), ["A", "B", "D", "E", "default"]);
  });

  it("answers 10007 for an unknown Worker and 7003 for an unknown route", async () => {
    const res = await fetch(`${api.apiBaseUrl}/accounts/${ACCT}/workers/services/nope`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as UploadResult["body"]).errors[0]?.code, 10007);
    await fetch(`${api.apiBaseUrl}/accounts/${ACCT}/nothing/here`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(api.unhandled().length, 1);
  });

  it("refuses requests without the token and never records the Authorization header", async () => {
    const res = await fetch(`${api.apiBaseUrl}/accounts/${ACCT}/workers/scripts`);
    assert.equal(res.status, 403);
    await fetch(`${api.apiBaseUrl}/accounts/${ACCT}/workers/scripts`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(api.requests[1]?.hadAuthorization, true);
    assert.ok(!JSON.stringify(api.requests).includes(TOKEN));
    assert.ok(!JSON.stringify(api.requests).toLowerCase().includes('"authorization"'));
  });

  it("creates classes, rejects a one-shot delete (10061) atomically, then allows the two-phase delete", async () => {
    const v1 = { new_tag: "v1", steps: [{ new_sqlite_classes: ["Counter", "Legacy"] }] };
    const both = [doBinding("COUNTER", "Counter"), doBinding("LEGACY", "Legacy")];
    assert.equal(
      (await upload(api, "w", { bindings: both, migrations: v1 }, ["Counter", "Legacy"])).status,
      200,
    );
    assert.deepEqual(api.state.liveClasses(ACCT, "w"), ["Counter", "Legacy"]);
    const before = api.state.snapshot(ACCT, "w");

    const deleteStep = { old_tag: "v1", new_tag: "v2", steps: [{ deleted_classes: ["Legacy"] }] };
    const oneShot = await upload(api, "w", { bindings: [both[0]], migrations: deleteStep }, ["Counter"]);
    assert.equal(errorCode(oneShot), 10061);
    assert.match(
      oneShot.body.errors[0]?.message ?? "",
      /Cannot apply --delete-class migration to class 'Legacy'/,
    );
    assert.deepEqual(api.state.snapshot(ACCT, "w"), before, "a rejected upload changes nothing");

    // phase 1 through the versions API (no migration): binding gone, class still exported
    const version = await upload(api, "w", { bindings: [both[0]] }, ["Counter", "Legacy"], "version");
    assert.equal(version.status, 200);
    assert.equal(api.state.liveBindings(ACCT, "w").length, 2, "an uploaded version is not live yet");
    const versionId = (version.body.result as { id: string }).id;
    const dep = await fetch(`${api.apiBaseUrl}/accounts/${ACCT}/workers/scripts/w/deployments`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({
        strategy: "percentage",
        versions: [{ version_id: versionId, percentage: 100 }],
      }),
    });
    assert.equal(dep.status, 200);
    assert.deepEqual(
      api.state.liveBindings(ACCT, "w").map((b) => b.className),
      ["Counter"],
    );

    const phase2 = await upload(api, "w", { bindings: [both[0]], migrations: deleteStep }, ["Counter"]);
    assert.equal(phase2.status, 200, JSON.stringify(phase2.body));
    assert.equal(api.state.worker(ACCT, "w")?.migrationTag, "v2");
    assert.deepEqual(api.state.liveClasses(ACCT, "w"), ["Counter"]);
    assert.equal(
      api.state.worker(ACCT, "w")?.namespaces.find((n) => n.className === "Legacy")?.state,
      "deleted",
    );
  });

  it("counts every version of a split deployment as live", async () => {
    api.state.seedWorker(ACCT, "w", {
      migrationTag: "v1",
      classes: { Counter: "sqlite", Legacy: "sqlite" },
      bindings: [{ name: "LEGACY", className: "Legacy" }],
    });
    const worker = api.state.worker(ACCT, "w")!;
    const old = worker.versions[0]!;
    const v = await upload(api, "w", { bindings: [] }, ["Counter", "Legacy"], "version");
    const newId = (v.body.result as { id: string }).id;
    worker.deployments.unshift({
      id: "split",
      createdOn: new Date().toISOString(),
      versions: [
        { version_id: newId, percentage: 90 },
        { version_id: old.id, percentage: 10 },
      ],
    });
    const del = await upload(
      api,
      "w",
      { migrations: { old_tag: "v1", new_tag: "v2", steps: [{ deleted_classes: ["Legacy"] }] } },
      ["Counter"],
    );
    assert.equal(errorCode(del), 10061);
  });

  it("rejects a delete while another Worker binds the class through script_name (10061)", async () => {
    api.state.seedWorker(ACCT, "owner", {
      migrationTag: "v1",
      classes: { Counter: "sqlite", Legacy: "sqlite" },
    });
    api.state.seedWorker(ACCT, "user", {
      bindings: [{ name: "L", className: "Legacy", scriptName: "owner" }],
    });
    const del = await upload(
      api,
      "owner",
      { migrations: { old_tag: "v1", new_tag: "v2", steps: [{ deleted_classes: ["Legacy"] }] } },
      ["Counter"],
    );
    assert.equal(errorCode(del), 10061);
    api.state.deleteWorker(ACCT, "user");
    const again = await upload(
      api,
      "owner",
      { migrations: { old_tag: "v1", new_tag: "v2", steps: [{ deleted_classes: ["Legacy"] }] } },
      ["Counter"],
    );
    assert.equal(again.status, 200);
  });

  it("rejects a binding to a class with no namespace (10061), here or in another Worker", async () => {
    const own = await upload(api, "w", { bindings: [doBinding("X", "Nope")] }, ["Nope"]);
    assert.equal(errorCode(own), 10061);
    assert.match(own.body.errors[0]?.message ?? "", /Cannot create binding for class 'Nope'/);
    const other = await upload(api, "w", { bindings: [doBinding("X", "Nope", "elsewhere")] }, []);
    assert.equal(errorCode(other), 10061);
    assert.equal(api.state.worker(ACCT, "w"), undefined, "no Worker was created");
  });

  it("rejects dropping the export of a live class (10064)", async () => {
    api.state.seedWorker(ACCT, "w", { migrationTag: "v1", classes: { Counter: "sqlite" } });
    const r = await upload(api, "w", { bindings: [] }, []);
    assert.equal(errorCode(r), 10064);
    assert.match(r.body.errors[0]?.message ?? "", /does not export class 'Counter'/);
  });

  it("rejects a new class the code does not export (10070), e.g. a fresh Worker replaying a rename", async () => {
    const r = await upload(
      api,
      "fresh",
      {
        bindings: [doBinding("ROOM", "Room")],
        migrations: {
          new_tag: "v2",
          steps: [
            { new_sqlite_classes: ["ChatRoom"] },
            { renamed_classes: [{ from: "ChatRoom", to: "Room" }] },
          ],
        },
      },
      ["Room"],
    );
    assert.equal(errorCode(r), 10070);
  });

  it("rejects delete of a class not exported before, rename of a missing class, create twice (10074)", async () => {
    const replay = await upload(
      api,
      "fresh",
      {
        migrations: { new_tag: "v2", steps: [{ new_sqlite_classes: ["Old"] }, { deleted_classes: ["Old"] }] },
      },
      ["Old"],
    );
    assert.equal(errorCode(replay), 10074, "a fresh Worker replaying create+delete");
    api.state.seedWorker(ACCT, "w", { migrationTag: "v1", classes: { Counter: "sqlite" } });
    const rename = await upload(
      api,
      "w",
      {
        migrations: {
          old_tag: "v1",
          new_tag: "v2",
          steps: [{ renamed_classes: [{ from: "Ghost", to: "G2" }] }],
        },
      },
      ["Counter", "G2"],
    );
    assert.equal(errorCode(rename), 10074);
    const twice = await upload(
      api,
      "w",
      { migrations: { old_tag: "v1", new_tag: "v2", steps: [{ new_sqlite_classes: ["Counter"] }] } },
      ["Counter"],
    );
    assert.equal(errorCode(twice), 10074);
    assert.match(twice.body.errors[0]?.message ?? "", /already depended on by existing Durable Objects/);
  });

  it("checks old_tag (10079) and runs the concurrent-deploy hook before the upload", async () => {
    api.state.seedWorker(ACCT, "w", { migrationTag: "v1", classes: { Counter: "sqlite" } });
    api.simulateConcurrentDeploy(ACCT, "w", "v1-other");
    const r = await upload(
      api,
      "w",
      { migrations: { old_tag: "v1", new_tag: "v2", steps: [{ new_sqlite_classes: ["Extra"] }] } },
      ["Counter", "Extra"],
    );
    assert.equal(errorCode(r), 10079);
    assert.equal(r.body.errors[0]?.message, "Migration tag precondition failed; current tag is v1-other");
    const missing = await upload(api, "w", { migrations: { new_tag: "v2", steps: [] } }, ["Counter"]);
    assert.equal(errorCode(missing), 10079, "no old_tag while a tag is deployed");
  });

  it("rejects versions uploads with migrations (10211) and KV classes on a free plan (10097)", async () => {
    api.state.seedWorker(ACCT, "w", { migrationTag: "v1", classes: { Counter: "sqlite" } });
    const v = await upload(
      api,
      "w",
      { migrations: { old_tag: "v1", new_tag: "v2", steps: [{ new_sqlite_classes: ["X"] }] } },
      ["Counter", "X"],
      "version",
    );
    assert.equal(errorCode(v), 10211);
    api.state.setPlan(ACCT, "free");
    const kv = await upload(api, "free", { migrations: { new_tag: "v1", steps: [{ new_classes: ["K"] }] } }, [
      "K",
    ]);
    assert.equal(errorCode(kv), 10097);
  });

  it("moves a namespace with transferred_classes", async () => {
    api.state.seedWorker(ACCT, "src", { migrationTag: "v1", classes: { Counter: "sqlite" } });
    const id = api.state.worker(ACCT, "src")!.namespaces[0]!.id;
    const r = await upload(
      api,
      "dst",
      {
        migrations: {
          new_tag: "t1",
          steps: [{ transferred_classes: [{ from: "Counter", from_script: "src", to: "Counter" }] }],
        },
      },
      ["Counter"],
    );
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(api.state.worker(ACCT, "dst")!.namespaces[0]!.id, id);
    assert.deepEqual(api.state.liveClasses(ACCT, "src"), []);
  });

  describe("declarative exports", () => {
    const created = { type: "durable-object", storage: "sqlite" };
    const deleted = { type: "durable-object", state: "deleted" };
    type Detail = { class: string; scenario: string; suggestion?: string; referencing_scripts?: string[] };
    const details = (r: UploadResult): Detail[] =>
      (r.body.errors[0]?.meta as { details: Detail[] } | undefined)?.details ?? [];
    const reconciliation = (r: UploadResult) =>
      (r.body.result as { exports_reconciliation: Record<string, unknown> }).exports_reconciliation;

    it("deletes in one deploy once the code no longer has the class (own binding dropped in the same deploy)", async () => {
      const first = await upload(
        api,
        "w",
        { bindings: [doBinding("C", "Counter")], exports: { Counter: created } },
        ["Counter"],
      );
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.deepEqual(reconciliation(first).created, ["Counter"]);
      const del = await upload(api, "w", { exports: { Counter: deleted } }, []);
      assert.equal(del.status, 200, JSON.stringify(del.body));
      assert.deepEqual(reconciliation(del).deleted, ["Counter"]);
      assert.deepEqual(api.state.liveClasses(ACCT, "w"), []);
      const again = await upload(api, "w", { exports: { Counter: deleted } }, []);
      assert.deepEqual(reconciliation(again).removable_entries, ["Counter"]);
      assert.deepEqual(
        (reconciliation(again).info as Detail[]).map((i) => i.scenario),
        ["stale_tombstone"],
      );
      // dropping the applied tombstone is cleanup: accepted, nothing destroyed
      assert.equal((await upload(api, "w", {}, [])).status, 200);
      assert.deepEqual(api.state.liveClasses(ACCT, "w"), []);
    });

    it("refuses a tombstone while the code still exports the class", async () => {
      await upload(api, "w", { exports: { Counter: created } }, ["Counter"]);
      const r = await upload(api, "w", { exports: { Counter: deleted } }, ["Counter"]);
      assert.equal(errorCode(r), 100402);
      assert.deepEqual(
        details(r).map((d) => [d.class, d.scenario]),
        [["Counter", "tombstone_delete_class_still_in_code"]],
      );
      assert.deepEqual(api.state.liveClasses(ACCT, "w"), ["Counter"]);
    });

    it("refuses a tombstone while another Worker binds the class, naming it", async () => {
      await upload(api, "w", { exports: { Counter: created } }, ["Counter"]);
      await upload(api, "client", { bindings: [doBinding("REMOTE", "Counter", "w")] }, []);
      const before = api.state.snapshot(ACCT, "w");
      // the class gone from the code: this is the only problem
      const r = await upload(api, "w", { exports: { Counter: deleted } }, []);
      assert.equal(errorCode(r), 100402);
      assert.deepEqual(
        details(r).map((d) => [d.class, d.scenario]),
        [["Counter", "tombstone_delete_blocked_by_external_bindings"]],
      );
      assert.deepEqual(details(r)[0]?.referencing_scripts, ["client"]);
      assert.deepEqual(api.state.snapshot(ACCT, "w"), before);
      // the other Worker first, then the tombstone
      assert.equal((await upload(api, "client", {}, [])).status, 200);
      assert.equal((await upload(api, "w", { exports: { Counter: deleted } }, [])).status, 200);
    });

    it("refuses a class gone from both the code and exports (orphaned namespace)", async () => {
      await upload(api, "w", { exports: { Counter: created, Extra: created } }, ["Counter", "Extra"]);
      const before = api.state.snapshot(ACCT, "w");
      const r = await upload(api, "w", { exports: { Counter: created } }, ["Counter"]);
      assert.equal(errorCode(r), 100402);
      assert.deepEqual(
        details(r).map((d) => [d.class, d.scenario]),
        [["Extra", "orphaned_provisioned_namespace"]],
      );
      assert.deepEqual(api.state.snapshot(ACCT, "w"), before);
      const kept = await upload(api, "w", { exports: { Counter: created } }, ["Counter", "Extra"]);
      assert.equal(details(kept)[0]?.scenario, "provisioned_class_missing_from_config");
      const notInCode = await upload(api, "w", { exports: { Counter: created, Extra: created } }, [
        "Counter",
      ]);
      assert.equal(details(notInCode)[0]?.scenario, "config_export_not_in_code");
    });

    it("renames onto a free name and refuses renamed_to onto an existing class", async () => {
      await upload(api, "w", { exports: { Old: created, Taken: created } }, ["Old", "Taken"]);
      const rename = (to: string) => ({ type: "durable-object", state: "renamed", renamed_to: to });
      const occupied = await upload(api, "w", { exports: { Old: rename("Taken"), Taken: created } }, [
        "Old",
        "Taken",
      ]);
      assert.deepEqual(
        details(occupied).map((d) => [d.class, d.scenario]),
        [["Old", "tombstone_renamed_to_occupied"]],
      );
      const id = api.state.worker(ACCT, "w")!.namespaces.find((n) => n.className === "Old")!.id;
      // zero downtime: the code exports both names during the tombstone deploy
      const ok = await upload(api, "w", { exports: { Old: rename("New"), New: created, Taken: created } }, [
        "Old",
        "New",
        "Taken",
      ]);
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.deepEqual(reconciliation(ok).renamed, [{ from: "Old", to: "New" }]);
      assert.equal(api.state.worker(ACCT, "w")!.namespaces.find((n) => n.className === "New")!.id, id);
      const later = await upload(
        api,
        "w",
        { exports: { Old: rename("New"), New: created, Taken: created } },
        ["New", "Taken"],
      );
      assert.deepEqual(reconciliation(later).removable_entries, ["Old"]);
    });

    it("transfers only to a Worker expecting it, with the same storage", async () => {
      await upload(api, "src", { exports: { Room: created } }, ["Room"]);
      const transferred = { type: "durable-object", state: "transferred", transferred_to: "dst" };
      const early = await upload(api, "src", { exports: { Room: transferred } }, []);
      assert.deepEqual(
        details(early).map((d) => [d.class, d.scenario]),
        [["Room", "transfer_target_not_expecting"]],
      );
      const expecting = (storage: string) => ({
        type: "durable-object",
        state: "expecting-transfer",
        transfer_from: "src",
        storage,
      });
      await upload(api, "dst", { exports: { Room: expecting("legacy-kv") } }, ["Room"]);
      const mismatch = await upload(api, "src", { exports: { Room: transferred } }, []);
      assert.equal(details(mismatch)[0]?.scenario, "storage_type_mismatch");
      const ready = await upload(api, "dst", { exports: { Room: expecting("sqlite") } }, ["Room"]);
      assert.deepEqual(reconciliation(ready).transfer_pending, [{ class: "Room", from: "src" }]);
      const moved = await upload(api, "src", { exports: { Room: transferred } }, []);
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.deepEqual(api.state.liveClasses(ACCT, "dst"), ["Room"]);
      assert.deepEqual(api.state.liveClasses(ACCT, "src"), []);
      // the target declares it created (and may bind it); the source drops its tombstone
      assert.equal(
        (
          await upload(api, "dst", { bindings: [doBinding("ROOM", "Room")], exports: { Room: created } }, [
            "Room",
          ])
        ).status,
        200,
      );
      assert.equal((await upload(api, "src", {}, [])).status, 200);
      assert.deepEqual(api.state.liveClasses(ACCT, "dst"), ["Room"]);
      assert.deepEqual(api.state.liveClasses(ACCT, "src"), []);
    });

    it("refuses a storage change, going back to migrations (100403) and both at once", async () => {
      assert.equal((await upload(api, "w", { exports: { Counter: created } }, ["Counter"])).status, 200);
      const kv = await upload(
        api,
        "w",
        { exports: { Counter: { type: "durable-object", storage: "legacy-kv" } } },
        ["Counter"],
      );
      assert.equal(details(kv)[0]?.scenario, "storage_type_mismatch");
      const back = await upload(api, "w", { migrations: { new_tag: "v1", steps: [] } }, ["Counter"]);
      assert.equal(errorCode(back), 100403);
      const both = await upload(
        api,
        "w",
        { migrations: { new_tag: "v1", steps: [] }, exports: { Counter: created } },
        ["Counter"],
      );
      assert.equal(errorCode(both), 100402);
      assert.deepEqual(api.state.liveClasses(ACCT, "w"), ["Counter"]);
    });

    it("rejects a version binding a class only that version provisions (100406)", async () => {
      api.state.seedWorker(ACCT, "w", {});
      const r = await upload(
        api,
        "w",
        { bindings: [doBinding("N", "New")], exports: { New: created } },
        ["New"],
        "version",
      );
      assert.equal(errorCode(r), 100406);
    });

    it("exposes the live exports (tombstones left out) in the version detail", async () => {
      await upload(api, "w", { exports: { A: created, B: created } }, ["A", "B"]);
      await upload(api, "w", { exports: { A: created, B: deleted } }, ["A"]);
      const live = api.state.liveVersions(ACCT, "w")[0]!;
      const detail = (await (
        await fetch(`${api.apiBaseUrl}/accounts/${ACCT}/workers/scripts/w/versions/${live.id}`, {
          headers: { authorization: `Bearer ${TOKEN}` },
        })
      ).json()) as { result: { resources: { script_runtime: { exports: unknown } } } };
      assert.deepEqual(detail.result.resources.script_runtime.exports, { A: created });
    });
  });

  describe("fault injection", () => {
    it("answers 5xx for the next N matching requests", async () => {
      api.failNext("/workers/scripts", { times: 2, status: 503 });
      const get = () =>
        fetch(`${api.apiBaseUrl}/accounts/${ACCT}/workers/scripts`, {
          headers: { authorization: `Bearer ${TOKEN}` },
        });
      assert.equal((await get()).status, 503);
      assert.equal((await get()).status, 503);
      assert.equal((await get()).status, 200);
      assert.deepEqual(
        api.requests.map((r) => r.fault ?? null),
        ["status", "status", null],
      );
    });

    it("hangs a request until the client gives up", async () => {
      api.hangNext(/\/scripts$/);
      await assert.rejects(
        fetch(`${api.apiBaseUrl}/accounts/${ACCT}/workers/scripts`, {
          headers: { authorization: `Bearer ${TOKEN}` },
          signal: AbortSignal.timeout(150),
        }),
        { name: "TimeoutError" },
      );
      assert.equal(api.requests[0]?.fault, "hang");
    });
  });
});

// Table tests for the release's pure core (src/core/release/): the order of a monorepo's Workers
// (create before bind, drop before delete, transfers, cycles, independent Workers) and the
// preflight (what each Worker runs, what would be rejected). No mocks: each case is configs and
// an account's live state as plain data, planned by the real `planDeploy` over `liveStateFor`.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseConfigText } from "../../src/core/config/parse.ts";
import { readWorkers } from "../../src/core/config/workers.ts";
import type { LiveAccount, LiveNamespace, LiveSettings, Read } from "../../src/core/live/state.ts";
import { liveStateFor } from "../../src/core/live/state.ts";
import type { RequestedPhase } from "../../src/core/plan/decide.ts";
import { planDeploy } from "../../src/core/plan/deploy-plan.ts";
import { releaseCandidate, unplannedCandidate } from "../../src/core/release/candidate.ts";
import { releaseOrder } from "../../src/core/release/order.ts";
import {
  confirmationFor,
  parseConfirmation,
  type ReleaseCandidate,
} from "../../src/core/release/preflight.ts";
import { planRelease, type ReleasePlan } from "../../src/core/release/release-plan.ts";

const ACCT = "acct";

interface LiveSpec {
  readonly tag?: string;
  readonly classes?: Record<string, "sqlite" | "kv">;
  /** Live Durable Object bindings: `CLASS` (own) or `script:CLASS`. */
  readonly bindings?: readonly string[];
  readonly exports?: Record<string, unknown>;
}

interface Spec {
  readonly name: string;
  /** The config (without `name`): migrations, exports, bindings as `CLASS` or `script:CLASS`. */
  readonly bindings?: readonly string[];
  readonly migrations?: readonly object[];
  readonly exports?: Record<string, unknown>;
  readonly live?: LiveSpec;
  /** What the code exports; default: every class the config mentions. */
  readonly code?: readonly string[];
}

function binding(text: string): { name: string; class_name: string; script_name?: string } {
  const [script, cls] = text.includes(":") ? text.split(":") : [undefined, text];
  return {
    name: (cls as string).toUpperCase(),
    class_name: cls as string,
    ...(script ? { script_name: script } : {}),
  };
}

function account(specs: readonly Spec[], extra: readonly Spec[] = []): LiveAccount {
  const all = [...specs, ...extra].filter((s) => s.live);
  const namespaces: LiveNamespace[] = all.flatMap((s) =>
    Object.entries(s.live?.classes ?? {}).map(([className, storage]) => ({
      id: `${s.name}-${className}`,
      script: s.name,
      className,
      storage,
    })),
  );
  const settings = new Map<string, Read<LiveSettings>>(
    all.map((s) => [
      s.name,
      {
        ok: true,
        value: {
          exists: true,
          bindings: (s.live?.bindings ?? []).map((b) => {
            const x = binding(b);
            return { name: x.name, className: x.class_name, scriptName: x.script_name ?? null };
          }),
          ...(s.live?.exports ? { exportsState: s.live.exports } : {}),
        },
      },
    ]),
  );
  return {
    accountId: ACCT,
    scripts: {
      ok: true,
      value: new Map(all.map((s) => [s.name, { name: s.name, migrationTag: s.live?.tag ?? null }])),
    },
    namespaces: { ok: true, value: namespaces },
    settings,
    objects: new Map(),
    scanned: { repository: [], outside: [], skipped: 0 },
    requests: 0,
  };
}

function candidates(specs: readonly Spec[], outside: readonly Spec[] = []): ReleaseCandidate[] {
  const acct = account(specs, outside);
  return specs.map((s) => {
    const config = {
      name: s.name,
      main: "src/index.js",
      durable_objects: { bindings: (s.bindings ?? []).map(binding) },
      ...(s.migrations ? { migrations: s.migrations } : {}),
      ...(s.exports ? { exports: s.exports } : {}),
    };
    const parsed = parseConfigText(`${s.name}/wrangler.jsonc`, JSON.stringify(config, null, 2));
    assert.ok(parsed.ok);
    const worker = readWorkers(parsed).workers[0];
    assert.ok(worker);
    const live = liveStateFor(acct, s.name);
    const settings = acct.settings.get(s.name);
    const mentioned = JSON.stringify(config).match(/[A-Z][A-Za-z]+/g) ?? [];
    return {
      key: `${ACCT}\u0000${s.name}`,
      file: `${s.name}/wrangler.jsonc`,
      env: null,
      name: s.name,
      accountId: ACCT,
      worker,
      plan: planDeploy(worker, live),
      live,
      liveBindings: settings?.ok ? settings.value.bindings : [],
      liveUsesExports: Boolean(settings?.ok && settings.value.exportsState),
      codeExports: new Set([...(s.code ?? mentioned), "default"]),
      problems: [],
    };
  });
}

function release(
  specs: readonly Spec[],
  options: { phase?: RequestedPhase; confirm?: string[]; skipUnchanged?: boolean; outside?: Spec[] } = {},
): ReleasePlan {
  const list = candidates(specs, options.outside ?? []);
  const outsideClasses = new Map(
    (options.outside ?? []).map((o) => [
      `${ACCT}\u0000${o.name}`,
      new Set(Object.keys(o.live?.classes ?? {})),
    ]),
  );
  return planRelease(list, {
    requested: options.phase ?? "auto",
    confirm: options.confirm ?? [],
    single: list.length === 1,
    skipUnchanged: options.skipUnchanged ?? false,
    outsideClasses,
  });
}

const names = (plan: ReleasePlan) => plan.order.map((k) => k.split("\u0000")[1]);
const statusOf = (plan: ReleasePlan) =>
  Object.fromEntries(
    plan.workers.map((w) => [w.key.split("\u0000")[1], `${w.status}${w.run ? ` ${w.run}` : ""}`]),
  );
const problemsOf = (plan: ReleasePlan) =>
  [...plan.blockers, ...plan.workers.flatMap((w) => w.blockers)].map((b) => b.message).join("\n");

const V1 = { tag: "v1", new_sqlite_classes: ["Room"] };

describe("release order", () => {
  const cases: {
    name: string;
    specs: Spec[];
    options?: Parameters<typeof release>[1];
    order: string[];
    reasons?: string[];
  }[] = [
    {
      name: "independent Workers keep the selection's order, with no edges",
      specs: [
        {
          name: "c",
          migrations: [V1],
          bindings: ["Room"],
          live: { tag: "v1", classes: { Room: "sqlite" }, bindings: ["Room"] },
        },
        { name: "a", migrations: [V1], bindings: ["Room"] },
        { name: "b" },
      ],
      order: ["c", "a", "b"],
      reasons: [],
    },
    {
      name: "an owner that creates a class deploys before the consumer that starts binding it",
      specs: [
        { name: "consumer", bindings: ["owner:Lobby"], live: {} },
        {
          name: "owner",
          migrations: [V1, { tag: "v2", new_sqlite_classes: ["Lobby"] }],
          bindings: ["Room", "Lobby"],
          live: { tag: "v1", classes: { Room: "sqlite" }, bindings: ["Room"] },
        },
      ],
      order: ["owner", "consumer"],
      reasons: ["creates-before-bind"],
    },
    {
      name: "a binding to a class that is already live orders nothing",
      specs: [
        { name: "consumer", bindings: ["owner:Room"], live: {} },
        {
          name: "owner",
          migrations: [V1],
          bindings: ["Room"],
          live: { tag: "v1", classes: { Room: "sqlite" }, bindings: ["Room"] },
        },
      ],
      order: ["consumer", "owner"],
      reasons: [],
    },
    {
      name: "a consumer dropping its binding and the owner's phase 1 are independent",
      specs: [
        {
          name: "owner",
          migrations: [
            { tag: "v1", new_sqlite_classes: ["Room", "Legacy"] },
            { tag: "v2", deleted_classes: ["Legacy"] },
          ],
          bindings: ["Room"],
          live: { tag: "v1", classes: { Room: "sqlite", Legacy: "sqlite" }, bindings: ["Room", "Legacy"] },
        },
        { name: "consumer", live: { bindings: ["owner:Legacy"] } },
      ],
      order: ["owner", "consumer"],
      reasons: [],
    },
    {
      name: "exports transfer: the receiving side (expecting-transfer) first, then the source",
      specs: [
        {
          name: "source",
          exports: { Room: { type: "durable-object", state: "transferred", transferred_to: "target" } },
          live: {
            classes: { Room: "sqlite" },
            exports: { Room: { type: "durable-object", storage: "sqlite" } },
          },
        },
        {
          name: "target",
          exports: {
            Room: {
              type: "durable-object",
              state: "expecting-transfer",
              transfer_from: "source",
              storage: "sqlite",
            },
          },
          live: { exports: {} },
        },
      ],
      order: ["target", "source"],
      reasons: ["transfer"],
    },
    {
      name: "migrations transfer: the Worker whose step receives the class deploys before its source",
      specs: [
        { name: "old", migrations: [V1], live: { tag: "v1", classes: { Room: "sqlite" } }, code: ["Room"] },
        {
          name: "new",
          migrations: [
            { tag: "t1", transferred_classes: [{ from: "Room", from_script: "old", to: "Room" }] },
          ],
          live: {},
          code: ["Room"],
        },
      ],
      order: ["new", "old"],
      reasons: ["transfer"],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const plan = release(c.specs, c.options);
      assert.equal(problemsOf(plan), "");
      assert.deepEqual(names(plan), c.order);
      if (c.reasons)
        assert.deepEqual(
          plan.edges.map((e) => e.reason),
          c.reasons,
        );
    });
  }

  it("a cycle is a refusal that names every Worker in it", () => {
    const plan = release([
      {
        name: "alpha",
        migrations: [{ tag: "a1", new_sqlite_classes: ["Ay"] }],
        bindings: ["Ay", "beta:Be"],
        live: {},
      },
      {
        name: "beta",
        migrations: [{ tag: "b1", new_sqlite_classes: ["Be"] }],
        bindings: ["Be", "alpha:Ay"],
        live: {},
      },
      { name: "gamma" },
    ]);
    assert.equal(plan.ok, false);
    assert.deepEqual(plan.order, []);
    assert.match(
      problemsOf(plan),
      /wait for each other.*(alpha creates Ay, which beta starts binding.*beta creates Be, which alpha starts binding|beta creates Be, which alpha starts binding.*alpha creates Ay, which beta starts binding)/,
    );
    assert.match(plan.blockers[0]?.fix ?? "", /Break the cycle/);
  });

  it("a consumer that drops its binding to a doomed class deploys before the owner's phase 2", () => {
    const [owner, consumer] = candidates([
      {
        name: "owner",
        migrations: [
          { tag: "v1", new_sqlite_classes: ["Room", "Legacy"] },
          { tag: "v2", deleted_classes: ["Legacy"] },
        ],
        bindings: ["Room"],
        live: { tag: "v1", classes: { Room: "sqlite", Legacy: "sqlite" }, bindings: ["Room"] },
      },
      { name: "consumer", live: { bindings: ["owner:Legacy"] } },
    ]);
    const node = (c: ReleaseCandidate, run: "2" | "normal" | "1") => ({
      key: c.name as string,
      accountId: ACCT,
      name: c.name as string,
      worker: c.worker as NonNullable<typeof c.worker>,
      plan: c.plan as NonNullable<typeof c.plan>,
      live: c.live as NonNullable<typeof c.live>,
      liveBindings: c.liveBindings,
      run,
    });
    assert.ok(owner && consumer);
    const two = releaseOrder([node(owner, "2"), node(consumer, "normal")]);
    assert.deepEqual(two.order, ["consumer", "owner"]);
    assert.match(
      two.edges[0]?.why ?? "",
      /consumer drops its binding LEGACY to owner:Legacy before owner deletes it/,
    );
    assert.deepEqual(releaseOrder([node(owner, "1"), node(consumer, "normal")]).order, ["owner", "consumer"]);
  });

  it("orders every account on its own (names are per account)", () => {
    const [a, b] = candidates([
      {
        name: "owner",
        migrations: [V1, { tag: "v2", new_sqlite_classes: ["Lobby"] }],
        live: { tag: "v1", classes: { Room: "sqlite" } },
      },
      { name: "consumer", bindings: ["owner:Lobby"], live: {} },
    ]);
    assert.ok(a?.plan && a.live && a.worker && b?.plan && b.live && b.worker);
    const node = (c: typeof a, accountId: string) => ({
      key: `${accountId}/${c.name}`,
      accountId,
      name: c.name as string,
      worker: c.worker as NonNullable<typeof c.worker>,
      plan: c.plan as NonNullable<typeof c.plan>,
      live: c.live as NonNullable<typeof c.live>,
      liveBindings: c.liveBindings,
      run: "normal" as const,
    });
    assert.equal(releaseOrder([node(b, "one"), node(a, "two")]).edges.length, 0);
    assert.deepEqual(releaseOrder([node(b, "one"), node(a, "one")]).order, ["one/owner", "one/consumer"]);
  });
});

describe("release preflight", () => {
  // The exports model: the class already gone from the code, the Worker's own binding dropped in
  // the same change (live it is still bound).
  const EXPORTS_OWNER: Spec = {
    name: "owner",
    exports: {
      Room: { type: "durable-object", storage: "sqlite" },
      Legacy: { type: "durable-object", state: "deleted" },
    },
    bindings: ["Room"],
    live: {
      classes: { Room: "sqlite", Legacy: "sqlite" },
      bindings: ["Room", "Legacy"],
      exports: {
        Room: { type: "durable-object", storage: "sqlite" },
        Legacy: { type: "durable-object", storage: "sqlite" },
      },
    },
    code: ["Room"],
  };
  const OWNER_DELETES: Spec = {
    name: "owner",
    migrations: [
      { tag: "v1", new_sqlite_classes: ["Room", "Legacy"] },
      { tag: "v2", deleted_classes: ["Legacy"] },
    ],
    bindings: ["Room"],
    live: { tag: "v1", classes: { Room: "sqlite", Legacy: "sqlite" }, bindings: ["Room"] },
    code: ["Room", "Legacy"],
  };
  const cases: {
    name: string;
    specs: Spec[];
    options?: Parameters<typeof release>[1];
    status: Record<string, string>;
    says?: RegExp;
    ok: boolean;
  }[] = [
    {
      name: "a consumer in the release keeps binding a class its owner deletes (10061)",
      specs: [
        OWNER_DELETES,
        { name: "consumer", bindings: ["owner:Legacy"], live: { bindings: ["owner:Legacy"] } },
      ],
      status: { owner: "waiting", consumer: "blocked" },
      says: /consumer binds owner:Legacy \(binding LEGACY\), which owner deletes in this release.*10061/,
      ok: false,
    },
    {
      name: "a class with objects the code no longer exports (10064)",
      specs: [
        {
          name: "w",
          migrations: [V1],
          bindings: ["Room"],
          live: { tag: "v1", classes: { Room: "sqlite" }, bindings: ["Room"] },
          code: [],
        },
        { name: "other" },
      ],
      status: { w: "blocked", other: "deploy normal" },
      says: /w's code does not export Room, which has Durable Objects.*10064/,
      ok: false,
    },
    {
      name: "a created class the code does not export (10070)",
      specs: [{ name: "w", migrations: [V1], bindings: ["Room"], live: {}, code: [] }, { name: "other" }],
      status: { w: "blocked", other: "deploy normal" },
      says: /w's config creates Room but its code does not export it.*10070/,
      ok: false,
    },
    {
      name: "a first deploy that replays a delete (10074)",
      specs: [
        {
          name: "fresh",
          migrations: [
            { tag: "v1", new_sqlite_classes: ["Old"] },
            { tag: "v2", deleted_classes: ["Old"] },
          ],
        },
        { name: "other" },
      ],
      status: { fresh: "blocked", other: "deploy normal" },
      says: /fresh is not deployed yet.*10074/,
      ok: false,
    },
    {
      name: "a live tag the branch does not have",
      specs: [
        { name: "w", migrations: [V1], bindings: ["Room"], live: { tag: "v9", classes: { Room: "sqlite" } } },
        { name: "other" },
      ],
      status: { w: "blocked", other: "deploy normal" },
      says: /live migration tag of w is "v9", which the config does not have/,
      ok: false,
    },
    {
      name: "an exports storage change (100402)",
      specs: [
        {
          name: "w",
          exports: { Room: { type: "durable-object", storage: "sqlite" } },
          live: {
            classes: { Room: "kv" },
            exports: { Room: { type: "durable-object", storage: "legacy-kv" } },
          },
        },
        { name: "other" },
      ],
      status: { w: "blocked", other: "deploy normal" },
      says: /Room has key-value storage in the live w.*100402/,
      ok: false,
    },
    {
      name: "exports: a tombstone while the code still exports the class (100402, tombstone_delete_class_still_in_code)",
      specs: [{ ...EXPORTS_OWNER, code: ["Room", "Legacy"] }, { name: "other" }],
      options: { confirm: ["owner:Legacy"] },
      status: { owner: "blocked", other: "deploy normal" },
      says: /owner's code still exports Legacy.*tombstone_delete_class_still_in_code/,
      ok: false,
    },
    {
      name: "exports: one deploy with the tombstone, the class gone from the code and the own binding dropped",
      specs: [EXPORTS_OWNER, { name: "other" }],
      options: { confirm: ["owner:Legacy"] },
      status: { owner: "deploy 2", other: "deploy normal" },
      ok: true,
    },
    {
      name: "exports: a live entry the code does not export (100402, config_export_not_in_code)",
      specs: [{ ...EXPORTS_OWNER, code: [] }, { name: "other" }],
      options: { confirm: ["owner:Legacy"] },
      status: { owner: "blocked", other: "deploy normal" },
      says: /owner's `exports` declares Room live but its code does not export it.*config_export_not_in_code/,
      ok: false,
    },
    {
      name: "exports: another Worker's binding first, then the tombstone (tombstone_delete_blocked_by_external_bindings)",
      specs: [EXPORTS_OWNER, { name: "other" }],
      options: {
        confirm: ["owner:Legacy"],
        outside: [{ name: "stranger", live: { bindings: ["owner:Legacy"] } }],
      },
      status: { owner: "blocked", other: "deploy normal" },
      says: /stranger still binds Legacy of owner.*tombstone_delete_blocked_by_external_bindings/,
      ok: false,
    },
    {
      name: "a binding to a class another Worker outside the release does not have (10061)",
      specs: [{ name: "consumer", bindings: ["outside:Ghost"], live: {} }, { name: "other" }],
      options: { outside: [{ name: "outside", live: { classes: { Room: "sqlite" } } }] },
      status: { consumer: "blocked", other: "deploy normal" },
      says: /outside has no such Durable Object class live.*10061/,
      ok: false,
    },
    {
      name: "phase 2 waits for its confirmation; the rest deploys",
      specs: [{ ...OWNER_DELETES, live: { ...OWNER_DELETES.live, bindings: ["Room"] } }, { name: "other" }],
      status: { owner: "waiting", other: "deploy normal" },
      ok: true,
    },
    {
      name: "the exact worker:Class pair runs phase 2",
      specs: [OWNER_DELETES, { name: "other" }],
      options: { confirm: ["owner:Legacy"] },
      status: { owner: "deploy 2", other: "deploy normal" },
      ok: true,
    },
    {
      name: "a bare class name is refused in a release",
      specs: [OWNER_DELETES, { name: "other" }],
      options: { confirm: ["Legacy"] },
      status: { owner: "waiting", other: "deploy normal" },
      says: /names Legacy without its Worker/,
      ok: false,
    },
    {
      name: "a confirmation of something the release does not destroy is refused",
      specs: [OWNER_DELETES, { name: "other" }],
      options: { confirm: ["owner:Legacy", "other:Room"] },
      status: { owner: "deploy 2", other: "deploy normal" },
      says: /names other:Room, which this release does not destroy/,
      ok: false,
    },
    {
      name: "the owner's phase 2 waits while a release Worker that drops the binding deploys first",
      specs: [OWNER_DELETES, { name: "consumer", live: { bindings: ["owner:Legacy"] } }],
      options: { confirm: ["owner:Legacy"] },
      status: { owner: "waiting", consumer: "deploy normal" },
      says: /^$/,
      ok: true,
    },
    {
      name: "a binding held by a Worker outside the release blocks the phase 2",
      specs: [OWNER_DELETES, { name: "other" }],
      options: {
        confirm: ["owner:Legacy"],
        outside: [{ name: "stranger", live: { bindings: ["owner:Legacy"] } }],
      },
      status: { owner: "blocked", other: "deploy normal" },
      says: /Worker stranger still binds Legacy of owner/,
      ok: false,
    },
    {
      name: "without a confirmation, that outside binding only keeps the phase 2 waiting",
      specs: [OWNER_DELETES, { name: "other" }],
      options: { outside: [{ name: "stranger", live: { bindings: ["owner:Legacy"] } }] },
      status: { owner: "waiting", other: "deploy normal" },
      ok: true,
    },
    {
      name: "skip-unchanged: a Worker at the head (tag and bindings) is not deployed again",
      specs: [
        {
          name: "same",
          migrations: [V1],
          bindings: ["Room"],
          live: { tag: "v1", classes: { Room: "sqlite" }, bindings: ["Room"] },
        },
        {
          name: "moved",
          migrations: [V1],
          bindings: [],
          live: { tag: "v1", classes: { Room: "sqlite" }, bindings: ["Room"] },
        },
      ],
      options: { skipUnchanged: true },
      status: { same: "unchanged", moved: "deploy normal" },
      ok: true,
    },
    {
      name: "phase 1 of a release: the owner's phase 1 and the consumer that drops its binding; nothing else",
      specs: [
        { ...OWNER_DELETES, live: { ...OWNER_DELETES.live, bindings: ["Room", "Legacy"] } },
        { name: "consumer", live: { bindings: ["owner:Legacy"] } },
        { name: "other" },
      ],
      options: { phase: "1" },
      status: { owner: "deploy 1", consumer: "deploy normal", other: "skipped" },
      ok: true,
    },
    {
      name: "plan: every Worker planned, nothing blocked",
      specs: [OWNER_DELETES, { name: "other" }],
      options: { phase: "plan" },
      status: { owner: "waiting", other: "planned normal" },
      ok: true,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      // the outside Workers are in the account, not in the release
      const plan = release(c.specs, c.options);
      const status = statusOf(plan);
      assert.deepEqual(status, c.status, problemsOf(plan));
      assert.equal(plan.ok, c.ok, problemsOf(plan));
      if (c.says) assert.match(problemsOf(plan), c.says);
    });
  }

  it("the confirmation names worker:Class pairs; one Worker alone may name classes", () => {
    assert.deepEqual(parseConfirmation([" owner:Legacy ", "Room", "owner:Legacy"]), [
      { worker: "owner", className: "Legacy" },
      { worker: null, className: "Room" },
    ]);
    const [owner] = candidates([
      {
        name: "owner",
        migrations: [
          { tag: "v1", new_sqlite_classes: ["A", "B"] },
          { tag: "v2", deleted_classes: ["A", "B"] },
        ],
        live: { tag: "v1", classes: { A: "sqlite", B: "sqlite" } },
      },
    ]);
    assert.ok(owner?.plan);
    assert.equal(confirmationFor([owner.plan]), "owner:A,owner:B");
    const alone: Spec = {
      name: "owner",
      migrations: [
        { tag: "v1", new_sqlite_classes: ["A"] },
        { tag: "v2", deleted_classes: ["A"] },
      ],
      live: { tag: "v1", classes: { A: "sqlite" } },
    };
    for (const confirm of [["A"], ["owner:A"]]) {
      assert.deepEqual(statusOf(release([alone], { confirm })), { owner: "deploy 2" }, confirm[0]);
    }
  });
});

describe("release candidates, planned as the check plans a Worker", () => {
  const specs: Spec[] = [
    {
      name: "owner",
      migrations: [V1, { tag: "v2", deleted_classes: ["Room"] }],
      bindings: ["Room"],
      live: { tag: "v1", classes: { Room: "sqlite" }, bindings: ["Room"] },
    },
    {
      name: "ex",
      exports: { Lobby: { type: "durable-object", storage: "sqlite" } },
      live: { exports: {} },
    },
    { name: "fresh", migrations: [V1], bindings: ["Room"] },
  ];

  it("releaseCandidate (planWorker over the account read) is the candidate the release plans from", () => {
    const expected = candidates(specs);
    const acct = account(specs);
    for (const c of expected) {
      const worker = c.worker as ReleaseCandidate["worker"] & { name: string };
      const built = releaseCandidate({
        key: c.key,
        file: c.file,
        worker,
        accountId: ACCT,
        account: acct,
        codeExports: c.codeExports,
      });
      assert.deepEqual(built, c, worker.name);
    }
  });

  it("no account read: no plan and no problem; a Worker the read failed for: its problem blocks", () => {
    const [c] = candidates(specs);
    const worker = c?.worker as ReleaseCandidate["worker"] & { name: string };
    const unread = releaseCandidate({
      key: "k",
      file: "f",
      worker,
      accountId: ACCT,
      account: undefined,
      codeExports: null,
    });
    assert.equal(unread.plan, null);
    assert.equal(unread.live, null);
    assert.deepEqual(unread.problems, []);
    const acct = account(specs);
    const failing = { ...acct, settings: new Map(acct.settings) };
    failing.settings.delete("owner");
    const failed = releaseCandidate({
      key: "k",
      file: "f",
      worker,
      accountId: ACCT,
      account: failing,
      codeExports: null,
    });
    assert.equal(failed.plan, null);
    assert.deepEqual(
      failed.problems.map((p) => p.message),
      ["The live state of owner could not be read: the settings of owner were not read."],
    );
    const unloaded = unplannedCandidate("k", "bad/wrangler.toml", { env: null, name: null }, [
      { message: "m", fix: "f" },
    ]);
    assert.equal(unloaded.worker, null);
    assert.deepEqual(unloaded.problems, [{ message: "m", fix: "f" }]);
  });
});

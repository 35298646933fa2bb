// Table tests for the two-phase deploy's pure core: the plan (config + live state), the decision
// of one run, the phase-1 config and stand-in entry, and the rendered report.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseConfigText } from "../../src/core/config/parse.ts";
import { readWorkers } from "../../src/core/config/workers.ts";
import type { Storage, Worker } from "../../src/core/model.ts";
import { decideRun, nextPhaseOutput, type RequestedPhase } from "../../src/core/plan/decide.ts";
import {
  checkConfirmation,
  type DeployPlan,
  type LiveBindingRef,
  type LiveState,
  planDeploy,
} from "../../src/core/plan/deploy-plan.ts";
import { canStandIn, derivePhase1Config, standInEntryModule } from "../../src/core/plan/derive-config.ts";
import { exportsNextSteps } from "../../src/core/plan/exports-steps.ts";
import { plannedFromPlan } from "../../src/core/plan/live-plan.ts";
import { renderDeployMarkdown, renderDeployText } from "../../src/core/plan/render-plan.ts";
import { renderPlanText } from "../../src/core/render/plan-table.ts";

function workerOf(file: string, text: string, env: string | null = null): Worker {
  const parsed = parseConfigText(file, text);
  assert.ok(parsed.ok, parsed.ok ? "" : parsed.message);
  const worker = readWorkers(parsed).workers.find((w) => w.env === env);
  assert.ok(worker, `no worker for env ${env}`);
  return worker;
}

function live(
  fields: Partial<Omit<LiveState, "bindingsToThisWorker">> & {
    bindings?: (string | LiveBindingRef)[];
    worker?: string;
  } = {},
): LiveState {
  const worker = fields.worker ?? "w";
  return {
    exists: fields.exists ?? true,
    migrationTag: fields.migrationTag ?? null,
    bindingsToThisWorker: (fields.bindings ?? []).map((b) =>
      typeof b === "string" ? { worker, binding: b.toUpperCase(), className: b } : b,
    ),
    provisioned: fields.provisioned ?? null,
  };
}

/** A JSONC config for Worker "w": bindings by class name, migrations as [tag, ops] pairs. */
function jsonc(bindings: string[], migrations: object[], extra: object = {}): string {
  return JSON.stringify(
    {
      name: "w",
      main: "src/index.ts",
      durable_objects: { bindings: bindings.map((c) => ({ name: c.toUpperCase(), class_name: c })) },
      migrations,
      ...extra,
    },
    null,
    2,
  );
}

const V1 = { tag: "v1", new_sqlite_classes: ["Counter", "Legacy"] };
const V2_DELETE = { tag: "v2", deleted_classes: ["Legacy"] };

describe("planDeploy", () => {
  const cases: {
    name: string;
    config: string;
    live: LiveState;
    env?: string | null;
    expect: Partial<Omit<DeployPlan, "refusals">> & { refusals?: string[] };
  }[] = [
    {
      name: "delete still bound live: phase 1 next, stop at the live tag",
      config: jsonc(["Counter"], [V1, V2_DELETE]),
      live: live({ migrationTag: "v1", bindings: ["Counter", "Legacy"] }),
      expect: {
        next: "1",
        doomed: ["Legacy"],
        pendingTags: ["v2"],
        phase1Tag: "v1",
        targetTag: "v2",
        phase1Classes: ["Counter", "Legacy"],
        phase1Unbound: ["Legacy"],
        refusals: [],
      },
    },
    {
      name: "no live binding to the doomed class: phase 2 next",
      config: jsonc(["Counter"], [V1, V2_DELETE]),
      live: live({ migrationTag: "v1", bindings: ["Counter"] }),
      expect: { next: "2", doomed: ["Legacy"], blockingBindings: [], refusals: [] },
    },
    {
      name: "the delete has applied: nothing pending",
      config: jsonc(["Counter"], [V1, V2_DELETE]),
      live: live({ migrationTag: "v2", bindings: ["Counter"] }),
      expect: { next: "none", doomed: [], pendingTags: [], refusals: [] },
    },
    {
      name: "a fresh Worker destroys nothing, and a historical mixed step is no reason to refuse",
      config: jsonc(
        ["Counter"],
        [V1, { tag: "v2", deleted_classes: ["Legacy"], new_sqlite_classes: ["Other"] }],
      ),
      live: live({ exists: false }),
      expect: { next: "deploy", doomed: [], refusals: [] },
    },
    {
      name: "a step that deletes a live class and does more is refused",
      config: jsonc(
        ["Counter"],
        [V1, { tag: "v2", deleted_classes: ["Legacy"], new_sqlite_classes: ["Other"] }],
      ),
      live: live({ migrationTag: "v1", bindings: ["Legacy"] }),
      expect: { doomed: ["Legacy"], refusals: ["mixed-step"] },
    },
    {
      name: "a mixed step whose delete names a class that is already gone destroys nothing",
      config: jsonc(
        ["Counter"],
        [
          { tag: "v1", new_sqlite_classes: ["Counter"] },
          { tag: "v2", deleted_classes: ["Ghost"], new_sqlite_classes: ["Other"] },
        ],
      ),
      live: live({ migrationTag: "v1" }),
      expect: { next: "deploy", doomed: [], refusals: [] },
    },
    {
      name: "the live tag is not in the config",
      config: jsonc(["Counter"], [V1, V2_DELETE]),
      live: live({ migrationTag: "v9" }),
      expect: { doomed: [], pendingTags: [], refusals: ["tag-not-in-config"] },
    },
    {
      name: "steps before and after the delete: phase 1 applies the ones before, unbinds the ones after",
      config: jsonc(
        ["Counter", "X", "Y"],
        [
          V1,
          { tag: "v2", new_sqlite_classes: ["X"] },
          { tag: "v3", deleted_classes: ["Legacy"] },
          { tag: "v4", new_sqlite_classes: ["Y"] },
        ],
      ),
      live: live({ migrationTag: "v1", bindings: ["Counter", "Legacy"] }),
      expect: {
        next: "1",
        doomed: ["Legacy"],
        pendingTags: ["v2", "v3", "v4"],
        phase1Tag: "v2",
        phase1Classes: ["Counter", "Legacy", "X"],
        phase1Unbound: ["Legacy", "Y"],
        refusals: [],
      },
    },
    {
      name: "the config still binds the class it deletes",
      config: jsonc(["Counter", "Legacy"], [V1, V2_DELETE]),
      live: live({ migrationTag: "v1", bindings: ["Legacy"] }),
      expect: { next: "1", refusals: ["config-still-binds"] },
    },
    {
      name: "another Worker still binds the class: phase 2 next, refused until it is unbound",
      config: jsonc(["Counter"], [V1, V2_DELETE]),
      live: live({
        migrationTag: "v1",
        bindings: ["Counter", { worker: "consumer", binding: "REMOTE", className: "Legacy" }],
      }),
      expect: { next: "2", doomed: ["Legacy"], refusals: ["other-worker-binds"] },
    },
    {
      name: "an env inherits the top-level history",
      config: jsonc([], [V1, V2_DELETE], {
        env: { staging: { durable_objects: { bindings: [{ name: "C", class_name: "Counter" }] } } },
      }),
      env: "staging",
      live: live({ worker: "w-staging", migrationTag: "v1", bindings: ["Legacy"] }),
      expect: { worker: "w-staging", env: "staging", next: "1", doomed: ["Legacy"], phase1Tag: "v1" },
    },
    {
      name: "a Worker with no Durable Object lifecycle deploys normally",
      config: JSON.stringify({ name: "w", main: "src/index.ts" }),
      live: live({}),
      expect: { model: "none", next: "deploy", doomed: [] },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const plan = planDeploy(workerOf("wrangler.jsonc", c.config, c.env ?? null), c.live);
      const { refusals, ...rest } = c.expect;
      for (const [key, value] of Object.entries(rest)) {
        assert.deepEqual(plan[key as keyof DeployPlan], value, key);
      }
      if (refusals) assert.deepEqual(plan.refusals.map((r) => r.reason).sort(), [...refusals].sort());
    });
  }

  describe("exports model", () => {
    const config = JSON.stringify({
      name: "w",
      main: "src/index.ts",
      durable_objects: { bindings: [{ name: "COUNTER", class_name: "Counter" }] },
      exports: {
        Counter: { type: "durable-object", storage: "sqlite" },
        Legacy: { type: "durable-object", state: "deleted" },
        Gone: { type: "durable-object", state: "deleted" },
        default: { type: "worker" },
      },
    });
    const provisioned = (classes: Record<string, Storage>) => new Map(Object.entries(classes));
    const exportsCases: { name: string; live: LiveState; next: string; doomed: string[] }[] = [
      {
        // exports has no phase 1: the Worker's own binding goes in the tombstone's deploy
        name: "a tombstone whose class is provisioned and still bound live by this Worker: phase 2 (one deploy)",
        live: live({ bindings: ["Legacy"], provisioned: provisioned({ Counter: "sqlite", Legacy: "kv" }) }),
        next: "2",
        doomed: ["Legacy"],
      },
      {
        name: "a provisioned tombstone, unbound: phase 2",
        live: live({ provisioned: provisioned({ Counter: "sqlite", Legacy: "sqlite" }) }),
        next: "2",
        doomed: ["Legacy"],
      },
      {
        name: "tombstones of classes that are gone: a normal deploy",
        live: live({ provisioned: provisioned({ Counter: "sqlite" }) }),
        next: "deploy",
        doomed: [],
      },
      {
        name: "the namespaces unknown: every tombstone counts",
        live: live({ provisioned: null }),
        next: "2",
        doomed: ["Gone", "Legacy"],
      },
      {
        name: "a fresh Worker: nothing to destroy",
        live: live({ exists: false }),
        next: "deploy",
        doomed: [],
      },
    ];
    it("says where each tombstone stands: pending while its namespace is live, applied (removable) once gone", () => {
      const worker = workerOf("wrangler.jsonc", config);
      const statuses = (state: LiveState) =>
        planDeploy(worker, state).tombstones.map((t) => `${t.className} ${t.state} ${t.status}`);
      assert.deepEqual(
        statuses(live({ provisioned: provisioned({ Counter: "sqlite", Legacy: "sqlite" }) })),
        ["Legacy deleted pending", "Gone deleted applied"],
      );
      assert.deepEqual(statuses(live({ provisioned: null })), [
        "Legacy deleted unknown",
        "Gone deleted unknown",
      ]);
      assert.deepEqual(statuses(live({ exists: false })), ["Legacy deleted applied", "Gone deleted applied"]);
      const plan = planDeploy(
        worker,
        live({ provisioned: provisioned({ Counter: "sqlite", Legacy: "sqlite" }) }),
      );
      const [line] = renderPlanText([plannedFromPlan(plan, "wrangler.jsonc")]).slice(1);
      assert.match(
        line ?? "",
        /sends the exports map \(3 entries\); tombstones: Legacy pending \(this deploy applies them\); Gone applied \(removable from exports: cleanup, not a delete\); destroys Legacy/,
      );
    });
    for (const c of exportsCases) {
      it(c.name, () => {
        const plan = planDeploy(workerOf("wrangler.jsonc", config), c.live);
        assert.equal(plan.model, "exports");
        assert.equal(plan.next, c.next);
        assert.deepEqual(plan.doomed, c.doomed);
        assert.deepEqual(plan.phase1Unbound, c.doomed);
        assert.deepEqual(plan.phase1Classes, [...new Set(["Counter", ...c.doomed])].sort());
      });
    }
  });
});

describe("exportsNextSteps: the next deploy of a rename or a transfer", () => {
  const exportsWorker = (name: string, exports: object) =>
    workerOf("wrangler.jsonc", JSON.stringify({ name, main: "src/index.ts", exports }));
  const steps = (w: ReturnType<typeof exportsWorker>, classes: Record<string, Storage>) => {
    const state = live({ provisioned: new Map(Object.entries(classes)), worker: w.name ?? "w" });
    return exportsNextSteps(w, planDeploy(w, state), state).join("\n");
  };
  it("a rename that applied: drop the old name from the code, then the tombstone", () => {
    const w = exportsWorker("w", {
      Room: { type: "durable-object", state: "renamed", renamed_to: "Chat" },
      Chat: { type: "durable-object", storage: "sqlite" },
    });
    assert.match(
      steps(w, { Chat: "sqlite" }),
      /Room is now Chat\. Next \(step 3 of a zero-downtime rename\)/,
    );
    assert.equal(steps(w, { Room: "sqlite" }), "", "not applied yet: nothing said");
  });
  it("a transfer: the source after step 2, the receiver before and after it", () => {
    const source = exportsWorker("shop", {
      Cart: { type: "durable-object", state: "transferred", transferred_to: "carts" },
    });
    assert.match(steps(source, {}), /Cart has moved to carts\. Next \(step 3 of 4\): deploy carts/);
    const target = exportsWorker("carts", {
      Cart: { type: "durable-object", state: "expecting-transfer", transfer_from: "shop", storage: "sqlite" },
    });
    assert.match(
      steps(target, {}),
      /Next \(step 2 of 4\): deploy shop with "Cart": \{ "type": "durable-object", "state": "transferred", "transferred_to": "carts" \}/,
    );
    assert.match(steps(target, { Cart: "sqlite" }), /Cart has arrived from shop\. Next \(step 3 of 4\)/);
  });
});

describe("checkConfirmation", () => {
  const plan = planDeploy(
    workerOf(
      "wrangler.jsonc",
      jsonc(
        [],
        [
          { tag: "v1", new_sqlite_classes: ["A", "B", "C"] },
          { tag: "v2", deleted_classes: ["A", "B"] },
        ],
      ),
    ),
    live({ migrationTag: "v1" }),
  );
  const cases: [string[], string | null][] = [
    [[], "confirmation-missing"],
    [["  ", ""], "confirmation-missing"],
    [["A"], "confirmation-mismatch"],
    [["A", "B", "C"], "confirmation-mismatch"],
    [["a", "b"], "confirmation-mismatch"],
    [["A", "B"], null],
    [["B", " A ", "B"], null],
  ];
  for (const [given, expected] of cases) {
    it(`${JSON.stringify(given)} -> ${expected ?? "confirmed"}`, () => {
      const refusal = checkConfirmation(plan, given);
      assert.equal(refusal?.reason ?? null, expected);
      if (refusal) assert.match(refusal.fix, /exactly: A,B$/);
    });
  }
  it("says what is missing and what is extra", () => {
    const refusal = checkConfirmation(plan, ["A", "C"]);
    assert.match(refusal?.message ?? "", /not confirmed: B; not destroyed by this deploy: C/);
  });
});

describe("decideRun", () => {
  const config = jsonc(["Counter"], [V1, V2_DELETE]);
  const worker = workerOf("wrangler.jsonc", config);
  const states: Record<string, LiveState> = {
    bound: live({ migrationTag: "v1", bindings: ["Counter", "Legacy"] }),
    unbound: live({ migrationTag: "v1", bindings: ["Counter"] }),
    applied: live({ migrationTag: "v2", bindings: ["Counter"] }),
    otherBinds: live({
      migrationTag: "v1",
      bindings: [{ worker: "consumer", binding: "R", className: "Legacy" }],
    }),
    otherBindsAndOwn: live({
      migrationTag: "v1",
      bindings: ["Legacy", { worker: "consumer", binding: "R", className: "Legacy" }],
    }),
    foreignTag: live({ migrationTag: "v7" }),
  };
  const cases: [keyof typeof states, RequestedPhase, string[], string][] = [
    ["bound", "plan", [], "plan"],
    ["bound", "auto", [], "deploy 1"],
    ["bound", "1", [], "deploy 1"],
    ["bound", "2", ["Legacy"], "refuse phase-1-not-landed"],
    ["unbound", "auto", [], "refuse confirmation-missing"],
    ["unbound", "auto", ["Counter"], "refuse confirmation-mismatch"],
    ["unbound", "auto", ["Legacy"], "deploy 2"],
    ["unbound", "2", ["Legacy"], "deploy 2"],
    ["unbound", "2", ["Legacy", "Counter"], "refuse confirmation-mismatch"],
    ["unbound", "1", [], "skip"],
    ["applied", "auto", [], "deploy normal"],
    ["applied", "2", ["Legacy"], "skip"],
    ["applied", "1", [], "refuse phase-1-not-needed"],
    ["otherBinds", "2", ["Legacy"], "refuse other-worker-binds"],
    ["otherBindsAndOwn", "1", [], "deploy 1"],
    ["foreignTag", "auto", [], "refuse tag-not-in-config"],
    ["foreignTag", "plan", [], "plan"],
  ];
  for (const [state, requested, confirmed, expected] of cases) {
    it(`${state}, phase ${requested}, confirmed ${JSON.stringify(confirmed)} -> ${expected}`, () => {
      const plan = planDeploy(worker, states[state]!);
      const decision = decideRun(plan, worker, requested, confirmed);
      const got =
        decision.kind === "deploy"
          ? `deploy ${decision.run}`
          : decision.kind === "refuse"
            ? `refuse ${decision.refusals.map((r) => r.reason).join(",")}`
            : decision.kind;
      assert.equal(got, expected);
      if (decision.kind === "refuse") {
        for (const r of decision.refusals) assert.ok(r.message && r.fix);
      }
    });
  }

  it("phase 2 with nothing left to destroy and no delete in the config is refused", () => {
    const plain = workerOf(
      "wrangler.jsonc",
      jsonc(["Counter"], [{ tag: "v1", new_sqlite_classes: ["Counter"] }]),
    );
    const plan = planDeploy(plain, live({ migrationTag: "v1" }));
    const decision = decideRun(plan, plain, "2", ["Counter"]);
    assert.equal(decision.kind === "refuse" && decision.refusals[0]?.reason, "nothing-to-destroy");
  });

  it("exports: no phase 1 (the own binding goes with the tombstone); another Worker's binding first", () => {
    const exportsWorker = workerOf(
      "wrangler.jsonc",
      JSON.stringify({
        name: "w",
        main: "src/index.ts",
        exports: {
          Counter: { type: "durable-object", storage: "sqlite" },
          Legacy: { type: "durable-object", state: "deleted" },
        },
      }),
    );
    const decide = (state: LiveState, requested: RequestedPhase, confirmed: string[]) => {
      const decision = decideRun(planDeploy(exportsWorker, state), exportsWorker, requested, confirmed);
      return decision.kind === "deploy"
        ? `deploy ${decision.run}`
        : decision.kind === "refuse"
          ? `refuse ${decision.refusals.map((r) => r.reason).join(",")}`
          : decision.kind;
    };
    const ownBound = live({ bindings: ["Counter", "Legacy"] });
    assert.equal(decide(ownBound, "auto", []), "refuse confirmation-missing");
    assert.equal(decide(ownBound, "auto", ["Legacy"]), "deploy 2");
    assert.equal(decide(ownBound, "1", []), "refuse phase-1-not-needed");
    const other = live({ bindings: [{ worker: "consumer", binding: "R", className: "Legacy" }] });
    assert.equal(decide(other, "2", ["Legacy"]), "refuse other-worker-binds");
    const refusal = planDeploy(exportsWorker, other).refusals[0];
    assert.match(refusal?.message ?? "", /tombstone_delete_blocked_by_external_bindings/);
  });

  it("next-phase output", () => {
    assert.equal(nextPhaseOutput(planDeploy(worker, states.bound!)), "1");
    assert.equal(nextPhaseOutput(planDeploy(worker, states.unbound!)), "2");
    assert.equal(nextPhaseOutput(planDeploy(worker, states.applied!)), "none");
  });
});

describe("derivePhase1Config", () => {
  it("JSONC: removes the bindings, holds back the delete, keeps comments and other Workers' bindings", () => {
    const text = `// the chat Worker
{
  "name": "w",
  "main": "src/index.ts", // entry
  "durable_objects": {
    "bindings": [
      { "name": "COUNTER", "class_name": "Counter" },
      /* going */ { "name": "LEGACY", "class_name": "Legacy" },
      { "name": "REMOTE", "class_name": "Legacy", "script_name": "other" },
    ],
  },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Counter", "Legacy"] }, // first
    { "tag": "v2", "deleted_classes": ["Legacy"] },
  ],
}
`;
    const worker = workerOf("wrangler.jsonc", text);
    const plan = planDeploy(worker, live({ migrationTag: "v1", bindings: ["Legacy"] }));
    const out = derivePhase1Config("wrangler.jsonc", text, worker, plan, { main: "src/.stand-in.js" });
    assert.match(out, /^\/\/ the chat Worker/);
    assert.match(out, /\/\/ first/);
    const derived = workerOf("wrangler.jsonc", out);
    assert.deepEqual(
      derived.bindings.map((b) => [b.name, b.scriptName]),
      [
        ["COUNTER", null],
        ["REMOTE", "other"],
      ],
    );
    assert.equal(derived.main, "src/.stand-in.js");
    assert.ok(derived.lifecycle.model === "migrations");
    assert.deepEqual(
      derived.lifecycle.steps.map((s) => s.tag),
      ["v1"],
    );
  });

  it("TOML env with its own migrations: only that env changes", () => {
    const text = `name = "w"
main = "src/index.js"

[[migrations]]
tag = "t1"
new_sqlite_classes = ["Top"]

[env.staging]
[[env.staging.durable_objects.bindings]]
name = "COUNTER"
class_name = "Counter"

[[env.staging.migrations]]
tag = "s1"
new_sqlite_classes = ["Counter", "Legacy"]

[[env.staging.migrations]]
tag = "s2"
new_sqlite_classes = ["Extra"]

[[env.staging.migrations]]
tag = "s3"
deleted_classes = ["Legacy"]
`;
    const worker = workerOf("wrangler.toml", text, "staging");
    const plan = planDeploy(worker, live({ worker: "w-staging", migrationTag: "s1", bindings: ["Legacy"] }));
    assert.equal(plan.phase1Tag, "s2");
    const out = derivePhase1Config("wrangler.toml", text, worker, plan);
    assert.match(out, /^# Generated by do-migrate-action/);
    const staging = workerOf("wrangler.toml", out, "staging");
    assert.ok(staging.lifecycle.model === "migrations");
    assert.deepEqual(
      staging.lifecycle.steps.map((s) => s.tag),
      ["s1", "s2"],
    );
    const top = workerOf("wrangler.toml", out, null);
    assert.ok(top.lifecycle.model === "migrations");
    assert.deepEqual(
      top.lifecycle.steps.map((s) => s.tag),
      ["t1"],
    );
    assert.deepEqual(
      staging.bindings.map((b) => b.className),
      ["Counter"],
    );
  });

  it("TOML: edited in place, comments and layout kept under the generated-file line", () => {
    const text = `# the chat Worker
name = "w"
main = "src/index.js" # entry

[[durable_objects.bindings]]
name = "COUNTER"
class_name = "Counter"

[[durable_objects.bindings]] # going
name = "LEGACY"
class_name = "Legacy"

[[migrations]] # first
tag = "v1"
new_sqlite_classes = ["Counter", "Legacy"]

[[migrations]]
tag = "v2"
deleted_classes = ["Legacy"]
`;
    const worker = workerOf("wrangler.toml", text);
    const plan = planDeploy(worker, live({ migrationTag: "v1", bindings: ["Legacy"] }));
    const out = derivePhase1Config("wrangler.toml", text, worker, plan, { main: "src/.stand-in.js" });
    assert.equal(
      out,
      `# Generated by do-migrate-action for phase 1 of a two-phase deploy. Do not commit.
# the chat Worker
name = "w"
main = "src/.stand-in.js" # entry

[[durable_objects.bindings]]
name = "COUNTER"
class_name = "Counter"

[[migrations]] # first
tag = "v1"
new_sqlite_classes = ["Counter", "Legacy"]
`,
    );
  });

  it("an env inheriting the top-level history: the top-level steps are held back", () => {
    const text = jsonc([], [V1, V2_DELETE], {
      env: { prod: { durable_objects: { bindings: [{ name: "L", class_name: "Legacy" }] } } },
    });
    const worker = workerOf("wrangler.jsonc", text, "prod");
    const plan = planDeploy(worker, live({ worker: "w-prod", migrationTag: "v1", bindings: ["Legacy"] }));
    const derived = workerOf(
      "wrangler.jsonc",
      derivePhase1Config("wrangler.jsonc", text, worker, plan),
      "prod",
    );
    assert.ok(derived.lifecycle.model === "migrations" && derived.lifecycle.inherited);
    assert.deepEqual(
      derived.lifecycle.steps.map((s) => s.tag),
      ["v1"],
    );
    assert.deepEqual(derived.bindings, []);
  });

  it("bindings to classes only created after the held-back delete are removed too", () => {
    const text = jsonc(
      ["Counter", "Y"],
      [V1, { tag: "v2", deleted_classes: ["Legacy"] }, { tag: "v3", new_sqlite_classes: ["Y"] }],
    );
    const worker = workerOf("wrangler.jsonc", text);
    const plan = planDeploy(worker, live({ migrationTag: "v1", bindings: ["Legacy"] }));
    const derived = workerOf("wrangler.jsonc", derivePhase1Config("wrangler.jsonc", text, worker, plan));
    assert.deepEqual(
      derived.bindings.map((b) => b.className),
      ["Counter"],
    );
  });

  it("exports: the tombstone is held at its live state and storage", () => {
    const text = JSON.stringify(
      {
        name: "w",
        main: "src/index.ts",
        durable_objects: { bindings: [{ name: "LEGACY", class_name: "Legacy" }] },
        exports: {
          Counter: { type: "durable-object", storage: "sqlite" },
          Legacy: { type: "durable-object", state: "deleted" },
        },
      },
      null,
      2,
    );
    const worker = workerOf("wrangler.jsonc", text);
    const provisioned = new Map<string, Storage | null>([
      ["Counter", "sqlite"],
      ["Legacy", "kv"],
    ]);
    const plan = planDeploy(worker, live({ bindings: ["Legacy"], provisioned }));
    const out = derivePhase1Config("wrangler.jsonc", text, worker, plan, { liveStorage: provisioned });
    const parsed = JSON.parse(out);
    assert.deepEqual(parsed.exports.Legacy, { type: "durable-object", storage: "legacy-kv" });
    assert.deepEqual(parsed.exports.Counter, { type: "durable-object", storage: "sqlite" });
    assert.deepEqual(parsed.durable_objects.bindings, []);
  });
  it("TOML exports: the tombstone held in place, comments kept, the last binding block gone", () => {
    const text = `name = "w" # the name
main = "src/index.ts"

[[durable_objects.bindings]]
name = "LEGACY"
class_name = "Legacy"

# the classes
[exports.Counter]
type = "durable-object"
storage = "sqlite"

[exports.Legacy]
type = "durable-object"
state = "deleted" # gone
`;
    const worker = workerOf("wrangler.toml", text);
    const provisioned = new Map<string, Storage | null>([
      ["Counter", "sqlite"],
      ["Legacy", "kv"],
    ]);
    const plan = planDeploy(worker, live({ bindings: ["Legacy"], provisioned }));
    const out = derivePhase1Config("wrangler.toml", text, worker, plan, { liveStorage: provisioned });
    assert.equal(
      out,
      `# Generated by do-migrate-action for phase 1 of a two-phase deploy. Do not commit.
name = "w" # the name
main = "src/index.ts"

# the classes
[exports.Counter]
type = "durable-object"
storage = "sqlite"

[exports.Legacy]
type = "durable-object"
storage = "legacy-kv"
`,
    );
  });
});

describe("standInEntryModule", () => {
  it("re-exports the entry, default included, and declares the missing classes", () => {
    const text = standInEntryModule("./index.ts", ["Legacy", "Old"]);
    assert.match(text, /^export \* from "\.\/index\.ts";$/m);
    assert.match(text, /^export \{ default \} from "\.\/index\.ts";$/m);
    assert.match(text, /^export class Legacy extends DurableObject \{\}$/m);
    assert.match(text, /^export class Old extends DurableObject \{\}$/m);
  });
  it("no default export to forward when the entry has none; unsafe names are skipped", () => {
    const text = standInEntryModule("index.js", ["Legacy", "bad-name", "default"], { hasDefault: false });
    assert.doesNotMatch(text, /default/);
    assert.match(text, /export \* from "\.\/index\.js";/);
    assert.doesNotMatch(text, /bad-name/);
    assert.equal(canStandIn("Legacy"), true);
    assert.equal(canStandIn("a b"), false);
    assert.equal(canStandIn("DurableObject"), false);
  });
});

describe("render", () => {
  const worker = workerOf("wrangler.jsonc", jsonc(["Counter"], [V1, V2_DELETE]));
  const plan = planDeploy(worker, live({ migrationTag: "v1", bindings: ["Legacy"] }));
  const report = {
    configFile: "wrangler.jsonc",
    requested: "auto" as const,
    plan,
    outcome: "deployed" as const,
    ran: "1" as const,
    headline: "Phase 1 deployed",
    problems: [],
    standIns: ["Legacy"],
    after: { liveTag: "v1", next: "2" as const, blockingBindings: [] },
    notes: ["a | note"],
  };
  it("markdown: the plan table, the stand-in note and what to type for phase 2", () => {
    const md = renderDeployMarkdown(report);
    assert.match(md, /\| Destroys \(all objects and storage\) \| \*\*`Legacy`\*\* \|/);
    assert.match(md, /stand-in export for `Legacy`/);
    assert.match(md, /set `confirm-data-loss` to exactly: `Legacy`/);
    assert.match(md, /a \\\| note/);
  });
  it("markdown: names and messages go through the one hardened escaper (they used to slip through)", () => {
    const md = renderDeployMarkdown({
      ...report,
      configFile: "apps/a|b/\u202ewrangler.jsonc",
      problems: [{ message: "wrangler said \u001b[31mno\u001b[0m <!-- hidden -->", fix: "F" }],
    });
    // A pipe in a code span still splits a table row: escaped. A bidi override: replaced.
    assert.match(md, /\| Config \| `apps\/a\\\|b\/'wrangler\.jsonc` \|/);
    // Terminal escapes and an HTML comment opener in a failing tool's words: neutralised.
    assert.ok(md.includes("- wrangler said  [31mno [0m <!-\u2060- hidden -->"));
    for (const unsafe of ["\u001b", "\u202e", "<!--"]) assert.ok(!md.includes(unsafe), unsafe);
  });
  it("text", () => {
    const text = renderDeployText({ ...report, problems: [{ message: "M", fix: "F" }] });
    assert.match(text, /destroys: {11}Legacy/);
    assert.match(text, /stand-in export supplied for Legacy/);
    assert.match(text, /confirm exactly: Legacy/);
    assert.match(text, /fix: F/);
  });
});

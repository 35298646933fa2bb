// Table tests of the live plan's pure core, no mocks: a change (a diff of a config) and a live
// account written as plain data go through the same functions the check runs (analysis, the
// Workers the change touches, one plan per Worker, the evidence rules); each case states the
// findings, the plan and what the messages must say.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeFiles, type FileAnalysis, reportFor } from "../../src/core/analyze/analyze.ts";
import type { WorkerExports } from "../../src/core/code/worker-exports.ts";
import { parseConfigText } from "../../src/core/config/parse.ts";
import { readWorkers } from "../../src/core/config/workers.ts";
import { applyLiveEvidence, liveNotes } from "../../src/core/live/evidence.ts";
import type {
  LiveAccount,
  LiveDoBinding,
  LiveNamespace,
  LiveProblem,
  LiveSettings,
  Read,
} from "../../src/core/live/state.ts";
import { bindingScan, liveStateFor } from "../../src/core/live/state.ts";
import type { Finding, FindingKind, PlannedWorker, Report, Severity, Storage } from "../../src/core/model.ts";
import { planDeploy } from "../../src/core/plan/deploy-plan.ts";
import {
  analysedWorkers,
  type LiveInput,
  planTargets,
  planWorkers,
  removedWorkers,
  workerNames,
} from "../../src/core/plan/live-plan.ts";
import { messageParts } from "../../src/core/remarks.ts";
import { renderJson } from "../../src/core/render/json.ts";
import { renderMarkdown } from "../../src/core/render/markdown.ts";
import { renderText } from "../../src/core/render/text.ts";
import { revisions } from "../support/core-cases.ts";

// ---------------------------------------------------------------------------------------------
// A live account as plain data

interface AccountSpec {
  /** Worker name -> live migration tag (null: deployed, no tag). */
  readonly scripts?: Record<string, string | null>;
  /**
   * `worker/Class` (`?/Class`: no owner named) -> storage and objects ([count, with data] or
   * [count, with data, capped]).
   */
  readonly namespaces?: Record<
    string,
    { storage?: Storage; objects?: [number, number] | [number, number, true] }
  >;
  /** Worker name -> its live Durable Object bindings: `NAME=Class` or `NAME=script:Class`. */
  readonly bindings?: Record<string, string[]>;
  /** A failed read: the script list, or one Worker's settings. */
  readonly failScripts?: LiveProblem;
  readonly failSettings?: Record<string, LiveProblem>;
  readonly failNamespaces?: LiveProblem;
}

const FORBIDDEN: LiveProblem = {
  request: "GET /accounts/{account_id}/workers/scripts",
  status: 403,
  code: 10000,
  message: "GET /accounts/{account_id}/workers/scripts failed (HTTP 403): Authentication error [code: 10000]",
};

function account(spec: AccountSpec, accountId = "acct"): LiveAccount {
  const namespaces: LiveNamespace[] = [];
  const objects = new Map<string, Read<{ objects: number; withData: number; capped: boolean }>>();
  for (const [key, ns] of Object.entries(spec.namespaces ?? {})) {
    const [script, className] = key.split("/") as [string, string];
    const id = `ns-${key}`;
    // `?/Class`: a namespace the API names no owner for.
    namespaces.push({
      id,
      script: script === "?" ? null : script,
      className,
      storage: ns.storage ?? "sqlite",
    });
    if (ns.objects) {
      objects.set(id, {
        ok: true,
        value: { objects: ns.objects[0], withData: ns.objects[1], capped: ns.objects[2] === true },
      });
    }
  }
  const settings = new Map<string, Read<LiveSettings>>();
  for (const name of Object.keys(spec.scripts ?? {})) {
    const fail = spec.failSettings?.[name];
    if (fail) {
      settings.set(name, { ok: false, problem: fail });
      continue;
    }
    const bindings: LiveDoBinding[] = (spec.bindings?.[name] ?? []).map((b) => {
      const [bindingName, target] = b.split("=") as [string, string];
      const [script, className] = target.includes(":")
        ? (target.split(":") as [string, string])
        : [null, target];
      return { name: bindingName, className, scriptName: script };
    });
    settings.set(name, { ok: true, value: { exists: true, bindings } });
  }
  return {
    accountId,
    scripts: spec.failScripts
      ? { ok: false, problem: spec.failScripts }
      : {
          ok: true,
          value: new Map(
            Object.entries(spec.scripts ?? {}).map(([name, tag]) => [name, { name, migrationTag: tag }]),
          ),
        },
    namespaces: spec.failNamespaces
      ? { ok: false, problem: spec.failNamespaces }
      : { ok: true, value: namespaces },
    settings,
    objects,
    scanned: { repository: [], outside: [], skipped: 0 },
    requests: 0,
  };
}

// ---------------------------------------------------------------------------------------------
// The check's live step, as pure functions

/** A config at both revisions: a diff (see `revisions`), or the two texts (null: no such file). */
type Change = { file: string; diff: string } | { file: string; base: string | null; head: string | null };

function analyse(changes: readonly Change[]): FileAnalysis[] {
  return analyzeFiles(
    changes.map((c) => {
      if (!("diff" in c)) return { file: c.file, baseText: c.base, headText: c.head };
      const { base, head } = revisions(c.diff);
      return { file: c.file, baseText: base, headText: head };
    }),
  );
}

/**
 * The check's live step over plain data (src/check/live.ts without the reads): `spec` is the
 * default account `acct`; `others` more accounts by ID.
 */
function check(
  changes: readonly Change[],
  spec: AccountSpec | null,
  options: {
    others?: Record<string, AccountSpec>;
    codeExports?: ReadonlyMap<string, WorkerExports>;
    /** Static findings taken out, as a static check that missed them would have it. */
    missed?: (f: Finding) => boolean;
  } = {},
): { before: Report; after: Report } {
  const analyses = analyse(changes);
  const analysed = reportFor(analyses);
  const missed = options.missed;
  const before = missed ? { ...analysed, findings: analysed.findings.filter((f) => !missed(f)) } : analysed;
  if (spec === null) return { before, after: before };
  const accounts = new Map([
    ["acct", account(spec)],
    ...Object.entries(options.others ?? {}).map(([id, s]): [string, LiveAccount] => [id, account(s, id)]),
  ]);
  const live: LiveInput = { accounts, defaultAccount: "acct" };
  const plans = planWorkers(planTargets(analyses), live);
  return {
    before,
    after: applyLiveEvidence(before, {
      plans,
      live,
      repositoryWorkers: workerNames(analysedWorkers(analyses)),
      removed: removedWorkers(analyses, "acct"),
      ...(options.codeExports ? { codeExports: options.codeExports } : {}),
    }),
  };
}

interface Expect {
  readonly code: string;
  readonly kind?: FindingKind;
  readonly severity: Severity;
  readonly dataLoss?: boolean;
  readonly classes?: readonly string[];
  readonly worker?: string;
  readonly says?: readonly string[];
  /** Whether the loss still depends on a step the Worker may have run (`unlessRan`). */
  readonly conditional?: boolean;
}

function assertFindings(findings: readonly Finding[], expected: readonly Expect[]): void {
  assert.deepEqual(
    findings.map((f) => `${f.code} ${f.severity}${f.dataLoss ? " data-loss" : ""} ${f.classes.join(",")}`),
    expected.map(
      (e) =>
        `${e.code} ${e.severity}${e.dataLoss ? " data-loss" : ""} ${(e.classes ?? findings.find((f) => f.code === e.code)?.classes ?? []).join(",")}`,
    ),
  );
  expected.forEach((e, i) => {
    const f = findings[i]!;
    if (e.kind) assert.equal(f.kind, e.kind);
    if (e.worker) assert.equal(f.worker, e.worker);
    if (e.conditional !== undefined) assert.equal(Boolean(f.unlessRan), e.conditional, `${f.code} unlessRan`);
    for (const text of e.says ?? [])
      assert.ok(
        `${f.message} ${f.fix}`.includes(text),
        `${f.code}: "${text}" not in: ${f.message} | ${f.fix}`,
      );
  });
}

function planOf(report: Report, name: string): PlannedWorker {
  const w = report.workers?.find((x) => x.name === name);
  assert.ok(w, `no plan for ${name}`);
  return w;
}

// The configs the cases change.
const HEADER = `name = "w"
main = "src/index.ts"
`;
const COUNTER_BINDING = `[[durable_objects.bindings]]
name = "COUNTER"
class_name = "Counter"
`;
const V1 = `[[migrations]]
tag = "v1"
new_sqlite_classes = ["Counter", "Legacy"]
`;
const plus = (text: string) =>
  text
    .trimEnd()
    .split("\n")
    .map((l) => `+${l}`)
    .join("\n");
const minus = (text: string) =>
  text
    .trimEnd()
    .split("\n")
    .map((l) => `-${l}`)
    .join("\n");

/** The PR of most cases: the binding to Legacy removed and Legacy deleted at v2, in one change. */
const ONE_SHOT_DELETE = `${HEADER}${COUNTER_BINDING}${minus(`[[durable_objects.bindings]]
name = "LEGACY"
class_name = "Legacy"`)}
${V1}${plus(`[[migrations]]
tag = "v2"
deleted_classes = ["Legacy"]`)}
`;
/** Legacy was never bound; this change deletes it at v2. */
const UNBOUND_DELETE = `${HEADER}${COUNTER_BINDING}${V1}${plus(`[[migrations]]
tag = "v2"
deleted_classes = ["Legacy"]`)}
`;
/** v2 (on the base branch: it deletes Legacy) edited to delete Room too. */
const EDIT_ADDS_DELETE = `${HEADER}${COUNTER_BINDING}[[migrations]]
tag = "v1"
new_sqlite_classes = ["Counter", "Legacy", "Room"]
[[migrations]]
tag = "v2"
-deleted_classes = ["Legacy"]
+deleted_classes = ["Legacy", "Room"]
`;
/** v2 deletes Legacy while the base still binds it (rejected, 10061); the change drops the binding. */
const UNBLOCKED_DELETE = `${HEADER}${COUNTER_BINDING}${minus(`[[durable_objects.bindings]]
name = "LEGACY"
class_name = "Legacy"`)}
${V1}[[migrations]]
tag = "v2"
deleted_classes = ["Legacy"]
`;
const LIVE_V1 = { w: "v1" };
const OWN_BINDINGS = { w: ["COUNTER=Counter", "LEGACY=Legacy"] };

describe("the live evidence", () => {
  const cases: {
    name: string;
    changes?: Change[];
    diff?: string;
    live: AccountSpec;
    static: readonly string[];
    expect: readonly Expect[];
    plan?: Partial<PlannedWorker> & { worker?: string };
    notes?: readonly string[];
  }[] = [
    {
      name: "a delete with objects: the data loss gets its blast radius, the live binding the one-shot delete meets is named",
      diff: ONE_SHOT_DELETE,
      live: {
        scripts: LIVE_V1,
        namespaces: { "w/Counter": { objects: [3, 3] }, "w/Legacy": { objects: [12_408, 9_876] } },
        bindings: OWN_BINDINGS,
      },
      static: ["DO101 critical data-loss Legacy", "DO107 warning Legacy"],
      expect: [
        {
          code: "DO101",
          severity: "critical",
          dataLoss: true,
          says: ["destroys 12,408 objects (9,876 with stored data) of `Legacy` in `w`"],
        },
        {
          code: "DO107",
          severity: "warning",
          says: ["Live: `w` binds `Legacy` right now (binding `LEGACY`)"],
        },
      ],
      plan: {
        deployed: true,
        liveTag: "v1",
        sendKind: "after",
        sends: ["v2"],
        destroys: [
          { className: "Legacy", tag: "v2", objects: 12_408, objectsWithData: 9_876, capped: false },
        ],
      },
    },
    {
      name: "more objects than the cap: 'more than'",
      diff: UNBOUND_DELETE,
      live: {
        scripts: LIVE_V1,
        namespaces: { "w/Counter": {}, "w/Legacy": { objects: [100_000, 99_000, true] } },
      },
      static: ["DO101 critical data-loss Legacy"],
      expect: [
        {
          code: "DO101",
          severity: "critical",
          dataLoss: true,
          says: ["more than 100,000 objects (at least 99,000 with stored data)"],
        },
      ],
    },
    {
      name: "a delete of an empty namespace stays data loss (objects may come before the deploy)",
      diff: UNBOUND_DELETE,
      live: { scripts: LIVE_V1, namespaces: { "w/Counter": {}, "w/Legacy": { objects: [0, 0] } } },
      static: ["DO101 critical data-loss Legacy"],
      expect: [
        {
          code: "DO101",
          severity: "critical",
          dataLoss: true,
          says: ["has no objects right now; any written before the deploy are destroyed with it"],
        },
      ],
    },
    {
      name: "a delete of a class with no namespace destroys nothing: no longer data loss",
      diff: UNBOUND_DELETE,
      live: { scripts: LIVE_V1, namespaces: { "w/Counter": {} } },
      static: ["DO101 critical data-loss Legacy"],
      expect: [
        {
          code: "DO806",
          kind: "delete-destroys-nothing",
          severity: "info",
          says: [
            "`Legacy` has no Durable Object namespace in `w`",
            "destroys nothing, so no acknowledgement is needed",
          ],
        },
      ],
      plan: { destroys: [], sends: ["v2"] },
    },
    {
      name: "the live bindings settle a one-shot delete: phase 1 has landed",
      diff: ONE_SHOT_DELETE,
      live: {
        scripts: LIVE_V1,
        namespaces: { "w/Counter": {}, "w/Legacy": { objects: [5, 5] } },
        bindings: { w: ["COUNTER=Counter"] },
      },
      static: ["DO101 critical data-loss Legacy", "DO107 warning Legacy"],
      expect: [
        { code: "DO101", severity: "critical", dataLoss: true, says: ["5 objects (5 with stored data)"] },
        {
          code: "DO107",
          severity: "info",
          says: ["The live `w` no longer binds `Legacy`", "the delete can apply"],
        },
      ],
    },
    {
      name: "a Worker that is not deployed: history findings become info; its first deploy is rejected (10074)",
      diff: `${HEADER}${COUNTER_BINDING}[[migrations]]
tag = "v1"
-new_classes = ["Counter", "Legacy"]
+new_sqlite_classes = ["Counter", "Legacy"]
${plus(`[[migrations]]
tag = "v2"
deleted_classes = ["Legacy"]`)}
`,
      live: { scripts: { other: "v1" } },
      static: ["DO101 critical data-loss Legacy", "DO201 error Counter,Legacy", "DO305 error Counter"],
      expect: [
        {
          code: "DO807",
          kind: "first-deploy-rejected",
          severity: "error",
          says: ["migration `v2` deletes `Legacy`", "(code 10074)"],
        },
        {
          code: "DO201",
          severity: "info",
          says: [
            "Not deployed (`w` is not in account `acct`: its first deploy creates it and replays the whole history)",
          ],
        },
        // A storage switch edited into history only matters where the old storage was deployed.
        { code: "DO305", severity: "info" },
        { code: "DO806", severity: "info", says: ["which is not deployed in account `acct`"] },
      ],
      plan: {
        deployed: false,
        liveTag: null,
        sendKind: "first",
        sends: ["v1", "v2"],
        destroys: [],
        rejected: { tag: "v2", className: "Legacy", reason: "delete-first-deploy" },
      },
    },
    {
      name: "a live tag missing from the branch: wrangler replays everything, and the API rejects it",
      diff: UNBOUND_DELETE,
      live: {
        scripts: { w: "v9-preview" },
        namespaces: { "w/Counter": {}, "w/Legacy": { objects: [7, 7] } },
      },
      static: ["DO101 critical data-loss Legacy"],
      expect: [
        {
          code: "DO101",
          severity: "critical",
          dataLoss: true,
          says: ["is rejected before it applies anything (see DO801)"],
        },
        {
          code: "DO801",
          kind: "live-tag-unknown",
          severity: "error",
          classes: [],
          says: [
            "The live migration tag of `w` is `v9-preview`, which this branch's migrations do not have",
            "sends all 2 steps again",
            "`v1`: it creates `Counter`, which already has a namespace, so the deploy is rejected (code 10074)",
          ],
        },
      ],
      plan: {
        liveTag: "v9-preview",
        sendKind: "replay",
        sends: ["v1", "v2"],
        destroys: [],
        rejected: { tag: "v1", className: "Counter", reason: "create-existing" },
      },
    },
    {
      name: "an undeployed delete already on the base branch: data loss on the next deploy, with its own line",
      diff: `${HEADER}${COUNTER_BINDING}${V1}[[migrations]]
tag = "v2"
deleted_classes = ["Legacy"]
${plus(`[[migrations]]
tag = "v3"
new_sqlite_classes = ["Room"]`)}
`,
      live: { scripts: LIVE_V1, namespaces: { "w/Counter": {}, "w/Legacy": { objects: [31, 2] } } },
      static: ["DO301 info Room"],
      expect: [
        {
          code: "DO802",
          kind: "undeployed-step",
          severity: "critical",
          dataLoss: true,
          classes: ["Legacy"],
          says: [
            "Migration `v2` is already on the base branch, but `w` has not deployed it (live tag `v1`)",
            "31 objects (2 with stored data)",
          ],
        },
        { code: "DO301", severity: "info" },
      ],
      plan: { sends: ["v2", "v3"], fromBase: ["v2"] },
    },
    {
      name: "an undeployed create already on the base branch is listed as info",
      diff: `${HEADER}${COUNTER_BINDING}${V1}[[migrations]]
tag = "v2"
new_sqlite_classes = ["Room"]
${plus(`[[migrations]]
tag = "v3"
renamed_classes = [{ from = "Room", to = "Lobby" }]`)}
`,
      live: { scripts: LIVE_V1, namespaces: { "w/Counter": {}, "w/Legacy": {} } },
      static: ["DO302 warning Room,Lobby"],
      expect: [
        { code: "DO302", severity: "warning" },
        {
          code: "DO802",
          severity: "info",
          classes: ["Room"],
          says: ["Migration `v2` (creates `Room`) is already on the base branch"],
        },
      ],
    },
    {
      name: "a binding from a Worker outside the repository blocks the delete (10061)",
      diff: UNBOUND_DELETE,
      live: {
        scripts: { ...LIVE_V1, analytics: null },
        namespaces: { "w/Counter": {}, "w/Legacy": { objects: [1, 1] } },
        bindings: { w: ["COUNTER=Counter"], analytics: ["LEGACY=w:Legacy"] },
      },
      static: ["DO101 critical data-loss Legacy"],
      expect: [
        { code: "DO101", severity: "critical", dataLoss: true },
        {
          code: "DO804",
          kind: "live-binding-blocks-delete",
          severity: "error",
          says: ["Worker `analytics` (not in this repository) binds `Legacy` of `w` live", "(code 10061)"],
        },
      ],
    },
    {
      name: "exports: a binding from a Worker outside the repository blocks the tombstone (100402), in exports terms",
      diff: `${HEADER}${COUNTER_BINDING}[exports.Counter]
type = "durable-object"
storage = "sqlite"

[exports.Legacy]
type = "durable-object"
-storage = "sqlite"
+state = "deleted"
`,
      live: {
        scripts: { w: null, analytics: null },
        namespaces: { "w/Counter": {}, "w/Legacy": { objects: [1, 1] } },
        bindings: { w: ["COUNTER=Counter"], analytics: ["LEGACY=w:Legacy"] },
      },
      static: ["DO101 critical data-loss Legacy"],
      expect: [
        {
          code: "DO101",
          severity: "critical",
          dataLoss: true,
          says: ["Live: the next deploy destroys 1 object", "one deploy of this Worker"],
        },
        {
          code: "DO804",
          kind: "live-binding-blocks-delete",
          severity: "error",
          says: ["tombstone_delete_blocked_by_external_bindings", "then deploy the tombstone"],
        },
      ],
    },
    {
      name: "live storage differs from the config; a live class the config does not know",
      diff: `${HEADER}${COUNTER_BINDING}${V1}${plus(`[[migrations]]
tag = "v2"
new_sqlite_classes = ["Room"]`)}
`,
      live: {
        scripts: LIVE_V1,
        namespaces: { "w/Counter": { storage: "kv" }, "w/Legacy": {}, "w/Ghost": {} },
      },
      static: ["DO301 info Room"],
      expect: [
        {
          code: "DO803",
          kind: "live-storage-mismatch",
          severity: "warning",
          classes: ["Counter"],
          says: ["`Counter` has key-value (legacy) storage in the live `w`"],
        },
        {
          code: "DO805",
          kind: "live-class-unknown",
          severity: "info",
          classes: ["Ghost"],
          says: ["never mention"],
        },
        { code: "DO301", severity: "info" },
      ],
    },
    {
      name: "a 403 on the account's list: every Worker judged statically, one note",
      diff: ONE_SHOT_DELETE,
      live: { failScripts: FORBIDDEN },
      static: ["DO101 critical data-loss Legacy", "DO107 warning Legacy"],
      expect: [
        { code: "DO101", severity: "critical", dataLoss: true },
        { code: "DO107", severity: "warning" },
      ],
      plan: { live: "failed", deployed: null, sends: [], destroys: [] },
      notes: [
        "The live state of Worker `w` could not be read (GET /accounts/{account_id}/workers/scripts failed (HTTP 403): Authentication error [code: 10000]): it is judged from the config alone.",
      ],
    },
    {
      name: "a 5xx on one Worker's settings: that Worker alone is judged statically",
      changes: [
        { file: "a/wrangler.toml", diff: UNBOUND_DELETE.replace('name = "w"', 'name = "a"') },
        { file: "b/wrangler.toml", diff: UNBOUND_DELETE.replace('name = "w"', 'name = "b"') },
      ],
      live: {
        scripts: { a: "v1", b: "v1" },
        namespaces: {
          "a/Counter": {},
          "a/Legacy": { objects: [2, 1] },
          "b/Counter": {},
          "b/Legacy": { objects: [4, 4] },
        },
        failSettings: {
          b: {
            ...FORBIDDEN,
            status: 502,
            message: "GET /accounts/{account_id}/workers/scripts/b/settings failed (HTTP 502): Bad gateway",
          },
        },
      },
      static: ["DO101 critical data-loss Legacy", "DO101 critical data-loss Legacy"],
      expect: [
        {
          code: "DO101",
          severity: "critical",
          dataLoss: true,
          worker: "a",
          says: ["2 objects (1 with stored data)"],
        },
        { code: "DO101", severity: "critical", dataLoss: true, worker: "b" },
      ],
      notes: [
        "The live state of Worker `b` could not be read (GET /accounts/{account_id}/workers/scripts/b/settings failed (HTTP 502): Bad gateway): it is judged from the config alone.",
      ],
    },
    {
      name: "an edited step the live Worker has already run: the edit is ignored there, and the report says so",
      diff: `${HEADER}${COUNTER_BINDING}${V1}[[migrations]]
tag = "v2"
-new_sqlite_classes = ["Room"]
+new_sqlite_classes = ["Room", "Lobby"]
`,
      live: { scripts: { w: "v2" }, namespaces: { "w/Counter": {}, "w/Legacy": {}, "w/Room": {} } },
      static: ["DO201 error Room,Lobby", "DO301 info Lobby"],
      expect: [
        { code: "DO201", severity: "error", says: ["Live: `w` is at `v2`, so it has run `v2` already."] },
        { code: "DO301", severity: "info" },
      ],
    },
    {
      name: "an edited step the live Worker has not reached: it applies as edited, so it is info",
      diff: `${HEADER}${COUNTER_BINDING}${V1}[[migrations]]
tag = "v2"
-new_sqlite_classes = ["Room"]
+new_sqlite_classes = ["Room", "Lobby"]
`,
      live: { scripts: { w: "v1" }, namespaces: { "w/Counter": {}, "w/Legacy": {} } },
      static: ["DO201 error Room,Lobby", "DO301 info Lobby"],
      expect: [
        {
          code: "DO201",
          severity: "info",
          says: [
            "`w` has not run `v2` yet (live tag `v1`): its next deploy sends `v2` as edited, so the edit takes effect there.",
          ],
        },
        { code: "DO301", severity: "info" },
      ],
      plan: { sends: ["v2"], fromBase: [] },
    },
    {
      name: "an edit of a base step that adds a delete, on a Worker that ran the step: ignored there, nothing destroyed",
      diff: EDIT_ADDS_DELETE,
      live: { scripts: { w: "v2" }, namespaces: { "w/Counter": {}, "w/Room": { objects: [700, 700] } } },
      static: ["DO101 critical data-loss Room", "DO201 error Legacy,Room"],
      expect: [
        { code: "DO201", severity: "error", says: ["Live: `w` is at `v2`, so it has run `v2` already."] },
        {
          code: "DO101",
          severity: "info",
          says: ["`w` is at live tag `v2`, so it has run `v2` already"],
        },
      ],
      plan: { sends: [], destroys: [] },
    },
    {
      name: "an edit of a base step that adds a delete, on a Worker that has not run the step: it deploys and destroys",
      diff: EDIT_ADDS_DELETE,
      live: {
        scripts: LIVE_V1,
        namespaces: { "w/Counter": {}, "w/Legacy": { objects: [0, 0] }, "w/Room": { objects: [700, 700] } },
      },
      static: ["DO101 critical data-loss Room", "DO201 error Legacy,Room"],
      expect: [
        {
          code: "DO101",
          severity: "critical",
          dataLoss: true,
          classes: ["Room"],
          says: [
            "If `v2` has not reached a Worker yet",
            "destroys 700 objects (700 with stored data) of `Room`",
          ],
          // The live tag settled it: the comment no longer says "unless it has run v2".
          conditional: false,
        },
        { code: "DO802", severity: "critical", dataLoss: true, classes: ["Legacy"] },
        { code: "DO201", severity: "info" },
      ],
      plan: { sends: ["v2"] },
    },
    {
      name: "a change that lets a rejected delete apply (the binding that blocked it removed): the objects counted",
      diff: UNBLOCKED_DELETE,
      live: {
        scripts: LIVE_V1,
        namespaces: { "w/Counter": {}, "w/Legacy": { objects: [12, 12] } },
        bindings: OWN_BINDINGS,
      },
      static: ["DO101 critical data-loss Legacy", "DO107 warning Legacy"],
      expect: [
        {
          code: "DO101",
          severity: "critical",
          dataLoss: true,
          says: ["its deploy has been rejected so far (code 10061)", "destroys 12 objects"],
        },
        { code: "DO107", severity: "warning", says: ["Live: `w` binds `Legacy` right now"] },
      ],
      plan: { sends: ["v2"] },
    },
    {
      name: "a rejected delete that did apply after all (live tag at the step): nothing left to destroy",
      diff: UNBLOCKED_DELETE,
      live: { scripts: { w: "v2" }, namespaces: { "w/Counter": {}, "w/Legacy": { objects: [3, 3] } } },
      static: ["DO101 critical data-loss Legacy", "DO107 warning Legacy"],
      expect: [
        { code: "DO101", severity: "info", says: ["so it has run `v2` already"] },
        { code: "DO107", severity: "info" },
      ],
      plan: { sends: [], destroys: [] },
    },
    {
      name: "a new config whose history deletes a class, for a Worker that is not deployed: its first deploy is rejected",
      changes: [
        {
          file: "wrangler.toml",
          base: null,
          head: `${HEADER}${V1}[[migrations]]
tag = "v2"
deleted_classes = ["Legacy"]
`,
        },
      ],
      live: { scripts: { other: "v1" } },
      static: ["DO206 warning Legacy", "DO301 info Counter"],
      expect: [
        { code: "DO807", severity: "error", says: ["(code 10074)"] },
        { code: "DO301", severity: "info" },
        {
          code: "DO206",
          severity: "info",
          says: ["Live: `w` is not deployed in this account, and its first deploy is rejected (DO807)"],
        },
      ],
    },
    {
      name: "a renamed Worker whose old name is not deployed leaves nothing behind",
      diff: `-name = "old"
+name = "new"
main = "src/index.ts"
${COUNTER_BINDING}${V1}`,
      live: { scripts: { new: "v1" }, namespaces: { "new/Counter": {}, "new/Legacy": {} } },
      static: ["DO502 error Counter,Legacy"],
      expect: [
        {
          code: "DO502",
          severity: "info",
          says: [
            "`new` already exists in account `acct` (live tag `v1`; live classes `Counter`, `Legacy`), which matches this config's history: the next deploy updates that Worker",
            "`old` is not deployed in account `acct`, so the rename leaves no objects behind",
          ],
        },
      ],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const changes = c.changes ?? [{ file: "wrangler.toml", diff: c.diff! }];
      const { before, after } = check(changes, c.live);
      assert.deepEqual(
        before.findings.map(
          (f) => `${f.code} ${f.severity}${f.dataLoss ? " data-loss" : ""} ${f.classes.join(",")}`,
        ),
        c.static,
        "the static findings",
      );
      assertFindings(after.findings, c.expect);
      const name = c.plan?.worker ?? after.workers?.[0]?.name ?? "w";
      if (c.plan) {
        const { worker: _w, ...fields } = c.plan;
        const planned = planOf(after, name ?? "w");
        for (const [key, value] of Object.entries(fields)) {
          assert.deepEqual(planned[key as keyof PlannedWorker], value, `plan ${key}`);
        }
      }
      assert.deepEqual(after.notes ?? [], c.notes ?? []);
      // Whatever the live state says, every class the next deploy destroys is data loss in the report.
      for (const w of after.workers ?? []) {
        for (const d of w.destroys) {
          assert.ok(
            after.findings.some((f) => f.dataLoss && f.worker === w.name && f.classes.includes(d.className)),
            `${w.name} destroys ${d.className}: a data-loss finding says so`,
          );
        }
      }
      // Object and namespace IDs never reach a report.
      for (const text of [renderJson(after), renderMarkdown(after), renderText(after)])
        assert.ok(!text.includes("ns-"), text);
    });
  }

  it("without the live state nothing changes, and the JSON's workers say `deployed: null`", () => {
    const { before } = check([{ file: "wrangler.toml", diff: ONE_SHOT_DELETE }], null);
    const json = JSON.parse(renderJson(before));
    assert.deepEqual(json.workers, [
      {
        file: "wrangler.toml",
        env: null,
        name: "w",
        deployed: null,
        liveTag: null,
        sends: [],
        destroys: [],
        model: "migrations",
        live: "off",
        problem: null,
        sendKind: null,
        fromBase: [],
        rejected: null,
      },
    ]);
    assert.ok(!renderMarkdown(before).includes("Live plan"), "no plan table without the live state");
  });

  it("plans only the Workers a change touches, and those that bind their classes", () => {
    const untouched = (name: string) => `name = "${name}"\n${COUNTER_BINDING}${V1}`;
    const binder = `name = "consumer"
[[durable_objects.bindings]]
name = "LEGACY"
class_name = "Legacy"
script_name = "w"
`;
    const analyses = analyse([
      { file: "w/wrangler.toml", diff: UNBOUND_DELETE },
      { file: "quiet/wrangler.toml", diff: untouched("quiet") },
      { file: "consumer/wrangler.toml", diff: binder },
    ]);
    assert.deepEqual(
      planTargets(analyses).map((t) => `${t.name} ${t.reason}`),
      ["w changed", "consumer binds"],
    );
  });
});

describe("the plan: what the next deploy sends and destroys", () => {
  const worker = (text: string, env: string | null = null) => {
    const parsed = parseConfigText("wrangler.jsonc", text);
    assert.ok(parsed.ok);
    return readWorkers(parsed).workers.find((w) => w.env === env)!;
  };
  const config = (migrations: object[]) => JSON.stringify({ name: "w", migrations });
  const M = {
    v1: { tag: "v1", new_sqlite_classes: ["A", "B"] },
    v2: { tag: "v2", renamed_classes: [{ from: "A", to: "A2" }] },
    v3: { tag: "v3", deleted_classes: ["A2"] },
    v4: { tag: "v4", new_sqlite_classes: ["C"], deleted_classes: [] },
  };
  const cases: {
    name: string;
    migrations: object[];
    live: AccountSpec;
    expect: { sendKind: string; sends: string[]; destroys: string[]; rejected?: string | null };
  }[] = [
    {
      name: "no live tag on a new Worker: every step, nothing destroyed; a delete in the history is rejected",
      migrations: [M.v1, M.v2, M.v3],
      live: { scripts: {} },
      expect: {
        sendKind: "first",
        sends: ["v1", "v2", "v3"],
        destroys: [],
        rejected: "delete-first-deploy v3 A2",
      },
    },
    {
      name: "the steps after the live tag; a rename then a delete destroys the objects of the renamed class",
      migrations: [M.v1, M.v2, M.v3],
      live: { scripts: { w: "v1" }, namespaces: { "w/A": { objects: [9, 9] }, "w/B": {} } },
      expect: { sendKind: "after", sends: ["v2", "v3"], destroys: ["A2 from A: 9"] },
    },
    {
      name: "the live tag is the last one: nothing sent",
      migrations: [M.v1, M.v2],
      live: { scripts: { w: "v2" }, namespaces: { "w/A2": {}, "w/B": {} } },
      expect: { sendKind: "nothing", sends: [], destroys: [] },
    },
    {
      name: "a class created and deleted in the same deploy has no objects to destroy",
      migrations: [M.v1, { tag: "v2", new_sqlite_classes: ["T"] }, { tag: "v3", deleted_classes: ["T"] }],
      live: { scripts: { w: "v1" }, namespaces: { "w/A": {}, "w/B": {} } },
      expect: { sendKind: "after", sends: ["v2", "v3"], destroys: [] },
    },
    {
      name: "a live tag the config lacks: a replay of every step, rejected at the first create of a live class",
      migrations: [M.v1, M.v2],
      live: { scripts: { w: "x9" }, namespaces: { "w/A": {}, "w/B": {} } },
      expect: { sendKind: "replay", sends: ["v1", "v2"], destroys: [], rejected: "create-existing v1 A" },
    },
    {
      name: "a replay that gets through applies its deletes again",
      migrations: [
        { tag: "v1", new_sqlite_classes: ["N"] },
        { tag: "v2", deleted_classes: ["Old"] },
      ],
      live: { scripts: { w: "x9" }, namespaces: { "w/Old": { objects: [3, 1] } } },
      expect: { sendKind: "replay", sends: ["v1", "v2"], destroys: ["Old from Old: 3"] },
    },
    {
      name: "a deployed Worker that never ran a migration gets every step",
      migrations: [M.v1],
      live: { scripts: { w: null } },
      expect: { sendKind: "first", sends: ["v1"], destroys: [] },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const w = worker(config(c.migrations));
      const plan = planDeploy(w, liveStateFor(account(c.live), "w"));
      assert.equal(plan.sendKind, c.expect.sendKind);
      assert.deepEqual(plan.sends, c.expect.sends);
      assert.deepEqual(
        plan.destroys.map((d) => `${d.className} from ${d.origin}: ${d.objects?.objects ?? "?"}`),
        c.expect.destroys,
      );
      const r = plan.rejected;
      assert.equal(r ? `${r.reason} ${r.tag} ${r.className}` : null, c.expect.rejected ?? null);
    });
  }

  it("an exports tombstone destroys the objects of its live namespace; the whole map is sent", () => {
    const w = worker(
      JSON.stringify({
        name: "w",
        exports: {
          Counter: { type: "durable-object", storage: "sqlite" },
          Legacy: { type: "durable-object", state: "deleted" },
          Gone: { type: "durable-object", state: "deleted" },
        },
      }),
    );
    const plan = planDeploy(
      w,
      liveStateFor(
        account({ scripts: { w: null }, namespaces: { "w/Counter": {}, "w/Legacy": { objects: [10, 4] } } }),
        "w",
      ),
    );
    assert.equal(plan.sendKind, "exports");
    assert.deepEqual(plan.sends, ["Counter", "Legacy", "Gone"]);
    assert.deepEqual(
      plan.destroys.map((d) => [d.className, d.objects?.objects]),
      [["Legacy", 10]],
    );
  });
});

describe("the plan table", () => {
  it("shows, per Worker, the live tag, what the next deploy sends and what it destroys; data loss first", () => {
    const { after } = check(
      [
        {
          file: "apps/a/wrangler.toml",
          diff: `${HEADER.replace('"w"', '"quiet"')}${COUNTER_BINDING}${V1}${plus(`[[migrations]]
tag = "v2"
new_sqlite_classes = ["Room"]`)}`,
        },
        { file: "apps/w/wrangler.toml", diff: UNBOUND_DELETE },
      ],
      {
        scripts: { w: "v1", quiet: "v1" },
        namespaces: {
          "w/Counter": {},
          "w/Legacy": { objects: [12_408, 9_876] },
          "quiet/Counter": {},
          "quiet/Legacy": {},
        },
      },
    );
    const md = renderMarkdown(after);
    const table = md.slice(md.indexOf("### Live plan"), md.indexOf("**Plan:**"));
    assert.equal(
      table.trim(),
      [
        "### Live plan: what the next deploy does",
        "",
        "| Worker | Live tag | Next deploy sends | Destroys |",
        "| --- | --- | --- | --- |",
        "| `w` (`apps/w/wrangler.toml`) | `v1` | `v2` | 🛑 `Legacy`: 12,408 objects (9,876 with stored data) |",
        "| `quiet` (`apps/a/wrangler.toml`) | `v1` | `v2` | nothing |",
      ].join("\n"),
    );
    assert.match(md, /\*\*Plan:\*\* 2 Workers read · 🛑 1 destroys data \(12,408 objects\)/);
    // The one-line verdict first, then the plan, then the findings.
    assert.ok(md.indexOf("[!CAUTION]") < md.indexOf("### Live plan"), "the verdict comes first");
    assert.ok(
      md.indexOf("### Live plan") < md.indexOf("\n- **`Legacy`**"),
      "the plan comes above the findings",
    );
    const text = renderText(after);
    assert.match(text, /plan: 2 Workers read · 1 destroys data \(12,408 objects\)/);
    assert.match(
      text,
      /w \(apps\/w\/wrangler\.toml\): live tag v1; sends v2; destroys Legacy: 12,408 objects/,
    );
  });
});

describe("the seams of the live plan", () => {
  const finding = (report: Report, code: string, className?: string) => {
    const f = report.findings.find((x) => x.code === code && (!className || x.classes.includes(className)));
    assert.ok(
      f,
      `no ${code}${className ? ` for ${className}` : ""} in ${report.findings.map((x) => x.code)}`,
    );
    return f;
  };
  const codes = (report: Report) =>
    report.findings.map(
      (f) => `${f.code} ${f.severity}${f.dataLoss ? " data-loss" : ""} ${f.classes.join(",")}`,
    );

  it("the live plan never edits another rule's sentence: its words are remarks around it", () => {
    const { before, after } = check([{ file: "wrangler.toml", diff: ONE_SHOT_DELETE }], {
      scripts: LIVE_V1,
      namespaces: { "w/Counter": {}, "w/Legacy": { objects: [12_408, 9_876] } },
      bindings: OWN_BINDINGS,
    });
    for (const code of ["DO101", "DO107"]) {
      const parts = messageParts(finding(after, code, "Legacy"));
      assert.equal(parts.own, finding(before, code, "Legacy").message, `${code}: the rule's own sentence`);
      assert.deepEqual(parts.before, []);
      assert.equal(parts.after.length, 1, `${code}: one live remark after it`);
      assert.match(parts.after[0] ?? "", /^Live: /);
    }
  });

  it("a template (placeholder name) is not planned: its data loss stays, its status is `skipped`, one note", () => {
    const diff = ONE_SHOT_DELETE.replace('name = "w"', '-name = "w"\n+name = "{{WORKER_NAME}}"');
    // The live read would find no `{{WORKER_NAME}}`; the Worker it becomes is another one.
    const { before, after } = check([{ file: "wrangler.toml", diff }], { scripts: { other: "v1" } });
    assert.deepEqual(codes(after), codes(before));
    assert.ok(finding(after, "DO101").dataLoss);
    assert.ok(!after.findings.some((f) => f.code === "DO806"), "not 'destroys nothing'");
    const planned = planOf(after, "{{WORKER_NAME}}");
    assert.equal(planned.live, "skipped");
    assert.match(planned.problem ?? "", /`\{\{WORKER_NAME\}\}` is a placeholder/);
    assert.deepEqual(after.notes, [
      "The live plan leaves out `{{WORKER_NAME}}` (`wrangler.toml`): not deployed as written (a placeholder name, or no `name`), so the live state of that name says nothing about the Worker it becomes. Its findings are the static check's.",
    ]);
    assert.ok(!renderMarkdown(after).includes("### Live plan"), "no plan table when nothing was read");
  });

  it("a top level without `name` is skipped, not failed: no warning, and the env beside it is planned", () => {
    const diff = `main = "src/index.ts"
${COUNTER_BINDING}${V1}${plus(`[[migrations]]
tag = "v2"
new_sqlite_classes = ["Room"]`)}

[env.production]
name = "w-production"
[[env.production.durable_objects.bindings]]
name = "COUNTER"
class_name = "Counter"
`;
    const analyses = analyse([{ file: "wrangler.toml", diff }]);
    const live: LiveInput = {
      accounts: new Map([["acct", account({ scripts: { "w-production": "v1" } })]]),
      defaultAccount: "acct",
    };
    const plans = planWorkers(planTargets(analyses), live);
    assert.deepEqual(
      plans.map((p) => `${p.target.env ?? "top"} ${p.status}`),
      ["top skipped", "production read"],
    );
    assert.deepEqual(liveNotes(plans), [], "nothing failed, so nothing to warn about");
  });

  it("DO802: a destroying step this change brings is worded as this change's, one on the base as the base's", () => {
    // The base has v2 (deletes Lobby), not deployed yet; the change edits v2 to delete Room too.
    // Whatever the static check says of Room's delete is taken out: the live plan must say it
    // itself, and as this change's (the base's v2 does not delete Room).
    const diff = `${HEADER}${V1.replace('["Counter", "Legacy"]', '["Counter", "Lobby", "Room"]')}[[migrations]]
tag = "v2"
-deleted_classes = ["Lobby"]
+deleted_classes = ["Lobby", "Room"]
`;
    const { after } = check(
      [{ file: "wrangler.toml", diff }],
      {
        scripts: LIVE_V1,
        namespaces: { "w/Counter": {}, "w/Lobby": { objects: [5, 5] }, "w/Room": { objects: [700, 700] } },
      },
      { missed: (f) => f.dataLoss && f.classes.includes("Room") },
    );
    const lobby = finding(after, "DO802", "Lobby");
    assert.match(lobby.message, /^Migration `v2` is already on the base branch, but `w` has not deployed it/);
    const room = finding(after, "DO802", "Room");
    assert.ok(room.dataLoss && room.severity === "critical");
    assert.doesNotMatch(room.message, /already on the base branch/);
    assert.match(
      room.message,
      /^This change's migration `v2` deletes `Room` \(the base revision's `v2` does not\)/,
    );
    assert.match(room.fix, /take `Room` out of `v2` before merging/);
    // The reviewer sees why in the comment's data-loss list, not only a class and a tag.
    const md = renderMarkdown(after);
    assert.ok(md.includes("This change's migration `v2` deletes `Room`"), md);
  });

  it("a removed env is settled in its own account: deployed there, the warning stays; absent there, named", () => {
    const diff = `${HEADER}${COUNTER_BINDING}${V1}
-[env.staging]
-name = "w-staging"
-account_id = "acct2"
-[[env.staging.durable_objects.bindings]]
-name = "COUNTER"
-class_name = "Counter"
${plus(`[[migrations]]
tag = "v2"
new_sqlite_classes = ["Room"]`)}
`;
    const changes = [{ file: "wrangler.toml", diff }];
    const deployed = check(
      changes,
      { scripts: LIVE_V1 },
      { others: { acct2: { scripts: { "w-staging": "v1" } } } },
    );
    assert.equal(finding(deployed.after, "DO501").severity, "warning");
    const absent = check(changes, { scripts: { ...LIVE_V1, "w-staging": "v1" } }, { others: { acct2: {} } });
    const f = finding(absent.after, "DO501");
    assert.equal(f.severity, "info");
    assert.match(f.message, /^`w-staging` is not deployed in account `acct2`, so nothing is left behind/);
    // An account that was not read says nothing.
    const unread = check(changes, { scripts: LIVE_V1 });
    assert.equal(finding(unread.after, "DO501").severity, "warning");
  });

  it("a rename onto a Worker the account has: it is replaced (error), its classes with objects reject the deploy (10064), bindings are not settled", () => {
    const diff = `-name = "chat"
+name = "billing"
main = "src/index.ts"
${COUNTER_BINDING}${minus(`[[durable_objects.bindings]]
name = "LEGACY"
class_name = "Legacy"`)}
${V1}${plus(`[[migrations]]
tag = "v2"
deleted_classes = ["Legacy"]`)}
`;
    const exportsOf = (names: string[]): ReadonlyMap<string, WorkerExports> =>
      new Map([
        [
          "src/index.ts",
          { status: "known", classes: new Set(names), names: new Set(names), files: [], notes: [] },
        ],
      ]);
    const { after } = check(
      [{ file: "wrangler.toml", diff }],
      {
        scripts: { chat: "v1", billing: "v1" },
        namespaces: {
          "chat/Counter": {},
          "chat/Legacy": { objects: [500, 400] },
          "billing/Invoice": { objects: [9_000, 9_000] },
        },
        bindings: { chat: ["COUNTER=Counter", "LEGACY=Legacy"], billing: ["INV=Invoice"] },
      },
      { codeExports: exportsOf(["Counter", "Legacy", "default"]) },
    );
    const renamed = finding(after, "DO502");
    assert.equal(renamed.severity, "error");
    assert.doesNotMatch(renamed.message, /NEW Worker that starts with no objects/);
    assert.match(
      renamed.message,
      /`billing` already exists in account `acct` \(live tag `v1`; live classes `Invoice`\): the next deploy does not create a new Worker, it replaces the code and configuration of the existing `billing`, whose `Invoice` this config does not know \(see DO805\)\. `chat` keeps all its objects/,
    );
    const unknown = finding(after, "DO805", "Invoice");
    assert.equal(unknown.severity, "error");
    assert.match(
      unknown.message,
      /9,000 objects .*`src\/index\.ts` does not export `Invoice`, so the deploy is rejected \(code 10064/,
    );
    // `billing` never bound `Legacy`: its live bindings say nothing about phase 1 of `chat`.
    const bound = finding(after, "DO107", "Legacy");
    assert.equal(bound.severity, "warning");
    assert.doesNotMatch(bound.message, /phase 1/);
  });

  it("DO805 words what it knows: counted objects reject an `exports` map that leaves the class out, no objects is a condition", () => {
    const config = (entries: string) => ({
      file: "wrangler.jsonc",
      base: `{ "name": "w", "exports": { "Counter": { "type": "durable-object", "storage": "sqlite" } } }`,
      head: `{ "name": "w", "exports": { ${entries} } }`,
    });
    const head = `"Counter": { "type": "durable-object", "storage": "sqlite" }, "Room": { "type": "durable-object", "storage": "sqlite" }`;
    const run = (objects?: [number, number]) =>
      finding(
        check([config(head)], {
          scripts: { w: null },
          namespaces: { "w/Counter": {}, "w/Ghost": objects ? { objects } : {} },
        }).after,
        "DO805",
        "Ghost",
      );
    const withObjects = run([12, 3]);
    assert.equal(withObjects.severity, "error");
    assert.match(withObjects.message, /it holds 12 objects \(3 with stored data\): the server refuses a map/);
    const empty = run([0, 0]);
    assert.equal(empty.severity, "warning");
    assert.match(
      empty.message,
      /it has no objects right now\): if it has objects when the deploy runs, the server refuses/,
    );
    const uncounted = run();
    assert.equal(uncounted.severity, "warning");
    assert.match(uncounted.message, /its objects were not counted/);
  });

  it("a namespace the API names no owner for: a delete with no namespace of its own stays data loss (unknown)", () => {
    const { after } = check([{ file: "wrangler.toml", diff: UNBOUND_DELETE }], {
      scripts: LIVE_V1,
      namespaces: { "w/Counter": {}, "?/Legacy": {} },
    });
    const f = finding(after, "DO101");
    assert.ok(f.dataLoss && f.severity === "critical");
    assert.match(f.message, /account `acct` has a `Legacy` namespace whose owner the API did not name/);
    assert.ok(!after.findings.some((x) => x.code === "DO806"));
  });

  it("a delete in a step the live Worker has run already does not apply there", () => {
    const { before, after } = check([{ file: "wrangler.toml", diff: UNBOUND_DELETE }], {
      scripts: { w: "v2" },
      namespaces: { "w/Counter": {}, "w/Legacy": { objects: [3, 3] } },
    });
    assert.ok(finding(before, "DO101").dataLoss);
    const f = finding(after, "DO101");
    assert.equal(f.severity, "info");
    assert.equal(f.dataLoss, false);
    assert.match(
      f.message,
      /^`w` is at live tag `v2`, so it has run `v2` already: the next deploy does not send `v2` again/,
    );
  });

  it("an `account_id` change alone is planned (the Worker moves), and the account is named", () => {
    const diff = `${HEADER}-account_id = "acct"
+account_id = "acct2"
${COUNTER_BINDING}${V1}`;
    const analyses = analyse([{ file: "wrangler.toml", diff }]);
    assert.deepEqual(
      planTargets(analyses).map((t) => `${t.name} ${t.reason}`),
      ["w changed"],
    );
    const { after } = check(
      [
        {
          file: "wrangler.toml",
          diff: `${diff}${plus(`[[migrations]]
tag = "v2"
deleted_classes = ["Legacy"]`)}\n`,
        },
      ],
      { scripts: LIVE_V1 },
      { others: { acct2: {} } },
    );
    assert.match(finding(after, "DO806").message, /`w`, which is not deployed in account `acct2`/);
    assert.match(finding(after, "DO807").message, /^`w` is not deployed in account `acct2`/);
  });

  it("a base step's delete of a class without a namespace says so (not 'no objects')", () => {
    const diff = `${HEADER}${COUNTER_BINDING}${V1}[[migrations]]
tag = "v2"
deleted_classes = ["Legacy"]
${plus(`[[migrations]]
tag = "v3"
new_sqlite_classes = ["Room"]`)}
`;
    const { after } = check([{ file: "wrangler.toml", diff }], {
      scripts: LIVE_V1,
      namespaces: { "w/Counter": {} },
    });
    assert.match(finding(after, "DO802").message, /deletes `Legacy`, which has no live namespace\)/);
  });
});

describe("which other Workers are read for live bindings (one rule, the check's and the deploy's)", () => {
  it("the repository's Workers first, then the others, each by name, up to the cap in all", () => {
    const scripts = ["zeta", "ext-b", "consumer", "w", "ext-a", "api"];
    assert.deepEqual(bindingScan(scripts, new Set(["w"]), new Set(["w", "consumer", "api", "gone"]), 3), {
      repository: ["api", "consumer"],
      outside: ["ext-a"],
      skipped: 2,
    });
    assert.deepEqual(bindingScan(scripts, new Set(["w"]), new Set(["w"]), 100).skipped, 0);
    assert.deepEqual(bindingScan(scripts, new Set(), null, 100), { repository: [], outside: [], skipped: 0 });
  });
});

// Replaying a lifecycle into class states, the way the server applies it to a fresh Worker, and
// which steps a deployed Worker would receive.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pendingSteps } from "../../src/core/analyze/history.ts";
import { liveClasses, type Replay, replayLifecycle, replaySteps } from "../../src/core/lifecycle/replay.ts";
import type { ExportEntry, Lifecycle, LifecycleOp, LifecycleStep } from "../../src/core/model.ts";

const create = (className: string, storage: "sqlite" | "kv" = "sqlite"): LifecycleOp => ({
  type: "create",
  className,
  storage,
});
const del = (className: string): LifecycleOp => ({ type: "delete", className });
const rename = (from: string, to: string): LifecycleOp => ({ type: "rename", from, to });
const transferIn = (className: string): LifecycleOp => ({
  type: "transfer-in",
  className,
  from: className,
  fromScript: "other",
});

/** Steps tagged v1, v2, … on lines 10, 20, …, so a state's tag and line say which step it came from. */
function steps(...opsPerStep: LifecycleOp[][]): LifecycleStep[] {
  return opsPerStep.map((ops, index) => ({
    tag: `v${index + 1}`,
    index,
    line: (index + 1) * 10,
    ops,
    canonical: JSON.stringify(ops),
  }));
}

/** `Name: status storage via tag [renamedTo] [deletedBefore]` per class, and problems as `kind Name@tag`. */
function compact(replay: Replay) {
  return {
    classes: [...replay.classes.values()].map(
      (c) =>
        `${c.className}: ${c.status} ${c.storage ?? "-"} ${c.via} ${c.tag ?? "-"}@${c.line ?? "-"}` +
        (c.renamedTo ? ` -> ${c.renamedTo}` : "") +
        (c.deletedBefore ? " (deleted before)" : ""),
    ),
    problems: replay.problems.map((p) => `${p.kind} ${p.className}@${p.tag}`),
  };
}

describe("replaySteps: migrations in order", () => {
  const cases: Array<{ name: string; steps: LifecycleStep[]; classes: string[]; problems?: string[] }> = [
    {
      name: "creates with both storage backends",
      steps: steps([create("Room"), create("Legacy", "kv")]),
      classes: ["Room: live sqlite create v1@10", "Legacy: live kv create v1@10"],
    },
    {
      name: "a rename ends the old name and carries storage to the new one",
      steps: steps([create("Room", "kv")], [rename("Room", "ChatRoom")]),
      classes: ["Room: renamed kv create v2@20 -> ChatRoom", "ChatRoom: live kv rename v2@20"],
    },
    {
      name: "a delete keeps the storage it destroyed",
      steps: steps([create("Room")], [del("Room")]),
      classes: ["Room: deleted sqlite create v2@20"],
    },
    {
      name: "a name deleted and created again remembers it was deleted",
      steps: steps([create("Cache", "kv")], [del("Cache")], [create("Cache")]),
      classes: ["Cache: live sqlite create v3@30 (deleted before)"],
    },
    {
      name: "a class transferred in has no known storage",
      steps: steps([transferIn("Cart")]),
      classes: ["Cart: live - transfer v1@10"],
    },
    {
      name: "deleting or renaming a class never created, creating one twice, renaming onto a live class",
      steps: steps([del("Ghost")], [rename("Nope", "X")], [create("A"), create("A")], [rename("X", "A")]),
      classes: [
        "Ghost: deleted - create v1@10",
        "Nope: renamed - create v2@20 -> X",
        "X: renamed - rename v4@40 -> A",
        "A: live - rename v4@40",
      ],
      problems: [
        "delete-unknown Ghost@v1",
        "rename-unknown Nope@v2",
        "create-existing A@v3",
        "rename-onto-existing A@v4",
      ],
    },
    {
      name: "a class renamed away cannot be deleted under its old name",
      steps: steps([create("Room")], [rename("Room", "Hall")], [del("Room")]),
      classes: ["Room: deleted sqlite create v3@30", "Hall: live sqlite rename v2@20"],
      problems: ["delete-unknown Room@v3"],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(compact(replaySteps(c.steps)), { classes: c.classes, problems: c.problems ?? [] });
    });
  }

  it("liveClasses lists only live names", () => {
    const replay = replaySteps(steps([create("A"), create("B"), create("C")], [del("B"), rename("C", "D")]));
    assert.deepEqual([...liveClasses(replay.classes)].sort(), ["A", "D"]);
  });
});

describe("replayLifecycle: exports and none", () => {
  const entry = (
    className: string,
    state: ExportEntry["state"],
    more: Partial<ExportEntry> = {},
  ): ExportEntry => ({
    className,
    state,
    storage: null,
    renamedTo: null,
    transferredTo: null,
    transferFrom: null,
    line: 7,
    ...more,
  });
  it("maps each exports state to a class state, in declaration order", () => {
    const lifecycle: Lifecycle = {
      model: "exports",
      inherited: false,
      entries: [
        entry("Room", "created", { storage: "sqlite" }),
        entry("Old", "deleted"),
        entry("Lobby", "renamed", { renamedTo: "Hall" }),
        entry("Cart", "transferred", { transferredTo: "shop" }),
        entry("Wish", "expecting-transfer", { storage: "kv", transferFrom: "legacy" }),
      ],
    };
    assert.deepEqual(compact(replayLifecycle(lifecycle)), {
      classes: [
        "Room: live sqlite create -@7",
        "Old: deleted - create -@7",
        "Lobby: renamed - create -@7 -> Hall",
        "Cart: transferred-out - create -@7",
        "Wish: live kv transfer -@7",
      ],
      problems: [],
    });
  });

  it("no lifecycle: no classes", () => {
    assert.deepEqual(compact(replayLifecycle({ model: "none" })), { classes: [], problems: [] });
  });

  it("a migrations lifecycle replays its steps", () => {
    const lifecycle: Lifecycle = { model: "migrations", inherited: true, steps: steps([create("A")]) };
    assert.deepEqual(compact(replayLifecycle(lifecycle)), compact(replaySteps(steps([create("A")]))));
  });
});

describe("pendingSteps: what a Worker deployed at the base's last tag receives", () => {
  const base = steps([create("A")], [create("B")]);
  const tags = (list: readonly LifecycleStep[]) => list.map((s) => s.tag);
  const cases: Array<{ name: string; base: LifecycleStep[]; head: LifecycleStep[]; expect: string[] }> = [
    { name: "nothing deployed yet: every step", base: [], head: base, expect: ["v1", "v2"] },
    {
      name: "the steps after the deployed tag",
      base,
      head: steps([create("A")], [create("B")], [create("C")], [del("A")]),
      expect: ["v3", "v4"],
    },
    { name: "the deployed tag is the last: nothing", base, head: base, expect: [] },
    {
      name: "the deployed tag is gone from the head: wrangler replays every step",
      base,
      head: steps([create("A")]),
      expect: ["v1"],
    },
    {
      name: "a duplicate of the deployed tag: matched at its first copy",
      base,
      head: [...base, { ...base[1]!, index: 2, line: 30 }, ...steps([], [], [create("Z")]).slice(2)],
      expect: ["v2", "v3"],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(tags(pendingSteps(c.base, c.head)), c.expect));
});

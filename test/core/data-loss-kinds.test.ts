// The catalogue is the one list of data-loss kinds (catalogue.ts `reportsDataLoss`): every stage
// that can report data loss (the config comparison, the live plan) emits it only under kinds the
// catalogue marks, so the policy refuses rules naming them and the placement, the live plan and
// the action's outputs agree on what destroys objects.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeRepository } from "../../src/core/analyze/analyze.ts";
import {
  CATALOGUE,
  deletesNamedClasses,
  destroyedClasses,
  isConfigDelete,
  reportsDataLoss,
} from "../../src/core/catalogue.ts";
import type { FindingKind, Report } from "../../src/core/model.ts";
import { withLiveState } from "../support/live-cases.ts";

const RENAME_BASE = [
  'name = "chat"',
  "",
  "[[durable_objects.bindings]]",
  'name = "ROOMS"',
  'class_name = "Room"',
  "",
  "[[migrations]]",
  'tag = "v1"',
  'new_sqlite_classes = ["Room"]',
  "",
].join("\n");
const RENAME_HEAD = `${RENAME_BASE.replace('class_name = "Room"', 'class_name = "ChatRoom"')}[[migrations]]\ntag = "v2"\ndeleted_classes = ["Room"]\nnew_sqlite_classes = ["ChatRoom"]\n`;

const REPLAY_BASE = [
  'name = "chat"',
  "",
  "[[migrations]]",
  'tag = "v1"',
  'renamed_classes = [{ from = "Old", to = "Room" }]',
  "",
  "[[migrations]]",
  'tag = "v2"',
  'deleted_classes = ["Lobby"]',
  "",
].join("\n");

const UNDEPLOYED_BASE = [
  'name = "chat"',
  "",
  "[[migrations]]",
  'tag = "v1"',
  'new_sqlite_classes = ["Room", "Lobby"]',
  "",
  "[[migrations]]",
  'tag = "v2"',
  'deleted_classes = ["Lobby"]',
  "",
].join("\n");

/** Each stage that reports data loss, a change that makes it do so, and the kinds it reports it under. */
const STAGES: ReadonlyArray<{ stage: string; kinds: readonly FindingKind[]; report: () => Report }> = [
  {
    stage: "the config comparison (a rename written as delete + create)",
    kinds: ["class-deleted", "probable-rename"],
    report: () =>
      analyzeRepository([{ file: "wrangler.toml", baseText: RENAME_BASE, headText: RENAME_HEAD }]),
  },
  {
    stage: "the live plan (a replay of the whole history)",
    kinds: ["live-tag-unknown", "class-deleted"],
    report: () =>
      withLiveState(
        [
          {
            file: "wrangler.toml",
            baseText: REPLAY_BASE,
            headText: `${REPLAY_BASE}\n[[migrations]]\ntag = "v3"\ndeleted_classes = ["Room"]\n`,
          },
        ],
        { scripts: { chat: "preview-3" }, namespaces: { "chat/Lobby": 5, "chat/Old": 7 } },
      ),
  },
  {
    stage: "the live plan (a delete on the base branch not deployed yet)",
    kinds: ["undeployed-step"],
    report: () =>
      withLiveState(
        [
          {
            file: "wrangler.toml",
            baseText: UNDEPLOYED_BASE,
            headText: `${UNDEPLOYED_BASE}\n[[migrations]]\ntag = "v3"\nnew_sqlite_classes = ["Hall"]\n`,
          },
        ],
        { scripts: { chat: "v1" }, namespaces: { "chat/Room": 1, "chat/Lobby": 4 } },
      ),
  },
];

describe("every kind a stage reports as data loss is marked in the catalogue", () => {
  for (const { stage, kinds, report } of STAGES) {
    it(stage, () => {
      const loss = report().findings.filter((f) => f.dataLoss);
      assert.deepEqual([...new Set(loss.map((f) => f.kind))].sort(), [...kinds].sort());
      for (const f of loss) {
        assert.equal(reportsDataLoss(f.kind), true, `${f.code} ${f.kind} is not marked reportsDataLoss`);
        assert.ok(destroyedClasses(f).length > 0, `${f.code} names no destroyed class`);
      }
    });
  }

  it("and the catalogue marks no kind that no stage reports as data loss", () => {
    const marked = (Object.keys(CATALOGUE) as FindingKind[]).filter(reportsDataLoss).sort();
    assert.deepEqual(marked, [...new Set(STAGES.flatMap((s) => s.kinds))].sort());
  });

  it("the derived lists: config deletes, deletes of every named class, destroyed classes", () => {
    const kinds = Object.keys(CATALOGUE) as FindingKind[];
    assert.deepEqual(kinds.filter(isConfigDelete), ["class-deleted", "probable-rename"]);
    assert.deepEqual(kinds.filter(deletesNamedClasses), [
      "class-deleted",
      "live-tag-unknown",
      "undeployed-step",
    ]);
    const rename = analyzeRepository([
      { file: "wrangler.toml", baseText: RENAME_BASE, headText: RENAME_HEAD },
    ]).findings.find((f) => f.kind === "probable-rename")!;
    assert.deepEqual(rename.classes, ["Room", "ChatRoom"]);
    assert.deepEqual(destroyedClasses(rename), ["Room"]);
    assert.deepEqual(destroyedClasses({ ...rename, dataLoss: false }), []);
  });
});
